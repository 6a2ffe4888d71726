"""Every date regex credscore uses, in one place.

* :data:`DATE_RE` -- the literal date finder behind :func:`credscore.dates.parse.find_dates`
  (month and weekday names capitalised; what each named group means is documented there);
* :data:`BLOCK_DATE_RE` -- a loose "this block carries a date" test the chrome model
  reads as a feature (:mod:`credscore.chrome.features`);
* :data:`MONTH_WORDS`, :data:`WEEKDAY_WORDS`, :data:`DATE_AFTER_RE`, :data:`DAY_MONTH_RE`,
  :data:`NUMERIC_DATE_RE` -- what :mod:`credscore.signals.sourcing` counts as a date
  next to a capitalised month or weekday word.

The names come from :data:`MONTH_NAMES` and :data:`WEEKDAY_NAMES`; this module imports
nothing of credscore.
"""

from __future__ import annotations

import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_TOKENS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, 1):
    for _tok in {_name, _name[:3]} | ({"Sept"} if _i == 9 else set()):
        _MONTH_TOKENS[_tok] = _i
        _MONTH_TOKENS[_tok.upper()] = _i

_WEEKDAY_TOKENS: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAY_NAMES):
    _abbr = {_name, _name[:3]}
    if _name == "Tuesday":
        _abbr.add("Tues")
    if _name == "Thursday":
        _abbr |= {"Thur", "Thurs"}
    for _tok in _abbr:
        _WEEKDAY_TOKENS[_tok] = _i
        _WEEKDAY_TOKENS[_tok.upper()] = _i


def _alternation(tokens: dict[str, int]) -> str:
    # Longest first so that "June" wins over "Jun" and "Thursday" over "Thu".
    return "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))


_MON = rf"(?:{_alternation(_MONTH_TOKENS)})(?![\w'’])"
_WD = rf"(?:{_alternation(_WEEKDAY_TOKENS)})(?![\w'’])"
_YEAR = r"(?:1[6-9]|20)\d\d(?![\w%])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
# After a day number: not more digits, not "6,000", "6.5", "6:30", "6%".
_DAY_END = r"(?![\w%]|[.,:]\d)"
_SP = r"[^\S\r\n]+"  # spaces and tabs, not line breaks: a date sits on one line
_SP0 = r"[^\S\r\n]?"
_TIME = r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:\s?Z|\s?[+-](?:[01]\d):?[0-5]\d)?)?"

DATE_RE = re.compile(
    r"(?=[0-9A-Z])(?:"
    +"|".join(
        [
            # ISO and its slash/dot cousins, year first: 2023-07-07, 2023/07/07T08:21Z
            rf"(?<![\w./:-])(?P<iy>(?:1[6-9]|20)\d\d)(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)"
            rf"(?P<id>3[01]|[12]\d|0?[1-9])(?:(?=T\d)|(?![\w%]|[./-]\d)){_TIME}",
            # Numeric, year last: 31/12/2023, 07.07.2023
            r"(?<![\w./:-])(?P<na>3[01]|[12]\d|0?[1-9])(?P<nsep>[-/.])(?P<nb>3[01]|[12]\d|0?[1-9])"
            r"(?P=nsep)(?P<ny>(?:1[6-9]|20)\d\d)(?![\w%]|[./-]\d)",
            # Month first: [Weekday,] Month[.] [Month[.]] day[th][, year]
            rf"(?:(?P<wa>{_WD})\.?,?{_SP})?(?P<ma>{_MON})\.?(?:,?{_SP}(?P<mb>{_MON})\.?)?,?{_SP}"
            rf"(?P<da>{_DAY}){_ORD}{_DAY_END}(?:,?{_SP}(?P<ya>{_YEAR}))?",
            # Day first: [Weekday,] [the] day[th] [of] Month[.][,] [year]
            rf"(?:(?P<wb>{_WD})\.?,?{_SP}(?:the{_SP})?)?(?<![\w.,:/-])(?P<db>{_DAY}){_ORD}{_SP}(?:of{_SP})?"
            rf"(?P<mc>{_MON})\.?(?:,?{_SP}(?P<yb>{_YEAR}))?",
            # Month and year: November 2014, Nov. 2014
            rf"(?P<md>{_MON})\.?,?{_SP}(?P<yc>{_YEAR})",
            # A bare year, not an amount.
            rf"(?<![\w$€£¥.,/:])(?P<yo>(?:1[6-9]|20)\d\d)(?![\w%]|[.,]\d|{_SP0}(?:%|per{_SP0}cent))",
        ]
    )
    + ")"
)

_MON3 = "|".join(m[:3].lower() for m in MONTH_NAMES)  # jan|feb|...|dec
BLOCK_DATE_RE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|"
    rf"\b(?:{_MON3})[a-z]*\.? \d{{1,2}},? \d{{4}}\b|"
    rf"\b\d{{1,2}} (?:{_MON3})[a-z]*\.? \d{{4}}\b",
    re.I,
)

#: lower-case month words: full names, three-letter abbreviations and "sept"
MONTH_WORDS = frozenset(t.lower() for t in _MONTH_TOKENS)
#: lower-case full weekday names
WEEKDAY_WORDS = frozenset(w.lower() for w in WEEKDAY_NAMES)
#: right after a month word: a day ("June 5th") or a year ("June 2014")
DATE_AFTER_RE = re.compile(r"\.? (?:\d{1,2}(?:st|nd|rd|th)?\b|\d{4}\b)")
#: right before a month word, at the end of a window: a day ("5 June")
DAY_MONTH_RE = re.compile(r"\d{1,2} \Z")
#: a numeric date with any day/month order: 12/31/2023, 2023-07-07
NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b")
