"""Sensational framing: "Breaking News:", clickbait formulas, exclamations, shouting.

Fact-checkers' first tell of a low-effort or manipulative page is the framing, not
the facts: a "Breaking News:" label on a week-old story (seeds/001), headline
formulas that promise a reaction ("You won't believe…", "…what happened next"),
strings of exclamation marks and words in capitals.

Counted over the cleaned text and, when known and not already part of the text,
the page title (``ctx.title``; its matches are counted but cannot be evidence,
since evidence points into the text):

* ``formulas``: clickbait and alarm formulas (:data:`FORMULAS`, one
  :class:`PhraseMatcher`) — "breaking news:", "you won't believe", "what happened
  next", "please share", "they don't want you to know", "mind-blowing", …; the
  formulas that mainstream copy also uses ("what you need to know", "here's why",
  "must-see TV") were left out after a look at BuzzFeed-Webis' mainstream articles;
* ``cue_words``: loaded verbs and adjectives of hyper-partisan headlines
  (:data:`CUE_WORDS`: "shocking", "bombshell", "destroys", "slams", "epic", …),
  which mainstream news also uses now and then, so they only add to the rate;
* ``exclamations``: exclamation marks (a run "!!!" counts once), except right
  before a closing quote: a chant or a quoted cry is the speaker's, not the page's;
* ``shouting_runs``: runs of three or more all-capital words of two or more letters,
  two of them of four letters or more ("JENNIFER ANISTON HINTS AT FRIENDS
  REUNION"); single acronyms (NATO, FBI) and stamps ("PM CET BY") never count.

``value`` is formulas + cue words + exclamations + shouting runs, per 1,000 words.
``flagged`` when a formula occurs, or when there are at least 3 exclamation marks
and 5 or more per 1,000 words, or three shouting runs (Politico's
Playbook shouts its section heads, so two are not enough).
"""

from __future__ import annotations

import re

from ..text import per_thousand
from ..types import Signal, Span
from ._lexicon import PhraseMatcher, capped, phrase_regex
from .base import Context, Feature

NAME = "sensational"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "clickbait formulas, alarm cues, exclamations, shouting per 1,000 words"),
    Feature("formulas", -1, "clickbait formulas"),
    Feature("cue_words", -1, "alarm cue words"),
    Feature("exclamations", -1, "exclamation marks"),
    Feature("exclamations_per_1000_words", -1, "exclamation marks per 1,000 words"),
    Feature("shouting_runs", -1, "runs of words in capitals"),
    Feature("shouting_words", -1, "words in capitals"),
)

FORMULAS = [
    "breaking news:", "breaking:", "just in:", "developing story:", "urgent:", "alert:",
    "you won't believe", "you will not believe", "you wont believe", "won't believe what",
    "what happened next", "what happens next will", "will blow your mind", "blow your mind", "mind-blowing",
    "mind blowing", "must watch", "must-watch", "share if you", "please share", "share this everywhere",
    "spread the word", "goes viral", "they don't want you to know", "don't want you to know",
    "what they don't tell you", "the media won't tell you", "mainstream media won't", "wake up, people",
    "this changes everything", "you need to see this", "nobody is talking about", "no one is talking about",
    "will leave you speechless", "internet is losing it", "can't stop talking about",
]
CUE_WORDS = [
    "shocking", "shocked", "stunning", "bombshell", "explosive", "destroys", "destroyed", "slams", "slammed",
    "blasts", "blasted", "rips", "epic", "outrageous", "insane", "unbelievable", "incredible", "disgusting",
    "disgraceful", "humiliates", "humiliated", "humiliating", "obliterates", "demolishes", "exposed",
    "meltdown", "freakout", "freaks out", "hilarious", "terrifying", "horrifying", "brutal", "brutally",
    "savage", "scandal", "busted", "caught on camera", "caught on tape", "unhinged", "furious", "wow", "omg",
]
FORMULA_RE = phrase_regex(FORMULAS)  # for the title
CUE_RE = phrase_regex(CUE_WORDS)
FORMULAS_M = PhraseMatcher(FORMULAS)  # for the text
CUES_M = PhraseMatcher(CUE_WORDS)
# Not inside quoted speech: a "!" right before a closing quote is the speaker's.
EXCLAIM_RE = re.compile("!+(?![\u201d\"\u2019'])")
SHOUT_WORD = r"[A-Z]{2,}(?:['’][A-Z]+)?"
SHOUT_RE = re.compile(rf"\b{SHOUT_WORD}(?:[ \t]+{SHOUT_WORD}|[ \t]+[A-Z]\b){{2,}}")
LONG_CAPS_RE = re.compile(r"[A-Z]{4,}")

MIN_EXCLAMATIONS = 3
EXCLAMATIONS_PER_1000 = 5.0
MIN_SHOUT_RUNS = 3


def compute(ctx: Context) -> Signal:
    text = ctx.text
    n_words = ctx.view.n_words
    formulas = [Span(m.start(), m.end(), note="clickbait / alarm formula") for m in FORMULAS_M.finditer(ctx.view)]
    cues = [Span(m.start(), m.end(), note="loaded word") for m in CUES_M.finditer(ctx.view)]
    excl = [Span(m.start(), m.end(), note="exclamation") for m in EXCLAIM_RE.finditer(text)]
    shout = [
        Span(m.start(), m.end(), note="words in capitals")
        for m in SHOUT_RE.finditer(text)
        if len(LONG_CAPS_RE.findall(m.group())) >= 2  # "PM CET BY" is a time stamp, not shouting
    ]
    shout_words = sum(len(text[s.start : s.end].split()) for s in shout)

    title = ctx.title or ""
    if title and title in text:
        title = ""  # the headline is part of the text: counted there already
    title_formulas = len(FORMULA_RE.findall(title)) if title else 0
    title_cues = len(CUE_RE.findall(title)) if title else 0
    title_excl = len(EXCLAIM_RE.findall(title)) if title else 0
    title_shout = bool(
        title
        and len(title.split()) >= 3
        and sum(c.isupper() for c in title) > 0.6 * max(1, sum(c.isalpha() for c in title))
    )

    n_formulas = len(formulas) + title_formulas
    n_excl = len(excl) + title_excl
    total = n_formulas + len(cues) + title_cues + n_excl + len(shout) + title_shout
    excl_rate = per_thousand(len(excl), n_words)
    flagged = (
        n_formulas > 0
        or (n_excl >= MIN_EXCLAMATIONS and excl_rate >= EXCLAMATIONS_PER_1000)
        or len(shout) + title_shout >= MIN_SHOUT_RUNS
    )
    return Signal(
        name=NAME,
        value=per_thousand(total, n_words),
        flagged=flagged,
        evidence=capped(formulas + shout + cues + excl),
        details={
            "formulas": n_formulas,
            "cue_words": len(cues) + title_cues,
            "exclamations": n_excl,
            "exclamations_per_1000_words": round(excl_rate, 3),
            "shouting_runs": len(shout) + title_shout,
            "shouting_words": shout_words,
            "title_checked": bool(title),
        },
    )
