"""The quality signals.  Each is a module with ``NAME``, ``ENGLISH_ONLY`` and
``compute(ctx) -> Signal`` (see :mod:`.base`); this tuple is the one registry.

To add a signal: write its module, add one line here.  No other signal changes.
What a signal offers the score model it declares beside its code (``FEATURES``, a
tuple of :class:`.base.Feature`); :func:`declared_features` collects them.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from .base import Feature

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
    "structure",
    "wording",
)


def load_signals(names: tuple[str, ...] = SIGNAL_MODULES) -> list[ModuleType]:
    """Import the signal modules, in registry order."""
    return [import_module(f"{__name__}.{n}") for n in names]


def declared_features(names: tuple[str, ...] = SIGNAL_MODULES) -> dict[str, "Feature"]:
    """Every feature the signals declare, by model name (``"<signal>"`` or ``"<signal>.<key>"``)."""
    out: dict[str, Feature] = {}
    for mod in load_signals(names):
        for f in getattr(mod, "FEATURES", ()):
            out[f"{mod.NAME}.{f.key}" if f.key else mod.NAME] = f
    return out
