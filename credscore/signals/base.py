"""What every signal sees (:class:`Context`) and what it must provide.

A signal is a module in :mod:`credscore.signals` exposing

* ``NAME: str`` — the key in ``Analysis.signals``;
* ``ENGLISH_ONLY: bool`` — True if it means nothing on non-English text (it is then
  returned with ``applicable=False`` and a neutral value, never computed as if English);
* ``compute(ctx: Context) -> Signal``.

It is listed once in :data:`credscore.signals.SIGNAL_MODULES`.  A signal reads the
cleaned text through ``ctx.view`` (shared tokenisation) and its dates through
``ctx.dates`` (the dates stage), and, where it must, the removed chrome
(``ctx.removed``) or the page metadata (``ctx.page``).  It writes nothing back (the
context is frozen), never strips chrome, scores or reports: data flows one way.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol, Sequence

from ..dates.published import PageDates, page_dates
from ..text import TextView
from ..types import RemovedBlock, Signal


@dataclass(frozen=True)
class Context:
    """The input of every signal: the cleaned text plus what is known of the page.

    Frozen: signals read it and never write to it, so no signal depends on another
    having run.  What more than one signal needs is computed once per document, here:
    the tokenisation (``view``: words with their spans, lower-cased words, sentences,
    lines, paragraphs) and the dates stage (``dates``: every date in the text, the
    page's declared dates and datelines, and the publication date).  Both are computed
    on first read and kept; :func:`credscore.analyze` reads ``dates`` before the signals.
    """

    text: str
    view: TextView
    source_text: str = ""
    removed: Sequence[RemovedBlock] = ()
    title: str | None = None
    url: str | None = None
    published: _dt.date | None = None  # the caller's publication date, if given
    crawled: _dt.date | None = None
    content_type: str = "text"
    language: str = "en"
    page: dict[str, Any] = field(default_factory=dict)  # HTML metadata: meta tags, json-ld, <time>

    @cached_property
    def dates(self) -> PageDates:
        """The dates stage (:func:`credscore.dates.published.page_dates`), run once per document."""
        return page_dates(self.text, removed=self.removed, page=self.page, url=self.url,
                          published=self.published, crawled=self.crawled)

    @classmethod
    def from_text(cls, text: str, **kw: Any) -> "Context":
        return cls(text=text, view=TextView(text), **kw)


class SignalModule(Protocol):
    NAME: str
    ENGLISH_ONLY: bool

    def compute(self, ctx: Context) -> Signal: ...


def not_applicable(name: str, reason: str, value: float = 0.0) -> Signal:
    """The neutral result of a signal that does not apply to this document."""
    return Signal(name=name, value=value, flagged=False, applicable=False, details={"reason": reason})


@dataclass(frozen=True)
class Feature:
    """A number a signal offers the score model, declared beside the signal's code.

    ``key`` is ``""`` for the signal's headline ``value``, else a key of its
    ``details``.  ``direction`` is what the number means, fixed a priori and never
    read from data: ``-1`` it measures a defect (the model may never turn more of it
    into more points), ``+1`` it measures reporting practice (never fewer points),
    ``0`` free (no direction is implied: a count that grows with length, a measure
    with two-sided bounds).  The model file names the features it reads as
    ``"<signal>"`` / ``"<signal>.<key>"``; loading it fails for any feature no signal
    declares (:func:`credscore.signals.declared_features`).
    """

    key: str
    direction: int
    meaning: str

    def __post_init__(self) -> None:
        if self.direction not in (-1, 0, 1):
            raise ValueError(f"feature {self.key!r}: direction must be -1, 0 or +1")
