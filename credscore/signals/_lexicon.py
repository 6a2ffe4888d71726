"""Small helpers shared by the quality signals: lexicon matchers and evidence caps.

A lexicon (a list of phrases) becomes ONE compiled alternation, longest phrase
first.  Spaces inside a phrase match any run of whitespace (a phrase broken over a
line still matches), an apostrophe matches ' and ’, and the phrase must stand on
word boundaries ("a blend of" does not match inside "a blend offer").

Python's ``re`` tries an alternation's branches one by one at every position of
the text, so scanning a 5 KB article with an 80-phrase alternation costs about a
millisecond.  :class:`PhraseMatcher` avoids that: it walks the shared word list
(:attr:`TextView.words_lower`, computed once for all signals), and tries the
alternation only where a word is the first word of some phrase — a set look-up.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..text import WORD_RE, TextView
from ..types import Span

#: At most this many evidence spans per signal: enough to show, small enough to render.
MAX_EVIDENCE = 20

_APOS = "['\u2019]"


def _norm(phrase: str) -> str:
    return " ".join(phrase.replace("\u2019", "'").split())


def phrase_regex(phrases: Iterable[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation regex for a list of phrases (see the module docstring)."""
    alts = sorted({_norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(
        r"\s+".join(re.escape(part).replace("'", _APOS) for part in p.split(" ")) for p in alts
    )
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


class PhraseMatcher:
    """Find the phrases of a lexicon in a :class:`TextView`, fast (see the module docstring).

    Matching is case-insensitive.  Each phrase must start with a word (as
    :data:`credscore.text.WORD_RE` cuts words); matches do not overlap.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        phrases = [p for p in phrases if p.strip()]
        self.regex = phrase_regex(phrases)
        first: set[str] = set()
        for p in phrases:
            m = WORD_RE.match(_norm(p).lower())
            if not m:
                raise ValueError(f"phrase must start with a word: {p!r}")
            first.add(m.group())
            first.add(m.group().replace("'", "\u2019"))
        self.first_words = frozenset(first)

    def finditer(self, view: TextView) -> Iterator[re.Match[str]]:
        text = view.text
        first = self.first_words
        match = self.regex.match
        last_end = -1
        for (a, _), w in zip(view.word_spans, view.words_lower):
            if a >= last_end and w in first:
                m = match(text, a)
                if m:
                    last_end = m.end()
                    yield m

    def count(self, view: TextView) -> int:
        return sum(1 for _ in self.finditer(view))


def capped(spans: list[Span], limit: int = MAX_EVIDENCE) -> list[Span]:
    """The first ``limit`` spans in text order."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    return spans[:limit]


def ratio(num: float, den: float) -> float:
    """``num / den``, 0 when ``den`` is 0."""
    return num / den if den else 0.0
