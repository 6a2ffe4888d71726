"""First use without surprises (issue #23): usage errors, the table, clean, progress, docs examples."""

from __future__ import annotations

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
