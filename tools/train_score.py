"""Train the credibility score model and write ``models/score.json``.

    python tools/train_score.py [--data ../shared/data] [--out models/score.json] [--no-spin-augment]
                                [--calibration isotonic|platt|none] [--no-sign-constraints] [--drop REGEX]
                                [--keep-label-mined] [--no-domain-signs]

About a minute with the signal cache warm (``artifacts/``), two with it cold, on the
project's shared 2-core machine (measured 2026-12-01, see models/README.md).

One command, fixed seed (:data:`score_data.SEED`).  Steps:

1. Load the labelled corpora (``../shared/data/cred``; licences and leakage traps in
   each ``SOURCE.md``) and strip what names the publisher (URLs, bylines, author
   names, @handles: :func:`score_data.clean_text`):

   * BuzzFeed-Webis 2016: "mostly true" = 1, "mostly false"/"mixture" = 0
     ("no factual content" dropped); group = portal;
   * FakeNewsNet v1: real = 1, fake = 0; group = domain;
   * FakeNewsAMT (group = topic) and celebrity (one group): legit = 1, fake = 0.

2. Add synthetic spun copies of 300 reliable articles, labelled 0 (documented
   augmentation: the corpora hold no spun text, so without them the ``spin``
   signal cannot mean anything to the model; ``--no-spin-augment`` switches them
   off; ``benchmarks/score.py`` reports both, on real documents only).

3. Compute every registered signal on every document (cached in
   ``artifacts/score_features-<hash>.json.gz``, keyed by a hash of credscore's
   source, so only a code change recomputes) and keep the informative numeric
   columns (:func:`score_data.select_features`): the feature list follows the
   signal registry, nothing is hard-coded here.  Never features: filler's counts of its
   hand-mined phrase list (``score_data.LABEL_MINED_RE``: chosen on these corpora's labels;
   ``--keep-label-mined`` restores them, for comparison only).

4. Fit a standardised L2 logistic regression on all rows, each coefficient held to
   the sign on which every corpus agrees (:func:`score_data.coefficient_signs`;
   ``--no-sign-constraints`` lifts this), and calibrate it (isotonic; ``--calibration
   platt`` for Platt scaling) on grouped out-of-fold predictions of the real documents
   (:func:`score_data.fit_model`), then write plain JSON (format
   ``credscore-linear/1``, read by :mod:`credscore.score`; no pickle).

The grouped metrics with intervals and baselines come from ``benchmarks/score.py``;
this script records a quick grouped CV AUC in the file's ``info``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_data as sd  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    import credscore
    from credscore.signals import SIGNAL_MODULES

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=sd.DATA)
    ap.add_argument("--out", type=Path, default=sd.ROOT / "models" / "score.json")
    ap.add_argument("--no-spin-augment", action="store_true")
    ap.add_argument("--calibration", choices=("isotonic", "platt", "none"), default=sd.DEFAULT_CALIBRATION)
    ap.add_argument("--C", type=float, default=sd.DEFAULT_C)
    ap.add_argument("--drop", metavar="REGEX", default=None,
                    help="leave out the features whose name matches REGEX (an ablation)")
    ap.add_argument("--no-sign-constraints", action="store_true",
                    help="let every coefficient take either sign (the recipe before the constraints)")
    ap.add_argument("--spinners", default=",".join(sd.DEFAULT_SPINNERS),
                    help="spinners for the augmentation: phrase, wordnet (if tools/spinners.py is there), or both")
    ap.add_argument("--no-domain-signs", action="store_true",
                    help="do not hold the signals' headline values to their a-priori direction (score_data.DOMAIN_SIGNS)")
    ap.add_argument("--keep-label-mined", action="store_true",
                    help="keep filler's features that count its label-mined MINED list (the leaky recipe before)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the signal computation")
    args = ap.parse_args(argv)

    real_rows = sd.load_corpora(args.data)
    spun = [] if args.no_spin_augment else sd.spun_copies(real_rows, spinners=args.spinners.split(","))
    rows = real_rows + spun
    dicts = sd.feature_dicts(rows, jobs=args.jobs)
    feats, dropped = sd.select_features(dicts, drop=args.drop, keep_label_mined=args.keep_label_mined)
    X = sd.matrix(dicts, feats)
    y = np.array([r.label for r in rows])
    groups = np.array([r.group for r in rows])
    real = np.array([r.real for r in rows])

    # quick grouped CV on the real documents (the benchmark has the full picture)
    aucs = []
    ri = np.flatnonzero(real)
    keys = [r.key() for r in rows]
    for tr_r, te_r in GroupKFold(n_splits=5).split(ri, y[ri], groups[ri]):
        tr, te = ri[tr_r], ri[te_r]
        trk = {keys[i] for i in tr}
        tra = np.concatenate([tr, [i for i in np.flatnonzero(~real) if rows[i].src in trk]]).astype(int)
        m = sd.fit_model(X[tra], y[tra], groups[tra], real[tra], feats, C=args.C, calibration=args.calibration,
                         constrain=not args.no_sign_constraints,
                         use_domain_signs=not args.no_domain_signs)
        aucs.append(roc_auc_score(y[te], sd.predict(m, X[te])))

    model = sd.fit_model(X, y, groups, real, feats, C=args.C, calibration=args.calibration,
                         constrain=not args.no_sign_constraints,
                         use_domain_signs=not args.no_domain_signs)
    model["info"] = {
        "trained_by": "python tools/train_score.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip(),
        "credscore_version": credscore.__version__,
        "signals": list(SIGNAL_MODULES),
        "feature_cache_key": sd.code_hash(),
        "seed": sd.SEED,
        "estimates": "probability that a document reads like content from reliable sources rather than "
                     "unreliable ones, from its text and page signals; not a verdict on its claims",
        "model": f"standardised L2 logistic regression (C={args.C}), {args.calibration} calibration on "
                 "grouped out-of-fold predictions of the real documents"
                 + ("" if args.no_sign_constraints else
                    "; each coefficient held to the sign on which every corpus agrees")
                 + ("" if args.no_domain_signs else
                    "; each signal's headline value held to its a-priori direction (a defect never adds points), "
                    "which wins where the corpora's direction disagrees"),
        "sign_constraints": model.pop("sign_constraints"),
        # the a-priori directions (score_data.DOMAIN_SIGNS, COMPONENT_SIGNS) of the features in the model
        "domain_signs": ({} if args.no_domain_signs else
                         {f: {"sign": v, "why": why} for f in feats
                          for v, why in [(sd.DOMAIN_SIGNS if "." not in f else sd.COMPONENT_SIGNS).get(f, (0, ""))]
                          if v}),
        # where the data-driven direction (all corpora agree) was the opposite: the a-priori one was used
        "sign_conflicts": model.pop("sign_conflicts"),
        # a-priori-bounded features that end at 0: the free fit would have given them the other sign here
        "domain_bound_at_zero": [] if args.no_domain_signs else
        [f for f, c, v in zip(feats, model["coef"], sd.domain_signs(feats)) if v and c == 0],
        "data": [
            "BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al. 2018), CC BY 4.0",
            "FakeNewsNet v1 (Shu et al. 2017), research use",
            "FakeNewsAMT + Celebrity (Perez-Rosas et al. 2018), research use",
            f"{len(spun)} synthetic spun copies of reliable articles (augmentation, label 0)" if spun
            else "no augmentation",
        ],
        "n_real": int(real.sum()),
        "n_reliable_real": int(y[real].sum()),
        "n_augmented": int((~real).sum()),
        "excluded_signals": sd.EXCLUDED_SIGNALS,
        "dropped_features": dropped,
        "grouped_cv_auc_folds": [round(float(a), 4) for a in aucs],
        "grouped_cv_auc_mean": round(float(np.mean(aucs)), 4),
        "metrics": "see models/README.md and benchmarks/score.py",
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps({k: model["info"][k] for k in ("n_real", "n_augmented", "grouped_cv_auc_mean")}, indent=1))
    for f, c in sorted(zip(feats, model["coef"]), key=lambda t: -abs(t[1])):
        print(f"  {c:+.3f}  {f}")


if __name__ == "__main__":
    main()
