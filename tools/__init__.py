"""Development code: training, data builders and the loaders they share (not shipped).

Run from the repository root as modules (``python -m tools.train_score``); the package
is reached from there, so nothing touches ``sys.path``.  Install what it needs with
``pip install -e ".[dev]"``.
"""
