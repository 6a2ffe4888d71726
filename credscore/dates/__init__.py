"""Dates: reading them from text and finding a page's publication date.

* :mod:`.patterns` -- every date regex (month and weekday names included), one home;
* :mod:`.parse` -- :func:`find_dates` / :func:`parse_date`: literal dates with exact spans;
* :mod:`.published` -- :func:`detect_published`: the page's publication date, from
  markup, URL and dateline, with the evidence for it.

The ``dates`` quality signal that checks them lives in :mod:`credscore.signals.dates`.
"""

from __future__ import annotations

from .parse import FoundDate, find_dates, parse_date, parse_date_partial
from .published import detect_published

__all__ = ["FoundDate", "detect_published", "find_dates", "parse_date", "parse_date_partial"]
