"""Deprecated: use :mod:`credscore.pipeline.pandas` (this path is the same module, kept for old imports)."""

from __future__ import annotations

import sys
import warnings

from .pipeline import pandas as _new

warnings.warn(
    "credscore.pandas is deprecated; import credscore.pipeline.pandas instead",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _new
