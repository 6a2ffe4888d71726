from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
DATA = SHARED / "data"


def seed_path(prefix: str) -> Path:
    (p,) = SEEDS.glob(f"{prefix}_*.txt")
    return p


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_analyses(seed_texts):
    import credscore

    return {k: credscore.analyze(v) for k, v in seed_texts.items()}


@pytest.fixture(scope="session")
def seed_items(seed_analyses):
    """The seed analyses named by their path, as the CLI names them (copies: the shared
    ``seed_analyses`` objects are frozen and stay as they are)."""
    from dataclasses import replace

    return [replace(a, name=str(seed_path(key).relative_to(SEEDS.parent)))
            for key, a in sorted(seed_analyses.items())]


def require_data(*parts: str) -> Path:
    p = DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p
