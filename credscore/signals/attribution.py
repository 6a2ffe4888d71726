"""Attribution: quotations and "said"-type attributions per 1,000 words.

Reported journalism quotes people and says who said what; filler and opinion
pages rarely do.  ``value`` is attributions + quotations per 1,000 words.
Flagged when a text of 150+ words has none at all.  Evidence: each attribution verb
phrase and each quotation.  Present-tense and plural forms count ("Smith notes",
"the researchers note", "she writes"); a quotation that is a title or a name (a
short Title-Cased phrase: a film, a book, a show) is not a quotation of anyone and
does not count.
"""

from __future__ import annotations

import re

from ..text import per_thousand
from ..types import Signal, Span
from ._lexicon import AnchoredPattern
from .base import Context, Feature

NAME = "attribution"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", +1, "attributions + quotations per 1,000 words"),
    Feature("attributions", +1, "said-type attributions"),
    Feature("attributions_per_1k", +1, "said-type attributions per 1,000 words"),
    Feature("quotations", +1, "quotations"),
    Feature("quotations_per_1k", +1, "quotations per 1,000 words"),
)

_ATTR_RE = re.compile(
    r"\b(?:said|says|told|tells|according to|stated|added|adds|noted|explained|explains|wrote|writes|"
    r"announced|confirmed|insisted|argued|argues|claimed|warned|warns|reported|acknowledged|testified|"
    # present-tense "notes"/"note"/"say" only with a subject: "Smith notes", "the researchers note"
    r"(?-i:(?!(?:The|These|Those|His|Her|Their|Our|My|Your|Its|Some|Many|All|Such|Your|Lecture|Field|Show|"
    r"Class|Case|Release|Footnotes|Program|Patch)\b)[A-Z][a-z]+) notes|(?:he|she) notes|"
    r"(?:researchers|scientists|authors|experts|officials|analysts|economists|investigators|doctors|"
    r"critics|observers|residents|witnesses|lawmakers|historians|scholars|editors|organisers|organizers) "
    r"(?:note|say|write|add|argue|warn|explain|report|suggest|conclude)"
    r")\b",
    re.IGNORECASE,
)
# Every match starts at one of these words (lower-cased), or, for "notes", at the word
# before it: the regex is tried only there (the same matches, ~10x faster).
_ATTR = AnchoredPattern(
    _ATTR_RE,
    """said says told tells according stated added adds noted explained explains wrote writes announced
    confirmed insisted argued argues claimed warned warns reported acknowledged testified notes researchers
    scientists authors experts officials analysts economists investigators doctors critics observers
    residents witnesses lawmakers historians scholars editors organisers organizers""".split(),
    back=("notes",),
)
_QUOTE_RE = re.compile(r"“[^”\n]{3,}”|\"[^\"\n]{3,}\"|«[^»\n]{3,}»|„[^“\n]{3,}“")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by as is vs".split())


def title_like(quoted: str) -> bool:
    """True for a quotation that is a title or a name, not someone's words: up to eight
    words, each capitalised apart from small words ("The Lord of the Rings",
    "Oppenheimer"), with no sentence punctuation.  A short partial quote in lower case
    (called the plan “a disaster”) is still someone's words."""
    words = quoted.strip(" ,.;:!?'’\"“”").split()
    if not words or len(words) > 8 or any(c in quoted for c in ",;!?"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words) \
        and any(w[:1].isupper() for w in words)


def compute(ctx: Context) -> Signal:
    text = ctx.text
    attrs = [m.span() for m in _ATTR.finditer(text)]
    quotes = [m.span() for m in _QUOTE_RE.finditer(text) if not title_like(m.group()[1:-1])]
    n = ctx.view.n_words
    rate = per_thousand(len(attrs) + len(quotes), n)
    evidence = [Span(a, b, "attribution") for a, b in attrs[:50]] + [Span(a, b, "quotation") for a, b in quotes[:50]]
    evidence.sort(key=lambda s: s.start)
    return Signal(
        NAME,
        rate,
        n >= 150 and not attrs and not quotes,
        evidence,
        {
            "attributions": len(attrs),
            "quotations": len(quotes),
            "attributions_per_1k": per_thousand(len(attrs), n),
            "quotations_per_1k": per_thousand(len(quotes), n),
        },
    )
