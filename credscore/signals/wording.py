"""Wording: does the text read like reliable newsroom copy or like unreliable copy?

A learned signal: the logit of the wording model (:mod:`credscore.wording`, a TF-IDF
word 1–2-gram logistic regression trained on the labelled corpora, with publisher
names, URLs, datelines, bylines and numbers masked).  ``value`` is its probability
(0–1, at the training corpora's mix); ``details["logit"]`` the raw logit the score's
combiner reads.  Evidence: the n-grams that moved this document most, each span
noted with its direction and weight ("+0.041 reads reliable: 'said'").

Never flagged: it is a reading of style, not a defect someone could point at.  It
is English-only (trained on English news).  The score does not read ``value``
through its signal block: the combiner takes the logit as its own block, fitted on
out-of-fold predictions (``tools/score/stack.py``).
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..types import Signal, Span
from ..wording import WordingModel, load_wording
from .base import Context, Feature

NAME = "wording"
ENGLISH_ONLY = True

# Read by the combiner as its own block, never by the signal block (see tools/score/stack.py).
FEATURES: tuple[Feature, ...] = ()

MODEL_FILE = "wording.json.gz"
#: How many n-grams are reported as evidence.
TOP = 8


@lru_cache(maxsize=1)
def model() -> WordingModel:
    """The shipped wording model (read once)."""
    from ..score import read_model_file

    return load_wording(read_model_file(MODEL_FILE))


def compute(ctx: Context) -> Signal:
    z, top = model().logit(ctx.text, top=TOP)
    evidence = []
    for ev in top:
        side = "reads reliable" if ev.weight > 0 else "reads unreliable"
        for a, b in ev.spans[:3]:
            evidence.append(Span(a, b, f"{ev.weight:+.3f} {side}: {ev.term!r}"))
    evidence.sort(key=lambda s: (s.start, s.end))
    p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
    details = {"logit": round(z, 6), "top_terms": [[ev.term, round(ev.weight, 4)] for ev in top]}
    return Signal(NAME, round(p, 6), False, evidence, details)
