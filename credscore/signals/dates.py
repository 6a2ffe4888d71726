"""``dates``: is the document consistent with its own dates?

Sloppy, machine-spun and recycled pages give themselves away through their
dates: a weekday that does not match its date, "February 30", two months in one
date, a 2013 article under "Since July 1, 2024, …", metadata that disagrees with
the dateline.  Every date comes from :mod:`credscore.dateparse` (literal reading,
nothing filled in from today) and every check takes the publication and crawl
dates as explicit inputs.  Seven checks, each a count in ``details`` with
evidence spans whose note starts with the check's name:

1. ``weekday_mismatch`` — a weekday attached to a date that falls on another day
   ("Monday, July 6, 2023": a Thursday).  A date without a year is checked
   against the year that puts it nearest the publication date, when one is known.
2. ``invalid_date`` — a date that does not exist ("31 April", "February 30, 2020").
3. ``month_conflict`` — two different months written in one date ("Thursday,
   June. November 20, 2024"); the note says which month the weekday supports.  A
   repeated month ("Nov. November 18") is harmless.  Such a date is not counted
   again by check 1.
4. ``after_published`` — a date after the publication date introduced by "since",
   "as of", "updated", "effective", "©"/"copyright".  The publication date is the
   caller's, else the one :func:`credscore.pubdate.detect_published` finds.
   Removed chrome is searched too (the donation wall of seeds/002 is where its
   "Since July 1, 2024" sits): hits there are listed in ``details["in_removed"]``
   with ``source_text`` offsets, since evidence spans index the cleaned text.
5. ``after_crawl`` — a date after the crawl date (``ctx.crawled``, caller only)
   in a sentence told in the past tense and with no future marker ("will",
   "scheduled", …).
6. ``declared_conflict`` — publication dates the page declares that disagree by
   more than a day (JSON-LD, ``<meta>``, the URL, ``<time>``, the dateline), or a
   modification date before the publication date.  A dateline equal to a
   declared modification date is an "updated" line, not a conflict.
7. ``undated`` — no complete date (day and month) in the text and no date in
   the page metadata (seeds/001 and seeds/003 are undated).  A page without a
   date is a credibility signal of its own, but not an *inconsistency*: it is
   reported in ``details["undated"]`` (0/1) and does **not** set ``flagged``
   nor raise ``value``.

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

from ..dateparse import MONTH_NAMES, WEEKDAY_NAMES, FoundDate, find_dates, is_valid
from ..pubdate import DateClaim, dateline_claim, detect_published, page_claims
from ..types import Signal, Span
from .base import Context

NAME = "dates"
ENGLISH_ONLY = False  # month and weekday names are English, but a page with none simply has no alarm

CHECKS = (
    "weekday_mismatch", "invalid_date", "month_conflict", "after_published",
    "after_crawl", "declared_conflict",
)

# A cue right before a date that states it as the present state of the page.
_CUE_RE = re.compile(
    r"(?:\b(?:since|as\s+of|as\s+at|updated|last\s+updated|effective|valid\s+from|revised)"
    r"(?:\s+(?:on|from|since))?|©|\(c\)|\bcopyright)\s*[:\-–—]?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|said|told|took|made|went|came|began|became|held|met|won|lost|saw|gave"
    r"|got|left|ran|sold|bought|brought|built|fell|rose|wrote|spoke|found|paid|sent|struck|hit"
    r"|killed|died|[a-z]{3,}ed)\b",
    re.IGNORECASE,
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


def _infer_year(fd: FoundDate, anchor: _dt.date | None) -> int | None:
    """The year that puts a yearless day-month nearest to ``anchor`` (the publication date)."""
    if anchor is None or fd.month is None or fd.day is None:
        return None
    best: tuple[int, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if is_valid(y, fd.month, fd.day):
            dist = abs((_dt.date(y, fd.month, fd.day) - anchor).days)
            if best is None or dist < best[0]:
                best = (dist, y)
    return best[1] if best else None


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
    starts = ctx.cache.get("dates.sent_starts")
    if starts is None:
        starts = [a for a, _ in spans]
        ctx.cache["dates.sent_starts"] = starts
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return (0, min(len(ctx.text), pos + 200))
    return spans[i]


def _cue_before(text: str, start: int) -> bool:
    return bool(_CUE_RE.search(text[max(0, start - 40): start]))


def _declared_conflicts(claims: list[DateClaim]) -> list[tuple[DateClaim, DateClaim, str]]:
    """Pairs of declared dates in disagreement (each pair reported once)."""
    out: list[tuple[DateClaim, DateClaim, str]] = []
    pubs = [c for c in claims if c.role == "published"]
    mods = [c for c in claims if c.role == "modified"]
    if not pubs:
        return out
    ref = pubs[0]
    for c in pubs[1:]:
        if c.granularity == "month" or ref.granularity == "month":
            if (c.date.year, c.date.month) == (ref.date.year, ref.date.month):
                continue
            # a month in the URL is a folder; only a different year and month is a conflict
        elif abs(c.date - ref.date) <= _ONE_DAY:
            continue
        if c.source.startswith("dateline") and any(abs(c.date - m.date) <= _ONE_DAY for m in mods):
            continue  # the dateline shows the "updated" date the metadata declares
        if c.source == "time" and any(abs(c.date - m.date) <= _ONE_DAY for m in mods):
            continue
        out.append((ref, c, f"{ref.source} says {ref.date.isoformat()}, {c.source} says {c.date.isoformat()}"))
    for m in mods:
        if m.date < ref.date - _ONE_DAY:
            out.append((ref, m, f"modified ({m.source}, {m.date.isoformat()}) before published "
                                f"({ref.source}, {ref.date.isoformat()})"))
            break
    return out


def compute(ctx: Context) -> Signal:
    text = ctx.text
    found: list[FoundDate] = ctx.cache.get("dates.found") or find_dates(text)
    ctx.cache["dates.found"] = found
    pub = detect_published(ctx)
    pub_date = pub.date if pub else None
    crawled = ctx.crawled

    counts = dict.fromkeys(CHECKS, 0)
    evidence: list[Span] = []
    in_removed: list[dict[str, Any]] = []
    month_conflicts: list[dict[str, Any]] = []

    def alarm(check: str, start: int, end: int, note: str) -> None:
        counts[check] += 1
        evidence.append(Span(start, end, f"{check}: {note}"))

    for fd in found:
        # 3. two months in one date
        if fd.other_month is not None and fd.day is not None:
            readings = []
            for mo in (fd.other_month, fd.month):
                y = fd.year if fd.year is not None else _infer_year(
                    FoundDate(0, 0, "", None, mo, fd.day, "day", True, ""), pub_date)
                ok = y is not None and is_valid(y, mo, fd.day)  # type: ignore[arg-type]
                wd = _dt.date(y, mo, fd.day).weekday() if ok else None  # type: ignore[arg-type]
                readings.append((mo, y, wd))
            supported = [MONTH_NAMES[mo - 1] for mo, _, wd in readings if fd.weekday is not None and wd == fd.weekday]
            parts = []
            for mo, y, wd in readings:
                if y is not None and wd is not None:
                    parts.append(f"{_fmt(y, mo, fd.day)} is a {_weekday_name(wd)}")  # type: ignore[arg-type]
            if fd.weekday is None:
                verdict = "no weekday to decide between them"
            elif len(supported) == 1:
                verdict = f"the weekday {_weekday_name(fd.weekday)} supports {supported[0]}"
            elif supported:
                verdict = f"the weekday {_weekday_name(fd.weekday)} fits both"
            else:
                verdict = f"the weekday {_weekday_name(fd.weekday)} fits neither"
            note = (f"two months in one date, {MONTH_NAMES[fd.other_month - 1]} and "
                    f"{MONTH_NAMES[fd.month - 1]}; {verdict}" + (f" ({'; '.join(parts)})" if parts else ""))  # type: ignore[index]
            alarm("month_conflict", fd.start, fd.end, note)
            month_conflicts.append({"text": fd.text, "months": [MONTH_NAMES[fd.other_month - 1], MONTH_NAMES[fd.month - 1]],  # type: ignore[index]
                                    "weekday": _weekday_name(fd.weekday) if fd.weekday is not None else None,
                                    "supported": supported})
            continue
        # 2. impossible calendar date
        if fd.granularity == "day" and not fd.valid:
            alarm("invalid_date", fd.start, fd.end,
                  f"{MONTH_NAMES[fd.month - 1]} has no day {fd.day}" + (f" in {fd.year}" if fd.year else ""))  # type: ignore[index]
            continue
        # 1. weekday mismatch
        if fd.weekday is not None and fd.granularity == "day":
            y, inferred = fd.year, False
            if y is None:
                y, inferred = _infer_year(fd, pub_date), True
            if y is not None and is_valid(y, fd.month, fd.day):  # type: ignore[arg-type]
                real = _dt.date(y, fd.month, fd.day).weekday()  # type: ignore[arg-type]
                if real != fd.weekday:
                    alarm("weekday_mismatch", fd.start, fd.end,
                          f"{_fmt(y, fd.month, fd.day)} is a {_weekday_name(real)}, "  # type: ignore[arg-type]
                          f"not a {_weekday_name(fd.weekday)}"
                          + (" (year taken from the publication date)" if inferred else ""))
        # 4. after the publication date, with a cue
        if pub_date is not None and _cue_before(text, fd.start) and _later(fd, pub_date):
            alarm("after_published", fd.start, fd.end,
                  f"{fd.text!r} is after the publication date {pub_date.isoformat()} ({pub.source})")  # type: ignore[union-attr]
        # 5. after the crawl date, in the past tense
        if crawled is not None and fd.granularity != "year" and _later(fd, crawled):
            a, b = _sentence_of(ctx, fd.start)
            sent = text[a:b]
            if _PAST_RE.search(sent) and not _FUTURE_RE.search(sent):
                alarm("after_crawl", fd.start, fd.end,
                      f"{fd.text!r} is after the crawl date {crawled.isoformat()} but told in the past tense")

    # 4 (continued): removed chrome, month or day precision only (a footer "© 2025" is normal).
    if pub_date is not None:
        for blk in ctx.removed:
            btxt = blk.text
            for fd in find_dates(btxt, min_granularity="month"):
                if _cue_before(btxt, fd.start) and _later(fd, pub_date):
                    counts["after_published"] += 1
                    in_removed.append({
                        "check": "after_published", "kind": blk.kind,
                        "source_start": blk.start + fd.start, "source_end": blk.start + fd.end,
                        "text": btxt[max(0, fd.start - 40): fd.end + 40],
                        "note": f"{fd.text!r} (in removed {blk.kind}) is after the publication date "
                                f"{pub_date.isoformat()} ({pub.source})",  # type: ignore[union-attr]
                    })

    # 6. declared publication dates in disagreement
    claims = page_claims(ctx.page, ctx.url)
    dl = dateline_claim(text, ctx.removed)
    if dl is not None:
        claims.append(dl)
    conflicts = _declared_conflicts(claims)
    for _a, c, note in conflicts:
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
    evidence.sort(key=lambda s: (s.start, s.end))
    details: dict[str, Any] = {
        **counts,
        "undated": undated,
        "alarms": n,
        "dates_found": len(found),
        "full_dates": text_full,
        "published": pub.to_dict() if pub else None,
        "crawled": crawled.isoformat() if crawled else None,
        "declared": [c.to_dict() for c in claims],
    }
    if month_conflicts:
        details["month_conflicts"] = month_conflicts
    if in_removed:
        details["in_removed"] = in_removed
    return Signal(name=NAME, value=round(1.0 - 0.5 ** n, 4), flagged=n > 0, evidence=evidence, details=details)
