"""Fast HTML block segmentation with lxml, keeping the DOM context the block model reads.

One walk over the lxml tree turns a page into *blocks*: the text between two block-level
boundaries (``<p>``, ``<div>``, ``<li>``, ``<h2>``, ``<br>``, …), whitespace-collapsed.
Each block remembers

* ``tag_path`` -- its ancestors as ``tag.class1.class2#id`` joined by ``>``
  (``body>div.post#main>p``), the boilerpipe/jusText notion of "where it sits";
* ``link_density`` -- the share of its characters inside ``<a>``;
* ``anc`` -- the indices of its ancestor elements, so that the feature code can ask
  "how much of the page's good text lives in the same container?";
* ``hidden`` -- whether an ancestor is ``hidden`` / ``aria-hidden`` / ``display:none``.

``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``, form controls and
the ``<head>`` are not text and are skipped.  ``nav``, ``aside``, ``footer`` and ``form``
are *kept* as blocks with their tag path: the model (and the rules) remove them, labelled,
so that ``chrome_ratio`` can count them.

Why lxml and not BeautifulSoup here: the walk runs on every page and parsing with
BeautifulSoup alone costs about as much as a whole trafilatura extraction; lxml's C parser
is several times faster.  :func:`parse` falls back to BeautifulSoup (which repairs more
kinds of broken markup) when lxml cannot build a tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption br
    option title""".split()
)
SKIP_TAGS = frozenset(
    """script style noscript template svg iframe object embed canvas math select textarea
    input button head link meta base audio video source track map area""".split()
)
_WS_RE = re.compile(r"\s+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(slots=True)
class DomBlock:
    """One block of an HTML page (see the module docstring)."""

    text: str
    tag: str
    tag_path: str
    link_density: float
    anc: tuple[int, ...] = ()
    hidden: bool = False
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class DomPage:
    """The blocks of a page plus what the walk learned about its elements."""

    blocks: list[DomBlock]
    title: str = ""
    n_elements: int = 0
    depth: dict[int, int] = field(default_factory=dict)  # element index -> depth


def parse(html: str | bytes) -> lxml.html.HtmlElement | None:
    """lxml first (fast); BeautifulSoup's lxml-backed repair as the fallback."""
    try:
        if isinstance(html, str):
            # lxml refuses str input that carries an XML encoding declaration.
            html = html.encode("utf-8", "surrogatepass")
            parser = _UTF8_PARSER
        else:
            parser = _PARSER
        root = lxml.html.document_fromstring(html, parser=parser)
        return root
    except (lxml.etree.ParserError, ValueError, TypeError):
        pass
    try:  # pragma: no cover - exercised only on pathological markup
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        return lxml.html.document_fromstring(str(soup).encode("utf-8"), parser=_UTF8_PARSER)
    except Exception:
        return None


_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
_UTF8_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")


def _descriptor(el: lxml.html.HtmlElement, tag: str) -> str:
    cls = el.get("class")
    ident = el.get("id")
    d = tag
    if cls:
        d += "." + ".".join(cls.split())
    if ident:
        d += "#" + ident.strip().replace(" ", "_")
    return d


def segment(html: str | bytes) -> DomPage:
    """Split a page into :class:`DomBlock` s in document order (offsets unset)."""
    root = parse(html)
    if root is None:
        return DomPage(blocks=[])
    title_el = root.find(".//title")
    title = _WS_RE.sub(" ", title_el.text_content()).strip() if title_el is not None else ""

    blocks: list[DomBlock] = []
    stack: list[tuple[str, int]] = []  # (descriptor, element index)
    depth: dict[int, int] = {}
    counter = 0
    # the block being filled: text pieces and link chars
    pieces: list[str] = []
    link_chars = 0
    total_chars = 0
    cur_tag = ""
    cur_path: tuple[tuple[str, int], ...] = ()
    cur_hidden = False
    hidden_depth = 0  # >0 while inside a hidden element

    def flush() -> None:
        nonlocal pieces, link_chars, total_chars
        if pieces:
            text = _WS_RE.sub(" ", "".join(pieces)).strip()
            if text:
                blocks.append(
                    DomBlock(
                        text=text,
                        tag=cur_tag,
                        tag_path=">".join(d for d, _ in cur_path),
                        link_density=min(1.0, link_chars / total_chars) if total_chars else 0.0,
                        anc=tuple(i for _, i in cur_path),
                        hidden=cur_hidden,
                    )
                )
        pieces = []
        link_chars = 0
        total_chars = 0

    def add(text: str, in_link: bool) -> None:
        nonlocal link_chars, total_chars, cur_tag, cur_path, cur_hidden
        if not pieces:
            if not text.strip():
                return
            cur_path = tuple(stack)
            cur_tag = block_tag_stack[-1] if block_tag_stack else ""
            cur_hidden = hidden_depth > 0
        pieces.append(text)
        n = len(text.strip())
        total_chars += n
        if in_link:
            link_chars += n

    block_tag_stack: list[str] = []

    def walk(el: lxml.html.HtmlElement, in_link: bool) -> None:
        nonlocal counter, hidden_depth
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions, entities
            if el.tail:
                add(el.tail, in_link)
            return
        tag = tag.lower()
        if tag in SKIP_TAGS:
            if el.tail:
                add(el.tail, in_link)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
        idx = counter
        counter += 1
        stack.append((_descriptor(el, tag), idx))
        depth[idx] = len(stack)
        hid = (
            el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE_RE.search(el.get("style") or ""))
        )
        if hid:
            hidden_depth += 1
        if is_block:
            block_tag_stack.append(tag)
        link = in_link or tag == "a"
        if el.text:
            add(el.text, link)
        for child in el:
            walk(child, link)
        if is_block:
            flush()
            block_tag_stack.pop()
        if hid:
            hidden_depth -= 1
        stack.pop()
        if el.tail:
            add(el.tail, in_link)

    body = root.find("body")
    walk(body if body is not None else root, False)
    flush()
    return DomPage(blocks=blocks, title=title, n_elements=counter, depth=depth)


def render(blocks: list[DomBlock]) -> str:
    """Join blocks one per line into the page's plain text and set their offsets."""
    parts: list[str] = []
    pos = 0
    for b in blocks:
        b.start = pos
        b.end = pos + len(b.text)
        parts.append(b.text)
        pos = b.end + 1
    return "\n".join(parts)
