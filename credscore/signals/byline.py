"""Byline and dateline: does the page say who wrote it, and from where and when?

Accountable journalism signs its work ("By Karen Shammas", "AP author David Rising
in Bangkok contributed to this report") and datelines it ("HANOI, Vietnam (AP) —",
"MOSCOW, June 19 (Reuters) -").  Anonymous content farms and spun copies drop both,
or keep a dateline they copied and lose the byline.

Looked for, in this order of trust:

* **byline** — in the page metadata (``ctx.page``: a non-empty ``<meta>`` named
  ``author``, ``article:author``, ``byl``, ``dc.creator``…, or a JSON-LD item with
  an ``author``); in blocks removed as chrome of kind ``byline`` or ``author``
  (``ctx.removed``: the chrome stripper may take the byline out of the text; an
  ``author_promo`` blurb is not a byline); in the text: a line
  starting "By Name Name", "Written by", "Posted by", "Author:", a credit
  line "… contributed to this report", "Reporting by …", or, near the top, a line
  that is nothing but a name of two or three words none of which is a common
  English word ("Dmitry Bokarev", not "World News");
* **dateline** — a paragraph opening with a place in capitals, an optional date and
  an optional agency in brackets, then a dash ("HANOI, Vietnam (AP) —", "WASHINGTON
  (CNN) -", "Washington (CNN)" as CNN glues it);
* **date** — a publication date given by the caller (``ctx.published``) or in the
  metadata (``article:published_time``, ``date``, JSON-LD ``datePublished``, a
  ``<time datetime>``), or a date/time stamp line near the top ("7 Jul, 2023 08:21",
  "Published June 19, 2024").

``value`` is (byline + (dateline or date)) / 2: 1 when both are there, 0 when
neither.  ``flagged`` when there is no byline and no dateline.  Evidence: the byline
and dateline in the text.
"""

from __future__ import annotations

import re
from typing import Any

from ..types import Signal, Span
from ._lexicon import capped
from ._wordfreq import is_common_word
from .base import Context, Feature

NAME = "byline"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES: tuple[Feature, ...] = ()  # reported, never a score feature

NAME_WORD = r"[A-Z][a-zA-Z'’\-]+"
BYLINE_RE = re.compile(
    rf"^[^\S\n]*(?:(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Ss]tory by|[Ww]ords by)[:\s]+|[Aa]uthor:\s*)"
    rf"(?:[A-Z]\.\s)?{NAME_WORD}(?:\s(?:[A-Z]\.\s)?{NAME_WORD}){{0,3}}",
    re.MULTILINE,
)
CREDIT_RE = re.compile(
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b"
    r"|\b(?:Reporting|Writing|Additional reporting) by [A-Z]"
)
AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|dpa|DPA|Xinhua|TASS|Bloomberg|NYT|WP|ANI|PTI|IANS|Sputnik|RIA Novosti)\)"
DATELINE_RE = re.compile(
    rf"^[^\S\n]*[A-Z][A-Za-z.'’\-]*(?:[^\S\n\-][A-Z][A-Za-z.'’\-]*){{0,3}}"  # place
    rf"(?:,[^\S\n]+[A-Z][A-Za-z.]+(?:[^\S\n][A-Z][A-Za-z.]+)?)?"  # , state / country
    rf"(?:,[^\S\n]+[A-Z][a-z]{{2,8}}\.?[^\S\n]\d{{1,2}})?"  # , June 19
    rf"(?:[^\S\n]*{AGENCY}[^\S\n]*(?:[—–\-]{{1,2}}[^\S\n]*)?|[^\S\n]+[—–\-]{{1,2}}[^\S\n]+)",  # (AP) — or —
    re.MULTILINE,
)
# A place in capitals for the dateline without an agency ("HANOI, Vietnam —"): the
# first word must be all capitals, or "Washington —" reads as a name and a dash.
CAPS_PLACE_RE = re.compile(r"[^\S\n]*[A-Z][A-Z.'’\-]{2,}")
STAMP_RE = re.compile(
    r"^[^\S\n]*(?:(?:Published|Updated|Posted|Last updated)[: ]\s*)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8},?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})",
    re.MULTILINE,
)
TOP_CHARS = 1500  # a dateline, a date stamp or a name line counts only near the top of the text
# A line that is nothing but a name ("Dmitry Bokarev" under the headline).
NAME_LINE_RE = re.compile(rf"^[^\S\n]*({NAME_WORD}(?:[^\S\n]{NAME_WORD}){{1,2}})[^\S\n]*$", re.MULTILINE)
AUTHOR_KEY_RE = re.compile(r"(?:^|[:._\-])(?:author|byl|byline|creator)$", re.IGNORECASE)
DATE_KEY_RE = re.compile(r"published|pubdate|publishdate|pub-date|^date$|dc\.date|datepublished", re.IGNORECASE)
#: Kinds of removed chrome that are the page's byline (an author *promo* blurb is not).
BYLINE_KINDS = frozenset({"byline", "author"})


def _jsonld_items(page: dict[str, Any]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    stack = list(page.get("jsonld") or [])
    while stack and len(items) < 200:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, dict):
            items.append(x)
            if isinstance(x.get("@graph"), list):
                stack.extend(x["@graph"])
    return items


def _page_has(page: dict[str, Any], key_re: re.Pattern[str], jsonld_key: str) -> bool:
    """A non-empty ``<meta>`` value whose name matches, or a JSON-LD item with the key.

    ``page`` is what :func:`credscore.segment.segment_html` reads from the markup:
    ``{"meta": {name: [values]}, "jsonld": [...], "time": [...], …}``.
    """
    meta = page.get("meta") or {}
    if any(key_re.search(str(k)) and any(str(v).strip() for v in (vals or [])) for k, vals in meta.items()):
        return True
    return any(item.get(jsonld_key) for item in _jsonld_items(page))


def compute(ctx: Context) -> Signal:
    text = ctx.text
    evidence: list[Span] = []

    byline_source = None
    if ctx.page and _page_has(ctx.page, AUTHOR_KEY_RE, "author"):
        byline_source = "metadata"
    elif any(b.kind in BYLINE_KINDS for b in ctx.removed):
        byline_source = "removed_block"
    m = BYLINE_RE.search(text)
    if m:
        evidence.append(Span(m.start(), m.end(), note="byline"))
        byline_source = byline_source or "text"
    else:
        m = CREDIT_RE.search(text)
        if m:
            evidence.append(Span(m.start(), m.end(), note="credit line"))
            byline_source = byline_source or "credit_line"
        else:
            for m in NAME_LINE_RE.finditer(text, 0, min(len(text), TOP_CHARS)):
                # "World News" is a section label, "Dmitry Bokarev" a name: no common words.
                if not any(is_common_word(w.lower()) for w in m.group(1).split()):
                    evidence.append(Span(m.start(1), m.end(1), note="name line (byline)"))
                    byline_source = byline_source or "name_line"
                    break

    dateline = None
    for m in DATELINE_RE.finditer(text, 0, min(len(text), TOP_CHARS + 200)):
        if m.start() > TOP_CHARS:
            break
        if "(" in m.group() or CAPS_PLACE_RE.match(m.group()):
            dateline = m
            break
    if dateline:
        g = dateline.group()
        start = dateline.start() + len(g) - len(g.lstrip())
        evidence.append(Span(start, start + len(g.strip()), note="dateline"))

    date_source = None
    if ctx.published is not None:
        date_source = "argument"
    elif ctx.page and (_page_has(ctx.page, DATE_KEY_RE, "datePublished") or any(ctx.page.get("time") or [])):
        date_source = "metadata"
    else:
        m = STAMP_RE.search(text, 0, min(len(text), TOP_CHARS))
        if m:
            date_source = "text"
            evidence.append(Span(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), note="date stamp"))

    has_byline = byline_source is not None
    has_when = dateline is not None or date_source is not None
    return Signal(
        name=NAME,
        value=(has_byline + has_when) / 2,
        flagged=not has_byline and dateline is None,
        evidence=capped(evidence),
        details={
            "byline": has_byline,
            "byline_source": byline_source,
            "dateline": dateline is not None,
            "date": date_source is not None,
            "date_source": date_source,
        },
    )
