"""The date extractor, the publication date and the ``dates`` signal, on real text.

Seeds come from ``seeds/``; real page snippets from ``../shared`` (WCXB dev,
CC BY 4.0, Murrough Foley), skipped when the data is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credscore.dates.parse import find_dates, is_valid, parse_date
from credscore.dates.published import dateline_claim, detect_published, page_claims, url_claim
from credscore.signals import dates
from credscore.signals.base import Context

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = Path(os.environ.get("CREDSCORE_SHARED", REPO.parent / "shared"))
WCXB = SHARED / "data" / "boilerplate" / "wcxb-dev"
needs_wcxb = pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/boilerplate/wcxb-dev absent")


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


def run(text: str, **kw) -> dates.Signal:  # type: ignore[name-defined]
    return dates.compute(Context.from_text(text, **kw))


def wcxb_text(fid: str) -> str:
    gt = json.loads((WCXB / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
    return gt["ground_truth"]["main_content"]


# ------------------------------------------------------------------ extractor
def test_two_months_in_seed_000_are_kept_with_the_weekday() -> None:
    text = seed("000")
    (fd,) = [d for d in find_dates(text) if d.other_month is not None]
    assert fd.text == "Thursday, June. November 20, 2024"
    assert (fd.weekday, fd.other_month, fd.month, fd.day, fd.year) == (3, 6, 11, 20, 2024)
    assert text[fd.start:fd.end] == fd.text


def test_seed_004_dates_read_literally() -> None:
    found = {d.text: d for d in find_dates(seed("004"))}
    assert found["2023-07-07"].date == dt.date(2023, 7, 7)
    assert found["7 Jul, 2023"].date == dt.date(2023, 7, 7)
    july6 = found["July 6"]
    assert (july6.year, july6.month, july6.day, july6.granularity) == (None, 7, 6, "day")
    assert july6.date is None  # no year is invented


def test_seed_003_month_and_years() -> None:
    found = find_dates(seed("003"))
    assert [d.text for d in found if d.granularity == "month"] == ["November 2014"]
    assert {d.year for d in found if d.granularity == "year"} >= {1957, 1975, 1991, 2003}
    assert not [d for d in found if d.granularity == "day"]


@pytest.mark.parametrize(
    "text, expect",
    [
        ("Nov. November 18", ("Nov. November 18", None, 11, 18, None)),  # repeated month: harmless
        ("31 April", ("31 April", None, 4, 31, None)),
        ("February 30, 2020", ("February 30, 2020", 2020, 2, 30, None)),
        ("7 Jul, 2023 08:21", ("7 Jul, 2023", 2023, 7, 7, None)),
        ("at 2023-07-07T08:21:00+03:00.", ("2023-07-07T08:21:00+03:00", 2023, 7, 7, None)),
        ("Thu, 20 Jun 2024 10:00:00 GMT", ("Thu, 20 Jun 2024", 2024, 6, 20, None)),
        ("on 31/12/2023", ("31/12/2023", 2023, 12, 31, None)),
        ("on 12/31/2023", ("12/31/2023", 2023, 12, 31, None)),
    ],
)
def test_forms(text: str, expect: tuple) -> None:
    (fd,) = find_dates(text)
    assert (fd.text, fd.year, fd.month, fd.day, fd.other_month) == expect


def test_validity() -> None:
    (a,) = find_dates("31 April")
    (b,) = find_dates("February 30, 2020")
    (c,) = find_dates("February 29, 2024")
    (d,) = find_dates("February 29")  # possible in a leap year: no year, no verdict against it
    assert (a.valid, b.valid, c.valid, d.valid) == (False, False, True, True)


def test_no_invented_dates() -> None:
    # dateparser reads "we" as Wednesday, "80%" as 1980 and completes "Thursday, June".
    assert find_dates("we said 80% of them may 5 times, on Thursday, June") == []
    assert find_dates("03/04/2023 and 09.10.2024 are ambiguous") == []
    assert find_dates("$2000, 2,000 people, 1999% and the 1990s") == []
    (fd,) = find_dates("in June. November 20, 2024 saw")  # a sentence ends after June
    assert (fd.text, fd.other_month) == ("November 20, 2024", None)


_TOKENS = list("0123456789 ,./-:TZ+%\n") + [
    "May", "June", "Nov.", "November", "Thursday", "Thu", "Feb", "31", "2024", "1999", "we", "of", "th",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join) | st.text(max_size=80))
def test_extractor_properties(text: str) -> None:
    found = find_dates(text)
    last_end = 0
    for fd in found:
        assert 0 <= fd.start < fd.end <= len(text)
        assert fd.start >= last_end  # in order, no overlaps
        last_end = fd.end
        assert text[fd.start:fd.end] == fd.text
        if fd.granularity == "day":
            assert fd.month is not None and fd.day is not None
            if fd.year is not None:
                try:
                    dt.date(fd.year, fd.month, fd.day)
                    real = True
                except ValueError:
                    real = False
                assert fd.valid == real
                assert (fd.date is not None) == real
        if fd.weekday_span:
            assert fd.start <= fd.weekday_span[0] < fd.weekday_span[1] <= fd.end


@given(st.integers(1600, 2099), st.integers(1, 12), st.integers(1, 31))
def test_valid_flag_agrees_with_datetime(y: int, m: int, d: int) -> None:
    try:
        dt.date(y, m, d)
        real = True
    except ValueError:
        real = False
    assert is_valid(y, m, d) == real
    (fd,) = find_dates(f"{dt.date(2000, m, 1):%B} {d}, {y}")
    assert fd.valid == real


def test_parse_date_metadata_values() -> None:
    assert parse_date("2023-07-07T23:30:00-05:00") == dt.date(2023, 7, 7)  # the date as written
    assert parse_date("Fri, 07 Jul 2023 08:21:00 GMT") == dt.date(2023, 7, 7)
    assert parse_date("20230707") == dt.date(2023, 7, 7)
    assert parse_date("2023-02-30") is None
    assert parse_date(None) is None and parse_date(["x"]) is None


# ------------------------------------------------------------------ signal on seeds
def test_seed_000_two_months_says_june() -> None:
    s = run(seed("000"))
    assert s.flagged and s.details["two_months"] == 1
    (ev,) = [e for e in s.evidence if e.note.startswith("two_months")]
    assert seed("000")[ev.start:ev.end] == "Thursday, June. November 20, 2024"
    assert "Thursday fits June" in ev.note and "November 20, 2024 is a Wednesday" in ev.note
    assert s.details["month_conflicts"][0]["supported"] == ["June"]
    assert s.details["weekday_mismatch"] == 0  # not counted twice


def test_seed_004_is_clean() -> None:
    s = run(seed("004"))
    assert not s.flagged and s.value == 0.0
    assert s.details["published"]["date"] == "2023-07-07"
    assert s.details["undated"] == 0


def test_seed_002_since_after_published() -> None:
    text = seed("002")
    assert not run(text).flagged  # its own dates do not contradict each other
    s = run(text, published=dt.date(2013, 11, 12))
    assert s.flagged and s.details["after_published"] == 1
    (ev,) = s.evidence
    assert text[ev.start:ev.end] == "July 1, 2024" and "2013-11-12" in ev.note


def test_seed_002_since_in_removed_chrome() -> None:
    from credscore.types import RemovedBlock

    text = seed("002")
    wall_end = text.index("Putin Visits Vietnam")
    ctx = Context.from_text(
        text[wall_end:], published=dt.date(2013, 11, 12),
        removed=[RemovedBlock("donation", text[:wall_end], 0, wall_end)],
    )
    s = dates.compute(ctx)
    assert s.flagged and s.details["after_published"] == 1 and not s.evidence
    (hit,) = s.details["not_in_text"]
    assert text[hit["source_start"]:hit["source_end"]] == "July 1, 2024"


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_undated_seeds(prefix: str) -> None:
    s = run(seed(prefix))
    assert s.details["undated"] == 1
    assert not s.flagged and s.value == 0.0  # undated is reported, not an inconsistency


def test_crawl_date_past_tense() -> None:
    text = seed("004").replace("this week", "on July 9, 2023")
    assert not run(text, crawled=dt.date(2023, 7, 10)).flagged
    s = run(text, crawled=dt.date(2023, 7, 8))
    assert s.details["after_crawled"] == 1
    (ev,) = s.evidence
    assert text[ev.start:ev.end] == "July 9, 2023"


def test_weekday_and_invalid_on_seed_text() -> None:
    text = seed("004").replace("July 6", "Monday, July 6, 2023").replace("in March", "on 31 April")
    s = run(text)
    assert s.details["weekday_mismatch"] == 1 and s.details["invalid_date"] == 1
    notes = " | ".join(e.note for e in s.evidence)
    assert "July 6, 2023 is a Thursday, not a Monday" in notes
    assert "April has no day 31" in notes


def test_nothing_reads_today(monkeypatch: pytest.MonkeyPatch) -> None:
    class Frozen(dt.date):
        @classmethod
        def today(cls):  # type: ignore[override]
            raise AssertionError("today() read")

    monkeypatch.setattr(dt, "date", Frozen)
    for prefix in ("000", "002", "004"):
        run(seed(prefix))


# ------------------------------------------------------------------ publication date
def test_url_claim() -> None:
    c = url_claim("https://scratchculinary.com/2025/09/04/top-nutrition-trends-for-fall-2025/")
    assert c is not None and c.date == dt.date(2025, 9, 4) and c.granularity == "day"
    assert url_claim("https://example.com/shop/item-2023-99") is None


def test_page_claims_order_and_modified() -> None:
    page = {
        "meta": {"article:published_time": ["2023-07-07T08:21:00+03:00"],
                 "article:modified_time": ["2023-07-08T10:00:00+03:00"]},
        "jsonld": [{"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "datePublished": "2023-07-06"},
            {"@type": "NewsArticle", "datePublished": "2023-07-07T08:21:00+03:00",
             "dateModified": "2023-07-08"}]}],
        "time": ["2023-07-01"],
    }
    claims = page_claims(page, "https://example.com/2023/07/07/x")
    assert claims[0].source == "json-ld:datePublished" and claims[0].date == dt.date(2023, 7, 7)
    ctx = Context.from_text(seed("004"), page=page)
    pub = detect_published(ctx)
    assert pub is not None and (pub.date, pub.source) == (dt.date(2023, 7, 7), "json-ld:datePublished")
    assert not dates.compute(ctx).flagged


def test_declared_conflict_and_modified_before_published() -> None:
    # WCXB dev 4460: the byline says Dec 30, 2013, the metadata 2024-08-07.
    h1 = "Startup lessons learned from my failed startup"
    page = {"meta": {"article:published_time": ["2024-08-07T12:01:51Z"],
                     "article:modified_time": ["2013-01-01"]}, "h1": h1}
    text = f"{h1}\n\nSérgio Schüler\n\n7 min read\n\nDec 30, 2013\n\n" + seed("004")[seed("004").index("Vietnam is committed"):]
    s = dates.compute(Context.from_text(text, page=page))
    assert s.details["declared_conflict"] == 2
    notes = [e.note for e in s.evidence] + [h["note"] for h in s.details["not_in_text"]]
    assert any("dateline says 2013-12-30" in n for n in notes)
    assert any(n.startswith("modified") for n in notes)
    # the same date above the headline (a ticker, a related article) is not the page's dateline
    text = f"News Ticker\n\nDec 30, 2013\n\n{h1}\n\n" + seed("004")[seed("004").index("Vietnam is committed"):]
    page["meta"]["article:modified_time"] = ["2024-08-08"]
    assert not dates.compute(Context.from_text(text, page=page)).flagged


def test_dateline_skips_since_and_updates() -> None:
    assert dateline_claim(seed("002")) is None  # "Since July 1, 2024" is no dateline
    c = dateline_claim("By Jane Doe\nUpdated: March 3, 2024\nPublished on July 18, 2023\nBody text.")
    assert c is not None and c.date == dt.date(2023, 7, 18)


def test_caller_date_wins() -> None:
    ctx = Context.from_text(seed("004"), published=dt.date(2023, 7, 6))
    pub = detect_published(ctx)
    assert pub is not None and pub.source == "argument" and pub.date == dt.date(2023, 7, 6)


# ------------------------------------------------------------------ real pages (WCXB dev)
@needs_wcxb
def test_wcxb_weekday_mismatch_0146() -> None:
    # A real slip: "until Wednesday, October 15, 2026" (October 15, 2026 is a Thursday).
    text = wcxb_text("0146")
    s = run(text)
    (ev,) = [e for e in s.evidence if e.note.startswith("weekday_mismatch")]
    assert text[ev.start:ev.end] == "Wednesday, October 15, 2026"


@needs_wcxb
@pytest.mark.parametrize("fid", ["0001", "0009", "0020", "0034", "0044", "0110"])
def test_wcxb_ordinary_articles_are_clean(fid: str) -> None:
    # Articles with "Last updated", "Updated on" lines and copyright footers.
    s = run(wcxb_text(fid))
    assert not s.flagged, [e.note for e in s.evidence]


@needs_wcxb
def test_wcxb_html_metadata_0001() -> None:
    from lxml import html as lxml_html

    raw = gzip.open(WCXB / "html" / "0001.html.gz").read()
    doc = lxml_html.fromstring(raw)
    meta: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        if key and m.get("content") is not None:
            meta.setdefault(key.lower(), []).append(m.get("content"))
    jsonld = []
    for sc in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            jsonld.append(json.loads(sc.text_content()))
        except ValueError:
            pass
    url = "https://scratchculinary.com/2025/09/04/top-nutrition-trends-for-fall-2025-what-fitness-experts-are-eating-and-how-scratch-makes-it-easy/"
    ctx = Context.from_text(wcxb_text("0001"), page={"meta": meta, "jsonld": jsonld}, url=url)
    pub = detect_published(ctx)
    assert pub is not None and pub.date == dt.date(2025, 9, 4)  # the gold publish_date


# ------------------------------------------------------------------ through the pipeline
def test_pipeline_seed_002_wall_is_removed_but_still_read() -> None:
    import credscore

    text = seed("002")
    a = credscore.analyze(text, published=dt.date(2013, 11, 12))
    assert "Since July 1, 2024" not in a.text  # the donation wall is chrome
    d = a.signals["dates"]
    assert d.flagged and d.details["after_published"] == 1
    (hit,) = d.details["not_in_text"]
    assert a.source_text[hit["source_start"]:hit["source_end"]] == "July 1, 2024"
    assert a.to_dict()["published"] == {"date": "2013-11-12", "source": "argument", "text": "2013-11-12"}
    assert not credscore.analyze(text).signals["dates"].flagged


def test_pipeline_seed_004_published_from_dateline() -> None:
    import credscore

    a = credscore.analyze(seed("004"))
    assert a.published is not None and a.published.date == dt.date(2023, 7, 7)
    assert a.published.source.startswith("dateline")
    assert not a.signals["dates"].flagged


@needs_wcxb
@pytest.mark.parametrize("fid, source", [("0001", "json-ld:datePublished"), ("0004", None)])
def test_pipeline_wcxb_html_published(fid: str, source: str | None) -> None:
    import credscore

    gt = json.loads((WCXB / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
    raw = gzip.open(WCXB / "html" / f"{fid}.html.gz").read()
    a = credscore.analyze(raw, url=gt["url"])
    assert a.published is not None
    assert a.published.date.isoformat() == gt["ground_truth"]["publish_date"]
    if source:
        assert a.published.source == source
    assert a.to_dict()["published"]["date"] == gt["ground_truth"]["publish_date"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
    | st.sampled_from(["2023-07-07", "2023-02-30T10:00Z", "July 6", "NewsArticle", "@graph"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "datePublished", "dateModified", "dateCreated", "x"]), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(jsonld=st.lists(_JSON, max_size=3),
       meta=st.dictionaries(st.sampled_from(["article:published_time", "date", "og:updated_time", "x"]),
                            st.lists(st.text(max_size=30), max_size=2) | st.text(max_size=30), max_size=3),
       times=st.lists(st.text(max_size=30) | st.none(), max_size=3),
       url=st.none() | st.text(max_size=40))
def test_page_metadata_never_crashes(jsonld, meta, times, url) -> None:
    page = {"jsonld": jsonld, "meta": meta, "time": times, "h1": "Vietnam makes pledge to Russia"}
    claims = page_claims(page, url)
    assert all(c.role in ("published", "modified") for c in claims)
    ctx = Context.from_text(seed("004"), page=page, url=url)
    dates.compute(ctx)
    detect_published(ctx)


def test_one_analysis_scans_each_text_for_dates_once(monkeypatch):
    """The dates stage finds every date once: the text and its head are scanned once each
    (the published date, the datelines and the dates signal share the scans)."""
    import credscore
    from credscore.dates import parse as dateparse
    from credscore.dates import published as pubdate
    from credscore.signals import dates as dates_signal

    from . import _data

    pages = [p.html() for p in _data.boilerplate_pages("test", limit=6)] if _data.boilerplate_available() else []
    docs = [seed("004"), seed("002"), *pages]  # HTML pages: metadata, <h1>, removed chrome
    real = dateparse.find_dates
    calls: list[tuple[str, str]] = []

    def counted(text: str, *, min_granularity: str = "year") -> list:
        calls.append((text, min_granularity))
        return real(text, min_granularity=min_granularity)  # type: ignore[arg-type]

    for mod in (dateparse, pubdate, dates_signal):
        monkeypatch.setattr(mod, "find_dates", counted)
    for doc in docs:
        calls.clear()
        a = credscore.analyze(doc, crawled="2026-01-01")
        assert calls.count((a.text, "year")) == 1  # every date of the text, for the dates signal
        if a.text[:pubdate.DATELINE_TEXT_CHARS] != a.text:
            assert calls.count((a.text[:pubdate.DATELINE_TEXT_CHARS], "day")) == 1  # the datelines
        assert (a.published.to_dict() if a.published else None) == a.signals["dates"].details["published"]


def test_context_is_frozen():
    import dataclasses

    ctx = Context.from_text(seed("004"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.text = "other"  # type: ignore[misc]
    assert ctx.dates is ctx.dates and ctx.dates.found == tuple(find_dates(ctx.text))
