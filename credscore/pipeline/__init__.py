"""credscore as a step in a data pipeline.

* :func:`score_batch` — columns in, columns out (HF ``datasets``, Ray, Spark);
* :mod:`.jsonl` — streaming JSON Lines, the engine of ``credscore score``;
* :mod:`.filters` — a datatrove-style filter and a NeMo-Curator-style
  score/keep split;
* :mod:`.sklearn`, :mod:`.pandas`, :mod:`.dask` — the front ends for those
  libraries (each imports its library only when used; the old paths
  ``credscore.pandas`` / ``.sklearn`` / ``.dask`` still work, with a ``DeprecationWarning``).
"""

from __future__ import annotations

from .batch import score_batch, score_one

__all__ = ["score_batch", "score_one"]
