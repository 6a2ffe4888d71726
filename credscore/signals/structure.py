"""Structure: how long the article is and how its sentences and title are built.

Not a defect and not a virtue on its own, so it is never flagged: a wire story and a
gossip item differ in length, in how even their sentences are and in how their
titles are capitalised, and the score reads these as context for the other signals.
Measured on the cleaned text (words and sentences from the shared tokenisation):

* ``log_words``, ``log_sentences``: ``log(1 + n)`` of the word and sentence counts;
* ``sentence_mean``, ``sentence_sd``: mean and standard deviation of words per sentence;
* ``title_words``: words in the title (0 without one);
* ``title_caps``: share of the title's words that start with a capital (Title Case → 1);
* ``ttr50``: type-token ratio averaged over consecutive 50-word windows (length-free
  vocabulary variety; the whole text as one window when it is shorter).

``value`` is the word count.  No evidence spans: these describe the whole text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from ..types import Signal
from .base import Context, Feature

NAME = "structure"
ENGLISH_ONLY = False

FEATURES = (
    Feature("log_words", 0, "log(1 + words in the article)"),
    Feature("log_sentences", 0, "log(1 + sentences in the article)"),
    Feature("sentence_mean", 0, "mean words per sentence"),
    Feature("sentence_sd", 0, "standard deviation of words per sentence"),
    Feature("title_words", 0, "words in the title"),
    Feature("title_caps", 0, "share of title words that start with a capital"),
    Feature("ttr50", 0, "type-token ratio over 50-word windows"),
)

WINDOW = 50
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def compute(ctx: Context) -> Signal:
    view = ctx.view
    words = view.words_lower
    n = len(words)
    starts = view.word_starts
    lens = [k for k in (bisect_left(starts, b) - bisect_left(starts, a) for a, b in view.sentence_spans) if k]
    mean = sum(lens) / len(lens) if lens else 0.0
    sd = math.sqrt(sum((x - mean) ** 2 for x in lens) / len(lens)) if lens else 0.0
    title_words = _TITLE_WORD_RE.findall(ctx.title or "")
    caps = sum(1 for w in title_words if w[0].isupper()) / len(title_words) if title_words else 0.0
    if n >= WINDOW:
        wins = [words[i:i + WINDOW] for i in range(0, n - WINDOW + 1, WINDOW)]
        ttr = sum(len(set(w)) / WINDOW for w in wins) / len(wins)
    else:
        ttr = len(set(words)) / n if n else 0.0
    details = {
        "log_words": round(math.log1p(n), 6),
        "log_sentences": round(math.log1p(len(lens)), 6),
        "sentence_mean": round(mean, 4),
        "sentence_sd": round(sd, 4),
        "title_words": len(title_words),
        "title_caps": round(caps, 4),
        "ttr50": round(ttr, 4),
    }
    return Signal(NAME, float(n), False, [], details)
