"""The calibrated combination of the spin features, read from ``models/spin.json``.

The model is a logistic regression over transformed features, calibrated with
Platt's sigmoid on held-out folds (scikit-learn's ``CalibratedClassifierCV``,
``method="sigmoid"``, 5 folds), stored as plain JSON — never pickle — and
evaluated here with the standard library: for each of the five members,
``p_k = 1 / (1 + exp(a_k * (w_k . z + c_k) + b_k))``; the probability is their mean.
``tools/train_spin.py`` writes the file and checks that this code reproduces
scikit-learn's ``predict_proba``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any, Sequence

from ..errors import ModelError
from .features import FEATURES

TRANSFORM_DOC = "log1p(x) for every *_per_1k feature; shares as they are"
_LOG = tuple(f.endswith("_per_1k") for f in FEATURES)
MODEL_NAME = "spin.json"


def transform(X: Any) -> Any:
    """Feature transform shared by training (numpy) and prediction (lists)."""
    try:
        import numpy as np

        if isinstance(X, np.ndarray):
            Z = X.copy()
            for j, lg in enumerate(_LOG):
                if lg:
                    Z[:, j] = np.log1p(Z[:, j])
            return Z
    except ImportError:  # pragma: no cover - numpy comes with scikit-learn
        pass
    return [math.log1p(v) if lg else v for v, lg in zip(X, _LOG)]


class SpinModel:
    def __init__(self, raw: dict[str, Any]) -> None:
        if list(raw.get("features", [])) != list(FEATURES) or not raw.get("members"):
            raise ModelError("models/spin.json does not match the spin features")
        self.raw = raw
        self.members = [(m["coef"], m["intercept"], m["a"], m["b"]) for m in raw["members"]]
        self.threshold = float(raw["threshold"])

    def predict(self, x: Sequence[float]) -> float:
        z = transform(list(x))
        total = 0.0
        for coef, c0, a, b in self.members:
            f = c0 + sum(w * v for w, v in zip(coef, z))
            t = a * f + b
            total += 1.0 / (1.0 + math.exp(t)) if t < 700 else 0.0
        return total / len(self.members)

    def predict_many(self, X: Any) -> list[float]:
        import numpy as np

        return np.array([self.predict(list(row)) for row in X])


@lru_cache(maxsize=1)
def default_model() -> SpinModel:
    """The shipped model (package data ``credscore.models``, or ``<repo>/models``)."""
    from ..score import read_model_file

    try:
        return SpinModel(json.loads(read_model_file(MODEL_NAME)))
    except (ValueError, KeyError, TypeError) as e:
        raise ModelError(f"cannot read models/{MODEL_NAME}: {e}") from e
