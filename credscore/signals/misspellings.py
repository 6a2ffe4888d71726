"""Misspellings per 1,000 words, against the English word list of ``pyspellchecker``.

A word counts as misspelt when it is not in the list *and* the list holds a word one
edit away ("realy" → "really", "analysiss" → "analysis", "Futher" → "further",
"paiment" → "payment").  Unknown words with no near neighbour are rare words or
names, not typos, and are not counted; neither are compounds of two known words
("roadmap"), capitalised words inside a sentence or inside a run of capitalised
words anywhere in the text (names: "Nguyen Khac Giang", "Rizwan Rahmat"), words with
digits, or words of fewer than four letters (five when capitalised).

Real writing is respected (issue #23):

* British and American spellings are both correct: a word whose American form is
  in the list ("realised" → "realized", "colour", "centre", "travelling",
  "defence", "paediatric", "catalogue") or that is on :data:`BRITISH` (irregular
  forms: "programme", "aluminium", "jewellery") is not counted;
* a capitalised word at a sentence start is a name, not a typo, when the text also
  has it capitalised inside a sentence ("Drukker said … In the study, Drukker and
  Laurens …") or when a saying verb follows it ("Drukker said", "Laurens notes");
* technical terms (:data:`TECH_TERMS`: "regex", "webhook", "dataset" …) are not
  counted.

The word list (MIT, derived from OpenSubtitles and SCOWL) ships inside the
``pyspellchecker`` wheel: nothing is downloaded.  ``value`` is misspellings per
1,000 words of the cleaned text; chrome that was removed is checked too and
reported in ``details["in_removed"]`` (a site that cannot spell its own donation
box says something), but does not count in ``value``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, filterfalse
from typing import Iterator

from ..text import TextView, per_thousand
from ._wordfreq import english_frequencies, one_edit_known
from ..types import Signal, Span
from .base import Context, Feature

NAME = "misspellings"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "misspellings per 1,000 words"),
    Feature("count", -1, "misspellings"),
)

#: Flagged at or above this many misspellings per 1,000 words.
THRESHOLD = 3.0
#: Longer "words" are not checked: no dictionary word is longer, and the edit-distance
#: candidates of a word of length L cost O(L²) (a 1 MB run of letters would never end).
MAX_WORD_LEN = 45

_CANDIDATE_RE = re.compile(r"(?<![\w’'@#/.-])([A-Za-z][a-z]{3,})(?:[’']s)?(?![\w@/]|[’'-]\w|\.\w)")
_FIRST_PART_RE = re.compile(r"^[^'’\-\n]+", re.MULTILINE)  # a word's first part, one word a line
_SENT_START_RE = re.compile(r"(?:^|[.!?…:;\"“”(]\s*|\n\s*)$")
_NAME_RUN_RE = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")
#: Removed kinds that are prose (worth spell-checking); icon strings and menus are not.
_PROSE_KINDS = frozenset({"adblock", "donation", "newsletter", "privacy", "comment_prompt", "author_promo"})


#: British forms that no spelling rule maps to the list's American form.
BRITISH = frozenset("""
programme programmes aluminium jewellery sceptic sceptics sceptical scepticism manoeuvre manoeuvres manoeuvred
manoeuvring tyre tyres cheque cheques fulfil fulfils fulfilment enrol enrols enrolment instalment instalments
plough ploughs mould moulds mouldy storey storeys kerb kerbs pyjamas draught draughts gaol gaols judgement
judgements ageing whilst amongst grey greys practise practised practising licence licences artefact artefacts
moustache cosy speciality specialities aeroplane aeroplanes anaesthetic anaesthetics orientated learnt spelt
dreamt burnt spoilt smelt dwelt leapt analogue analogues dialogue dialogues catalogue catalogues catalogued
""".split())

#: Technical words of ordinary tech and science writing that the word list lacks.
TECH_TERMS = frozenset("""
regex regexes regexp webhook webhooks dataset datasets codebase codebases runtime runtimes backend backends
frontend frontends middleware namespace namespaces localhost plugin plugins toolchain toolchains javascript
typescript kubernetes docker json yaml async await blockchain blockchains cryptocurrency cryptocurrencies
bitcoin ethereum hashtag hashtags smartphone smartphones chatbot chatbots geolocation metadata username
usernames login logins logout cybersecurity ransomware malware spyware firmware microservice microservices
serverless dataframe dataframes tokenizer tokenizers tokenization embeddings pretrained pretraining finetuning
upvote upvotes subreddit subreddits livestream livestreams livestreamed podcast podcasts podcaster
tech fintech edtech biotech coli petri vitro vivo genomic genomics proteomics
""".split())

#: A saying verb right after a capitalised word marks it as a name ("Drukker said").
_SAYING_AFTER_RE = re.compile(
    r"[’']?s?,?\s+(?:said|says|told|tells|wrote|writes|notes|noted|added|adds|argues|argued|explains|"
    r"explained|warns|warned|recalls|recalled|insists|insisted|agrees|agreed|asked|replied)\b")

#: British → American spelling rewrites tried on an unknown word (suffix rules).
_BRIT_RULES = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers|able|ably|edly)$"), r"iz\1"),  # realised, organisation
    (re.compile(r"ys(e|ed|es|ing|er|ers)$"), r"yz\1"),  # analysed, paralysing
    (re.compile(r"our(s|ed|ing|ful|ite|ites|able|ably|less|er|ers|ism|ist|ists|ly)?$"), r"or\1"),  # colour, favourite
    (re.compile(r"(?<=[aeiou][bcdfgklmnprstvz])l(ed|ing|er|ers|ous|y)$"), r"\1"),  # travelled, marvellous
    (re.compile(r"([bdtv])re(s|d)?$"), r"\1er\2"),  # centre, theatres, metre, calibre
    (re.compile(r"ence(s)?$"), r"ense\1"),  # defence, offence, pretence
    (re.compile(r"ogue(s)?$"), r"og\1"),  # catalogue, dialogue
)


def _british_ok(low: str, known: dict[str, int]) -> bool:
    """True for a British spelling whose American form is in the list (or on BRITISH)."""
    if low in BRITISH:
        return True
    tries = {low.replace("ae", "e"), low.replace("oe", "e")} - {low}  # paediatric, oestrogen
    for rx, rep in _BRIT_RULES:
        if rx.search(low):
            tries.add(rx.sub(rep, low))
    for t in list(tries):  # rules can combine: "characterisation", "organisationally"
        for rx, rep in _BRIT_RULES:
            if rx.search(t):
                tries.add(rx.sub(rep, t))
    return any(t in known for t in tries if t != low)


def _known() -> dict[str, int]:
    """The word list (a dict: membership tests are set look-ups)."""
    return english_frequencies()


@lru_cache(maxsize=20000)
def _suggest(word: str) -> str | None:
    """The likeliest correction of an unknown word, or None if nothing is near."""
    known = _known()
    if any(word[:i] in known and word[i:] in known for i in range(3, len(word) - 2)):
        return None  # a compound of two known words ("roadmap"), not a typo
    cands = one_edit_known(word)
    if not cands:
        return None
    return max(cands, key=lambda w: (known.get(w, 0), w))


_CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _capitalised_mid_sentence(text: str) -> set[str]:
    """Capitalised words seen inside a sentence somewhere in ``text`` (names, not typos)."""
    return {m.group() for m in _CAP_WORD_RE.finditer(text)
            if not _SENT_START_RE.search(text[max(0, m.start() - 3):m.start()])}


def _unknown_candidates(view: TextView, known: dict[str, int]) -> Iterator[re.Match[str]]:
    """The matches of :data:`_CANDIDATE_RE` in ``view.text`` whose word is not known,
    in text order, with set look-ups over the shared words instead of a scan.

    A candidate's word is the first part (up to an apostrophe or hyphen) of a word of
    :data:`credscore.text.WORD_RE` and starts where it starts: nothing word-like or
    joining precedes it and nothing word-like follows it.  So the regex is matched only
    at the starts of the words whose lower-cased first part is four or more ASCII
    letters that the checks of :func:`find_misspellings` do not already accept."""
    unique = list(set(view.words_lower))
    if not unique:
        return
    firsts = _FIRST_PART_RE.findall("\n".join(unique))
    if len(firsts) != len(unique):  # pragma: no cover - every word starts with a letter or digit
        yield from _CANDIDATE_RE.finditer(view.text)
        return
    # the dictionary look-ups in C (filterfalse), then the few words it does not know
    unknown = {f for f in filterfalse(known.__contains__, set(firsts))
               if len(f) >= 4 and f.isascii() and f.isalpha() and f not in TECH_TERMS and not _british_ok(f, known)}
    if not unknown:
        return
    suspect = {u for u, f in zip(unique, firsts) if f in unknown}
    text, starts, match = view.text, view.word_starts, _CANDIDATE_RE.match
    for i in compress(range(len(starts)), map(suspect.__contains__, view.words_lower)):
        m = match(text, starts[i])
        if m:
            yield m


def find_misspellings(text: str, view: TextView | None = None) -> list[tuple[int, int, str, str]]:
    """``(start, end, word, suggestion)`` for each likely misspelling in ``text``
    (``view``, if given, is the shared tokenisation of ``text``: faster, the same result)."""
    known = _known()
    names: set[str] | None = None
    mid_caps: set[str] | None = None
    out = []
    for m in (_CANDIDATE_RE.finditer(text) if view is None else _unknown_candidates(view, known)):
        word = m.group(1)
        if len(word) > MAX_WORD_LEN:
            continue
        low = word.lower()
        if low in known or low in TECH_TERMS or _british_ok(low, known):
            continue
        if word[0].isupper():
            # Capitalised: only a candidate at the start of a sentence, and never a name
            if len(word) < 5 or not _SENT_START_RE.search(text[max(0, m.start() - 3):m.start()]):
                continue
            if names is None:
                names = {w for run in _NAME_RUN_RE.findall(text) for w in run.split()}
            if word in names or _SAYING_AFTER_RE.match(text, m.end(1)):
                continue
            if mid_caps is None:
                mid_caps = _capitalised_mid_sentence(text)
            if word in mid_caps:
                continue
        sugg = _suggest(low)
        if sugg and sugg != low:
            out.append((m.start(1), m.end(1), word, sugg))
    return out


def compute(ctx: Context) -> Signal:
    found = find_misspellings(ctx.text, ctx.view)
    n = ctx.view.n_words
    rate = per_thousand(len(found), n)
    in_removed = []
    for b in ctx.removed:
        if b.kind not in _PROSE_KINDS:
            continue
        for a, z, w, s in find_misspellings(b.text):
            in_removed.append({"word": w, "suggestion": s, "start": b.start + a, "end": b.start + z, "kind": b.kind})
    evidence = [Span(a, z, f"{w} → {s}?") for a, z, w, s in found]
    return Signal(
        NAME,
        rate,
        rate >= THRESHOLD and len(found) >= 2,
        evidence,
        {"count": len(found), "words": [w for _, _, w, _ in found], "in_removed": in_removed},
    )
