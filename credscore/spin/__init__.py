"""Spin detection: find synonym-spun text, say where, and suggest the original.

The pieces, in the order data flows:

* :mod:`.tables` — reference tables built at build time from WordNet 3.0 and
  licence-clean news (``tools/build_spin_tables.py``), loaded once;
* :mod:`.bigrams` — general-English word-pair counts (Google Books, packed at
  build time) for the language-model evidence;
* :mod:`.features` — fingerprints (layer 1), pair statistics and language-model
  evidence (layer 2), each finding an evidence span naming the likely original;
* :mod:`.model` — the calibrated logistic combination stored in ``models/spin.json``.

:mod:`credscore.signals.spin` wraps them as the ``spin`` signal.
"""

from .features import FEATURES, Finding, Measures, measure
from .model import SpinModel, default_model
from .tables import Tables, default_tables

__all__ = ["FEATURES", "Finding", "Measures", "SpinModel", "Tables", "default_model", "default_tables", "measure"]
