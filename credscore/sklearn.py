"""Deprecated: use :mod:`credscore.pipeline.sklearn` (this path is the same module, kept for old imports)."""

from __future__ import annotations

import sys
import warnings

from .pipeline import sklearn as _new

warnings.warn(
    "credscore.sklearn is deprecated; import credscore.pipeline.sklearn instead",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _new
