"""Train the v1 credibility score model and write ``models/score.json``.

    python tools/train_score.py [--data ../shared/data] [--out models/score.json]

Data (``../shared/data/cred``, see its README for licences and leakage traps):

* BuzzFeed-Webis 2016: "mostly true" = reliable (1), "mostly false" / "mixture" = 0
  ("no factual content" dropped); group = portal (publisher);
* FakeNewsNet v1 (BuzzFeed + PolitiFact): real = 1, fake = 0; group = domain;
* FakeNewsAMT + celebrity (Pérez-Rosas et al. 2018): legit = 1, fake = 0; group =
  sub-corpus and topic.
* Synthetic spun copies: each reliable article rewritten by a simple news spinner
  (``said`` → ``mentioned``, "Associated Press" → "Related Press", …) and labelled 0.
  The corpora contain no spun text at all, and a spun copy of a wire story is
  low-credibility by construction; without these the model cannot learn what the
  ``spin`` signal means.  Switch off with ``--no-spin-augment``.

Only credscore's own signal values are features (no words, no publisher names).
``chrome_ratio`` is not a feature: the corpora hold extracted article text with no
chrome at all, so the model could only learn to extrapolate wildly from it.
The model is a standardised logistic regression (scikit-learn, fixed seed), its
grouped cross-validated ROC AUC recorded in the file's ``info``.  The file is
plain JSON: see :mod:`credscore.score`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import credscore  # noqa: E402
from credscore.score import MODEL_FORMAT, LinearModel, feature_value  # noqa: E402

FEATURES = [
    "spin",
    "dates",
    "readability",
    "readability.flesch_kincaid_grade",
    "misspellings",
    "attribution.attributions_per_1k",
    "attribution.quotations_per_1k",
]
SEED = 20261122
CLIP = 5.0

_SPIN_MAP = {
    "Associated Press": "Related Press",
    "natural gas": "pure fuel",
    "Cold War": "Chilly Warfare",
    "International Criminal Court": "Worldwide Felony Court docket",
    "Communist Party": "Communist Social gathering",
    "Secretary-General": "Secretary-Normal",
    "Security Council": "Safety Council",
    "countries": "international locations",
    "technology": "know-how",
    "war crimes": "struggle crimes",
    "White House": "White Home",
    "Supreme Court": "Supreme Court docket",
    "House of Representatives": "Home of Representatives",
    "Foreign Minister": "Overseas Minister",
    "climate change": "local weather change",
    "said": "mentioned",
    "says": "mentions",
}
_SPIN_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(_SPIN_MAP, key=len, reverse=True)) + r")\b")


def spin(text: str) -> str:
    return _SPIN_RE.sub(lambda m: _SPIN_MAP[m.group()], text)


def load_corpora(data: Path) -> list[tuple[str, int, str]]:
    rows: list[tuple[str, int, str]] = []
    for line in open(data / "cred/buzzfeed_webis_2016/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        v = r["veracity"]
        if v == "no factual content" or not (r.get("text") or "").strip():
            continue
        rows.append((r["text"], int(v == "mostly true"), "bw:" + r["portal"]))
    for line in open(data / "cred/fakenewsnet_v1_buzzfeed_politifact/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not (r.get("text") or "").strip():
            continue
        rows.append((r["text"], int(r["label"] == "real"), "fnn:" + (r.get("domain") or "unknown-" + r["platform"])))
    for line in open(data / "cred/perezrosas2018_fakenewsamt_celebrity/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not (r.get("text") or "").strip():
            continue
        rows.append((r["text"], int(r["label"] == "legit"), f"pr:{r['dataset']}:{r.get('domain_topic') or ''}"))
    return rows


def features_of(text: str, null: LinearModel) -> list[float]:
    try:
        a = credscore.analyze(text, content_type="text", model=null)
    except credscore.CredscoreError:
        return [float("nan")] * len(FEATURES)
    return [feature_value(a.signals, f, float("nan")) for f in FEATURES]


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "score.json")
    ap.add_argument("--no-spin-augment", action="store_true")
    args = ap.parse_args()

    rng = random.Random(SEED)
    rows = load_corpora(args.data)
    if not args.no_spin_augment:
        reliable = [r for r in rows if r[1] == 1 and r[2].startswith(("bw:", "fnn:"))]
        for text, _, group in rng.sample(reliable, min(300, len(reliable))):
            spun = spin(text)
            if spun != text:
                rows.append((spun, 0, "spun:" + group))
    null = LinearModel((), (), (), (), 0.0)
    X = np.array([features_of(t, null) for t, _, _ in rows], dtype=float)
    y = np.array([lab for _, lab, _ in rows])
    groups = np.array([g for _, _, g in rows])
    # not-applicable features → column mean
    col_mean = np.nanmean(X, axis=0)
    X = np.where(np.isnan(X), col_mean, X)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.clip((X - mean) / scale, -CLIP, CLIP)

    aucs = []
    for tr, te in GroupKFold(n_splits=5).split(Z, y, groups):
        clf = LogisticRegression(C=1.0, max_iter=1000, random_state=SEED).fit(Z[tr], y[tr])
        if len(set(y[te])) == 2:
            aucs.append(roc_auc_score(y[te], clf.predict_proba(Z[te])[:, 1]))
    clf = LogisticRegression(C=1.0, max_iter=1000, random_state=SEED).fit(Z, y)
    model = {
        "format": MODEL_FORMAT,
        "features": FEATURES,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "calibration": None,
        "clip": CLIP,
        "info": {
            "trained_by": "tools/train_score.py",
            "seed": SEED,
            "data": [
                "BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al. 2018)",
                "FakeNewsNet v1 (Shu et al. 2017)",
                "FakeNewsAMT + Celebrity (Perez-Rosas et al. 2018)",
                "synthetic spun copies of reliable articles" if not args.no_spin_augment else "no augmentation",
            ],
            "n": int(len(y)),
            "positives": int(y.sum()),
            "grouped_cv_auc_mean": round(float(np.mean(aucs)), 4),
            "grouped_cv_auc_folds": [round(float(a), 4) for a in aucs],
        },
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n")
    print(json.dumps(model["info"], indent=1))
    print("coefficients:", dict(zip(FEATURES, model["coef"])))


if __name__ == "__main__":
    main()
