"""Gopher repetition measures (Rae et al. 2021, table A1), as numbers.

Definitions and default thresholds are those of datatrove's
``GopherRepetitionFilter`` (``src/datatrove/pipeline/filters/gopher_repetition_filter.py``,
read at commit f42332190d5fa3ecfe4603d12e72354543f8a5e5).  A page is dropped there if

==========================================  =========
measure                                     above
==========================================  =========
duplicate paragraphs / paragraphs            0.30
duplicate lines / lines                      0.30
characters in duplicate paragraphs / text    0.20
characters in duplicate lines / text         0.20
most frequent 2-gram's characters / text     0.20
most frequent 3-gram's characters / text     0.18
most frequent 4-gram's characters / text     0.16
characters in duplicated 5-grams / text      0.15
… 6-grams                                    0.14
… 7-grams                                    0.13
… 8-grams                                    0.12
… 9-grams                                    0.11
… 10-grams                                   0.10
==========================================  =========

Paragraphs are split on two or more newlines (of the stripped text), lines on one or
more; a "duplicate" is any second or later copy of an exactly equal element and its
characters are those of the copies.  The most frequent n-gram's characters are its
length (words joined by a space) times its count.  Duplicated n-gram characters are
counted as datatrove does: scan left to right, and when an n-gram was seen before,
add its characters (words joined without a space) and jump n words ahead.

Where credscore differs: n-grams are over credscore's shared words, without NLTK's
punctuation tokens (so ", and" is not a 2-gram here).

``value`` is the worst measure as a fraction of its threshold, capped at 1 (0 = no
repetition at all, 1 = at or past a threshold); ``flagged`` is Gopher's drop
decision; ``details`` holds every measure and the failed checks.
"""

from __future__ import annotations

import re
from itertools import accumulate

import numpy as np

from ..types import Signal, Span
from ._lexicon import capped, ratio
from .base import Context, Feature

NAME = "gopher_repetition"
ENGLISH_ONLY = False

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "worst Gopher repetition measure as a fraction of its threshold"),
    Feature("dup_line_char_frac", -1, "a Gopher repetition measure"),
    Feature("dup_line_frac", -1, "a Gopher repetition measure"),
    Feature("dup_para_char_frac", -1, "a Gopher repetition measure"),
    Feature("dup_para_frac", -1, "a Gopher repetition measure"),
    Feature("duplicated_5_n_grams", -1, "a Gopher repetition measure"),
    Feature("duplicated_6_n_grams", -1, "a Gopher repetition measure"),
    Feature("duplicated_7_n_grams", -1, "a Gopher repetition measure"),
    Feature("duplicated_8_n_grams", -1, "a Gopher repetition measure"),
    Feature("duplicated_9_n_grams", -1, "a Gopher repetition measure"),
    Feature("duplicated_10_n_grams", -1, "a Gopher repetition measure"),
    Feature("top_2_gram", -1, "a Gopher repetition measure"),
    Feature("top_3_gram", -1, "a Gopher repetition measure"),
    Feature("top_4_gram", -1, "a Gopher repetition measure"),
)

DUP_LINE_FRAC = 0.3
DUP_PARA_FRAC = 0.3
DUP_LINE_CHAR_FRAC = 0.2
DUP_PARA_CHAR_FRAC = 0.2
TOP_N_GRAMS = ((2, 0.2), (3, 0.18), (4, 0.16))
DUP_N_GRAMS = ((5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10))

PARA_SEP_RE = re.compile(r"\n{2,}")
LINE_SEP_RE = re.compile(r"\n+")


def _pieces(text: str, sep: re.Pattern[str], offset: int) -> list[tuple[int, int]]:
    """Spans of the pieces of ``text`` between matches of ``sep`` (like ``sep.split``)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in sep.finditer(text):
        out.append((offset + pos, offset + m.start()))
        pos = m.end()
    out.append((offset + pos, offset + len(text)))
    return out


def _duplicates(text: str, spans: list[tuple[int, int]]) -> tuple[int, int, list[tuple[int, int]]]:
    """(number of duplicate elements, their characters, their spans)."""
    seen: set[str] = set()
    n = chars = 0
    dup_spans: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b]
        if piece in seen:
            n += 1
            chars += b - a
            if piece.strip():
                dup_spans.append((a, b))
        else:
            seen.add(piece)
    return n, chars, dup_spans


def _level(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``keys`` renumbered 0, 1, … in order of first occurrence; each number's count and first position.

    The same numbering as ``[table.setdefault(k, len(table)) for k in keys]``.
    """
    _, first, inverse, counts = np.unique(keys, return_index=True, return_inverse=True, return_counts=True)
    order = np.argsort(first)  # distinct values by first occurrence
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse.reshape(-1)], counts[order], first[order]


def compute(ctx: Context) -> Signal:
    text = ctx.text
    view = ctx.view
    n_chars = len(text)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())

    para_spans = _pieces(stripped, PARA_SEP_RE, lead)
    n_dup_para, dup_para_chars, dup_para_spans = _duplicates(text, para_spans)
    line_spans = _pieces(text, LINE_SEP_RE, 0)
    n_dup_line, dup_line_chars, dup_line_spans = _duplicates(text, line_spans)

    measures: dict[str, float] = {
        "dup_para_frac": ratio(n_dup_para, len(para_spans)),
        "dup_para_char_frac": ratio(dup_para_chars, n_chars),
        "dup_line_frac": ratio(n_dup_line, len(line_spans)),
        "dup_line_char_frac": ratio(dup_line_chars, n_chars),
    }
    thresholds: dict[str, float] = {
        "dup_para_frac": DUP_PARA_FRAC,
        "dup_para_char_frac": DUP_PARA_CHAR_FRAC,
        "dup_line_frac": DUP_LINE_FRAC,
        "dup_line_char_frac": DUP_LINE_CHAR_FRAC,
    }

    # n-grams as exact integer ids, built level by level: the id of an n-gram is its
    # rank by first occurrence among the distinct values of (id of its first n-1
    # words) * width + (id of its last word).  No tuples, no strings; each level is a
    # few numpy passes (a sort: n log n), not a Python loop over every word.  Once no
    # n-gram repeats, no longer one can: the remaining levels need no building.
    words = view.words
    # word ids by first occurrence, in C: the numbering of [ids.setdefault(w, len(ids)) for w in words]
    ids_of: dict[str, int] = dict(zip(dict.fromkeys(words), range(len(words))))
    ids_list = list(map(ids_of.__getitem__, words))
    prefix = list(accumulate(map(len, words), initial=0))
    n_words = len(ids_list)
    width = len(ids_of) + 1
    ids = np.asarray(ids_list, dtype=np.int64)
    top_thr = dict(TOP_N_GRAMS)
    dup_thr = dict(DUP_N_GRAMS)
    top_spans: dict[int, list[int]] = {}
    grams = ids
    all_unique = len(ids_of) == n_words
    for n in range(2, max(dup_thr) + 1):
        if n in top_thr:
            thresholds[f"top_{n}_gram"] = top_thr[n]
        if n in dup_thr:
            thresholds[f"duplicated_{n}_n_grams"] = dup_thr[n]
        if n_words < n:
            measures[f"top_{n}_gram" if n in top_thr else f"duplicated_{n}_n_grams"] = 0.0
            continue
        if all_unique:  # every n-gram occurs once: the "top" one is the first, nothing is duplicated
            if n in top_thr:
                measures[f"top_{n}_gram"] = ratio(prefix[n] + (n - 1), n_chars)
            else:
                measures[f"duplicated_{n}_n_grams"] = 0.0
            continue
        grams, counts, first = _level(grams[: n_words - n + 1] * width + ids[n - 1:])
        all_unique = len(counts) == len(grams)
        if n in top_thr:
            # the most frequent n-gram, the first to occur among equals (Counter.most_common)
            gram = int(np.argmax(counts))
            count = int(counts[gram])
            at = int(first[gram])
            gram_chars = prefix[at + n] - prefix[at] + (n - 1)
            measures[f"top_{n}_gram"] = ratio(gram_chars * count, n_chars)
            if count > 1:
                top_spans[n] = np.flatnonzero(grams == gram).tolist()
            continue
        repeated = 0
        if not all_unique:
            # datatrove's scan: left to right, a gram seen before adds its characters
            # and jumps n words.  Grams that occur once never match later, so only the
            # positions of repeated grams need visiting; the rest is stepping by one.
            seen: set[int] = set()
            idx = 0
            at_rep = np.flatnonzero(counts[grams] >= 2)
            for pos, g in zip(at_rep.tolist(), grams[at_rep].tolist()):
                if pos < idx:
                    continue
                if g in seen:
                    repeated += prefix[pos + n] - prefix[pos]
                    idx = pos + n
                else:
                    seen.add(g)
        measures[f"duplicated_{n}_n_grams"] = ratio(repeated, n_chars)

    failed = [k for k, v in measures.items() if v > thresholds[k]]
    pressure = max((ratio(v, thresholds[k]) for k, v in measures.items()), default=0.0)

    evidence = [Span(a, b, note="duplicate paragraph") for a, b in dup_para_spans]
    dup_para_set = set(dup_para_spans)
    evidence += [Span(a, b, note="duplicate line") for a, b in dup_line_spans if (a, b) not in dup_para_set]
    spans = view.word_spans
    for n, starts in top_spans.items():
        if f"top_{n}_gram" in failed:
            evidence += [Span(spans[i][0], spans[i + n - 1][1], note=f"most frequent {n}-gram") for i in starts]

    return Signal(
        name=NAME,
        value=min(1.0, pressure),
        flagged=bool(failed),
        evidence=capped(evidence),
        details={
            **{k: round(v, 5) for k, v in measures.items()},
            "n_paragraphs": len(para_spans),
            "n_lines": len(line_spans),
            "failed": failed,
            "thresholds": thresholds,
        },
    )
