"""HTML segmentation on lxml directly: the fast path of :func:`credscore.segment.html.segment_html`.

One ``lxml.etree.iterwalk`` over the tree (start/end events, C-level iteration, no
Python recursion) collects the text of each block-level element together with what
the chrome model reads about it:

* ``tag_path`` -- its ancestors as ``tag.class1.class2#id`` joined by ``>``
  (``body>div.post#main>p``; the last 12 steps), boilerpipe's "where it sits";
* ``link_density`` -- the share of its characters inside ``<a>``;
* ``anc`` -- the document-order indices of its ancestor elements, so that the
  model can ask "how much of the page's good text lives in the same container?";
* ``hidden`` -- an ancestor is ``hidden``, ``aria-hidden="true"`` or ``display:none``;
* ``hint`` -- the kind its markup implies (``nav`` → navigation, ``footer`` → footer,
  …; ``header`` only outside ``article``), as in the BeautifulSoup path.

:func:`segment_html_lxml` returns ``None`` when lxml cannot build a tree, or builds only
part of it (libxml2's depth limit); the caller then has BeautifulSoup repair the markup
(:func:`tree_from_soup`) and walks that tree with the same :func:`segment_tree`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.etree

from .blocks import _INVISIBLE_RE, BLOCK_TAGS, HEADING_TAGS, HINT_TAGS, SKIP_TAGS, Block, Segmented

_WS_RE = re.compile(r"\s+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# a plain etree parser: lxml.html's element-class lookup (HtmlElement) costs ~2 % of a page
# and nothing here needs its methods (text_content() is the XPath string() below)
_PARSER = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
_TEXT_CONTENT = lxml.etree.XPath("string()")
_MAX_PATH = 12


def _page_meta(root: Any) -> dict[str, Any]:
    page: dict[str, Any] = {"meta": {}, "jsonld": [], "time": []}
    html_lang = root.get("lang")
    if html_lang:
        page["lang"] = html_lang
    for el in root.iter("meta", "script", "time", "link", "title", "h1"):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            if key and el.get("content") is not None:
                page["meta"].setdefault(key.lower(), []).append(el.get("content"))
        elif tag == "script":
            if (el.get("type") or "").lower() == "application/ld+json":
                try:
                    page["jsonld"].append(json.loads(el.text or "null"))
                except (ValueError, RecursionError):
                    pass
        elif tag == "time":
            if el.get("datetime"):
                page["time"].append(el.get("datetime"))
        elif tag == "link":
            if "canonical" in (el.get("rel") or "").lower() and el.get("href"):
                page.setdefault("canonical", el.get("href"))
        elif tag == "title":
            if "title" not in page:
                page["title"] = _WS_RE.sub(" ", _TEXT_CONTENT(el)).strip()
        elif tag == "h1" and "h1" not in page:
            page["h1"] = _WS_RE.sub(" ", _TEXT_CONTENT(el)).strip()
    return page


def _step(el: Any, tag: str) -> str:
    cls = el.get("class")
    ident = el.get("id")
    d = tag
    if cls:
        d += "." + ".".join(cls.split())
    if ident:
        d += "#" + "_".join(ident.split())
    return d


def segment_html_lxml(html: str, skip: frozenset[str] = SKIP_TAGS) -> Segmented | None:
    """Blocks, ``source_text`` and page metadata; ``None`` if lxml cannot parse ``html``."""
    try:
        # what lxml.html.document_fromstring does, minus its element classes
        root = lxml.etree.fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None
    if root is None:
        return None
    # libxml2 stops building the tree past 256 levels (2048 with XML_PARSE_HUGE) and says
    # so only in the error log: the text below is then silently lost.  BeautifulSoup's
    # tree builder has no such limit, so hand those pages to it.
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        return None
    return segment_tree(root, skip)


_NAME_RE = re.compile(r"^[A-Za-z_][\w.-]*$")


def tree_from_soup(html: str) -> Any:
    """BeautifulSoup's repair of ``html`` as an lxml tree, for :func:`segment_tree`.

    BeautifulSoup (lxml parser) mends markup libxml2 gives up on and has no depth
    limit; its tree is copied node by node (iteratively: 10,000 nested elements are
    fine) into plain lxml elements, so one walker makes the blocks on either path.
    Comments, doctypes and processing instructions are left out, as the lxml parser
    drops them; a tag or attribute name lxml refuses is renamed ``span`` / dropped.
    """
    import warnings

    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

    with warnings.catch_warnings():
        # XHTML pages open with "<?xml …?>": bs4 warns on every one; parsing them as HTML is intended
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml", multi_valued_attributes=None)  # class as written
    skip = (Comment, Doctype, CData, ProcessingInstruction, Declaration)
    root = lxml.etree.Element("html")
    # [its lxml copy, iterator over the bs4 node's children, the copy's last child]
    stack: list[list[Any]] = []
    top = soup.find("html")
    if top is not None and top.parent is soup:
        for k, v in top.attrs.items():
            _set_attr(root, k, v)
        stack.append([root, iter(top.children), None])
    else:
        stack.append([root, iter(soup.children), None])
    while stack:
        frame = stack[-1]
        el = frame[0]
        child = next(frame[1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, Tag):
            name = (child.name or "span").lower()
            try:
                sub = lxml.etree.SubElement(el, name if _NAME_RE.match(name) else "span")
            except ValueError:
                sub = lxml.etree.SubElement(el, "span")
            for k, v in child.attrs.items():
                _set_attr(sub, k, v)
            frame[2] = sub
            stack.append([sub, iter(child.children), None])
        elif isinstance(child, NavigableString) and not isinstance(child, skip):
            text = _XML_BAD_RE.sub("", str(child))
            prev = frame[2]
            if prev is None:
                el.text = (el.text or "") + text
            else:
                prev.tail = (prev.tail or "") + text
    return root


# characters an lxml text node cannot hold (XML 1.0): C0 controls other than tab/newlines
_XML_BAD_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _set_attr(el: Any, key: str, value: Any) -> None:
    if isinstance(value, list):
        value = " ".join(value)
    if not _NAME_RE.match(key or ""):
        return
    try:
        el.set(key, _XML_BAD_RE.sub("", str(value)))
    except ValueError:
        pass


def segment_tree(root: Any, skip: frozenset[str] = SKIP_TAGS) -> Segmented:
    """Blocks, ``source_text`` and page metadata of a parsed tree (either parser's)."""
    page = _page_meta(root)
    body = root.find("body")
    start_el = body if body is not None else root

    blocks: list[Block] = []
    out: list[str] = []
    pos = 0
    # element stack: (element, element index, hint, in_link, heading, hidden, tag); the
    # path step of an element ("div.post#main") is built only when a block under it
    # needs its tag path (a few per cent of the elements), then kept in ``steps``;
    # ``anc`` holds the element indices of the stack, so a block's ``anc`` is one tuple()
    stack: list[tuple[Any, int, str | None, bool, bool, bool, str]] = []
    steps: list[str | None] = []
    anc: list[int] = []
    block_tags: list[str] = []
    counter = 0
    # the block being collected: its text pieces, characters (stripped) in and out of links
    pieces: list[str] = []
    link_chars = 0
    total_chars = 0
    meta: tuple[str, tuple[int, ...], str | None, bool, bool, str] = ("", (), None, False, False, "")
    root_frame = ("", -1, None, False, False, False, "")
    ws_sub = _WS_RE.sub
    invisible_sub = _INVISIBLE_RE.sub
    hidden_search = _HIDDEN_STYLE_RE.search

    def open_block() -> tuple[str, tuple[int, ...], str | None, bool, bool, str]:
        # what the block's first non-blank piece of text says about where it sits
        top = stack[-1] if stack else root_frame
        k = len(stack)
        lo = max(0, k - _MAX_PATH)
        for j in range(lo, k):
            if steps[j] is None:
                s = stack[j]
                steps[j] = _step(s[0], s[6])
        return (">".join(steps[lo:k]), tuple(anc), top[2], top[4], top[5],  # type: ignore[arg-type]
                block_tags[-1] if block_tags else "")

    def flush() -> None:  # called only when ``pieces`` is not empty
        nonlocal pos
        text = ws_sub(" ", invisible_sub("", "".join(pieces))).strip()
        if text:
            if out:
                out.append("\n")
                pos += 1
            path, a, hint, heading, hidden, tag = meta
            end = pos + len(text)
            blocks.append(
                Block(text, pos, end, tag, path,
                      min(1.0, link_chars / total_chars) if total_chars else 0.0,
                      hint, heading, len(blocks), a, hidden)
            )
            out.append(text)
            pos = end

    walker = lxml.etree.iterwalk(start_el, events=("start", "end"))
    skipping: Any = None  # the skipped element whose "end" we still expect
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # entities and the like
            continue
        if event == "start":
            tag = tag.lower()
            if tag in skip:
                walker.skip_subtree()
                skipping = el
                continue
            _, _, hint, in_link, heading, hidden, _ = stack[-1] if stack else root_frame
            if tag in HINT_TAGS:
                if not (tag == "header" and any(s[6] == "article" for s in stack)):
                    hint = HINT_TAGS[tag]
            elif tag == "article" or tag == "main":
                hint = None
            if not hidden:
                style = el.get("style")
                hidden = (
                    el.get("hidden") is not None
                    or el.get("aria-hidden") == "true"
                    or (style is not None and hidden_search(style) is not None)
                )
            if tag == "a":
                in_link = True
            elif tag in HEADING_TAGS:
                heading = True
            if tag in BLOCK_TAGS:
                if pieces:
                    flush()
                    pieces = []
                    link_chars = total_chars = 0
                block_tags.append(tag)
            steps.append(None)
            anc.append(counter)
            stack.append((el, counter, hint, in_link, heading, hidden, tag))
            counter += 1
            if tag == "br" and pieces:
                flush()
                pieces = []
                link_chars = total_chars = 0
            text = el.text
        else:  # end
            if el is skipping:
                skipping = None
                if not stack:
                    continue
                in_link = stack[-1][3]
            else:
                if not stack:
                    continue
                top = stack.pop()
                steps.pop()
                anc.pop()
                if top[6] in BLOCK_TAGS:
                    if pieces:
                        flush()
                        pieces = []
                        link_chars = total_chars = 0
                    block_tags.pop()
                if el is start_el:
                    continue
                in_link = stack[-1][3] if stack else False
            text = el.tail
        if text:
            if not pieces:
                if text.isspace():
                    continue
                meta = open_block()
            pieces.append(text)
            n = len(text.strip())
            total_chars += n
            if in_link:
                link_chars += n
    if pieces:
        flush()
    return Segmented(source_text="".join(out), blocks=blocks, page=page)
