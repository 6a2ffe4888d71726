"""credscore: how far to trust a web document.

>>> import credscore
>>> a = credscore.analyze(open("seeds/000_0900c5e1103f7346.txt").read())  # doctest: +SKIP
>>> a.score, a.flags, [b.kind for b in a.removed]                         # doctest: +SKIP

The flow is one-way: load → segment → strip chrome → signals → score → report.
"""

from __future__ import annotations

from .analysis import analyze
from .fixpoint import settle
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

__version__ = "0.1.0"


def clean(doc: str | bytes | Document, **kw: object) -> str:
    """The article text of ``doc`` with the chrome removed.

    Idempotent: ``clean(clean(x)) == clean(x)`` (see :mod:`credscore.fixpoint`; it
    is ``analyze(doc).text`` with the plain-text rules applied until nothing changes,
    which for most documents is ``analyze(doc).text`` itself).
    """
    return settle(analyze(doc, **kw).text)  # type: ignore[arg-type]


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
