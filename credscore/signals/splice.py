"""Truncation and splice artifacts: a sentence cut off and another one glued on.

Scrapers that stitch teaser snippets together leave seams like "as Moscow seeks
to… Strengthening relations in Vietnam" (seeds/000): the sentence stops after a
word that cannot end one ("to"), an ellipsis marks the cut, and a new sentence
starts with a capital.  Paragraphs that stop mid-sentence ("However neutrality has
turn into tougher,") are the same damage without the ellipsis.

Counted:

* ``ellipsis_splices``: ``word… Capital`` or ``word ... Capital`` where the word
  before the ellipsis is a word after which no sentence can stop ("to", "the",
  "of", "and", "its", …).  Quoted speech trimmed by an editor ("we will …
  The plan") is the one legitimate source, and rarer after such words;
* ``soft_splices``: the same seam after any other lower-case word (counted, not
  flagged: editors do trim quotes this way);
* ``truncated_paragraphs``: a paragraph of at least 6 words that ends in a comma,
  a semicolon, a hyphen, an article, a possessive or "and"/"or"/"nor" (not a
  preposition: "what it is capable of" ends a sentence) — unless the next
  paragraph starts in lower case (then an HTML line break split one sentence, as on
  many web pages, and nothing was cut).

``value`` is the number of ellipsis splices plus truncated paragraphs; ``flagged``
on one ellipsis splice, one paragraph ending in such a word, or two ending in
a comma or semicolon (a list item may end in a comma).  Evidence: the seam (the word, the ellipsis and the
capitalised word) or the paragraph's last characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..types import Signal, Span
from ._lexicon import capped
from .base import Context, Feature

NAME = "splice"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "ellipsis splices plus truncated paragraphs"),
    Feature("ellipsis_splices", -1, "ellipsis splices"),
    Feature("truncated_paragraphs", -1, "truncated paragraphs"),
    Feature("truncated_after_function_word", -1, "paragraphs cut after a function word"),
    Feature("soft_splices", 0, "soft splices (a weaker cue)"),
)

# Words after which an English sentence cannot stop: articles, prepositions,
# possessives, conjunctions.  (Auxiliaries such as "is" are left out: speakers trail
# off after them, and trimmed quotations keep that: "he is ... There is something".)
DANGLING = frozenset(
    """
    to the a an of and or nor for with in on at by from into onto about than its their his her our your my
    """.split()
)
# The ellipsis comes first in the pattern, so the scan is fast; the word before it is
# looked up in the shared word spans.
SEAM_RE = re.compile(r"[ \t]?(?:…|\.\.\.)[ \t\u00a0]+[\"“‘']?[A-Z][a-z]+")
# A paragraph may end in a preposition ("what it is capable of", "a team can relate
# to"); it cannot end in an article, a possessive or a conjunction.
PARA_DANGLING = frozenset("the a an its their his her our your my and or nor".split())
PARA_END_RE = re.compile(r"(?:[,;\-–]|(?<![\w'’\-])([A-Za-z]+))\s*\Z")
MIN_PARA_WORDS = 6
# A list item may end in a comma ("Fried Rice,"); one comma-cut paragraph is not enough.
MIN_COMMA_CUTS = 2


def compute(ctx: Context) -> Signal:
    text = ctx.text
    strong: list[Span] = []
    soft: list[Span] = []
    spans = ctx.view.word_spans
    ends = ctx.view.word_ends
    words = ctx.view.words
    for m in SEAM_RE.finditer(text):
        i = bisect_right(ends, m.start()) - 1
        if i < 0 or ends[i] != m.start():
            continue  # the ellipsis does not follow a word directly
        word = words[i]
        if not word[0].islower():
            continue
        start = spans[i][0]
        if word in DANGLING:
            strong.append(Span(start, m.end(), note=f"sentence cut after {word!r} and restarted"))
        else:
            soft.append(Span(start, m.end(), note="ellipsis then a capital"))

    truncated: list[Span] = []
    n_dangling = 0
    paras = ctx.view.paragraph_spans
    for k, (a, b) in enumerate(paras):
        para = text[a:b].rstrip()
        m = PARA_END_RE.search(para, max(0, len(para) - 24))
        if not m or (m.group(1) and m.group(1) not in PARA_DANGLING):
            continue
        if para.count(" ") < MIN_PARA_WORDS - 1:
            continue
        if k + 1 < len(paras) and text[paras[k + 1][0]].islower():
            continue  # the sentence goes on in the next block: a line break, not a cut
        n_dangling += m.group(1) is not None
        cut = para.rfind(" ", 0, max(0, len(para) - 30))  # show the last words, whole
        truncated.append(Span(a + cut + 1, a + len(para), note="paragraph stops mid-sentence"))

    n_comma = len(truncated) - n_dangling
    value = len(strong) + len(truncated)
    return Signal(
        name=NAME,
        value=float(value),
        flagged=bool(strong) or n_dangling > 0 or n_comma >= MIN_COMMA_CUTS,
        evidence=capped(strong + truncated + soft),
        details={
            "ellipsis_splices": len(strong),
            "soft_splices": len(soft),
            "truncated_paragraphs": len(truncated),
            "truncated_after_function_word": n_dangling,
        },
    )
