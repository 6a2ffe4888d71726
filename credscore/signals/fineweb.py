"""FineWeb's custom quality rules (Penedo et al. 2024), as numbers.

Definitions and default thresholds are those of datatrove's ``FineWebQualityFilter``
(``src/datatrove/pipeline/filters/fineweb_quality_filter.py``, read at commit
5c254fa5bfa3a6280aac0c1b8b95a5efcdd2a2ba).  A page is dropped there if

* the share of lines ending in ``.`` ``'`` ``"`` ``!`` ``?`` is at most 0.12
  (``line_punct_ratio``; curly quotes do not count);
* the share of lines of at most 30 characters is at least 0.67 (``short_line_ratio``);
* the characters of duplicated lines (second and later copies) are at least 1 % of
  the text's characters without newlines (``char_dup_ratio``);
* there are more than 0.3 newlines per word (``list_ratio``).

Where credscore differs: blank lines are not lines and do not count as newlines
(credscore separates paragraphs with a blank line, FineWeb's trafilatura output with
one newline, and a blank line would otherwise count as a "short line"), lines are
compared with their surrounding spaces stripped, and words are credscore's shared
words (no punctuation tokens, so newlines per word come out slightly higher).

``value`` is the worst measure as a fraction of its threshold, capped at 1 (for the
punctuation rule, the share of lines *without* end punctuation against its ceiling
0.88); ``flagged`` is FineWeb's drop decision; ``details`` holds the measures.
Evidence: the duplicated lines.
"""

from __future__ import annotations

from ..types import Signal, Span
from ._lexicon import capped, ratio
from .base import Context, Feature

NAME = "fineweb"
ENGLISH_ONLY = False

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "worst FineWeb quality measure as a fraction of its threshold"),
)

LINE_PUNCT_THR = 0.12
SHORT_LINE_THR = 0.67
SHORT_LINE_LENGTH = 30
CHAR_DUPLICATES_RATIO = 0.01
NEW_LINE_RATIO = 0.3
STOP_CHARS = (".", "'", '"', "!", "?")


def compute(ctx: Context) -> Signal:
    view = ctx.view
    spans = view.stripped_line_spans
    lines = view.stripped_lines
    n_lines = len(lines)
    n_words = view.n_words

    line_punct = ratio(sum(1 for s in lines if s.endswith(STOP_CHARS)), n_lines)
    short_line = ratio(sum(1 for s in lines if len(s) <= SHORT_LINE_LENGTH), n_lines)

    seen: set[str] = set()
    dup_chars = 0
    dup_spans: list[Span] = []
    for (a, b), s in zip(spans, lines):
        if s in seen:
            dup_chars += len(s)
            dup_spans.append(Span(a, b, note="duplicated line"))
        else:
            seen.add(s)
    char_dup = ratio(dup_chars, sum(len(s) for s in lines))
    newlines = max(n_lines - 1, 0)
    newline_ratio = ratio(newlines, n_words) if n_words else (1.0 if newlines else 0.0)

    failed: list[str] = []
    if n_lines and line_punct <= LINE_PUNCT_THR:
        failed.append("line_punct_ratio")
    if short_line >= SHORT_LINE_THR:
        failed.append("short_line_ratio")
    if char_dup >= CHAR_DUPLICATES_RATIO:
        failed.append("char_dup_ratio")
    if newline_ratio > NEW_LINE_RATIO:
        failed.append("list_ratio")

    pressure = max(
        ratio(1.0 - line_punct, 1.0 - LINE_PUNCT_THR) if n_lines else 0.0,
        short_line / SHORT_LINE_THR,
        char_dup / CHAR_DUPLICATES_RATIO,
        newline_ratio / NEW_LINE_RATIO,
    )
    return Signal(
        name=NAME,
        value=min(1.0, pressure),
        flagged=bool(failed),
        evidence=capped(dup_spans),
        details={
            "line_punct_ratio": round(line_punct, 4),
            "short_line_ratio": round(short_line, 4),
            "char_dup_ratio": round(char_dup, 5),
            "newline_word_ratio": round(newline_ratio, 5),
            "n_lines": n_lines,
            "failed": failed,
            "thresholds": {
                "line_punct_thr": LINE_PUNCT_THR,
                "short_line_thr": SHORT_LINE_THR,
                "short_line_length": SHORT_LINE_LENGTH,
                "char_duplicates_ratio": CHAR_DUPLICATES_RATIO,
                "new_line_ratio": NEW_LINE_RATIO,
            },
        },
    )
