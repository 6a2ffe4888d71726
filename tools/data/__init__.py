"""The corpora the development code reads, in one place: where the shared data lives and
one loader per corpus family (``boilerplate``: WCXB + AEB pages and their frozen split;
``spin_corpus``: the spin signal's training texts).

``<repo>/../shared/data`` as CI lays it out; ``CREDSCORE_SHARED`` (the shared folder) or
``CREDSCORE_DATA`` (its ``data`` folder) override it, e.g. for a git worktree elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
DATA = Path(os.environ.get("CREDSCORE_DATA") or SHARED / "data")
