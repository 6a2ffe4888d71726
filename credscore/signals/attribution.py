"""Attribution: quotations and "said"-type attributions per 1,000 words.

Reported journalism quotes people and says who said what; filler and opinion
pages rarely do.  ``value`` is attributions + quotations per 1,000 words.
Flagged when a text of 150+ words has none at all.  Evidence: each attribution verb
phrase and each quotation.
"""

from __future__ import annotations

import re

from ..text import per_thousand
from ..types import Signal, Span
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
    r"\b(?:said|says|told|according to|stated|added|noted|explained|wrote|announced|"
    r"confirmed|insisted|argued|claimed|warned|reported|acknowledged|testified)\b",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"“[^”\n]{3,}”|\"[^\"\n]{3,}\"|«[^»\n]{3,}»|„[^“\n]{3,}“")


def compute(ctx: Context) -> Signal:
    text = ctx.text
    attrs = [m.span() for m in _ATTR_RE.finditer(text)]
    quotes = [m.span() for m in _QUOTE_RE.finditer(text)]
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
