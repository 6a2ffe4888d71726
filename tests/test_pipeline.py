"""credscore as a pipeline step: JSONL streaming, score_batch, scikit-learn, pandas, Dask, filters.

Everything runs on the seeds (real scraped news texts) plus deliberately broken
records; the Dask test starts a real 2-process LocalCluster and skips cleanly
without dask installed.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys

import pytest

import credscore
from credscore.cli import main
from credscore.pipeline.batch import signal_names
from credscore.pipeline.filters import CredScoreDocumentFilter, CredScoreFilter
from credscore.pipeline.jsonl import StreamOptions, stream, tqdm_progress

from .conftest import ROOT

#: (line bytes, expected error kind or None) for the broken records mixed into the seeds.
BROKEN = [
    (b"this is not json", "bad_json"),
    (b'{"id": "no-text", "body": "the text is under another key"}', "missing_field"),
    (b"[1, 2, 3]", "not_object"),
    (b'{"id": "number", "text": 42}', "bad_field_type"),
    (b'{"id": "blank-text", "text": "   \\n  "}', "empty"),
    (b'{"id": "latin1", "text": "caf\xe9 au lait"}', "undecodable"),
]


def _corpus(seed_texts: dict[str, str]) -> tuple[bytes, list[str | None]]:
    """Seeds as JSONL records, broken lines between them, one blank line; and the expected kinds."""
    lines: list[bytes] = []
    kinds: list[str | None] = []
    for i, (key, text) in enumerate(seed_texts.items()):
        lines.append(json.dumps({"id": key, "text": text, "extra": [1, {"a": None}]}).encode())
        kinds.append(None)
        if i < len(BROKEN):
            lines.append(BROKEN[i][0])
            kinds.append(BROKEN[i][1])
    for raw, kind in BROKEN[len(seed_texts):]:
        lines.append(raw)
        kinds.append(kind)
    lines.insert(3, b"")  # a blank line is not a record
    html = "<html><head><title>T</title></head><body><nav>Home | News</nav><article><h1>Headline here</h1>" + "".join(
        f"<p>{p}</p>" for p in list(seed_texts.values())[0].split("\n") if len(p) > 80) + "</article></body></html>"
    lines.append(json.dumps({"id": "html", "html": html, "text": "ignored when html is present"}).encode())
    kinds.append(None)
    return b"\n".join(lines) + b"\n", kinds


def _run_score(tmp_path, data: bytes, *extra: str) -> tuple[int, list[dict], bytes]:
    src, dst = tmp_path / "in.jsonl", tmp_path / f"out{len(extra)}{'_'.join(extra)}.jsonl"
    src.write_bytes(data)
    rc = main(["score", "--input", str(src), "--output", str(dst), "--html-field", "html", *extra])
    raw = dst.read_bytes()
    return rc, [json.loads(line) for line in raw.splitlines()], raw


def test_jsonl_round_trip_n_in_n_out_with_typed_errors(tmp_path, seed_texts, seed_analyses, capsys):
    data, kinds = _corpus(seed_texts)
    rc, out, _ = _run_score(tmp_path, data)
    assert rc == 1  # some records failed
    assert len(out) == len(kinds) == data.count(b"\n") - 1  # N in (minus the blank line) = N out
    assert [r.get("error", {}).get("kind") for r in out] == kinds
    for rec in out:
        if "error" in rec:
            assert set(rec["error"]) == {"kind", "message"} and rec["error"]["message"].startswith("line ")
            assert "score" not in rec
    by_id = {r.get("id"): r for r in out if "error" not in r}
    for key, a in seed_analyses.items():
        rec = by_id[key]
        assert rec["text"] == seed_texts[key] and rec["extra"] == [1, {"a": None}]  # input kept as is
        assert rec["score"] == round(a.score, 2)
        assert rec["flags"] == a.flags and rec["language"] == a.language
        assert list(rec["signals"]) == list(signal_names())
        assert "clean_text" not in rec
    assert "html" in by_id and 0 <= by_id["html"]["score"] <= 100
    err = capsys.readouterr().err
    summary = err.strip().splitlines()[-1]
    assert f"{len(kinds)} documents, 6 failures" in summary and "docs/s" in summary and "1 blank" in summary


def test_jsonl_jobs_do_not_change_the_output(tmp_path, seed_texts):
    data, _ = _corpus(seed_texts)
    data = data * 3  # several chunks
    _, _, one = _run_score(tmp_path, data, "--include-text")
    _, _, two = _run_score(tmp_path, data, "--include-text", "--jobs", "2")
    assert one == two
    assert b'"clean_text"' in one


def test_jsonl_threshold_filters_only_when_asked(tmp_path, seed_texts, seed_analyses):
    data, kinds = _corpus(seed_texts)
    scores = sorted(a.score for a in seed_analyses.values())
    cut = (scores[1] + scores[2]) / 2
    rc, out, _ = _run_score(tmp_path, data, "--keep-below", f"{cut}")
    assert rc == 1
    kept = [r for r in out if "error" not in r]
    assert all(r["score"] < cut for r in kept)
    assert {r["id"] for r in kept} >= {k for k, a in seed_analyses.items() if a.score < cut}
    assert sum(1 for r in out if "error" in r) == sum(1 for k in kinds if k)  # failures are never filtered


def test_stream_stdin_stdout_and_summary():
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    data = (json.dumps({"text": seed}) + "\n" + json.dumps({"text": seed[:2000]}) + "\n").encode()
    p = subprocess.run([sys.executable, "-m", "credscore.cli", "score", "-i", "-", "-o", "-"], input=data,
                       capture_output=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    recs = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(recs) == 2 and all("score" in r for r in recs)
    err = p.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("credscore: 2 documents, 0 failures")  # no bar: not a TTY


def test_stream_api_and_progress_callback(seed_texts):
    data, kinds = _corpus(seed_texts)
    done: list[int] = []
    out = io.BytesIO()
    s = stream(io.BytesIO(data), out, StreamOptions(html_field="html", field_prefix="cs_"), progress=done.append)
    assert s.documents == sum(done) == len(kinds) and s.failed == 6 and s.blank == 1
    assert all(("cs_score" in r) != ("cs_error" in r) for r in map(json.loads, out.getvalue().splitlines()))


def test_progress_bar_only_on_a_tty():
    pytest.importorskip("tqdm")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert tqdm_progress(io.StringIO())[0] is None
    tty = Tty()
    update, close = tqdm_progress(tty)
    assert update is not None
    update(3)
    close()
    assert "3" in tty.getvalue()


def test_score_batch_columns(seed_texts, seed_analyses):
    texts = list(seed_texts.values()) + ["", None, b"\x89PNG\r\n\x1a\n\x00\x00"]
    cols = credscore.score_batch(texts, include_text=True)
    names = ["score", "unscored_reason", "flags", "language", *(f"signal_{n}" for n in signal_names()), "error_kind",
             "error_message", "clean_text"]
    assert list(cols) == names
    assert all(len(v) == len(texts) for v in cols.values())
    for i, a in enumerate(seed_analyses.values()):
        assert cols["score"][i] == round(a.score, 2) and cols["error_kind"][i] is None
        assert cols["clean_text"][i] == a.text
        assert cols["signal_readability"][i] == pytest.approx(a.signals["readability"].value)
    assert cols["error_kind"][-3:] == ["empty", "missing_field", "binary"]
    assert cols["score"][-3:] == [None, None, None]
    pref = credscore.score_batch(texts[:1], prefix="cs_")
    assert set(pref) == {"cs_" + n for n in names if n != "clean_text"}
    with pytest.raises(ValueError):
        credscore.score_batch(texts[:2], urls=["only one"])
    with pytest.raises(credscore.EmptyInputError):
        credscore.score_batch([""], errors="raise")


def test_sklearn_transformer_in_a_pipeline(seed_texts, seed_analyses):
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from credscore.pipeline.sklearn import CredScoreTransformer

    texts = list(seed_texts.values())
    t = CredScoreTransformer(include_score=True)
    X = t.fit_transform(texts)
    names = list(t.get_feature_names_out())
    assert names == [*signal_names(), "score"]
    assert X.shape == (len(texts), len(names))
    for i, a in enumerate(seed_analyses.values()):
        assert X[i, -1] == pytest.approx(a.score)
        assert X[i, names.index("attribution")] == pytest.approx(a.signals["attribution"].value)
    assert np.array_equal(t.transform(np.array(texts, dtype=object).reshape(-1, 1)), X)  # one column works too
    y = [1, 0, 1, 0, 1]
    clf = make_pipeline(CredScoreTransformer(features="all"), SimpleImputer(), LogisticRegression())
    clf.fit(texts, y)
    assert clf.predict(texts).shape == (5,)
    all_names = list(clf[0].get_feature_names_out())
    assert "readability.flesch_kincaid_grade" in all_names and len(all_names) > len(signal_names())
    with pytest.raises(ValueError, match="empty"):
        CredScoreTransformer().fit_transform(["", texts[0]])
    filled = CredScoreTransformer(errors="fill").fit_transform(["", texts[0]])
    assert np.isnan(filled[0]).all() and not np.isnan(filled[1]).all()


def test_sklearn_column_transformer_on_a_frame(seed_texts):
    pd = pytest.importorskip("pandas")
    from sklearn.compose import ColumnTransformer

    from credscore.pipeline.sklearn import CredScoreTransformer

    df = pd.DataFrame({"text": list(seed_texts.values()), "n": range(5)})
    ct = ColumnTransformer([("cs", CredScoreTransformer(), ["text"]), ("n", "passthrough", ["n"])])
    out = ct.fit_transform(df)
    assert out.shape == (5, len(signal_names()) + 1)
    assert list(ct.get_feature_names_out())[0] == f"cs__{signal_names()[0]}"


def test_sklearn_check_estimator_documented_subset():
    pytest.importorskip("sklearn")
    import warnings

    from sklearn.utils.estimator_checks import check_estimator

    from credscore.pipeline.sklearn import NOT_APPLICABLE_CHECKS, CredScoreTransformer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = check_estimator(CredScoreTransformer(), expected_failed_checks=NOT_APPLICABLE_CHECKS,
                                  on_fail=None, on_skip=None)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    assert failed == []
    passed = {r["check_name"] for r in results if r["status"] == "passed"}
    assert {"check_estimator_cloneable", "check_no_attributes_set_in_init", "check_estimators_unfitted",
            "check_complex_data", "check_estimator_sparse_matrix"} <= passed
    # every exemption is used: a check that starts passing must leave the list
    assert {r["check_name"] for r in results if r["status"] == "xfail"} == set(NOT_APPLICABLE_CHECKS)


def test_score_frame(seed_texts, seed_analyses):
    pd = pytest.importorskip("pandas")
    from credscore.pipeline.pandas import score_frame

    df = pd.DataFrame({"text": [*seed_texts.values(), None], "id": [*seed_texts, "none"]},
                      index=[10, 11, 12, 13, 14, 15])
    out = score_frame(df)
    assert list(out.index) == list(df.index) and list(out["id"]) == list(df["id"])
    assert out["score"].dtype == "float64"
    for key, a in seed_analyses.items():
        row = out[out["id"] == key].iloc[0]
        assert row["score"] == round(a.score, 2) and row["flags"] == ",".join(a.flags)
    assert math.isnan(out.loc[15, "score"]) and out.loc[15, "error_kind"] == "missing_field"
    with pytest.raises(ValueError, match="prefix"):
        score_frame(out)
    assert "cs_score" in score_frame(out, prefix="cs_").columns
    empty = score_frame(df.iloc[:0])
    assert list(empty.columns) == list(out.columns) and len(empty) == 0


def test_datatrove_style_filter(seed_texts, seed_analyses):
    scores = sorted(a.score for a in seed_analyses.values())
    cut = (scores[1] + scores[2]) / 2

    class Doc:
        def __init__(self, text):
            self.text, self.metadata, self.id = text, {}, "x"

    annotate = CredScoreFilter()  # no threshold: annotate only
    strict = CredScoreFilter(min_score=cut)
    for key, text in seed_texts.items():
        d = Doc(text)
        assert annotate.filter(d) is True
        assert d.metadata["credscore_score"] == round(seed_analyses[key].score, 2)
        verdict = strict.filter(Doc(text))
        if seed_analyses[key].score < cut:
            assert verdict == (False, "credscore_below_min")
        else:
            assert verdict is True
    assert strict.filter(Doc("")) == (False, "credscore_error_empty")
    assert CredScoreFilter(keep_errors=True).filter({"text": "", "metadata": {}}) is True


def test_nemo_curator_style_split(seed_texts, seed_analyses):
    f = CredScoreDocumentFilter()
    scored = {k: f.score_document(t) for k, t in seed_texts.items()}
    assert scored == pytest.approx({k: a.score for k, a in seed_analyses.items()})
    assert all(f.keep_document(s) for s in scored.values())  # no threshold: keep everything
    assert math.isnan(f.score_document(""))
    g = CredScoreDocumentFilter(min_score=min(scored.values()) + 1e-6)
    assert [g.keep_document(s) for s in scored.values()].count(False) == 1
    assert not g.keep_document(float("nan"))


def test_dask_local_cluster_two_processes(seed_texts):
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    pd = pytest.importorskip("pandas")
    import dask.bag as db
    import dask.dataframe as dd

    from credscore.pipeline.dask import score, score_bag, score_dataframe
    from credscore.pipeline.pandas import score_frame

    df = pd.DataFrame({"id": list(seed_texts), "text": list(seed_texts.values())})
    expected = score_frame(df)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = score_dataframe(dd.from_pandas(df, npartitions=2)).compute()
        bag = score(db.from_sequence([{"id": k, "text": t} for k, t in seed_texts.items()] + [{"id": "e"}],
                                     npartitions=2)).compute()
        plain = score_bag(db.from_sequence(list(seed_texts.values()), npartitions=2)).compute()
    assert got["score"].dtype == "float64" and list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False)
    assert [r["score"] for r in bag[:-1]] == list(expected["score"])
    assert bag[-1]["error"]["kind"] == "missing_field"
    assert [r["score"] for r in plain] == list(expected["score"])


def test_score_usage_errors(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "x"}\n')
    assert main(["score", "-i", str(src), "-o", str(src)]) == 2
    assert src.read_text() == '{"text": "x"}\n'  # the input was not truncated
    assert main(["score", "-i", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    bad = tmp_path / "model.json"
    bad.write_text('{"format": "something else"}')
    assert main(["score", "-i", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(bad), "--jobs", "2"]) == 2
    assert "model" in capsys.readouterr().err


def test_hot_spot_fixes_keep_the_values(seed_texts):
    """The faster readability formulas give exactly textstat's numbers on real text."""
    import textstat

    from credscore.signals import readability

    from .conftest import DATA

    texts = list(seed_texts.values())
    arts = DATA / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
    if arts.exists():
        with open(arts, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(150), fh)]
    for t in texts + ["", "Hello.", "123 456. Zxqv blorf!"]:
        assert readability.gunning_fog(t) == textstat.gunning_fog(t)
        assert readability.flesch(t) == (textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t))


@pytest.mark.parametrize("name", ["pandas", "dask", "sklearn"])
def test_old_front_end_paths_are_deprecated_aliases(name):
    # credscore.pandas / .dask / .sklearn moved to credscore.pipeline.*: the old
    # paths are the same module objects, imported with a DeprecationWarning
    import importlib

    if name == "sklearn":
        pytest.importorskip("sklearn")
    new = importlib.import_module(f"credscore.pipeline.{name}")
    sys.modules.pop(f"credscore.{name}", None)
    with pytest.warns(DeprecationWarning, match=f"credscore.pipeline.{name}"):
        old = importlib.import_module(f"credscore.{name}")
    assert old is new
    assert set(new.__all__) <= set(dir(old))
