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
from itertools import compress
from typing import Iterable, Iterator

from ..text import WORD_RE, TextView, automaton
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
        match = self.regex.match
        starts = view.word_starts
        last_end = -1
        # the words that may start a phrase, found by set look-ups in C
        for i in compress(range(len(starts)), map(self.first_words.__contains__, view.words_lower)):
            a = starts[i]
            if a >= last_end:
                m = match(text, a)
                if m:
                    last_end = m.end()
                    yield m

    def count(self, view: TextView) -> int:
        return sum(1 for _ in self.finditer(view))


#: The characters that ``re.IGNORECASE`` matches with an ASCII letter although their
#: ``str.lower()`` is not that letter, or is two characters long: dotted and dotless
#: i (İ ı), long s (ſ), Kelvin sign (K).  A text holding none of them has, at every
#: offset, a lower-cased character equal to the ASCII letter it matches.
_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def folds_like_ascii(text: str) -> bool:
    """True when ``text.lower()`` finds every case-insensitive match of an ASCII pattern
    in ``text``, at the same offsets (no :data:`_FOLD_TRAPS` character in it)."""
    return not any(c in text for c in _FOLD_TRAPS)


class AnchoredPattern:
    """``regex.finditer(text)`` (a case-insensitive pattern), tried only where it can match.

    Every match of ``regex`` must contain one of the ``anchors`` (lower-case ASCII
    words) and start at that anchor, or — for those in ``back`` — possibly at the
    start of the word one space before it ("Smith notes", "she notes").  One
    Aho-Corasick pass over the lower-cased text finds the anchors; the regex is then
    matched at those starts only, in order, skipping starts inside a previous match:
    the same matches as scanning every position.  Texts with a case-folding trap
    (:data:`_FOLD_TRAPS`), or without ``pyahocorasick``, get the plain scan.  The
    automaton is built on first use.
    """

    def __init__(self, regex: re.Pattern[str], anchors: Iterable[str], back: Iterable[str] = ()) -> None:
        self.regex = regex
        self.anchors = frozenset(anchors)
        self.back = frozenset(back)
        assert self.back <= self.anchors
        self._automaton: object = None

    def _build(self) -> object:
        # False (not None: built) without pyahocorasick or anchors: the plain scan
        a = automaton((w, (len(w), w in self.back)) for w in self.anchors) or False
        self._automaton = a
        return a

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        auto = self._automaton
        if auto is None:
            auto = self._build()
        if not auto or not folds_like_ascii(text):
            yield from self.regex.finditer(text)
            return
        starts = set()
        for last, (n, back) in auto.iter(text.lower()):  # type: ignore[attr-defined]
            k = last + 1 - n
            starts.add(k)
            if back and k >= 2 and text[k - 1] == " ":
                j = k - 2
                while j >= 0 and text[j].isalnum():
                    j -= 1
                starts.add(j + 1)
        match = self.regex.match
        end = -1
        for k in sorted(starts):
            if k >= end:
                m = match(text, k)
                if m:
                    end = m.end()
                    yield m


def capped(spans: list[Span], limit: int = MAX_EVIDENCE) -> list[Span]:
    """The first ``limit`` spans in text order."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    return spans[:limit]


def ratio(num: float, den: float) -> float:
    """``num / den``, 0 when ``den`` is 0."""
    return num / den if den else 0.0
