"""Score a Dask DataFrame or Bag partition by partition.

Each partition is scored where it lives, by :func:`credscore.pipeline.pandas.score_frame`
(DataFrame) or :func:`credscore.score_batch` (Bag); nothing is collected on the
client.  The functions sent to the workers are module-level (picklable), so this
works on a ``dask.distributed`` cluster of worker *processes*.  Needs
``pip install credscore[dask]``.

Process-based clusters start new Python processes that import your script, so
create the cluster under ``if __name__ == "__main__":``::

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster
    from credscore.pipeline.dask import score_dataframe

    if __name__ == "__main__":
        with LocalCluster(n_workers=2, processes=True) as cluster, Client(cluster):
            ddf = dd.read_json("docs-*.jsonl", lines=True)
            score_dataframe(ddf, text_col="text").to_parquet("scored/")
"""

from __future__ import annotations

from functools import partial
from typing import Any

from .batch import analysis_fields, score_one

__all__ = ["score_dataframe", "score_bag", "score"]


def _score_partition(part: Any, **kw: Any) -> Any:
    from .pandas import score_frame

    return score_frame(part, **kw)


def score_dataframe(ddf: Any, text_col: str = "text", **kw: Any) -> Any:
    """A lazy Dask DataFrame: ``ddf`` with credscore's columns (see :mod:`credscore.pipeline.pandas`)."""
    from .pandas import score_frame

    kw["text_col"] = text_col
    meta = score_frame(ddf._meta, **kw)
    return ddf.map_partitions(partial(_score_partition, **kw), meta=meta)


def _score_records(part: list[Any], text_key: str, include_text: bool, prefix: str) -> list[dict[str, Any]]:
    out = []
    for item in part:
        rec = dict(item) if isinstance(item, dict) else {text_key: item}
        r = score_one(rec.get(text_key))
        if isinstance(r, dict):
            rec[prefix + "error"] = r
        else:
            for k, v in analysis_fields(r, include_text=include_text).items():
                rec[prefix + k] = v
        out.append(rec)
    return out


def score_bag(bag: Any, text_key: str = "text", *, include_text: bool = False, prefix: str = "") -> Any:
    """A lazy Dask Bag of records with credscore's fields added (JSONL flavour).

    Items may be dicts (``text_key`` holds the text) or plain strings (each becomes
    ``{text_key: item, ...}``).  A failed item gets an ``error`` field; none is dropped.
    """
    return bag.map_partitions(partial(_score_records, text_key=text_key, include_text=include_text,
                                      prefix=prefix))


def score(collection: Any, text_col: str = "text", **kw: Any) -> Any:
    """:func:`score_dataframe` or :func:`score_bag`, by the type of ``collection``."""
    import dask.bag as db

    if isinstance(collection, db.Bag):
        return score_bag(collection, text_col, **kw)
    return score_dataframe(collection, text_col, **kw)
