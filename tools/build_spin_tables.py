"""Build the spin detector's tables (build time only; the package never imports this).

Inputs
------
* WordNet 3.0 (Debian ``wordnet-base``, ``/usr/share/wordnet``): synonyms.
* ``tools/spinner_supplement.tsv``: hand-written spinner substitutions WordNet lacks.
* pyspellchecker's English frequency list: how common a word is in general.
* Licence-clean news/prose (:mod:`spin_corpus`): which word pairs and names
  real text uses.

Outputs (``credscore/spin/data/tables.json.gz``, compact JSON)
--------------------------------------------------------------
``common``      the common words whose adjacent pairs we track;
``pairs``       adjacent pairs of words seen in the reference text, with a
                bucketed count (1, 2 = 2-4, 3 = 5+);
``originals``   spun word -> likely originals (a more frequent synonym);
``synonyms``    word -> up to 4 more frequent WordNet synonyms from any sense
                (the thesaurus behind ``thesaurus_odd_per_1k``);
``lexicon``     spun rendering of a frequent news name/collocation -> original
                ("Related Press" -> "Associated Press").

Usage: ``python tools/build_spin_tables.py`` (writes the shipped file) — the
benchmark calls :func:`build_tables` on source folds instead.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import wordnet_parse  # noqa: E402
from credscore.text import WORD_RE  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "credscore" / "spin" / "data" / "tables.json.gz"
ALPHA = re.compile(r"^[a-z]+(?:-[a-z]+)?$")
N_COMMON = 10000         # words whose pairs the unseen-pair statistic tracks
N_ORIGINAL = 15000       # a likely original must be among these
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


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def adjacent(text: str, toks: list[tuple[str, int, int]]):
    """Yield index i where token i and i+1 are separated by spaces only."""
    for i in range(len(toks) - 1):
        gap = text[toks[i][2]:toks[i + 1][1]]
        if gap == " ":
            yield i


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
    out: dict[str, list[str]] = defaultdict(list)

    def add(form: str, syn: str) -> None:
        if syn != form and syn not in out[form] and len(out[form]) < limit:
            out[form].append(syn)

    for (lemma, pos), keys in order.items():
        if not ALPHA.match(lemma):
            continue
        syns: list[str] = []
        for k in keys[:senses]:
            ss = S[k]
            cands = list(ss.lemmas)
            for sk in ss.similar:
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
    """Surface form -> single-word synonyms from *every* sense (plus inflected forms).

    A detector's thesaurus, wider than any one spinner's: a spinner that picks a
    synonym from a rare sense ("consciousness" for "intelligence") is still caught.
    Only synonyms that pyspellchecker's (MIT) frequency list counts as more
    frequent than the word itself are kept (the run time compares them again with
    wordfreq); at most 4, the most frequent first.
    """
    S = wordnet_parse.parse()
    order = wordnet_parse.sense_order()
    verb_past = _verb_past()
    sf = spell_freq()
    raw: dict[str, set[str]] = defaultdict(set)
    for (lemma, pos), keys in order.items():
        if not re.fullmatch(r"[a-z]+", lemma):
            continue
        syns = {c.lower() for k in keys for c in S[k].lemmas}
        syns = {c for c in syns if c != lemma and re.fullmatch(r"[a-z]+", c)}
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
        better = sorted((s for s in syns if sf.get(s, 0) > fw), key=lambda s: -sf.get(s, 0))[:4]
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
    once, more = [], []
    for (a, b), c in pc.items():
        ia, ib = cidx.get(a), cidx.get(b)
        if ia is not None and ib is not None:
            (once if c == 1 else more).append(ia * N_COMMON + ib)

    # originals: spun word -> more frequent synonyms (likely originals)
    top_orig = [w for w, _ in wc.most_common() if ALPHA.match(w) and w not in STOP][:N_ORIGINAL]
    rev: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for orig in top_orig:
        for s in spun_candidates(orig):
            if " " in s:
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

    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    for _, coll in colls:
        orig = " ".join(coll)
        opts = [options(w) for w in coll]
        if not any(s or w for s, w in opts):
            continue
        # the supplement rendering of every word it knows (a spinner spins all it can)
        full_sup = [s[0] if s else w0 for (s, _), w0 in zip(opts, coll)]
        if full_sup != list(coll):
            strong.setdefault(" ".join(full_sup), orig)
        for k, (s, wn) in enumerate(opts):
            for alt in s[:2]:
                v = list(coll); v[k] = alt
                strong.setdefault(" ".join(v), orig)
            if not coll[0][:1].isupper():
                continue  # WordNet renderings of lower-case phrases are too often plain English
            for alt in wn[:1]:
                v = list(coll); v[k] = alt
                weak.setdefault(" ".join(v), orig)
        full_any = [s[0] if s else (wn[0] if wn else w0) for (s, wn), w0 in zip(opts, coll)]
        if full_any != list(coll) and coll[0][:1].isupper():
            weak.setdefault(" ".join(full_any), orig)
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
    # and renderings whose every adjacent pair the reference uses (ordinary English)
    seen_pairs = set(pc)

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


if __name__ == "__main__":
    import time

    import spin_corpus

    t0 = time.time()
    arts = spin_corpus.clean_articles() + spin_corpus.reference_extra()
    if not arts:
        sys.exit("no clean articles found: set CREDSCORE_SHARED or put the data at <repo>/../shared")
    tables = build_tables([a.text for a in arts])
    write(tables)
    print(f"{len(arts)} articles, {tables['n_reference_words']} words, {len(tables['common'])} common, "
          f"{len(tables['pairs_once'])}+{len(tables['pairs_more'])} pairs, {len(tables['originals'])} originals, {len(tables['lexicon'])} lexicon; "
          f"{OUT.stat().st_size / 1e6:.2f} MB in {time.time() - t0:.0f}s")
