"""Label-mined phrase lists: 3- and 4-word phrases over-represented in suspect documents.

The rules behind ``tools/mine_filler.py`` (whose output was curated by hand into
filler's ``MINED`` list) and their automatic, label-safe form for training rows only
(:func:`mine_training_phrases`: no held-out label ever chooses a phrase).
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Sequence

import numpy as np

MINE_STOP = frozenset(
    "the a an of to in and or for on at by with from as is are was were be been it its this that these those "
    "he she they we you i his her their our your my him them us".split()
)
MINE_MIN_DF = 6  # suspect documents a phrase must occur in (mine_filler.py's default)
MINE_MIN_SOURCES = 4  # distinct sources among them: one site's boilerplate is chrome, not style
MINE_MAX_REF_SHARE = 0.01  # at most 1% of reference documents
# Fixed a priori, never tuned: about the size of the hand-curated MINED list (36 phrases).
MINE_TOP_K = 40


def ngrams(text: str, ns: tuple[int, ...] = (3, 4)) -> set[str]:
    """The distinct 3- and 4-word phrases of ``text`` (lower-cased words; 3-grams that begin
    and end with a stop word are skipped)."""
    from credscore.text import TextView

    w = TextView(text).words_lower
    out: set[str] = set()
    for n in ns:
        for i in range(len(w) - n + 1):
            g = w[i: i + n]
            if n == 3 and g[0] in MINE_STOP and g[-1] in MINE_STOP:
                continue
            out.add(" ".join(g))
    return out


def phrase_ok(g: str, words: Any) -> bool:
    """The label-free part of the rules: no digit, every word in the English word list, not all stop words."""
    toks = g.split()
    return (not any(ch.isdigit() for ch in g) and all(t in words for t in toks)
            and not all(t in MINE_STOP for t in toks))


def mine_phrases(suspect: Sequence[tuple[str, Iterable[str]]], reference: Sequence[Iterable[str]],
                 min_df: int = MINE_MIN_DF, min_sources: int = MINE_MIN_SOURCES,
                 max_ref_share: float = MINE_MAX_REF_SHARE, words: Any = None) -> list[tuple[float, int, int, str]]:
    """Phrases over-represented in ``suspect`` documents against ``reference`` ones, best first.

    ``suspect`` holds (source, phrase set) pairs, ``reference`` phrase sets (see :func:`ngrams`).
    A phrase qualifies when it occurs in at least ``min_df`` suspect documents from at least
    ``min_sources`` sources, in at most ``max_ref_share`` of the reference documents, and passes
    :func:`phrase_ok` (``words``: the English word list; ``None`` loads credscore's).  Rows are
    ``(log-odds, df_suspect, df_reference, phrase)`` with add-one-half smoothing,
    ``log(((a + .5) / (n_s + 1)) / ((b + .5) / (n_r + 1)))``, sorted by log-odds, then df.
    """
    from collections import Counter

    if words is None:
        from credscore.signals._wordfreq import english_frequencies

        words = english_frequencies()
    df_s: Counter[str] = Counter()
    df_r: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    ns = 0
    for src, grams in suspect:
        ns += 1
        for g in grams:
            df_s[g] += 1
            sources.setdefault(g, set()).add(src)
    nr = 0
    for grams in reference:
        nr += 1
        df_r.update(grams)
    rows = []
    for g, a in df_s.items():
        if a < min_df:
            continue
        b = df_r.get(g, 0)
        if b > max_ref_share * nr or len(sources[g]) < min_sources or not phrase_ok(g, words):
            continue
        rows.append((math.log(((a + 0.5) / (ns + 1)) / ((b + 0.5) / (nr + 1))), a, b, g))
    rows.sort(reverse=True)
    return rows


def candidate_grams(texts: Sequence[str], min_df: int = MINE_MIN_DF) -> list[frozenset[str]]:
    """Each text's phrases that could ever be mined: :func:`phrase_ok` and in at least ``min_df``
    of ``texts``.  Both rules ignore the labels, and a phrase found in ``min_df`` suspect documents
    is in at least ``min_df`` texts, so mining on these sets gives what mining on the full sets
    gives — only much faster (most phrases occur once)."""
    from collections import Counter

    from credscore.signals._wordfreq import english_frequencies

    words = english_frequencies()
    sets = [ngrams(t) for t in texts]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    keep = {g for g, c in df.items() if c >= min_df and phrase_ok(g, words)}
    return [frozenset(s & keep) for s in sets]


def mine_training_phrases(grams: Sequence[frozenset[str]], y: np.ndarray, groups: np.ndarray,
                          use: np.ndarray, top: int = MINE_TOP_K) -> list[str]:
    """mine_filler's rules run automatically on training rows only (no hand curation): suspect =
    rows of ``use`` with label 0 (source = their group), reference = rows of ``use`` with label 1;
    the ``top`` phrases by log-odds."""
    idx = np.flatnonzero(use)
    rows = mine_phrases([(groups[i], grams[i]) for i in idx if y[i] == 0],
                        [grams[i] for i in idx if y[i] == 1], words=_ALL_WORDS)
    return [g for _, _, _, g in rows[:top]]


class _AnyWord:
    """Word list stand-in for pre-filtered phrase sets (:func:`candidate_grams` applied the rule)."""

    def __contains__(self, _w: object) -> bool:
        return True


_ALL_WORDS = _AnyWord()


def phrase_count(grams: Sequence[frozenset[str]], phrases: Sequence[str]) -> np.ndarray:
    """How many of ``phrases`` each row's phrase set holds."""
    p = frozenset(phrases)
    return np.array([float(len(s & p)) for s in grams])
