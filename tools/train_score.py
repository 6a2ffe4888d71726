"""Train the credibility score and write ``models/score.json`` + ``models/wording.json.gz``.

    python -m tools.train_score [--data ../shared/data] [--exclude spin] [--min-words 50]

A few minutes on the shared 2-core machine with the signal cache warm (``artifacts/``).
One command, fixed seed (:data:`tools.score.SEED`).  Steps (the recipe is
:mod:`tools.score.stack`'s; its evaluation is ``python -m benchmarks.score``):

1. Load the labelled corpora (``../shared/data/cred``; licences and leakage traps in
   each ``SOURCE.md``), cleaned of what names the publisher
   (:func:`tools.data.cred.clean_text`); groups are publishers (:func:`tools.data.cred.publisher`).
2. Compute every registered signal on every document (cached, keyed by a hash of the
   signal code) and keep the features the signal modules declare that carry
   information here (:func:`tools.score.features.signal_feature_names`); their declared
   directions bound the coefficients (a defect never adds points).
3. Grouped out-of-fold logits (5 folds by publisher) of the signal block (spin's terms
   apart) and the wording block, for the real documents and for 282 synthetic spun
   copies of reliable ones; the combiner (slopes >= 0) is fitted on the real documents,
   then spin's own slope on real + spun (:func:`tools.score.stack.fit_combiner`), and the
   intercept moved from the training mix to :data:`tools.score.stack.BASE_RATE` (even odds).
4. Fit both blocks on all documents; write the stacked model (format
   ``credscore-stacked/1``) and the wording model (``credscore-wording/1``), both
   plain JSON — no pickle.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

from tools.data import DATA, ROOT
from tools.data.cred import load_corpora, publisher
from tools.score import SEED
from tools.score import stack as st
from tools.score.features import code_hash, feature_dicts, matrix, signal_feature_names


def main(argv: list[str] | None = None) -> None:
    from sklearn.metrics import roc_auc_score

    import credscore
    from credscore.signals import SIGNAL_MODULES

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    ap.add_argument("--exclude", default="", help="comma-separated signals kept out of the signal block")
    ap.add_argument("--min-words", type=int, default=80,
                    help="below this many article words a document gets no score (benchmarks/score.py measures it)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the signal computation")
    ap.add_argument("--no-spin-augment", action="store_true",
                    help="no spun copies: spin's coefficient from the real documents alone")
    args = ap.parse_args(argv)

    rows = load_corpora(args.data)
    y = np.array([r.label for r in rows])
    groups = np.array([publisher(r) for r in rows])
    dicts = feature_dicts(rows, jobs=args.jobs)
    exclude = [s for s in args.exclude.split(",") if s]
    feats, dropped = signal_feature_names(dicts, exclude=exclude)
    X = matrix(dicts, feats)
    terms = st.analyzed([r.text for r in rows])

    aug = None if args.no_spin_augment else st.make_augment(rows, feats, jobs=args.jobs)
    flagged = st.flags(dicts)
    Z, Za = st.oof_block_logits(X, terms, y, groups, feats, flagged, aug=aug)
    comb = st.fit_combiner(Z, y, Za)
    stacked_oof = Z @ np.asarray(comb["coef"]) + comb["intercept"]
    aucs = {"signals": roc_auc_score(y, Z[:, 0] + Z[:, 1]), "wording": roc_auc_score(y, Z[:, 2]),
            "stacked": roc_auc_score(y, stacked_oof)}

    sig = st.fit_signals(X, y, groups, feats, aug=aug, rows=np.arange(len(rows)))
    sig.pop("sign_constraints", None)
    sig.pop("sign_conflicts", None)
    wording = st.fit_wording(terms, y)
    model = {
        "format": "credscore-stacked/1",
        "signals": sig,
        "combiner": {"signals": round(comb["coef"][0], 6), "wording": round(comb["coef"][2], 6),
                     "slopes": {s: round(comb["coef"][1], 6) for s in st.OWN_SLOPE},
                     "intercept": round(comb["intercept"], 6),
                     "wording_reference": round(float(Z[:, 2].mean()), 6)},
        "wording_gate": ["spin", "filler"],
        "flag_gated": list(st.OWN_SLOPE),
        "base_rate": st.BASE_RATE,
        "languages": ["en"],
        "min_words": args.min_words,
        "info": {
            "trained_by": "python -m tools.train_score" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip(),
            "credscore_version": credscore.__version__,
            "signals": list(SIGNAL_MODULES),
            "excluded_from_signal_block": exclude,
            "feature_cache_key": code_hash(),
            "seed": SEED,
            "estimates": "probability that a document reads like content from reliable sources rather than "
                         "unreliable ones, at even prior odds, from its text and page signals; not a verdict on "
                         "its claims",
            "training_prior": round(comb["training_prior"], 4),
            "prior_shift": round(comb["prior_shift"], 4),
            "data": [
                "BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al. 2018), CC BY 4.0",
                "FakeNewsNet v1 (Shu et al. 2017), research use",
                "FakeNewsAMT + Celebrity (Perez-Rosas et al. 2018), research use",
                (f"{len(aug.src)} synthetic spun copies of reliable articles (label 0) for spin's coefficient only"
                 if aug is not None else "no augmentation"),
            ],
            "n_documents": len(rows),
            "n_reliable": int(y.sum()),
            "n_publishers": len(set(groups)),
            "oof_auc": {k: round(float(v), 4) for k, v in aucs.items()},
            "dropped_features": dropped,
            "metrics": "see models/README.md and benchmarks/score.py",
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "score.json").write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n")
    raw = json.dumps(wording, ensure_ascii=False, separators=(",", ":")).encode()
    (args.out / "wording.json.gz").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(json.dumps({"oof_auc": model["info"]["oof_auc"], "combiner": model["combiner"]}, indent=1))
    for f, c in sorted(zip(feats, sig["coef"]), key=lambda t: -abs(t[1])):
        print(f"  {c:+.3f}  {f}")
    from credscore.wording import WordingModel

    good, bad = WordingModel.from_dict(wording).top_terms(25)
    print("reads reliable:  ", ", ".join(t for t, _ in good))
    print("reads unreliable:", ", ".join(t for t, _ in bad))


if __name__ == "__main__":
    main()
