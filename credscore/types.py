"""The data that flows through credscore, as frozen dataclasses.

Every stage reads one of these and returns another; nothing mutates them.
Offsets follow Python string indexing (code points, end exclusive):

* ``RemovedBlock.start/end`` point into ``Analysis.source_text`` (the plain-text
  rendering of the input, before any chrome was removed);
* ``Span.start/end`` point into ``Analysis.text`` (the cleaned article text).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

SCHEMA_VERSION = "1.1"  # 1.1: score may be null (unscored_reason); explanation names "<signal>.<key>", "wording"

ContentType = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: ``text[start:end]`` of the cleaned text, with a note."""

    start: int
    end: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "note": self.note}


@dataclass(frozen=True)
class Signal:
    """One quality signal.

    ``value`` is the number the score model reads; ``flagged`` is the signal's own
    yes/no verdict at its documented threshold; ``evidence`` says where in the
    cleaned text it saw what it saw; ``details`` holds the sub-measures (numbers,
    strings, lists: JSON-ready).  ``applicable`` is False where the signal does not
    apply to the document (an English-only signal on Russian text, say); its value
    is then a neutral default and it must not be read as evidence either way.
    """

    name: str
    value: float
    flagged: bool = False
    evidence: list[Span] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    applicable: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "flagged": self.flagged,
            "applicable": self.applicable,
            "evidence": [s.to_dict() for s in self.evidence],
            "details": self.details,
        }


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A stretch of ``source_text`` removed as chrome, and why (``kind``)."""

    kind: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Repair:
    """A stretch of ``source_text`` that was kept but rewritten (drop-cap garble, …)."""

    kind: str
    start: int
    end: int
    original: str
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class Contribution:
    """One signal's share of the score, in points (positive raises it)."""

    name: str
    points: float
    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "points": self.points, "value": self.value}


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The page's own publication date and where it was read from."""

    date: _dt.date
    source: str  # e.g. "meta:article:published_time", "json-ld", "dateline", "url", "argument"
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "source": self.source, "text": self.text}


@dataclass(frozen=True, slots=True)
class SourcePrior:
    """A URL's match on CRED-1 and what it does to the score."""

    host: str  # the URL's host, lower-cased
    domain: str  # the list entry that matched
    category: str  # CRED-1 category: fake, unreliable, conspiracy, mixed, satire, rumor, reliable
    credibility_score: float  # CRED-1's 0–1 composite score (lower = less credible)
    log_odds_shift: float  # ≤ 0: added to the text score's log-odds
    points: float = 0.0  # score_with_source − score, filled by analyze()
    list_name: str = "CRED-1"

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.list_name,
            "host": self.host,
            "domain": self.domain,
            "category": self.category,
            "credibility_score": self.credibility_score,
            "log_odds_shift": round(self.log_odds_shift, 4),
            "points": round(self.points, 3),
        }


@dataclass(frozen=True)
class Document:
    """An input document with what the caller knows about it.

    ``content`` is ``str`` (plain text or HTML) or ``bytes`` (decoded by
    :mod:`credscore.document`).  ``content_type`` forces HTML or text mode; by
    default it is detected.  ``published`` and ``crawled`` are explicit dates:
    nothing in credscore reads today's date.
    """

    content: str | bytes
    url: str | None = None
    published: _dt.date | None = None
    crawled: _dt.date | None = None
    content_type: ContentType | None = None
    name: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything credscore found out about one document."""

    text: str
    title: str | None
    source_text: str
    removed: list[RemovedBlock]
    signals: dict[str, Signal]
    #: 0–100, higher = more credible; ``None`` when the document cannot be scored
    #: (see ``unscored_reason`` and :mod:`credscore.scorable`).
    score: float | None
    explanation: list[Contribution]
    content_type: ContentType = "text"
    language: str = "en"
    published: PublishedDate | None = None
    repairs: list[Repair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    url: str | None = None
    name: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    # The optional source prior (see credscore.source): never folded into ``score``.
    source_prior: SourcePrior | None = None
    score_with_source: float | None = None  # = score when no prior applies; None when unscored
    #: Why there is no score ("no_article", "too_short", "language:de", …), else None.
    unscored_reason: str | None = None

    @property
    def scored(self) -> bool:
        """True when the document got a score (``score`` is a number)."""
        return self.score is not None

    def removed_by_kind(self) -> dict[str, int]:
        """Characters removed per chrome kind."""
        out: dict[str, int] = {}
        for b in self.removed:
            out[b.kind] = out.get(b.kind, 0) + (b.end - b.start)
        return dict(sorted(out.items()))

    @property
    def flags(self) -> list[str]:
        return [name for name, s in self.signals.items() if s.flagged and s.applicable]

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """A JSON-ready dict with stable keys (see ``schema_version``)."""
        d: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "name": self.name,
            "url": self.url,
            "score": round(self.score, 2) if self.score is not None else None,
            "unscored_reason": self.unscored_reason,
            "title": self.title,
            "content_type": self.content_type,
            "language": self.language,
            "published": self.published.to_dict() if self.published else None,
            "flags": self.flags,
            "score_with_source": (None if self.score is None else
                                  round(self.score_with_source if self.score_with_source is not None
                                        else self.score, 2)),
            "source_prior": self.source_prior.to_dict() if self.source_prior else None,
            "explanation": [c.to_dict() for c in self.explanation],
            "signals": {k: s.to_dict() for k, s in self.signals.items()},
            "removed_by_kind": self.removed_by_kind(),
            "removed": [b.to_dict() for b in self.removed],
            "repairs": [r.to_dict() for r in self.repairs],
            "notes": list(self.notes),
        }
        if include_text:
            d["text"] = self.text
            d["source_text"] = self.source_text
        return d
