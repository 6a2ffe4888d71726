"""Shared tokenisation: one pass over the cleaned text, shared by every signal.

:class:`TextView` computes words, sentences, lines and paragraphs lazily, once per
document, each with character offsets into the text, so that signals can report
evidence spans without re-splitting the text themselves.
"""

from __future__ import annotations

import re
from functools import cached_property
from operator import itemgetter
from typing import Any, Iterable

# A word: letters/digits with inner apostrophes or hyphens ("don't", "Gould-Davies").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Sentence ends: terminal punctuation (optionally closed by quotes/brackets) then space.
SENT_END_RE = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+|\n\s*\n")
PARA_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
LINE_RE = re.compile(r"[^\n]+")

_span = re.Match.span
_first, _second = itemgetter(0), itemgetter(1)


class TextView:
    """Lazy, cached views of one text.  All offsets index ``self.text``."""

    __slots__ = ("text", "__dict__")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        return list(map(_span, WORD_RE.finditer(self.text)))

    @cached_property
    def words(self) -> list[str]:
        t = self.text
        return [t[a:b] for a, b in self.word_spans]

    @cached_property
    def word_starts(self) -> list[int]:
        """Where each word starts (``bisect`` on it finds the word at an offset)."""
        return list(map(_first, self.word_spans))

    @cached_property
    def word_ends(self) -> list[int]:
        """Where each word ends."""
        return list(map(_second, self.word_spans))

    @cached_property
    def words_lower(self) -> list[str]:
        # One C call instead of one per word, the same strings: lowercasing never makes
        # or removes a newline and no word holds one; a final sigma still sees the end
        # of its word (a newline is neither cased nor case-ignorable).
        words = self.words
        return "\n".join(words).lower().split("\n") if words else []

    def prepared(self) -> "TextView":
        """This view with every list computed now (the tokenisation stage of
        :func:`credscore.analyze`, before the signals); returns ``self``."""
        self.words_lower, self.word_starts, self.word_ends  # noqa: B018
        self.sentence_spans, self.stripped_lines, self.paragraph_spans  # noqa: B018
        return self

    @property
    def n_words(self) -> int:
        return len(self.word_spans)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        t = self.text
        start = 0
        for m in SENT_END_RE.finditer(t):
            end = m.start()
            if t[start:end].strip():
                spans.append((start, end))
            start = m.end()
        if t[start:].strip():
            spans.append((start, len(t.rstrip())))
        return spans

    @cached_property
    def line_spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in LINE_RE.finditer(self.text)]

    @cached_property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in PARA_RE.finditer(self.text)]

    @cached_property
    def stripped_line_spans(self) -> list[tuple[int, int]]:
        """Non-blank lines with their surrounding whitespace trimmed off.

        Blank lines (paragraph separators) are left out: the line-based rules of the
        web-text pipelines (C4, Gopher, FineWeb) were tuned on extractor output that has
        one newline per paragraph, so a separator line must not count as a "short line".
        """
        t = self.text
        out: list[tuple[int, int]] = []
        for a, b in self.line_spans:
            while a < b and t[a].isspace():
                a += 1
            while b > a and t[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
        return out

    @cached_property
    def stripped_lines(self) -> list[str]:
        """The texts of :attr:`stripped_line_spans`."""
        t = self.text
        return [t[a:b] for a, b in self.stripped_line_spans]


def automaton(items: Iterable[tuple[str, Any]]) -> Any:
    """An Aho-Corasick automaton (``pyahocorasick``) of ``(key, value)`` items, ready to
    ``iter()``; None without the package (each caller has a plain scan that gives the
    same answer).  Phrase lexicons use it instead of a large alternation regex."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - a dependency
        return None
    a = ahocorasick.Automaton()
    for key, value in items:
        a.add_word(key, value)
    a.make_automaton()
    return a


def per_thousand(count: float, n_words: int) -> float:
    """``count`` per 1,000 words (0 for an empty text)."""
    return 1000.0 * count / n_words if n_words else 0.0
