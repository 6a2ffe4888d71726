"""Property tests (hypothesis): whatever comes in, the guarantees hold.

* ``analyze`` never raises anything but a typed :class:`credscore.CredscoreError`
  (subclass of ``InputError`` for bad input), and every Analysis satisfies
  :func:`tests.invariants.check`: score in [0, 100], every evidence span inside the
  cleaned text, every removed block's offsets indexing ``source_text``, valid JSON;
* ``clean`` is idempotent: ``clean(clean(x)) == clean(x)`` whenever ``clean(x)`` is
  not empty (an empty result is not a document: ``clean`` raises EmptyInputError on
  it, as on any empty input) and does not itself look like HTML (it would then be
  parsed as HTML; see :mod:`credscore.chrome.settle`);
* output is identical across runs;
* the date extractor (:mod:`credscore.dates.parse`) returns exact, ordered, disjoint
  spans, finds every date written in the usual forms, and never raises;
* the JSONL reader (:mod:`credscore.pipeline.jsonl`) writes exactly one valid JSON
  line per non-blank input line, in order, keeping the record's own fields.

Documents are built from real lines (the seeds), real chrome lines and
hypothesis-generated text, so that the chrome rules actually fire.  The budget is
bounded for CI (``max_examples`` below, no deadline: the first call loads the word
list).  Run longer with ``CREDSCORE_HYPOTHESIS_EXAMPLES=2000``.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import credscore
from credscore.document import looks_like_html
from credscore.errors import CredscoreError, InputError

from .conftest import SEEDS
from .invariants import check

#: The CI budget; ``CREDSCORE_HYPOTHESIS_EXAMPLES=2000 pytest tests/test_properties.py``
#: runs longer.  Applied per test (not as a global profile: other modules' hypothesis
#: tests keep their own settings).
BUDGET = settings(
    max_examples=int(os.environ.get("CREDSCORE_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_LINES = sorted({line.strip() for p in sorted(SEEDS.glob("*.txt"))
                     for line in p.read_text(encoding="utf-8").splitlines() if line.strip()})
CHROME_LINES = [
    "Home", "News", "Menu", "Subscribe now", "Follow us on Telegram", "Privacy Policy", "All rights reserved",
    "Read more", "Оставить комментарий", "Share on Facebook", "Advertisement", "Related articles",
    "Photo: Getty Images", "© 2024 Example Media", "Support us.", "Dear readers,", "Tags: politics, world",
    "It looks like you're using an ad blocker", "Please support our journalism with a donation.",
    "Sign up for our weekly newsletter", "Enter your email", "×", "___", "Monday, June 3, 2024",
    "icon bookmark-icon cameraicon shareicon likeicon menuicon", "ht t’s a fact that the two sides agreed on the plan today.",
]

text_line = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
line = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(CHROME_LINES), text_line)
sep = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\t\n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=25))
    out = lines[0]
    for ln in lines[1:]:
        out += draw(sep) + ln
    return out


TAGS = ["p", "div", "span", "a", "h1", "h2", "li", "ul", "nav", "footer", "aside", "header", "article",
        "main", "section", "br", "b", "table", "td", "tr", "form", "button", "script", "style", "time", "title"]


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Tag soup: nested elements with real and random text, random attributes,
    sometimes unclosed or truncated."""
    parts: list[str] = ["<html><head><title>" + draw(st.sampled_from(SEED_LINES))[:80] + "</title></head><body>"]
    depth = 0
    for _ in range(draw(st.integers(1, 40))):
        action = draw(st.sampled_from(["open", "open", "text", "text", "close", "chrome"]))
        if action == "open":
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="x y"', " href='http://example.invalid/'",
                                         ' datetime="2024-06-03"', ' class="icon"', " lang=ru"]))
            parts.append(f"<{tag}{attr}>")
            depth += 1
        elif action == "close" and depth:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
            depth -= 1
        elif action == "chrome":
            parts.append(f"<p>{draw(st.sampled_from(CHROME_LINES))}</p>")
        else:
            parts.append(draw(st.one_of(st.sampled_from(SEED_LINES), text_line)))
    doc = "".join(parts)
    if draw(st.booleans()):
        doc = doc[: draw(st.integers(0, len(doc)))]
    return doc


def _analyze(doc, **kw):
    try:
        return check(credscore.analyze(doc, **kw))
    except InputError:
        return None


@BUDGET
@given(documents())
def test_analyze_text_never_crashes_and_keeps_invariants(doc):
    _analyze(doc)


@BUDGET
@given(st.text(max_size=300))
def test_analyze_arbitrary_strings(doc):
    _analyze(doc)


@BUDGET
@given(st.binary(max_size=2000))
def test_analyze_arbitrary_bytes(data):
    _analyze(data)


@BUDGET
@given(documents(), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1251", "latin-1", "utf-8-sig"]))
def test_analyze_encoded_documents(doc, codec):
    data = doc.encode(codec, errors="replace")
    _analyze(data)


@BUDGET
@given(html_documents())
def test_analyze_html_never_crashes_and_keeps_invariants(doc):
    _analyze(doc, content_type="html")
    _analyze(doc)


def _clean(doc, **kw):
    try:
        return credscore.clean(doc, **kw)
    except InputError:
        return None


@BUDGET
@given(st.one_of(documents(), html_documents()))
def test_clean_is_idempotent(doc):
    once = _clean(doc)
    assume(once is not None and once.strip() and not looks_like_html(once))
    assert _clean(once) == once


@BUDGET
@given(documents())
def test_output_is_deterministic(doc):
    a, b = _analyze(doc), _analyze(doc)
    if a is None:
        assert b is None
        return
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)


@BUDGET
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200), st.integers(), st.none(), st.lists(st.text())))
def test_only_typed_errors_or_type_errors(doc):
    """Wrong *types* are a TypeError (a programming error); wrong *content* is an InputError."""
    try:
        credscore.analyze(doc)
    except (CredscoreError, TypeError):
        pass


# --- the date extractor (credscore.dates.parse) ------------------------------------------

from credscore.dates import parse as dates_parse  # noqa: E402

_MONTHS = dates_parse.MONTH_NAMES
_date_text = st.one_of(
    text_line,
    st.sampled_from(SEED_LINES),
    st.lists(st.sampled_from(["Monday,", "June", "Jun.", "November", "20,", "2024", "31", "April", "1991",
                              "07/07/2023", "2023-07-07", "of", "Thu,", "May", "we", "80%", "$2000", "the", "."]),
             max_size=12).map(" ".join),
)


@BUDGET
@given(_date_text)
def test_find_dates_spans_are_exact_ordered_and_disjoint(text):
    found = dates_parse.find_dates(text)
    prev_end = 0
    for fd in found:
        assert prev_end <= fd.start < fd.end <= len(text)
        assert text[fd.start:fd.end] == fd.text
        for span in (fd.weekday_span, fd.month_span, fd.other_month_span):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if fd.granularity == "day" and fd.year is not None and fd.valid:
            assert fd.date is not None and (fd.date.year, fd.date.month, fd.date.day) == (fd.year, fd.month, fd.day)
        else:
            assert fd.date is None
        prev_end = fd.end
    days = dates_parse.find_dates(text, min_granularity="day")
    months = dates_parse.find_dates(text, min_granularity="month")
    assert set(days) <= set(months) <= set(found)


@BUDGET
@given(st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{M} {d}, {y}", "{d} {M} {y}", "{y}-{m:02d}-{d:02d}", "{W}, {M} {d}, {y}", "{d}th of {M} {y}"]),
       st.sampled_from(["", "On ", "Published: ", "(", "Updated "]),
       st.sampled_from(["", ".", ",", " at 10:00", ")"]))
def test_written_dates_are_found_exactly(date, fmt, before, after):
    written = fmt.format(M=_MONTHS[date.month - 1], d=date.day, y=date.year, m=date.month,
                         W=dates_parse.WEEKDAY_NAMES[date.weekday()])
    if "th of" in fmt and date.day in (1, 2, 3, 21, 22, 23, 31):
        written = written.replace(f"{date.day}th", f"{date.day}{'st' if date.day % 10 == 1 else 'nd' if date.day % 10 == 2 else 'rd'}")
    found = dates_parse.find_dates(before + written + after, min_granularity="day")
    assert [fd.date for fd in found] == [date]
    assert dates_parse.parse_date(written) == date


@BUDGET
@given(st.one_of(st.text(max_size=300), st.integers(), st.none(), st.binary(max_size=50), _date_text))
def test_parse_date_never_raises(value):
    d = dates_parse.parse_date(value)
    assert d is None or isinstance(d, dt.date)
    p = dates_parse.parse_date_partial(value)
    assert p is None or isinstance(p[0], int)


# --- the JSONL reader (credscore.pipeline.jsonl) ----------------------------------------

import io  # noqa: E402

from credscore.pipeline import jsonl  # noqa: E402

_record = st.fixed_dictionaries(
    {"id": st.integers(0, 10**6)},
    optional={"text": st.one_of(documents(), st.none(), st.integers(), st.text(max_size=20)),
              "html": html_documents(), "url": st.text(max_size=30), "extra": st.lists(st.integers(), max_size=3)},
)
_raw_line = st.one_of(
    _record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8")),
    st.binary(max_size=200),                                           # anything at all
    st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"", b"   ", b"[1, 2]", b'"text"', b"null", b"{", b'{"text": "\\ud800 lone"}',
                     b"\xef\xbb\xbf" + b'{"text": "BOM first"}', b"[" * 5000 + b"]" * 5000]),
)


@BUDGET
@given(st.lists(_raw_line, max_size=8), st.booleans())
def test_jsonl_loses_no_record_and_keeps_order(lines, html):
    """Every non-blank line gives exactly one output line of valid JSON, in input order;
    a record's own fields come back unchanged; failures carry an error kind."""
    lines = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in lines]
    out = io.BytesIO()
    opts = jsonl.StreamOptions(html_field="html" if html else None)
    summary = jsonl.stream(io.BytesIO(b"\n".join(lines) + b"\n"), out, opts)
    # JSONL lines end with "\n" only (a U+0085 or U+2028 inside a string is not a line end)
    written = [w.decode("utf-8") for w in out.getvalue().split(b"\n")[:-1]]
    nonblank = [ln for ln in lines if ln.strip()]
    assert summary.documents == len(nonblank) == len(written) + summary.filtered
    assert summary.failed == sum(1 for w in written if '"error"' in w and "error" in json.loads(w))
    for n, (raw, w) in enumerate(zip(nonblank, written), 1):
        rec = json.loads(w)
        try:
            orig = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            orig = None
        if isinstance(orig, dict):
            for k, v in orig.items():
                assert rec[k] == v
            if "error" not in rec:
                assert rec["unscored_reason"] if rec["score"] is None else 0 <= rec["score"] <= 100
        else:
            assert "error" in rec and "raw" in rec
