"""General-English word-pair counts (Google Books, via symspellpy's list) as a packed lookup.

``data/bigrams.json.gz`` is built by ``tools/build_spin_tables.py`` from the
~242,000 commonest English word pairs of the Google Books Ngram data (counts of
6.4 million and more; CC BY 3.0, see ``data/ATTRIBUTION``), as shipped with
``symspellpy`` (MIT).  It holds the vocabulary (one word a line) and, base64
coded, the sorted pair keys ``a * V + b`` (uint32) and each pair's count as a
half-nat bucket over the list's floor (uint8).  Loading decodes two arrays and
one word index (a few milliseconds); a look-up is a binary search.
"""

from __future__ import annotations

import base64
import gzip
import json
from functools import lru_cache
from importlib import resources

import numpy as np

_DATA = "credscore.spin.data"
FILE = "bigrams.json.gz"


class Bigrams:
    def __init__(self, raw: dict) -> None:
        self.vocab: dict[str, int] = {w: i for i, w in enumerate(raw["vocab"].split("\n"))}
        self.v = len(self.vocab)
        self.keys = np.frombuffer(base64.b64decode(raw["keys"]), dtype="<u4")
        self.logc = np.frombuffer(base64.b64decode(raw["logc"]), dtype=np.uint8)

    def key(self, a: str, b: str) -> int:
        ia = self.vocab.get(a)
        ib = self.vocab.get(b)
        return -1 if ia is None or ib is None else ia * self.v + ib

    def scores(self, keys: list[int]) -> np.ndarray:
        """Per key: 0 if the pair is not in the list, else 1 + its count bucket (half-nats over the floor)."""
        q = np.asarray(keys, dtype=np.int64)
        out = np.zeros(len(q), dtype=np.float64)
        if not len(q) or not len(self.keys):
            return out
        # searched as uint32, the table's own type: an int64 query made numpy convert the whole
        # table (242,000 keys, ~0.1 ms) on every call; a missing pair (-1) searches for 0, refused below
        valid = q >= 0
        q32 = np.where(valid, q, 0).astype(np.uint32)
        pos = np.searchsorted(self.keys, q32)
        pos = np.minimum(pos, len(self.keys) - 1)
        hit = (self.keys[pos] == q32) & valid
        out[hit] = 1.0 + self.logc[pos[hit]] / 2.0
        return out


def load_raw() -> dict | None:
    try:
        with resources.files(_DATA).joinpath(FILE).open("rb") as f:
            return json.loads(gzip.decompress(f.read()))
    except (FileNotFoundError, OSError):
        return None


@lru_cache(maxsize=1)
def default_bigrams() -> Bigrams:
    raw = load_raw()
    return Bigrams(raw if raw is not None else {"vocab": "", "keys": "", "logc": ""})
