"""Link-residue capitals: a capitalised function word in the middle of a sentence.

When a page is scraped and rewritten, the text of an inline link is often pasted in
as if it were a separate headline, and the seam shows as a capital where the
sentence runs on: "to compensate for its growing worldwide isolation Its struggle in
Ukraine", "Russia is now confronting it A set of US-led sanctions Due to its
invasion" (seeds/000).  Edited prose never capitalises "its", "due", "the" in
mid-sentence except inside titles and names.

A hit is a word from a closed list of English function words (articles, pronouns,
prepositions, conjunctions, auxiliaries), capitalised, such that

* the gap before it, back to the previous word, is nothing but spaces — no
  punctuation, quote, bracket or line break (so sentence starts, quotations and
  headlines on their own line never count);
* the word after it starts with a lower-case letter — which rules out titles and
  names, "told The Washington Post", "the film A Beautiful Mind";
* the word before it starts with a lower-case letter — which rules out Title Case
  headings ("What Is a Caterer?", "Here Are the Best Restaurants"), names ("Plan A",
  "Hepatitis A") and sub-headings glued to the next sentence by a flattening
  extractor ("… anchor Lester Holt The debate had six segments"); the price is a
  seam after a name ("Joe Biden And the Chinese leader" in seeds/000), not counted.

``value`` is hits per 1,000 words; ``flagged`` at two hits or more (one can be a
lone stylistic quirk).  Evidence: each capitalised word.
"""

from __future__ import annotations


from ..text import per_thousand
from ..types import Signal, Span
from ._lexicon import capped
from .base import Context, Feature

NAME = "link_residue"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "link-residue capitals per 1,000 words"),
    Feature("hits", -1, "link-residue seams"),
    Feature("per_1000_words", -1, "link-residue seams per 1,000 words"),
)

FUNCTION_WORDS = frozenset(
    """
    A An The Its It Their Our His Her Your My This That These Those
    Due To Of In On At By For From With Into About Between Amid Against Despite Toward Towards
    Through Within Without Upon Via Per Among
    And But Or Nor As Because While Although Though Whereas Unless Than
    Which Who Whom Whose Is Are Was Were Been Has Have Had Would Should Could
    """.split()
)
MIN_HITS = 2


def compute(ctx: Context) -> Signal:
    text = ctx.text
    words = ctx.view.words
    spans = ctx.view.word_spans
    hits: list[Span] = []
    for i in range(1, len(words) - 1):
        w = words[i]
        if w not in FUNCTION_WORDS:
            continue
        nxt = words[i + 1]
        if not nxt[0].islower():
            continue
        a, b = spans[i]
        pa, pb = spans[i - 1]
        gap = text[pb:a]
        if not gap or gap.strip(" \t\u00a0"):
            continue
        if text[b : spans[i + 1][0]].strip(" \t\u00a0"):  # "The" + ":" or newline before the next word
            continue
        if not words[i - 1][0].islower():
            continue  # "What Is a …", "Here Are the …", "Lester Holt The debate": headings, names
        hits.append(Span(a, b, note=f"capitalised {w!r} mid-sentence"))
    n_words = ctx.view.n_words
    return Signal(
        name=NAME,
        value=per_thousand(len(hits), n_words),
        flagged=len(hits) >= MIN_HITS,
        evidence=capped(hits),
        details={"hits": len(hits), "per_1000_words": round(per_thousand(len(hits), n_words), 3)},
    )
