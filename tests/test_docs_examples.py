"""Every code block a user would paste from README.md and docs/*.md runs (issue #23, item 5).

Fenced blocks tagged ``python``, ``bash`` or ``sh`` are extracted and run, in a
scratch directory where ``seeds/`` is the repository's seeds, with this interpreter's
``credscore`` on ``PATH``.  A ``python`` block of ``>>>`` lines runs as a doctest; other
``python`` blocks run in this interpreter in a namespace of their own, except one with a
``__main__`` guard (it starts worker processes), which runs as a script.  Blocks
tagged ``text`` (synopses, diagrams, sample output) are not code.  An HTML comment right
before a fence says more, unseen by readers of the rendered page::

    <!-- doc-test: skip (why) -->           not run; the reason is required
    <!-- doc-test: needs jq -->             skipped here when a command is missing
    <!-- doc-test: setup                    code run first in the same script (the names
    html_or_text = open(...).read()         a reader stands for their own: html, texts, …)
    -->

Every block must have a language tag, so that a new example cannot slip by untested.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN = {"python", "bash", "sh"}
NOT_CODE = {"text"}
_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
_MARK = re.compile(r"<!--\s*doc-test:(.*)-->\s*\Z", re.S)


@dataclass
class Block:
    path: Path
    line: int
    lang: str
    code: str
    skip: str | None = None
    needs: list[str] = field(default_factory=list)
    setup: str = ""

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks() -> list[Block]:
    out = []
    for path in DOCS:
        s = path.read_text(encoding="utf-8")
        for m in _FENCE.finditer(s):
            b = Block(path, s.count("\n", 0, m.start()) + 1, m.group(1), m.group(2))
            before = s[max(0, m.start() - 2000):m.start()]
            mark = _MARK.match(before[before.rfind("<!--"):]) if "<!--" in before else None
            if mark:
                lines = mark.group(1).strip().splitlines()
                for i, line in enumerate(lines):
                    w = line.strip()
                    if w.startswith("skip"):
                        b.skip = w[4:].strip(" :()") or "(no reason given)"
                    elif w.startswith("needs"):
                        b.needs = w[5:].split()
                    elif w.rstrip(":") == "setup":
                        b.setup = "\n".join(lines[i + 1:]) + "\n"
                        break
            out.append(b)
    return out


BLOCKS = blocks()
RUNNABLE = [b for b in BLOCKS if b.lang in RUN]


def test_every_block_is_tagged_and_every_skip_has_a_reason():
    untagged = [b.id for b in BLOCKS if b.lang not in RUN | NOT_CODE]
    assert not untagged, f"tag these blocks (python/bash/sh to run them, text if not code): {untagged}"
    assert all(b.skip != "(no reason given)" for b in BLOCKS)
    # most of what a user pastes does run here
    assert sum(b.skip is None for b in RUNNABLE) >= 8


@pytest.fixture()
def scratch(tmp_path):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    return tmp_path


def _env() -> dict[str, str]:
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _needs_own_process(block: Block) -> bool:
    """A python block run as a script of its own: one with a ``__main__`` guard (it starts
    worker processes that import the script, as the Dask example does)."""
    return "__main__" in block.setup + block.code


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.id for b in RUNNABLE])
def test_documented_example_runs(block: Block, scratch: Path, monkeypatch):
    if block.skip:
        pytest.skip(f"marked in the docs: {block.skip}")
    missing = [n for n in block.needs if shutil.which(n) is None]
    if missing:
        pytest.skip(f"needs {missing}")
    if block.lang == "python" and block.code.lstrip().startswith(">>>"):
        globs: dict[str, object] = {}
        if block.setup:
            exec(block.setup, globs)  # noqa: S102 - the docs' own setup
        test = doctest.DocTestParser().get_doctest(block.code, globs, block.id, str(block.path), block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0, f"{block.id}: doctest failed"
        return
    if block.lang == "python" and not _needs_own_process(block):
        # in this interpreter, in a namespace of its own (as the >>> blocks above), from the
        # scratch directory: the same code a fresh ``python example.py`` runs, without a cold
        # start per block; the shell blocks run the installed ``credscore`` command
        script = scratch / "example.py"
        script.write_text(block.setup + block.code, encoding="utf-8")
        monkeypatch.chdir(scratch)
        monkeypatch.setenv("NO_COLOR", "1")
        exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), {"__name__": "__main__"})  # noqa: S102
        return
    if block.lang == "python":
        script = scratch / "example.py"
        script.write_text(block.setup + block.code, encoding="utf-8")
        cmd = [sys.executable, str(script)]
    else:
        script = scratch / "example.sh"
        script.write_text("set -euo pipefail\n" + block.setup + block.code, encoding="utf-8")
        cmd = ["bash", str(script)]
    r = subprocess.run(cmd, cwd=scratch, env=_env(), capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f"{block.id} failed (exit {r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}"
