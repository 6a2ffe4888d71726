"""Stream JSON Lines through credscore: one record in, one record out, flat memory.

This is the engine of ``credscore score``.  It reads the input one line at a time
(never the whole file), scores the text of each record, and writes the record
back with credscore's fields added::

    {"id": 7, "text": "..."}  →  {"id": 7, "text": "...", "score": 61.3,
                                  "flags": [], "language": "en",
                                  "signals": {"spin": 0.0, ...}}

Rules that make it safe to run over millions of records:

* **Nothing is dropped silently.**  A line that cannot be scored is still
  written, with an ``"error": {"kind": ..., "message": ...}`` field, and counted.
  Kinds: ``undecodable`` (not UTF-8), ``bad_json``, ``not_object`` (valid JSON
  that is not an object), ``missing_field``, ``bad_field_type``, and credscore's
  own (``empty``, ``binary``, ``too_large``, ``internal`` …).  A line that is not
  a JSON object is written as ``{"line": N, "raw": "<the line>", "error": …}``
  (``field_prefix`` goes in front of these names too).
  Blank lines are not records: they are skipped and counted in the summary.
* **Only a threshold the caller asks for filters.**  ``keep_below``/``keep_above``
  drop scored records outside the range (counted as ``filtered``); failed records
  are always written.  A record that was analysed but cannot be scored
  (``"score": null`` with an ``unscored_reason``, see :mod:`credscore.scorable`)
  is kept by default and counted as ``unscored``; ``unscored="drop"`` drops it
  (counted as ``filtered`` too).
* **Order and content do not depend on ``jobs``.**  With ``jobs > 1`` chunks of
  lines go to a :mod:`multiprocessing` pool through ``imap`` (ordered), and at most
  a few chunks per worker are in flight at once, so memory stays flat however
  long the input is.  JSON parsing and serialisation happen in the workers too.
"""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterable, Iterator

from ..score import LinearModel
from .batch import analysis_fields, error_fields, prepare_workers, resolve_model, score_one, warm_up, worker_context

#: A chunk is sent to a worker when it holds this many lines or this many bytes: about
#: 0.1 s of work either way (7 news articles of 5 KB, 64 short records), so a worker
#: waits little at the end of the input and the pipe costs well under 1 % per chunk.
CHUNK_LINES = 64
CHUNK_BYTES = 32 << 10
#: Chunks in flight per worker (bounds memory with ``jobs > 1``).
IN_FLIGHT_PER_JOB = 4

OK, FAILED, FILTERED, BLANK = "ok", "failed", "filtered", "blank"
#: An analysed record with no score, written (UNSCORED) or dropped (UNSCORED_DROPPED).
UNSCORED, UNSCORED_DROPPED = "unscored", "unscored_dropped"


@dataclass(frozen=True)
class StreamOptions:
    """How to read each record and what to add to it."""

    text_field: str = "text"
    html_field: str | None = None
    url_field: str | None = None
    include_text: bool = False
    keep_below: float | None = None
    keep_above: float | None = None
    model: str | None = None  # a model file path; None = the shipped model
    field_prefix: str = ""
    unscored: str = "keep"  # "keep" or "drop": records with no score (see credscore.scorable)


@dataclass
class Summary:
    """What a run did; :meth:`line` is the summary the CLI prints."""

    documents: int = 0
    failed: int = 0
    filtered: int = 0
    blank: int = 0
    unscored: int = 0
    seconds: float = 0.0
    errors_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def written(self) -> int:
        return self.documents - self.filtered

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        parts = [f"{self.documents} documents", f"{self.failed} failures"]
        if self.errors_by_kind:
            parts[-1] += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.errors_by_kind.items())) + ")"
        if self.unscored:
            parts.append(f"{self.unscored} unscored")
        if self.filtered:
            parts.append(f"{self.filtered} filtered out")
        if self.blank:
            parts.append(f"{self.blank} blank lines skipped")
        parts.append(f"{self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s")
        return "credscore: " + ", ".join(parts)


def _dumps(rec: Any) -> bytes:
    try:
        return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape: keep it escaped
        return (json.dumps(rec, ensure_ascii=True) + "\n").encode("ascii")


def _bad_line(lineno: int, raw: str, kind: str, message: str, p: str = "") -> tuple[bytes, str, str]:
    return _dumps({p + "line": lineno, p + "raw": raw, p + "error": error_fields(kind, message)}), FAILED, kind


def process_line(raw: bytes, lineno: int, opts: StreamOptions, model: LinearModel | None = None
                 ) -> tuple[bytes | None, str, str | None]:
    """Score one input line; return ``(output line or None, status, error kind)``."""
    if not raw.strip():
        return None, BLANK, None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return _bad_line(lineno, raw.decode("utf-8", "replace").rstrip("\r\n"), "undecodable", f"line {lineno}: not UTF-8: {e}",
                         opts.field_prefix)
    line = line.rstrip("\r\n")
    if line.startswith("\ufeff"):
        line = line[1:]
    try:
        rec = json.loads(line)
    except (ValueError, RecursionError) as e:
        return _bad_line(lineno, line, "bad_json", f"line {lineno}: {e}", opts.field_prefix)
    if not isinstance(rec, dict):
        return _bad_line(lineno, line, "not_object", f"line {lineno}: a JSON {type(rec).__name__}, not an object",
                         opts.field_prefix)
    content: Any = None
    ctype = "text"
    if opts.html_field is not None and isinstance(rec.get(opts.html_field), str) and rec[opts.html_field].strip():
        content, ctype = rec[opts.html_field], "html"
    elif opts.text_field in rec:
        content = rec[opts.text_field]
    url = rec.get(opts.url_field) if opts.url_field else None
    if content is None:
        fields = " or ".join(repr(f) for f in (opts.html_field, opts.text_field) if f)
        result: Any = error_fields("missing_field", f"no {fields} field")
    else:
        result = score_one(content, url=url if isinstance(url, str) else None, content_type=ctype, model=model)
    p = opts.field_prefix
    if isinstance(result, dict):
        rec[p + "error"] = result = error_fields(result["kind"], f"line {lineno}: {result['message']}")
        return _dumps(rec), FAILED, result["kind"]
    score = result.score
    if score is None:
        if opts.unscored == "drop":
            return None, UNSCORED_DROPPED, result.unscored_reason
        status = UNSCORED
    elif (opts.keep_below is not None and not score < opts.keep_below) or (
            opts.keep_above is not None and not score >= opts.keep_above):
        return None, FILTERED, None
    else:
        status = OK
    for k, v in analysis_fields(result, include_text=opts.include_text).items():
        rec[p + k] = v
    return _dumps(rec), status, result.unscored_reason


# --- worker side -----------------------------------------------------------------

_W_OPTS: StreamOptions | None = None
_W_MODEL: LinearModel | None = None


def _init_worker(opts: StreamOptions) -> None:
    global _W_OPTS, _W_MODEL
    _W_OPTS = opts
    _W_MODEL = resolve_model(opts.model)
    # Load the dictionaries and models at pool start, not inside the first chunk (a
    # forked worker inherited them from the parent: then this is one short analysis).
    warm_up()


def _work_chunk(chunk: list[tuple[int, bytes]]) -> list[tuple[bytes | None, str, str | None]]:
    assert _W_OPTS is not None
    return [process_line(raw, n, _W_OPTS, _W_MODEL) for n, raw in chunk]


# --- driver ----------------------------------------------------------------------


def _chunks(lines: Iterable[bytes], start: int = 1) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    size = 0
    for n, raw in enumerate(lines, start):
        chunk.append((n, raw))
        size += len(raw)
        if len(chunk) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _bounded(it: Iterator[Any], sem: threading.Semaphore, stop: threading.Event) -> Iterator[Any]:
    """Yield from ``it`` only while fewer than the semaphore's count are in flight."""
    for item in it:
        while not sem.acquire(timeout=0.1):
            if stop.is_set():
                return
        yield item


def stream(
    infile: IO[bytes],
    outfile: IO[bytes],
    opts: StreamOptions = StreamOptions(),
    *,
    jobs: int = 1,
    progress: Callable[[int], Any] | None = None,
) -> Summary:
    """Score every record of ``infile`` (binary JSONL) into ``outfile``; return the summary.

    ``progress`` is called with the number of records done after each chunk.
    """
    summary = Summary()
    t0 = time.perf_counter()

    def account(results: list[tuple[bytes | None, str, str | None]]) -> None:
        for out, status, kind in results:
            if status == BLANK:
                summary.blank += 1
                continue
            summary.documents += 1
            if status == FAILED:
                summary.failed += 1
                summary.errors_by_kind[kind or "error"] = summary.errors_by_kind.get(kind or "error", 0) + 1
            elif status == FILTERED:
                summary.filtered += 1
            elif status in (UNSCORED, UNSCORED_DROPPED):
                summary.unscored += 1
                if status == UNSCORED_DROPPED:
                    summary.filtered += 1
            if out is not None:
                outfile.write(out)
        if progress is not None:
            progress(sum(1 for _, s, _ in results if s != BLANK))

    model = resolve_model(opts.model)  # a bad --model fails here, once, not in every worker
    if jobs <= 1:
        for chunk in _chunks(infile):
            account([process_line(raw, n, opts, model) for n, raw in chunk])
    else:
        sem = threading.Semaphore(jobs * IN_FLIGHT_PER_JOB)
        stop = threading.Event()
        ctx = worker_context()  # an explicit start method: fork on Linux (see batch.start_method)
        # fork: warm up here (workers inherit the loaded tables) and freeze them out of the
        # collector; forkserver: the server warms up once and forks ready workers
        forked = prepare_workers(ctx)
        try:
            with ctx.Pool(jobs, initializer=_init_worker, initargs=(opts,)) as pool:
                try:
                    for results in pool.imap(_work_chunk, _bounded(_chunks(infile), sem, stop)):
                        sem.release()
                        account(results)
                finally:
                    stop.set()
        finally:
            if forked:
                gc.unfreeze()
    outfile.flush()
    summary.seconds = time.perf_counter() - t0
    return summary


def tqdm_progress(stream_: IO[str] | None = None) -> tuple[Callable[[int], Any] | None, Callable[[], None]]:
    """A tqdm progress callback on stderr when it is a terminal, else ``(None, noop)``.

    tqdm is optional (``pip install credscore[progress]``); without it there is no bar.
    """
    err = stream_ or sys.stderr
    if not getattr(err, "isatty", lambda: False)():
        return None, lambda: None
    try:
        from tqdm import tqdm
    except ImportError:
        return None, lambda: None
    bar = tqdm(file=err, unit=" docs", dynamic_ncols=True, desc="credscore")
    return bar.update, bar.close
