"""Sourcing: who says so, in whose words, with which numbers and dates.

A reported article names its sources and what they do ("Nguyen Khac Giang, an
analyst at the ISEAS-Yusof Ishak Institute", "Deputy Defense Minister Hoang Xuan
Chien told…"), quotes them, and anchors claims in numbers and dates.  Filler and
fabrication lean on "sources say", "insiders claim", "it is believed".  This signal
is the richer sibling of v1's ``attribution`` (quotes and said-type verbs per 1,000
words), which it leaves as it is.

Counted (all also per 1,000 words in ``details``):

* ``quotes``: quotations of three words or more, in straight or curly double quotes,
  other than titles ("The Lord of the Rings": :func:`~.attribution.title_like`);
* ``named_sources``: a person's name (two to four capitalised words) with a role —
  as an apposition ("Rizwan Rahmat, a Singapore-based analyst with…") or as a title
  right before a name that says something ("Deputy Defense Minister Hoang Xuan
  Chien told"); roles come from :data:`ROLES`;
* ``named_attributions``: a name of two or more words right before or after a
  saying verb ("…, said Karen Shammas") and "according to" + a capitalised name;
  also a bare surname before or after a saying verb ("Onwurah said", "said Grady"):
  counted under the full name when the text has one ending in it ("Chi Onwurah"),
  so a back-reference to a source already counted does not count twice, else on its
  own if it is not a common English word ("Police said", "He said" are not names);
* ``anonymous``: anonymous-source formulas (:data:`ANONYMOUS`: "sources say",
  "on condition of anonymity", "people familiar with", "it is believed", …) —
  reported, not held against a page on their own: mainstream desks use them too;
* ``documentary``: "according to" a source that is neither a name nor anonymous
  ("according to a new poll") and the nouns poll, survey, study, report, data,
  filing, records;
* ``numbers``: words containing a digit; ``dates``: month-day/month-year dates,
  weekdays, years, numeric dates.

``value`` is (quotes + named sources + named attributions) per 1,000 words.
``flagged`` ("unsourced") for a text of 150 words or more with no quotation, no
named source or attribution and no documentary source at all, or with at least 3
anonymous formulas and more of them than named sources and attributions together.

Speed: every pattern is tried only next to a candidate word found by a set look-up
in the shared word list (a role word, a saying verb, "according", a month name), on
a short window of text — never a scan of the whole text per pattern.
"""

from __future__ import annotations

import re
from itertools import compress, filterfalse

from ..dates.patterns import DATE_AFTER_RE, DAY_MONTH_RE, MONTH_WORDS, NUMERIC_DATE_RE, WEEKDAY_WORDS
from ..text import per_thousand
from ..types import Signal, Span
from ._lexicon import PhraseMatcher, capped
from ._wordfreq import is_common_word
from .attribution import title_like
from .base import Context, Feature

NAME = "sourcing"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", +1, "quotes + named sources + named attributions per 1,000 words"),
    Feature("quotes", +1, "quotations of three words or more"),
    Feature("quotes_per_1000_words", +1, "quotations per 1,000 words"),
    Feature("named_sources", +1, "named people with a role"),
    Feature("named_attributions", +1, "names next to a saying verb"),
    Feature("named_per_1000_words", +1, "named sources and attributions per 1,000 words"),
    Feature("unsourced", -1, "1 if the text is flagged unsourced"),
    Feature("anonymous", 0, "anonymous-source formulas"),
    Feature("anonymous_heavy", 0, "1 if anonymous formulas outnumber named sources"),
    Feature("anonymous_per_1000_words", 0, "anonymous-source formulas per 1,000 words"),
    Feature("documentary", 0, "documentary sources (polls, studies, filings)"),
    Feature("dates_per_1000_words", 0, "dates per 1,000 words"),
    Feature("numbers_per_1000_words", 0, "numbers per 1,000 words"),
)

ROLES = """
analyst analysts fellow professor lecturer scholar researcher scientist economist historian expert strategist
spokesperson spokesman spokeswoman director minister president secretary ambassador envoy diplomat chief
official officer senator representative congressman congresswoman lawmaker legislator governor mayor judge
justice lawyer attorney prosecutor adviser advisor aide chairman chairwoman chair ceo founder co-founder
editor reporter correspondent columnist journalist head leader member manager commissioner general colonel
lieutenant sergeant captain commander admiral deputy executive candidate nominee pollster consultant activist
author writer engineer dean principal teacher doctor physician surgeon nurse sheriff detective investigator inspector
negotiator owner coach partner organizer organiser campaigner researcher student resident witness
""".split()
TITLES = """
President Vice Prime Minister Secretary Senator Sen Rep Representative Gov Governor Mayor Judge Justice
Ambassador Chairman Chairwoman Director Chief General Gen Colonel Col Lieutenant Lt Captain Capt Commander
Admiral Deputy Professor Prof Dr Spokesman Spokeswoman Spokesperson Commissioner Sheriff Detective Officer
Attorney Analyst Economist
""".split()
VERBS = frozenset(
    """
    said says told tells added adds wrote writes stated states explained noted argued warned claimed insisted
    mentioned confirmed announced testified tweeted recalled asked replied
    """.split()
)

NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
# Two to four capitalised words, not opening with an article or a pronoun ("The United States").
_NOT_A_NAME = r"(?!(?:The|A|An|This|That|These|Those|It|Its|In|On|At|But|And|Our|Their)\b)"
PERSON = rf"{_NOT_A_NAME}{NAME_WORD}(?: (?:[A-Z]\. )?{NAME_WORD}){{1,3}}"
_TITLE_ALT = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
ROLE_SET = frozenset(ROLES)

# The patterns below are tried only next to a candidate word found by a set look-up
# (a role word, a saying verb, "according", a month): anchored at the end ($) of a
# short window before the word, or at the position right after it.
WINDOW = 90
APPOSITION_BEFORE_RE = re.compile(
    rf"({PERSON}),\s+(?:(?:a|an|the|who is|who was|its|his|her|their)\s+)?(?:[\w'’\-]+\s+){{0,6}}\Z"
)
TITLED_BEFORE_RE = re.compile(rf"\b(?:{_TITLE_ALT})\.? (?:{NAME_WORD} )*?({PERSON}),? \Z")
PERSON_BEFORE_RE = re.compile(rf"({PERSON}),? \Z")
PERSON_AFTER_RE = re.compile(rf",? ({PERSON})\b")
SURNAME_BEFORE_RE = re.compile(rf"(?<![\w.’'-])({NAME_WORD}),? \Z")
SURNAME_AFTER_RE = re.compile(rf",? ({NAME_WORD})\b(?![-'’]\w| {NAME_WORD})")
PERSON_RE = re.compile(rf"\b{PERSON}\b")
ACCORDING_AFTER_RE = re.compile(rf" to (?:the |a |an )?(?:new |latest |recent )?({NAME_WORD}(?: {NAME_WORD})*)")
ACCORDING_TO_RE = re.compile(r" to\b")
DOCUMENT_NOUNS = frozenset("poll polls survey surveys study studies report reports data filing filings records".split())
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
QUOTE_RE = re.compile(r"[“\"]([^”“\"\n]{8,1000}?)[”\"]")
DIGIT_RE = re.compile(r"\d")

ANONYMOUS = [
    "sources say", "sources said", "sources told", "a source said", "a source told", "a source close to",
    "sources close to", "according to sources", "according to a source", "according to reports",
    "unnamed source", "unnamed sources", "unnamed official", "unnamed officials", "anonymous source",
    "anonymous sources", "an insider", "insiders say", "insiders said", "on condition of anonymity",
    "on the condition of anonymity", "speaking anonymously", "who declined to be named",
    "who asked not to be named", "who asked not to be identified", "people familiar with",
    "person familiar with", "familiar with the matter", "it is believed", "it is said that", "it is rumored",
    "it is rumoured", "rumor has it", "rumour has it", "reportedly", "allegedly", "some say", "many say",
    "many believe", "some believe", "experts say", "critics say", "observers say",
]
ANON_M = PhraseMatcher(ANONYMOUS)

#: Every word the loop of :func:`compute` looks at (none holds a digit).
_WATCHED = ROLE_SET | VERBS | {"according"} | DOCUMENT_NOUNS | MONTH_WORDS | WEEKDAY_WORDS

MIN_WORDS = 150
MIN_ANON = 3


def _full_names(text: str) -> dict[str, str]:
    """Surname → the first full name in ``text`` that ends in it ("Onwurah" → "Chi Onwurah")."""
    out: dict[str, str] = {}
    for m in PERSON_RE.finditer(text):
        out.setdefault(m.group().rsplit(" ", 1)[-1], m.group())
    return out


def _surname_source(word: str, full_names: dict[str, str]) -> str | None:
    """The source a bare capitalised word before/after a saying verb names, or None."""
    if word in full_names:
        return full_names[word]
    low = word.lower()
    if len(word) < 3 or low in MONTH_WORDS or low in WEEKDAY_WORDS or is_common_word(low):
        return None
    return word


def compute(ctx: Context) -> Signal:
    text = ctx.text
    view = ctx.view
    n_words = view.n_words

    quotes = [
        Span(m.start(), m.end(), note="quotation")
        for m in QUOTE_RE.finditer(text)
        if m.group(1).count(" ") >= 2 and not title_like(m.group(1))
    ]
    named: dict[str, Span] = {}
    attributed: dict[str, Span] = {}
    full_names: dict[str, str] | None = None
    n_numbers = n_dates = n_documentary = 0
    words = view.words_lower
    spans = view.word_spans
    # only the words some rule below is about, found by set look-ups in C
    for i in compress(range(len(words)), map(_WATCHED.__contains__, words)):
        w = words[i]
        a, b = spans[i]
        if w in ROLE_SET:
            m = APPOSITION_BEFORE_RE.search(text, max(0, a - WINDOW), a)
            if m:
                named.setdefault(m.group(1), Span(m.start(), b, note="named source with role"))
        elif w in VERBS:
            m = TITLED_BEFORE_RE.search(text, max(0, a - WINDOW), a)
            if m:
                named.setdefault(m.group(1), Span(m.start(), b, note="titled source speaking"))
                continue
            m = PERSON_BEFORE_RE.search(text, max(0, a - WINDOW), a)
            span = (m.start(), b) if m else None
            if not m:
                m = PERSON_AFTER_RE.match(text, b)
                span = (a, m.end()) if m else None
            if m and span and m.group(1) not in named:
                attributed.setdefault(m.group(1), Span(*span, note="named attribution"))
            elif not m:
                m = SURNAME_BEFORE_RE.search(text, max(0, a - 40), a)
                span = (m.start(), b) if m else None
                if not m:
                    m = SURNAME_AFTER_RE.match(text, b)
                    span = (a, m.end()) if m else None
                if m and span:
                    if full_names is None:
                        full_names = _full_names(text)
                    key = _surname_source(m.group(1), full_names)
                    if key and key not in named and key not in attributed:
                        attributed[key] = Span(*span, note="named attribution (surname)")
        elif w == "according":
            m = ACCORDING_AFTER_RE.match(text, b)
            if m and m.group(1) not in named:
                attributed.setdefault(m.group(1), Span(a, m.end(), note="according to a named source"))
            elif ACCORDING_TO_RE.match(text, b):
                n_documentary += 1
        elif w in DOCUMENT_NOUNS:
            n_documentary += 1
        elif w in MONTH_WORDS:
            if text[a].isupper() and (DATE_AFTER_RE.match(text, b) or DAY_MONTH_RE.search(text, max(0, a - 3), a)):
                n_dates += 1
        elif w in WEEKDAY_WORDS:
            n_dates += 1
    # words with a digit (no watched word has one): counts only, in any order
    for w in filterfalse(str.isalpha, words):
        if DIGIT_RE.search(w):
            n_numbers += 1
            if len(w) == 4 and YEAR_RE.fullmatch(w):
                n_dates += 1
    n_dates += len(NUMERIC_DATE_RE.findall(text))
    anonymous = [Span(m.start(), m.end(), note="anonymous / vague source") for m in ANON_M.finditer(view)]

    n_named = len(named) + len(attributed)
    n_documentary = max(0, n_documentary - len(anonymous))  # "according to people familiar with"
    unsourced = n_words >= MIN_WORDS and not quotes and n_named == 0 and n_documentary == 0
    anon_heavy = len(anonymous) >= MIN_ANON and len(anonymous) > n_named
    pk = lambda n: round(per_thousand(n, n_words), 3)  # noqa: E731
    return Signal(
        name=NAME,
        value=per_thousand(len(quotes) + n_named, n_words),
        flagged=unsourced or anon_heavy,
        evidence=capped(list(named.values()) + list(attributed.values()) + anonymous + quotes),
        details={
            "quotes": len(quotes),
            "named_sources": len(named),
            "named_attributions": len(attributed),
            "anonymous": len(anonymous),
            "documentary": n_documentary,
            "numbers": n_numbers,
            "dates": n_dates,
            "quotes_per_1000_words": pk(len(quotes)),
            "named_per_1000_words": pk(n_named),
            "anonymous_per_1000_words": pk(len(anonymous)),
            "numbers_per_1000_words": pk(n_numbers),
            "dates_per_1000_words": pk(n_dates),
            "sources": sorted(named)[:20],
            "unsourced": unsourced,
            "anonymous_heavy": anon_heavy,
        },
    )
