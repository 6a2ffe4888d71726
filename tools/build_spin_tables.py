"""Build the spin detector's tables (build time only; the package never imports this).

Inputs
------
* WordNet 3.0 (Debian ``wordnet-base``, ``/usr/share/wordnet``): synonyms.
* ``tools/spinner_supplement.tsv``: hand-written spinner substitutions WordNet lacks.
* pyspellchecker's English frequency list: how common a word is in general.
* Licence-clean news/prose (:mod:`spin_corpus`): which word pairs and names
  real text uses.

Outputs (``tools/spin_tables.json.gz``, compact JSON, packed for the package
into ``credscore/spin/data/tables.bin.gz`` by :func:`credscore.spin.tables.pack`)
------------------------------------------------------------------------------
``common``      the common words whose adjacent pairs we track;
``pairs``       adjacent pairs of words seen in the reference text, with a
                bucketed count (1, 2 = 2-4, 3 = 5+);
``originals``   spun word -> likely originals (a more frequent synonym);
``synonyms``    word -> up to 4 more frequent WordNet synonyms from any sense
                (the thesaurus behind ``thesaurus_odd_per_1k``);
``lexicon``     spun rendering of a frequent news name/collocation -> original
                ("Related Press" -> "Associated Press").

Usage: ``python -m tools.build_spin_tables`` (writes both files) — the
benchmark calls :func:`build_tables` on source folds instead;
``python -m tools.build_spin_tables --pack`` only re-packs the JSON (no WordNet or
corpus needed).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from credscore.text import WORD_RE
from tools import wordnet_parse

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tools" / "spin_tables.json.gz"
PACKED_OUT = REPO / "credscore" / "spin" / "data" / "tables.bin.gz"
ALPHA = re.compile(r"^[a-z]+(?:-[a-z]+)?$")
N_COMMON = 10000         # words whose pairs the unseen-pair statistic tracks
N_ORIGINAL = 15000       # a likely original must be among these
LIGHT_FREQ = 5e-4        # words more frequent than this (zipf 5.7: "get", "make", "find") are too polysemous
NAME_WORD = 3            # a word seen this often inside capitalised names makes a rendering a plausible name
WEAK_FREQ_RATIO = 0.2    # a WordNet rendering of a name must be this much rarer than the name (wordfreq)
NAME_SHARE = 0.25        # ... and, for the supplement's renderings, this share of all its uses
STOP = frozenset(
    """a an the of to in on at by for with from and or but as is are was were be been being it its
    this that these those he she they we you i his her their our your my me him them us not no so if
    than then there here what which who whom whose when where why how all any each both some such
    into over under about after before between through during without within up down out off very
    can could will would shall should may might must do does did done has have had having also just
    only more most other another one two three said says say mr ms mrs new""".split()
)


# ----------------------------------------------------------------- frequencies
@lru_cache(maxsize=1)
def spell_freq() -> dict[str, int]:
    import spellchecker

    p = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    return json.loads(gzip.open(p).read())


@lru_cache(maxsize=1)
def google_bigrams() -> frozenset[tuple[str, str]]:
    """The ~242,000 commonest English word pairs of Google Books (counts >= 6.4 million),
    from the list that ships with ``symspellpy`` (code MIT; the list derives from the
    Google Books Ngram data, CC BY 3.0).  Build time only: the pairs among the tracked
    common words join the reference pairs, so that ordinary English outside news is
    not read as an unseen (spun) pair.  Empty, with a warning, if symspellpy is absent.
    """
    return frozenset((a, b) for a, b, _ in symspell_bigrams())


@lru_cache(maxsize=1)
def symspell_bigrams() -> list[tuple[str, str, int]]:
    """(word, word, count) from symspellpy's Google Books bigram list; empty if not installed."""
    try:
        from importlib import resources

        import symspellpy

        src = resources.files(symspellpy).joinpath("frequency_bigramdictionary_en_243_342.txt").read_text("utf-8")
    except (ImportError, OSError):
        print("warning: symspellpy not installed; no general-English pairs", file=sys.stderr)
        return []
    out = []
    for line in src.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isalpha() and parts[1].isalpha() and parts[2].isdigit():
            out.append((parts[0], parts[1], int(parts[2])))
    return out


BIGRAMS_OUT = REPO / "credscore" / "spin" / "data" / "bigrams.json.gz"


def build_bigrams() -> dict:
    """The packed general-English pair lookup read by :mod:`credscore.spin.bigrams`:
    vocabulary, sorted uint32 keys ``a * V + b`` and uint8 half-nat count buckets over the floor."""
    import base64

    import numpy as np

    rows = symspell_bigrams()
    vocab = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    idx = {w: i for i, w in enumerate(vocab)}
    v = len(vocab)
    assert v * v < 2**32
    floor = min((c for _, _, c in rows), default=1)
    best: dict[int, int] = {}
    for a, b, c in rows:
        k = idx[a] * v + idx[b]
        best[k] = max(best.get(k, 0), c)
    keys = np.array(sorted(best), dtype="<u4")
    logc = np.array([min(255, round(2 * math.log(best[int(k)] / floor))) for k in keys], dtype=np.uint8)
    return {"source": "Google Books Ngram bigrams (CC BY 3.0) as listed by symspellpy 6.x "
                      "(frequency_bigramdictionary_en_243_342.txt); logc = round(2 ln(count / floor))",
            "floor": floor, "vocab": "\n".join(vocab),
            "keys": base64.b64encode(keys.tobytes()).decode(), "logc": base64.b64encode(logc.tobytes()).decode()}


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def adjacent(text: str, toks: list[tuple[str, int, int]]):
    """Yield index i where token i and i+1 are separated by spaces only."""
    for i in range(len(toks) - 1):
        gap = text[toks[i][2]:toks[i + 1][1]]
        if gap == " ":
            yield i


# ----------------------------------------------------------------- filters
# Slang, vulgar and disparaging words: never a synonym a detector should suggest or
# expect ("dumbbells" -> "boobs", "squat" -> "shit").  WordNet 3.0 marks few of its
# informal senses (see :func:`informal_synsets`), so a short hand-made list adds the rest.
VULGAR = frozenset("""
shit shite shits crap craps crappy ass asses arse arses fuck fucks fucking fucked bitch bitches dick dicks
cock cocks prick pricks pussy pussies bastard bastards bollocks bugger buggers twat wanker piss pissed
boob boobs booby boobies tit tits titty titties knocker knockers butt butts bum bums fanny whore whores
slut sluts hooker hookers screw screwed screwing shag shagged bang banged hump humped nookie poop turd
turds dope dopes dummy dummies pinhead pinheads jerk jerks jack diddly diddley diddlysquat doodly
dork dorks schmuck schmucks putz nigger niggers spic kike chink gook wop dyke fag faggot queer
""".split())
# WordNet usage domains of informal senses: slang/argot, colloquialism, obscenity/vulgarism,
# disparagement, ethnic slur (``;u`` pointers to these synsets)
_INFORMAL_DOMAINS = frozenset({"07157273", "07159467", "07075172", "07124340", "06717170", "06718862"})


@lru_cache(maxsize=1)
def informal_synsets() -> frozenset[str]:
    """Keys (``pos:offset``) of the WordNet synsets marked slang, colloquial, vulgar or disparaging."""
    out = set()
    for fname, p in (("data.noun", "n"), ("data.verb", "v"), ("data.adj", "a"), ("data.adv", "r")):
        for line in (wordnet_parse.WN_DIR / fname).open(encoding="latin-1"):
            if line.startswith(" ") or ";u" not in line:
                continue
            parts = line.split(" | ")[0].split()
            if any(parts[k] == ";u" and parts[k + 1] in _INFORMAL_DOMAINS for k in range(len(parts) - 1)):
                out.add(f"{p}:{parts[0]}")
    return frozenset(out)


_SPELLING = [(re.compile(a), b) for a, b in (
    (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"), (r"ys(e|es|ed|ing)$", r"yz\1"), (r"our", "or"),
    (r"([^aeiou])re(s?)$", r"\1er\2"), (r"ll(ed|ing|er|ers)$", r"l\1"), (r"ogue(s?)$", r"og\1"),
    (r"ence(s?)$", r"ense\1"), (r"ae", "e"), (r"oe", "e"), (r"mme(s?)$", r"m\1"), (r"grey", "gray"),
)]


def _us_spelling(w: str) -> str:
    for rx, rep in _SPELLING:
        w = rx.sub(rep, w)
    return w


def spelling_variant(a: str, b: str) -> bool:
    """British/American (or hyphen/space) variants of one word: never a spinner's swap.

    ``prioritised``/``prioritized``, ``colour``/``color``, ``centre``/``center``,
    ``travelled``/``traveled``, ``e-mail``/``email``.
    """
    a, b = a.lower(), b.lower()
    if a.replace("-", "").replace(" ", "") == b.replace("-", "").replace(" ", ""):
        return True
    return _us_spelling(a) == _us_spelling(b)


def related_form(a: str, b: str) -> bool:
    """Morphological relatives or abbreviations, not a thesaurus swap: ``min``/``minute``,
    ``stillness``/``still``, ``typographic``/``typographical``, ``headphone``/``phone``."""
    a, b = a.lower(), b.lower()
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and (long_.startswith(short) or long_.endswith(short)):
        return True
    k = 0
    while k < len(short) and a[k] == b[k]:
        k += 1
    return k >= 5 and k >= 0.6 * len(short)


def acceptable_synonym(word: str, syn: str) -> bool:
    """A synonym a spinner could use and a reader would recognise as a swap: not slang
    or vulgar, not a spelling variant, relative or abbreviation of the word."""
    return (not spelling_variant(word, syn) and not related_form(word, syn)
            and not any(p in VULGAR for p in re.split(r"[ -]", syn.lower())))


# ----------------------------------------------------------------- synonyms
def _plural(w: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str, exc: dict[str, str]) -> str:
    if w in exc:
        return exc[w]
    if w.endswith("e"):
        return w + "d"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ied"
    return w + "ed"


def _ing(w: str) -> str:
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith("ee"):
        return w[:-1] + "ing"
    return w + "ing"


def _inflect_phrase(p: str, fn) -> str:
    """Inflect the head of a phrase: the first word of a verb phrase, the last of a noun."""
    return p


@lru_cache(maxsize=1)
def _verb_past() -> dict[str, str]:
    """Base verb -> its past form, from WordNet's irregular-verb list (``verb.exc``)."""
    verb_past: dict[str, str] = {}
    with open(wordnet_parse.WN_DIR / "verb.exc") as f:
        for line in f:
            infl, base = line.split()[:2]
            if infl.endswith("ed") or base not in verb_past:
                verb_past.setdefault(base, infl)
    return verb_past


@lru_cache(maxsize=4)
def wordnet_synonyms(senses: int = 3, limit: int = 8) -> dict[str, list[str]]:
    """Surface form -> ordered synonyms in the same form (plural nouns, past/-ing verbs).

    Synonyms come from the first ``senses`` senses of the lemma: its synset
    co-members, then (adjectives) the heads/satellites linked by "similar to";
    at most ``limit`` per form.
    """
    S = wordnet_parse.parse()
    order = wordnet_parse.sense_order()
    verb_past = _verb_past()
    informal = informal_synsets()
    out: dict[str, list[str]] = defaultdict(list)

    def add(form: str, syn: str) -> None:
        if syn != form and syn not in out[form] and len(out[form]) < limit and acceptable_synonym(form, syn):
            out[form].append(syn)

    for (lemma, pos), keys in order.items():
        if not ALPHA.match(lemma):
            continue
        syns: list[str] = []
        for k in keys[:senses]:
            if k in informal:
                continue
            ss = S[k]
            cands = list(ss.lemmas)
            for sk in ss.similar:
                if sk not in informal:
                    cands += S[sk].lemmas[:2]
            for c in cands:
                c = c.lower()
                if c != lemma and c not in syns and re.fullmatch(r"[a-z][a-z' -]*", c):
                    syns.append(c)
        for s in syns:
            add(lemma, s)
            if pos == "n" and " " not in s:
                add(_plural(lemma), _plural(s))
            elif pos == "v":
                head, _, rest = s.partition(" ")
                tail = (" " + rest) if rest else ""
                add(_past(lemma, verb_past), _past(head, verb_past) + tail)
                add(_ing(lemma), _ing(head) + tail)
                add(lemma + "s" if not lemma.endswith("s") else lemma + "es",
                    (head + "s" if not head.endswith("s") else head + "es") + tail)
    return dict(out)


@lru_cache(maxsize=1)
def wordnet_all_synonyms() -> dict[str, list[str]]:
    """Surface form -> single-word synonyms from *every* sense of the word (plus inflected
    forms) in whose first three senses the word appears.

    A detector's thesaurus, wider than any one spinner's: a spinner that picks a
    synonym from a rare sense of the rarer word is still caught; a rare sense of the
    commoner word ("top" for "whirligig") is no spinner's choice and is left out.
    Only synonyms that pyspellchecker's (MIT) frequency list counts as more
    frequent than the word itself are kept (the run time compares them again with
    wordfreq); at most 4, the most frequent first.
    """
    S = wordnet_parse.parse()
    order = wordnet_parse.sense_order()
    verb_past = _verb_past()
    informal = informal_synsets()
    sf = spell_freq()
    raw: dict[str, set[str]] = defaultdict(set)
    # the words a spinner replacing ``c`` would find: the lemmas of c's first three senses
    # ("whirligig" is in the ninth sense of "top", so it is no trace of a spun "top")
    near: dict[str, set[str]] = defaultdict(set)
    for (lemma, pos), keys in order.items():
        for k in keys[:3]:
            near[lemma].update(x.lower() for x in S[k].lemmas)
    for (lemma, pos), keys in order.items():
        if not re.fullmatch(r"[a-z]+", lemma):
            continue
        syns = {c.lower() for k in keys if k not in informal for c in S[k].lemmas}
        syns = {c for c in syns if c != lemma and re.fullmatch(r"[a-z]+", c) and acceptable_synonym(lemma, c)
                and lemma in near[c]}
        for s in syns:
            raw[lemma].add(s)
            if pos == "n":
                raw[_plural(lemma)].add(_plural(s))
            elif pos == "v":
                raw[_past(lemma, verb_past)].add(_past(s, verb_past))
                raw[_ing(lemma)].add(_ing(s))
                raw[lemma + "s"].add(s + "s")
    out: dict[str, list[str]] = {}
    for w, syns in raw.items():
        fw = sf.get(w, 0)
        # a light, many-sensed word ("be", "have", "get", "up", "out") is a synonym of
        # hundreds of words through some rare sense: never the likely original
        better = sorted((s for s in syns if sf.get(s, 0) > fw and s not in STOP and _word_freq(s) < LIGHT_FREQ
                         and acceptable_synonym(w, s)),
                        key=lambda s: -sf.get(s, 0))[:4]
        if better and w not in STOP:
            out[w] = better
    return out


@lru_cache(maxsize=1)
def supplement() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (REPO / "tools" / "spinner_supplement.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        orig, spun = line.rstrip("\n").split("\t")
        alts = [s for s in spun.split("|") if s and s != orig]
        if alts:
            out[orig] = alts
    return out


def spun_candidates(word: str) -> list[str]:
    """What a spinner might put for ``word`` (lower case): supplement first, then WordNet."""
    c = list(supplement().get(word, []))
    for s in wordnet_synonyms().get(word, [])[:3]:
        if s not in c:
            c.append(s)
    return c


@lru_cache(maxsize=1)
def _tag_counts() -> dict[tuple[str, str], int]:
    """(lemma, pos) -> WordNet's tagged-sense count (how often the word was seen in that part of speech)."""
    out = {}
    for fname, p in (("index.noun", "n"), ("index.verb", "v")):
        for line in (wordnet_parse.WN_DIR / fname).open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            out[(f[0], p)] = int(f[3 + int(f[3]) + 2])
    return out


def _verb_dominant(w: str) -> bool:
    """``struggle``: tagged as a verb more often than as a noun (so "the world struggle" may be a clause)."""
    tc = _tag_counts()
    return tc.get((w, "v"), 0) > tc.get((w, "n"), 0)


@lru_cache(maxsize=None)
def _word_freq(w: str) -> float:
    import wordfreq

    return wordfreq.word_frequency(w.lower(), "en", wordlist="large")


def _phrase_freq(p: str) -> float:
    """wordfreq's estimate for a phrase: its words' frequencies combined as wordfreq
    combines tokens (1/f = sum 1/f_i), so the rarest word dominates."""
    fs = [_word_freq(w) for w in re.split(r"[ -]+", p) if w]
    if not fs or min(fs) <= 0:
        return 0.0
    return 1.0 / sum(1.0 / f for f in fs)


def _case_like(orig: str, repl: str) -> str:
    """Copy the case of ``orig``'s first letter onto ``repl`` (spinners do only that)."""
    if orig[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


# ----------------------------------------------------------------- building
def build_tables(texts: list[str], *, max_lexicon: int = 20000) -> dict:
    """Build every table from reference ``texts`` (clean prose)."""
    sf = spell_freq()
    wc: Counter[str] = Counter()
    pc: Counter[tuple[str, str]] = Counter()
    caps: Counter[tuple[str, ...]] = Counter()
    name_words: Counter[str] = Counter()  # how often a word is part of a capitalised name
    all_toks = []
    for t in texts:
        toks = tokens(t)
        all_toks.append((t, toks))
        low = [w.lower() for w, _, _ in toks]
        wc.update(low)
        adj = list(adjacent(t, toks))
        for i in adj:
            pc[(low[i], low[i + 1])] += 1
        # capitalised runs of 2-5 words joined by single spaces ("International Criminal Court")
        adjset = set(adj)
        i = 0
        n = len(toks)
        while i < n:
            if toks[i][0][:1].isupper() and not toks[i][0].isupper():
                j = i
                while j in adjset and j + 1 < n and (
                    (toks[j + 1][0][:1].isupper() and not toks[j + 1][0].isupper())
                    or (toks[j + 1][0] in ("of", "for", "and") and j + 2 < n and toks[j + 2][0][:1].isupper())
                ):
                    j += 1
                run = tuple(w for w, _, _ in toks[i:j + 1])
                while run and run[-1] in ("of", "for", "and"):
                    run = run[:-1]
                if len(run) >= 2:
                    name_words.update(run)
                for a in range(len(run)):
                    for b in range(a + 2, min(len(run), a + 5) + 1):
                        sub = run[a:b]
                        if sub[0] not in ("of", "for", "and") and sub[-1] not in ("of", "for", "and"):
                            caps[sub] += 1
                i = j + 1
            else:
                i += 1
    n_ref = sum(wc.values())
    sf_total = sum(sf.values())

    def freq(w: str) -> float:  # per million, news and general (subtitles) averaged
        return 0.5e6 * (wc.get(w, 0) / n_ref + sf.get(w, 0) / sf_total)

    # common words: frequent in the reference, alphabetic; pairs tracked among them
    common = [w for w, _ in wc.most_common() if ALPHA.match(w)][:N_COMMON]
    cidx = {w: i for i, w in enumerate(common)}
    gb = google_bigrams()
    once, more = [], []
    for (a, b), c in pc.items():
        ia, ib = cidx.get(a), cidx.get(b)
        if ia is not None and ib is not None:
            (once if c == 1 and (a, b) not in gb else more).append(ia * N_COMMON + ib)
    # general-English pairs (Google Books) the reference text lacks count as used twice or more
    for a, b in gb:
        if (a, b) not in pc:
            ia, ib = cidx.get(a), cidx.get(b)
            if ia is not None and ib is not None:
                more.append(ia * N_COMMON + ib)

    # originals: spun word -> more frequent synonyms (likely originals)
    top_orig = [w for w, _ in wc.most_common() if ALPHA.match(w) and w not in STOP][:N_ORIGINAL]
    rev: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for orig in top_orig:
        for s in spun_candidates(orig):
            if " " in s or not acceptable_synonym(orig, s) or orig in VULGAR:
                continue
            fo, fs = freq(orig), freq(s)
            if fo >= 3 * max(fs, 0.01):
                rev[s].append((fo, orig))
    originals = {s: [o for _, o in sorted(v, reverse=True)[:3]] for s, v in rev.items()}

    # collocations: capitalised names (3+ times, or once if made of common words),
    # lower-case collocations (8+ times, PMI >= 3) and WordNet's multiword lemmas seen in the text
    sf_rank = {w: i for i, (w, _) in enumerate(sorted(sf.items(), key=lambda x: -x[1])[:20000])}

    def common_word(w: str) -> bool:
        return all(p.lower() in sf_rank for p in w.split("-"))

    colls: list[tuple[int, tuple[str, ...]]] = []
    for c, k in caps.items():
        if k >= 3 or (k >= 1 and all(common_word(w) for w in c)):
            colls.append((k, c))
    n_cap = len(colls)
    # WordNet's multiword lemmas ("natural gas", "Cold War") that the reference text uses
    wn_multi: dict[tuple[str, ...], tuple[str, ...]] = {}
    for (lemma, _pos) in wordnet_parse.sense_order():
        ws = lemma.split(" ")
        if 2 <= len(ws) <= 4 and all(ALPHA.match(w.lower()) for w in ws):
            wn_multi.setdefault(tuple(w.lower() for w in ws), tuple(ws))
    wn_count: Counter[tuple[str, ...]] = Counter()
    for t, toks in all_toks:
        low = [w.lower() for w, _, _ in toks]
        for L in (2, 3, 4):
            for i in range(len(low) - L + 1):
                key = tuple(low[i:i + L])
                if key in wn_multi:
                    wn_count[key] += 1
    for key, k in wn_count.items():
        colls.append((k, wn_multi[key]))
    n_wn = len(wn_count)
    n_lc = 0
    for (a, b), c in pc.items():
        if c < 8 or a in STOP or b in STOP or not (ALPHA.match(a) and ALPHA.match(b)):
            continue
        if math.log(c * n_ref / (wc[a] * wc[b])) >= 3.0:
            colls.append((c, (a, b)))
            n_lc += 1
    # single hyphenated capitalised words ("Secretary-General")
    for t, toks in all_toks:
        for w, _, _ in toks:
            if "-" in w and w[:1].isupper() and all(p[:1].isupper() and p.lower() in sf_rank for p in w.split("-")):
                colls.append((1, (w,)))
    colls.sort(key=lambda x: -x[0])

    def options(w: str) -> tuple[list[str], list[str]]:
        """(supplement renderings, WordNet renderings) of one token, case copied."""
        parts = w.split("-")
        if len(parts) > 1:
            sup, wn = [], []
            for k, p in enumerate(parts):
                s1, w1 = options(p)
                for r in s1[:1]:
                    sup.append("-".join(parts[:k] + [r] + parts[k + 1:]))
                for r in w1[:1]:
                    wn.append("-".join(parts[:k] + [r] + parts[k + 1:]))
            return sup, wn
        lw = w.lower()
        if w[:1].isupper() and lw not in sf_rank:
            return [], []  # a proper name: spinners leave those alone
        sup = [_case_like(w, s) for s in supplement().get(lw, [])]
        wn = [_case_like(w, s) for s in wordnet_synonyms().get(lw, [])[:1] if " " not in s]
        return sup, wn

    def name_like(v: list[str], coll: tuple[str, ...], strong: bool = False) -> bool:
        """A capitalised rendering made only of words real names use is itself a plausible
        name ("Yale University" -> "Yale College"); a lower-case one whose swapped last
        word is mostly a verb reads as a clause ("the world struggle to ...").  For the
        supplement's renderings (``strong``) a name word is one used mostly in names
        ("College"), not merely sometimes ("Related")."""
        changed = [a for a, w0 in zip(v, coll) if a != w0]
        if coll[0][:1].isupper():
            if strong:
                return bool(changed) and all(
                    name_words[a] >= NAME_WORD and name_words[a] >= NAME_SHARE * wc[a.lower()] for a in changed)
            return bool(changed) and all(name_words[a] >= NAME_WORD for a in changed)
        return v[-1] != coll[-1] and _verb_dominant(v[-1].lower()) and not _verb_dominant(coll[-1].lower())

    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    for _, coll in colls:
        orig = " ".join(coll)
        opts = [options(w) for w in coll]
        if not any(s or w for s, w in opts):
            continue
        # the supplement rendering of every word it knows (a spinner spins all it can)
        full_sup = [s[0] if s else w0 for (s, _), w0 in zip(opts, coll)]
        if full_sup != list(coll) and not name_like(full_sup, coll, strong=True):
            strong.setdefault(" ".join(full_sup), orig)
        for k, (s, wn) in enumerate(opts):
            for alt in s[:2]:
                v = list(coll); v[k] = alt
                if not name_like(v, coll, strong=True):
                    strong.setdefault(" ".join(v), orig)
            if not coll[0][:1].isupper():
                continue  # WordNet renderings of lower-case phrases are too often plain English
            for alt in wn[:1]:
                v = list(coll); v[k] = alt
                if not name_like(v, coll):
                    weak.setdefault(" ".join(v), orig)
        full_any = [s[0] if s else (wn[0] if wn else w0) for (s, wn), w0 in zip(opts, coll)]
        if full_any != list(coll) and coll[0][:1].isupper() and not name_like(full_any, coll):
            weak.setdefault(" ".join(full_any), orig)
    # a WordNet rendering nearly as frequent in general English as its original is
    # ordinary English, not a spinner's trace ("Financial Considerations" ->
    # "Economic Considerations", "Enhanced Security" -> "Heightened Security"):
    # keep only those under WEAK_FREQ_RATIO as frequent
    weak = {k: v for k, v in weak.items() if _phrase_freq(k) < WEAK_FREQ_RATIO * _phrase_freq(v)}
    print(f"renderings: {len(strong)} strong, {len(weak)} weak", file=sys.stderr)
    lexicon: dict[str, str] = dict(strong)
    for k, v in weak.items():
        lexicon.setdefault(k, v)
    lexicon = {k: v for k, v in lexicon.items() if k != v}
    # drop renderings that real text uses
    lex_low = defaultdict(list)
    for s in lexicon:
        lex_low[tuple(s.lower().split())].append(s)
    lens = sorted({len(k) for k in lex_low})
    seen = set()
    for t, toks in all_toks:
        low = [w.lower() for w, _, _ in toks]
        for L in lens:
            for i in range(len(low) - L + 1):
                key = tuple(low[i:i + L])
                if key in lex_low:
                    seen.add(key)
    for key in seen:
        for s in lex_low[key]:
            lexicon.pop(s, None)
    # and renderings whose every adjacent pair the reference or general English (Google
    # Books) uses: ordinary English
    seen_pairs = set(pc) | gb

    def ordinary(s: str) -> bool:
        ws = s.lower().split()
        return len(ws) > 1 and all((ws[i], ws[i + 1]) in seen_pairs for i in range(len(ws) - 1))

    lexicon = {s: o for s, o in lexicon.items() if not ordinary(s)}
    lexicon = dict(list(lexicon.items())[:max_lexicon])  # strong renderings come first
    return {
        "version": 1,
        "n_reference_words": n_ref,
        "n_collocations": {"names": n_cap, "lowercase": n_lc, "wordnet": n_wn},
        "common": common,
        # adjacent pairs of common words as a*len(common)+b, sorted, delta-coded
        "pairs_once": _deltas(once),
        "pairs_more": _deltas(more),
        "originals": originals,
        "synonyms": wordnet_all_synonyms(),
        "lexicon": lexicon,
    }


def _deltas(xs: list[int]) -> list[int]:
    xs = sorted(xs)
    return [b - a for a, b in zip([0] + xs, xs)]


def write(tables: dict, path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(tables, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(raw)


def write_packed(tables: dict, path: Path = PACKED_OUT) -> None:
    """The shipped, packed form of ``tables`` (what :func:`credscore.spin.tables.default_tables` reads)."""
    from credscore.spin.tables import pack

    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(pack(tables))


if __name__ == "__main__":
    import time

    from tools.data import spin_corpus

    if sys.argv[1:] == ["--pack"]:
        write_packed(json.loads(gzip.decompress(OUT.read_bytes())))
        print(f"{PACKED_OUT}: {PACKED_OUT.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
        sys.exit(0)
    t0 = time.time()
    arts = spin_corpus.clean_articles() + spin_corpus.reference_extra()
    if not arts:
        sys.exit("no clean articles found: set CREDSCORE_SHARED or put the data at <repo>/../shared")
    tables = build_tables([a.text for a in arts])
    write(tables)
    write_packed(tables)
    bg = build_bigrams()
    if bg["vocab"]:
        write(bg, BIGRAMS_OUT)
        print(f"bigrams: {BIGRAMS_OUT.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    print(f"{len(arts)} articles, {tables['n_reference_words']} words, {len(tables['common'])} common, "
          f"{len(tables['pairs_once'])}+{len(tables['pairs_more'])} pairs, {len(tables['originals'])} originals, {len(tables['lexicon'])} lexicon; "
          f"{OUT.stat().st_size / 1e6:.2f} MB in {time.time() - t0:.0f}s")
