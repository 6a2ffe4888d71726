"""The stacked score: a signal block, a wording block and a combiner (training side).

Shared by ``python -m tools.train_score`` (which writes ``models/score.json`` and
``models/wording.json.gz``) and ``python -m benchmarks.score`` (which measures it).

* **Signal block**: the standardised, sign-bounded logistic regression of
  :func:`tools.score.fit.fit_model` over the features the signal modules declare
  (:func:`credscore.signals.declared_features`; their a-priori directions bound the
  coefficients), the ``structure`` signal's length and shape features among them.
* **Wording block**: TF-IDF (sublinear tf, l2) word 1–2-gram logistic regression,
  the analyzer being :func:`credscore.wording.terms` (publishers, URLs, datelines,
  bylines and numbers masked), pruned to the :data:`WORDING_TERMS` heaviest n-grams
  and refitted on exactly those, so the shipped JSON reproduces scikit-learn.
* **Combiner**: logistic regression over the two blocks' grouped out-of-fold logits
  (Platt scaling of each block in one step), its slopes held >= 0, then moved from
  the training mix to the documented base rate (:data:`BASE_RATE`, even odds).

Groups are publishers (:func:`tools.data.cred.publisher`): FakeNewsNet's BuzzFeed half comes from the
same nine Facebook pages as BuzzFeed-Webis (``politi.co`` is Politico), so grouping
by corpus-and-domain would put one publisher's articles on both sides of a fold.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from credscore.types import Signal
from tools.data.cred import Row

from . import SEED
from .features import feature_dicts, matrix
from .fit import DEFAULT_C, apply_transforms, fit_logistic, fit_model
from .spun import spun_copies

#: n-grams kept in the shipped wording model (by absolute weight after the full fit).
WORDING_TERMS = 20000
#: L2 strength of the wording block (C of LogisticRegression); fixed from a grouped-CV sweep on
#: the training corpora only (1 → 0.79, 4 → 0.82, 16 → 0.83 before masking; see models/README.md).
WORDING_C = 8.0
WORDING_MIN_DF = 3
#: The prior the shipped score assumes (0.5 = even odds), not the training mix (about 2:1 reliable).
BASE_RATE = 0.5

# ---------------------------------------------------------------------------
# Wording block
# ---------------------------------------------------------------------------


def _pre_analyzed(doc: Any) -> list[str]:
    """The analyzer for inputs that are already :func:`credscore.wording.terms` lists."""
    return doc


def analyzed(texts: Sequence[str]) -> list[list[str]]:
    """:func:`credscore.wording.terms` of each text: compute once, fit many times."""
    from credscore.wording import terms

    return [terms(t) for t in texts]


def _vectorizer(vocabulary: Sequence[str] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=_pre_analyzed, sublinear_tf=True, norm="l2", smooth_idf=True,
                           min_df=1 if vocabulary is not None else WORDING_MIN_DF, vocabulary=vocabulary,
                           dtype=np.float64)


def fit_wording(texts: Sequence[list[str]], y: np.ndarray, C: float = WORDING_C, n_terms: int = WORDING_TERMS,
                seed: int = SEED) -> dict[str, Any]:
    """Fit, prune to ``n_terms`` n-grams, refit on them; the JSON of :mod:`credscore.wording`.

    ``texts`` are :func:`analyzed` term lists."""
    from sklearn.linear_model import LogisticRegression

    from credscore.wording import to_dict

    vec = _vectorizer()
    X = vec.fit_transform(texts)
    lr = LogisticRegression(C=C, max_iter=4000, random_state=seed).fit(X, y)
    names = vec.get_feature_names_out()
    keep = np.argsort(-np.abs(lr.coef_[0]), kind="stable")[:n_terms]
    vocab = sorted(names[keep].tolist())
    vec2 = _vectorizer(vocab)
    X2 = vec2.fit_transform(texts)
    # idf from the full vocabulary's document frequencies (identical: idf depends on df alone)
    lr2 = LogisticRegression(C=C, max_iter=4000, random_state=seed).fit(X2, y)
    return to_dict(vec2.get_feature_names_out(), vec2.idf_, lr2.coef_[0], float(lr2.intercept_[0]),
                   {"C": C, "n_terms": len(vocab), "min_df": WORDING_MIN_DF, "n_documents": len(texts)})


def wording_logits(model: dict[str, Any], texts: Sequence[list[str]]) -> np.ndarray:
    """The wording logit of each :func:`analyzed` text: :meth:`credscore.wording.WordingModel.logit`,
    vectorised over the terms computed once (tests/test_score_model.py checks they are equal)."""
    vec = _vectorizer(model["terms"])
    vec.fit(texts[:1])  # builds the analyzer; idf is set below
    vec.idf_ = np.asarray(model["idf"], dtype=float)
    X = vec.transform(texts)
    return X @ np.asarray(model["coef"], dtype=float) + float(model["intercept"])


# ---------------------------------------------------------------------------
# Signal block
# ---------------------------------------------------------------------------


class Augment:
    """Synthetic spun copies (label 0) of reliable articles and the real row each was spun from.

    They teach the score what ``spin`` is worth and nothing else: in the signal block the
    real documents fit every other coefficient first (:func:`tools.score.fit.fit_two_stage`),
    and in the combiner spin's own slope is fitted last, on top of the real documents' fit
    (:func:`fit_combiner`).  The corpora hold no spun text, so without them a spun wire
    copy reads as the wire story it copies (seed 000).  A copy is used only where its
    source row is in the training part, so no held-out article is seen in any form.
    """

    def __init__(self, X: np.ndarray, src: np.ndarray, terms: list[list[str]], flags: np.ndarray):
        self.X, self.src, self.terms, self.flags = X, src, terms, flags

    def for_rows(self, idx: np.ndarray) -> np.ndarray:
        return np.flatnonzero(np.isin(self.src, idx))


def make_augment(rows: Sequence[Row], features: Sequence[str], jobs: int = 2) -> Augment:
    spun = spun_copies(rows)
    index = {r.key(): i for i, r in enumerate(rows)}
    dicts = feature_dicts(spun, jobs=jobs)
    X = matrix(dicts, features)
    return Augment(X, np.array([index[r.src] for r in spun]), analyzed([r.text for r in spun]), flags(dicts))


def flags(dicts: Sequence[dict[str, float]]) -> np.ndarray:
    """Whether each row's :data:`OWN_SLOPE` signal flagged it (its terms count only then)."""
    return np.array([any(d.get(f"{s}.flagged", 0.0) > 0 for s in OWN_SLOPE) for d in dicts])


#: Signals whose terms get their own slope in the combiner, fitted with the spun copies, and count
#: only where the signal flags the text: spin's value on unflagged real articles (short celebrity
#: items, long political reports) carried no information there and cost 0.04 AUC on FakeNewsAMT /
#: Celebrity when it counted everywhere (benchmarks/score.py, 2026-12-04).
OWN_SLOPE = ("spin",)


def fit_signals(X: np.ndarray, y: np.ndarray, groups: np.ndarray, features: Sequence[str],
                C: float = DEFAULT_C, aug: Augment | None = None, rows: np.ndarray | None = None,
                ) -> dict[str, Any]:
    """The signal block, uncalibrated (the combiner calibrates); ``aug`` copies of ``rows`` teach spin."""
    real = np.ones(len(y), dtype=bool)
    if aug is not None and rows is not None and any(f.split(".", 1)[0] in OWN_SLOPE for f in features):
        k = aug.for_rows(rows)
        X = np.vstack([X, aug.X[k]])
        y = np.concatenate([y, np.zeros(len(k), dtype=y.dtype)])
        groups = np.concatenate([groups, np.array(["spun:augmented"] * len(k))])
        real = np.concatenate([real, np.zeros(len(k), dtype=bool)])
    model = fit_model(X, y, groups, real, features, C=C)
    model["reference"] = reference(model, X[real], features)
    return model


def reference(model: dict[str, Any], X: np.ndarray, features: Sequence[str]) -> list[float]:
    """What the explanation measures each feature from (transformed units): a defect's clean end
    (its minimum on the real training rows), anything else its training mean."""
    from credscore.signals import declared_features

    declared = declared_features()
    Xt = apply_transforms(X, model["transforms"])
    return [round(float(np.nanmin(Xt[:, j])), 6) if declared[f].direction < 0 else m
            for j, (f, m) in enumerate(zip(features, model["mean"]))]


def as_signals(features: Sequence[str], x: np.ndarray, flagged: bool = False) -> dict[str, Signal]:
    """One row of the feature matrix as the signals the shipped model reads: a signal is present
    (applicable) where any of its features is; NaN marks what is absent; ``flagged`` sets the
    :data:`OWN_SLOPE` signals' flags (the only flags the signal block reads)."""
    values: dict[str, float] = {}
    details: dict[str, dict[str, float]] = {}
    for f, v in zip(features, x):
        if math.isnan(v):
            continue
        name, _, key = f.partition(".")
        if key:
            details.setdefault(name, {})[key] = float(v)
        else:
            values[name] = float(v)
    return {name: Signal(name, values.get(name, math.nan), flagged=flagged and name in OWN_SLOPE,
                         details=details.get(name, {}))
            for name in {*values, *details}}


def signal_parts(model: dict[str, Any], X: np.ndarray, flagged: np.ndarray) -> np.ndarray:
    """Columns (linear term without the :data:`OWN_SLOPE` features, their terms where ``flagged``)
    of each row, computed by the shipped :class:`credscore.score.StackedModel` with unit slopes.

    So the combiner is fitted on exactly the terms the shipped model adds up: a missing feature
    counts from its reference (a defect's clean end), the gated features' terms only where their
    signal flags the text (unflagged rows get exactly 0, so spin's slope is set by flagged rows)."""
    from credscore.score import LinearModel, StackedModel

    unit = StackedModel(LinearModel.from_dict(model), a_signals=1.0, a_wording=0.0, intercept=0.0,
                        wording_reference=0.0, slopes={s: 1.0 for s in OWN_SLOPE}, flag_gated=OWN_SLOPE)
    gated = [f.split(".", 1)[0] in OWN_SLOPE for f in model["features"]]
    out = np.empty((len(X), 2))
    for i, (x, fl) in enumerate(zip(X, flagged)):
        z_ref, _, terms, _, _ = unit._z(as_signals(model["features"], x, bool(fl)))  # the shipped formula
        out[i] = (z_ref + math.fsum(t for t, g in zip(terms, gated) if not g),
                  math.fsum(t for t, g in zip(terms, gated) if g))
    return out


# ---------------------------------------------------------------------------
# Stacking
# ---------------------------------------------------------------------------

#: Columns of the block matrix Z: the signal block without spin, spin's terms, the wording logit.
COLUMNS = ("signals", "spin", "wording")


class Stack:
    """The two blocks fitted on one training part; :meth:`z` gives test rows' block columns."""

    def __init__(self, X, terms, y, groups, features, idx, aug: Augment | None = None):
        self.sig = fit_signals(X[idx], y[idx], groups[idx], features, aug=aug, rows=idx)
        self.wording = fit_wording([terms[i] for i in idx], y[idx])

    def z(self, X: np.ndarray, terms: Sequence[list[str]], flagged: np.ndarray) -> np.ndarray:
        return np.column_stack([signal_parts(self.sig, X, flagged), wording_logits(self.wording, terms)])


def oof_block_logits(X: np.ndarray, texts: Sequence[list[str]], y: np.ndarray, groups: np.ndarray,
                     features: Sequence[str], flagged: np.ndarray, folds: int = 5, aug: Augment | None = None,
                     ) -> tuple[np.ndarray, np.ndarray | None]:
    """Grouped out-of-fold block columns (:data:`COLUMNS`) of the rows and of their spun copies
    (each copy scored by the fold that held its source out); ``texts`` :func:`analyzed`."""
    from sklearn.model_selection import GroupKFold

    Z = np.zeros((len(y), len(COLUMNS)))
    Za = np.zeros((len(aug.src), len(COLUMNS))) if aug is not None else None
    for tr, te in GroupKFold(n_splits=min(folds, len(set(groups)))).split(X, y, groups):
        st = Stack(X, texts, y, groups, features, tr, aug)
        Z[te] = st.z(X[te], [texts[i] for i in te], flagged[te])
        if aug is not None and Za is not None:
            k = aug.for_rows(te)
            if len(k):
                Za[k] = st.z(aug.X[k], [aug.terms[i] for i in k], aug.flags[k])
    return Z, Za


def fit_combiner(Z: np.ndarray, y: np.ndarray, Za: np.ndarray | None = None,
                 base_rate: float = BASE_RATE) -> dict[str, Any]:
    """Slopes (>= 0) and intercept over the block columns, moved to ``base_rate``.

    Two stages, as in the signal block: the slopes of the signal block and of the wording
    block and the intercept are fitted on the real documents alone; spin's own slope is then
    fitted with that fixed, on the real documents plus the spun copies ``Za`` (label 0).  So
    the synthetic copies decide what spin is worth, and nothing else.
    """
    y = y.astype(float)
    base_cols = [0, 2]
    w, b = fit_logistic(Z[:, base_cols], y, C=1e6, signs=np.ones(2))
    coef = np.zeros(len(COLUMNS))
    coef[base_cols] = w
    ZZ = Z if Za is None else np.vstack([Z, Za])
    yy = y if Za is None else np.concatenate([y, np.zeros(len(Za))])
    offset = ZZ[:, base_cols] @ w + b
    if np.any(ZZ[:, 1] != 0):
        coef[1] = fit_logistic(ZZ[:, [1]], yy, C=1e6, signs=np.ones(1), offset=offset, fit_intercept=False)[0][0]
    prior = float(y.mean())
    shift = math.log(base_rate / (1 - base_rate)) - math.log(prior / (1 - prior))
    return {"coef": [float(v) for v in coef], "intercept": float(b + shift), "training_prior": prior,
            "base_rate": base_rate, "prior_shift": shift}


def combine(comb: dict[str, Any], Z: np.ndarray) -> np.ndarray:
    coef = np.asarray(comb["coef"])
    z = Z @ coef + comb["intercept"]
    return 1 / (1 + np.exp(-z))
