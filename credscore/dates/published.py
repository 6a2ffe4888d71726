"""The page's own publication date, and every date the page declares about itself.

A page can say when it was published in many places at once: ``<meta
property="article:published_time">`` and its cousins, JSON-LD
``datePublished``/``dateModified``, ``itemprop="datePublished"``, ``<time
datetime>`` elements, a date in the URL path (``/2023/07/07/slug``) and the
dateline printed above the article ("7 Jul, 2023 08:21").  :func:`page_claims`
collects them all as :class:`DateClaim` (what the ``dates`` signal compares,
check 6); :func:`detect_published` picks one as ``Analysis.published``.

Order of preference for the publication date, most trusted first:

1. the caller's ``published`` argument (``source="argument"``);
2. JSON-LD ``datePublished`` of an article-like object
   (``"json-ld:datePublished"``), then of any top-level object (``@graph``
   members included; ``dateCreated``/``uploadDate`` where no ``datePublished``);
3. publication ``<meta>`` tags and ``itemprop="datePublished"``
   (``"meta:<name>"``);
4. a full date in the URL path (``"url"``; the ``<link rel="canonical">`` URL
   when the caller gave none);
5. the first ``<time datetime>`` of the page (``"time"``); where the page dict
   gives ``<time>`` elements as attribute dicts, the first one marked as the
   publication time (``pubdate``, ``itemprop``, a class with "publish"/"posted");
6. the dateline: the first complete date on a short line near the top of the
   article text (``"dateline"``), or in a removed chrome block near the top of
   the page (``"dateline:removed"``); a date introduced as an update or a
   reference point ("Updated:", "since", "until") is no dateline, nor is one
   after the crawl date;
7. failing all of these, the page's own last date: a declared modification
   date (``"json-ld:dateModified"``, ``"meta:article:modified_time"``, …), then an
   "Updated: …" line (``"dateline:updated"``).  The source says which it is.

A modification date is used only where the page gives nothing else.  The page dict is the
one :func:`credscore.segment.segment_html` fills (``ctx.page``); every accessor
here tolerates missing keys and malformed values, since metadata is written by
hand, by plugins and by scrapers.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Literal
from urllib.parse import urlsplit

from .parse import FoundDate, find_dates, parse_date
from ..types import PublishedDate

Role = Literal["published", "modified"]

# <meta name=… / property=… / itemprop=…> keys, lower-cased.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "published_time", "datepublished", "date_published",
    "publish-date", "publish_date", "publishdate", "published-date", "pubdate",
    "parsely-pub-date", "sailthru.date", "article.published", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "citation_publication_date", "citation_online_date", "citation_date",
    "cxenseparse:recs:publishtime", "originalpublicationdate", "rnews:datepublished",
    "bt:pubdate", "date", "release_date", "datecreated",
)
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "og:modified_time", "datemodified",
    "date_modified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified",
    "article.updated", "modified_time", "revised",
)
_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Posting|Report|Review|Recipe|HowTo|NewsArticle|Blog|Question"
    r"|DiscussionForumPosting|CreativeWork|VideoObject|Event|Course)$"
)
_URL_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])(?:[/_-](0?[1-9]|[12]\d|3[01]))?(?!\d)"
)
_URL_COMPACT_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_UPDATE_CUE_RE = re.compile(
    r"(?:updated|updates?|modified|revised|edited|reviewed)\s*(?:on|at)?\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
_NOT_DATELINE_CUE_RE = re.compile(
    r"\b(?:since|as\s+of|until|till|from|through|by|before|after|between|effective|expires?|valid"
    r"|released|launched|born|died|founded|deadline|event|starts?|ends?)\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
_PUB_TIME_HINT = re.compile(r"publish|posted|pubdate|datepublished|entry-date|post-date", re.I)

DATELINE_TEXT_CHARS = 3000  # a dateline sits above the article: look no further into the text
DATELINE_SOURCE_CHARS = 1500
DATELINE_MAX_INDENT = 60  # a dateline's date starts within this many characters of its line
DATELINE_MAX_LINE = 160  # … on a line no longer than this
DATELINE_ANCHOR_CHARS = 400  # an anchored dateline follows the headline within this many characters  # … nor further into the page for a removed dateline


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date the page declares about itself.

    ``granularity`` is ``"day"`` or ``"month"`` (a URL like ``/2023/07/`` only
    gives a month; ``date`` is then the first of that month).  ``span`` is set for
    a dateline found in the cleaned text (offsets into it).
    """

    date: _dt.date
    source: str
    role: Role
    text: str
    granularity: Literal["day", "month"] = "day"
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "source": self.source, "role": self.role,
                "text": self.text, "granularity": self.granularity}


# ---------------------------------------------------------------- page metadata
def _meta_items(page: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(lower-cased key, value) for every <meta> the page dict holds."""
    meta = page.get("meta") or {}
    if isinstance(meta, dict):
        for k, vs in meta.items():
            if isinstance(vs, str):
                vs = [vs]
            if not isinstance(vs, (list, tuple)):
                continue
            for v in vs:
                if isinstance(v, str):
                    yield str(k).strip().lower(), v
    for item in page.get("itemprop") or ():  # optional: [(prop, value)] from any element
        if isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[1], str):
            yield "itemprop:" + str(item[0]).lower(), item[1]


def _jsonld_objects(page: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD objects, with ``@graph`` members and list items flattened."""
    stack: list[Any] = list(reversed(page.get("jsonld") or []))
    seen = 0
    while stack and seen < 500:
        obj = stack.pop()
        seen += 1
        if isinstance(obj, list):
            stack.extend(reversed(obj))
        elif isinstance(obj, dict):
            graph = obj.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            yield obj


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def _first_str(v: Any) -> str | None:
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        for x in v:
            if isinstance(x, str):
                return x
    if isinstance(v, dict) and isinstance(v.get("@value"), str):
        return v["@value"]
    return None


def url_claim(url: str | None) -> DateClaim | None:
    """A date in the URL path: ``/2023/07/07/``, ``/2023-07-07-slug``, ``/20230707/``, ``/2023/07/``."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE_RE.search(path)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if m.group(3):
            try:
                return DateClaim(_dt.date(y, mo, int(m.group(3))), "url", "published", m.group(0))
            except ValueError:
                return None
        # a month only when written as a path segment: /2023/07/ (not /2023-07 product codes)
        if re.search(r"/%s/%s(?:/|$)" % (m.group(1), m.group(2)), path):
            return DateClaim(_dt.date(y, mo, 1), "url", "published", m.group(0), "month")
        return None
    m = _URL_COMPACT_RE.search(path)
    if m:
        try:
            return DateClaim(_dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))),
                             "url", "published", m.group(0))
        except ValueError:
            return None
    return None


def page_claims(page: dict[str, Any] | None, url: str | None = None) -> list[DateClaim]:
    """Every publication/modification date declared in the page metadata and URL,
    most trusted first (see the module docstring for the order)."""
    out: list[DateClaim] = []
    page = page or {}
    # JSON-LD: article-like objects first.
    ld_article: list[DateClaim] = []
    ld_other: list[DateClaim] = []
    for obj in _jsonld_objects(page):
        article = any(_ARTICLE_TYPES.search(t) for t in _types(obj))
        for key, role in (("datePublished", "published"), ("dateCreated", "published"),
                          ("uploadDate", "published"), ("dateModified", "modified")):
            raw = _first_str(obj.get(key))
            d = parse_date(raw)
            if d is not None:
                c = DateClaim(d, "json-ld:" + key, role, raw or "")  # type: ignore[arg-type]
                (ld_article if article else ld_other).append(c)
    # dateCreated/uploadDate only count where no datePublished is given
    for group in (ld_article, ld_other):
        if any(c.source == "json-ld:datePublished" for c in group):
            group[:] = [c for c in group if c.source in ("json-ld:datePublished", "json-ld:dateModified")]
        out.extend(group)
    # <meta> tags, in the order of PUBLISHED_META (the specific ones first).
    metas: dict[str, list[str]] = {}
    for k, v in _meta_items(page):
        metas.setdefault(k.removeprefix("itemprop:"), []).append(v)
    for keys, role in ((PUBLISHED_META, "published"), (MODIFIED_META, "modified")):
        for k in keys:
            for raw in metas.get(k, ())[:1]:
                d = parse_date(raw)
                if d is not None:
                    out.append(DateClaim(d, "meta:" + k, role, raw))  # type: ignore[arg-type]
    canonical = page.get("canonical")
    u = url_claim(url) or url_claim(canonical if isinstance(canonical, str) else None)
    if u is not None:
        out.append(u)
    # <time datetime>: the first one marked as the publication time, else the first.
    times = page.get("time") or []
    marked: DateClaim | None = None
    first: DateClaim | None = None
    for t in times[:50]:
        raw, hint = (t, "") if isinstance(t, str) else (
            (t.get("datetime"), " ".join(str(v) for k, v in t.items() if k != "datetime"))
            if isinstance(t, dict) else (None, ""))
        d = parse_date(raw)
        if d is None:
            continue
        c = DateClaim(d, "time", "published", raw or "")
        if first is None:
            first = c
        if marked is None and hint and _PUB_TIME_HINT.search(hint):
            marked = c
    if marked or first:
        out.append(marked or first)  # type: ignore[arg-type]
    return out


# ---------------------------------------------------------------- the dateline
def _dateline_dates(text: str, limit: int, start: int = 0) -> list[FoundDate]:
    """The complete dates of ``text[start:limit]``, offsets into ``text``: one scan,
    read by both :func:`_first_dateline` questions (published and updated)."""
    found = find_dates(text[start:limit], min_granularity="day")
    if start:
        found = [replace(fd, start=fd.start + start, end=fd.end + start) for fd in found]
    return found


def _first_dateline(text: str, found: Iterable[FoundDate], *, updates: bool = False,
                    not_after: _dt.date | None = None) -> FoundDate | None:
    """The first of ``found`` (dates of ``text``) that stands on a short line, near its
    start (a dateline: "By Jane Doe | 7 Jul, 2023", "Published on July 18, 2025"), and
    is not a reference point ("since", "as of", "until", …).  Dates introduced as
    updates ("Updated: …") are skipped, or, with ``updates=True``, the only ones taken."""
    for fd in found:
        if fd.date is None or (not_after is not None and fd.date > not_after):
            continue
        line_start = text.rfind("\n", 0, fd.start) + 1
        line_end = text.find("\n", fd.end)
        line_end = len(text) if line_end < 0 else line_end
        if fd.start - line_start > DATELINE_MAX_INDENT or line_end - line_start > DATELINE_MAX_LINE:
            continue
        # the cue may sit at the end of the line above ("Last Updated:\nApril 1, 2025")
        before = text[max(0, fd.start - 30): fd.start]
        if _NOT_DATELINE_CUE_RE.search(before):
            continue
        if bool(_UPDATE_CUE_RE.search(before)) != updates:
            continue
        return fd
    return None


def _dateline_in(text: str, limit: int, *, updates: bool = False,
                 not_after: _dt.date | None = None, start: int = 0) -> FoundDate | None:
    """The first dateline (see :func:`_first_dateline`) in ``text[start:limit]``."""
    return _first_dateline(text, _dateline_dates(text, limit, start), updates=updates, not_after=not_after)


def datelines(text: str, removed: Iterable[Any] = (), *,
              not_after: _dt.date | None = None) -> tuple[DateClaim | None, DateClaim | None]:
    """``(dateline_claim(...), dateline_claim(..., updates=True))`` with each place
    (the top of the text, each removed block near the top of the page) scanned once."""
    head = _dateline_dates(text, DATELINE_TEXT_CHARS)
    blocks: list[tuple[str, list[FoundDate]]] = []  # the removed blocks near the top, scanned on first need
    candidates = iter(removed)

    def block(i: int) -> tuple[str, list[FoundDate]] | None:
        while len(blocks) <= i:
            b = next(candidates, None)
            if b is None:
                return None
            if getattr(b, "start", 0) > DATELINE_SOURCE_CHARS:
                continue
            btxt = getattr(b, "text", "")
            blocks.append((btxt, _dateline_dates(btxt, 300)))
        return blocks[i]

    def claim(updates: bool) -> DateClaim | None:
        suffix = ":updated" if updates else ""
        role: Role = "modified" if updates else "published"
        fd = _first_dateline(text, head, updates=updates, not_after=not_after)
        if fd is not None:
            return DateClaim(fd.date, "dateline" + suffix, role, fd.text, span=(fd.start, fd.end))  # type: ignore[arg-type]
        i = 0
        while (blk := block(i)) is not None:
            fd = _first_dateline(blk[0], blk[1], updates=updates, not_after=not_after)
            if fd is not None:
                return DateClaim(fd.date, "dateline:removed" + suffix, role, fd.text)  # type: ignore[arg-type]
            i += 1
        return None

    return claim(False), claim(True)


def dateline_claim(text: str, removed: Iterable[Any] = (), *, updates: bool = False,
                   not_after: _dt.date | None = None) -> DateClaim | None:
    """The dateline near the top of the article text (see :func:`_first_dateline`);
    failing that, in a chrome block removed from the top of the page
    (``RemovedBlock`` objects with ``text`` and ``start``).  With ``updates=True``,
    the "Updated: …" line instead (source ``"dateline:updated"``).  A date after
    ``not_after`` (the crawl date) is an announcement, not a dateline.
    :func:`datelines` gives both at the cost of one."""
    return datelines(text, removed, not_after=not_after)[1 if updates else 0]


def anchored_dateline(text: str, anchors: Iterable[str | None], *,
                      not_after: _dt.date | None = None) -> DateClaim | None:
    """The dateline right under the headline: the first one within
    ``DATELINE_ANCHOR_CHARS`` after the first of ``anchors`` (the page's ``<h1>``,
    the title) found in ``text``; None when no anchor is found.

    This is the dateline the ``dates`` signal compares with the metadata (check
    6).  On WCXB dev, a dateline found this way agreed with the gold date 9 times
    in 10; one found before the headline, or on a page whose headline is not in
    the text, about half the time (a news ticker, a related-articles list).
    """
    for anchor in anchors:
        anchor = (anchor or "").strip()
        if len(anchor) < 8:
            continue
        pos = text.find(anchor)
        if pos < 0:
            continue
        end = pos + len(anchor)
        fd = _dateline_in(text, end + DATELINE_ANCHOR_CHARS, not_after=not_after, start=end)
        if fd is None:
            return None
        return DateClaim(fd.date, "dateline", "published", fd.text, span=(fd.start, fd.end))  # type: ignore[arg-type]
    return None


# ---------------------------------------------------------------- the answer
def choose_published(claims: Iterable[DateClaim]) -> DateClaim | None:
    """The most trusted publication claim of a day's precision (claims come most trusted first)."""
    for c in claims:
        if c.role == "published" and c.granularity == "day":
            return c
    return None


def _published(claims: Iterable[DateClaim], dateline: DateClaim | None, updated: DateClaim | None,
               published: _dt.date | None) -> PublishedDate | None:
    """``Analysis.published`` from what the page declares (see the module docstring)."""
    if published is not None:
        return PublishedDate(published, "argument", published.isoformat())
    claims = list(claims)
    c = choose_published(claims) or dateline
    if c is None:  # the page's own date is then its last declared modification
        c = next((x for x in claims if x.role == "modified"), None)
    if c is None:
        c = updated
    return PublishedDate(c.date, c.source, c.text) if c else None


@dataclass(frozen=True)
class PageDates:
    """Every date a document gives itself, found once per document: the dates stage,
    before the signals (``Context.dates``).  The ``dates`` signal checks them and
    ``Analysis.published`` is ``published``."""

    #: every date written in the cleaned text, in order (:func:`~credscore.dates.parse.find_dates`)
    found: tuple[FoundDate, ...]
    #: the dates the page metadata and URL declare, most trusted first (:func:`page_claims`)
    claims: tuple[DateClaim, ...]
    #: the dateline near the top of the text or of the removed chrome (:func:`dateline_claim`)
    dateline: DateClaim | None
    #: the "Updated: …" line (``dateline_claim(..., updates=True)``)
    updated: DateClaim | None
    #: the dateline right under the page's ``<h1>`` (:func:`anchored_dateline`)
    anchored: DateClaim | None
    #: the caller's publication date, else the page's own: ``Analysis.published``
    published: PublishedDate | None


def page_dates(text: str, *, removed: Iterable[Any] = (), page: dict[str, Any] | None = None,
               url: str | None = None, published: _dt.date | None = None,
               crawled: _dt.date | None = None) -> PageDates:
    """The dates stage: every scan for dates the signals and the report need, once."""
    claims = tuple(page_claims(page, url))
    dateline, updated = datelines(text, removed, not_after=crawled)
    h1 = page.get("h1") if isinstance(page, dict) else None
    # The headline is the HTML <h1>: the pipeline's title guess is no anchor (on WCXB dev it
    # sometimes is a table caption or a "Recent stories" heading above a list of dates).
    anchored = anchored_dateline(text, (h1 if isinstance(h1, str) else None,), not_after=crawled)
    return PageDates(tuple(find_dates(text)), claims, dateline, updated, anchored,
                     _published(claims, dateline, updated, published))


def detect_published(ctx: Any) -> PublishedDate | None:
    """``Analysis.published``: the caller's date, else the page's own (see module docstring).

    ``ctx`` is a :class:`credscore.signals.base.Context` (its ``dates.published``), or
    anything with ``published``, ``page``, ``url``, ``text``, ``removed`` and ``crawled``.
    """
    dates = getattr(ctx, "dates", None)
    if isinstance(dates, PageDates):
        return dates.published
    page, url = getattr(ctx, "page", None), getattr(ctx, "url", None)
    published = getattr(ctx, "published", None)
    if published is not None:
        return _published((), None, None, published)
    dateline, updated = datelines(getattr(ctx, "text", ""), getattr(ctx, "removed", ()) or (),
                                  not_after=getattr(ctx, "crawled", None))
    return _published(page_claims(page, url), dateline, updated, None)
