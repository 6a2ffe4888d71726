"""Worker pools under each start method (issue 21): same output, and how they are prepared.

Under ``forkserver`` (Linux's default from Python 3.14) the fork server loads every
table once (``credscore.pipeline._preload``) and forks ready workers.  Nothing is
timed here: ``benchmarks/throughput.py workers`` measures.
"""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest

from credscore.pipeline import batch
from credscore.pipeline.jsonl import StreamOptions, stream

ROOT = Path(__file__).resolve().parents[1]


def test_prepare_workers_per_start_method(monkeypatch):
    calls = []
    monkeypatch.setattr(batch, "warm_up", lambda: calls.append("warm"))
    import gc

    ctx = multiprocessing.get_context("spawn")
    assert batch.prepare_workers(ctx) is False and calls == []
    if "fork" in multiprocessing.get_all_start_methods():
        try:
            assert batch.prepare_workers(multiprocessing.get_context("fork")) is True and calls == ["warm"]
        finally:
            gc.unfreeze()


@pytest.mark.slow
@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_give_the_same_output(method, monkeypatch):
    """Workers that start from nothing (``spawn``: each loads every table itself) or are
    forked from a warmed fork server (``forkserver``) write byte for byte what one
    process writes."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:6]
    lines = b"".join(json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}).encode() + b"\n"
                     for i, p in enumerate(seeds))
    outs = []
    for jobs, start in ((1, None), (2, method)):
        if start:
            monkeypatch.setenv(batch.START_METHOD_ENV, start)
        out = io.BytesIO()
        stream(io.BytesIO(lines), out, StreamOptions(), jobs=jobs)
        outs.append(out.getvalue())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == len(seeds)
