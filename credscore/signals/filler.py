"""Machine-flavoured filler: the stock phrases of generated and low-effort prose.

Text written by a language model, or padded by a content farm, leans on a small
stock of phrases that edited news rarely uses: "a testament to", "plays a pivotal
role", "a blend of", "intricate and extensive" (seeds/001).  One such phrase means
nothing; several per thousand words is a style.

Two lists, one matcher (:class:`PhraseMatcher`: one alternation, tried only at
words that start a phrase):

* :data:`CORE` — written by hand: language-model idioms (grandiose nouns —
  "tapestry", "testament", "beacon"; hedged emphasis — "it is important to note";
  empty intensifiers — "intricate and extensive", "a blend of"), checked one by one
  against the 822 mainstream articles of BuzzFeed-Webis 2016, where each occurs in
  at most 3 (0.4 %); phrases as frequent there as on hyper-partisan pages ("at the
  end of the day", "as we know", "a game-changer") were dropped;
* :data:`MINED` — chosen by hand from the output of ``tools/mine_filler.py``:
  3- and 4-word phrases over-represented (document frequency, log-odds) in
  crowd-written fakes, gossip fakes and hyper-partisan pages against ABC/CNN
  mainstream articles and legit stories, seen on four or more sites, and absent
  from (or in at most one of) 892 reference articles.  None of those corpora is
  machine-generated: the mined list catches the padding and engagement formulas
  of low-effort copy ("for some reason", "it was reported that", "let us know
  what you think"), the core list the idioms of generated text.

``value`` is phrase hits per 1,000 words; ``flagged`` with at least 3 hits of 2 or
more distinct phrases and at least 3 per 1,000 words.  The false-positive rate on
mainstream news is measured by ``benchmarks/quality_fp.py`` (Politico, held out of
the mining, and all mainstream articles); see the README section for the figures.
"""

from __future__ import annotations

from ..text import per_thousand
from ..types import Signal, Span
from ._lexicon import PhraseMatcher, capped
from .base import Context, Feature

NAME = "filler"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "generated / content-farm stock phrases per 1,000 words"),
    Feature("core_hits", -1, "stock phrases of the core list"),
)

CORE = [
    # grandiose nouns
    "a testament to", "stands as a testament", "serves as a testament", "a rich tapestry", "tapestry of",
    "a beacon of", "a symphony of", "a treasure trove of", "a melting pot of", "a kaleidoscope of",
    # blends and mixtures
    "a blend of", "a unique blend", "a harmonious blend", "a perfect blend", "a seamless blend",
    "a delicate balance", "a myriad of", "a plethora of", "a multitude of", "a diverse array of",
    "a wide array of", "a diverse range of",
    # intensified pairs
    "intricate and extensive", "intricate web of", "intricate interplay", "the intricacies of",
    "multifaceted nature", "complex and multifaceted", "nuanced understanding", "profound impact",
    "unwavering commitment", "unwavering dedication", "unwavering support", "meticulous attention to detail",
    # roles and importance
    "plays a pivotal role", "play a pivotal role", "played a pivotal role", "playing a pivotal role",
    "plays a crucial role", "play a crucial role", "plays a vital role", "play a vital role",
    "a pivotal moment", "a momentous occasion", "a significant milestone", "underscores the importance",
    "underscoring the importance", "highlights the importance", "highlighting the importance",
    "underscores the significance", "emphasizing the significance",
    # hedges and signposts
    "it is important to note", "it's important to note", "it is worth noting", "it's worth noting",
    "it is essential to", "it is crucial to", "in today's fast-paced world", "in today's digital age",
    "in the ever-evolving", "ever-evolving landscape", "the ever-changing landscape", "in the realm of",
    "navigate the complexities", "navigating the complexities", "delve into", "delves into", "delving into",
    "embark on a journey", "embarking on a journey", "a journey of self-discovery", "let's dive into",
    "dive deeper into", "a deeper understanding of", "shed light on the intricacies",
    "serves as a reminder", "serves as a stark reminder", "a poignant reminder",
    "fostering a sense of", "foster a sense of", "paving the way for a", "harness the power of",
    "harnessing the power of", "unlock the potential", "unlocking the potential", "elevate your",
    "in conclusion,", "in summary,", "all in all,",
    "stay tuned for", "look no further", "whether you're a",
    "novel opportunities",
]

MINED = [
    "for some reason", "it was reported that", "it was reported", "that being said", "then proceeded to",
    "as a matter of fact", "as you can see", "is exactly what", "is nothing more than", "is nothing but",
    "you would think", "on top of that", "at this juncture", "will stop at nothing", "stop at nothing",
    "there is no way", "the truth is that", "truth is that", "let us know what you think",
    "let us know in the comments", "what do you think about", "tell us what you think",
    "your thoughts below", "in the comments below", "please share this", "share this story", "share this post",
    "share this on facebook", "we already know", "this has got to", "the point is", "whatever it takes to",
    "the very same", "everything they can to", "is the point", "not agree with",
]

MATCHER = PhraseMatcher(CORE + MINED)
_CORE_KEYS = frozenset(" ".join(p.lower().replace("\u2019", "'").split()) for p in CORE)

MIN_HITS = 3
MIN_DISTINCT = 2
MIN_PER_1000 = 3.0


def _key(s: str) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split())


def compute(ctx: Context) -> Signal:
    view = ctx.view
    hits: list[Span] = []
    distinct: dict[str, int] = {}
    n_core = 0
    for m in MATCHER.finditer(view):
        k = _key(m.group())
        core = k in _CORE_KEYS
        n_core += core
        distinct[k] = distinct.get(k, 0) + 1
        hits.append(Span(m.start(), m.end(), note="stock phrase" + (" (generated-text idiom)" if core else "")))
    rate = per_thousand(len(hits), view.n_words)
    return Signal(
        name=NAME,
        value=rate,
        flagged=len(hits) >= MIN_HITS and len(distinct) >= MIN_DISTINCT and rate >= MIN_PER_1000,
        evidence=capped(hits),
        details={
            "hits": len(hits),
            "distinct": len(distinct),
            "core_hits": n_core,
            "mined_hits": len(hits) - n_core,
            "per_1000_words": round(rate, 3),
            "phrases": sorted(distinct)[:20],
        },
    )
