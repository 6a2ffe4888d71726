"""Match the chrome phrase table (:mod:`.phrases`) against a block's text.

Each role of the table becomes one case-insensitive alternation, a named group per kind
in the table's order (``m.lastgroup`` names the kind):

* :func:`match_kind` -- the kind whose ``rules`` a short block matches, or None;
* :func:`opener_kind` -- the wall kind a block opens (``openers``);
* ``CONTINUATION_RE`` -- a block inside a wall that keeps it going;
* ``INLINE_RE`` -- chrome cut out of a kept block (``finditer``);
* :func:`cue_hits` -- per cue kind (:data:`CUE_KINDS`), the share of a block its cues
  cover: the block model's ``lex_<kind>`` features.

Hundreds of alternatives tried at every position cost microseconds per character, and
most blocks contain none of them.  So every pattern's *required literals* are read off
its parsed form (literals one of which each match contains), all of them go into one
Aho-Corasick automaton per role (``pyahocorasick``; a substring scan without it), and a
text is matched with only the patterns whose literals it contains, each compiled alone
on first use: the leftmost match wins, and at one position the pattern listed first --
exactly the matches of the whole alternation (``tests/test_chrome_lexicon_speed.py``
checks it on every line of real pages).  Nothing is built at import.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any, Iterator

from ..text import automaton
from .phrases import CONTINUATION, CUE_KINDS, STRUCTURAL_KINDS, TABLE, patterns

#: A block longer than this is never removed by a rule alone.
MAX_WORDS = 30
#: … nor one longer than this many characters (30 words of chrome fit easily).  Capping
#: the length keeps the per-block regex cost bounded: some patterns backtrack
#: quadratically inside one long token ("a_-_-_-…" against the icon-font pattern).
MAX_CHARS = 1000

#: Every label a block can get: the table's kinds, then the structural ones.
KINDS: tuple[str, ...] = tuple(TABLE) + STRUCTURAL_KINDS

# --------------------------------------------------------------------------- required literals
try:  # Python 3.11+
    import re._constants as _C
    import re._parser as _P
    from re._casefix import _EXTRA_CASES

    _EQ: tuple[tuple[int, ...], ...] = tuple((k, *v) for k, v in _EXTRA_CASES.items())
except ImportError:  # Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]
    from sre_compile import _equivalences as _EQ  # type: ignore[no-redef,attr-defined]


def _required(seq) -> frozenset[str] | None:  # type: ignore[no-untyped-def]
    """Literals one of which occurs in every match of parsed ``seq`` (None: none known)."""
    best: frozenset[str] | None = None

    def consider(s: frozenset[str] | None) -> None:
        nonlocal best
        if s and all(s) and (best is None or min(map(len, s)) > min(map(len, best))):
            best = s

    run = ""
    for op, av in seq:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        if op is _C.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _C.BRANCH:
            subs = [_required(b) for b in av[1]]
            if all(subs):
                consider(frozenset().union(*subs))  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider(frozenset([run]) if run else None)
    return best


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased literals one of which every case-insensitive match of ``pattern`` contains."""
    req = _required(_P.parse(pattern, re.IGNORECASE))
    return frozenset(t.lower() for t in req) if req else None


def _fold_odd(chars: set[str]) -> re.Pattern[str]:
    """Characters that IGNORECASE matches against one of ``chars`` although ``str.lower()``
    does not map them onto it ("ſ" matches "s", "ᲁ" matches "о"), and the two whose
    ``lower()`` is longer or depends on context ("İ", final "Σ")."""
    odd = {chr(c) for group in _EQ for c in group for lit in group
           if chr(lit) in chars and chr(c).lower() != chr(lit)}
    odd |= {"\u0130", "\u03a3"}
    return re.compile("[" + re.escape("".join(sorted(odd))) + "]")


class Gated:
    """An ordered alternation, matched through only the patterns a text can match.

    ``entries`` are ``(kind, pattern)`` in priority order; ``wrap`` turns a pattern into
    its alternative of the whole alternation (the reference, :attr:`full`).  A text is
    matched with the entries whose required literals occur in it (entries without one
    always take part), each compiled alone on first use: the leftmost match wins, the
    earlier entry at one position -- what the alternation does.
    """

    def __init__(self, entries: list[tuple[str, str]], wrap: Any = None, prefix: str = "") -> None:
        self.entries = entries
        self.kinds = [k for k, _ in entries]
        self._wrap = wrap or (lambda p: f"(?:{p})")
        self._prefix = prefix
        self._one: list[re.Pattern[str] | None] = [None] * len(entries)
        self._always = 0
        by_lit: dict[str, int] = {}
        self._may_be_empty = False
        for i, (_, p) in enumerate(entries):
            lits = required_literals(p)
            self._may_be_empty |= _P.parse(p, re.IGNORECASE).getwidth()[0] == 0
            # no literal, or a short ASCII one ("x", "ad": everywhere, and the patterns
            # that need them are anchored or rare): the pattern always takes part
            if lits is None or any(len(t) <= 2 and t.isascii() for t in lits):
                self._always |= 1 << i
                continue
            for t in lits:
                by_lit[t] = by_lit.get(t, 0) | (1 << i)
        self._lits = by_lit
        self._odd = _fold_odd({c for t in by_lit for c in t})
        # None without pyahocorasick: candidates() then scans for each literal
        self._automaton: Any = automaton(by_lit.items())

    @cached_property
    def full(self) -> re.Pattern[str]:
        """The whole alternation, a named group per kind (the reference the gate agrees with)."""
        by_kind: dict[str, list[str]] = {}
        for kind, p in self.entries:
            by_kind.setdefault(kind, []).append(self._wrap(p))
        body = "|".join(f"(?P<{kind}>{'|'.join(alts)})" for kind, alts in by_kind.items())
        return re.compile(f"{self._prefix}(?:{body})" if body else "(?!)", re.IGNORECASE)

    def _rx(self, i: int) -> re.Pattern[str]:
        rx = self._one[i]
        if rx is None:
            rx = self._one[i] = re.compile(self._prefix + self._wrap(self.entries[i][1]), re.IGNORECASE)
        return rx

    def candidates(self, text: str) -> list[int]:
        """The entries that may match ``text``, in priority order."""
        if not text.isascii() and self._odd.search(text):
            return list(range(len(self.entries)))
        mask = self._always
        if self._automaton is not None:
            for _, m in self._automaton.iter(text.lower()):
                mask |= m
        else:  # pragma: no cover
            low = text.lower()
            for t, m in self._lits.items():
                if t in low:
                    mask |= m
        out = []
        while mask:
            bit = mask & -mask
            out.append(bit.bit_length() - 1)
            mask ^= bit
        return out

    def search(self, text: str) -> tuple[int, int, str] | None:
        """``(start, end, kind)`` of the alternation's first match, or None."""
        best: re.Match[str] | None = None
        kind = ""
        for i in self.candidates(text):
            m = self._rx(i).search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best, kind = m, self.kinds[i]
        return (best.start(), best.end(), kind) if best is not None else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, kind)`` of each match of the alternation's ``finditer``.

        A pattern's leftmost match at or after the scan position is kept until the scan
        passes its start (a match at a position does not depend on where the search began).
        """
        ids = self.candidates(text)
        if ids and self._may_be_empty:  # empty matches: let re step over them
            for m in self.full.finditer(text):
                yield m.start(), m.end(), m.lastgroup or ""
            return
        nxt = {i: self._rx(i).search(text) for i in ids}
        pos = 0
        while True:
            best: re.Match[str] | None = None
            kind = ""
            for i in ids:
                m = nxt[i]
                if m is not None and m.start() < pos:
                    m = nxt[i] = self._rx(i).search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best, kind = m, self.kinds[i]
            if best is None:
                return
            yield best.start(), best.end(), kind
            pos = best.end()


def _cue(f: str) -> str:
    """A cue ends at a word end where it ends in a letter."""
    return f"(?:{f})" + (r"(?!\w)" if f[-1:].isalpha() else "")


def _entries(role: str, kinds: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind in kinds:
        seen: set[str] = set()
        pats = []
        for p in patterns(role, kind):
            if p not in seen:
                seen.add(p)
                pats.append(p)
        if role == "cues":  # within a kind the longer cue is tried first
            pats.sort(key=len, reverse=True)
        out += [(kind, p) for p in pats]
    return out


@lru_cache(maxsize=None)
def gate(role: str) -> Gated:
    """The :class:`Gated` matcher of one role of the table (built on first use)."""
    if role == "cues":
        # every cue match starts at a word start
        return Gated(_entries("cues", CUE_KINDS), _cue, prefix=r"(?<!\w)")
    return Gated(_entries(role, [k for k in TABLE if getattr(TABLE[k], role)]))


@lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return re.compile("|".join(p for pats in CONTINUATION.values() for p in pats), re.IGNORECASE)


# The whole alternations, compiled on first access: LINE_RE/OPENER_RE/ANY_RE are the
# references the gated search answers as (tests and regex audits read them).
__lazy_patterns__ = ("LINE_RE", "OPENER_RE", "INLINE_RE", "CONTINUATION_RE", "ANY_RE")


def __getattr__(name: str) -> object:
    if name == "LINE_RE":
        return gate("rules").full
    if name == "OPENER_RE":
        return gate("openers").full
    if name == "INLINE_RE":
        return gate("inline").full
    if name == "ANY_RE":
        return gate("cues").full
    if name == "CONTINUATION_RE":
        return _continuation_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- public
def is_icon_font(text: str) -> bool:
    """A run of icon-font class names ("icon bookmark-bicon bookmarkicon cameraicon …")."""
    if "icon" not in text.lower():  # two tokens at least must say it
        return False
    tokens = text.split()
    return len(tokens) >= 6 and sum(1 for t in tokens if "icon" in t.lower()) >= 0.3 * len(tokens)


@lru_cache(maxsize=50_000)
def match_kind(text: str) -> str | None:
    """The chrome kind a block's text announces (``LINE_RE.search``'s group), or None
    (always None above ``MAX_CHARS``; cached: menus repeat)."""
    if len(text) > MAX_CHARS:
        return None
    m = gate("rules").search(text)
    return m[2] if m else None


@lru_cache(maxsize=50_000)
def opener_kind(text: str) -> str | None:
    """The wall kind this block opens, or None (always None above ``MAX_CHARS``; cached)."""
    if len(text) > MAX_CHARS:
        return None
    m = gate("openers").search(text)
    return m[2] if m else None


def continues_wall(text: str) -> bool:
    """A block inside a wall that keeps addressing the reader about its business."""
    return _continuation_re().search(text) is not None


def inline_cuts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the chrome inside a kept block (photo credits)."""
    return list(gate("inline").finditer(text))


_KIND_INDEX = {k: i for i, k in enumerate(CUE_KINDS)}
_NO_HITS = (0.0,) * len(CUE_KINDS)


def cue_hits(text: str) -> tuple[float, ...]:
    """Per kind of :data:`CUE_KINDS`, the share of ``text`` its cues cover (at most 1)."""
    out: list[float] | None = None
    n = len(text)
    for a, z, kind in gate("cues").finditer(text):
        if out is None:
            out = [0.0] * len(CUE_KINDS)
        out[_KIND_INDEX[kind]] += (z - a) / n
    return _NO_HITS if out is None else tuple(min(1.0, v) for v in out)
