"""The learned block classifier: a gradient-boosted tree ensemble read from plain JSON.

``models/chrome_blocks.json`` holds one model per input mode (``html`` and ``text``),
each trained by ``tools/train_chrome.py`` with scikit-learn's
``HistGradientBoostingClassifier`` and exported as flat arrays: for every node its
feature, threshold, children, leaf value and which way a missing value goes.  Nothing is
unpickled: :class:`TreeEnsemble` walks all trees at once with numpy (one fancy-index
step per tree level), so scoring a page of 300 blocks costs a few array operations.

The model answers one question per block -- "is this article text?" -- as a
probability; :func:`classify_blocks` turns it into keep/remove with the threshold stored
beside the trees (chosen on the training split's out-of-fold predictions).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from . import features as F
from ..segment import Block, segment_html

MODEL_FILE = "chrome_blocks.json"
FORMAT = "credscore-tree-ensemble/1"


@dataclass(frozen=True)
class TreeEnsemble:
    """Additive trees over a feature matrix; ``raw = baseline + sum(leaf values)``."""

    feature_names: tuple[str, ...]
    baseline: float
    threshold: float  # on the probability: keep a block when p >= threshold
    feature: np.ndarray  # int32, per node (all trees concatenated)
    split: np.ndarray  # float64, go left when x <= split
    left: np.ndarray  # int32, absolute node index
    right: np.ndarray  # int32
    value: np.ndarray  # float64, leaf value (0 for inner nodes)
    is_leaf: np.ndarray  # bool
    missing_left: np.ndarray  # bool
    roots: np.ndarray  # int32, first node of each tree
    max_depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TreeEnsemble":
        feature, split, left, right, value, leaf, miss, roots = [], [], [], [], [], [], [], []
        max_depth = 0
        offset = 0
        for t in d["trees"]:
            n = len(t["feature"])
            roots.append(offset)
            feature += t["feature"]
            split += t["threshold"]
            left += [c + offset if c >= 0 else -1 for c in t["left"]]
            right += [c + offset if c >= 0 else -1 for c in t["right"]]
            value += t["value"]
            leaf += [bool(x) for x in t["is_leaf"]]
            miss += [bool(x) for x in t["missing_left"]]
            max_depth = max(max_depth, t["depth"])
            offset += n
        leaf_a = np.array(leaf, dtype=bool)
        left_a = np.array(left, dtype=np.int32)
        right_a = np.array(right, dtype=np.int32)
        idx = np.arange(len(leaf_a), dtype=np.int32)
        # a leaf points at itself, so extra steps past its depth are no-ops
        left_a[leaf_a] = idx[leaf_a]
        right_a[leaf_a] = idx[leaf_a]
        return cls(
            feature_names=tuple(d["feature_names"]),
            baseline=float(d["baseline"]),
            threshold=float(d["threshold"]),
            feature=np.array(feature, dtype=np.int32),
            split=np.array(split, dtype=np.float64),
            left=left_a,
            right=right_a,
            value=np.array(value, dtype=np.float64),
            is_leaf=leaf_a,
            missing_left=np.array(miss, dtype=bool),
            roots=np.array(roots, dtype=np.int32),
            max_depth=max_depth,
        )

    def raw(self, X: np.ndarray) -> np.ndarray:
        """Log-odds per row of ``X`` (columns in ``feature_names`` order)."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        nodes = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.max_depth):
            x = X[rows, self.feature[nodes]]
            go_left = np.where(np.isnan(x), self.missing_left[nodes], x <= self.split[nodes])
            nodes = np.where(go_left, self.left[nodes], self.right[nodes])
        return self.baseline + self.value[nodes].sum(axis=1)

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
    """Read the model JSON (default: the one shipped in ``credscore.models``)."""
    if path is None:
        return _load_default()
    return _from_json(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _load_default() -> ChromeModel:
    try:
        text = resources.files("credscore.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        text = (Path(__file__).resolve().parents[2] / "models" / MODEL_FILE).read_text(encoding="utf-8")
    return _from_json(text)


def _from_json(text: str) -> ChromeModel:
    d = json.loads(text)
    if d.get("format") != FORMAT:
        raise ValueError(f"unknown chrome model format {d.get('format')!r}")
    html = TreeEnsemble.from_dict(d["models"]["html"])
    txt = TreeEnsemble.from_dict(d["models"]["text"])
    if html.feature_names != F.HTML_FEATURES or txt.feature_names != F.TEXT_FEATURES:
        raise ValueError("chrome model was trained on other features; retrain with tools/train_chrome.py")
    return ChromeModel(html=html, text=txt, card=d.get("card", {}))


# --------------------------------------------------------------------------- helpers
def article_proba_text(lines: Sequence[str], model: ChromeModel | None = None) -> np.ndarray:
    """P(article) for each line of a plain-text page."""
    m = model or load()
    return m.text.proba(F.text_features(lines))


def article_proba_html(blocks: Sequence[Block], model: ChromeModel | None = None) -> np.ndarray:
    """P(article) for each block of a segmented HTML page."""
    m = model or load()
    return m.html.proba(F.html_features(blocks))


def clean_text(text: str, model: ChromeModel | None = None) -> str:
    """Plain text in, the lines the model keeps out (one block per non-empty line)."""
    m = model or load()
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    p = article_proba_text(lines, m)
    return "\n".join(ln for ln, q in zip(lines, p) if q >= m.text.threshold)


def clean_html(html: str | bytes, model: ChromeModel | None = None) -> str:
    """HTML in, the text of the blocks the model keeps out (one block per line)."""
    m = model or load()
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    blocks = segment_html(html).blocks
    if not blocks:
        return ""
    p = article_proba_html(blocks, m)
    return "\n".join(b.text for b, q in zip(blocks, p) if q >= m.html.threshold)


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
        p = ens.proba(F.html_features(blocks))
    else:
        ens = m.text
        p = ens.proba(F.text_features([b.text for b in blocks]))
    return [lab if lab is not None or q >= ens.threshold else "boilerplate" for lab, q in zip(labels, p)]
