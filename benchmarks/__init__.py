"""Benchmarks: measurements of credscore against baselines on held-out data (not shipped).

Run from the repository root as modules (``python -m benchmarks.score``); shared loaders
come from :mod:`tools.data`.
"""
