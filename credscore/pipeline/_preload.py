"""Imported by the fork server of ``credscore score --jobs N`` under ``forkserver``.

:func:`credscore.pipeline.batch.prepare_workers` names this module in the fork
server's preload list: the server loads every table once (:func:`warm_up`) and
freezes them out of the garbage collector, and each worker forked from it starts
with them loaded, sharing their memory pages, instead of loading them again.
Importing it anywhere else only warms that process up.
"""

from __future__ import annotations

import gc

from .batch import warm_up

warm_up()
gc.freeze()
