r"""The spin detector's reference tables, loaded once and compiled for speed.

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

:class:`Tables` finds the lexicon's phrases with an Aho-Corasick automaton
(:class:`PhraseMatcher`, ``pyahocorasick``): built in ~20 ms, where compiling the
same 20,000 phrases into one regular expression took 0.75 s of every process's
start-up.  It reports exactly the matches of that expression (:func:`trie_regex`
between ``(?<![\w-])`` and ``(?![\w-])``), which is still the fallback when
``pyahocorasick`` is not installed.
"""

from __future__ import annotations

import gc
import gzip
import heapq
import json
import math
import re
import zlib
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import ModelError

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


#: a character that may not touch a lexicon match on either side
_EDGE_RE = re.compile(r"[\w-]")


class PhraseMatch:
    """The part of ``re.Match`` that users of :attr:`Tables.lexicon_re` read."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, i: int = 0) -> str:
        if i:
            raise IndexError("no such group")
        return self._text

    def __repr__(self) -> str:
        return f"<PhraseMatch span={self.span()!r}, match={self._text!r}>"


class PhraseMatcher:
    r"""``re.compile(r"(?<![\w-])(?:" + trie_regex(phrases) + r")(?![\w-])")``, as an Aho-Corasick automaton.

    :meth:`finditer` yields the same matches as that regex's ``finditer``: scanning
    left to right, at each start not preceded by a word character or ``-`` the
    longest phrase there not followed by one, then on from its end.  The automaton
    reports every occurrence of every phrase in one pass (in C); those rules then
    pick among the few occurrences it finds.  Without ``pyahocorasick`` the regex
    itself is compiled, on first use.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = sorted(set(phrases))
        self._regex: re.Pattern[str] | None = None
        self._automaton: Any = None
        try:
            import ahocorasick
        except ImportError:  # pragma: no cover - a dependency; the regex gives the same matches
            return
        a = ahocorasick.Automaton()
        for p in self.phrases:
            if p:
                a.add_word(p, len(p))
        if len(a):
            a.make_automaton()
            self._automaton = a

    def regex(self) -> re.Pattern[str]:
        """The equivalent regular expression (compiled on first call: slow for a large lexicon)."""
        if self._regex is None:
            body = trie_regex(p for p in self.phrases if p)
            self._regex = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])" if body else r"(?!)")
        return self._regex

    def finditer(self, text: str) -> Iterator[PhraseMatch] | Iterator[re.Match[str]]:
        if self._automaton is None:
            return self.regex().finditer(text) if self.phrases else iter(())
        return self._scan(text)

    def _scan(self, text: str) -> Iterator[PhraseMatch]:
        edge = _EDGE_RE.match
        longest: dict[int, int] = {}  # start -> end of the longest phrase there with clean edges
        for last, n in self._automaton.iter(text):
            end = last + 1
            start = end - n
            if (start and edge(text, start - 1)) or edge(text, end):
                continue
            if longest.get(start, 0) < end:
                longest[start] = end
        pos = 0
        for start in sorted(longest):
            if start >= pos:
                pos = longest[start]
                yield PhraseMatch(start, pos, text[start:pos])


def _undelta(xs: list[int]) -> set[int]:
    return set(accumulate(xs))


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
        #: finds the lexicon's phrases: ``finditer(text)`` as a compiled regex has it
        self.lexicon_re = PhraseMatcher(lex)


@lru_cache(maxsize=1)
def general_logfreq(n: int = 50000) -> dict[str, float]:
    """The ``n`` commonest lower-case English words -> frequency in half-decades per billion words.

    ``2 * zipf``: ``"the"`` ~ 15.5, a word met once per thousand words 12, once
    per million 6.  Read from wordfreq's English list (Wikipedia, news, books,
    subtitles, web: closer to news than subtitles alone); without wordfreq, from
    pyspellchecker's list (subtitles).  Empty if neither is available.
    """
    top = _wordfreq_top(n)
    if top is not None:
        return top
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
    top_ = heapq.nlargest(n, ((f, w) for w, f in freq.items() if w.isalpha() and w.islower()))
    return {w: round(2 * math.log10(1e9 * f), 2) for f, w in top_ if f > 0}


def _wordfreq_top(n: int) -> dict[str, float] | None:
    """:func:`general_logfreq` read straight from wordfreq's ``large_en`` file; None if it is not there.

    The same numbers as ``heapq.nlargest`` over ``wordfreq.get_frequency_dict("en",
    "large")`` (a test compares them), at a tenth of the cost: ``import wordfreq``
    pulls in its tokenisers (0.1 s) and the dict holds all 321,000 words, while
    the file (a gzipped msgpack "cBpack": a header, then one alphabetically sorted
    list of words per centibel of frequency, commonest first, each word once) is
    read here only as far as the ``n``-th lower-case alphabetic word.  Ties at
    the last frequency go to the alphabetically larger words, as ``nlargest`` on
    ``(frequency, word)`` gives them.
    """
    import importlib.util
    import os

    try:
        import msgpack  # a dependency of wordfreq

        spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    except (ImportError, ValueError):  # pragma: no cover - wordfreq is a dependency
        return None
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "data", "large_en.msgpack.gz")
    out: dict[str, float] = {}
    try:
        with gzip.open(path, "rb") as fh:
            unpacker = msgpack.Unpacker(fh, raw=False)
            n_buckets = unpacker.read_array_header() - 1
            header = unpacker.unpack()
            if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
                return None
            for index in range(n_buckets):
                bucket = unpacker.unpack()
                words = [w for w in reversed(bucket) if w.isalpha() and w.islower()]
                if not words:
                    continue
                f = 10 ** (-index / 100)  # wordfreq.cB_to_freq(-index)
                if f <= 0:
                    break
                v = round(2 * math.log10(1e9 * f), 2)
                for w in words[: n - len(out)]:
                    out[w] = v
                if len(out) >= n:
                    break
    except (OSError, ValueError, msgpack.UnpackException):  # pragma: no cover - missing or odd file
        return None
    return out


#: The shipped tables, in the package data :data:`_DATA`.
FILE = "tables.json.gz"
#: The keys :class:`Tables` cannot do without.
_REQUIRED = ("common", "pairs_once", "pairs_more", "originals", "lexicon")


def load_raw(path: str | Path | None = None) -> dict[str, Any]:
    """The tables as stored: the shipped :data:`FILE`, or the gzipped JSON file at ``path``.

    A missing, truncated or corrupt file, or one without the tables' keys, is a
    :class:`~credscore.errors.ModelError`, as for every other model file (the shipped
    ``models/`` files go through :func:`credscore.score.read_model_file`; these tables
    are package data of ``credscore.spin.data``, so they are read here).
    """
    where = str(path) if path is not None else f"{_DATA}/{FILE}"
    try:
        if path is None:
            blob = resources.files(_DATA).joinpath(FILE).read_bytes()
        else:
            blob = Path(path).read_bytes()
        raw = json.loads(gzip.decompress(blob))
    except (ImportError, OSError, EOFError, ValueError, zlib.error) as e:
        raise ModelError(f"cannot read the spin tables {where}: {e}") from e
    if not isinstance(raw, dict) or any(k not in raw for k in _REQUIRED):
        raise ModelError(f"the spin tables {where} are not a JSON object with the keys {list(_REQUIRED)}")
    return raw


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The shipped tables (loaded and compiled on first use, then cached).

    The garbage collector is paused while they load: the ~150,000 lists, tuples
    and strings made on the way would otherwise set off collections that walk
    everything already loaded (about a third of the load time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Tables(load_raw())
    finally:
        if enabled:
            gc.enable()
