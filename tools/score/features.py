"""Signal features: every number the registered signals report, per document (cached), and
the columns worth a coefficient.

The feature list is data-driven.  Every signal registered in
``credscore.signals.SIGNAL_MODULES`` is computed on every document (with a null
model, so no score is involved); each applicable signal gives its ``value`` as
feature ``"<signal>"`` and each finite number in its ``details`` as
``"<signal>.<key>"``.  :func:`select_features` then keeps the columns that carry
information on these corpora (see its docstring).  When a new signal lands in the
registry, re-running ``python -m tools.train_score`` picks it up: the cache key
(:func:`code_hash`) is a hash of credscore's source code and of the cleaning's
:data:`~tools.data.cred.PREP_VERSION`, so the matrix is rebuilt once.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
import sys
from typing import Sequence

import numpy as np

from tools.data import ROOT
from tools.data.cred import PREP_VERSION, Row

CACHE_DIR = ROOT / "artifacts"

# Signals that are never features, and why.  Anything else registered is a candidate.
EXCLUDED_SIGNALS: dict[str, str] = {
    "wording": "a learned block: the combiner reads its out-of-fold logit, never the shipped model's in-sample value",
    "chrome_ratio": "the corpora hold extracted article text: there is no chrome to measure, "
                    "so the model could only learn an artefact of the extraction",
    "byline": "bylines are stripped from the training texts (FakeNewsNet leakage), "
              "so the corpora say nothing about what a byline is worth",
}

# Details that describe how the corpus's text was cut into lines (one paragraph per line,
# hard-wrapped, lists) rather than the article: the corpora differ in this and in their share
# of reliable documents, so these would let the model recognise the corpus.  Dropping them
# raised every per-corpus grouped AUC but FakeNewsAMT's (measured 13:25 UTC, see models/README.md).
LINE_STRUCTURE_RE = re.compile(r"\.(?:.*_)?(?:n_lines|n_paragraphs|newline\w*|short_line\w*|kept_sentences|dropped_lines)$")
# filler's features that count its MINED list, which was chosen by hand on the labels of the very
# corpora the score is trained and evaluated on (models/README.md, "Diagnosis"): never score features.
LABEL_MINED_RE = re.compile(r"^filler(?:\.(?:distinct|mined_hits|hits|per_1000_words))?$")


# Modules that read the signals but never change them: editing them keeps the feature cache.
SCORE_SIDE_MODULES = frozenset({"score.py", "wording.py", "scorable.py"})
# Learned signals: their values come from a shipped model, so the feature cache never holds them
# (the combiner reads them from out-of-fold fits instead; EXCLUDED_SIGNALS).
SCORE_SIDE_SIGNALS = frozenset({"wording"})


def code_hash() -> str:
    """Hash of credscore's source, the signal registry and the cleaning version."""
    import credscore
    from credscore.signals import SIGNAL_MODULES

    h = hashlib.sha256()
    signals = tuple(n for n in SIGNAL_MODULES if n not in SCORE_SIDE_SIGNALS)
    h.update(f"{credscore.__version__}|{signals}|{PREP_VERSION}".encode())
    for p in sorted((ROOT / "credscore").rglob("*.py")):
        if p.parent.name == "__pycache__" or p.name in SCORE_SIDE_MODULES:
            continue  # the score model does not change the signals
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def signal_features(text: str) -> dict[str, float]:
    """Every number the signals report for ``text``: values and numeric details."""
    import credscore
    from credscore.score import LinearModel

    null = LinearModel((), (), (), (), 0.0)
    try:
        a = credscore.analyze(text, content_type="text", model=null)
    except credscore.CredscoreError:
        return {}
    out: dict[str, float] = {}
    for name, s in a.signals.items():
        if not s.applicable:
            continue
        out[name] = float(s.value)
        out[f"{name}.flagged"] = float(s.flagged)  # never a feature (not declared); the score's flag gates
        for k, v in s.details.items():
            if isinstance(v, bool):
                v = float(v)
            if isinstance(v, (int, float)) and math.isfinite(v) and "." not in k:
                out[f"{name}.{k}"] = float(v)
    return out


def _feat_worker(text: str) -> dict[str, float]:
    return signal_features(text)


def feature_dicts(rows: Sequence[Row], jobs: int = 2, verbose: bool = True) -> list[dict[str, float]]:
    """Signal features of every row, from ``artifacts/score_features-<hash>.json.gz`` when cached."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"score_features-{code_hash()}.json.gz"
    cache: dict[str, dict[str, float]] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            cache = json.load(fh)
    todo = sorted({r.key(): r.text for r in rows if r.key() not in cache}.items())
    if todo:
        if verbose:
            print(f"computing signals for {len(todo)} documents ({jobs} processes) -> {path.name}", file=sys.stderr)
        if jobs > 1:
            from multiprocessing import get_context

            with get_context("fork").Pool(jobs) as pool:
                feats = pool.map(_feat_worker, [t for _, t in todo], chunksize=16)
        else:
            feats = [signal_features(t) for _, t in todo]
        cache.update({k: f for (k, _), f in zip(todo, feats)})
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            json.dump(cache, fh)
        tmp.replace(path)
    return [cache[r.key()] for r in rows]


def select_features(dicts: Sequence[dict[str, float]], min_coverage: float = 0.5,
                    max_corr: float = 0.95, drop: str | None = None,
                    keep_label_mined: bool = False) -> tuple[list[str], dict[str, str]]:
    """Columns worth a coefficient, and why each other one was dropped.

    Kept: features of signals not in :data:`EXCLUDED_SIGNALS`, not line-structure
    details (:data:`LINE_STRUCTURE_RE`), not filler's counts of its label-mined phrase list
    (:data:`LABEL_MINED_RE`, unless ``keep_label_mined``: that list was chosen on the labels
    of these corpora, so it would leak the held-out folds' labels into a feature), present (signal
    applicable) in at least ``min_coverage`` of the documents, not constant (the
    rarer value of a near-binary column on at least 1% of documents), and not a
    near-copy (|r| > ``max_corr``) of a column kept before it (a signal's value
    comes before its details), and not matched by the regular expression ``drop``
    (an ablation: ``--drop`` of the training and benchmark scripts).
    """
    names: list[str] = []
    seen: set[str] = set()
    for d in dicts:
        for k in d:
            if k not in seen:
                seen.add(k)
                names.append(k)
    names.sort(key=lambda f: (f.split(".", 1)[0], "." in f, f))
    dropped: dict[str, str] = {}
    kept: list[str] = []
    cols: list[np.ndarray] = []
    n = len(dicts)
    for f in names:
        sig = f.split(".", 1)[0]
        if sig in EXCLUDED_SIGNALS:
            dropped[f] = "excluded signal"
            continue
        if LINE_STRUCTURE_RE.search(f):
            dropped[f] = "line structure of the corpus extraction"
            continue
        if LABEL_MINED_RE.search(f) and not keep_label_mined:
            dropped[f] = ("counts filler's MINED list, chosen on these corpora's labels (leakage; "
                          "--keep-label-mined restores it)")
            continue
        if drop and re.search(drop, f):
            dropped[f] = f"dropped on request (--drop {drop!r})"
            continue
        vals = np.array([d.get(f, np.nan) for d in dicts], dtype=float)
        present = ~np.isnan(vals)
        if present.mean() < min_coverage:
            dropped[f] = f"present in {present.mean():.0%} of documents"
            continue
        v = vals[present]
        _, counts = np.unique(v, return_counts=True)
        if len(counts) < 2 or (n - counts.max()) < 0.01 * n:
            dropped[f] = "(nearly) constant"
            continue
        filled = np.where(present, vals, v.mean())
        dup = next((k for k, c in zip(kept, cols) if abs(np.corrcoef(c, filled)[0, 1]) > max_corr), None)
        if dup:
            dropped[f] = f"near-copy of {dup}"
            continue
        kept.append(f)
        cols.append(filled)
    return kept, dropped


def matrix(dicts: Sequence[dict[str, float]], features: Sequence[str]) -> np.ndarray:
    """Rows × features, NaN where a signal was not applicable."""
    return np.array([[d.get(f, np.nan) for f in features] for d in dicts], dtype=float)


def signal_feature_names(dicts: Sequence[dict[str, float]], drop: str | None = None,
                         exclude: Sequence[str] = ()) -> tuple[list[str], dict[str, str]]:
    """The declared features that carry information on these corpora (:func:`select_features`)."""
    from credscore.signals import declared_features

    declared = declared_features()
    feats, dropped = select_features(dicts, drop=drop)
    kept = [f for f in feats if f in declared and f.split(".", 1)[0] not in exclude]
    for f in feats:
        if f not in kept:
            dropped[f] = "not declared by its signal" if f not in declared else "excluded from the model"
    return kept, dropped
