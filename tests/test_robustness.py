"""Bad input, each with its defined result (issue 10).

Every input below either raises a typed :mod:`credscore.errors` exception (the input
is unusable as a document) or yields a valid :class:`~credscore.Analysis` whose
``notes`` say what was done to it.  :func:`check` holds the invariants every
Analysis must satisfy, whatever came in.
"""

from __future__ import annotations

import gzip
import json
import random
import socket
import subprocess
import sys
import threading
import time

import pytest

import credscore
from credscore.document import DEFAULT_MAX_BYTES, decode_bytes, guess_legacy_encoding
from credscore.errors import BinaryInputError, CredscoreError, EmptyInputError, InputTooLargeError
from credscore.signals import load_signals

from ._data import UDHR
from .conftest import DATA, ROOT, SEEDS
from .invariants import check

ENGLISH_ONLY = {m.NAME for m in load_signals() if m.ENGLISH_ONLY}
ANY_LANGUAGE = {m.NAME for m in load_signals() if not m.ENGLISH_ONLY}

def seed(prefix: str) -> str:
    (p,) = SEEDS.glob(f"{prefix}_*.txt")
    return p.read_text(encoding="utf-8")


# --- empty, binary, control characters -------------------------------------------------

@pytest.mark.parametrize("doc", ["", " ", " \n\t\r\n ", b"", b"  \n", "\u200b\u200b\ufeff \u00ad", b"\xef\xbb\xbf"])
def test_empty_and_whitespace_only_is_empty_input(doc):
    with pytest.raises(EmptyInputError) as e:
        credscore.analyze(doc)
    assert e.value.kind == "empty"


@pytest.mark.parametrize("doc", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    gzip.compress(b"some text that was compressed " * 20),
    bytes(random.Random(10).randrange(256) for _ in range(5000)),  # noise with no magic number
    b"\x00" * 1000,
    "\x00\x01\x02\x03 text" * 50,  # a str that is mostly control characters
])
def test_binary_is_binary_input(doc):
    with pytest.raises(BinaryInputError) as e:
        credscore.analyze(doc)
    assert e.value.kind == "binary"


def test_a_few_nul_bytes_are_removed_with_a_note():
    text = seed("001")
    a = check(credscore.analyze(text.replace("\n", "\n\x00", 5).encode()))
    assert any("control characters" in n for n in a.notes)
    assert a.text == credscore.analyze(text).text


# --- encodings -------------------------------------------------------------------------

def test_invalid_utf8_is_decoded_with_a_note():
    data = seed("000").encode() + b"\n\nStray bytes \xff\xfe\xc3\x28 in a line.\n"
    a = check(credscore.analyze(data))
    assert any("invalid" in n or "not valid UTF-8" in n for n in a.notes)
    assert "Stray bytes" in a.source_text


def test_cp1251_russian_is_recognised_and_language_reported():
    text = UDHR["ru"] + "\n\n" + "Оставить комментарий"
    a = check(credscore.analyze(text.encode("cp1251")))
    assert a.meta["encoding"] == "cp1251"
    assert UDHR["ru"] in a.text
    assert a.language == "ru"
    assert "Оставить комментарий" in [b.text for b in a.removed]
    assert guess_legacy_encoding("Café crème, élève très intéressé à Paris.".encode("latin-1")) == "cp1252"


def test_latin1_french_round_trips():
    text = ("Le président a déclaré que la réforme était nécessaire. Les élèves étaient très intéressés, "
            "et les enseignants ont salué une décision « courageuse » prise après des mois de débat.")
    a = check(credscore.analyze(text.encode("latin-1")))
    assert a.text == text
    assert a.language == "fr"
    assert any("cp1252" in n for n in a.notes)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_friends_with_and_without_bom(codec):
    text = seed("003")
    a = check(credscore.analyze(text.encode(codec)))
    assert a.text == credscore.analyze(text).text
    assert "Оставить комментарий" in [b.text for b in a.removed]


def test_mixed_utf8_and_latin1_keeps_both():
    good = seed("002")
    data = good.encode() + "\n\nCafé crème, élève très intéressé, à bientôt.\n".encode("latin-1")
    text, enc, notes = decode_bytes(data)
    assert enc == "utf-8+cp1252" and notes and "mixed" in notes[0]
    assert good in text and "Café crème, élève très intéressé, à bientôt." in text
    check(credscore.analyze(data))


def test_declared_charset_that_is_not_a_text_codec_is_ignored():
    html = b'<html><head><meta charset="hex"><title>x</title></head><body><p>Plain words here.</p></body></html>'
    a = check(credscore.analyze(html))
    assert any("not a text encoding" in n for n in a.notes)


def test_lone_surrogates_are_replaced():
    a = check(credscore.analyze(seed("004") + "\ud800 broken\udfff"))
    assert any("surrogate" in n for n in a.notes)
    a.to_dict()
    json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


# --- HTML ------------------------------------------------------------------------------

def _aeb_page() -> str:
    base = DATA / "boilerplate" / "scrapinghub-aeb" / "html"
    if not base.exists():
        pytest.skip("shared data not available")
    return gzip.decompress(sorted(base.glob("*.html.gz"))[0].read_bytes()).decode("utf-8", "replace")


@pytest.mark.parametrize("cut", [0.25, 0.5, 0.9])
def test_truncated_real_page(cut):
    page = _aeb_page()
    a = check(credscore.analyze(page[: int(len(page) * cut)], content_type="html"))
    assert a.content_type == "html"


def test_truncated_inside_a_tag_and_an_attribute():
    for doc in ['<html><body><p>First paragraph of text, complete and long enough to keep.</p><p class="x',
                "<html><body><p>First paragraph of text, complete and long enough to keep.</p><a href='",
                "<html><body><p>First paragraph of text, complete and long enough to keep.</p><!-- comment",
                "<html><body><p>First paragraph of text, complete and long enough to keep.</p><script>var x = '<p>"]:
        a = check(credscore.analyze(doc))
        assert "First paragraph of text" in a.text


def test_unclosed_tags():
    paras = [line for line in seed("000").splitlines() if len(line.split()) > 15][:20]
    html = "<html><body>" + "".join(f"<div><p>{p}" for p in paras)
    a = check(credscore.analyze(html))
    assert paras[0] in a.text and paras[-1] in a.text


@pytest.mark.parametrize("tag", ["div", "b", "table", "li"])
def test_ten_thousand_levels_of_nesting(tag):
    """bs4 keeps all 10,000 levels (lxml's depth limit does not apply through bs4's
    parser target) and segment_html walks them iteratively: no RecursionError even
    with the default recursion limit (1000)."""
    body = "Deep text inside ten thousand nested elements, and it is kept as the article."
    html = "<html><body>" + f"<{tag}>" * 10_000 + body + f"</{tag}>" * 10_000 + "</body></html>"
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        a = check(credscore.analyze(html))
    finally:
        sys.setrecursionlimit(old)
    assert body in a.source_text  # every level was walked
    assert body in a.text


def test_deeply_nested_unclosed_and_json_ld():
    html = ("<html><head><script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 +
            "</script></head><body>" + "<span>" * 10_000 + "Deep text that never closes its elements, still kept.")
    a = check(credscore.analyze(html))
    assert "Deep text" in a.text


def test_huge_attributes():
    big = "x" * 5_000_000
    para = "A paragraph of article text beside an element with a five-megabyte attribute."
    html = f"<html><body><div class='{big}' data-x=\"{big}\"><p>{para}</p></div><img alt='{big}'></body></html>"
    a = check(credscore.analyze(html))
    assert para in a.text
    assert big not in a.source_text


# --- external entities: nothing expanded, nothing fetched ------------------------------

def test_external_entities_are_not_expanded_or_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-5f3a9e")
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(0.5)
    port = srv.getsockname()[1]
    hits: list[object] = []

    def serve() -> None:
        try:
            hits.append(srv.accept())
        except OSError:
            pass

    t = threading.Thread(target=serve)
    t.start()
    payload = f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "http://127.0.0.1:{port}/evil.dtd" [
  <!ENTITY xxe SYSTEM "file://{secret}">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/param.dtd"> %remote;
  <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<html><head><title>Entity test</title><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head>
<body><h1>Entity test</h1><p>The file entity reads: &xxe; and the laughs: &lol3; end of the paragraph.</p>
<img src="http://127.0.0.1:{port}/pixel.gif"><iframe src="http://127.0.0.1:{port}/frame"></iframe>
<p>A second paragraph so the page has an article to keep, with a full stop at its end.</p></body></html>"""
    try:
        for doc in (payload, payload.encode()):
            a = check(credscore.analyze(doc))
            assert "CANARY" not in a.source_text and "CANARY" not in a.text
            assert "lollollol" not in a.source_text
            assert "A second paragraph" in a.text
    finally:
        t.join()
        srv.close()
    assert hits == [], "the parser connected to the DTD/resource server"


# --- size and cost ---------------------------------------------------------------------

def test_size_limit_is_a_clear_error_and_configurable():
    doc = seed("000")
    with pytest.raises(InputTooLargeError, match="above the limit of 1,000"):
        credscore.analyze(doc, max_bytes=1000)
    with pytest.raises(InputTooLargeError) as e:
        credscore.analyze(doc.encode(), max_bytes=1000)
    assert e.value.kind == "too_large"
    big = "x" * (DEFAULT_MAX_BYTES + 1)
    with pytest.raises(InputTooLargeError, match="max_bytes"):
        credscore.analyze(big)
    check(credscore.analyze(doc, max_bytes=None))


def test_one_long_line_is_analysed():
    """A 500 KB single-line document (CI size; benchmarks/scaling.py measures up to
    the full 50 MB and shows time and memory grow linearly)."""
    line = " ".join(seed("000").split())
    doc = (line + " ") * (500_000 // (len(line) + 1))
    a = check(credscore.analyze(doc))
    assert len(a.text) > 0.9 * len(doc.strip())
    assert a.signals["readability"].applicable


@pytest.mark.parametrize("doc", [
    "a" * 1_000_000 + ".",                                   # one 1 MB word (misspelling candidates)
    "a" + "_-" * 200_000 + ".",                              # word-boundary soup (icon-font pattern)
    "Photo" + " " * 1_000_000 + "© Reuters",                 # a long run of spaces (inline credits)
    "icon-" * 100_000,                                      # icon-font words
    "(" * 100_000 + "said" + ")" * 100_000,
    "“" + "a " * 100_000,                                   # an unclosed quotation
    "Monday, " * 30_000 + "January 1, 2024.",                 # date-ish runs
])
def test_pathological_long_lines_finish_fast(doc):
    t = time.perf_counter()
    check(credscore.analyze(doc))
    # generous: these ran for minutes (quadratic) before the fixes; now well under a second or two
    assert time.perf_counter() - t < 30


def test_many_tiny_lines():
    """10⁵ tiny lines (CI size for the issue's 10⁶; scaling.py measures that)."""
    doc = "\n".join(f"w{i % 97}" for i in range(100_000))
    a = check(credscore.analyze(doc))
    assert len(a.removed) > 0 or a.text


# --- languages and scripts -------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(UDHR))
def test_non_english_language_is_detected_and_english_signals_not_applicable(code):
    a = check(credscore.analyze(UDHR[code]))
    assert a.language == code
    for name in ENGLISH_ONLY:
        assert a.signals[name].applicable is False, name
    for name in ANY_LANGUAGE:
        assert name in a.signals


def test_russian_seed_with_english_names_and_chinese_with_latin_brands():
    ru = UDHR["ru"] + " Об этом сообщили Reuters и Associated Press, а также BBC News и CNN."
    assert credscore.analyze(ru).language == "ru"
    zh = UDHR["zh"] + " Apple iPhone 与 Samsung Galaxy 在 Microsoft Windows 上运行。"
    assert credscore.analyze(zh).language == "zh"
    en = seed("003")  # English article with a Russian chrome line
    assert credscore.analyze(en).language == "en"


def test_emoji_and_zero_width_characters():
    text = seed("001")
    noisy = text.replace(" the ", " the\u200b ").replace("and", "an\u200bd") + "\n\n👍🏽 🇻🇳 👨‍👩‍👧 — great 🎉\n"
    a = check(credscore.analyze(noisy))
    assert any("invisible" in n for n in a.notes)
    assert "\u200b" not in a.source_text
    base = credscore.analyze(text)
    assert a.signals["misspellings"].details["count"] == base.signals["misspellings"].details["count"]
    assert "👨‍👩‍👧" in a.source_text  # zero-width joiners inside emoji are kept


def test_all_chrome_document():
    chrome = "\n".join([
        "Home", "News", "Politics", "Subscribe now", "Follow us on Telegram", "Privacy Policy",
        "All rights reserved", "Read more", "Оставить комментарий", "Share on Facebook",
    ])
    a = check(credscore.analyze(chrome))
    assert a.text == ""
    assert any("all chrome" in n for n in a.notes)
    assert a.signals["chrome_ratio"].value == 1.0 and a.signals["chrome_ratio"].flagged
    assert len(a.removed) == 10
    assert credscore.clean(chrome) == ""


# --- determinism, offline, models ------------------------------------------------------

_DUMP = """
import json, sys, credscore
from pathlib import Path
out = []
for p in sorted(Path("seeds").glob("*.txt")):
    out.append(credscore.analyze(p.read_bytes()).to_dict())
print(json.dumps(out, sort_keys=True))
"""


@pytest.mark.slow
def test_output_identical_across_runs_and_hash_seeds():
    """A fresh interpreter with another hash seed gives byte-identical JSON to this one
    (set iteration order, dict order, caches: nothing leaks into the output)."""
    r = subprocess.run([sys.executable, "-c", _DUMP], cwd=ROOT, capture_output=True, text=True,
                       timeout=300, env={**_env(), "PYTHONHASHSEED": "12345"})
    assert r.returncode == 0, r.stderr[-2000:]
    here = [credscore.analyze(p.read_bytes()).to_dict() for p in sorted(SEEDS.glob("*.txt"))]
    again = [credscore.analyze(p.read_bytes()).to_dict() for p in sorted(SEEDS.glob("*.txt"))]
    assert json.dumps(here, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert r.stdout.strip() == json.dumps(here, sort_keys=True)


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}


def test_cli_on_seeds_and_hostile_html_with_sockets_blocked(cli_with_sockets_blocked):
    """``report`` and ``clean`` on the seeds and a page that points at remote DTDs, stylesheets
    and images, in a fresh interpreter whose sockets raise (conftest: one run shared with
    test_offline_and_inputs)."""
    r = cli_with_sockets_blocked
    assert r.returncode == 0, r.stderr[-2000:]
    assert "network access attempted" not in r.stderr
    records = json.loads(r.report_file)
    assert len(records) == 6
    assert records[-1]["language"] == "vi"
    assert UDHR["vi"] in r.clean_file


def test_every_model_file_is_plain_data():
    """No pickle anywhere in models/: every file is JSON (optionally gzipped) or text."""
    files = [p for p in (ROOT / "models").rglob("*") if p.is_file()]
    assert files
    for p in files:
        data = p.read_bytes()
        if p.suffix == ".gz":
            data = gzip.decompress(data)
        assert not data.startswith(b"\x80"), f"{p.name} looks like a pickle"
        if p.name.endswith((".json", ".json.gz")):
            json.loads(data)


@pytest.mark.parametrize("tamper", [
    lambda s: s[: len(s) // 2],                                   # truncated
    lambda s: s.replace('"coef"', '"coefficients"', 1),           # a key renamed
    lambda s: s.replace("[", '["x", ', 1),                        # a string among numbers
    lambda s: "\x80\x04\x95" + s,                                 # a pickle header
    lambda s: s.replace('"intercept": ', '"intercept": 1e999, "_": ', 1),  # infinity
])
def test_tampered_score_model_gives_model_error(tmp_path, tamper):
    from credscore.errors import ModelError
    from credscore.score import load_model

    good = (ROOT / "models" / "score.json").read_text()
    p = tmp_path / "score.json"
    p.write_text(tamper(good), encoding="utf-8", errors="surrogateescape")
    with pytest.raises(ModelError):
        load_model(p)
    with pytest.raises(CredscoreError):
        credscore.analyze(seed("000"), model=p)


def test_a_crash_on_one_document_loses_no_record(tmp_path, monkeypatch, capsys):
    """An unexpected exception (a bug) on one input is reported as kind "internal";
    the other documents are still analysed and the exit code says something failed."""
    from credscore import cli

    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    real = cli.analyze
    victim = sorted(tmp_path.iterdir())[1].name

    def flaky(doc, **kw):
        if doc.name.endswith(victim):
            raise RuntimeError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(cli, "analyze", flaky)
    assert cli.main(["report", str(tmp_path), "--format", "json"]) == cli.EXIT_FAILURES
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 3
    assert [r.get("error", {}).get("kind") for r in records] == [None, "internal", None]


def test_jsonl_output_identical_across_jobs():
    """The same JSONL input (seeds, bad lines, an HTML record) scored with 1 and 2
    worker processes gives byte-identical output, in input order."""
    import io

    from credscore.pipeline import jsonl

    lines = [json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}).encode()
             for i, p in enumerate(sorted(SEEDS.glob("*.txt")))]
    lines += [b"{not json", b"[1]", b'{"id": 9}', b"\xff\xfe",
              json.dumps({"id": 10, "html": "<p>" + UDHR["ru"] + "</p>"}).encode()]
    data = b"\n".join(lines * 4) + b"\n"
    outs = []
    for jobs in (1, 2):
        out = io.BytesIO()
        s = jsonl.stream(io.BytesIO(data), out, jsonl.StreamOptions(html_field="html"), jobs=jobs)
        assert s.documents == len(lines) * 4 and s.failed == 4 * 4
        outs.append(out.getvalue())
    assert outs[0] == outs[1]


def test_text_about_html_is_text_and_clean_stays_idempotent():
    """Cleaned text of a page about HTML quotes tags; it must not be re-parsed as HTML."""
    from credscore.document import looks_like_html

    text = ("Porting an HTML parser\n\nThe test feeds <p>Hello</p> and <title>x</title> to the parser "
            "and checks the tree it builds, one <div> at a time, against the html5lib suite.\n\n"
            + seed("000"))
    assert not looks_like_html(text)
    assert looks_like_html("\ufeff  <p>one</p><p>two</p><p>three</p>")
    assert looks_like_html("Some junk before <!DOCTYPE html><html><body><p>x</p></body></html>")
    once = credscore.clean(text)
    assert "<p>Hello</p>" in once and credscore.clean(once) == once
    html = "<html><body><p>A paragraph with a zero&#8203;width space and a soft&shy;hyphen in it.</p></body></html>"
    once = credscore.clean(html)
    assert "\u200b" not in once and "\u00ad" not in once and credscore.clean(once) == once
