"""Score many documents at once, as columns: the shape data tools exchange.

:func:`score_batch` takes a list of texts and returns a ``dict`` of equal-length
lists, one per output column.  That is exactly what Hugging Face
``datasets.map(batched=True)`` and Ray ``map_batches`` want back, what
``pandas.DataFrame(...)`` builds a frame from, and what Spark's ``mapInPandas``
can wrap::

    ds = ds.map(lambda b: credscore.score_batch(b["text"]), batched=True)

Columns (with an optional ``prefix`` in front of every name):

``score``
    0–100, ``None`` where the document failed or cannot be scored;
``unscored_reason``
    why a document that was analysed has no score (``"no_article"``,
    ``"too_short"``, ``"language:de"`` …, see :mod:`credscore.scorable`), else ``None``;
``flags``
    the names of the signals that flagged the document (a list per row);
``language``
    the detected language code;
``signal_<name>``
    one column per registered signal: its ``value``, ``None`` where the signal
    does not apply (an English-only signal on Russian text) or the document failed;
``error_kind`` / ``error_message``
    ``None`` on success; otherwise a stable machine-readable kind (``"empty"``,
    ``"binary"``, ``"too_large"``, ``"missing_field"``, ``"internal"`` …) and the
    message.  No row is ever dropped: N texts in, N rows out;
``clean_text``
    only with ``include_text=True``: the article text with the chrome removed.

The per-document building block, :func:`score_one`, is shared with the JSONL
streamer (:mod:`credscore.pipeline.jsonl`), pandas, Dask and scikit-learn
front ends, so every front end reports the same fields under the same rules.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ..analysis import analyze
from ..errors import CredscoreError
from ..score import LinearModel, load_model
from ..signals import load_signals
from ..types import Analysis

if TYPE_CHECKING:
    import multiprocessing.context

#: Rounding of the numbers written out (keeps JSONL small and diffs stable).
SCORE_DIGITS = 2
SIGNAL_DIGITS = 6


class FieldError(CredscoreError):
    """A record lacks the field to score, or the field is not text."""

    kind = "missing_field"


class FieldTypeError(CredscoreError):
    """The field to score holds something other than a string (a number, a list …)."""

    kind = "bad_field_type"


@lru_cache(maxsize=1)
def signal_names() -> tuple[str, ...]:
    """The registered signal names, in registry order (the ``signal_*`` columns)."""
    return tuple(m.NAME for m in load_signals())


def error_fields(kind: str, message: str) -> dict[str, Any]:
    """The ``error`` object every front end writes for a failed document."""
    return {"kind": kind, "message": message}


def classify_exception(e: BaseException) -> dict[str, Any]:
    """A typed ``error`` object for an exception raised while scoring one document.

    credscore's own errors carry their ``kind``; anything else is a bug in
    credscore (or a signal) met on this document and is reported as
    ``"internal"`` with the exception's type, so that one odd page never stops a
    run over millions.
    """
    if isinstance(e, CredscoreError):
        return error_fields(e.kind, str(e))
    return error_fields("internal", f"{type(e).__name__}: {e}")


def resolve_model(model: LinearModel | str | Path | None) -> LinearModel:
    """Load a model once for a whole batch (``analyze`` would re-read a path per call)."""
    return model if isinstance(model, LinearModel) else load_model(model)


def _round(score: float | None) -> float | None:
    return None if score is None else round(score, SCORE_DIGITS)


def analysis_fields(a: Analysis, *, include_text: bool = False) -> dict[str, Any]:
    """The fields added to a record for one analysis (JSONL flavour: nested ``signals``)."""
    out: dict[str, Any] = {
        "score": _round(a.score),
        "unscored_reason": a.unscored_reason,
        "flags": a.flags,
        "language": a.language,
        "signals": {
            name: (round(float(s.value), SIGNAL_DIGITS) if s.applicable else None) for name, s in a.signals.items()
        },
    }
    if include_text:
        out["clean_text"] = a.text
    return out


def score_one(
    content: str | bytes | None,
    *,
    url: str | None = None,
    content_type: str | None = None,
    published: dt.date | str | None = None,
    crawled: dt.date | str | None = None,
    model: LinearModel | None = None,
    max_bytes: int | None = None,
) -> Analysis | dict[str, Any]:
    """Analyse one document; return the :class:`Analysis` or an ``error`` object.

    Never raises for a bad document (``KeyboardInterrupt`` and friends still stop
    the run): ``None`` gives ``missing_field``, a non-string ``bad_field_type``,
    credscore's own errors their ``kind``, anything else ``internal``.
    """
    if content is None:
        return error_fields(FieldError.kind, "no text to score")
    if not isinstance(content, (str, bytes)):
        return error_fields(FieldTypeError.kind, f"expected a string, got {type(content).__name__}")
    kw: dict[str, Any] = {}
    if max_bytes is not None:
        kw["max_bytes"] = max_bytes
    try:
        return analyze(content, url=url, content_type=content_type, published=published, crawled=crawled,
                       model=model, **kw)
    except Exception as e:  # noqa: BLE001 - one document must never stop a batch; the error is recorded
        return classify_exception(e)


_WARM_TEXT = (
    "The minister said on Tuesday, March 3, 2020, that the talks would continue. Officials told "
    "reporters the plan was realy ready, according to a statement. \"We will see,\" she added.\n\n"
) * 3


def warm_up() -> None:
    """Load what the first analysis loads lazily (CMU dictionary, word list, model).

    That costs about a second of CPU, once per process.  Before forking worker
    processes, call it in the parent: the workers then inherit the loaded data
    instead of each loading it again.
    """
    analyze(_WARM_TEXT)


#: Environment variable that overrides :func:`worker_context`'s start method.
START_METHOD_ENV = "CREDSCORE_START_METHOD"


def start_method() -> str:
    """The start method of credscore's worker pools (``credscore score --jobs N``), chosen explicitly.

    ``fork`` on Linux: workers are copies of a parent that has run :func:`warm_up`,
    so each is ready at once and shares the loaded tables' memory pages with the
    others.  It is not left to the default because the default changes: from
    Python 3.14 Linux's is ``forkserver``, under which every worker would load
    everything again.  Elsewhere ``spawn`` (macOS's and Windows' default; forking
    is unsafe on macOS): each worker imports credscore and warms up in its pool
    initializer, about one CPU second once per worker.  ``$CREDSCORE_START_METHOD``
    overrides (``fork``, ``forkserver`` or ``spawn``; one the platform lacks is an
    error).
    """
    import multiprocessing  # here, not at import: only worker pools need it

    env = os.environ.get(START_METHOD_ENV)
    if env:
        if env not in multiprocessing.get_all_start_methods():
            raise ValueError(f"{START_METHOD_ENV}={env!r}: this platform has {multiprocessing.get_all_start_methods()}")
        return env
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def worker_context() -> multiprocessing.context.BaseContext:
    """The :mod:`multiprocessing` context for worker pools, with :func:`start_method`."""
    import multiprocessing

    return multiprocessing.get_context(start_method())


#: imported by the fork server before it forks any worker (see :func:`prepare_workers`)
FORKSERVER_PRELOAD = "credscore.pipeline._preload"


def prepare_workers(ctx: multiprocessing.context.BaseContext) -> bool:
    """Make the workers of a pool on ``ctx`` start with every table loaded; True if :func:`gc.freeze` was called.

    * ``fork``: :func:`warm_up` here, then freeze the loaded objects out of the
      garbage collector (a collection in a worker would write to, and so copy,
      every inherited page); the caller calls ``gc.unfreeze()`` after the pool.
    * ``forkserver``: the fork server imports :data:`FORKSERVER_PRELOAD`, which warms
      up and freezes there, once; every worker is forked from it, so it is ready in
      a few milliseconds and shares the tables' pages.  (Only if the server is not
      running yet: one started earlier by other code keeps its own preload list, and
      each worker then warms up in its initializer, as under spawn.)
    * ``spawn``: nothing to share; each worker loads the tables in its initializer.
    """
    method = ctx.get_start_method()
    if method == "fork":
        warm_up()
        gc.freeze()
        return True
    if method == "forkserver":
        ctx.set_forkserver_preload([FORKSERVER_PRELOAD])  # type: ignore[attr-defined]
    return False


def _broadcast(value: Any, n: int, name: str) -> Sequence[Any]:
    """A per-row sequence from a scalar (same for all rows) or a sequence of length ``n``."""
    if value is None or isinstance(value, (str, bytes, dt.date)):
        return [value] * n
    seq = list(value)
    if len(seq) != n:
        raise ValueError(f"{name} has {len(seq)} items for {n} texts")
    return seq


def empty_columns(*, include_text: bool = False, prefix: str = "") -> dict[str, list[Any]]:
    """The columns of :func:`score_batch`, empty, in their fixed order."""
    names = ["score", "unscored_reason", "flags", "language", *(f"signal_{n}" for n in signal_names()), "error_kind", "error_message"]
    if include_text:
        names.append("clean_text")
    return {prefix + n: [] for n in names}


def score_batch(
    texts: Iterable[str | bytes | None],
    *,
    urls: str | Sequence[str | None] | None = None,
    content_type: str | Sequence[str | None] | None = None,
    published: dt.date | str | Sequence[Any] | None = None,
    crawled: dt.date | str | Sequence[Any] | None = None,
    model: LinearModel | str | Path | None = None,
    include_text: bool = False,
    prefix: str = "",
    errors: str = "record",
    max_bytes: int | None = None,
) -> dict[str, list[Any]]:
    """Score ``texts``; return columns (see the module docstring), one row per text.

    ``urls``, ``content_type`` (``"html"``/``"text"``; detected when ``None``),
    ``published`` and ``crawled`` are either one value for every text or a sequence
    with one value per text.  ``errors="record"`` (default) reports a failed
    document in ``error_kind``/``error_message``; ``errors="raise"`` re-raises the
    first failure instead.  ``prefix`` is put in front of every column name (use
    it when your table already has a ``score`` column).
    """
    if errors not in ("record", "raise"):
        raise ValueError("errors must be 'record' or 'raise'")
    texts = list(texts)
    n = len(texts)
    urls_ = _broadcast(urls, n, "urls")
    ctypes = _broadcast(content_type, n, "content_type")
    pubs = _broadcast(published, n, "published")
    crawls = _broadcast(crawled, n, "crawled")
    lm = resolve_model(model)
    names = signal_names()
    cols = empty_columns(include_text=include_text)
    for i, text in enumerate(texts):
        if errors == "raise":
            r: Analysis | dict[str, Any] = analyze(  # type: ignore[arg-type]
                text, url=urls_[i], content_type=ctypes[i], published=pubs[i], crawled=crawls[i], model=lm,
                **({"max_bytes": max_bytes} if max_bytes is not None else {}),
            )
        else:
            r = score_one(text, url=urls_[i], content_type=ctypes[i], published=pubs[i], crawled=crawls[i],
                          model=lm, max_bytes=max_bytes)
        _append_row(cols, r, names, include_text)
    return {prefix + k: v for k, v in cols.items()} if prefix else cols


def _append_row(cols: dict[str, list[Any]], r: Analysis | Mapping[str, Any], names: Sequence[str],
                include_text: bool) -> None:
    if isinstance(r, Analysis):
        cols["score"].append(_round(r.score))
        cols["unscored_reason"].append(r.unscored_reason)
        cols["flags"].append(r.flags)
        cols["language"].append(r.language)
        for n in names:
            s = r.signals.get(n)
            cols[f"signal_{n}"].append(float(s.value) if s is not None and s.applicable else None)
        cols["error_kind"].append(None)
        cols["error_message"].append(None)
        if include_text:
            cols["clean_text"].append(r.text)
    else:
        cols["score"].append(None)
        cols["unscored_reason"].append(None)
        cols["flags"].append([])
        cols["language"].append(None)
        for n in names:
            cols[f"signal_{n}"].append(None)
        cols["error_kind"].append(r["kind"])
        cols["error_message"].append(r["message"])
        if include_text:
            cols["clean_text"].append(None)
