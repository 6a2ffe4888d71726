"""Cross-validate text-mode chrome features on the TRAIN split only (3 folds grouped by domain).

    python -m tools.cv_chrome_text                 # out-of-fold macro F1 of the shipped columns
    python -m tools.cv_chrome_text --limit 200     # quick, on the first 200 train pages

The per-line base features (:func:`text_features`), labels and token counts are cached under
artifacts/ (they do not depend on the context columns); the context columns are recomputed
for every run, so a change to :func:`context_columns` is measured without re-parsing pages.
Out-of-fold probabilities from 3 domain-grouped folds, macro bag-of-words F1 over pages at
the best threshold of the same grid train_chrome.py uses.  The test split is never read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

from credscore.chrome import features as F
from tools import train_chrome as T
from tools.data import boilerplate as data


def _rows(pages, cache: Path):
    if cache.exists():
        z = json.loads(cache.read_text(encoding="utf-8"))
        return z
    out = []
    for p in pages:
        lines = [ln for ln in data.html_to_text_input(p.html()).split("\n") if ln.strip()]
        base = F.text_features(lines) if lines else np.zeros((0, len(F.TEXT_FEATURES)))
        y, nt = T.block_labels(lines, p.gold)
        out.append({"lines": lines, "base": base.tolist(), "y": y.tolist(), "n": nt.tolist()})
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out), encoding="utf-8")
    return out


def main() -> int:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    pages = data.load_split("train", limit=args.limit)
    rows = _rows(pages, ROOT / "artifacts" / f"chrome_cv_text_{args.limit or 'all'}.json")
    Xs, ys, ws, pg = [], [], [], []
    type_n = Counter(p.page_type for p in pages)
    for i, (p, r) in enumerate(zip(pages, rows)):
        if not r["lines"]:
            continue
        base = np.array(r["base"], dtype=float)
        X = np.hstack([base, F.context_columns(base, r["lines"])])
        Xs.append(X)
        ys.append(np.array(r["y"]))
        b = (max(type_n.values()) / type_n[p.page_type]) ** T.TYPE_BALANCE
        ws.append(T._weights(np.array(r["n"], dtype=float)) * b)
        pg.append(np.full(len(X), i))
    X, y, w, page_of = np.vstack(Xs), np.concatenate(ys), np.concatenate(ws), np.concatenate(pg)
    groups = np.array([p.domain for p in pages])[page_of]
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=3).split(X, y, groups):
        clf = HistGradientBoostingClassifier(**T.PARAMS).fit(X[tr], y[tr], sample_weight=w[tr])
        oof[te] = clf.predict_proba(X[te])[:, 1]
    used = sorted(set(page_of.tolist()))
    probs = [oof[page_of == i] for i in used]
    bows = [[Counter(data.tokens(t)) for t in rows[i]["lines"]] for i in used]
    golds = [Counter(data.tokens(pages[i].gold)) for i in used]
    grid = [round(x, 2) for x in np.arange(0.2, 0.71, 0.05)]
    f1s = {thr: T._macro_f1(probs, bows, golds, thr) for thr in grid}
    thr = max(f1s, key=f1s.get)
    types = sorted({pages[i].page_type for i in used})
    per_type = {}
    for t in types:
        sel = [k for k, i in enumerate(used) if pages[i].page_type == t]
        per_type[t] = round(T._macro_f1([probs[k] for k in sel], [bows[k] for k in sel], [golds[k] for k in sel], thr), 3)
    print(f"pages={len(used)} lines={len(y)} "
          f"oof macro F1 {f1s[thr]:.5f} at {thr}; per type {per_type}")
    print("by threshold: " + ", ".join(f"{t}:{v:.4f}" for t, v in f1s.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
