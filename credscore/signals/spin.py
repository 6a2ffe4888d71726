"""Synonym-spun text ("article spinning"): fingerprints of a spinner's work.

Spinners rewrite a wire story word by word with a thesaurus, so the names and
fixed phrases of news come out mangled in recognisable ways: "Associated Press"
→ "Related Press", "natural gas" → "pure fuel", "Cold War" → "Chilly Warfare",
"said" → "mentioned".  Each fingerprint found is an evidence span whose note
names the likely original.

``value`` is in [0, 1]: fingerprint hits per 1,000 words, squashed (10 per 1,000
→ 0.5).  Flagged when at least three distinct fingerprints occur, or "mentioned"
stands in for "said" throughout.
"""

from __future__ import annotations

import re

from ..text import per_thousand
from ..types import Signal, Span
from .base import Context

NAME = "spin"
ENGLISH_ONLY = True

#: spun rendering → likely original (news names and collocations)
FINGERPRINTS: dict[str, str] = {
    "Related Press": "Associated Press",
    "pure fuel": "natural gas",
    "Chilly Warfare": "Cold War",
    "Chilly Struggle": "Cold War",
    "Worldwide Felony Court docket": "International Criminal Court",
    "Felony Court docket": "Criminal Court",
    "Communist Social gathering": "Communist Party",
    "Social gathering": "Party",
    "Secretary-Normal": "Secretary-General",
    "Safety Council": "Security Council",
    "Information Company": "News Agency",
    "AP Picture": "AP Photo",
    "international locations": "countries",
    "know-how": "technology",
    "clear vitality": "clean energy",
    "struggle crimes": "war crimes",
    "Worldwide Airport": "International Airport",
    "Worldwide Institute": "International Institute",
    "worldwide legislation": "international law",
    "Wilson Middle": "Wilson Center",
    "White Home": "White House",
    "Prime Minister's Workplace": "Prime Minister's Office",
    "Supreme Court docket": "Supreme Court",
    "court docket": "court",
    "Home of Representatives": "House of Representatives",
    "Nationwide Safety": "National Security",
    "United Nations Safety": "United Nations Security",
    "Overseas Minister": "Foreign Minister",
    "Overseas Ministry": "Foreign Ministry",
    "Protection Ministry": "Defense Ministry",
    "Protection Minister": "Defense Minister",
    "monetary disaster": "financial crisis",
    "local weather change": "climate change",
    "synthetic intelligence": "artificial intelligence",
}
_FP_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(FINGERPRINTS, key=len, reverse=True)) + r")\b"
)
_FP_LOOKUP = {k.lower(): v for k, v in FINGERPRINTS.items()}
# "Lam mentioned there have been …", "Putin mentioned the 2 …", "… , mentioned Nguyen"
_MENTIONED_RE = re.compile(
    r"(?:\b(?:he|she|they|it|who|[A-Z][\w’'-]+)\s+(?:mentioned|acknowledged)\b(?=\s+(?:that|on|in|the|there|it|he|she|they|a|an|[A-Z]|\d)|[:,]\s*[“\"])"
    r"|[,”\"]\s*(?:mentioned|acknowledged)\s+(?=[A-Z]))"
)
_SAID_RE = re.compile(r"\b(?:said|says|told)\b")
# "The 2 international locations", "the 2 sides": a digit where news writes a word
_DIGIT_WORD_RE = re.compile(r"\b[Tt]he ([2-9]) (?=[a-z]{3,})")
_NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}
_SPINTAX_RE = re.compile(r"\{[^{}\n]{1,60}\|[^{}\n]{1,60}\}|\{[a-z][a-z ]{1,30}\}")


def compute(ctx: Context) -> Signal:
    text = ctx.text
    evidence: list[Span] = []
    distinct: set[str] = set()
    for m in _FP_RE.finditer(text):
        orig = _FP_LOOKUP.get(m.group().lower(), "?")
        distinct.add(m.group().lower())
        evidence.append(Span(m.start(), m.end(), f"spun: '{m.group()}' → '{orig}'"))
    mentioned = list(_MENTIONED_RE.finditer(text))
    said = len(_SAID_RE.findall(text))
    mentioned_for_said = len(mentioned) >= 3 and len(mentioned) > 2 * said
    if mentioned_for_said:
        for m in mentioned:
            a = text.find("mentioned", m.start(), m.end() + 1)
            if a < 0:
                a = text.find("acknowledged", m.start(), m.end() + 1)
                word = "acknowledged"
            else:
                word = "mentioned"
            evidence.append(Span(a, a + len(word), f"spun: '{word}' → 'said'"))
    for m in _DIGIT_WORD_RE.finditer(text):
        evidence.append(Span(m.start(1), m.end(1), f"spun: '{m.group(1)}' → '{_NUMBER_WORDS[m.group(1)]}'"))
    for m in _SPINTAX_RE.finditer(text):
        evidence.append(Span(m.start(), m.end(), "spintax residue"))
    evidence.sort(key=lambda s: s.start)
    rate = per_thousand(len(evidence), ctx.view.n_words)
    value = rate / (rate + 10.0) if rate else 0.0
    flagged = len(distinct) >= 3 or mentioned_for_said or bool(_SPINTAX_RE.search(text))
    return Signal(
        NAME,
        value,
        flagged,
        evidence,
        {
            "fingerprints": len(distinct),
            "hits": len(evidence),
            "hits_per_1k": rate,
            "mentioned_for_said": len(mentioned) if mentioned_for_said else 0,
            "said": said,
        },
    )
