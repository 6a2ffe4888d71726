"""The reports: HTML (escaping, self-containment, evidence on the text, summary) and the terminal table."""

from __future__ import annotations

import argparse
import io
import re
import sys

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import credscore
from credscore.cli import _use_color, main
from credscore.report import render_html, render_table
from credscore.report.markup import Range, render, source_mapper

from .conftest import seed_path

HOSTILE = (
    '</script><img src=x onerror="alert(1)"><script>alert(2)</script>\n'
    '"><svg onload=alert(3)> <style>body{display:none}</style> <!-- & &amp; ]]> \' `\n'
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def seed_page(seed_items):
    html = render_html(seed_items)
    return html, lxml.html.document_fromstring(html)


def _articles(doc):
    return doc.xpath("//article[contains(concat(' ', @class, ' '), ' doc ')]")


def _view_text(view, drop=("badge", "vh")) -> str:
    """The text a reader sees in a view, without the badges and screen-reader labels."""
    view = lxml.html.fromstring(lxml.html.tostring(view, encoding="unicode"))
    for el in view.xpath(".//*[@class]"):
        if set(el.get("class").split()) & set(drop):
            el.drop_tree()
    return view.text_content()


def _marks_by_ev(container) -> dict[int, str]:
    out: dict[int, str] = {}
    for m in container.xpath(".//mark[@data-ev]"):
        n = int(m.get("data-ev"))
        out[n] = out.get(n, "") + m.text_content()
    return out


# --------------------------------------------------------------------------- markup


def test_render_nests_crossing_ranges_and_escapes():
    text = "He said <b>pure fuel</b>."
    ranges = [Range(0, len(text), "<i>", "</i>"), Range(3, 7, "<u>", "</u>"), Range(12, 20, "<s>", "</s>", "<s c>")]
    out = render(text, ranges)
    assert out == "<i>He <u>said</u> &lt;b&gt;p<s>ure fuel</s>&lt;/b&gt;.</i>"
    crossing = render("abcdef", [Range(0, 4, "<x>", "</x>", "<x+>"), Range(2, 6, "<y>", "</y>", "<y+>")])
    assert crossing == "<x>ab<y>cd</y></x><y+>ef</y>"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<&\n", min_size=1, max_size=30).flatmap(
    lambda t: st.tuples(st.just(t), st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))), max_size=8))))
def test_render_every_range_survives_as_well_formed_pieces(case):
    text, pairs = case
    spans = [(min(a, b), max(a, b)) for a, b in pairs]
    ranges = [Range(a, b, f'<span data-ev="{i}">', "</span>", f'<span data-ev="{i}">') for i, (a, b) in enumerate(spans)]
    out = render(text, ranges)
    root = lxml.html.fragment_fromstring(f"<div>{out}</div>")
    assert root.text_content() == text  # nothing lost, nothing added, escaping undone exactly
    got = _marks_by_ev_span(root)
    for i, (a, b) in enumerate(spans):
        assert got.get(i, "") == text[a:b]


def _marks_by_ev_span(root) -> dict[int, str]:
    out: dict[int, str] = {}
    for m in root.xpath(".//span[@data-ev]"):
        out[int(m.get("data-ev"))] = out.get(int(m.get("data-ev")), "") + m.text_content()
    return out


def test_source_mapper_on_seeds(seed_analyses):
    for a in seed_analyses.values():
        to_source = source_mapper(a.meta["pieces"])
        for sig in a.signals.values():
            for sp in sig.evidence:
                parts = to_source(sp.start, sp.end)
                assert parts, (sig.name, sp)
                mapped = "".join(a.source_text[s:e] for s, e in parts)
                assert "".join(mapped.split()) == "".join(a.text[sp.start:sp.end].split()) or a.repairs


# --------------------------------------------------------------------------- HTML


def test_html_escapes_hostile_documents(tmp_path):
    body = seed_path("000").read_text(encoding="utf-8")
    a = credscore.analyze(credscore.Document(HOSTILE + body, name='x"><img src=y onerror=alert(4)>.txt',
                                             content_type="text"))
    bad = {"name": "</script><script>alert(5)</script>", "error": {"kind": "<b>", "message": "<img onerror=x>"}}
    page = render_html([a, bad], title="<script>alert(6)</script>")
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//img") == [] and doc.xpath("//b") == []
    assert len(doc.xpath("//script")) == 1 and len(doc.xpath("//style")) == 1
    assert "alert" not in doc.xpath("//script")[0].text and "onerror" not in doc.xpath("//style")[0].text
    assert [el for el in doc.iter() if isinstance(el.tag, str) and any(k.startswith("on") for k in el.attrib)] == []
    assert doc.xpath("//svg[not(@class)]") == []  # only our own charts
    # the hostile text is all there, as text, character for character
    (art,) = [x for x in _articles(doc) if "failed" not in x.get("class")]
    (clean,) = art.xpath(".//div[contains(@class,'view-clean')]/div[@class='text' or starts-with(@class,'text')]")
    assert clean.text_content() == a.text and "</script><img" in a.text
    (src,) = art.xpath(".//div[contains(@class,'view-src')]/div[starts-with(@class,'text')]")
    assert _view_text(src) == a.source_text
    assert 'x"><img src=y onerror=alert(4)>.txt' in art.xpath(".//h2")[0].text_content()
    assert doc.xpath("//title")[0].text == "<script>alert(6)</script>"


def test_html_is_self_contained(seed_page):
    html, doc = seed_page
    assert doc.xpath("//link | //iframe | //object | //embed | //img | //base") == []
    assert all(not s.get("src") for s in doc.xpath("//script"))
    css = "".join(s.text for s in doc.xpath("//style"))
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("src", "href", "xlink:href", "action", "poster", "srcset"):
            v = el.get(attr)
            assert v is None or v.startswith("#"), (el.tag, attr, v)
    assert "http" not in html.split("<body>")[0]
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))  # every in-page link has one target
    for href in doc.xpath("//a/@href"):
        assert href[1:] in ids, href


def test_every_evidence_span_is_highlighted_in_both_views(seed_page, seed_items):
    _, doc = seed_page
    arts = _articles(doc)
    assert len(arts) == len(seed_items) == 5
    total = 0
    for art, a in zip(arts, seed_items):
        ev = [(name, sp) for name, sig in a.signals.items() for sp in sig.evidence]
        total += len(ev)
        clean = art.xpath(".//div[contains(@class,'view-clean')]")[0]
        src = art.xpath(".//div[contains(@class,'view-src')]")[0]
        got_clean, got_src = _marks_by_ev(clean), _marks_by_ev(src)
        assert len(got_clean) == len(ev)
        for n, (name, sp) in enumerate(ev):
            assert got_clean[n] == a.text[sp.start:sp.end], (a.name, name, sp)
            (first,) = clean.xpath(f".//mark[@id='d{arts.index(art)}-ev{n}']")
            assert first.get("data-signal") == name and sp.note in first.get("title")
            assert "".join(got_src[n].split()) == "".join(a.text[sp.start:sp.end].split())
        # the notes say what the brief promises: the likely original of a spun phrase, the conflict of a date
        for m in clean.xpath(".//mark[@data-signal='spin'][@id]"):
            assert "→" in m.get("title") or "spintax" in m.get("title")
        if a is seed_items[0]:  # seed 000: "Thursday, June. November 20, 2024"
            (d,) = clean.xpath(".//mark[@data-signal='dates'][@id]")
            assert "June and November" in d.get("title") and "November 20, 2024" in d.text_content()
    assert total > 100  # the seeds have plenty: 46 spin spans in 000 alone


def test_removed_chrome_struck_through_in_place_with_kind_badges(seed_page, seed_items):
    _, doc = seed_page
    for art, a in zip(_articles(doc), seed_items):
        src = art.xpath(".//div[contains(@class,'view-src')]/div[starts-with(@class,'text')]")[0]
        chrome = src.xpath(".//span[@class='chrome'][@data-kind]")
        assert [c.get("data-kind") for c in chrome] == [b.kind for b in a.removed]
        for c, b in zip(chrome, a.removed):
            assert c.xpath("./span[@class='badge']")[0].text == b.kind
            assert "".join(d.text_content() for d in c.xpath(".//del")) == b.text
        assert _view_text(src) == a.source_text  # in place: the source reads through, nothing reordered
    kinds = {b.kind for a in seed_items for b in a.removed}
    assert {"donation", "adblock", "photo_credit"} <= kinds


def test_view_toggle_needs_no_script(seed_page):
    html, doc = seed_page
    for i, art in enumerate(_articles(doc)):
        radios = art.xpath(".//fieldset//input[@type='radio']")
        assert [r.get("name") for r in radios] == [f"view-{i}"] * 2
        assert radios[0].get("checked") is not None and radios[1].get("checked") is None
        assert art.xpath(".//div[contains(@class,'view-clean')]") and art.xpath(".//div[contains(@class,'view-src')]")
    css = doc.xpath("//style")[0].text
    assert ".textviews:has(.v-src:checked) .view-clean" in css


def test_summary_table_histogram_and_flag_counts(seed_page, seed_items):
    _, doc = seed_page
    (summary,) = doc.xpath("//section[@class='summary']")
    (table,) = summary.xpath(".//table[contains(@class,'sortable')]")
    heads = [th.text_content().strip() for th in table.xpath("./thead/tr/th")]
    sortable = [th.get("data-sort") for th in table.xpath("./thead/tr/th")]
    signals = list(seed_items[0].signals)
    assert heads[:3] == ["#", "document", "score"] and heads[4:4 + len(signals)] == signals
    assert all(sortable)
    rows = table.xpath("./tbody/tr")
    assert len(rows) == 5
    for row, a in zip(rows, seed_items):
        cells = row.xpath("./td")
        assert float(cells[2].get("data-v")) == pytest.approx(a.score, abs=1e-3)
        assert cells[1].xpath(".//a/@href")[0] == f"#doc-{seed_items.index(a)}"
        for k, name in enumerate(signals):
            assert float(cells[4 + k].get("data-v")) == pytest.approx(a.signals[name].value, rel=1e-5, abs=1e-9)
    for href in summary.xpath(".//a/@href"):
        assert doc.xpath(f"//*[@id='{href[1:]}']")
    # histogram: ten bins, counts add up to the documents
    (svg,) = summary.xpath(".//svg[@class='histogram']")
    bars = svg.xpath(".//rect")
    assert len(bars) == 10
    assert sum(int(re.search(r": (\d+) document", b.xpath("./title")[0].text).group(1)) for b in bars) == 5
    # flags by signal
    flagged = {tr.xpath("./th")[0].text_content(): int(tr.xpath("./td")[0].text) for tr in
               summary.xpath(".//table[contains(@class,'compact')]/tbody/tr")}
    assert flagged == {n: sum(n in a.flags for a in seed_items) for n in signals}
    assert flagged["spin"] == 1 and flagged["dates"] == 1
    assert "aria-sort" in doc.xpath("//script")[0].text


def test_single_document_has_no_summary_and_a_gauge(seed_items):
    doc = lxml.html.document_fromstring(render_html(seed_items[:1]))
    assert doc.xpath("//section[@class='summary']") == []
    (gauge,) = doc.xpath("//svg[@class='gauge']")
    a = seed_items[0]
    assert f"Score {a.score:.1f} of 100, {'low' if a.score < 40 else 'medium' if a.score < 70 else 'high'}" \
        in gauge.get("aria-label")
    bars = doc.xpath("//table[@class='signals']//div[@class='cbar']/span")
    assert {b.get("class") for b in bars} == {"pos", "neg"}
    assert doc.xpath("//main") and doc.xpath("//header") and doc.xpath("//footer")


# --------------------------------------------------------------------------- terminal table


def test_table_plain_has_no_escapes_and_colour_has_bands(seed_items):
    plain = render_table(seed_items)
    assert "\x1b" not in plain and sum(line.strip().startswith("score ") for line in plain.splitlines()) == 5
    colour = render_table(seed_items, color=True, width=120)
    assert "\x1b[" in colour
    assert "\x1b[1;37;41m" in colour and "\x1b[1;37;42m" in colour  # low on red, high on green
    neg = next(c.points for a in seed_items for c in a.explanation[:3] if c.points <= -0.05)
    assert f"\x1b[31m{neg:+.1f}" in colour  # a reason that lowers the score, in red
    visible = ANSI.sub("", colour)
    for a in seed_items:
        assert a.name in visible and f"{a.score:.1f}" in visible
    assert "spin" in visible and "dates" in visible and "chrome removed" in visible


@pytest.mark.parametrize("width", [60, 80, 120])
def test_table_fits_the_width(seed_items, width):
    visible = ANSI.sub("", render_table(seed_items, color=True, width=width))
    assert max(len(line) for line in visible.splitlines()) <= width
    assert ("chrome removed" in visible) == (width >= 100)


def test_colour_choice(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    ns = lambda **kw: argparse.Namespace(**{"color": "auto", "output": None, **kw})  # noqa: E731
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setattr(sys, "stdout", Tty())
    assert _use_color(ns()) is True
    assert _use_color(ns(color="never")) is False
    assert _use_color(ns(output="out.txt")) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(ns()) is False and _use_color(ns(color="always")) is True
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert _use_color(ns()) is False and _use_color(ns(color="always")) is True


def test_cli_colour_flags(capsys):
    one = str(seed_path("004"))
    assert main(["report", one, "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out
    assert main(["report", one, "--color", "always", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "score" in out and re.search(r"\((?:high|medium|low)\)", out)


# --------------------------------------------------------------------------- contrast


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_report_colours_meet_wcag_aa():
    """Text colours against the backgrounds they sit on: at least 4.5:1 (WCAG 2 AA, normal text)."""
    from credscore.report.html import _asset

    css = _asset("report.css")
    root = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css.split("}", 1)[0]))
    slots = re.findall(r"\.s\d \{ --bg: (#[0-9a-fA-F]{6}); --ul: (#[0-9a-fA-F]{6})", css)
    assert len(slots) == 8 and {"ink", "muted", "low", "medium", "high", "page", "card"} <= set(root)
    white = "#ffffff"
    pairs = [(root["ink"], bg) for bg, _ in slots]                       # highlighted text
    pairs += [(ul, white) for _, ul in slots]                            # swatch/underline colours on white (≥ 3 needed)
    pairs += [(root[b], bg) for b in ("low", "medium", "high") for bg in (white, root["card"], "#f8f9fa")]
    pairs += [(white, root[b]) for b in ("low", "medium", "high")]      # score chips
    pairs += [(root["low"], root["low-tint"]), (root["ink"], root["low-tint"])]  # flags, flagged cells
    pairs += [(root["muted"], bg) for bg in (white, root["page"], "#fcfcfd", "#f6f7f9", "#f8f9fa")]
    pairs += [("#4f535a", "#eceef1"), (white, "#3b4554"), (white, "#0e6377"), (white, "#26344a")]  # chrome, badges
    low = [(fg, bg, round(_contrast(fg, bg), 2)) for fg, bg in pairs if _contrast(fg, bg) < 4.5]
    assert low == []
    for colour in ("#4f535a", "#3b4554", "#0e6377", "#26344a"):  # the literals above are the ones in the CSS
        assert colour in css


def test_hand_built_analysis_without_pieces_still_renders():
    """An Analysis made by hand (no meta["pieces"]) gets its chrome badges, and its evidence on the cleaned text only."""
    src = "Menu\nSpun text here.\nShare this"
    a = credscore.Analysis(
        text="Spun text here.", title=None, source_text=src,
        removed=[credscore.RemovedBlock("navigation", "Menu", 0, 4), credscore.RemovedBlock("social", "Share this", 21, 31)],
        signals={"spin": credscore.Signal("spin", 0.5, True, [credscore.Span(0, 4, "spun: 'Rewritten' → 'Spun'")])},
        score=42.0, explanation=[credscore.Contribution("spin", -8.0, 0.5)], name="hand.txt")
    doc = lxml.html.document_fromstring(render_html([a]))
    (src_view,) = doc.xpath("//div[contains(@class,'view-src')]/div[starts-with(@class,'text')]")
    assert [b.text for b in src_view.xpath(".//span[@class='badge']")] == ["navigation", "social"]
    assert _view_text(src_view) == src and src_view.xpath(".//mark") == []
    (m,) = doc.xpath("//div[contains(@class,'view-clean')]//mark")
    assert m.text == "Spun" and "'Rewritten' → 'Spun'" in m.get("title")
    assert "Score 42.0 of 100, medium" in doc.xpath("//svg[@class='gauge']")[0].get("aria-label")


def test_html_rows_never_set_a_flag_beside_points_it_did_not_earn(seed_analyses):
    """A detail entry ("dates.dates") never shows its signal's flag, and a signal outside the model
    ("byline") says it is not scored instead of showing a flag that reads like a reason."""
    from credscore.report.html import render_html

    a = seed_analyses["000"]
    page = render_html([a])
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", page, flags=re.S)
    for r in rows:
        name = re.sub(r"<[^>]+>", "", re.search(r"<th scope=\"row\">(.*?)</th>", r, flags=re.S).group(1)).strip()
        if "." in name:
            assert "⚑" not in r, r
        if "not in the model" in r:
            assert "⚑" not in r, r
    assert any("dates." in r for r in rows)
