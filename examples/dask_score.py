"""Score a JSONL corpus with Dask on a local cluster of worker processes.

    python examples/dask_score.py docs.jsonl scored.parquet [n_workers]

Worker processes import this file, so everything that starts work sits under
``if __name__ == "__main__":`` (otherwise each worker would start a cluster too).
"""

from __future__ import annotations

import sys


def main(src: str, dst: str, n_workers: int = 2) -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from credscore.pipeline.dask import score_dataframe

    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True) as cluster, Client(cluster):
        ddf = dd.read_json(src, lines=True, blocksize=2**24)
        scored = score_dataframe(ddf, text_col="text", prefix="credscore_")
        scored.to_parquet(dst)
        print(dd.read_parquet(dst)[["credscore_score"]].describe().compute())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2)
