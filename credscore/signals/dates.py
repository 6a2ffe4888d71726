"""``dates``: is the document consistent with its own dates?

Sloppy, machine-spun and recycled pages give themselves away through their
dates: a weekday that does not match its date, "February 30", two months in one
date, a 2013 article under "Since July 1, 2024, …", metadata that disagrees with
the dateline.  Every date comes from :mod:`credscore.dates.parse` (literal reading,
nothing filled in from today) and every check takes the publication and crawl
dates as explicit inputs.  Seven checks, each a count in ``details`` with
evidence spans whose note starts with the check's name:

1. ``weekday_mismatch`` — a weekday attached to a date that falls on another day
   ("Wednesday, October 15, 2026": a Thursday).  A date without a year ("Mon,
   Dec 22") is a mismatch only if the weekday fits none of the years around the
   publication and crawl dates (the year before, the year, the year after); with
   neither date known it is not checked.
2. ``invalid_date`` — a date that does not exist ("31 April", "February 30, 2020").
3. ``two_months`` — two different months written in one date ("Thursday,
   June. November 20, 2024"); the note says which month the weekday supports
   (June: June 20, 2024 is a Thursday, November 20 a Wednesday).  A repeated
   month ("Nov. November 18") is harmless.  Such a date is not counted again by
   check 1.
4. ``after_published`` — a date after the publication date right after "since",
   "as of", "©"/"copyright" (and "updated", "revised" when the caller gave the
   publication date).  The reference is the caller's ``published``; without it,
   the latest date the page gives itself (declared publication and modification
   dates, its dateline and "Updated …" line): a page's own "Updated March 2025"
   line is then part of its dates, not a contradiction.  A bare year after "©"
   is never an alarm (every footer says "© 2025").  Removed chrome is searched
   too, at month or day precision (the donation wall of seeds/002 is where its
   "Since July 1, 2024" sits); hits there are listed in
   ``details["not_in_text"]`` with ``source_text`` offsets, since evidence spans
   index the cleaned text.
5. ``after_crawled`` — a date after the crawl date (``ctx.crawled``; only the
   caller knows it) in a clause told in the past tense ("was", "signed", …;
   the clause is the sentence, cut to the date's line) with no future marker
   ("will", "scheduled", "until", …).
6. ``declared_conflict`` — publication dates the page declares that disagree by
   more than a day: the main JSON-LD ``datePublished``, the publication
   ``<meta>``, the URL and the dateline (``<time>`` elements are left out: a
   page holds many, for comments and related articles); or a declared
   modification more than a month before the publication.  A dateline equal to
   a declared modification date (an "updated" line), or on the crawl date (a
   "today is" widget), is no conflict.  The dateline compared is the one right
   under the page's ``<h1>`` headline (:func:`credscore.dates.published.anchored_dateline`):
   a date above the headline is a ticker or a related-articles list as often as
   it is the page's own.  Conflicts found in metadata have no span
   in the text and are listed in ``details["not_in_text"]``.
7. ``undated`` — no complete date (day and month) in the text and no date in
   the page metadata (seeds/001 and seeds/003 are undated).  A page without a
   date is a credibility signal of its own, but not an *inconsistency*: it is
   reported in ``details["undated"]`` (0/1) and does **not** set ``flagged``
   nor raise ``value``; the score model can read it from the details.

Relative expressions ("last year", "on Tuesday") are not checked: resolved
against a guessed anchor they only produce false alarms.

``value`` = 1 − 0.5^n, n the number of alarms of checks 1–6 (0 for a
consistent document, 0.5 for one alarm, 0.75 for two, …); ``flagged`` when n ≥ 1.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import Any

from ..dates.parse import MONTH_NAMES, WEEKDAY_NAMES, FoundDate, find_dates, is_valid
from ..dates.published import DateClaim
from ..types import Signal, Span
from .base import Context, Feature

NAME = "dates"
ENGLISH_ONLY = False  # month and weekday names are English, but a page with none simply has no alarm

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "1 - 0.5^n, n = date inconsistencies"),
    Feature("alarms", -1, "date inconsistencies found"),
    Feature("weekday_mismatch", -1, "weekdays that do not match their date"),
    Feature("invalid_date", -1, "impossible dates"),
    Feature("two_months", -1, "dates naming two months"),
    Feature("after_crawled", -1, "dates after the crawl date"),
    Feature("after_published", -1, "dated events after the publication date"),
    Feature("declared_conflict", -1, "page dates that contradict each other"),
    Feature("dates", 0, "dates in the text"),
    Feature("full_dates", 0, "full day-month-year dates"),
    Feature("undated", 0, "1 if the text holds no date"),
)

CHECKS = (
    "weekday_mismatch", "invalid_date", "two_months", "after_published",
    "after_crawled", "declared_conflict",
)

# A cue right before a date that states it as the present state of the page.
_CUE_BODY = (
    r"(?:\b(?:since|as\s+of|as\s+at%s)"
    r"(?:\s+(?:on|from|since))?|©|\(c\)|\bcopyright)\s*[:\-–—]?\s*(?:the\s+)?$"
)
_CUE_RE = re.compile(_CUE_BODY % r"|updated|last\s+updated|revised", re.IGNORECASE)
# When the reference is the page's own latest date, its "Updated …" lines are part of it.
_CUE_NO_UPDATE_RE = re.compile(_CUE_BODY % "", re.IGNORECASE)
_COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|\bcopyright)\s*[:\-–—]?\s*$", re.IGNORECASE)
_PAST_RE = re.compile(
    r"\b(?:(?i:was|were|had|did|said|told|took|made|went|came|began|became|held|met|won|lost|saw|gave"
    r"|got|left|ran|sold|bought|brought|built|fell|rose|wrote|spoke|found|paid|sent|struck|killed|died)"
    r"|[a-z]{3,}ed)\b"  # regular past tense in lower case only: "Rooted & Wild Retreat" is a name
)
# -ed words that are mostly adjectives in listings ("Date: 18 June 2026 (pre-registered)").
_ADJECTIVAL_ED = frozenset(
    "registered scheduled limited based related featured needed expected advanced detailed dedicated "
    "sponsored required selected included updated recommended certified licensed verified talented "
    "organized organised curated guided detailed personalized personalised added".split()
)
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|would|could|might|may|should|going\s+to|plans?|planned|planning|expected"
    r"|expects?|scheduled|upcoming|next|due|forecast|projected|to\s+be|until|till|by|before"
    r"|deadline|through|starting|begins?|opens?|ends?|runs?|effective|valid|expires?|launch(?:es)?)\b",
    re.IGNORECASE,
)
_ONE_DAY = _dt.timedelta(days=1)


def _weekday_name(i: int) -> str:
    return WEEKDAY_NAMES[i]


def _fmt(y: int, m: int, d: int) -> str:
    return f"{MONTH_NAMES[m - 1]} {d}, {y}"


def _later(fd: FoundDate, ref: _dt.date) -> bool:
    """Whether ``fd`` is after ``ref`` at ``fd``'s own granularity."""
    if fd.year is None:
        return False
    if fd.granularity == "year":
        return fd.year > ref.year
    if fd.granularity == "month":
        return (fd.year, fd.month) > (ref.year, ref.month)
    return fd.date is not None and fd.date > ref


def _sentence_of(ctx: Context, pos: int) -> tuple[int, int]:
    spans = ctx.view.sentence_spans
    i = bisect.bisect_right(spans, (pos, len(ctx.text) + 1)) - 1  # the last sentence starting at or before pos
    if i < 0:
        return (0, min(len(ctx.text), pos + 200))
    return spans[i]


_GENERIC_META = {"meta:date", "meta:dc.date", "meta:dcterms.date", "meta:datecreated", "meta:release_date"}
MODIFIED_BEFORE_DAYS = 31  # scheduled posts are saved days before they go out: only a month is a conflict


def _declared_conflicts(claims: list[DateClaim], crawled: _dt.date | None) -> list[tuple[DateClaim, str]]:
    """Declared publication dates in disagreement, and a modification before publication.

    One claim per kind of source takes part: the first JSON-LD ``datePublished``
    (the main object's: article-like objects come first), the first specific
    publication ``<meta>`` (not the generic ``date``), the URL and the dateline.
    ``<time>`` elements are left out: a page holds many (comments, related
    articles) and nothing says which is the article's.  Dates more than a day
    apart disagree (a day is time zones); a URL month only disagrees with
    another year-month.  A dateline equal to a declared modification date shows
    the "updated" date, and one on the crawl date is a "today is" widget: neither
    is a conflict.
    """
    picked: dict[str, DateClaim] = {}
    for c in claims:
        if c.role != "published" or c.source == "time" or c.source in _GENERIC_META:
            continue
        kind = c.source.split(":")[0]  # json-ld, meta, url, dateline
        if kind == "json-ld" and c.source != "json-ld:datePublished":
            continue
        picked.setdefault(kind, c)
    mods = [c for c in claims if c.role == "modified" and not c.source.startswith("dateline")]
    pubs = list(picked.values())
    out: list[tuple[DateClaim, str]] = []
    if not pubs:
        return out
    ref = pubs[0]
    for c in pubs[1:]:
        if c.granularity == "month" or ref.granularity == "month":
            if (c.date.year, c.date.month) == (ref.date.year, ref.date.month):
                continue
        elif abs(c.date - ref.date) <= _ONE_DAY:
            continue
        if c.source.startswith("dateline"):
            if any(abs(c.date - m.date) <= _ONE_DAY for m in mods):
                continue
            if crawled is not None and abs(c.date - crawled) <= _ONE_DAY:
                continue
        out.append((c, f"{ref.source} says {ref.date.isoformat()}, {c.source} says {c.date.isoformat()}"))
    meta_pubs = [c for c in pubs if c.source.split(":")[0] in ("json-ld", "meta")]
    if meta_pubs and mods:
        p, m = meta_pubs[0], mods[0]
        if (p.date - m.date).days > MODIFIED_BEFORE_DAYS:
            out.append((m, f"modified ({m.source}, {m.date.isoformat()}) before published "
                           f"({p.source}, {p.date.isoformat()})"))
    return out


def _year_candidates(pub: _dt.date | None, crawled: _dt.date | None) -> list[int]:
    years: set[int] = set()
    for d in (pub, crawled):
        if d is not None:
            years |= {d.year - 1, d.year, d.year + 1}
    return sorted(years)


def _clause(ctx: Context, fd: FoundDate) -> str:
    """The sentence around ``fd``, cut to its line and to 150 characters each side."""
    text = ctx.text
    a, b = _sentence_of(ctx, fd.start)
    ls = text.rfind("\n", 0, fd.start) + 1
    le = text.find("\n", fd.end)
    le = len(text) if le < 0 else le
    a, b = max(a, ls, fd.start - 150), min(max(b, fd.end), le, fd.end + 150)
    return text[a: fd.start] + " " + text[fd.end: b]


def _past_tense(clause: str) -> bool:
    for m in _PAST_RE.finditer(clause):
        w = m.group(0).lower()
        if w in _ADJECTIVAL_ED or (m.start() > 0 and clause[m.start() - 1] == "-"):
            continue
        return True
    return False


def compute(ctx: Context) -> Signal:
    text = ctx.text
    pd = ctx.dates  # the dates stage: every date found once, before the signals
    found = pd.found
    pub = pd.published
    pub_date = pub.date if pub else None
    crawled = ctx.crawled

    # What the page says about itself (check 6), and the latest date it claims to be
    # from (the reference of check 4 when the caller gave no publication date).
    claims = list(pd.claims)
    dl = pd.anchored  # the dateline under the <h1>
    if dl is None and not claims:  # plain text: no headline to anchor on, nothing to contradict
        dl = pd.dateline
    if dl is not None:
        claims.append(dl)
    if pd.updated is not None:
        claims.append(pd.updated)
    ref4: _dt.date | None
    if ctx.published is not None:
        ref4, ref4_src, cue_re = ctx.published, "the caller's publication date", _CUE_RE
    else:
        own = [c.date for c in claims if c.granularity == "day"] + ([pub_date] if pub_date else [])
        ref4 = max(own) if own else None
        ref4_src, cue_re = "the latest date the page gives itself", _CUE_NO_UPDATE_RE

    counts = dict.fromkeys(CHECKS, 0)
    evidence: list[Span] = []
    in_removed: list[dict[str, Any]] = []
    month_conflicts: list[dict[str, Any]] = []
    years = _year_candidates(pub_date, crawled)

    def alarm(check: str, start: int, end: int, note: str) -> None:
        counts[check] += 1
        evidence.append(Span(start, end, f"{check}: {note}"))

    for fd in found:
        # 3. two months in one date
        if fd.other_month is not None and fd.day is not None:
            note, info = _month_conflict(fd, years)
            alarm("two_months", fd.start, fd.end, note)
            month_conflicts.append(info)
            continue
        # 2. impossible calendar date
        if fd.granularity == "day" and not fd.valid:
            alarm("invalid_date", fd.start, fd.end,
                  f"{MONTH_NAMES[(fd.month or 1) - 1]} has no day {fd.day}" + (f" in {fd.year}" if fd.year else ""))
            continue
        # 1. weekday mismatch
        if fd.weekday is not None and fd.granularity == "day":
            wnote = _weekday_mismatch(fd, years)
            if wnote:
                alarm("weekday_mismatch", fd.start, fd.end, wnote)
        # 4. after the publication date, with a cue
        if ref4 is not None and fd.year is not None and _later(fd, ref4):
            cue_ok = bool(cue_re.search(text[max(0, fd.start - 40): fd.start]))
            if cue_ok and not (fd.granularity == "year" and _COPYRIGHT_RE.search(text[max(0, fd.start - 40): fd.start])):
                alarm("after_published", fd.start, fd.end,
                      f"{fd.text!r} is after {ref4_src}, {ref4.isoformat()}")
        # 5. after the crawl date, in the past tense
        if crawled is not None and fd.granularity != "year" and _later(fd, crawled):
            clause = _clause(ctx, fd)
            if _past_tense(clause) and not _FUTURE_RE.search(clause):
                alarm("after_crawled", fd.start, fd.end,
                      f"{fd.text!r} is after the crawl date {crawled.isoformat()} but told in the past tense")

    # 4 (continued): removed chrome.  Month or day precision only: a footer "© 2025" is normal.
    if ref4 is not None:
        for blk in ctx.removed:
            btxt = blk.text
            for fd in find_dates(btxt, min_granularity="month"):
                if cue_re.search(btxt[max(0, fd.start - 40): fd.start]) and _later(fd, ref4):
                    counts["after_published"] += 1
                    in_removed.append({
                        "check": "after_published", "kind": blk.kind,
                        "source_start": blk.start + fd.start, "source_end": blk.start + fd.end,
                        "text": btxt[max(0, fd.start - 40): fd.end + 40],
                        "note": f"{fd.text!r} (in removed {blk.kind}) is after {ref4_src}, {ref4.isoformat()}",
                    })

    # 6. declared publication dates in disagreement
    for c, note in _declared_conflicts(claims, crawled):
        if c.span is not None:
            alarm("declared_conflict", c.span[0], c.span[1], note)
        else:
            counts["declared_conflict"] += 1
            in_removed.append({"check": "declared_conflict", "note": note})

    # 7. undated
    text_full = sum(1 for fd in found if fd.granularity == "day" and fd.valid)
    declared = [c for c in claims if not c.source.startswith("dateline")]
    undated = int(text_full == 0 and not declared)

    n = sum(counts.values())
    evidence.sort(key=lambda sp: (sp.start, sp.end))
    details: dict[str, Any] = {
        **counts,
        "undated": undated,
        "alarms": n,
        "dates": len(found),
        "full_dates": text_full,
        "published": pub.to_dict() if pub else None,
        "crawled": crawled.isoformat() if crawled else None,
        "declared": [c.to_dict() for c in claims],
    }
    if month_conflicts:
        details["month_conflicts"] = month_conflicts
    if in_removed:
        details["not_in_text"] = in_removed
    return Signal(name=NAME, value=round(1.0 - 0.5 ** n, 4), flagged=n > 0, evidence=evidence, details=details)


def _weekday_mismatch(fd: FoundDate, years: list[int]) -> str | None:
    """The note of check 1, or None when the weekday fits.  Without a year, the
    date is checked against the years around the publication and crawl dates and
    only a weekday that fits none of them is a mismatch."""
    assert fd.weekday is not None and fd.month is not None and fd.day is not None
    if fd.year is not None:
        real = _dt.date(fd.year, fd.month, fd.day).weekday()
        if real == fd.weekday:
            return None
        return f"{_fmt(fd.year, fd.month, fd.day)} is a {_weekday_name(real)}, not a {_weekday_name(fd.weekday)}"
    valid = [y for y in years if is_valid(y, fd.month, fd.day)]
    if not valid or any(_dt.date(y, fd.month, fd.day).weekday() == fd.weekday for y in valid):
        return None
    return (f"{MONTH_NAMES[fd.month - 1]} {fd.day} is not a {_weekday_name(fd.weekday)} in any of "
            f"{', '.join(map(str, valid))} (the years around the publication and crawl dates)")


def _month_conflict(fd: FoundDate, years: list[int]) -> tuple[str, dict[str, Any]]:
    """The note of check 3 and its details: which month the weekday supports."""
    assert fd.other_month is not None and fd.month is not None and fd.day is not None
    cands = [fd.year] if fd.year is not None else years
    readings: list[tuple[int, int, int]] = []  # (month, year, weekday)
    for mo in (fd.other_month, fd.month):
        for y in cands:
            if is_valid(y, mo, fd.day):
                readings.append((mo, y, _dt.date(y, mo, fd.day).weekday()))
    supported: list[str] = []
    if fd.weekday is not None:
        for mo, _y, wd in readings:
            name = MONTH_NAMES[mo - 1]
            if wd == fd.weekday and name not in supported:
                supported.append(name)
    a, b = MONTH_NAMES[fd.other_month - 1], MONTH_NAMES[fd.month - 1]
    if fd.weekday is None:
        verdict = "no weekday to decide between them"
    elif len(supported) == 1:
        verdict = f"the weekday {_weekday_name(fd.weekday)} fits {supported[0]}"
    elif supported:
        verdict = f"the weekday {_weekday_name(fd.weekday)} fits both"
    else:
        verdict = f"the weekday {_weekday_name(fd.weekday)} fits neither"
    parts = [f"{_fmt(y, mo, fd.day)} is a {_weekday_name(wd)}" for mo, y, wd in readings] if fd.year else []
    note = f"two months in one date, {a} and {b}: {verdict}" + (f" ({'; '.join(parts)})" if parts else "")
    info = {"text": fd.text, "months": [a, b],
            "weekday": _weekday_name(fd.weekday) if fd.weekday is not None else None,
            "supported": supported}
    return note, info
