"""Date inconsistencies, read with the standard library only.

Checks, each counted in ``details`` with evidence spans:

* ``weekday_mismatch`` — a weekday beside a full date that falls on another day;
* ``two_months`` — two different month names in one date ("Thursday, June.
  November 20, 2024"), with the month the weekday supports;
* ``invalid_date`` — a date the calendar does not have ("31 April");
* ``after_published`` / ``after_crawled`` — a full date later than the
  publication or crawl date given by the caller.

Nothing fills missing parts from today's date: a date without a year is never
checked against a weekday.  ``value`` is the number of inconsistencies (squashed to
[0, 1]); flagged when there is any.
"""

from __future__ import annotations

import datetime as dt
import re

from ..types import Signal, Span
from .base import Context

NAME = "dates"
ENGLISH_ONLY = False

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = {
    d: i
    for i, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
    )
    for d in names
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
# Weekday? Month1.? Month2? Day, Year? | Weekday? Day Month Year?
_DATE_RE = re.compile(
    rf"(?:(?P<wd>{_WD})\.?,?\s+)?"
    rf"(?:(?P<m1>{_MON})\.?,?\s+(?:(?P<m2>{_MON})\.?\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m3>{_MON})\.?,?(?:\s+(?P<y2>\d{{4}}))?)\b"
    rf"|\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b"
)
_WD_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def compute(ctx: Context) -> Signal:
    text = ctx.text
    ev: list[Span] = []
    counts = {"dates": 0, "weekday_mismatch": 0, "two_months": 0, "invalid_date": 0,
              "after_published": 0, "after_crawled": 0}
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        counts["dates"] += 1
        wd = _WEEKDAYS.get(g["wd"].lower()) if g["wd"] else None
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["m1"]:
            y = int(g["y1"]) if g["y1"] else None
            mo, d = _MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"])
            if g["m2"]:
                mo2 = _MONTHS[g["m2"].lower()]
                if mo2 != mo:
                    counts["two_months"] += 1
                    note = f"two months in one date: {_MONTH_NAMES[mo]} and {_MONTH_NAMES[mo2]}"
                    if wd is not None and y:
                        fits = [x for x in (mo, mo2) if (dd := _valid(y, x, d)) and dd.weekday() == wd]
                        if len(fits) == 1:
                            note += f"; {g['wd']} fits {_MONTH_NAMES[fits[0]]} {d}, {y}"
                    ev.append(Span(m.start(), m.end(), note))
                    continue
                mo = mo2
        else:
            y = int(g["y2"]) if g["y2"] else None
            mo, d = _MONTHS[g["m3"].lower().rstrip(".")], int(g["d2"])
        if y is None:
            if not _valid(2000, mo, d):  # 2000 is a leap year: Feb 29 stays valid
                counts["invalid_date"] += 1
                ev.append(Span(m.start(), m.end(), "no such date"))
            continue
        date = _valid(y, mo, d)
        if date is None:
            counts["invalid_date"] += 1
            ev.append(Span(m.start(), m.end(), "no such date"))
            continue
        if wd is not None and date.weekday() != wd:
            counts["weekday_mismatch"] += 1
            ev.append(Span(m.start(), m.end(), f"{date.isoformat()} is a {_WD_NAMES[date.weekday()]}, not a {_WD_NAMES[wd]}"))
        if ctx.published and date > ctx.published:
            counts["after_published"] += 1
            ev.append(Span(m.start(), m.end(), f"after the publication date {ctx.published.isoformat()}"))
        if ctx.crawled and date > ctx.crawled:
            counts["after_crawled"] += 1
            ev.append(Span(m.start(), m.end(), f"after the crawl date {ctx.crawled.isoformat()}"))
    n_bad = sum(v for k, v in counts.items() if k != "dates")
    return Signal(NAME, n_bad / (n_bad + 1.0), n_bad > 0, ev, counts)
