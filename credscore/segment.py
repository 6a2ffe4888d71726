"""Cut a document into blocks, each with its offsets in the plain-text rendering.

Plain text: a block is a non-empty line (scrapers that keep every text node write
one node per line, so a line is the unit chrome comes in).  HTML: a block is the
text of one block-level element (``p``, ``h1``–``h6``, ``li``, ``div`` text, …),
rendered with collapsed whitespace; blocks are joined by newlines into
``source_text``, so both modes share one coordinate system.

HTML is parsed once, with lxml's C parser directly (BeautifulSoup alone costs about
as much as a whole trafilatura extraction; see ``benchmarks/chrome.py``); when lxml
cannot build a tree, BeautifulSoup (lxml parser, more forgiving repairs) only repairs
the markup: its tree is copied into lxml elements and the one walker
(:func:`credscore._lxml_segment.segment_tree`) makes the blocks either way.
``script``/``style``/``template`` and friends contribute no text at all; text inside
``nav``, ``aside``, ``footer``, ``header`` (outside ``article``/``main``), ``form``
and ``menu`` is kept in ``source_text`` but its blocks carry a ``hint`` so that
chrome removal can say why it dropped them.  Each HTML block also records what the
chrome model reads: its tag path with classes and ids, its link density, the indices
of its ancestor elements (``anc``) and whether one of them is hidden.  The traversal
is iterative (no recursion), so 10,000 nested ``<div>``s cost what 10,000 siblings cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_WS_RE = re.compile(r"\s+")
# as in credscore.document: invisible characters that only split words, and C0 controls
_INVISIBLE_RE = re.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_RE = re.compile(r"[^\n]+")

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


def segment_html(html: str) -> Segmented:
    """Parse ``html`` and return its blocks, ``source_text`` and page metadata.

    ``page`` holds: ``title`` (``<title>``), ``lang``, ``meta`` (name/property/itemprop
    → list of contents), ``jsonld`` (parsed JSON-LD objects), ``time`` (``<time
    datetime>`` values), ``canonical``, ``h1`` (first heading).
    """
    from ._lxml_segment import segment_html_lxml, segment_tree, tree_from_soup

    def parse(skip: frozenset[str]) -> Segmented:
        seg = segment_html_lxml(html, skip)
        if seg is not None:
            return seg
        # lxml could not build (all of) the tree: BeautifulSoup repairs it, one walker reads it
        return segment_tree(tree_from_soup(html), skip)

    seg = parse(SKIP_TAGS)
    words = len(seg.source_text.split())
    if words < NOSCRIPT_MIN_WORDS and "<noscript" in html.lower():
        # the page renders its text with JavaScript and serves it to crawlers in
        # <noscript> (Discourse forums): read that, if it holds the text
        alt = parse(SKIP_TAGS - {"noscript"})
        if len(alt.source_text.split()) >= words + NOSCRIPT_MIN_WORDS:
            return alt
    return seg


#: A page with fewer words outside ``<noscript>`` is read with its ``<noscript>`` text.
NOSCRIPT_MIN_WORDS = 50
