"""The credibility score, stored as plain JSON.

The shipped model (``models/score.json``, format ``credscore-stacked/1``, read by
:class:`StackedModel`) joins a signal block — a :class:`LinearModel` over the features
the signals declare — and the wording block (:mod:`credscore.wording`, read through
the ``wording`` signal) with a combiner; see :class:`StackedModel` for the formula and
the explanation.  The rest of this docstring describes the signal block's own format,
``credscore-linear/1``, which also stands alone: a standardised logistic regression
trained with scikit-learn (``tools/train_score.py``) and, optionally, an isotonic
calibration table.  It is read with :func:`json.load` and validated: no pickle,
nothing executable.  A malformed or tampered file raises
:class:`~credscore.errors.ModelError`.

The calibration table (``"calibration": {"x": [...], "y": [...]}``, optional) maps
the raw probability to the calibrated one by linear interpolation; ``x`` must be
non-decreasing and ``y`` within [0, 1] and non-decreasing (a calibration that
reverses the ranking is rejected).  Extra keys (``"method"``, ``"info"``) are
documentation and ignored.

An optional ``"transforms"`` list gives each feature a transform applied to the
raw number before standardising (``""`` none, ``"slog"`` signed log); ``mean`` and
``scale`` are then in the transformed units.

Features are named ``"<signal>"`` (the signal's ``value``) or
``"<signal>.<detail>"`` (a number in its ``details``).  A signal that is missing or
not applicable contributes its training mean, i.e. nothing.

Explanation: with ``z = b + Σ cᵢ`` (``cᵢ`` = coefficient × standardised feature),
the score moves from the base rate ``σ(b)`` to ``σ(z)``.  Each signal gets the share
``cᵢ / Σ c`` of that move, in points, so the contributions add up exactly to
``score − base``; when ``Σ c ≈ 0`` the local slope ``σ'(z)`` is used instead.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from .errors import ModelError
from .types import Contribution, Signal

MODEL_FORMAT = "credscore-linear/1"


def _slog(x: float) -> float:
    """Signed log: tames heavy-tailed counts and rates, keeps the sign and 0 ↦ 0."""
    return math.copysign(math.log1p(abs(x)), x)


# Optional per-feature transforms (key "transforms" in the file), applied before standardising.
TRANSFORMS: dict[str, Any] = {"": float, "slog": _slog}


@dataclass(frozen=True)
class LinearModel:
    """A standardised logistic regression with optional isotonic calibration."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    calib_x: tuple[float, ...] = ()
    calib_y: tuple[float, ...] = ()
    info: Mapping[str, Any] | None = None
    clip: float = 5.0  # standardised features are clipped to ±clip: no wild extrapolation
    transforms: tuple[str, ...] = ()  # per feature: "" (as is) or "slog" (sign(x)·log(1+|x|)); empty = all ""
    # per feature: the value the explanation measures from (transformed units); empty = the training mean
    reference: tuple[float, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "LinearModel":
        try:
            if d.get("format") != MODEL_FORMAT:
                raise ModelError(f"unknown model format {d.get('format')!r}; expected {MODEL_FORMAT!r}")
            feats = tuple(str(f) for f in d["features"])
            nums = {k: tuple(float(x) for x in d[k]) for k in ("mean", "scale", "coef")}
            calib = d.get("calibration") or {}
            cx = tuple(float(x) for x in calib.get("x", ()))
            cy = tuple(float(y) for y in calib.get("y", ()))
            intercept = float(d["intercept"])
            clip = float(d.get("clip", 5.0))
            transforms = tuple(str(t or "") for t in (d.get("transforms") or ()))
            reference = tuple(float(x) for x in (d.get("reference") or ()))
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"malformed model file: {e!r}") from e
        n = len(feats)
        if (any(len(v) != n for v in nums.values()) or len(cx) != len(cy) or len(transforms) not in (0, n)
                or len(reference) not in (0, n)):
            raise ModelError("malformed model file: array lengths disagree")
        if any(t not in TRANSFORMS for t in transforms):
            raise ModelError(f"malformed model file: unknown transform in {sorted(set(transforms) - set(TRANSFORMS))}")
        vals = nums["mean"] + nums["scale"] + nums["coef"] + cx + cy + reference + (intercept, clip)
        if not all(math.isfinite(v) for v in vals) or any(s <= 0 for s in nums["scale"]):
            raise ModelError("malformed model file: non-finite number or non-positive scale")
        if (any(b < a for a, b in zip(cx, cx[1:])) or any(b < a for a, b in zip(cy, cy[1:]))
                or any(not 0.0 <= y <= 1.0 for y in cy)):
            raise ModelError("malformed model file: calibration table is not monotone in [0, 1]")
        return cls(feats, nums["mean"], nums["scale"], nums["coef"], intercept, cx, cy, d.get("info"), clip,
                   transforms, reference)

    @property
    def base(self) -> float:
        """The score (0–100) of a document whose every feature is at its training mean.

        The explanation's contributions add up to ``score − base``.
        """
        return 100.0 * self.calibrate(_sigmoid(self.intercept))

    def calibrate(self, p: float) -> float:
        """Map a raw probability through the isotonic table (linear interpolation)."""
        xs, ys = self.calib_x, self.calib_y
        if not xs:
            return p
        if p <= xs[0]:
            return ys[0]
        if p >= xs[-1]:
            return ys[-1]
        lo, hi = 0, len(xs) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if xs[mid] <= p:
                lo = mid
            else:
                hi = mid
        x0, x1, y0, y1 = xs[lo], xs[hi], ys[lo], ys[hi]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)

    def feature_vector(self, signals: Mapping[str, Signal]) -> list[float]:
        """The (transformed) feature values; a missing or not-applicable one is its reference (adds nothing)."""
        tr = self.transforms or ("",) * len(self.features)
        out = []
        for f, m, t in zip(self.features, self.reference or self.mean, tr):
            v = feature_value(signals, f, math.nan)
            out.append(m if math.isnan(v) else TRANSFORMS[t](v))
        return out

    def score(self, signals: Mapping[str, Signal]) -> tuple[float, list[Contribution]]:
        """Score 0–100 and each signal's contribution in points, largest first."""
        x = self.feature_vector(signals)
        k = self.clip
        terms = [c * max(-k, min(k, (xi - m) / s)) for xi, m, s, c in zip(x, self.mean, self.scale, self.coef)]
        z = self.intercept + sum(terms)
        base = self.base
        score = 100.0 * self.calibrate(_sigmoid(z))
        total = z - self.intercept
        if abs(total) > 1e-9:
            per_unit = (score - base) / total
        else:
            p = _sigmoid(z)
            per_unit = 100.0 * p * (1 - p)
        by_signal: dict[str, list[float]] = {}
        for f, t, xi in zip(self.features, terms, x):
            name = f.split(".", 1)[0]
            acc = by_signal.setdefault(name, [0.0, 0.0])
            acc[0] += t * per_unit
            if f == name:
                acc[1] = xi
        contribs = [
            Contribution(name=k, points=round(v[0], 3), value=_signal_value(signals, k, v[1]))
            for k, v in by_signal.items()
        ]
        contribs.sort(key=lambda c: (-abs(c.points), c.name))
        return max(0.0, min(100.0, score)), contribs


def _signal_value(signals: Mapping[str, Signal], name: str, default: float) -> float:
    s = signals.get(name)
    return float(s.value) if s is not None else default


def feature_value(signals: Mapping[str, Signal], feature: str, default: float = 0.0) -> float:
    """The number a feature name refers to; ``default`` if missing or not applicable."""
    name, _, key = feature.partition(".")
    s = signals.get(name)
    if s is None or not s.applicable:
        return default
    v = s.value if not key else s.details.get(key, default)
    try:
        v = float(v)
    except (TypeError, ValueError):
        return default
    return v if math.isfinite(v) else default


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def load_model(path: "str | Path | AnyModel | None" = None) -> "AnyModel":
    """Load a score model from ``path`` or the one shipped with the package (a model object is returned as is)."""
    if path is None:
        return _shipped_model()
    if isinstance(path, (LinearModel, StackedModel)):
        return path
    try:
        with open(path, "rb") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read model {path}: {e}") from e
    if not isinstance(data, dict):
        raise ModelError(f"model {path} is not a JSON object")
    return model_from_dict(data)


def read_model_file(name: str) -> bytes:
    """Bytes of a file shipped in ``models/`` (package data ``credscore.models``).

    Installed, the files live in the ``credscore.models`` package; in a source
    checkout that is not installed they are read from ``<repo>/models``.
    """
    try:
        return resources.files("credscore.models").joinpath(name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        local = Path(__file__).resolve().parent.parent / "models" / name
        try:
            return local.read_bytes()
        except OSError as e:
            raise ModelError(f"model file {name!r} not found in the package or {local.parent}") from e


@lru_cache(maxsize=1)
def _shipped_model() -> "AnyModel":
    try:
        data = json.loads(read_model_file("score.json"))
    except ValueError as e:
        raise ModelError(f"the shipped score model is not valid JSON: {e}") from e
    if not isinstance(data, dict):
        raise ModelError("the shipped score model is not a JSON object")
    return model_from_dict(data)


STACKED_FORMAT = "credscore-stacked/1"


@dataclass(frozen=True)
class StackedModel:
    """The shipped score: a signal block and a wording block joined by a combiner.

    ``z = b + a_s·z_signals + a_spin·t_spin + a_w·z_wording``, score = ``100·σ(z)``.  The signal
    block is a :class:`LinearModel` over the features the signals declare; the
    wording block's logit is the ``wording`` signal's ``details["logit"]``; ``a_s``,
    ``a_w`` (both ≥ 0) and ``b`` were fitted on grouped out-of-fold logits of the two
    blocks, spin's terms ``t_spin`` got their own slope ``a_spin`` (``slopes``) fitted
    with synthetic spun copies on top of that, and ``b`` moved from the training mix to :attr:`base_rate` (even odds by
    default): a document the blocks know nothing about scores 50, not the share of
    reliable documents in the training corpora.

    Explanation, exact and additive: every feature is measured from a reference — a
    defect's from its clean end (no defect), anything else from the training mean,
    the wording logit from its training mean — so ``z = z_ref + Σ terms`` and each
    entry gets its share of ``score − base`` in proportion to its term (σ is
    increasing, so a term's sign is its points' sign: a defect never adds points).
    A signal's value and the components that share its direction are summed under the
    signal's name; a free detail, or one pointing the other way, appears under its own
    name (``"name_drift.names_seen"``, ``"c4_lines.kept_char_share"``), and the wording
    block as ``"wording"``.  A practice signal flagged for what it lacks (``sourcing``:
    "unsourced") keeps under its name only what speaks for the flag; the sources it did
    find appear under their own names, so a flag never stands beside positive points.

    ``wording_gate`` (in the file): signals whose flag means the text's wording is not
    its own — a synonym-spun copy (``spin``) reads like the wire story it copies, stock
    generated filler (``filler``) like a newsroom's boilerplate — so when one of them is
    flagged the wording block may still take points away but never adds any.
    """

    signals: LinearModel
    a_signals: float
    a_wording: float
    intercept: float
    wording_reference: float
    base_rate: float = 0.5
    languages: tuple[str, ...] = ("en",)
    min_words: int = 50
    directions: Mapping[str, int] | None = None
    info: Mapping[str, Any] | None = None
    #: signals whose flag withholds the wording block's credit (its term is held <= 0)
    wording_gate: tuple[str, ...] = ()
    #: signals whose features take their own combiner slope instead of ``a_signals`` (spin's,
    #: fitted with synthetic spun copies; see tools/score/stack.py)
    slopes: Mapping[str, float] | None = None
    #: signals whose features count only when the signal flags the text (spin: its value on
    #: unflagged real articles carried no information and cost ranking on short texts)
    flag_gated: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], declared: Mapping[str, Any] | None = None) -> "StackedModel":
        """Validate and read; ``declared`` (default: the signals' declarations) must cover every feature."""
        if d.get("format") != STACKED_FORMAT:
            raise ModelError(f"unknown model format {d.get('format')!r}; expected {STACKED_FORMAT!r}")
        try:
            block = LinearModel.from_dict(d["signals"])
            comb = d["combiner"]
            a_s, a_w, b = float(comb["signals"]), float(comb["wording"]), float(comb["intercept"])
            ref_w = float(comb["wording_reference"])
            base_rate = float(d.get("base_rate", 0.5))
            languages = tuple(str(x) for x in d.get("languages", ("en",)))
            min_words = int(d.get("min_words", 50))
            gate = tuple(str(x) for x in d.get("wording_gate", ()))
            slopes = {str(k): float(v) for k, v in (comb.get("slopes") or {}).items()}
            flag_gated = tuple(str(x) for x in d.get("flag_gated", ()))
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"malformed model file: {e!r}") from e
        if (not all(math.isfinite(v) for v in (a_s, a_w, b, ref_w, *slopes.values())) or a_s < 0 or a_w < 0
                or any(v < 0 for v in slopes.values())):
            raise ModelError("malformed model file: the combiner's slopes must be finite and >= 0")
        if not 0.0 < base_rate < 1.0 or min_words < 0:
            raise ModelError("malformed model file: base_rate must be in (0, 1) and min_words >= 0")
        if declared is None:
            from .signals import declared_features

            declared = declared_features()
        unknown = [f for f in block.features if f not in declared]
        if unknown:
            raise ModelError(f"the model reads features no signal declares: {unknown} "
                             "(a renamed detail key? retrain: python -m tools.train_score)")
        dirs = {f: int(v.direction) for f, v in declared.items()}
        bad = [f for f, c in zip(block.features, block.coef) if dirs[f] * c < 0]
        if bad:
            raise ModelError(f"coefficients against their declared direction: {bad}")
        return cls(block, a_s, a_w, b, ref_w, base_rate, languages, min_words, dirs, d.get("info"), gate, slopes,
                   flag_gated)

    def _slope(self, feature: str) -> float:
        return (self.slopes or {}).get(feature.split(".", 1)[0], self.a_signals)

    def _z(self, signals: Mapping[str, Signal]) -> tuple[float, float, list[float], float, list[float]]:
        """(z at the reference, the wording term, each feature's term, the wording logit, the features)."""
        blk = self.signals
        x = blk.feature_vector(signals)
        k = blk.clip
        z_ref_s = self.a_signals * blk.intercept
        terms = []
        for f, xi, r, m, s, c in zip(blk.features, x, blk.reference or blk.mean, blk.mean, blk.scale, blk.coef):
            a = self._slope(f)
            r_std = max(-k, min(k, (r - m) / s))
            term = a * c * (max(-k, min(k, (xi - m) / s)) - r_std)
            sig = f.split(".", 1)[0]
            if sig in self.flag_gated:  # counts from its reference, and only where its signal flags the text
                terms.append(term if sig in signals and signals[sig].flagged else 0.0)
            else:
                z_ref_s += a * c * r_std
                terms.append(term)
        w = signals.get("wording")
        zw = self.wording_reference
        if w is not None and w.applicable:
            try:
                v = float(w.details.get("logit", zw))
                zw = v if math.isfinite(v) else zw
            except (TypeError, ValueError):
                pass
        z_ref = self.intercept + z_ref_s + self.a_wording * self.wording_reference
        t_w = self.a_wording * (zw - self.wording_reference)
        if t_w > 0 and any(signals[g].flagged for g in self.wording_gate if g in signals):
            t_w = 0.0  # borrowed or generated wording earns no credit
        return z_ref, t_w, terms, zw, x

    @property
    def base(self) -> float:
        """The score of a document with no defect, average everything else and average wording."""
        empty: dict[str, Signal] = {}
        z_ref = self._z(empty)[0]
        return 100.0 * _sigmoid(z_ref)

    def score(self, signals: Mapping[str, Signal]) -> tuple[float, list[Contribution]]:
        """Score 0–100 and each entry's contribution in points, largest first."""
        z_ref, t_w, terms, zw, x = self._z(signals)
        z = z_ref + t_w + math.fsum(terms)
        score = 100.0 * _sigmoid(z)
        base = 100.0 * _sigmoid(z_ref)
        total = z - z_ref
        if abs(total) > 1e-12:
            per_unit = (score - base) / total
        else:
            p = _sigmoid(z)
            per_unit = 100.0 * p * (1 - p)
        dirs = self.directions or {}
        entries: dict[str, list[float]] = {}
        for f, t, xi in zip(self.signals.features, terms, x):
            sig = f.split(".", 1)[0]
            d = dirs.get(f, 0)
            s = signals.get(sig)
            if s is not None and s.flagged and dirs.get(sig, 0) > 0:
                # a practice signal flagged for its absence (sourcing: "unsourced"): under its name only
                # what speaks for the flag; what it did find (named attributions, quotes) apart
                key = sig if f == sig or d < 0 else f
            else:
                # under the signal's name: its value and the components that point the same way as the value
                key = sig if f == sig or (d != 0 and d == dirs.get(sig, d)) else f
            acc = entries.setdefault(key, [0.0, math.nan])
            acc[0] += t * per_unit
            if key == f:
                acc[1] = xi
        entries["wording"] = [t_w * per_unit, zw]
        out = []
        for k, (pts, val) in entries.items():
            if math.isnan(val):
                val = _signal_value(signals, k, 0.0)
            out.append(Contribution(name=k, points=round(pts, 3), value=val))
        out.sort(key=lambda c: (-abs(c.points), c.name))
        return max(0.0, min(100.0, score)), out


AnyModel = LinearModel | StackedModel


def model_from_dict(d: Mapping[str, Any]) -> AnyModel:
    """A score model of either format from its parsed JSON."""
    if d.get("format") == STACKED_FORMAT:
        return StackedModel.from_dict(d)
    return LinearModel.from_dict(d)
