"""How much of the page was chrome: the share of ``source_text`` removed, by kind.

A page that is mostly ad walls, donation appeals and share buttons is not
necessarily false, but it is a page built for something other than the article.
``value`` is the removed share of characters (0–1); ``details["by_kind"]`` gives
each kind's share.  Flagged when more than half the page is chrome.  There is no
evidence span: the removed text is no longer in the cleaned text
(``Analysis.removed`` lists it).
"""

from __future__ import annotations

from ..types import Signal
from .base import Context, Feature

NAME = "chrome_ratio"
ENGLISH_ONLY = False

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES: tuple[Feature, ...] = ()  # reported, never a score feature

THRESHOLD = 0.5


def compute(ctx: Context) -> Signal:
    src = ctx.source_text
    total = len(src) - sum(src.count(c) for c in " \n\t\r\xa0")  # non-space characters, in C loops
    by_kind: dict[str, float] = {}
    removed_chars = 0
    for b in ctx.removed:
        n = len(b.text.strip())
        removed_chars += n
        by_kind[b.kind] = by_kind.get(b.kind, 0) + n
    ratio = min(1.0, removed_chars / total) if total else 0.0
    shares = {k: round(v / total, 4) if total else 0.0 for k, v in sorted(by_kind.items())}
    return Signal(NAME, ratio, ratio > THRESHOLD, [], {"by_kind": shares, "blocks_removed": len(ctx.removed)})
