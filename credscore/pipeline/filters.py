"""credscore as a filter in a curation pipeline, in the two shapes those tools use.

**datatrove** (``BaseFilter.filter(doc) -> bool | tuple[bool, str]``):
:class:`CredScoreFilter` scores ``doc.text``, stores the score and flags in
``doc.metadata`` and keeps the document unless a ``min_score`` was given and the
score is below it, in which case it returns ``(False, "credscore_below_min")`` so
that datatrove counts the reason.  A document credscore cannot analyse returns
``(False, "credscore_error_<kind>")`` (or is kept with ``keep_errors=True``).  A
document that has no score (``unscored_reason``) is kept unless
``keep_unscored=False`` (then ``(False, "credscore_unscored")``)::

    from datatrove.pipeline.filters.base_filter import BaseFilter

    class CredScore(BaseFilter):
        name = "credscore"
        def __init__(self, min_score=None, exclusion_writer=None):
            super().__init__(exclusion_writer)
            self._f = CredScoreFilter(min_score=min_score)
        def filter(self, doc):
            return self._f.filter(doc)

(datatrove is not a dependency: the class is duck-typed on ``doc.text`` and
``doc.metadata``, and also takes a ``str`` or a ``dict`` with a ``"text"`` key.)

**NeMo Curator** splits a filter into ``score_document(text) -> float`` and
``keep_document(score) -> bool`` so that scores can be written out without
filtering.  :class:`CredScoreDocumentFilter` always scores; it filters only when
asked (``min_score``/``max_score``); without a threshold ``keep_document`` keeps
everything.  A document that cannot be analysed scores ``nan`` and is not kept
when a threshold is set.
"""

from __future__ import annotations

import math
from typing import Any

from ..score import LinearModel
from .batch import resolve_model, score_one


def _text_of(doc: Any) -> Any:
    if isinstance(doc, (str, bytes)):
        return doc
    if isinstance(doc, dict):
        return doc.get("text")
    return getattr(doc, "text", None)


class CredScoreFilter:
    """A datatrove-style filter: ``filter(doc) -> True | (False, reason)``.

    ``min_score=None`` (default) only annotates: every document is kept and gets
    ``metadata["credscore_score"]`` and ``metadata["credscore_flags"]``.
    """

    name = "credscore"

    def __init__(self, min_score: float | None = None, *, keep_errors: bool = False,
                 keep_unscored: bool = True,
                 model: LinearModel | str | None = None, metadata_prefix: str = "credscore_") -> None:
        self.min_score = min_score
        self.keep_errors = keep_errors
        self.keep_unscored = keep_unscored
        self.metadata_prefix = metadata_prefix
        self._model = resolve_model(model)

    def filter(self, doc: Any) -> bool | tuple[bool, str]:
        r = score_one(_text_of(doc), model=self._model)
        meta = doc.get("metadata") if isinstance(doc, dict) else getattr(doc, "metadata", None)
        p = self.metadata_prefix
        if isinstance(r, dict):
            if isinstance(meta, dict):
                meta[p + "error"] = r["kind"]
            return True if self.keep_errors else (False, f"credscore_error_{r['kind']}")
        if isinstance(meta, dict):
            meta[p + "score"] = None if r.score is None else round(r.score, 2)
            meta[p + "flags"] = r.flags
            if r.score is None:
                meta[p + "unscored_reason"] = r.unscored_reason
        if r.score is None:  # cannot be scored: kept unless keep_unscored=False
            return True if self.keep_unscored else (False, "credscore_unscored")
        if self.min_score is not None and r.score < self.min_score:
            return False, "credscore_below_min"
        return True

    __call__ = filter


class CredScoreDocumentFilter:
    """A NeMo-Curator-style filter: ``score_document`` always, ``keep_document`` on request."""

    def __init__(self, min_score: float | None = None, max_score: float | None = None, *,
                 model: LinearModel | str | None = None) -> None:
        self.min_score = min_score
        self.max_score = max_score
        self._model = resolve_model(model)
        self._name = "credscore"

    def score_document(self, text: str) -> float:
        """The 0–100 score of ``text``; ``nan`` if credscore cannot analyse or score it."""
        r = score_one(text, model=self._model)
        return float("nan") if isinstance(r, dict) or r.score is None else float(r.score)

    def keep_document(self, score: float) -> bool:
        """True unless a threshold was given and ``score`` falls outside it (or is ``nan``)."""
        if self.min_score is None and self.max_score is None:
            return True
        if score is None or math.isnan(score):
            return False
        if self.min_score is not None and score < self.min_score:
            return False
        if self.max_score is not None and score > self.max_score:
            return False
        return True
