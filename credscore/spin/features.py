"""Measure how spun a text looks: fingerprints (layer 1) and statistics (layer 2).

A *spinner* rewrites an article word by word with a thesaurus so that it passes
as new: "Associated Press" becomes "Related Press", "said" becomes "mentioned",
"natural gas" becomes "pure fuel".  The output keeps the grammar and the facts
but loses the *collocations* — the word pairs real writers use together.

Layer 1, fingerprints (each a strong sign on its own, each with evidence):

* spintax residue: ``{hardware}``, ``{good|great|fine}`` — the spinner's own
  template syntax left in the output;
* the lexicon: spun renderings of frequent news names and collocations,
  generated at build time (see :mod:`credscore.spin.tables`);
* "mentioned"/"stated" in the reporting position where news writes "said"
  (``…,” Rahmat mentioned.``);
* a digit standing in for a number word (``the 2 international locations``):
  news style spells out small numbers, spinners replace "two" by its synonym "2".

Layer 2, statistics (weak alone, strong in numbers):

* ``unseen_pair_share``: of the adjacent pairs of common words, the share the
  reference news text never uses; ``unseen_content_share`` the same among pairs
  with a content word; ``strong_content_share`` the share of those pairs that the
  reference uses twice or more (spinning breaks collocations);
* ``repairable_per_1k``: adjacent pairs that the reference never uses but *does*
  use once one word is put back to a more frequent synonym ("clear vitality" ->
  "clear energy"): a substitution caught in the act, with the original named;
* ``rare_synonym_per_1k``: words that are a rarer synonym of a common word;
* ``content_rarity``: how rare, in general English (wordfreq), the lower-case
  content words are on average (a thesaurus swaps common words for rarer ones,
  whatever thesaurus it is);
* ``lm_better_per_1k``: lower-case words with a candidate original at least 30
  times as frequent in general English that fits the neighbouring words better
  by Google Books pair counts (:mod:`.bigrams`): a language model's judgement
  of the swap, the original named; distinct words counted;
* ``thesaurus_odd_per_1k``: lower-case content words that have a WordNet
  synonym (from any sense) at least a hundred times as frequent in general English
  *and* neither of whose adjacent pairs the reference uses: a word that is both
  a rare choice and out of place, whichever thesaurus put it there.  Distinct
  words are counted (a topic's rare term repeats; a spinner's choices scatter).

Counts are per 1,000 words so that long documents are not favoured.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import reduce
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import add, is_not, itemgetter
from typing import Any

import numpy as np

from ..text import TextView, per_thousand
from .bigrams import Bigrams, default_bigrams
from .tables import Tables

# {hardware} or {a|b|c}: spintax left in the text.  Words only, so CSS/JSON/code
# ("{display: none}", "{0}", "{{name}}") does not count.
SPINTAX_RE = re.compile(r"(?<!\{)\{([A-Za-z][A-Za-z' -]{1,40}(?:\|[A-Za-z][A-Za-z' -]{0,40})*)\}(?!\})")

_SUBJECT = r"(?:he|she|they|He|She|They|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})"
_WHEN = r"(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in a (?:statement|press release|interview|post|tweet)|last week|this week|earlier|later|at the time)"
# "mentioned"/"stated" where news says "said": after a closing quote, before a
# colon or full stop, or after a subject and before "on Monday"/"in a statement"/a clause.
SAID_SPUN_RE = re.compile(
    r"[,.!?][\"”’]\s+" + _SUBJECT + r"\s+(mentioned|stated)\b"
    + r"|[\"”’],?\s+(mentioned|stated)\s+" + _SUBJECT
    + r"|(?<![Aa]s )(?<!been )(?<!was )(?<!were )(?<!is )(?<!be )(?<!also )(?<!not )(?<!the )\b" + _SUBJECT
    + r" (mentioned|stated)(?=:|\.|,? " + _WHEN + r"| that | there | the | it | he | she | they | we | this | Russia | [A-Z][a-z]+ (?:is|was|has|had|will|would))"
)
# "said"/"says"/"told" and "mentioned"/"stated" as whole words.  No leading ``\b``:
# the pattern starts with a literal, so the engine skips ahead to each "s"/"t"
# instead of trying every position; the left word boundary is checked on the match
# (a match can only be refused inside a word, and no match can start inside one).
_SAID_FAST_RE = re.compile(r"(?:s(?:aid|ays)|told)\b")
_MS_FAST_RE = re.compile(r"(?:mentioned|stated)\b")
_WORD_CHAR_RE = re.compile(r"\w")

_NUMWORD = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}
# "the 2 international locations", "for 2 causes": a lone digit as a determiner-led
# count of a plural noun (units, times and dates excluded).
_DET = frozenset("the for these those all of with by his her their its our between".split())
# candidates: a lone digit 2-9 followed by a lower-case word; then the word before
# must be a determiner and the words after a plural noun phrase that is not a unit.
# Not after a word character, ``.,$£€/:-`` (_DIGIT_BEFORE_RE): checked on each match
# rather than as a look-behind, so that the engine skips to each digit.  A refused
# match covers a digit and a space, where no other match can start.
_DIGIT_FAST_RE = re.compile(r"([2-9]) (?=[a-z])")
_DIGIT_BEFORE_RE = re.compile(r"[\w.,$£€/:-]")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+) $")
DIGIT_TAIL_RE = re.compile(
    r"(?!(?:percent|per|million|billion|trillion|thousand|hundred|days?|weeks?|months?|years?|hours?|"
    r"minutes?|seconds?|miles?|feet|foot|inches|pounds?|points?|degrees?|times?|p\.m|a\.m|am|pm|of|to|and|or|in|"
    r"on|at|out|kilometers?|kilometres?|meters?|metres?|km|kg|mph|ounces?|cups?|tablespoons?|teaspoons?|"
    r"grams?|gallons?|liters?|litres?|yards?|acres?|goals?|runs?|games?|sets?|rounds?|innings|laps?|stars?|"
    r"seasons?|episodes?|pieces?)\b)"
    r"(?:[a-z]+ ){0,2}?[a-z]{3,}s\b"
)

_TOP_BUCKET = 12  # words at or above ~1 in 1,000 count as not rare at all
_STOP = frozenset("""that this with from have were been they their there what which when where would could
should about after before into over than then them these those will your just only also more most some such
very said says""".split())

# function words: a pair of two of these says nothing about spinning
_STOP_SHORT = frozenset("""a an the of to in on at by for with from and or but as is are was were be been it its
this that he she they we you i his her their our your not no so if than then there what which who when
has have had will would can could do does did said says""".split())

FEATURES = (
    "spintax_per_1k",
    "lexicon_per_1k",
    "said_spun_per_1k",
    "said_spun_share",
    "digit_per_1k",
    "unseen_pair_share",
    "unseen_content_share",
    "strong_content_share",
    "repairable_per_1k",
    "rare_synonym_per_1k",
    "content_rarity",
    "thesaurus_odd_per_1k",
    "lm_better_per_1k",
)
#: a commoner synonym must be this many zipf units (decades) more frequent
_ODD_GAP = 2.0
#: language-model evidence: a candidate original this many decades commoner than the word ...
_LM_GAP = 1.5
#: ... that fits the neighbouring words this much better (pair score: 1 + half-nats over the list's floor)
_LM_MARGIN = 1.0


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: ``text[start:end]``, what it is, and the likely original."""

    start: int
    end: int
    kind: str  # spintax | lexicon | said | digit | pair | word
    spun: str
    original: str

    @property
    def note(self) -> str:
        if self.kind == "spintax":
            return f"spintax residue: '{self.spun}' → '{self.original}'"
        if self.kind in ("pair", "word"):
            return f"spun? '{self.spun}' → '{self.original}'"
        if self.kind == "digit":
            return f"spun: '{self.spun}' → '{self.original}' (digit for a number word)"
        return f"spun: '{self.spun}' → '{self.original}'"


@dataclass
class Measures:
    """The feature vector (``FEATURES`` order) plus the raw counts and findings."""

    values: dict[str, float]
    counts: dict[str, int]
    findings: list[Finding]

    def vector(self) -> list[float]:
        return [self.values[f] for f in FEATURES]


def _default_info(w: str) -> tuple[int, bool, float, bool, str | None]:
    """Word info for a word in none of the tables: unknown, and as rare as it gets."""
    return (-1, False, _TOP_BUCKET if len(w) > 3 and w not in _STOP else -1, False, None)


_MEMO_MAX = 100_000  # words memoised per look-up table before it starts afresh (bounded memory)


def _floor(tables: Tables) -> float:
    """The rarest general-English frequency: a word outside the list is rare, but no rarer
    than its last entry can tell ("whirligig" is not 10^6 times rarer than "top")."""
    f = tables.cache.get("lf_floor")
    if f is None:
        f = tables.cache["lf_floor"] = min(tables.logfreq.values(), default=0.0)
    return f


def _word_info(tables: Tables) -> "_WordInfo":
    """Per-word facts, computed for each word on first sight and memoised per :class:`Tables`.

    (common id or -1, rare synonym?, rarity or -1, function word?, a synonym at
    least ``_ODD_GAP`` decades more frequent or None).  ``info.get(w)`` as for a dict.
    """
    cached = tables.cache.get("word_info")
    if cached is None:
        cached = tables.cache["word_info"] = _WordInfo(tables)
    return cached


class _LazyMemo:
    """A word -> value map computed on first sight (:meth:`_compute`) and memoised, bounded by
    ``_MEMO_MAX`` words (then it starts afresh)."""

    __slots__ = ("memo",)

    def __init__(self) -> None:
        self.memo: dict[str, Any] = {}

    def get(self, w: str) -> Any:
        v = self.memo.get(w)
        if v is None:
            v = self._compute(w)
            if len(self.memo) >= _MEMO_MAX:
                self.memo.clear()
            self.memo[w] = v
        return v

    def _compute(self, w: str) -> Any:
        raise NotImplementedError


class _WordInfo(_LazyMemo):
    """Lazy word -> facts map: :func:`_default_info` for a word no table knows."""

    __slots__ = ("cidx", "originals", "lf", "syn", "floor")

    def __init__(self, tables: Tables) -> None:
        super().__init__()
        self.cidx = tables.common_index
        self.originals = tables.originals
        self.lf = tables.logfreq
        self.syn = tables.synonyms
        self.floor = _floor(tables)

    def _compute(self, w: str) -> tuple[int, bool, float, bool, str | None]:
        lf = self.lf
        syn = self.syn
        if not (w in self.cidx or w in self.originals or w in lf or w in syn or w in _STOP_SHORT):
            return _default_info(w)
        commoner = None
        if not (len(w) < 3 or w in _STOP_SHORT or w in _STOP):
            gap = 2 * _ODD_GAP  # logfreq is in half-decades
            fw = lf.get(w, self.floor)
            for o in syn.get(w, ()):
                if lf.get(o, 0.0) - fw >= gap:
                    commoner = o
                    break
        return (
            self.cidx.get(w, -1),
            w in self.originals,
            max(0.0, _TOP_BUCKET - lf.get(w, 0.0)) if len(w) > 3 and w not in _STOP else -1,
            w in _STOP_SHORT,
            commoner,
        )


class _LmCandidates(_LazyMemo):
    """Lazy word -> candidate originals (``()`` for none), memoised per :class:`Tables`."""

    __slots__ = ("originals", "synonyms", "lf", "floor")

    def __init__(self, tables: Tables) -> None:
        super().__init__()
        self.originals = tables.originals
        self.synonyms = tables.synonyms
        self.lf = tables.logfreq
        self.floor = _floor(tables)

    def _compute(self, w: str) -> tuple[str, ...]:
        if len(w) < 3 or w in _STOP_SHORT or w in _STOP:
            return ()
        lf = self.lf
        fw = lf.get(w, self.floor)
        gap = 2 * _LM_GAP
        acc: tuple[str, ...] = ()
        for table in (self.originals, self.synonyms):
            cands = table.get(w)
            if not cands:
                continue
            good = tuple(o for o in cands if lf.get(o, 0.0) - fw >= gap and o not in acc)
            if good:
                acc = acc + good
        return acc


def _lm_candidates(tables: Tables) -> _LmCandidates:
    """Word -> candidate originals at least ``_LM_GAP`` decades commoner in general English
    (from the ``originals`` and ``synonyms`` tables), computed per word on first sight."""
    cached = tables.cache.get("lm_cands")
    if cached is None:
        cached = tables.cache["lm_cands"] = _LmCandidates(tables)
    return cached


def _lm_findings(text: str, view: TextView, tables: Tables, bigrams: Bigrams) -> list[tuple[int, str]]:
    """Lower-case words whose commoner candidate original fits the neighbouring words better
    in general English (Google Books pairs): ``[(word index, original)]``."""
    cands = _lm_candidates(tables)
    low = view.words_lower
    words = view.words
    spans = view.word_spans
    n = len(low)
    cget = cands.get
    # the memo's answers in one C pass (True: not met before); only the words with candidates,
    # or not met before, are looked at: a word not met before is computed (lower-case ones only)
    maybe = compress(range(n), map(cands.memo.get, low, repeat(True)))
    todo = [i for i in maybe if words[i].islower() and cget(low[i])]
    if not todo:
        return []
    key = bigrams.key
    # neighbours joined by one space only (a sentence break is no context)
    def prev(i: int) -> str | None:
        return low[i - 1] if i and spans[i][0] - spans[i - 1][1] == 1 and text[spans[i - 1][1]] == " " else None

    def nxt(i: int) -> str | None:
        return low[i + 1] if i + 1 < n and spans[i + 1][0] - spans[i][1] == 1 and text[spans[i][1]] == " " else None

    keys: list[int] = []
    layout = []
    for i in todo:
        p, q = prev(i), nxt(i)
        opts = (low[i],) + cget(low[i])
        for x in opts:
            keys.append(key(p, x) if p else -1)
            keys.append(key(x, q) if q else -1)
        layout.append((i, opts))
    sc = bigrams.scores(keys)
    out = []
    k = 0
    for i, opts in layout:
        fits = [sc[k + 2 * j] + sc[k + 2 * j + 1] for j in range(len(opts))]
        k += 2 * len(opts)
        j = max(range(1, len(opts)), key=fits.__getitem__)
        if fits[j] - fits[0] >= _LM_MARGIN:
            out.append((i, opts[j]))
    return out


def _pair_arrays(tables: Tables) -> tuple[np.ndarray, np.ndarray]:
    """``pairs_once`` and ``pairs_more`` as sorted arrays, built on first use (~7 ms) and kept
    per :class:`Tables`: a binary search in a 1 MB array beats a look-up per pair in a
    270,000-key dict (three cache misses each), 0.1 against 0.15-0.3 ms per 5 KB article."""
    cached = tables.cache.get("pair_arrays")
    if cached is None:
        dtype = np.uint32 if tables.n_common**2 < 2**32 else np.int64
        arrays = []
        for ids in (tables.pairs_once, tables.pairs_more):
            a = np.fromiter(ids, dtype, len(ids))
            if len(a) > 1 and not (a[1:] > a[:-1]).all():
                a = np.unique(a)
            arrays.append(a)
        cached = tables.cache["pair_arrays"] = (arrays[0], arrays[1])
    return cached


def _members(sorted_ids: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Per query: is it one of ``sorted_ids``?"""
    if not len(sorted_ids) or not len(q):
        return np.zeros(len(q), dtype=bool)
    # queries in order: each search starts where the last one ended (numpy keeps the bound)
    order = np.argsort(q, kind="stable")
    qs = q[order]
    pos = np.minimum(np.searchsorted(sorted_ids, qs), len(sorted_ids) - 1)
    out = np.empty(len(q), dtype=bool)
    out[order] = sorted_ids[pos] == qs
    return out


class _Taken:
    """Character spans already reported; overlap tests in O(log n) (bisect on starts)."""

    __slots__ = ("starts", "reach")

    def __init__(self, findings: list[Finding]) -> None:
        spans = sorted((f.start, f.end) for f in findings)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # max end among the first k

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b)  # spans starting before b
        return k > 0 and self.reach[k - 1] > a


def measure(
    text: str, view: TextView, tables: Tables, bigrams: Bigrams | None = None, *, lm: bool = True
) -> Measures:
    """Compute every feature of ``text`` (its shared tokenisation ``view``) in a few linear passes.

    ``bigrams``: the general-English pair counts (the shipped ones by default); ``lm=False``
    leaves the language-model evidence out (``lm_better_per_1k`` = 0).
    """
    n = view.n_words
    findings: list[Finding] = []

    # -- layer 1 --------------------------------------------------------------
    n_spintax = 0
    for m in SPINTAX_RE.finditer(text) if "{" in text else ():
        n_spintax += 1
        findings.append(Finding(m.start(), m.end(), "spintax", m.group(), m.group(1).split("|")[0]))

    lex = tables.lexicon
    n_lex = 0
    for m in tables.lexicon_re.finditer(text):
        n_lex += 1
        findings.append(Finding(m.start(), m.end(), "lexicon", m.group(), lex[m.group()]))

    n_said_spun = 0
    wchar = _WORD_CHAR_RE.match
    for c in _MS_FAST_RE.finditer(text):  # check the full pattern only around each candidate
        if c.start() and wchar(text, c.start() - 1):
            continue  # inside a word: no word boundary before it
        m = SAID_SPUN_RE.search(text, max(0, c.start() - 60), min(len(text), c.end() + 60))
        while m is not None:
            g = next(i for i in (1, 2, 3) if m.group(i))
            if m.span(g) == c.span():
                n_said_spun += 1
                findings.append(Finding(c.start(), c.end(), "said", c.group(), "said"))
                break
            if m.end() > c.end() + 60 or m.start() >= c.start():
                break
            m = SAID_SPUN_RE.search(text, m.start() + 1, min(len(text), c.end() + 60))
    n_said = sum(1 for m in _SAID_FAST_RE.finditer(text) if not (m.start() and wchar(text, m.start() - 1)))

    n_digit = 0
    before = _DIGIT_BEFORE_RE.match
    for m in _DIGIT_FAST_RE.finditer(text):
        if m.start() and before(text, m.start() - 1):
            continue  # after a word character or .,$£€/:-
        pw = _PREV_WORD_RE.search(text, max(0, m.start() - 12), m.start())
        if pw is None or pw.group(1).lower() not in _DET or not DIGIT_TAIL_RE.match(text, m.end()):
            continue
        n_digit += 1
        d = m.group(1)
        findings.append(Finding(m.start(1), m.end(1), "digit", d, _NUMWORD[d]))

    # -- layer 2 --------------------------------------------------------------
    spans = view.word_spans
    low = view.words_lower
    words = view.words
    originals = tables.originals
    cidx = tables.common_index
    nc = tables.n_common
    more = tables.pairs_more
    info = _word_info(tables)
    # one look-up per word: (common id or -1, rare synonym?, rarity or -1, function word?, commoner synonym)
    iget = info.get
    infos = list(map(info.memo.get, low))  # the memo's answers in one C pass
    if None in infos:  # words not met before (or since the memo last started afresh)
        infos = [iget(w) if inf is None else inf for w, inf in zip(low, infos)]
    # the columns of the per-word facts, and the masks below, in C passes rather than a Python
    # loop per word; only the few unseen pairs and candidate words are looked at one by one
    n_rare = rar_sum = n_content = 0
    odd_cands: list[int] = []  # lower-case words that have a much commoner synonym
    n_unseen = n_repair = n_common_pairs = 0
    n_content_pairs = n_content_unseen = n_content_strong = 0
    seen = np.zeros(len(low) + 1, dtype=bool)  # seen[i]: the reference uses the pair (word i, word i+1)
    taken = _Taken(findings)
    if infos:
        # each column read in one C pass, into numpy where a mask is made of it (not zip(*infos):
        # an iterator object per word, which sets the garbage collector off)
        n_rare = sum(map(itemgetter(1), infos))
        rar_np = np.fromiter(map(itemgetter(2), infos), np.float64, n)
        content_words = np.flatnonzero(rar_np >= 0).tolist()  # then the lower-case ones among them
        content_words = list(compress(content_words, map(str.islower, map(words.__getitem__, content_words))))
        n_content = len(content_words)
        content_infos = list(map(infos.__getitem__, content_words))
        # added one by one in text order, as a loop would (sum() of floats may not, from Python 3.12)
        rar_sum = reduce(add, map(itemgetter(2), content_infos), 0)
        odd_cands = list(compress(content_words, map(is_not, map(itemgetter(4), content_infos), repeat(None))))
        # adjacent pairs of common words, separated by one space
        ids_np = np.fromiter(map(itemgetter(0), infos), np.int64, n)
        starts, ends = view.word_starts, view.word_ends
        both = (ids_np[:-1] >= 0) & (ids_np[1:] >= 0)
        gap_at = np.array(ends[:-1], dtype=np.int64)
        both &= np.array(starts[1:], dtype=np.int64) - gap_at == 1
        idx = np.flatnonzero(both)
        if len(idx):  # the one character between them is a space (code points: 4 bytes each)
            chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
            idx = idx[chars[gap_at[idx]] == 32]
        n_common_pairs = len(idx)
        sorted_once, sorted_more = _pair_arrays(tables)
        keys = (ids_np[idx] * nc + ids_np[idx + 1]).astype(sorted_more.dtype)
        in_more = _members(sorted_more, keys)
        known = in_more | _members(sorted_once, keys)  # the reference uses the pair, at least once
        fn_np = np.fromiter(map(itemgetter(3), infos), bool, n)
        content = ~(fn_np[idx] & fn_np[idx + 1])
        n_content_pairs = int(content.sum())
        n_content_strong = int((content & in_more).sum())
        n_content_unseen = int((content & ~known).sum())
        seen[idx[known]] = True
        unseen = idx[~known].tolist()
        n_unseen = len(unseen)
        for i in unseen:
            # unseen: does putting one word back to a commoner synonym give a pair news uses?
            a, b = low[i], low[i + 1]
            fix = None
            ib = infos[i + 1][0]
            for o in originals.get(a, ()):
                io = cidx.get(o)
                if io is not None and io * nc + ib in more:
                    fix = f"{o} {words[i + 1]}"
                    break
            if fix is None:
                ia = infos[i][0]
                for o in originals.get(b, ()):
                    io = cidx.get(o)
                    if io is not None and ia * nc + io in more:
                        fix = f"{words[i]} {o}"
                        break
            if fix is not None:
                n_repair += 1
                s, e = spans[i][0], spans[i + 1][1]
                if not taken.overlaps(s, e):
                    findings.append(Finding(s, e, "pair", text[s:e], fix))

    # rare choices out of place: a much commoner synonym exists and no adjacent pair is known
    # counted once per distinct word: a topic's rare term repeats ("pneumonic plague"
    # four times), a spinner's substitutions are scattered
    odd_words = set()
    taken = _Taken(findings)
    for i in odd_cands:
        if seen[i] or (i and seen[i - 1]):
            continue
        odd_words.add(low[i])
        s, e = spans[i]
        if not taken.overlaps(s, e):
            findings.append(Finding(s, e, "word", text[s:e], infos[i][4]))

    # language-model evidence: the commoner candidate fits the neighbours better (distinct words)
    lm_words = set()
    taken = _Taken(findings)
    for i, o in _lm_findings(text, view, tables, bigrams or default_bigrams()) if lm else ():
        lm_words.add(low[i])
        s, e = spans[i]
        if not taken.overlaps(s, e):
            findings.append(Finding(s, e, "word", text[s:e], o))

    findings.sort(key=lambda f: f.start)
    values = {
        "spintax_per_1k": per_thousand(n_spintax, n),
        "lexicon_per_1k": per_thousand(n_lex, n),
        "said_spun_per_1k": per_thousand(n_said_spun, n),
        "said_spun_share": n_said_spun / (n_said_spun + n_said) if (n_said_spun + n_said) else 0.0,
        "digit_per_1k": per_thousand(n_digit, n),
        "unseen_pair_share": n_unseen / n_common_pairs if n_common_pairs else 0.0,
        "unseen_content_share": n_content_unseen / n_content_pairs if n_content_pairs else 0.0,
        "strong_content_share": n_content_strong / n_content_pairs if n_content_pairs else 0.0,
        "repairable_per_1k": per_thousand(n_repair, n),
        "rare_synonym_per_1k": per_thousand(n_rare, n),
        "content_rarity": rar_sum / n_content if n_content else 0.0,
        "thesaurus_odd_per_1k": per_thousand(len(odd_words), n),
        "lm_better_per_1k": per_thousand(len(lm_words), n),
    }
    counts = {
        "words": n,
        "spintax": n_spintax,
        "lexicon": n_lex,
        "said_spun": n_said_spun,
        "said": n_said,
        "digit": n_digit,
        "common_pairs": n_common_pairs,
        "unseen_pairs": n_unseen,
        "content_pairs": n_content_pairs,
        "repairable": n_repair,
        "rare_synonym": n_rare,
        "thesaurus_odd": len(odd_words),
        "lm_better": len(lm_words),
    }
    return Measures(values, counts, findings)
