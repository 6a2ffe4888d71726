"""One version: the package, its metadata and the changelog agree."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import credscore

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is Python 3.11+")
def test_version_matches_pyproject() -> None:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["version"] == credscore.__version__


def test_changelog_has_a_section_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heads = re.findall(r"^## \[([^\]]+)\]", text, flags=re.M)
    assert heads[0] == "Unreleased"
    assert heads[1] == credscore.__version__, "the newest released section names this version"
    assert re.search(rf"^## \[{re.escape(credscore.__version__)}\] - \d{{4}}-\d\d-\d\d$", text, flags=re.M)
