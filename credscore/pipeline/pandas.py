"""Score a pandas DataFrame: ``score_frame(df, text_col="text")``.

Returns a copy of ``df`` with the columns of :func:`credscore.score_batch`
appended (``score``, ``unscored_reason``, ``flags``, ``language``,
``signal_<name>``…, ``error_kind``, ``error_message``; ``clean_text`` with
``include_text=True``), in the same row order and with the same index.  Failed
rows are kept, with ``score`` NaN and ``error_kind`` set; a document that cannot
be scored has ``score`` NaN and ``unscored_reason`` set (``"too_short"`` …).  Needs ``pip install credscore[pandas]``.

Types are fixed, also for an empty frame (Dask needs that for its ``meta``):
``score`` and ``signal_*`` are ``float64`` (NaN = failed / not applicable), the
text columns are pandas ``string``, and ``flags`` is one string of flag names
joined by commas (``""`` for none): a string survives Parquet, CSV and Spark
round trips everywhere, a list column does not (``df.flags.str.split(",")`` gives
the lists back).

    >>> import pandas as pd, credscore.pipeline.pandas as cp                # doctest: +SKIP
    >>> scored = cp.score_frame(pd.read_json("docs.jsonl", lines=True))
    >>> scored[scored.score < 30]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .batch import empty_columns, score_batch

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["score_frame", "score_columns"]

_FLOAT_COLUMNS = ("score",)


def _frame(cols: dict[str, list[Any]], index: Any, prefix: str) -> "pd.DataFrame":
    import pandas as pd

    data = {}
    for name, values in cols.items():
        bare = name[len(prefix):]
        if bare in _FLOAT_COLUMNS or bare.startswith("signal_"):
            data[name] = pd.Series(values, index=index, dtype="float64")
        else:
            if bare == "flags":
                values = [",".join(v) for v in values]
            data[name] = pd.Series(values, index=index, dtype="string")
    return pd.DataFrame(data, index=index)


def score_columns(df: "pd.DataFrame", text_col: str = "text", *, html_col: str | None = None,
                  url_col: str | None = None, prefix: str = "", include_text: bool = False,
                  **kw: Any) -> "pd.DataFrame":
    """Only the new columns, as a DataFrame with ``df``'s index (fixed dtypes, also when empty).

    ``html_col``: a column holding HTML; where it is a non-empty string it is scored
    as HTML instead of ``text_col``.  Other keywords go to :func:`credscore.score_batch`.
    """
    if len(df) == 0:
        return _frame(empty_columns(include_text=include_text, prefix=prefix), df.index, prefix)
    texts = df[text_col].tolist()
    ctypes: list[str | None] = ["text"] * len(texts)
    if html_col is not None:
        for i, h in enumerate(df[html_col].tolist()):
            if isinstance(h, str) and h.strip():
                texts[i], ctypes[i] = h, "html"
    texts = [None if _isna(t) else t for t in texts]
    urls = [u if isinstance(u, str) else None for u in df[url_col].tolist()] if url_col else None
    cols = score_batch(texts, urls=urls, content_type=ctypes, include_text=include_text, prefix=prefix, **kw)
    return _frame(cols, df.index, prefix)


def _isna(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def score_frame(df: "pd.DataFrame", text_col: str = "text", *, html_col: str | None = None,
                url_col: str | None = None, prefix: str = "", include_text: bool = False,
                **kw: Any) -> "pd.DataFrame":
    """``df`` with credscore's columns appended (a new frame; ``df`` is not modified).

    Raises ``ValueError`` if a new column name is already in ``df`` (pass ``prefix``).
    """
    new = score_columns(df, text_col, html_col=html_col, url_col=url_col, prefix=prefix,
                        include_text=include_text, **kw)
    clash = [c for c in new.columns if c in df.columns]
    if clash:
        raise ValueError(f"columns already in the frame: {clash}; pass prefix='credscore_' (or another)")
    import pandas as pd

    return pd.concat([df, new], axis=1)
