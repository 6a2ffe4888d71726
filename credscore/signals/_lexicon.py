"""Small helpers shared by the quality signals: lexicon regexes and evidence caps.

A lexicon (a list of phrases) becomes ONE compiled alternation, longest phrase
first, so that a single ``finditer`` pass over the text finds every phrase of the
list — instead of a Python loop over the phrases, each scanning the text again.
Spaces inside a phrase match any run of whitespace (a phrase broken over a line
still matches), and the phrase must stand on word boundaries ("a blend of" does
not match inside "a blend offer").
"""

from __future__ import annotations

import re
from typing import Iterable

from ..types import Span

#: At most this many evidence spans per signal: enough to show, small enough to render.
MAX_EVIDENCE = 20


def phrase_regex(phrases: Iterable[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation regex for a list of phrases (see the module docstring)."""
    alts = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in p.split(" ")) for p in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def capped(spans: list[Span], limit: int = MAX_EVIDENCE) -> list[Span]:
    """The first ``limit`` spans in text order."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    return spans[:limit]


def ratio(num: float, den: float) -> float:
    """``num / den``, 0 when ``den`` is 0."""
    return num / den if den else 0.0
