"""The learned block classifier: a gradient-boosted tree ensemble read from plain JSON.

``models/chrome_blocks.json`` holds one model per input mode (``html`` and ``text``),
each trained by ``tools/train_chrome.py`` with scikit-learn's
``HistGradientBoostingClassifier`` and exported as flat arrays: for every node its
feature, threshold, children, leaf value and which way a missing value goes.  Nothing is
unpickled: :class:`TreeEnsemble` walks all trees at once with numpy (one fancy-index
step per tree level), so scoring a page of 300 blocks costs a few array operations.

The model answers one question per block -- "is this article text?" -- as a
probability; :func:`label_with_model` turns it into keep/remove, for the blocks the rules
left open, with the threshold stored beside the trees (chosen on the training split's
out-of-fold predictions).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ModelError
from . import features as F
from ..segment import Block

MODEL_FILE = "chrome_blocks.json"
FORMAT = "credscore-tree-ensemble/1"


@dataclass(frozen=True)
class TreeEnsemble:
    """Additive trees over a feature matrix; ``raw = baseline + sum(leaf values)``."""

    feature_names: tuple[str, ...]
    baseline: float
    threshold: float  # on the probability: keep a block when p >= threshold
    feature: np.ndarray  # per node (all trees concatenated, children adjacent)
    split: np.ndarray  # go left when x <= split; +inf on leaves
    left: np.ndarray  # absolute index of the left child (right = left + 1); a leaf: itself
    value: np.ndarray  # leaf value (0 for inner nodes)
    missing_left: np.ndarray  # where a NaN goes
    roots: np.ndarray  # first node of each tree
    max_depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TreeEnsemble":
        """Flatten the trees, numbering each node's two children consecutively.

        With ``right == left + 1`` one step of the walk is
        ``node = left[node] + (x > split[node])``; a leaf is its own left child with
        an infinite split, so steps past its depth leave it where it is.
        """
        feature: list[int] = []
        split: list[float] = []
        left: list[int] = []
        value: list[float] = []
        miss: list[bool] = []
        roots: list[int] = []
        max_depth = 0
        for t in d["trees"]:
            max_depth = max(max_depth, int(t["depth"]))
            base = len(feature)
            roots.append(base)
            # breadth-first renumbering: children of a node get consecutive slots
            order = [0]
            new_index = {0: base}
            k = 0
            while k < len(order):
                old = order[k]
                if not t["is_leaf"][old]:
                    for child in (t["left"][old], t["right"][old]):
                        new_index[child] = base + len(order)
                        order.append(child)
                k += 1
            for old in order:
                if t["is_leaf"][old]:
                    feature.append(0)
                    split.append(np.inf)
                    left.append(new_index[old])
                    value.append(float(t["value"][old]))
                    miss.append(True)
                else:
                    feature.append(int(t["feature"][old]))
                    split.append(float(t["threshold"][old]))
                    left.append(new_index[t["left"][old]])
                    value.append(0.0)
                    miss.append(bool(t["missing_left"][old]))
        return cls(
            feature_names=tuple(d["feature_names"]),
            baseline=float(d["baseline"]),
            threshold=float(d["threshold"]),
            feature=np.array(feature, dtype=np.intp),
            split=np.array(split, dtype=np.float64),
            left=np.array(left, dtype=np.intp),
            value=np.array(value, dtype=np.float64),
            missing_left=np.array(miss, dtype=bool),
            roots=np.array(roots, dtype=np.intp),
            max_depth=max_depth,
        )

    def raw(self, X: np.ndarray) -> np.ndarray:
        """Log-odds per row of ``X`` (columns in ``feature_names`` order)."""
        n, ncol = X.shape
        if n == 0:
            return np.zeros(0)
        X = np.ascontiguousarray(X, dtype=np.float64)
        has_nan = bool(np.isnan(X).any())
        flat = X.ravel()
        n_trees = len(self.roots)
        # one flat (row, tree) axis walked with np.take (faster than 2-D fancy indexing)
        row_base = np.repeat(np.arange(n, dtype=np.intp) * ncol, n_trees)
        nodes = np.tile(self.roots, n)
        feature, split, left = self.feature, self.split, self.left
        for _ in range(self.max_depth):
            x = flat.take(row_base + feature.take(nodes))
            go_right = x > split.take(nodes)
            if has_nan:  # NaN compares False: send it where training sent missing values
                nan = np.isnan(x)
                go_right = np.where(nan, ~self.missing_left.take(nodes), go_right)
            nodes = left.take(nodes) + go_right
        return self.baseline + self.value.take(nodes).reshape(n, n_trees).sum(axis=1)

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Probability that each block is article text."""
        return 1.0 / (1.0 + np.exp(-self.raw(X)))


@dataclass(frozen=True)
class ChromeModel:
    """The per-mode ensembles plus the model card."""

    html: TreeEnsemble
    text: TreeEnsemble
    card: dict[str, Any]


def load(path: str | Path | None = None) -> ChromeModel:
    """Read the model JSON (default: the one shipped in ``credscore.models``).

    Raises :class:`~credscore.errors.ModelError` for a missing, malformed or
    mismatched file, as every model reader in credscore does.
    """
    if path is None:
        return _load_default()
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise ModelError(f"cannot read chrome model {path}: {e}") from e
    return _from_json(raw, str(path))


@lru_cache(maxsize=1)
def _load_default() -> ChromeModel:
    from ..score import read_model_file  # the one reader of shipped model files

    return _from_json(read_model_file(MODEL_FILE), f"models/{MODEL_FILE}")


def _from_json(raw: bytes, where: str) -> ChromeModel:
    try:
        d = json.loads(raw)
        if d.get("format") != FORMAT:
            raise ModelError(f"{where}: unknown chrome model format {d.get('format')!r}")
        html = TreeEnsemble.from_dict(d["models"]["html"])
        txt = TreeEnsemble.from_dict(d["models"]["text"])
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        raise ModelError(f"{where}: malformed chrome model: {e!r}") from e
    if html.feature_names != F.HTML_FEATURES or txt.feature_names != F.TEXT_MODE_FEATURES:
        raise ModelError(f"{where}: chrome model was trained on other features; retrain: python -m tools.train_chrome")
    return ChromeModel(html=html, text=txt, card=d.get("card", {}))


# --------------------------------------------------------------------------- pipeline hook
def label_with_model(blocks: Sequence[Block], labels: list[str | None], content_type: str,
                     model: ChromeModel | None = None) -> list[str | None]:
    """The model step of :func:`credscore.chrome.classify.label_blocks`.

    The rules have already labelled the blocks they are sure about (a kind); every
    block they left open (``None``) that the model does not believe is article text
    becomes ``boilerplate``.  Features are computed over *all* blocks, because a
    block's neighbours are part of its evidence.
    """
    if not blocks:
        return list(labels)
    m = model or load()
    if content_type == "html":
        ens = m.html
        X = F.html_features(blocks)
    else:
        ens = m.text
        X = F.text_mode_features([b.text for b in blocks])
    p = ens.proba(X)
    keep = p >= ens.threshold
    _rescue_near_sentences(blocks, labels, p, keep, ens.threshold - NEAR_BAND)
    lex = X[:, _LEX_COLS]
    out: list[str | None] = []
    for i, (lab, k) in enumerate(zip(labels, keep)):
        if lab is not None or k:
            out.append(lab)
            continue
        # name the kind where the multilingual lexicon covers most of a short block
        k = int(lex[i].argmax())
        sure = lex[i, k] >= _KIND_COVERAGE and X[i, _LOG_WORDS] <= _KIND_MAX_LOG_WORDS
        out.append(F.KINDS[k] if sure else "boilerplate")
    return out


NEAR_BAND = 0.15
"""How far below the threshold a sentence may score and still be kept by its context."""
STRONG = 0.8
"""The score the block before it must have for that context to count."""
_SENTENCE_RE = re.compile(r"^[\"“«„(]?[^\W\d_].*[.!?…][\"”»)]?$", re.S)
_ALNUM_RE = re.compile(r"[^\W_]")


def _rescue_near_sentences(blocks: Sequence[Block], labels: Sequence[str | None], p: np.ndarray,
                           keep: np.ndarray, floor: float) -> None:
    """jusText's context step: a *near-good* block follows its neighbourhood.

    A block the model scores just under the threshold (``floor <= p``) that is a
    complete sentence of at least 8 words is kept when the closest block before it
    that has any letters or digits is article text the model is sure of (``STRONG``)
    -- "X contributed to this report." after the last paragraph.  Updates ``keep``
    in place, front to back.
    """
    prev_kept = False
    for i, b in enumerate(blocks):
        if labels[i] is None and not keep[i] and p[i] >= floor and prev_kept:
            t = b.text
            if len(t.split()) >= 8 and _SENTENCE_RE.match(t):
                keep[i] = True
        if _ALNUM_RE.search(b.text):
            prev_kept = bool(keep[i]) and labels[i] is None and p[i] >= STRONG


_LEX_COLS = [F.TEXT_FEATURES.index(f"lex_{k}") for k in F.KINDS]
_LOG_WORDS = F.TEXT_FEATURES.index("log_words")
_KIND_COVERAGE = 0.5  # share of the block's characters the phrase match covers
_KIND_MAX_LOG_WORDS = float(np.log1p(12))
