"""No network, safe decoding, HTML input."""

from __future__ import annotations

import pytest

import credscore
from credscore.errors import BinaryInputError, EmptyInputError

from .conftest import require_data


def test_whole_cli_runs_with_sockets_blocked(cli_with_sockets_blocked):
    """textstat (readability) and the word list load offline; nothing opens a socket
    (a fresh interpreter with its sockets blocked: the ``cli_with_sockets_blocked`` run)."""
    r = cli_with_sockets_blocked
    assert r.returncode == 0, r.stderr[-2000:]
    assert "network access attempted" not in r.stderr
    assert '"readability"' in r.stdout


def test_bytes_decoding(seed_texts):
    text = seed_texts["003"]
    a = credscore.analyze(text.encode("utf-16"))  # BOM
    assert "Оставить комментарий" in [b.text for b in a.removed]
    ru = "Путин прибыл в Ханой с государственным визитом. Стороны подписали более десяти соглашений."
    a = credscore.analyze(ru.encode("cp1251"))
    assert a.notes and "cp1252" in a.notes[0] or a.language in ("ru", "und")
    with pytest.raises(EmptyInputError):
        credscore.analyze(b"   \n\t ")
    with pytest.raises(BinaryInputError):
        credscore.analyze(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)


def test_html_seed_page_from_benchmark():
    """A real article page (Scrapinghub AEB): title found, article kept, menus dropped."""
    import gzip
    import json

    base = require_data("boilerplate", "scrapinghub-aeb")
    gold = json.loads((base / "ground-truth.json").read_text())
    ids = sorted(gold)[:3]
    for i in ids:
        html = gzip.decompress((base / "html" / f"{i}.html.gz").read_bytes())
        a = credscore.analyze(html)
        assert a.content_type == "html"
        body = gold[i]["articleBody"]
        words = set(body.split())
        kept = set(a.text.split())
        assert len(words & kept) / max(1, len(words)) > 0.8, i
        assert a.removed, i
