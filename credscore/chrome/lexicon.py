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
Aho-Corasick automaton (``pyahocorasick``; a substring scan without it), and a text is
searched with the alternation of only those patterns whose literals it contains, in
the table's order.  That gives exactly the matches of the whole alternation (a pattern
that cannot match anywhere in the text never wins anywhere);
``tests/test_chrome_lexicon_speed.py`` checks it on every line of real pages.  The
automata and regexes are built on first use, not at import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

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
    """An ordered alternation searched through only the patterns a text can match.

    ``entries`` are ``(kind, pattern)`` in priority order; ``build`` turns a sub-list of
    them into the compiled alternation (the same shape for all of them and for the
    sub-lists).  :meth:`regex_for` returns the alternation of the entries whose required
    literals occur in the lower-cased text (entries without one always take part), or
    None when none can match.
    """

    def __init__(self, entries: list[tuple[str, str]], build: Any) -> None:
        self.entries = entries
        self._build = build
        self._always = 0
        by_lit: dict[str, int] = {}
        for i, (_, p) in enumerate(entries):
            lits = required_literals(p)
            if lits is None:
                self._always |= 1 << i
                continue
            for t in lits:
                by_lit[t] = by_lit.get(t, 0) | (1 << i)
        self._lits = by_lit
        self._odd = _fold_odd({c for t in by_lit for c in t})
        self._automaton: Any = None
        try:
            import ahocorasick
        except ImportError:  # pragma: no cover - a dependency; the substring scan gives the same answer
            return
        a = ahocorasick.Automaton()
        for t, mask in by_lit.items():
            a.add_word(t, mask)
        a.make_automaton()
        self._automaton = a

    @property
    def full(self) -> re.Pattern[str]:
        """The whole alternation (the reference the gate must agree with)."""
        return self._compiled((1 << len(self.entries)) - 1)

    @lru_cache(maxsize=4096)  # noqa: B019 - few long-lived instances, one per role
    def _compiled(self, mask: int) -> re.Pattern[str]:
        return self._build([e for i, e in enumerate(self.entries) if mask >> i & 1])

    def mask(self, text: str) -> int:
        """Bit i set where entry i may match ``text``."""
        if not text.isascii() and self._odd.search(text):
            return (1 << len(self.entries)) - 1
        low = text.lower()
        mask = self._always
        if self._automaton is not None:
            for _, m in self._automaton.iter(low):
                mask |= m
        else:  # pragma: no cover
            for t, m in self._lits.items():
                if t in low:
                    mask |= m
        return mask

    def regex_for(self, text: str) -> re.Pattern[str] | None:
        mask = self.mask(text)
        return self._compiled(mask) if mask else None

    def search(self, text: str) -> re.Match[str] | None:
        rx = self.regex_for(text)
        return rx.search(text) if rx is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        rx = self.regex_for(text)
        return rx.finditer(text) if rx is not None else iter(())


def _named(entries: list[tuple[str, str]]) -> re.Pattern[str]:
    """One group per kind, in order: ``(?P<kind>(?:p1)|(?:p2))|…``."""
    by_kind: dict[str, list[str]] = {}
    for kind, p in entries:
        by_kind.setdefault(kind, []).append(p)
    parts = [f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats)})" for kind, pats in by_kind.items()]
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


def _cue_alternation(entries: list[tuple[str, str]]) -> re.Pattern[str]:
    """Cues: every match starts at a word start (one look-behind up front lets the engine
    skip the alternatives at all other positions) and, where the cue ends in a letter,
    ends at a word end; within a kind the longer cue is tried first."""
    by_kind: dict[str, list[str]] = {}
    for kind, f in entries:
        by_kind.setdefault(kind, []).append(f)
    parts = []
    for kind, frags in by_kind.items():
        alts = "|".join(f"(?:{f})" + (r"(?!\w)" if f[-1:].isalpha() else "")
                        for f in sorted(frags, key=len, reverse=True))
        parts.append(f"(?P<{kind}>{alts})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")" if parts else "(?!)", re.IGNORECASE)


def _entries(role: str, kinds: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind in kinds:
        seen: set[str] = set()
        for p in patterns(role, kind):
            if p not in seen:
                seen.add(p)
                out.append((kind, p))
    return out


@lru_cache(maxsize=None)
def gate(role: str) -> Gated:
    """The :class:`Gated` matcher of one role of the table (built on first use)."""
    if role == "cues":
        return Gated(_entries("cues", CUE_KINDS), _cue_alternation)
    return Gated(_entries(role, [k for k in TABLE if getattr(TABLE[k], role)]), _named)


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
    tokens = text.split()
    return len(tokens) >= 6 and sum(1 for t in tokens if "icon" in t.lower()) >= 0.3 * len(tokens)


@lru_cache(maxsize=50_000)
def match_kind(text: str) -> str | None:
    """The chrome kind a block's text announces (``LINE_RE.search``'s group), or None
    (always None above ``MAX_CHARS``; cached: menus repeat)."""
    if len(text) > MAX_CHARS:
        return None
    m = gate("rules").search(text)
    return m.lastgroup if m else None


@lru_cache(maxsize=50_000)
def opener_kind(text: str) -> str | None:
    """The wall kind this block opens, or None (always None above ``MAX_CHARS``; cached)."""
    if len(text) > MAX_CHARS:
        return None
    m = gate("openers").search(text)
    return m.lastgroup if m else None


def continues_wall(text: str) -> bool:
    """A block inside a wall that keeps addressing the reader about its business."""
    return _continuation_re().search(text) is not None


def inline_cuts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the chrome inside a kept block (photo credits)."""
    return [(m.start(), m.end(), m.lastgroup or "boilerplate") for m in gate("inline").finditer(text)]


_KIND_INDEX = {k: i for i, k in enumerate(CUE_KINDS)}


def cue_hits(text: str) -> tuple[float, ...]:
    """Per kind of :data:`CUE_KINDS`, the share of ``text`` its cues cover (at most 1)."""
    out = [0.0] * len(CUE_KINDS)
    if not text:
        return tuple(out)
    rx = gate("cues").regex_for(text)
    if rx is None:
        return tuple(out)
    n = len(text)
    for m in rx.finditer(text):
        out[_KIND_INDEX[m.lastgroup]] += (m.end() - m.start()) / n  # type: ignore[index]
    return tuple(min(1.0, v) for v in out)
