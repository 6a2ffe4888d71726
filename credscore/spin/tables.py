"""The spin detector's reference tables, loaded once and compiled for speed.

``data/tables.json.gz`` is built by ``tools/build_spin_tables.py`` from WordNet 3.0
(synonyms; see ``data/WORDNET_LICENSE``) and licence-clean news text (CC BY 4.0;
see ``data/ATTRIBUTION``).  It holds:

* ``common`` — the 6,000 most frequent words of the reference text;
* ``pairs_once`` / ``pairs_more`` — which adjacent pairs of common words the
  reference text uses (once / twice or more), as delta-coded ``a*N+b`` ids;
* ``originals`` — a spun word -> the more frequent synonyms a spinner replaces
  with it (``"vitality" -> ["energy"]``);
* ``lexicon`` — spun renderings of frequent news names and collocations ->
  their original (``"Related Press" -> "Associated Press"``).

General-English word frequencies are read at run time from the list that ships
with pyspellchecker (a dependency; its data is not copied into credscore).

:class:`Tables` turns the lexicon into ONE regular expression, built as a trie
so that matching costs about one step per character whatever the lexicon size.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

_DATA = "credscore.spin.data"


def trie_regex(phrases: Iterable[str]) -> str:
    """A regex source that matches exactly ``phrases``, factored as a character trie.

    ``["cat", "car", "cart"]`` gives ``ca(?:rt?|t)``: a failing match stops at the
    first character no phrase continues with, instead of trying every phrase.
    """
    trie: dict[str, Any] = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1:
            body = branches[0]
            if end:
                return f"(?:{body})?" if len(body) > 1 else f"{body}?"
            return body
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return emit(trie)


def _undelta(xs: list[int]) -> set[int]:
    out = set()
    acc = 0
    for d in xs:
        acc += d
        out.add(acc)
    return out


class Tables:
    """Lookup structures built from one tables dict (the shipped one by default)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.common: list[str] = raw["common"]
        self.n_common = len(self.common)
        self.common_index: dict[str, int] = {w: i for i, w in enumerate(self.common)}
        self.pairs_once: set[int] = _undelta(raw["pairs_once"])
        self.pairs_more: set[int] = _undelta(raw["pairs_more"])
        self.originals: dict[str, list[str]] = raw["originals"]
        self.logfreq: dict[str, int] = general_logfreq()
        self.cache: dict[str, Any] = {}  # derived look-ups, built by their users on first need
        lex: dict[str, str] = dict(raw["lexicon"])
        # a lower-case collocation may also open a sentence
        for spun, orig in list(lex.items()):
            if spun[:1].islower():
                lex.setdefault(spun[:1].upper() + spun[1:], orig[:1].upper() + orig[1:])
        self.lexicon = lex
        self.lexicon_re = re.compile(r"(?<![\w-])(?:" + trie_regex(sorted(lex)) + r")(?![\w-])")

    def pair_count(self, a: str, b: str) -> int:
        """0 unseen, 1 seen once, 2 seen more; -1 if either word is not common."""
        ia = self.common_index.get(a)
        ib = self.common_index.get(b)
        if ia is None or ib is None:
            return -1
        k = ia * self.n_common + ib
        if k in self.pairs_more:
            return 2
        return 1 if k in self.pairs_once else 0


@lru_cache(maxsize=1)
def general_logfreq(n: int = 30000) -> dict[str, int]:
    """The ``n`` commonest English words -> frequency in half-decades per billion words.

    Read from pyspellchecker's English frequency list (``"the"`` ~ 15, a word met
    once per thousand words ~ 12, once per million ~ 6).  Empty if unavailable.
    """
    try:
        import spellchecker

        src = resources.files(spellchecker).joinpath("resources", "en.json.gz").read_bytes()
    except (ImportError, OSError):  # pragma: no cover - pyspellchecker is a dependency
        return {}
    freq: dict[str, int] = json.loads(gzip.decompress(src))
    total = sum(freq.values())
    top = heapq.nlargest(n, ((c, w) for w, c in freq.items() if w.isalpha() and w.islower()))
    return {w: max(1, round(2 * math.log10(1e9 * c / total))) for c, w in top}


def load_raw() -> dict[str, Any]:
    with resources.files(_DATA).joinpath("tables.json.gz").open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The shipped tables (loaded and compiled on first use, then cached)."""
    return Tables(load_raw())
