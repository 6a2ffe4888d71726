"""The signal block's fit: a standardised, sign-bounded L2 logistic regression, as the
``credscore-linear/1`` JSON that :class:`credscore.score.LinearModel` reads.

Heavy-tailed columns get a signed log (:func:`choose_transforms`), columns are
standardised and clipped to ±:data:`CLIP` (missing values at the column mean), and
each coefficient is held to the sign its signal declares or, for the rest, to the
sign every corpus agrees on (:func:`coefficient_signs`).  Synthetic spun copies
inform only the spin features (:func:`fit_two_stage`).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

CLIP = 5.0  # standardised features are clipped to ±CLIP (the reader's default too)
DEFAULT_C = 0.3  # L2 strength of the logistic regression (fixed, not tuned on the test folds)
DEFAULT_CONSTRAIN = True  # sign constraints where all corpora agree (coefficient_signs)
DEFAULT_DOMAIN_SIGNS = True  # the a-priori direction of each signal's headline value (domain_signs)
AUGMENTED_SIGNAL = "spin"  # the one signal the synthetic spun copies can teach anything about


def domain_signs(features: Sequence[str], components: bool = True) -> np.ndarray:
    """Per feature: the a-priori direction its signal module declares (``FEATURES``, see
    :class:`credscore.signals.base.Feature`), 0 where none is implied or none is declared.
    ``components=False`` keeps the headline values' directions only (an ablation)."""
    from credscore.signals import declared_features

    declared = declared_features()
    return np.array([float(declared[f].direction) if f in declared and (components or "." not in f) else 0.0
                     for f in features])


def choose_transforms(X: np.ndarray, max_skew: float = 2.0) -> list[str]:
    """``"slog"`` for heavy-tailed columns (skewness of the present values > ``max_skew``), else ``""``."""
    out = []
    for j in range(X.shape[1]):
        v = X[~np.isnan(X[:, j]), j]
        sd_ = v.std()
        skew = float(np.mean(((v - v.mean()) / sd_) ** 3)) if sd_ > 0 else 0.0
        out.append("slog" if abs(skew) > max_skew else "")
    return out


def apply_transforms(X: np.ndarray, transforms: Sequence[str]) -> np.ndarray:
    X = X.copy()
    for j, t in enumerate(transforms):
        if t == "slog":
            X[:, j] = np.sign(X[:, j]) * np.log1p(np.abs(X[:, j]))
    return X


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))



def standardise(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = np.nanmean(X, axis=0)
    Xf = np.where(np.isnan(X), mean, X)
    scale = Xf.std(axis=0)
    scale[scale == 0] = 1.0
    return np.clip((Xf - mean) / scale, -CLIP, CLIP), mean, scale



def corpus_of(group: str) -> str:
    """The corpus a group belongs to (``"bw:abc"`` -> ``"bw"``)."""
    return group.split(":", 1)[0]


def coefficient_signs(Z: np.ndarray, y: np.ndarray, corpora: np.ndarray, min_n: int = 20) -> np.ndarray:
    """The direction each feature's coefficient is held to: +1, -1, or 0 (free).

    Scorecard practice ("coherent" coefficients), applied only where the data agree:
    a feature's association with the label is measured *within* each corpus (ROC AUC
    of the feature alone minus 0.5, on that corpus's rows; corpora with fewer than
    ``min_n`` rows or one class are skipped).  When every corpus shows the same
    direction, the coefficient may not take the other sign; when the corpora
    disagree it is left free.  So the model cannot turn "more dates" into "less
    credible" merely because a correlated count (``sourcing.dates`` against
    ``dates.dates``: both higher on reliable documents in every corpus) took the
    weight — the suppressor effect that cost an undated opinion piece 24 points to
    ``dates`` — while the contrasts the corpora disagree on stay available.
    Measured (models/README.md): the grouped AUC is unchanged, the explanations
    lose their sign flips.
    """
    from sklearn.metrics import roc_auc_score

    signs = np.zeros(Z.shape[1])
    for j in range(Z.shape[1]):
        dirs = set()
        for c in np.unique(corpora):
            m = corpora == c
            if m.sum() >= min_n and len(set(y[m])) == 2:
                dirs.add(float(np.sign(roc_auc_score(y[m], Z[m, j]) - 0.5)))
        if len(dirs) == 1:
            signs[j] = dirs.pop()
    return signs


def fit_logistic(Z: np.ndarray, y: np.ndarray, C: float, signs: np.ndarray | None = None,
                  offset: np.ndarray | float = 0.0, fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    """L2 logistic regression with optional sign bounds on the coefficients.

    The objective is scikit-learn's (``sum log-loss + ||w||^2 / (2C)``, intercept not
    penalised), minimised with L-BFGS-B; ``signs[j]`` = +1 bounds ``w_j >= 0``, -1
    bounds ``w_j <= 0``, 0 leaves it free.  ``offset`` is a fixed part of the linear
    predictor (the two-stage fit).
    """
    from scipy.optimize import minimize

    k = Z.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:k], (theta[k] if fit_intercept else 0.0)
        z = offset + Z @ w + b
        p = sigmoid(z)
        ll = np.sum(np.logaddexp(0, z) - y * z) + np.dot(w, w) / (2 * C)
        g = Z.T @ (p - y) + w / C
        return float(ll), (np.append(g, np.sum(p - y)) if fit_intercept else g)

    s = np.zeros(k) if signs is None else np.asarray(signs, dtype=float)
    bounds = [(0.0, None) if v > 0 else (None, 0.0) if v < 0 else (None, None) for v in s]
    if fit_intercept:
        bounds.append((None, None))
    res = minimize(loss, np.zeros(k + int(fit_intercept)), jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 5000})
    return res.x[:k].copy(), (float(res.x[k]) if fit_intercept else 0.0)



def fit_two_stage(Z: np.ndarray, y: np.ndarray, real: np.ndarray, aug_cols: Sequence[int], C: float,
                  signs: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Logistic regression in which the synthetic rows inform only the spin features.

    Stage 1 fits every other feature (and the intercept) on the real documents
    alone.  Stage 2 keeps that linear predictor fixed as an offset and fits the
    coefficients of the :data:`AUGMENTED_SIGNAL` features on real documents plus
    the spun copies (L2 penalty ``1/(2C)``, as scikit-learn's).  So a spun copy,
    which differs from its reliable original only by being spun, can teach what
    spin is worth but cannot drag the other coefficients toward "sounds like a
    mainstream article ⇒ unreliable".  Without synthetic rows (or spin features)
    this is a plain logistic regression on all features.  ``signs``: see
    :func:`fit_logistic` (``None``: all free).
    """
    signs = np.zeros(Z.shape[1]) if signs is None else np.asarray(signs, dtype=float)
    if real.all() or not aug_cols:
        return fit_logistic(Z, y, C, signs)
    other = [j for j in range(Z.shape[1]) if j not in set(aug_cols)]
    coef = np.zeros(Z.shape[1])
    coef[other], intercept = fit_logistic(Z[real][:, other], y[real], C, signs[other])
    offset = Z[:, other] @ coef[other] + intercept
    coef[list(aug_cols)], _ = fit_logistic(Z[:, aug_cols], y, C, signs[list(aug_cols)], offset=offset,
                                           fit_intercept=False)
    return coef, intercept


def fit_model(X: np.ndarray, y: np.ndarray, groups: np.ndarray, real: np.ndarray, features: Sequence[str],
              C: float = DEFAULT_C, transform: bool = True, constrain: bool = DEFAULT_CONSTRAIN,
              use_domain_signs: bool | str = DEFAULT_DOMAIN_SIGNS) -> dict[str, Any]:
    """Fit the signal block on all rows (uncalibrated: the stack's combiner calibrates it).

    ``groups`` name each row's corpus before the colon (``"bw:abc"``); ``real`` is False
    for the synthetic spun copies.

    ``constrain`` (default): each coefficient keeps the sign on which every corpus
    agrees (:func:`coefficient_signs`, recomputed on each training set, so the
    benchmark's folds never see held-out labels); the fit is scikit-learn's
    objective minimised with bounds.

    ``use_domain_signs`` (default): a signal's headline value is held to its a-priori
    direction (:func:`domain_signs`: a defect <= 0, reporting practice >= 0), which
    overrides the data-driven direction where the two disagree; details keep the
    data-driven one.
    """
    transforms = choose_transforms(X) if transform else [""] * X.shape[1]
    X = apply_transforms(X, transforms)
    Z, mean, scale = standardise(X)
    aug_cols = [j for j, f in enumerate(features) if f.split(".", 1)[0] == AUGMENTED_SIGNAL]
    corpora = np.array([corpus_of(g) for g in groups])

    # use_domain_signs="headline": the headline values only, not their components (an ablation)
    dom = (domain_signs(features, components=use_domain_signs != "headline") if use_domain_signs
           else np.zeros(len(features)))
    signs = data_signs = np.zeros(len(features))
    if constrain:
        data_signs = coefficient_signs(Z[real], y[real], corpora[real])
        if aug_cols:  # the spin features' direction is read where spin exists: with the spun copies
            data_signs[aug_cols] = coefficient_signs(Z[:, aug_cols], y, corpora)
    if constrain or use_domain_signs:
        signs = np.where(dom != 0, dom, data_signs)  # the a-priori direction wins
    coef, intercept = fit_two_stage(Z, y, real, aug_cols, C, signs)
    conflicts = {f: {"data": int(d), "domain": int(v)} for f, d, v in zip(features, data_signs, dom)
                 if d != 0 and v != 0 and d != v}
    return {
        "format": "credscore-linear/1",
        "features": list(features),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
        "calibration": None,
        "clip": CLIP,
        "transforms": transforms,
        # documentation (the reader ignores it): the sign each coefficient was held to, 0 = free
        "sign_constraints": {f: int(v) for f, v in zip(features, signs)},
        # headline values whose data-driven direction disagreed with domain_signs (the domain sign was used)
        "sign_conflicts": conflicts,
    }
