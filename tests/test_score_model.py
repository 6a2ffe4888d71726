"""The shipped score model, its explanation, the seed ranking and the CRED-1 source prior."""

from __future__ import annotations

import copy
import gzip
import json

import numpy as np
import pytest

import credscore
from credscore import source
from credscore.errors import ModelError
from credscore.score import StackedModel, load_model
from credscore.signals import declared_features

from ._data import cred_corpora, phrase_mining, score_features, score_fit, score_stack
from .conftest import DATA, ROOT, require_data

MODEL_JSON = json.loads((ROOT / "models" / "score.json").read_text())
# New Eastern Outlook, where seed 003 was published; on CRED-1 as "mixed".
NEO_URL = "https://journal-neo.org/2024/06/20/ongoing-russo-vietnamese-military-cooperation/"


def test_shipped_model_loads_and_reads_only_declared_features():
    m = load_model()
    assert isinstance(m, StackedModel)
    declared = declared_features()
    assert m.signals.features and set(m.signals.features) <= set(declared)
    assert "chrome_ratio" not in {f.split(".", 1)[0] for f in m.signals.features}  # no chrome in the corpora
    assert m.a_signals > 0 and m.a_wording > 0  # both blocks earn their place in the combiner
    assert (m.slopes or {}).get("spin", 0) > 0  # spin's own slope, learned with the spun copies
    assert m.base_rate == 0.5 and m.languages == ("en",) and m.min_words > 0
    info = MODEL_JSON["info"]
    assert info["n_documents"] > 2000 and "not a verdict" in info["estimates"]


def test_a_renamed_detail_key_is_a_model_error(tmp_path):
    """The model names its features; a feature no signal declares (a renamed key) must not silently become
    the training mean."""
    d = copy.deepcopy(MODEL_JSON)
    d["signals"]["features"][0] = d["signals"]["features"][0] + "_renamed"
    p = tmp_path / "m.json"
    p.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="no signal declares"):
        load_model(p)


def test_every_declared_feature_is_a_number_its_signal_reports(seed_analyses):
    """Each signal's FEATURES name its value or keys it really puts in ``details``."""
    a = seed_analyses["002"]
    for name, f in declared_features().items():
        sig, _, key = name.partition(".")
        assert sig in a.signals, name
        if key and a.signals[sig].applicable:
            assert isinstance(a.signals[sig].details.get(key), (int, float)), name


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["signals"].update(coef=d["signals"]["coef"][:-1]),  # lengths disagree
        lambda d: d["signals"]["mean"].__setitem__(0, float("nan")),
        lambda d: d["combiner"].update(wording=-1.0),  # a block may not count backwards
        lambda d: d["combiner"].update(intercept="high"),
        lambda d: d.update(base_rate=1.5),
        lambda d: d["signals"].pop("features"),
        lambda d: d.update(format="credscore-stacked/99"),
    ],
)
def test_tampered_model_file_is_a_model_error(tmp_path, tamper):
    d = copy.deepcopy(MODEL_JSON)
    tamper(d)
    p = tmp_path / "m.json"
    p.write_text(json.dumps(d))
    with pytest.raises(ModelError):
        load_model(p)


def test_a_coefficient_against_its_declared_direction_is_refused(tmp_path):
    d = copy.deepcopy(MODEL_JSON)
    dirs = declared_features()
    j = next(i for i, f in enumerate(d["signals"]["features"]) if dirs[f].direction < 0)
    d["signals"]["coef"][j] = 0.5  # a defect that would add points
    p = tmp_path / "m.json"
    p.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="declared direction"):
        load_model(p)


def test_explanation_adds_up_to_score_minus_base(seed_analyses):
    base = load_model().base
    names = set(declared_features()) | {"wording"}
    for a in seed_analyses.values():
        assert {c.name for c in a.explanation} <= names
        assert sum(c.points for c in a.explanation) == pytest.approx(a.score - base, abs=0.05)
        assert [abs(c.points) for c in a.explanation] == sorted((abs(c.points) for c in a.explanation), reverse=True)


def _explanation_agrees_with_flags(a) -> list[str]:
    """What in ``a.explanation`` contradicts ``a.signals``: a flagged defect shown with positive points, any
    defect entry above zero, a detail entry filed under its signal's name."""
    dirs = declared_features()
    bad = []
    for c in a.explanation:
        if c.name == "wording":
            continue
        sig = a.signals.get(c.name.split(".", 1)[0])
        d = dirs.get(c.name)
        if d is None:
            bad.append(f"{c.name}: undeclared")
        elif "." not in c.name and d.direction < 0 and c.points > 1e-9:
            bad.append(f"{c.name}: a defect adds {c.points}")
        elif "." not in c.name and sig is not None and sig.flagged and d.direction != 0 and c.points > 1e-9:
            bad.append(f"{c.name}: flagged but +{c.points}")
        elif ("." in c.name and d.direction != 0 and not (sig is not None and sig.flagged)
              and d.direction == getattr(dirs.get(c.name.split(".")[0]), "direction", None)):
            bad.append(f"{c.name}: a detail pointing as its signal does, shown apart from it")
    return bad


def test_explanation_never_contradicts_the_flags_on_the_seeds(seed_analyses):
    for k, a in seed_analyses.items():
        assert not _explanation_agrees_with_flags(a), (k, _explanation_agrees_with_flags(a))


@pytest.mark.slow
def test_explanation_never_contradicts_the_flags_on_real_pages():
    """On 60 real pages of two boilerplate benchmarks (HTML, chrome and all): every second page
    of the first 60 of each (when written: 56 scored, 42 of them with a flagged signal, 13 kinds
    of flag; all 120 pages gave 112, 84 and 14 at three times the cost)."""
    import gzip as _gz

    aeb = require_data("boilerplate", "scrapinghub-aeb", "html")
    pages = sorted(aeb.glob("*.html.gz"))[:60:2]
    wc = DATA / "boilerplate" / "wcxb-dev" / "html"
    pages += sorted(wc.glob("*.html.gz"))[:60:2] if wc.exists() else []
    bad = {}
    for p in pages:
        a = credscore.analyze(_gz.decompress(p.read_bytes()))
        if a.score is None:
            continue
        b = _explanation_agrees_with_flags(a)
        if b:
            bad[p.name] = b
    assert not bad, bad


def test_no_defect_coefficient_is_positive_in_the_shipped_model():
    m = load_model()
    dirs = declared_features()
    for f, c in zip(m.signals.features, m.signals.coef):
        assert dirs[f].direction * c >= 0, (f, c)


def test_a_document_at_the_reference_scores_the_base(seed_analyses):
    """Nothing known (no signal, no wording) = every feature at its reference: the score is the base."""
    m = load_model()
    s, ex = m.score({})
    assert s == pytest.approx(m.base)
    assert all(c.points == 0 for c in ex)


def test_wording_runtime_equals_scikit_learn_on_real_text(seed_texts):
    """The shipped JSON scored by credscore.wording gives the logit scikit-learn's vectoriser gives."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from credscore.signals.wording import model as wording_model
    from credscore.wording import terms

    d = json.loads(gzip.decompress((ROOT / "models" / "wording.json.gz").read_bytes()))
    vec = TfidfVectorizer(analyzer=terms, sublinear_tf=True, vocabulary=d["terms"])
    vec.fit(["x"])
    vec.idf_ = np.asarray(d["idf"])
    texts = list(seed_texts.values())
    X = vec.transform(texts)
    want = X @ np.asarray(d["coef"]) + d["intercept"]
    m = wording_model()
    for t, w in zip(texts, want):
        assert m.logit(t)[0] == pytest.approx(float(w), abs=1e-6)


def test_wording_masks_publishers_urls_and_numbers():
    from credscore.wording import terms

    t = terms("WASHINGTON (Reuters) - CNN said 3,000 people saw www.example.com on Tuesday.")
    assert "cnn" not in t and "reuters" not in t and "washington" not in t
    assert {"_dateline_", "_pub_", "_url_", "0", "said"} <= set(t)


def test_seeds_000_001_below_002_004(seed_analyses):
    s = {k: a.score for k, a in seed_analyses.items()}
    assert max(s["000"], s["001"]) < min(s["002"], s["004"]), s


@pytest.mark.xfail(strict=True, reason="001 (content farm: filler and sensational flagged, spin 0.87 under its 0.95 "
                   "flag) scores 50.0 against 003's 48.2: spin counts only where it flags (the choice that keeps it "
                   "from costing real articles, benchmarks/score.py), and no corpus teaches what filler is worth")
def test_seeds_ranked_as_a_careful_reader_would(seed_analyses):
    """002, 004 > 003 > 000, 001.  Never used to fit or choose anything; a retrain that breaks it is told here."""
    s = {k: a.score for k, a in seed_analyses.items()}
    assert min(s["002"], s["004"]) > s["003"] > max(s["000"], s["001"]), s


def test_coefficient_signs_only_where_every_corpus_agrees():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    n = 400
    corpora = np.array(["a"] * n + ["b"] * n)
    y = rng.integers(0, 2, 2 * n)
    agree = y + rng.normal(0, 1, 2 * n)  # higher on label 1 in both corpora
    against = -y + rng.normal(0, 1, 2 * n)  # lower on label 1 in both
    split = np.where(corpora == "a", y, -y) + rng.normal(0, 1, 2 * n)  # the corpora disagree
    signs = score_fit.coefficient_signs(np.column_stack([agree, against, split]), y, corpora)
    assert list(signs) == [1.0, -1.0, 0.0]


def test_bounded_fit_matches_sklearn_when_free_and_respects_bounds():
    np = pytest.importorskip("numpy")
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(1)
    Z = rng.normal(size=(500, 3))
    y = (Z @ [1.0, -0.5, 0.8] + rng.logistic(size=500) > 0).astype(int)
    ref = LogisticRegression(C=0.3, max_iter=2000).fit(Z, y)
    w, b = score_fit.fit_logistic(Z, y, 0.3)
    assert w == pytest.approx(ref.coef_[0], abs=1e-3) and b == pytest.approx(ref.intercept_[0], abs=1e-3)
    w, _ = score_fit.fit_logistic(Z, y, 0.3, signs=np.array([0, 1, -1]))  # the 2nd is held >= 0 against the data
    assert w[1] == pytest.approx(0.0, abs=1e-9) and w[2] <= 0 and w[0] > 0.5


def test_source_prior_on_and_off(seed_texts):
    text = seed_texts["003"]
    on = credscore.analyze(text, url=NEO_URL)
    off = credscore.analyze(text, url=NEO_URL, use_source_prior=False)
    # the prior never moves the text score (the URL itself may: the dates signal reads dates in it)
    assert on.score == off.score
    assert off.source_prior is None and off.score_with_source == off.score
    p = on.source_prior
    assert p is not None and p.domain == "journal-neo.org" and p.list_name == "CRED-1"
    assert p.log_odds_shift < 0 and on.score_with_source < on.score
    prior_c = [c for c in on.explanation if c.name == "source_prior"]
    assert len(prior_c) == 1 and prior_c[0].points == pytest.approx(on.score_with_source - on.score, abs=0.01)
    base = load_model().base
    assert sum(c.points for c in on.explanation) == pytest.approx(on.score_with_source - base, abs=0.05)
    d = on.to_dict(include_text=False)
    json.dumps(d)
    assert d["score"] == round(on.score, 2) and d["source_prior"]["domain"] == "journal-neo.org"
    assert d["score_with_source"] < d["score"]
    assert off.to_dict(include_text=False)["source_prior"] is None
    from credscore.report.html import render_html
    from credscore.report.table import render_table

    assert "journal-neo.org is on CRED-1 as mixed" in render_table([on])
    assert "with source" not in render_table([off])
    assert "journal-neo.org</" not in render_html([off]) and 'class="prior"' in render_html([on])


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("http://www.dailymail.co.uk/news/article-1.html", "dailymail.co.uk"),
        ("https://m.DailyMail.co.uk./x", "dailymail.co.uk"),
        ("70news.wordpress.com/2016/11/12/x", "70news.wordpress.com"),
        ("https://apnews.com/article/x", None),
        ("https://someoneelse.wordpress.com/x", None),  # a shared host is not itself listed
        ("https://reuters.com.example.org/", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_cred1_lookup_without_network(url, domain):
    p = source.lookup(url)
    assert (p.domain if p else None) == domain


def test_unlisted_url_gets_no_prior(seed_texts):
    a = credscore.analyze(seed_texts["002"], url="https://www.themoscowtimes.com/2024/06/20/putin-vietnam")
    assert a.source_prior is None and a.score_with_source == a.score
    assert "source_prior" not in {c.name for c in a.explanation}


def test_shipped_cred1_file_carries_its_licence_and_matches_the_source():
    doc = json.loads(gzip.decompress((ROOT / "models" / "cred1_domains.json.gz").read_bytes()))
    assert doc["licence"] == "CC BY 4.0" and "Loth" in doc["attribution"]
    assert "CC BY 4.0" in (ROOT / "models" / "LICENSE-CRED1.md").read_text()
    assert len(doc["domains"]) > 2500
    csv_path = require_data("cred", "cred1_loth2026", "cred1_current.csv")
    import csv
    import hashlib

    assert doc["source_sha256"] == hashlib.sha256(csv_path.read_bytes()).hexdigest()
    with open(csv_path, encoding="utf-8") as fh:
        rows = {r["domain"].lower(): float(r["credibility_score"]) for r in csv.DictReader(fh)}
    assert {d: v[1] for d, v in doc["domains"].items()} == pytest.approx(rows, abs=1e-4)


def test_shift_is_capped_and_never_raises_a_score():
    assert source.shift_for(0.0) == -source.MAX_SHIFT
    assert source.shift_for(0.9) == 0.0
    assert -source.MAX_SHIFT <= source.shift_for(0.173) < 0


def test_training_block_columns_reproduce_the_shipped_score(seed_texts):
    """What the combiner is fitted on (the training side's block columns of a document, from its
    cached features) combined as the shipped model combines them gives credscore's own score."""
    sig, comb = MODEL_JSON["signals"], MODEL_JSON["combiner"]
    model = load_model()
    for key, text in seed_texts.items():
        feats = score_features.signal_features(text)
        cols = score_stack.signal_parts(sig, score_features.matrix([feats], sig["features"]),
                                        score_stack.flags([feats]))[0]
        a = credscore.analyze(text, content_type="text")
        zw = a.signals["wording"].details["logit"]
        if zw > comb["wording_reference"] and any(a.signals[g].flagged for g in MODEL_JSON["wording_gate"]):
            zw = comb["wording_reference"]  # borrowed or generated wording earns no credit
        z = comb["intercept"] + comb["signals"] * cols[0] + comb["slopes"]["spin"] * cols[1] + comb["wording"] * zw
        assert 100 / (1 + np.exp(-z)) == pytest.approx(a.score, abs=1e-6), key
        assert a.score == pytest.approx(model.score(a.signals)[0], abs=1e-9)


def test_training_wording_logits_are_the_shipped_wording_models(seed_texts):
    """The training side's vectorised wording logits (scikit-learn's TF-IDF over the analysed
    terms) equal :meth:`credscore.wording.WordingModel.logit` on the same texts."""
    from credscore.wording import WordingModel

    d = json.loads(gzip.decompress((ROOT / "models" / "wording.json.gz").read_bytes()))
    texts = list(seed_texts.values())
    got = score_stack.wording_logits(d, score_stack.analyzed(texts))
    want = [WordingModel.from_dict(d).logit(t)[0] for t in texts]
    assert list(got) == pytest.approx(want, abs=1e-9)


def test_training_text_cleaning_removes_fakenewsnet_short_links():
    """The FakeNewsNet 'real' texts carry politi.co/cnn.it links: cleaned away before training."""
    path = require_data("cred", "fakenewsnet_v1_buzzfeed_politifact", "articles.jsonl")

    raw = [json.loads(line) for line in path.open(encoding="utf-8")]
    dirty = [r["text"] for r in raw if "http" in r["text"] or "politi.co" in r["text"]]
    assert dirty, "the leakage this guards against is in the data"
    for t in dirty:
        c = cred_corpora.clean_text(t)
        assert "http" not in c and "politi.co/" not in c and "www." not in c
        assert len(c.split()) > 0.5 * len(t.split())  # the article itself stays


def test_model_only_uses_documented_format():
    d = copy.deepcopy(MODEL_JSON)
    m = StackedModel.from_dict(d)
    assert m.signals.features == tuple(d["signals"]["features"])


def test_shipped_model_does_not_use_filler_counts_of_the_label_mined_list():
    """filler's MINED list was chosen on the labels of the score's own corpora: not a score feature."""
    feats = MODEL_JSON["signals"]["features"]
    assert not [f for f in feats if score_features.LABEL_MINED_RE.search(f)], feats
    assert score_features.LABEL_MINED_RE.search("filler.mined_hits") and not score_features.LABEL_MINED_RE.search("filler.core_hits")
    dropped = MODEL_JSON["info"]["dropped_features"]
    assert all("chosen on these corpora's labels" in dropped[f] for f in ("filler", "filler.mined_hits"))


def _labelled_texts():
    """FakeNewsAMT + Celebrity (980 short articles), source = sub-corpus and topic."""
    path = require_data("cred", "perezrosas2018_fakenewsamt_celebrity", "articles.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if (r.get("text") or "").strip()]
    for r in rows:
        r["source"] = f"{r['dataset']}:{r['domain_topic']}"
    return rows


def test_mining_rules_on_real_text():
    """mine_phrases keeps a phrase only on enough suspect documents from enough sources, rare in the
    reference, and ranks by smoothed log-odds."""
    rows = _labelled_texts()
    grams = [phrase_mining.ngrams(r["text"]) for r in rows]
    susp = [(r["source"], g) for r, g in zip(rows, grams) if r["label"] == "fake"]
    ref = [g for r, g in zip(rows, grams) if r["label"] != "fake"]
    mined = phrase_mining.mine_phrases(susp, ref, min_df=3, min_sources=2)
    assert mined, "real fakes share some stock phrasing"
    assert [m[0] for m in mined] == sorted((m[0] for m in mined), reverse=True)
    for score, a, b, g in mined:
        holders = [s for s, gs in susp if g in gs]
        assert len(holders) == a >= 3 and len(set(holders)) >= 2
        assert b == sum(g in gs for gs in ref) <= 0.01 * len(ref)
        assert not any(ch.isdigit() for ch in g)
    strict = phrase_mining.mine_phrases(susp, ref, min_df=3, min_sources=3)
    assert {m[3] for m in strict} <= {m[3] for m in mined}


def test_in_fold_mining_never_reads_held_out_labels():
    """The in-fold phrase list depends on the training rows' labels only: flipping every held-out
    label changes nothing, flipping the training labels changes the list."""
    np = pytest.importorskip("numpy")
    rows = _labelled_texts()
    grams = phrase_mining.candidate_grams([r["text"] for r in rows])
    y = np.array([int(r["label"] == "legit") for r in rows])
    groups = np.array([r["source"] for r in rows])
    train = np.arange(len(rows)) % 3 != 0
    kw = dict(top=20)
    got = phrase_mining.mine_training_phrases(grams, y, groups, train, **kw)
    assert got
    y_flip = np.where(train, y, 1 - y)
    assert phrase_mining.mine_training_phrases(grams, y_flip, groups, train, **kw) == got
    assert phrase_mining.mine_training_phrases(grams, np.where(train, 1 - y, y), groups, train, **kw) != got
