"""No score for what cannot be scored (issue #18, item 5): credscore.scorable and its front ends."""

from __future__ import annotations

import io
import json
import math

import pytest

import credscore
from credscore import scorable
from credscore.pipeline.jsonl import StreamOptions, stream

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua. ") * 30

NAV_PAGE = ("<html><head><title>Example News</title></head><body><header><nav><ul>"
            + "".join(f'<li><a href="/section/{s.lower()}">{s}</a></li>' for s in (
                "Home", "World", "Politics", "Business", "Technology", "Science", "Health", "Sport",
                "Culture", "Opinion", "Video", "Podcasts", "Newsletters", "Subscribe", "Sign in"))
            + "</ul></nav></header><footer><p>© 2024 Example News Ltd. All rights reserved.</p>"
            "<p><a href=\"/privacy\">Privacy policy</a> · <a href=\"/terms\">Terms of use</a> · "
            "<a href=\"/cookies\">Cookie settings</a></p></footer></body></html>")

JS_ONLY = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Forum</title>'
           '<script src="/static/js/main.4f2a1c.js"></script></head><body>'
           '<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>'
           '<script>window.__INITIAL_STATE__={"threads":[],"user":null};</script></body></html>')

GERMAN = (
    "Die Bundesregierung hat am Mittwoch in Berlin ein Gesetz zur Förderung erneuerbarer Energien "
    "beschlossen. Wie ein Sprecher des Wirtschaftsministeriums mitteilte, sollen die Ausschreibungen für "
    "Windkraft an Land und auf See im kommenden Jahr deutlich erhöht werden. Die Opposition kritisierte den "
    "Entwurf als unzureichend. Nach Angaben des Bundesverbands Erneuerbare Energie stammte im vergangenen "
    "Jahr mehr als die Hälfte des in Deutschland verbrauchten Stroms aus Wind, Sonne und Biomasse. Der "
    "Verband forderte, die Genehmigungsverfahren weiter zu beschleunigen, damit die Ausbauziele der "
    "Regierung bis zum Ende des Jahrzehnts erreicht werden können. Umweltverbände begrüßten die Pläne "
    "grundsätzlich, mahnten aber einen besseren Schutz der Artenvielfalt an.\n"
)

CASES = {
    "hello": ("Hello world.", {"no_article", "too_short"}),
    "navigation": (NAV_PAGE, {"no_article"}),
    "lorem": (LOREM, {"placeholder"}),
    "javascript": (JS_ONLY, {"no_article"}),
    "german": (GERMAN, {"language:de"}),
}


@pytest.mark.parametrize("key", sorted(CASES))
def test_unscorable_documents_get_no_score_and_a_reason(key):
    doc, reasons = CASES[key]
    a = credscore.analyze(doc)
    assert a.score is None and a.scored is False
    assert a.unscored_reason in reasons, a.unscored_reason
    assert a.score_with_source is None and a.explanation == []
    assert set(a.signals) == {m.NAME for m in credscore.analysis._SIGNALS}  # signals still computed
    d = a.to_dict()
    assert d["score"] is None and d["score_with_source"] is None and d["unscored_reason"] == a.unscored_reason
    json.dumps(d, allow_nan=False)
    assert credscore.score(doc) is None


def test_the_seeds_are_scored(seed_analyses):
    """All five seeds are scorable; their order is tests/test_score_model.py's."""
    s = {k: a.score for k, a in seed_analyses.items()}
    assert all(a.scored and a.unscored_reason is None for a in seed_analyses.values())
    assert max(s["000"], s["001"]) < min(s["002"], s["004"]), s


def test_reasons_in_order():
    long_en = "The council said on Tuesday that the bridge would reopen in May after repairs. " * 8
    assert scorable.unscored_reason("", "und") == "no_article"
    assert scorable.unscored_reason(" \n ", "en") == "no_article"
    assert scorable.unscored_reason(LOREM, "pt") == "placeholder"
    assert scorable.unscored_reason(GERMAN, "de") == "language:de"
    assert scorable.unscored_reason(GERMAN, "de", languages=("en", "de")) is None
    assert scorable.unscored_reason("The bridge reopens in May.", "en") == "too_short"
    assert scorable.unscored_reason(long_en, "en") is None
    # "und" (undetermined) is left to the length rule
    assert scorable.unscored_reason("Arizona Cardinals Atlanta Falcons", "und") == "too_short"
    assert scorable.unscored_reason(long_en, "und") is None
    # an article that quotes the filler is not filler
    assert scorable.unscored_reason(long_en + " Designers call it lorem ipsum. ", "en") is None



def test_too_short_is_worded_with_the_models_min_words(monkeypatch):
    """The reason's wording gives the loaded model's length rule, not the module constant."""
    import sys
    from dataclasses import replace

    from credscore.score import load_model

    score = sys.modules["credscore.score"]  # credscore.score is also the function score()
    shipped = load_model()
    assert scorable.describe("too_short") == f"too short: under {shipped.min_words} words of article text"
    assert scorable.describe("too_short", min_words=120) == "too short: under 120 words of article text"
    monkeypatch.setattr(score, "_shipped_model", lambda: replace(shipped, min_words=65))
    assert scorable.describe("too_short") == "too short: under 65 words of article text"

def test_score_batch_pandas_and_filters_follow(seed_texts):
    texts = [seed_texts["002"], GERMAN, "", "Hello world."]
    cols = credscore.score_batch(texts)
    assert cols["score"][0] is not None and cols["unscored_reason"][0] is None
    assert cols["score"][1] is None and cols["unscored_reason"][1] == "language:de"
    assert cols["score"][2] is None and cols["error_kind"][2] == "empty" and cols["unscored_reason"][2] is None
    assert cols["score"][3] is None and cols["unscored_reason"][3] in ("no_article", "too_short")

    from credscore.pipeline.filters import CredScoreDocumentFilter, CredScoreFilter

    assert math.isnan(CredScoreDocumentFilter().score_document(GERMAN))
    doc = {"text": GERMAN, "metadata": {}}
    assert CredScoreFilter(min_score=50).filter(doc) is True
    assert doc["metadata"]["credscore_score"] is None
    assert doc["metadata"]["credscore_unscored_reason"] == "language:de"
    assert CredScoreFilter(min_score=50, keep_unscored=False).filter(doc) == (False, "credscore_unscored")


def test_pandas_and_sklearn_give_nan():
    pd = pytest.importorskip("pandas")
    import credscore.pipeline.pandas as cp

    out = cp.score_frame(pd.DataFrame({"text": [GERMAN, LOREM]}))
    assert out["score"].isna().all()
    assert list(out["unscored_reason"]) == ["language:de", "placeholder"]
    pytest.importorskip("sklearn")
    from credscore.pipeline.sklearn import CredScoreTransformer

    t = CredScoreTransformer(include_score=True)
    X = t.fit_transform([GERMAN])
    assert math.isnan(X[0, list(t.get_feature_names_out()).index("score")])


def _stream(lines, **kw):
    inp = io.BytesIO("".join(json.dumps(r) + "\n" for r in lines).encode())
    out = io.BytesIO()
    summary = stream(inp, out, StreamOptions(**kw))
    return [json.loads(x) for x in out.getvalue().splitlines()], summary


def test_jsonl_keeps_unscored_by_default_and_counts_them(seed_texts):
    recs = [{"id": 1, "text": seed_texts["002"]}, {"id": 2, "text": GERMAN}, {"id": 3, "text": LOREM}]
    out, summary = _stream(recs, keep_above=10.0)
    assert [r["id"] for r in out] == [1, 2, 3]
    assert out[1]["score"] is None and out[1]["unscored_reason"] == "language:de"
    assert out[0]["unscored_reason"] is None
    assert summary.unscored == 2 and "2 unscored" in summary.line()
    out, summary = _stream(recs, keep_above=10.0, unscored="drop")
    assert [r["id"] for r in out] == [1]
    assert summary.unscored == 2 and summary.filtered == 2


def test_cli_table_json_and_html_say_not_scored(tmp_path, capsys):
    from credscore.cli import main

    f = tmp_path / "de.txt"
    f.write_text(GERMAN, encoding="utf-8")
    assert main(["report", str(f), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "—" in out and "language 'de'" in out
    assert main(["report", str(f), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    d = d[0] if isinstance(d, list) else d.get("documents", [d])[0]
    assert d["score"] is None and d["unscored_reason"] == "language:de"
    assert main(["report", str(f), "--format", "html"]) == 0
    assert "No score" in capsys.readouterr().out


def test_cli_score_unscored_drop(tmp_path, capsys, seed_texts):
    from credscore.cli import main

    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"text": seed_texts["002"]}) + "\n" + json.dumps({"text": GERMAN}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["score", "-i", str(inp), "-o", str(out), "--keep-above", "10", "--unscored", "drop"]) == 0
    assert len(out.read_text().splitlines()) == 1
    assert "1 unscored" in capsys.readouterr().err
    assert main(["score", "-i", str(inp), "-o", str(out), "--keep-above", "10"]) == 0
    assert len(out.read_text().splitlines()) == 2
