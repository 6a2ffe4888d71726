"""Cut a document into blocks, each with its offsets in the plain-text rendering.

Plain text: a block is a non-empty line (scrapers that keep every text node write
one node per line, so a line is the unit chrome comes in).  HTML: a block is the
text of one block-level element (``p``, ``h1``–``h6``, ``li``, ``div`` text, …),
rendered with collapsed whitespace; blocks are joined by newlines into
``source_text``, so both modes share one coordinate system.

HTML is parsed once, with lxml's C parser directly (BeautifulSoup alone costs about
as much as a whole trafilatura extraction; see ``benchmarks/chrome.py``); when lxml
cannot build a tree, BeautifulSoup (lxml parser, more forgiving repairs) takes over.
``script``/``style``/``template`` and friends contribute no text at all; text inside
``nav``, ``aside``, ``footer``, ``header`` (outside ``article``/``main``), ``form``
and ``menu`` is kept in ``source_text`` but its blocks carry a ``hint`` so that
chrome removal can say why it dropped them.  Each HTML block also records what the
chrome model reads: its tag path with classes and ids, its link density, the indices
of its ancestor elements (``anc``) and whether one of them is hidden.  The traversal
is iterative (no recursion), so 10,000 nested ``<div>``s cost what 10,000 siblings cost.
"""

from __future__ import annotations

import json
import re
import warnings
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


def _attr_text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(value)
    return str(value) if value is not None else ""


def segment_html(html: str) -> Segmented:
    """Parse ``html`` and return its blocks, ``source_text`` and page metadata.

    ``page`` holds: ``title`` (``<title>``), ``lang``, ``meta`` (name/property/itemprop
    → list of contents), ``jsonld`` (parsed JSON-LD objects), ``time`` (``<time
    datetime>`` values), ``canonical``, ``h1`` (first heading).
    """
    from ._lxml_segment import segment_html_lxml

    seg = segment_html_lxml(html)
    if seg is not None:
        return seg
    return _segment_html_bs4(html)


def _segment_html_bs4(html: str) -> Segmented:
    """The BeautifulSoup path: slower, but repairs markup that lxml gives up on."""
    from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
    from bs4.element import CData, ProcessingInstruction, Declaration

    with warnings.catch_warnings():
        # XHTML pages open with "<?xml …?>": bs4 warns on every one; parsing them as HTML is intended
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml")
    page: dict[str, Any] = {"meta": {}, "jsonld": [], "time": []}
    skip_strings = (Comment, Doctype, CData, ProcessingInstruction, Declaration)

    # Per-tag state, keyed by id(tag), computed from the parent's (parents come first
    # in document order): (block id, path, hint, in_link, skipped, heading, tag name)
    state: dict[int, tuple[int, str, str | None, bool, bool, bool, str]] = {}
    root_state = (0, "", None, False, False, False, "")
    next_block = 1

    pieces: list[tuple[int, str, bool, str, str | None, bool, str]] = []
    for el in soup.descendants:
        if isinstance(el, Tag):
            parent = el.parent
            pst = state.get(id(parent), root_state) if parent is not None else root_state
            bid, path, hint, in_link, skipped, heading, _ = pst
            name = el.name.lower() if el.name else ""
            if skipped or name in SKIP_TAGS:
                state[id(el)] = (bid, path, hint, in_link, True, heading, name)
                if name == "script" and _attr_text(el.get("type")).lower() == "application/ld+json":
                    try:
                        page["jsonld"].append(json.loads(el.get_text() or "null"))
                    except (ValueError, RecursionError):
                        pass
                elif name == "meta":
                    key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
                    if key and el.get("content") is not None:
                        page["meta"].setdefault(_attr_text(key).lower(), []).append(_attr_text(el.get("content")))
                elif name == "title" and "title" not in page:
                    page["title"] = _WS_RE.sub(" ", el.get_text()).strip()
                continue
            if name == "meta":
                key = el.get("property") or el.get("name") or el.get("itemprop")
                if key and el.get("content") is not None:
                    page["meta"].setdefault(_attr_text(key).lower(), []).append(_attr_text(el.get("content")))
            elif name == "time" and el.get("datetime"):
                page["time"].append(_attr_text(el.get("datetime")))
            elif name == "link" and "canonical" in _attr_text(el.get("rel")).lower() and el.get("href"):
                page.setdefault("canonical", _attr_text(el.get("href")))
            elif name == "html" and el.get("lang"):
                page["lang"] = _attr_text(el.get("lang"))
            if name in HINT_TAGS and not (name == "header" and "article" in path.split(">")):
                hint = HINT_TAGS[name]
            elif name in ("article", "main"):
                hint = None
            cls = _attr_text(el.get("class")).split()
            step = name + ("." + cls[0] if cls else "")
            new_path = (path + ">" + step) if path else step
            if new_path.count(">") > 12:  # keep paths short: the last 12 steps are enough
                new_path = new_path.split(">", 1)[1]
            if name in BLOCK_TAGS:
                bid = next_block
                next_block += 1
            if name == "br":
                pieces.append((bid, "\n", in_link, new_path, hint, heading, name))
            state[id(el)] = (bid, new_path, hint, in_link or name == "a", False, heading or name in HEADING_TAGS, name)
            if name == "h1" and "h1" not in page:
                page["h1"] = _WS_RE.sub(" ", el.get_text()).strip()
        elif isinstance(el, NavigableString) and not isinstance(el, skip_strings):
            pst = state.get(id(el.parent), root_state)
            if pst[4]:
                continue
            s = str(el)
            if s:
                pieces.append((pst[0], s, pst[3], pst[1], pst[2], pst[5], pst[6]))

    # Merge consecutive pieces of one block; a <br> splits a block into lines.
    out: list[str] = []
    blocks: list[Block] = []
    pos = 0
    cur_bid = -1
    buf: list[str] = []
    link_chars = 0
    meta: tuple[str, str | None, bool, str] = ("", None, False, "")

    def flush() -> None:
        nonlocal pos, buf, link_chars
        # entities (&#8203;, &shy;) bring back what document.load removes from raw text
        text = _WS_RE.sub(" ", _INVISIBLE_RE.sub("", "".join(buf))).strip()
        if text:
            if out:
                out.append("\n")
                pos += 1
            path, hint, heading, tag = meta
            blocks.append(
                Block(
                    text=text,
                    start=pos,
                    end=pos + len(text),
                    tag=tag,
                    tag_path=path,
                    link_density=min(1.0, link_chars / max(1, len(text))),
                    hint=hint,
                    heading=heading,
                    index=len(blocks),
                )
            )
            out.append(text)
            pos += len(text)
        buf = []
        link_chars = 0

    for bid, s, in_link, path, hint, heading, tag in pieces:
        if s == "\n" or bid != cur_bid:
            flush()
            cur_bid = bid
            if s == "\n":
                continue
        if not buf:
            meta = (path, hint, heading, tag)
        buf.append(s)
        if in_link:
            link_chars += len(s.strip())
    flush()
    return Segmented(source_text="".join(out), blocks=blocks, page=page)
