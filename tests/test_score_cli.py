"""Score model, explanation, JSON output and the CLI contract."""

from __future__ import annotations

import io
import json
import sys

import pytest

import credscore
from credscore.cli import main
from credscore.errors import ModelError
from credscore.score import load_model

from .conftest import ROOT, SEEDS


def test_seed_ranking(seed_analyses):
    s = {k: a.score for k, a in seed_analyses.items()}
    assert max(s["000"], s["001"]) < min(s["002"], s["004"]), s


def test_score_range_and_explanation_adds_up(seed_analyses):
    base = load_model().base
    for a in seed_analyses.values():
        assert 0 <= a.score <= 100
        assert a.explanation == sorted(a.explanation, key=lambda c: (-abs(c.points), c.name))
        assert sum(c.points for c in a.explanation) == pytest.approx(a.score - base, abs=0.05)


def test_shortcuts(seed_texts):
    # clean() is analyze().text settled to its fixed point (credscore.chrome.settle): idempotent
    from credscore.chrome.settle import settle

    text = credscore.analyze(seed_texts["004"]).text
    assert credscore.clean(seed_texts["004"]) == settle(text)
    assert set(settle(text).splitlines()) <= set(text.splitlines())
    assert credscore.score(seed_texts["004"]) == pytest.approx(credscore.analyze(seed_texts["004"]).score)


def test_to_dict_is_json_with_stable_keys(seed_analyses):
    d = seed_analyses["002"].to_dict()
    json.dumps(d)
    assert d["schema_version"] == credscore.SCHEMA_VERSION
    for key in ("score", "title", "removed", "removed_by_kind", "signals", "explanation", "text", "source_text"):
        assert key in d
    assert set(d["signals"]) >= {"spin", "dates", "readability", "chrome_ratio", "misspellings", "attribution"}


def test_tampered_model_is_a_clear_error(tmp_path):
    good = json.loads((ROOT / "models" / "score.json").read_text())
    bad = dict(good, signals=dict(good["signals"], scale=[0.0] * len(good["signals"]["scale"])))
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(bad))
    with pytest.raises(ModelError):
        load_model(p)
    p.write_text("{not json")
    with pytest.raises(ModelError):
        load_model(p)
    p.write_text(json.dumps(dict(good, format="pickle")))
    with pytest.raises(ModelError):
        load_model(p)


def test_cli_report_json_one_record_per_seed(capsys):
    assert main(["report", str(SEEDS), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 5
    for r in records:
        assert 0 <= r["score"] <= 100
        assert r["removed_by_kind"]
        assert {"spin", "dates", "readability", "chrome_ratio", "misspellings", "attribution"} <= set(r["signals"])
        for s in r["signals"].values():
            assert "evidence" in s
    by_name = {r["name"].rsplit("/", 1)[-1][:3]: r for r in records}
    assert by_name["000"]["signals"]["spin"]["evidence"]


def test_cli_table_and_html(tmp_path, capsys):
    assert main(["report", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert sum(line.strip().startswith("score ") for line in out.splitlines()) == 5 and "donation" in out
    html = tmp_path / "r.html"
    assert main(["report", str(SEEDS), "--format", "html", "--output", str(html)]) == 0
    page = html.read_text()
    # one <article> per document (the page now also has a summary and sub-sections)
    assert page.count("<article") == 5 and "<mark" in page and "http" not in page.split("<body>")[0]


def test_cli_exit_codes(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert main(["report", str(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]), str(empty)]) == 1
    captured = capsys.readouterr()
    assert "empty" in captured.err and "score" in captured.out
    assert main(["report", str(tmp_path / "missing.txt")]) == 1
    with pytest.raises(SystemExit) as e:
        main(["report", "--format", "nope", str(SEEDS)])
    assert e.value.code == 2
    assert main([]) == 2


def test_cli_stdin_and_clean(seed_texts, monkeypatch, capsys):
    """``credscore clean -`` reads stdin (in this process: the entry point and its exit
    codes run as a real command in test_cli_ux and test_pipeline)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_texts["001"].encode())))
    assert main(["clean", "-"]) == 0
    out = capsys.readouterr().out
    assert "AdBlock Detected" not in out and "Putin’s convoy, escorted by traffic police" in out
