"""Training side of the credibility score (``python -m tools.train_score`` writes the model,
``python -m benchmarks.score`` measures it).  One module per step:

* :mod:`tools.data.cred` — the labelled corpora, cleaned, and their publisher groups;
* :mod:`.spun` — synthetic spun copies of reliable articles (augmentation for ``spin``);
* :mod:`.features` — every signal's numbers per document (cached), the columns kept;
* :mod:`.fit` — the signal block: transforms, standardising, sign-bounded logistic regression;
* :mod:`.stack` — the wording block, the grouped out-of-fold block logits and the combiner;
* :mod:`.mining` — label-mined phrase lists (``tools/mine_filler.py`` and an in-fold evaluation);
* :mod:`.baseline` — the 12 plain style features the benchmark compares against.
"""

SEED = 20261122  # every random choice of the training and the benchmark
