"""First use without surprises (issue #23): usage errors, the table, clean, progress, docs examples."""

from __future__ import annotations

import io
import sys

import pytest

from credscore.cli import main
from tests.conftest import SEEDS

SEED = str(sorted(SEEDS.glob("002_*.txt"))[0])


@pytest.mark.parametrize("argv, says", [
    (["report", "--published", "20/06/2024", SEED], "YYYY-MM-DD"),
    (["report", "--published", "2024-13-01", SEED], "YYYY-MM-DD"),
    (["report", "--crawled", "yesterday", SEED], "ISO date-time"),
    (["report", "--format", "pdf", SEED], "choose from"),
    (["score", "-i", SEED, "-o", "-", "--jobs", "-1"], "whole number"),
    (["score", "-i", SEED, "-o", "-", "--keep-below", "abc"], "0 to 100"),
    (["score", "-i", SEED, "-o", "-", "--keep-above", "140"], "0 to 100"),
    (["score", "-i", SEED, "-o", "-", "--unscored", "maybe"], "keep"),
])
def test_bad_option_values_are_usage_errors(argv, says, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert says in err and "usage:" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["2024-06-20", "2024-06-20T14:30:00Z", "2024-06-20T14:30:00+02:00"])
def test_accepted_date_forms(value, capsys):
    assert main(["report", "--published", value, "--format", "json", SEED]) == 0
    assert '"2024-06-20"' in capsys.readouterr().out


# --------------------------------------------------------------------------- the terminal table

def _mixed_items(seed_items):
    import credscore
    from tests.test_unscored import GERMAN, NAV_PAGE

    return [*seed_items, credscore.analyze(credscore.Document(GERMAN, name="de.txt")),
            credscore.analyze(credscore.Document(NAV_PAGE, name="nav.html"))]


def test_table_fits_80_columns_without_cutting_signal_names(seed_items):
    import re

    from credscore.report.table import LEGEND, render_table

    items = _mixed_items(seed_items)
    visible = re.sub(r"\x1b\[[0-9;]*m", "", render_table(items, color=True, width=80))
    lines = visible.splitlines()
    assert max(len(line) for line in lines) <= 80
    words = set(visible.split())
    for a in items:
        for f in a.flags:
            assert f in words, f  # whole, on one line: not "sensation…" or "link_resi…"
        for c in a.explanation[:3]:
            if abs(c.points) >= 0.05:
                assert c.name in words, c.name
    assert "…" not in visible
    assert LEGEND in visible
    assert "language:de" in visible and "no_article" in visible and "2 not scored" in visible
    assert "de.txt: not scored — language 'de'" in visible


def test_plain_table_says_not_scored_and_has_the_legend(seed_items):
    from credscore.report.table import LEGEND, render_table

    plain = render_table(_mixed_items(seed_items))
    assert LEGEND in plain
    assert "score          — (not scored: no article text left after chrome removal)" in plain
    assert "— (not scored: language 'de': the model reads English only)" in plain


def test_report_help_says_what_the_score_means(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "low < 40 <= medium < 70 <= high" in out and "no score" in out


# --------------------------------------------------------------------------- clean over several inputs

def test_clean_several_inputs_are_separated_by_name(capsys):
    import credscore

    assert main(["clean", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    paths = sorted(SEEDS.glob("*.txt"))
    heads = [line for line in out.splitlines() if line.startswith("==> ")]
    assert heads == [f"==> {p} <==" for p in paths]
    # each section is exactly that document's cleaned text
    sections = out.split("==> ")[1:]
    for p, sec in zip(paths, sections):
        body = sec.split(" <==\n", 1)[1]
        assert body.rstrip("\n") == credscore.clean(p.read_text(encoding="utf-8")).rstrip("\n")
    assert main(["clean", SEED]) == 0
    assert "==>" not in capsys.readouterr().out  # one input: just the text, as before


def test_clean_jsonl_one_record_per_input(tmp_path, capsys):
    import json

    import credscore

    empty = tmp_path / "empty.txt"
    empty.write_text(" \n")
    assert main(["clean", "--format", "jsonl", SEED, str(empty)]) == 1
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in recs] == [SEED, str(empty)]
    a = credscore.analyze(open(SEED, encoding="utf-8").read())
    assert recs[0]["text"] == credscore.clean(open(SEED, encoding="utf-8").read())
    assert recs[0]["removed"] == [b.to_dict() for b in a.removed] and recs[0]["removed"]
    assert recs[1]["error"]["kind"] == "empty"


# --------------------------------------------------------------------------- progress on a terminal

def _run_with_tty_stderr(args, stdin_bytes=None):
    """Run ``python -m credscore.cli ARGS`` with stderr on a pseudo-terminal; return (stdout, stderr)."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "credscore.cli", *args], stdout=subprocess.PIPE,
                                stderr=slave, stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                                env={**os.environ, "COLUMNS": "100"})
        os.close(slave)
        slave = -1
        chunks = []
        import threading

        def pump():
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    return
                if not data:
                    return
                chunks.append(data)

        t = threading.Thread(target=pump)
        t.start()
        out, _ = proc.communicate(stdin_bytes, timeout=600)
        t.join(timeout=30)
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    return out.decode(), b"".join(chunks).decode("utf-8", "replace")


def test_report_progress_on_a_terminal_with_total_and_loading_phase():
    out, err = _run_with_tty_stderr(["report", str(SEEDS), "--format", "json"])
    assert "credscore: loading models…" in err
    assert "0/5 documents (0%)" in err and "5/5 documents (100%)" in err
    assert "\r" in err and "\n" not in err.replace("\r\n", "")  # one line, redrawn in place
    assert "loading" not in out and '"schema_version"' in out  # stdout untouched


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal: all the CLI looks at before drawing progress."""

    def isatty(self) -> bool:
        return True


def _run_with_terminal_stderr(args, monkeypatch, capsys):
    """``main(ARGS)`` in this process with stderr a terminal; return (stdout, stderr).

    The real pseudo-terminal and the ``python -m credscore.cli`` entry point are
    tested once above (``test_report_progress_on_a_terminal_with_total_and_loading_phase``);
    the options are tested here without paying a cold start per call.
    """
    capsys.readouterr()
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("COLUMNS", "100")
    main(args)
    return capsys.readouterr().out, err.getvalue()


def test_clean_and_score_progress_and_quiet(tmp_path, monkeypatch, capsys):
    import json

    out, err = _run_with_terminal_stderr(["clean", str(SEEDS)], monkeypatch, capsys)
    assert "loading models…" in err and "5/5 documents" in err and "==> " in out
    out, err = _run_with_terminal_stderr(["clean", "--quiet", str(SEEDS)], monkeypatch, capsys)
    assert "credscore:" not in err
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({"text": p.read_text(encoding="utf-8")}) + "\n"
                           for p in sorted(SEEDS.glob("*.txt"))), encoding="utf-8")
    out, err = _run_with_terminal_stderr(["score", "-i", str(inp), "-o", "-"], monkeypatch, capsys)
    assert "loading models…" in err and "(100% of the input)" in err and "5 documents, 0 failures" in err
    assert len(out.splitlines()) == 5
    out, err = _run_with_terminal_stderr(["score", "-q", "-i", str(inp), "-o", "-"], monkeypatch, capsys)
    assert "loading" not in err and "5 documents, 0 failures" in err


def test_no_progress_when_stderr_is_piped(capsys):
    """stderr captured (not a terminal, as in a pipe): no progress line, nothing on stderr."""
    assert main(["report", str(SEEDS), "--format", "json"]) == 0
    err = capsys.readouterr().err.encode()
    assert b"loading" not in err and b"documents" not in err
