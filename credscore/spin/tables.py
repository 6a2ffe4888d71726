"""The spin detector's reference tables, loaded once and compiled for speed.

``data/tables.json.gz`` is built by ``tools/build_spin_tables.py`` from WordNet 3.0
(synonyms; see ``data/WORDNET_LICENSE``) and licence-clean news text (CC BY 4.0;
see ``data/ATTRIBUTION``).  It holds:

* ``common`` — the 6,000 most frequent words of the reference text;
* ``pairs_once`` / ``pairs_more`` — which adjacent pairs of common words the
  reference text uses (once / twice or more), as delta-coded ``a*N+b`` ids;
* ``originals`` — a spun word -> the more frequent synonyms a spinner replaces
  with it (``"vitality" -> ["energy"]``);
* ``synonyms`` — a word -> up to four WordNet synonyms from any of its senses
  that are more frequent than it (``"vitality" -> ["energy", "animation"]``);
* ``lexicon`` — spun renderings of frequent news names and collocations ->
  their original (``"Related Press" -> "Associated Press"``).

General-English word frequencies are read at run time from the ``wordfreq``
package's English list (a dependency: code Apache-2.0, data CC BY-SA 4.0, read
from its installed files, never copied into credscore), or, if wordfreq is not
installed, from the list that ships with pyspellchecker.

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
        # tuples, not lists: tuples of strings drop out of the garbage collector's
        # tracking, so ~65,000 table entries do not slow every full collection
        self.originals: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in raw["originals"].items()}
        self.synonyms: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in raw.get("synonyms", {}).items()}
        self.logfreq: dict[str, float] = general_logfreq()
        self.cache: dict[str, Any] = {}  # derived look-ups, built by their users on first need
        lex: dict[str, str] = dict(raw["lexicon"])
        # a lower-case collocation may also open a sentence
        for spun, orig in list(lex.items()):
            if spun[:1].islower():
                lex.setdefault(spun[:1].upper() + spun[1:], orig[:1].upper() + orig[1:])
        self.lexicon = lex
        self.lexicon_re = re.compile(r"(?<![\w-])(?:" + trie_regex(sorted(lex)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def general_logfreq(n: int = 50000) -> dict[str, float]:
    """The ``n`` commonest lower-case English words -> frequency in half-decades per billion words.

    ``2 * zipf``: ``"the"`` ~ 15.5, a word met once per thousand words 12, once
    per million 6.  Read from wordfreq's English list (Wikipedia, news, books,
    subtitles, web: closer to news than subtitles alone); without wordfreq, from
    pyspellchecker's list (subtitles).  Empty if neither is available.
    """
    freq: dict[str, float] | None = None
    try:
        import wordfreq

        freq = wordfreq.get_frequency_dict("en", wordlist="large")
    except (ImportError, OSError, LookupError):  # pragma: no cover - wordfreq is a dependency
        try:
            import spellchecker

            src = resources.files(spellchecker).joinpath("resources", "en.json.gz").read_bytes()
            counts: dict[str, int] = json.loads(gzip.decompress(src))
            total = sum(counts.values())
            freq = {w: c / total for w, c in counts.items()}
        except (ImportError, OSError):
            return {}
    top = heapq.nlargest(n, ((f, w) for w, f in freq.items() if w.isalpha() and w.islower()))
    return {w: round(2 * math.log10(1e9 * f), 2) for f, w in top if f > 0}


def load_raw() -> dict[str, Any]:
    with resources.files(_DATA).joinpath("tables.json.gz").open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The shipped tables (loaded and compiled on first use, then cached)."""
    return Tables(load_raw())
