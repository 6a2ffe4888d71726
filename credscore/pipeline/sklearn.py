"""credscore's signals as features for your own scikit-learn models.

:class:`CredScoreTransformer` turns texts into a numeric matrix: one row per
document, one column per signal value (and optionally per numeric sub-measure,
and the score itself).  It is a stateless feature extractor in the style of
``HashingVectorizer``: its input is a 1-D sequence of documents (a list, a
pandas Series, a 1-D array) or a single column of them (so
``ColumnTransformer([("cs", CredScoreTransformer(), ["text"])])`` works)::

    from sklearn.pipeline import make_pipeline
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from credscore.pipeline.sklearn import CredScoreTransformer

    clf = make_pipeline(CredScoreTransformer(), SimpleImputer(), LogisticRegression())
    clf.fit(train_texts, train_labels)

Not applicable signals (an English-only signal on German text), missing
sub-measures and the ``score`` of a document that cannot be scored are ``fill_value`` (NaN by default: impute, or use a model that
handles NaN such as ``HistGradientBoostingClassifier``).

``check_estimator``: scikit-learn's generic checks feed random 2-D *numeric*
arrays, which are not documents; :data:`NOT_APPLICABLE_CHECKS` lists the checks
that therefore do not apply, each with the reason, and the test suite runs
``check_estimator(CredScoreTransformer(), expected_failed_checks=...)`` so that
every other check must pass.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..score import feature_value
from ..types import Analysis
from .batch import resolve_model, score_one, signal_names

__all__ = ["CredScoreTransformer", "NOT_APPLICABLE_CHECKS"]

_NOT_TEXT = "the transformer takes documents (strings), not the numeric 2-D arrays the check generates"

#: scikit-learn checks that do not apply to a text feature extractor, and why
#: (scikit-learn itself keeps CountVectorizer & co. out of its generic checks).
#: The remaining checks (cloning, repr, get/set_params, no work in ``__init__``,
#: unfitted errors, tags, clear errors for sparse, complex and empty input) pass.
NOT_APPLICABLE_CHECKS: dict[str, str] = {
    name: _NOT_TEXT
    for name in (
        "check_fit_score_takes_y",
        "check_estimators_overwrite_params",
        "check_dont_overwrite_parameters",
        "check_estimators_fit_returns_self",
        "check_readonly_memmap_input",
        "check_n_features_in_after_fitting",
        "check_positive_only_tag_during_fit",
        "check_estimators_dtypes",
        "check_dtype_object",
        "check_pipeline_consistency",
        "check_estimators_nan_inf",
        "check_estimators_pickle",
        "check_f_contiguous_array_estimator",
        "check_transformer_data_not_an_array",
        "check_transformer_general",
        "check_methods_sample_order_invariance",
        "check_methods_subset_invariance",
        "check_fit2d_1sample",
        "check_fit2d_1feature",
        "check_dict_unchanged",
        "check_fit_idempotent",
        "check_fit_check_is_fitted",
        "check_n_features_in",
        "check_fit2d_predict1d",
    )
}
NOT_APPLICABLE_CHECKS["check_estimator_sparse_array"] = (
    "scikit-learn cannot build the 1-D sparse array this check wants for an estimator that takes 1-D input "
    "(the error is raised inside the check, before the estimator is called)"
)


class CredScoreTransformer(TransformerMixin, BaseEstimator):
    """Documents → matrix of credscore signal values.

    Parameters
    ----------
    features : ``"signals"`` (default), ``"model"``, ``"all"`` or a list of names
        ``"signals"``: one column per registered signal (its ``value``).
        ``"model"``: the features the shipped score model reads.
        ``"all"``: every signal value plus every numeric sub-measure seen at ``fit``.
        A list: names ``"<signal>"``, ``"<signal>.<detail>"`` or ``"score"``.
    include_score : bool
        Append the credscore score (0–100) as a last column ``"score"``.
    content_type : ``None``, ``"text"`` or ``"html"``
        Force how documents are read (``None``: detected per document).
    fill_value : float
        The value of a feature that is missing or not applicable.
    errors : ``"raise"`` or ``"fill"``
        A document credscore cannot analyse (empty, binary …) raises, or becomes a
        row of ``fill_value``.
    """

    def __init__(self, features: str | Sequence[str] = "signals", include_score: bool = False,
                 content_type: str | None = None, fill_value: float = np.nan, errors: str = "raise") -> None:
        self.features = features
        self.include_score = include_score
        self.content_type = content_type
        self.fill_value = fill_value
        self.errors = errors

    # -- input ----------------------------------------------------------------

    def _texts(self, X: Any, *, reset: bool) -> list[Any]:
        cols = getattr(X, "columns", None)
        if cols is not None:  # a DataFrame: exactly one column of documents
            if X.shape[1] != 1:
                raise ValueError(f"CredScoreTransformer takes one column of documents, got {X.shape[1]} columns")
            if reset:
                self.feature_names_in_ = np.asarray([str(c) for c in cols], dtype=object)
                self.n_features_in_ = 1
            return X.iloc[:, 0].tolist()
        if isinstance(X, (str, bytes)):
            raise ValueError("CredScoreTransformer takes a sequence of documents, not a single string; "
                             "wrap it in a list")
        if hasattr(X, "toarray") or hasattr(X, "tocsr"):
            raise TypeError("A sparse matrix was passed, but CredScoreTransformer takes documents (strings)")
        arr = X if isinstance(X, np.ndarray) else None
        if arr is not None and np.iscomplexobj(arr):
            raise ValueError("Complex data not supported: CredScoreTransformer takes documents (strings)")
        if arr is not None and arr.ndim == 2 and arr.shape[1] == 0:
            raise ValueError(f"0 feature(s) (shape={arr.shape}) while a minimum of 1 is required: "
                             "CredScoreTransformer takes one column of documents")
        if arr is None and hasattr(X, "tolist") and not isinstance(X, list):
            X = X.tolist()  # a pandas Series, a pyarrow array …
        if arr is not None:
            if arr.ndim == 2 and arr.shape[1] == 1:
                if reset:
                    self.n_features_in_ = 1
                X = arr[:, 0].tolist()
            elif arr.ndim == 1:
                X = arr.tolist()
            else:
                raise ValueError(f"CredScoreTransformer takes a 1-D sequence of documents (or one column), "
                                 f"got an array of shape {arr.shape}")
        docs = list(X)
        if len(docs) == 0:
            raise ValueError("CredScoreTransformer got 0 documents (a minimum of 1 is required)")
        for d in docs:
            if not (d is None or isinstance(d, (str, bytes))):
                raise ValueError(f"CredScoreTransformer takes documents (str or bytes), got {type(d).__name__}")
        return docs

    def _analyses(self, docs: list[Any]) -> list[Analysis | None]:
        if self.errors not in ("raise", "fill"):
            raise ValueError("errors must be 'raise' or 'fill'")
        model = resolve_model(None)
        out: list[Analysis | None] = []
        for i, d in enumerate(docs):
            r = score_one(d, content_type=self.content_type, model=model)
            if isinstance(r, dict):
                if self.errors == "raise":
                    raise ValueError(f"document {i}: {r['kind']}: {r['message']}")
                out.append(None)
            else:
                out.append(r)
        return out

    # -- feature names ---------------------------------------------------------

    def _base_names(self, analyses: list[Analysis | None] | None) -> list[str]:
        f = self.features
        if isinstance(f, str):
            if f == "signals":
                names = list(signal_names())
            elif f == "model":
                names = list(resolve_model(None).features)
            elif f == "all":
                names = list(signal_names())
                seen: dict[str, set[str]] = {n: set() for n in names}
                for a in analyses or []:
                    if a is None:
                        continue
                    for n, s in a.signals.items():
                        if not s.applicable:
                            continue
                        for k, v in s.details.items():
                            if isinstance(v, (int, float)) and not isinstance(v, bool):
                                seen.setdefault(n, set()).add(k)
                names = [x for n in names for x in [n, *(f"{n}.{k}" for k in sorted(seen.get(n, ())))]]
            else:
                raise ValueError(f"features must be 'signals', 'model', 'all' or a list of names, not {f!r}")
        else:
            names = [str(x) for x in f]
        if self.include_score and "score" not in names:
            names.append("score")
        return names

    # -- the estimator API ----------------------------------------------------------

    def fit(self, X: Any, y: Any = None) -> "CredScoreTransformer":
        """Validate ``X``; with ``features="all"`` learn which sub-measures exist."""
        self._fit_transform(X, need_matrix=False)
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> np.ndarray:
        """``fit`` then ``transform``, analysing each document once."""
        return self._fit_transform(X, need_matrix=True)

    def _fit_transform(self, X: Any, *, need_matrix: bool) -> Any:
        docs = self._texts(X, reset=True)
        analyses = self._analyses(docs) if (need_matrix or self.features == "all") else None
        self.feature_names_out_ = np.asarray(self._base_names(analyses), dtype=object)
        return self._matrix(analyses) if need_matrix else None

    def transform(self, X: Any) -> np.ndarray:
        """The feature matrix, shape ``(n_documents, len(get_feature_names_out()))``."""
        check_is_fitted(self, "feature_names_out_")
        return self._matrix(self._analyses(self._texts(X, reset=False)))

    def _matrix(self, analyses: list[Analysis | None] | None) -> np.ndarray:
        names = list(self.feature_names_out_)
        fill = float(self.fill_value)
        out = np.full((len(analyses or []), len(names)), fill, dtype=np.float64)
        for i, a in enumerate(analyses or []):
            if a is None:
                continue
            for j, n in enumerate(names):
                if n == "score":  # no score (credscore.scorable): the fill value, NaN by default
                    out[i, j] = fill if a.score is None else float(a.score)
                else:
                    out[i, j] = feature_value(a.signals, n, fill)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names: ``"<signal>"``, ``"<signal>.<detail>"``, ``"score"``."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.allow_nan = False
        tags.transformer_tags.preserves_dtype = []
        tags.requires_fit = True
        return tags
