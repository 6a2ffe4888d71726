"""Deprecated: use :mod:`credscore.pipeline.dask` (this path is the same module, kept for old imports)."""

from __future__ import annotations

import sys
import warnings

from .pipeline import dask as _new

warnings.warn(
    "credscore.dask is deprecated; import credscore.pipeline.dask instead",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _new
