"""HTML: a block is the text of one block-level element (``p``, ``h1``–``h6``, ``li``,
``div`` text, …), rendered with collapsed whitespace; blocks are joined by newlines
into ``source_text``, so HTML and plain text share one coordinate system.

HTML is parsed once, with lxml's C parser directly (BeautifulSoup alone costs about
as much as a whole trafilatura extraction; see ``benchmarks/chrome.py``); when lxml
cannot build a tree, BeautifulSoup (lxml parser, more forgiving repairs) only repairs
the markup: its tree is copied into lxml elements and the one walker
(:func:`credscore.segment.walker.segment_tree`) makes the blocks either way.
``script``/``style``/``template`` and friends contribute no text at all; text inside
``nav``, ``aside``, ``footer``, ``header`` (outside ``article``/``main``), ``form``
and ``menu`` is kept in ``source_text`` but its blocks carry a ``hint`` so that
chrome removal can say why it dropped them.  Each HTML block also records what the
chrome model reads: its tag path with classes and ids, its link density, the indices
of its ancestor elements (``anc``) and whether one of them is hidden.  The traversal
is iterative (no recursion), so 10,000 nested ``<div>``s cost what 10,000 siblings cost.
"""

from __future__ import annotations

from .blocks import NOSCRIPT_MIN_WORDS, SKIP_TAGS, Segmented


def segment_html(html: str) -> Segmented:
    """Parse ``html`` and return its blocks, ``source_text`` and page metadata.

    ``page`` holds: ``title`` (``<title>``), ``lang``, ``meta`` (name/property/itemprop
    → list of contents), ``jsonld`` (parsed JSON-LD objects), ``time`` (``<time
    datetime>`` values), ``canonical``, ``h1`` (first heading).
    """
    from .walker import segment_html_lxml, segment_tree, tree_from_soup

    def parse(skip: frozenset[str]) -> Segmented:
        seg = segment_html_lxml(html, skip)
        if seg is not None:
            return seg
        # lxml could not build (all of) the tree: BeautifulSoup repairs it, one walker reads it
        return segment_tree(tree_from_soup(html), skip)

    seg = parse(SKIP_TAGS)
    # the exact word count below NOSCRIPT_MIN_WORDS, at least that many otherwise
    words = len(seg.source_text.split(None, NOSCRIPT_MIN_WORDS))
    if words < NOSCRIPT_MIN_WORDS and "<noscript" in html.lower():
        # the page renders its text with JavaScript and serves it to crawlers in
        # <noscript> (Discourse forums): read that, if it holds the text
        alt = parse(SKIP_TAGS - {"noscript"})
        if len(alt.source_text.split()) >= words + NOSCRIPT_MIN_WORDS:
            return alt
    return seg
