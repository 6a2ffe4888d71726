"""The quality signals.  Each is a module with ``NAME``, ``ENGLISH_ONLY`` and
``compute(ctx) -> Signal`` (see :mod:`.base`); this tuple is the one registry.

To add a signal: write its module, add one line here.  No other signal changes.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

SIGNAL_MODULES: tuple[str, ...] = (
    "spin",
    "dates",
    "readability",
    "chrome_ratio",
    "misspellings",
    "attribution",
    "gopher_quality",
    "gopher_repetition",
    "c4_lines",
    "fineweb",
    "name_drift",
    "link_residue",
    "splice",
    "sensational",
    "sourcing",
    "filler",
    "byline",
)


def load_signals(names: tuple[str, ...] = SIGNAL_MODULES) -> list[ModuleType]:
    """Import the signal modules, in registry order."""
    return [import_module(f"{__name__}.{n}") for n in names]
