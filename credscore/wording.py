"""The wording block: how a document is written, read as word n-grams.

Reliable newsroom copy and unreliable copy differ most visibly in their wording:
attribution and calendar conventions ("said", "on Tuesday", "did not") on one side,
gossip and clickbait formulas ("insider", "!", "exclusively", "revealed") on the
other.  This block is a plain TF-IDF logistic regression over word unigrams and
bigrams, trained with scikit-learn on the labelled corpora (``tools/train_score.py``)
and shipped as JSON: the n-grams, their idf and their weights.  It is scored here with
the same tokeniser the training used (:func:`terms` is the vectoriser's analyzer), so
the shipped numbers reproduce scikit-learn's exactly.

What would let the block learn *who* published a text rather than *how* it is
written is masked before counting, in training and at run time alike
(:func:`tokens`):

* URLs, e-mail addresses and @handles → ``_url_``;
* publisher and wire names (:data:`PUBLISHERS`: "CNN", "Politico", "Associated
  Press", …) → ``_pub_``;
* datelines ("WASHINGTON (Reuters) —") → ``_dateline_``; byline lines ("By Jane
  Doe") and a site's stock phrases (:data:`BOILERPLATE`: "Story continued below",
  "Featured image via") are dropped;
* every number → ``0`` (a year or a count says nothing about a publisher).

The model's logit enters the score through the combiner (:mod:`credscore.score`);
its evidence is the n-grams that moved this document most, with their spans in the
cleaned text.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import is_not, neg
from typing import Any, Iterable, Mapping

import numpy as np

from .errors import ModelError

WORDING_FORMAT = "credscore-wording/1"

#: Publisher, network and wire-service names (lower case, matched on word boundaries).
#: Those of the training corpora are here so the block cannot learn them; the others
#: so that a page naming its own outlet gets no credit or blame for the name.
PUBLISHERS = (
    "abc news", "abc", "abcnews", "nbc news", "nbc", "cbs news", "cbs", "cnn", "cnn politics", "msnbc",
    "fox news", "fox business", "foxnews", "politico", "politico magazine", "the hill", "axios",
    "associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse", "bloomberg",
    "new york times", "the new york times", "nytimes", "nyt", "washington post", "the washington post",
    "wall street journal", "the wall street journal", "wsj", "usa today", "los angeles times", "la times",
    "chicago tribune", "boston globe", "the guardian", "bbc", "bbc news", "npr", "pbs",
    "huffington post", "huffpost", "buzzfeed", "buzzfeed news", "vox", "slate", "salon", "the atlantic",
    "newsweek", "time magazine", "daily caller", "the daily caller", "daily mail", "breitbart",
    "breitbart news", "infowars", "the blaze", "theblaze", "newsmax", "the daily beast", "daily beast",
    "mother jones", "the intercept", "raw story", "rawstory", "addicting info", "addictinginfo",
    "occupy democrats", "the other 98", "other 98", "eagle rising", "eaglerising", "freedom daily",
    "right wing news", "rightwingnews", "politifact", "snopes", "factcheck.org", "gossip cop", "gossipcop",
    "tmz", "e! news", "e! online", "people magazine", "us weekly", "radar online", "radaronline",
    "hollywood life", "hollywoodlife", "entertainment tonight", "page six", "perez hilton",
    "ok! magazine", "star magazine", "national enquirer", "daily star",
)

#: Stock phrases of particular sites' templates (dropped wherever they stand; the
#: training corpora hold one paragraph per line, so a line rule alone would miss them).
BOILERPLATE = (
    "story continued below", "continued below", "featured image via", "featured image", "image via",
    "image credit", "photo credit", "getty images", "ap photo", "click here", "share this",
    "advertisement", "continue reading", "sign up for our newsletter", "follow us on", "like us on facebook",
    "read more", "this article originally appeared on", "all rights reserved",
)

_TLDS = "com|org|net|gov|edu|co|ws|ly|us|uk|info|news|tv|me|it|gl|io"
#: A whitespace-separated chunk that is a link, an address or a handle (matched whole, so linear).
_URL_CHUNK_RE = re.compile(
    rf"(?:https?://|www\.)\S+|(?:[a-z0-9-]+\.)+(?:{_TLDS})(?:/\S*)?|[\w.+-]+@[\w-]+\.[\w.-]+|@\w{{2,}}",
    re.I,
)
#: Chunks holding a dot or an @, found from their first character only (never quadratic).
_CANDIDATE_CHUNK_RE = re.compile(r"(?<!\S)[^\s.@]*[.@]\S*")
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,;:!?."
# Line-start masks, bounded runs only ("Photo" + a million spaces must stay linear).
_LINE_MASK_RE = re.compile(
    r"(?P<drop>^[ \t]{0,3}(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Rr]eporting by|[Ss]tory by)[ \t]{1,3}[^\n]{0,80}$)"
    r"|(?P<dateline>^[ \t]{0,3}[A-Z][A-Za-z.'-]{0,30}(?:[ ,]{1,3}[A-Z][A-Za-z.'-]{0,30}){0,3}[ \t]{0,3}"
    r"(?:\([^)\n]{1,30}\)[ \t]{0,3})?[—–-]{1,2}[ \t])",
    re.M,
)
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[!?]")


Token = tuple[str, int, int]  # (token, start, end) in the text


_PhraseIndex = dict[str, tuple[dict[str, list[tuple[str, ...]]], bool]]
_NO_PHRASES: tuple[dict[str, list[tuple[str, ...]]], bool] = ({}, False)


def _phrase_index(phrases: Iterable[str]) -> _PhraseIndex:
    """First token → (second token → the phrases (as token tuples) they start, longest
    first; whether the first token alone is a phrase)."""
    idx: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        toks = tuple(m.group().replace("’", "'") for m in _TOKEN_RE.finditer(p.lower()))
        if toks:
            idx.setdefault(toks[0], []).append(toks)
    out: _PhraseIndex = {}
    for first, v in idx.items():
        v.sort(key=len, reverse=True)
        by_second: dict[str, list[tuple[str, ...]]] = {}
        for ph in v:
            if len(ph) > 1:
                by_second.setdefault(ph[1], []).append(ph)
        out[first] = (by_second, any(len(ph) == 1 for ph in v))
    return out


# a publisher's possessive ("CNN's") is the publisher too
_PHRASES = {"pub": _phrase_index([*PUBLISHERS, *(f"{p}'s" for p in PUBLISHERS)]),
            "drop": _phrase_index(BOILERPLATE)}
_PHRASE_FIRST = frozenset(_PHRASES["pub"]) | frozenset(_PHRASES["drop"])
# a phrase can start at a word only if the word is a phrase of its own or it and the next
# word start a longer one (tokens hold no space: "first second" is unambiguous)
_PHRASE_SINGLES = frozenset(w for t in _PHRASES.values() for w, (_, single) in t.items() if single)
_PHRASE_PAIRS = frozenset(f"{w} {s}" for t in _PHRASES.values() for w, (by_second, _) in t.items() for s in by_second)


def _span_masks(text: str) -> list[tuple[int, int, str]]:
    """Links/addresses/handles and line-start masks: (start, end, kind) in text order."""
    spans: list[tuple[int, int, str]] = []
    if "." in text or "@" in text:
        for m in _CANDIDATE_CHUNK_RE.finditer(text):
            c = m.group()
            lead = len(c) - len(c.lstrip(_EDGE_PUNCT))
            core = c.strip(_EDGE_PUNCT)
            if core and _URL_CHUNK_RE.fullmatch(core):
                spans.append((m.start() + lead, m.start() + lead + len(core), "url"))
    if "\n" in text or text[:1].isupper() or text[:1] in " \tBbPpWwRrSs":
        spans.extend((m.start(), m.end(), m.lastgroup or "") for m in _LINE_MASK_RE.finditer(text))
    spans.sort()
    return spans


def tokens(text: str) -> list[Token]:
    """The masked, lower-cased tokens of ``text`` with their character spans."""
    found = list(_TOKEN_RE.finditer(text))
    if not found:
        return []
    starts, ends = list(map(re.Match.start, found)), list(map(re.Match.end, found))
    words = "\n".join(map(re.Match.group, found)).lower().replace("’", "'").split("\n")
    plain = [("0" if w[0].isdigit() else w) for w in words]
    out: list[Token] = []
    spans = _span_masks(text)
    si, n_spans = 0, len(spans)
    pub, drop = _PHRASES["pub"], _PHRASES["drop"]
    i, n = 0, len(words)
    # the words that may start a publisher or boilerplate phrase; every other word, up to
    # the next masked span, is a token as it stands (taken in runs, not one by one)
    hits = [i for i in compress(range(n), map(_PHRASE_FIRST.__contains__, words))
            if words[i] in _PHRASE_SINGLES or (i + 1 < n and f"{words[i]} {words[i + 1]}" in _PHRASE_PAIRS)]
    h, n_hits = 0, len(hits)
    while i < n:
        a = starts[i]
        while si < n_spans and spans[si][1] <= a:
            si += 1
        if si < n_spans and spans[si][0] <= a:  # inside a masked span: one token for the span
            s0, s1, kind = spans[si]
            if kind != "drop":
                out.append((f"_{kind}_", s0, s1))
            while i < n and starts[i] < s1:
                i += 1
            si += 1
            continue
        while h < n_hits and hits[h] < i:
            h += 1
        j = min(hits[h] if h < n_hits else n, bisect_left(starts, spans[si][0], i) if si < n_spans else n)
        if j > i:  # no phrase can start and no mask begins before word j
            out.extend(zip(plain[i:j], starts[i:j], ends[i:j]))
            i = j
            continue
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else None
        hit = None
        for table, kind in ((pub, "pub"), (drop, "drop")):
            # the phrases starting with w, longest first: those whose second word is next
            by_second, singles = table.get(w, _NO_PHRASES)
            for ph in by_second.get(nxt, ()):
                k = len(ph)
                if tuple(words[i:i + k]) == ph:
                    hit = (kind, k)
                    break
            else:
                if singles:
                    hit = (kind, 1)
            if hit:
                break
        if hit:
            kind, k = hit
            if kind == "pub":
                out.append(("_pub_", a, ends[i + k - 1]))
            i += k
            continue
        out.append((plain[i], a, ends[i]))
        i += 1
    return out


def ngrams(toks: list[Token]) -> list[Token]:
    """Unigrams and adjacent bigrams, each with the span it covers."""
    out = list(toks)
    out.extend((f"{a[0]} {b[0]}", a[1], b[2]) for a, b in zip(toks, toks[1:]))
    return out


def _spans_of(term: str, toks: list[Token], words: list[str], pairs: list[str]) -> tuple[tuple[int, int], ...]:
    """Where the n-gram ``term`` occurs in ``toks`` (whose words are ``words``, whose
    bigrams are ``pairs``), in order (as :func:`ngrams` lists them)."""
    if " " not in term:
        return tuple((t[1], t[2]) for t in compress(toks, map(term.__eq__, words)))
    return tuple((toks[i][1], toks[i + 1][2]) for i in compress(range(len(pairs)), map(term.__eq__, pairs)))


def terms(text: str) -> list[str]:
    """The n-grams of ``text``: the analyzer the training vectoriser is given."""
    return [g for g, _, _ in ngrams(tokens(text))]


@dataclass(frozen=True)
class NgramEvidence:
    """One n-gram's share of the wording logit in this document."""

    term: str
    weight: float  # its term in the logit (coef × tf-idf value)
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (holds a dict)
class WordingModel:
    """A TF-IDF (sublinear tf, l2 norm) logistic regression over :func:`terms`."""

    vocab: Mapping[str, int]
    idf: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    info: Mapping[str, Any] | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "WordingModel":
        try:
            if d.get("format") != WORDING_FORMAT:
                raise ModelError(f"unknown wording model format {d.get('format')!r}; expected {WORDING_FORMAT!r}")
            terms_ = list(map(str, d["terms"]))  # map: one C loop each (start-up time)
            idf = tuple(map(float, d["idf"]))
            coef = tuple(map(float, d["coef"]))
            intercept = float(d["intercept"])
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"malformed wording model: {e!r}") from e
        if not (len(terms_) == len(idf) == len(coef)) or len(set(terms_)) != len(terms_):
            raise ModelError("malformed wording model: terms, idf and coef disagree or repeat")
        if not (all(map(math.isfinite, idf)) and all(map(math.isfinite, coef)) and math.isfinite(intercept)) \
                or min(idf, default=1.0) <= 0:
            raise ModelError("malformed wording model: non-finite weight or non-positive idf")
        return cls(dict(zip(terms_, range(len(terms_)))), idf, coef, intercept, d.get("info"))

    def logit(self, text: str, top: int = 0) -> tuple[float, list[NgramEvidence]]:
        """The block's logit for ``text`` and its ``top`` n-grams by absolute weight."""
        toks = tokens(text)
        words = [t[0] for t in toks]
        # n-gram counts in C; a unigram never holds a space and a bigram always does
        pairs = list(map(" ".join, zip(words, words[1:])))
        grams = Counter(words)
        grams.update(pairs)
        # distinct terms have distinct indices: a term's count is its index's
        ids = list(map(self.vocab.get, grams))
        known = list(map(is_not, ids, repeat(None)))
        kid = list(compress(ids, known))
        if not kid:
            return self.intercept, []
        counts = list(compress(grams.values(), known))
        # the weights as numpy vectors: elementwise the same float operations, in the same
        # order, as (1 + log c) * idf[i] and coef[i] * v / norm on Python floats
        tf_of = {c: 1.0 + math.log(c) for c in set(counts)}
        idf, coef = _arrays(self)
        at = np.array(kid, dtype=np.intp)
        vals = np.array(list(map(tf_of.__getitem__, counts))) * idf[at]
        norm = math.sqrt(math.fsum((vals * vals).tolist()))
        weights = (coef[at] * vals / norm).tolist()
        z = self.intercept + math.fsum(weights)  # fsum: exact, whatever the order
        ev: list[NgramEvidence] = []
        if top:
            parts = dict(zip(kid, weights))
            inv = _inverse(self)
            # by absolute weight, then index: (-|part|, index) pairs compare as the key would
            for _, i in heapq.nsmallest(top, zip(map(neg, map(abs, parts.values())), parts)):
                ev.append(NgramEvidence(inv[i], parts[i], _spans_of(inv[i], toks, words, pairs)))
        return z, ev

    def top_terms(self, n: int = 20) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """The ``n`` most reliable-sounding and most unreliable-sounding n-grams (by weight)."""
        inv = _inverse(self)
        order = sorted(range(len(self.coef)), key=lambda i: self.coef[i])
        return ([(inv[i], self.coef[i]) for i in reversed(order[-n:])], [(inv[i], self.coef[i]) for i in order[:n]])


@lru_cache(maxsize=4)
def _arrays(model: WordingModel) -> tuple[np.ndarray, np.ndarray]:
    """The model's idf and coefficients as float64 vectors (built on first use)."""
    return np.array(model.idf, dtype=np.float64), np.array(model.coef, dtype=np.float64)


@lru_cache(maxsize=4)
def _inverse(model: WordingModel) -> list[str]:
    inv = [""] * len(model.coef)
    for t, i in model.vocab.items():
        inv[i] = t
    return inv


def to_dict(terms_: Iterable[str], idf: Iterable[float], coef: Iterable[float], intercept: float,
            info: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON form :meth:`WordingModel.from_dict` reads (written by the training script)."""
    return {"format": WORDING_FORMAT, "terms": list(terms_), "idf": [round(float(v), 6) for v in idf],
            "coef": [round(float(v), 6) for v in coef], "intercept": round(float(intercept), 6),
            "info": dict(info or {})}


def load_wording(raw: bytes) -> WordingModel:
    """Read a wording model from the bytes of its (optionally gzipped) JSON file."""
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        data = json.loads(raw)
    except (OSError, ValueError) as e:
        raise ModelError(f"the wording model is not valid (gzipped) JSON: {e}") from e
    return WordingModel.from_dict(data)
