"""The plain baseline the benchmark sets beside the score: 12 style features and a
standardised logistic regression over them."""

from __future__ import annotations

import re

import numpy as np

from . import SEED

STYLE_FEATURES = (
    "mean_word_length",  # letters per word
    "mean_sentence_length",  # words per sentence
    "type_token_ratio",  # distinct / total lower-cased words in the first 300 words
    "exclamation_rate",  # "!" per sentence
    "question_rate",  # "?" per sentence
    "all_caps_rate",  # words of >= 2 letters all in capitals, per word
    "quote_rate",  # quotation marks per word
    "digit_rate",  # digits per character
    "first_person_rate",  # I, me, my, we, us, our … per word
    "second_person_rate",  # you, your … per word
    "paragraph_length",  # words per paragraph (blank-line or line separated)
    "title_case_rate",  # capitalised words not at a sentence start, per word
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENT_RE = re.compile(r"[.!?]+(?:\s|$)")
_FIRST = frozenset("i me my mine myself we us our ours ourselves".split())
_SECOND = frozenset("you your yours yourself yourselves".split())
_QUOTES_RE = re.compile(r"[\"“”«»]")


def style_features(text: str) -> list[float]:
    """The 12 :data:`STYLE_FEATURES` of ``text`` (a deliberately plain baseline)."""
    words = _WORD_RE.findall(text)
    nw = max(1, len(words))
    ns = max(1, len(_SENT_RE.findall(text)))
    lower = [w.lower() for w in words]
    head = lower[:300]
    paras = [p for p in re.split(r"\n+", text) if p.strip()]
    title_case = 0
    prev_end = True
    for tok in re.findall(r"\S+", text):
        w = tok.strip("\"“”‘’'([")
        if w[:1].isupper() and w[1:2].islower() and not prev_end:
            title_case += 1
        prev_end = tok.endswith((".", "!", "?", ":"))
    return [
        sum(len(w) for w in words) / nw,
        nw / ns,
        len(set(head)) / max(1, len(head)),
        text.count("!") / ns,
        text.count("?") / ns,
        sum(1 for w in words if len(w) >= 2 and w.isupper()) / nw,
        len(_QUOTES_RE.findall(text)) / nw,
        sum(c.isdigit() for c in text) / max(1, len(text)),
        sum(1 for w in lower if w in _FIRST) / nw,
        sum(1 for w in lower if w in _SECOND) / nw,
        nw / max(1, len(paras)),
        title_case / nw,
    ]


def fit_style(X: np.ndarray, y: np.ndarray, C: float = 1.0, seed: int = SEED):
    """Plain standardised logistic regression on the style features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000, random_state=seed)).fit(X, y)
