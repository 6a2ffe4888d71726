from __future__ import annotations

import os
from dataclasses import dataclass
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


_NO_NET = """
import socket, sys
def _blocked(*a, **k):
    raise RuntimeError("network access attempted")
socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.socket.sendto = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
from credscore.cli import main
codes = [main(["report", "seeds", "--format", "json"]),
         main(["report", "seeds", sys.argv[1], "--format", "json", "-o", sys.argv[2]]),
         main(["clean", "seeds", sys.argv[1], "-o", sys.argv[3]])]
raise SystemExit(max(codes))
"""


@dataclass(frozen=True)
class OfflineRun:
    returncode: int
    stdout: str  # ``report seeds --format json``
    stderr: str
    report_file: str  # ``report seeds HOSTILE --format json -o FILE``
    clean_file: str  # ``clean seeds HOSTILE -o FILE``


@pytest.fixture(scope="session")
def cli_with_sockets_blocked(tmp_path_factory) -> OfflineRun:
    """The whole CLI in a fresh interpreter whose sockets raise on use: ``report`` (to stdout,
    and to a file with a hostile page that points at a remote DTD, stylesheet and image) and
    ``clean`` on the seeds.  One run, read by the offline tests of test_offline_and_inputs and
    test_robustness (a fresh process each cost a cold start)."""
    import subprocess
    import sys

    from ._data import UDHR

    tmp = tmp_path_factory.mktemp("offline")
    page = tmp / "hostile.html"
    page.write_text('<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html><head>'
                    '<link rel="stylesheet" href="http://example.invalid/s.css"></head><body>'
                    '<img src="http://example.invalid/p.gif"><p>' + UDHR["vi"] + "</p></body></html>")
    out, clean = tmp / "out.json", tmp / "clean.txt"
    r = subprocess.run([sys.executable, "-c", _NO_NET, str(page), str(out), str(clean)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    read = (lambda p: p.read_text(encoding="utf-8") if p.exists() else "")
    return OfflineRun(r.returncode, r.stdout, r.stderr, read(out), read(clean))
