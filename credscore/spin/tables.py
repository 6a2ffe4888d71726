r"""The spin detector's reference tables, loaded once and compiled for speed.

``data/tables.bin.gz`` is built by ``tools/build_spin_tables.py`` from WordNet 3.0
(synonyms; see ``data/WORDNET_LICENSE``) and licence-clean news text (CC BY 4.0;
see ``data/ATTRIBUTION``), packed by :func:`pack` (the tables as the builder makes
them are kept, as JSON, in ``tools/spin_tables.json.gz``).  It holds:

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

The packed file is a JSON header line (the format, the metadata and each section's
length in bytes) followed by the sections: the pair ids as delta-coded
little-endian uint32 arrays, every word list and map as newline-separated UTF-8
text (a map's values tab-separated).  Reading it builds the look-up structures
straight from those: 0.13-0.16 s with the phrase automaton, where the same tables
from JSON took 0.18-0.19 s (fresh process, loaded machine);
``tests/test_data_formats.py`` checks that the two give identical tables.
"""

from __future__ import annotations

import gc
import gzip
import heapq
import json
import math
import re
import sys
import zlib
from array import array
from functools import lru_cache
from importlib import resources
from itertools import accumulate, repeat
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
        self._set = set(phrases)
        self._sorted: list[str] | None = None
        self._regex: re.Pattern[str] | None = None
        self._automaton: Any = None
        try:
            import ahocorasick
        except ImportError:  # pragma: no cover - a dependency; the regex gives the same matches
            return
        a = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)  # each phrase's value: its length
        for p in self._set:  # the automaton does not depend on the order phrases are added in
            if p:
                a.add_word(p)
        if len(a):
            a.make_automaton()
            self._automaton = a

    @property
    def phrases(self) -> list[str]:
        """The phrases, sorted (sorted on first use: start-up does not need the order)."""
        if self._sorted is None:
            self._sorted = sorted(self._set)
        return self._sorted

    def regex(self) -> re.Pattern[str]:
        """The equivalent regular expression (compiled on first call: slow for a large lexicon)."""
        if self._regex is None:
            body = trie_regex(p for p in self.phrases if p)
            self._regex = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])" if body else r"(?!)")
        return self._regex

    def finditer(self, text: str) -> Iterator[PhraseMatch] | Iterator[re.Match[str]]:
        if self._automaton is None:
            return self.regex().finditer(text) if self._set else iter(())
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


def _undelta(xs: Iterable[int]) -> dict[int, None]:
    """The ids, from their deltas, as the keys of a dict: ``k in ids`` as fast as a set's, but a
    dict of ints alone is not tracked by the garbage collector, where a set's 500,000 entries
    were walked by every full collection (~20 ms each) and by the first one after loading."""
    return dict.fromkeys(accumulate(xs))


def _with_capitalised(lexicon: dict[str, str]) -> dict[str, str]:
    """The lexicon plus, for a lower-case collocation, its sentence-initial form."""
    lex = dict(lexicon)
    for spun, orig in list(lex.items()):
        if spun[:1].islower():
            lex.setdefault(spun[:1].upper() + spun[1:], orig[:1].upper() + orig[1:])
    return lex


class Tables:
    """Lookup structures built from one tables dict (the shipped one by default)."""

    common: list[str]
    n_common: int
    common_index: dict[str, int]
    pairs_once: dict[int, None]  # pair ids (keys only: see _undelta)
    pairs_more: dict[int, None]
    originals: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]
    logfreq: dict[str, float]
    cache: dict[str, Any]
    lexicon: dict[str, str]
    lexicon_re: PhraseMatcher

    def __init__(self, raw: dict[str, Any]) -> None:
        self._build(
            raw["common"],
            _undelta(raw["pairs_once"]),
            _undelta(raw["pairs_more"]),
            # tuples, not lists: tuples of strings drop out of the garbage collector's
            # tracking, so ~65,000 table entries do not slow every full collection
            {k: tuple(v) for k, v in raw["originals"].items()},
            {k: tuple(v) for k, v in raw.get("synonyms", {}).items()},
            _with_capitalised(raw["lexicon"]),
        )

    def _build(self, common: list[str], pairs_once: dict[int, None], pairs_more: dict[int, None],
               originals: dict[str, tuple[str, ...]], synonyms: dict[str, tuple[str, ...]],
               lexicon: dict[str, str]) -> None:
        self.common = common
        self.n_common = len(common)
        self.common_index = {w: i for i, w in enumerate(common)}
        self.pairs_once = pairs_once
        self.pairs_more = pairs_more
        self.originals = originals
        self.synonyms = synonyms
        self.logfreq = general_logfreq()
        self.cache = {}  # derived look-ups, built by their users on first need
        # a lower-case collocation may also open a sentence (added by _with_capitalised)
        self.lexicon = lexicon
        #: finds the lexicon's phrases: ``finditer(text)`` as a compiled regex has it
        self.lexicon_re = PhraseMatcher(lexicon)

    @classmethod
    def from_packed(cls, blob: bytes) -> "Tables":
        """The tables from :func:`pack`'s bytes (gunzipped): the same as ``Tables(raw)``."""
        header, sections = _unpack(blob)
        self = cls.__new__(cls)
        self._build(
            sections["common"].split("\n"),
            _undelta(sections["pairs_once"]),
            _undelta(sections["pairs_more"]),
            _read_map(sections["originals_keys"], sections["originals_values"]),
            _read_map(sections["synonyms_keys"], sections["synonyms_values"]),
            dict(zip(sections["lexicon_keys"].split("\n"), sections["lexicon_values"].split("\n"))),
        )
        return self


#: the packed format's name and version (the header's ``format``)
PACK_FORMAT = ["credscore-spin-tables", 1]


def _read_map(keys: str, values: str) -> dict[str, tuple[str, ...]]:
    if not keys:
        return {}
    return dict(zip(keys.split("\n"), map(tuple, map(str.split, values.split("\n"), repeat("\t")))))


def _u32(xs: list[int]) -> bytes:
    a = array("I", xs)
    if a.itemsize != 4:  # pragma: no cover - every platform credscore runs on has a 4-byte unsigned int
        raise RuntimeError("array('I') is not 32-bit here")
    if sys.byteorder == "big":  # pragma: no cover
        a.byteswap()
    return a.tobytes()


def _text(s: str) -> bytes:
    return s.encode("utf-8")


def pack(raw: dict[str, Any]) -> bytes:
    """The tables dict ``tools/build_spin_tables.py`` builds, in the compact form :meth:`Tables.from_packed` reads.

    Lossless for what :class:`Tables` uses: the pair ids (already delta-coded in
    ``raw``) as uint32 arrays, the word lists and maps as text; the lexicon with
    its sentence-initial forms already added.  (Not gzipped: the caller does.)
    """
    def check(words: Iterable[str]) -> None:
        for w in words:
            if not w or "\n" in w or "\t" in w:
                raise ValueError(f"cannot pack {w!r}: empty or holds a newline or tab")

    sections: list[tuple[str, str, bytes]] = []
    check(raw["common"])
    sections.append(("common", "text", _text("\n".join(raw["common"]))))
    for key in ("pairs_once", "pairs_more"):
        deltas = list(raw[key])
        if any(d < 0 or d >= 2**32 for d in deltas):
            raise ValueError(f"{key}: a delta outside uint32")
        sections.append((key, "u32", _u32(deltas)))
    for key in ("originals", "synonyms"):
        table = raw.get(key, {})
        check(table)
        for v in table.values():
            if not v:
                raise ValueError(f"{key}: an empty list of words")
            check(v)
        sections.append((key + "_keys", "text", _text("\n".join(table))))
        sections.append((key + "_values", "text", _text("\n".join("\t".join(v) for v in table.values()))))
    lex = _with_capitalised(raw["lexicon"])
    check(lex)
    check(lex.values())
    sections.append(("lexicon_keys", "text", _text("\n".join(lex))))
    sections.append(("lexicon_values", "text", _text("\n".join(lex.values()))))
    meta = {k: v for k, v in raw.items()
            if k not in ("common", "pairs_once", "pairs_more", "originals", "synonyms", "lexicon")}
    header = {"format": PACK_FORMAT, "meta": meta, "sections": [[n, kind, len(b)] for n, kind, b in sections]}
    line = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("ascii") + b"\n"
    return line + b"".join(b for _, _, b in sections)


def _unpack(blob: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    nl = blob.index(b"\n")
    header = json.loads(blob[:nl])
    if header.get("format") != PACK_FORMAT:
        raise ValueError(f"not a packed spin tables file of format {PACK_FORMAT}: {header.get('format')!r}")
    out: dict[str, Any] = {}
    pos = nl + 1
    view = memoryview(blob)
    for name, kind, size in header["sections"]:
        chunk = view[pos:pos + size]
        pos += size
        if kind == "u32":
            a = array("I")
            a.frombytes(chunk)
            if sys.byteorder == "big":  # pragma: no cover
                a.byteswap()
            out[name] = a
        elif kind == "text":
            out[name] = str(chunk, "utf-8")
        else:
            raise ValueError(f"unknown section kind {kind!r}")
    if pos != len(blob):
        raise ValueError("packed spin tables: trailing or missing bytes")
    return header, out


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


#: the shipped tables, packed (:func:`pack`) and gzipped
PACKED = "tables.bin.gz"


def load_packed(path: str | Path | None = None) -> bytes:
    """The shipped tables as :func:`pack` wrote them (gunzipped), or those of the file at ``path``.

    A missing, truncated or corrupt file is a :class:`~credscore.errors.ModelError`, as for
    every other model file (the ``models/`` files go through
    :func:`credscore.score.read_model_file`; these tables are package data of
    ``credscore.spin.data``, so they are read here).
    """
    try:
        if path is None:
            blob = resources.files(_DATA).joinpath(PACKED).read_bytes()
        else:
            blob = Path(path).read_bytes()
        return gzip.decompress(blob)
    except (ImportError, OSError, EOFError, zlib.error) as e:
        raise ModelError(f"cannot read the spin tables {path or PACKED}: {e}") from e


def load(path: str | Path | None = None) -> Tables:
    """The tables of the packed file at ``path`` (default: the shipped ones, uncached).

    A file that is missing, not gzip, or not :func:`pack`'s format is a
    :class:`~credscore.errors.ModelError`.
    """
    blob = load_packed(path)
    try:
        return Tables.from_packed(blob)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        raise ModelError(f"the spin tables {path or PACKED} are not packed spin tables: {e}") from e


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The shipped tables (loaded and compiled on first use, then cached).

    The garbage collector is paused while they load: the ~60,000 tuples made on
    the way would otherwise set off collections that walk everything already
    loaded.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load()
    finally:
        if enabled:
            gc.enable()
