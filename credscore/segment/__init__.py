"""Cut a document into blocks, each with its offsets in the plain-text rendering.

Plain text: a block is a non-empty line (:mod:`.text`).  HTML: a block is the text of
one block-level element, rendered with collapsed whitespace, blocks joined by newlines
into ``source_text``, so both modes share one coordinate system (:mod:`.html`, which
walks the tree with :mod:`.walker`, lxml imported on first use).  :mod:`.blocks` holds
the types and tag sets every part reads; it imports none of them.
"""

from __future__ import annotations

from .blocks import (
    BLOCK_TAGS,
    HEADING_TAGS,
    HINT_TAGS,
    NOSCRIPT_MIN_WORDS,
    SKIP_TAGS,
    Block,
    Segmented,
)
from .html import segment_html
from .text import segment_text

__all__ = [
    "BLOCK_TAGS",
    "HEADING_TAGS",
    "HINT_TAGS",
    "NOSCRIPT_MIN_WORDS",
    "SKIP_TAGS",
    "Block",
    "Segmented",
    "segment_html",
    "segment_text",
]
