"""The blocks a document is cut into, and the tag sets that decide them.

A :class:`Block` is one unit of text with its offsets in the plain-text rendering
(``source_text[start:end] == block.text``); :class:`Segmented` holds the blocks of one
document with what the markup said about the page.  :mod:`credscore.segment.text`
and :mod:`credscore.segment.html` make them; this module imports neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# as in credscore.document: invisible characters that only split words, and C0 controls
_INVISIBLE_RE = re.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main "
    "menu nav ol p pre section summary table tbody td tfoot th thead tr ul br title legend "
    "option button label".split()
)
SKIP_TAGS = frozenset("script style noscript template svg math iframe object embed canvas head select".split())
HINT_TAGS = {
    "nav": "navigation",
    "menu": "navigation",
    "aside": "aside",
    "footer": "footer",
    "form": "form",
    "button": "widget",
    "header": "header",
}
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass(slots=True)
class Block:
    """One block of the page: ``source_text[start:end] == text``."""

    text: str
    start: int
    end: int
    tag: str = ""
    tag_path: str = ""
    link_density: float = 0.0
    hint: str | None = None  # a chrome kind the markup already implies (nav → "navigation")
    heading: bool = False
    index: int = 0
    anc: tuple[int, ...] = ()  # HTML: document-order indices of the ancestor elements
    hidden: bool = False  # HTML: an ancestor is hidden / aria-hidden / display:none


@dataclass
class Segmented:
    """The blocks of a document and what the markup said about the page."""

    source_text: str
    blocks: list[Block]
    page: dict[str, Any] = field(default_factory=dict)


#: A page with fewer words outside ``<noscript>`` is read with its ``<noscript>`` text.
NOSCRIPT_MIN_WORDS = 50
