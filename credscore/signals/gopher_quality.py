"""Gopher quality rules (Rae et al. 2021, "Scaling Language Models", appendix A), as numbers.

The definitions and default thresholds are those of datatrove's
``GopherQualityFilter`` (``src/datatrove/pipeline/filters/gopher_quality_filter.py``,
read at commit 5c254fa5bfa3a6280aac0c1b8b95a5efcdd2a2ba).  A page is dropped there if

* it has fewer than 50 or more than 100,000 words (words = tokens that are not
  only punctuation);
* its mean word length is below 3 or above 10 characters;
* ``#`` or the ellipsis (``...`` or ``…``) occur more than 0.1 times per token;
* more than 90 % of its lines start with a bullet (``•`` or ``-``);
* more than 30 % of its lines end with an ellipsis;
* fewer than 80 % of its tokens contain a letter;
* it has fewer than 2 of the stop words "the", "be", "to", "of", "and", "that",
  "have", "with" (matched case-sensitively, as datatrove does).

Where credscore differs, on purpose:

* tokens approximate NLTK's Treebank tokenizer with one regex (:data:`TOKEN_RE`):
  a word keeps its inner joiners ("U.S", "143.2", "Gould-Davies"; NLTK splits
  "do|n't", both halves alphabetic all the same), "..." is one token, and every
  other punctuation mark or symbol is a token of its own, as in NLTK;
* blank lines are not lines (see :attr:`TextView.stripped_line_spans`).

``value`` is the share of the nine checks the page fails (0 = Gopher keeps it);
``flagged`` is Gopher's drop decision; ``details`` holds every measure, its
threshold and the names of the failed checks (datatrove's reason strings).
"""

from __future__ import annotations

import re
from itertools import filterfalse

from ..types import Signal, Span
from ._lexicon import capped, ratio
from .base import Context, Feature

NAME = "gopher_quality"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "share of the nine Gopher quality checks the page fails"),
    Feature("alpha_words_ratio", 0, "share of words with a letter"),
    Feature("ellipsis_ratio", 0, "ellipses per word"),
    Feature("end_ellipsis_lines_ratio", 0, "share of lines ending in an ellipsis"),
    Feature("hash_ratio", 0, "hash signs per word"),
    Feature("mean_word_length", 0, "mean word length (two-sided bounds)"),
)

STOP_WORDS = frozenset({"the", "be", "to", "of", "and", "that", "have", "with"})

MIN_DOC_WORDS = 50
MAX_DOC_WORDS = 100_000
MIN_AVG_WORD_LENGTH = 3
MAX_AVG_WORD_LENGTH = 10
MAX_SYMBOL_WORD_RATIO = 0.1
MAX_BULLET_LINES_RATIO = 0.9
MAX_ELLIPSIS_LINES_RATIO = 0.3
MAX_NON_ALPHA_WORDS_RATIO = 0.8  # datatrove's name; it is a minimum share of tokens with a letter
MIN_STOP_WORDS = 2

# Tokens approximately as NLTK's Treebank word tokenizer cuts them: a word with its
# inner joiners ("U.S", "143.2", "3:14", "Gould-Davies", "don't"), "..." whole, or
# any single other non-space character ("$", "“", "—", ",").
TOKEN_RE = re.compile(r"[^\W_]+(?:[.,:/'’\-][^\W_]+)*|\.\.\.|[^\w\s]|_+")
ALPHA_RE = re.compile(r"[^\W\d_]")
HASH_RE = re.compile("#")

N_CHECKS = 9


def compute(ctx: Context) -> Signal:
    view = ctx.view
    text = ctx.text
    tokens = TOKEN_RE.findall(text)
    n_tokens = len(tokens)
    words = [t for t in tokens if t[0].isalnum()]  # "non-symbol words": TOKEN_RE's first branch
    n_words = len(words)

    mean_len = ratio(sum(map(len, words)), n_words)
    n_hash = text.count("#")
    n_ellipsis = text.count("...") + text.count("…")
    hash_ratio = ratio(n_hash, n_tokens)
    ellipsis_ratio = ratio(n_ellipsis, n_tokens)

    line_spans = view.stripped_line_spans
    lines = view.stripped_lines
    n_lines = len(lines)
    bullet_idx = [i for i, s in enumerate(lines) if s.startswith(("•", "-"))]
    ell_idx = [i for i, s in enumerate(lines) if s.endswith(("...", "…"))]
    bullet_ratio = ratio(len(bullet_idx), n_lines)
    end_ellipsis_ratio = ratio(len(ell_idx), n_lines)

    # words with a letter: all-letter ones counted in C, the regex only for the rest
    alpha_words = sum(map(str.isalpha, words)) + sum(1 for w in filterfalse(str.isalpha, words) if ALPHA_RE.search(w))
    alpha_ratio = ratio(alpha_words, n_tokens)
    n_stop = sum(map(STOP_WORDS.__contains__, words))

    failed: list[str] = []
    if n_words < MIN_DOC_WORDS:
        failed.append("gopher_short_doc")
    if n_words > MAX_DOC_WORDS:
        failed.append("gopher_long_doc")
    if n_words and mean_len < MIN_AVG_WORD_LENGTH:
        failed.append("gopher_below_avg_threshold")
    if mean_len > MAX_AVG_WORD_LENGTH:
        failed.append("gopher_above_avg_threshold")
    if hash_ratio > MAX_SYMBOL_WORD_RATIO:
        failed.append("gopher_too_many_hashes")
    if ellipsis_ratio > MAX_SYMBOL_WORD_RATIO:
        failed.append("gopher_too_many_ellipsis")
    if bullet_ratio > MAX_BULLET_LINES_RATIO:
        failed.append("gopher_too_many_bullets")
    if end_ellipsis_ratio > MAX_ELLIPSIS_LINES_RATIO:
        failed.append("gopher_too_many_end_ellipsis")
    if n_tokens and alpha_ratio < MAX_NON_ALPHA_WORDS_RATIO:
        failed.append("gopher_below_alpha_threshold")
    if n_stop < MIN_STOP_WORDS:
        failed.append("gopher_enough_stop_words")
    # long/short doc are one check (word count in range): nine checks in all.
    n_failed = len(failed) - ("gopher_short_doc" in failed and "gopher_long_doc" in failed)

    evidence: list[Span] = []
    if "gopher_too_many_bullets" in failed:
        evidence += [Span(*line_spans[i], note="bullet line") for i in bullet_idx]
    if "gopher_too_many_end_ellipsis" in failed:
        evidence += [Span(*line_spans[i], note="line ends with an ellipsis") for i in ell_idx]
    if "gopher_too_many_hashes" in failed:
        evidence += [Span(m.start(), m.end(), note="#") for m in HASH_RE.finditer(text)]

    return Signal(
        name=NAME,
        value=n_failed / N_CHECKS,
        flagged=bool(failed),
        evidence=capped(evidence),
        details={
            "n_words": n_words,
            "n_tokens": n_tokens,
            "mean_word_length": round(mean_len, 4),
            "hash_ratio": round(hash_ratio, 5),
            "ellipsis_ratio": round(ellipsis_ratio, 5),
            "bullet_lines_ratio": round(bullet_ratio, 4),
            "end_ellipsis_lines_ratio": round(end_ellipsis_ratio, 4),
            "alpha_words_ratio": round(alpha_ratio, 4),
            "stop_words": n_stop,
            "failed": failed,
            "thresholds": {
                "min_doc_words": MIN_DOC_WORDS,
                "max_doc_words": MAX_DOC_WORDS,
                "min_avg_word_length": MIN_AVG_WORD_LENGTH,
                "max_avg_word_length": MAX_AVG_WORD_LENGTH,
                "max_symbol_word_ratio": MAX_SYMBOL_WORD_RATIO,
                "max_bullet_lines_ratio": MAX_BULLET_LINES_RATIO,
                "max_ellipsis_lines_ratio": MAX_ELLIPSIS_LINES_RATIO,
                "min_alpha_words_ratio": MAX_NON_ALPHA_WORDS_RATIO,
                "min_stop_words": MIN_STOP_WORDS,
            },
        },
    )
