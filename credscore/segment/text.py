"""Plain text: one block per non-empty line; offsets index the text itself.

Scrapers that keep every text node write one node per line, so a line is the unit
chrome comes in.
"""

from __future__ import annotations

import re

from .blocks import Block, Segmented

_LINE_RE = re.compile(r"[^\n]+")


def segment_text(text: str) -> Segmented:
    """One block per non-empty line; offsets index ``text`` itself."""
    blocks: list[Block] = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        blocks.append(Block(text=stripped, start=start, end=start + len(stripped), index=len(blocks)))
    return Segmented(source_text=text, blocks=blocks)
