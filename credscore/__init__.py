"""credscore: how far to trust a web document.

>>> import credscore
>>> a = credscore.analyze(open("seeds/000_0900c5e1103f7346.txt").read())  # doctest: +SKIP
>>> a.score, a.flags, [b.kind for b in a.removed]                         # doctest: +SKIP

The flow is one-way: load → segment → strip chrome → signals → score → report.
"""

from __future__ import annotations

from .analysis import analyze, chrome_stage
from .document import DEFAULT_MAX_BYTES
from .chrome.settle import settle
from .errors import (
    BinaryInputError,
    CredscoreError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    ModelError,
)
from .pipeline import score_batch
from .types import (
    SCHEMA_VERSION,
    Analysis,
    Contribution,
    Document,
    PublishedDate,
    RemovedBlock,
    Repair,
    Signal,
    SourcePrior,
    Span,
)

__version__ = "0.2.0"


def clean(doc: str | bytes | Document, *, content_type: str | None = None,
          max_bytes: int | None = DEFAULT_MAX_BYTES, **kw: object) -> str:
    """The article text of ``doc`` with the chrome removed.

    Runs the chrome stages only (load → segment → strip; no signals, no score), then
    settles the text under the plain-text chrome rules (:mod:`credscore.chrome.settle`),
    so ``clean(clean(x)) == clean(x)``.  ``content_type`` and ``max_bytes`` are as
    for :func:`analyze`; its other keywords (``url``, ``published``, ``model``, ...)
    are accepted and do not change the text.
    """
    unknown = set(kw) - _ANALYZE_ONLY
    if unknown:
        raise TypeError(f"clean() got unexpected keyword arguments: {sorted(unknown)}")
    _, _, _, stripped = chrome_stage(doc, content_type=content_type, max_bytes=max_bytes)
    return settle(stripped.text)


_ANALYZE_ONLY = frozenset({"url", "published", "crawled", "model", "use_source_prior"})


def score(doc: str | bytes | Document, **kw: object) -> float | None:
    """The credibility score of ``doc``, 0–100 (higher = more credible).

    ``None`` when ``doc`` cannot be scored (no article text, too short, a language
    the model was not trained on: ``analyze(doc).unscored_reason`` says which).
    """
    return analyze(doc, **kw).score  # type: ignore[arg-type]


__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "BinaryInputError",
    "Contribution",
    "CredscoreError",
    "Document",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "ModelError",
    "PublishedDate",
    "RemovedBlock",
    "Repair",
    "Signal",
    "SourcePrior",
    "Span",
    "__version__",
    "analyze",
    "clean",
    "score",
    "score_batch",
]
