"""Train the spin model and write ``models/spin.json`` (plain JSON, no pickle).

Data: every licence-clean article of :mod:`spin_corpus` (BuzzFeed-Webis 2016
mainstream, WCXB dev articles of the non-held-out sites; CC BY 4.0) as
negatives, and two spun versions of each as positives: one by the WordNet
training mixture, one by the PPS-mined mixture (``tools/spinners.py``: rate and
synonym choice drawn per version).  The hand-made thesaurus spinner is held out
for testing (``benchmarks/spin.py --false-alarms``) and never trains the model.

Features are cross-fitted: articles of each source fold are measured with tables
built from the other folds, as new pages will be measured with tables that never
saw them.  Fixed seed; ``python -m tools.train_spin`` reproduces the file.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from tools import spin_experiment as ex
from tools import spinners
from tools.data import spin_corpus

OUT = Path(__file__).resolve().parents[1] / "models" / "spin.json"


def main() -> None:
    t0 = time.time()
    arts = spin_corpus.clean_articles()
    if not arts:
        sys.exit("no clean articles: set CREDSCORE_SHARED or put the data at <repo>/../shared")
    X, y = ex.training_matrix(arts, ex.TRAIN_FAMILIES)
    m = ex.fit(X, y)
    m["trained_on"] = (
        f"{len(arts)} clean articles (BuzzFeed-Webis 2016 mainstream + WCXB dev articles of the "
        "non-held-out sites, CC BY 4.0) and two versions of each spun, one by a mixture of WordNet "
        "synonym spinners (1/3/all senses, varied synonym choice), one by the PPS-mined word map "
        f"(rates {spinners.MIX_RATES[0]:.0%}-{spinners.MIX_RATES[1]:.0%} of words); the hand-made "
        "thesaurus spinner is held out; cross-fitted by source fold"
    )
    m["seed"] = ex.SEED
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(m, indent=1) + "\n")
    from credscore.spin.model import SpinModel

    p = SpinModel(m).predict_many(X)
    print(f"train: clean flagged {np.mean(p[y == 0] >= m['threshold']):.4f}, "
          f"spun flagged {np.mean(p[y == 1] >= m['threshold']):.4f}; {time.time() - t0:.0f}s -> {OUT}")


if __name__ == "__main__":
    main()
