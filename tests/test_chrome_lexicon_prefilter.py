"""The cue features (lexicon.cue_hits): the gate in front of the cue alternation (ANY_RE)
must never turn away a match, and the features must be what the whole alternation gives."""

from __future__ import annotations

import re

import pytest

from credscore.chrome import features as F
from credscore.chrome import lexicon as L
from credscore.chrome import phrases as P

from . import _data as data


def _reference_hits(text: str) -> tuple[float, ...]:
    out = [0.0] * len(L.CUE_KINDS)
    for m in L.ANY_RE.finditer(text):
        out[L.CUE_KINDS.index(m.lastgroup)] += (m.end() - m.start()) / len(text)
    return tuple(min(1.0, v) for v in out)


CASES = [
    "Read more", "Share this article on Facebook", "Подписывайтесь на наш канал", "À lire aussi",
    "Xem thêm", "Bình luận", "Photo: AFP", "Foto: dpa", "© 2024 Example", "Written by Jane Doe",
    "icon-facebook icon-twitter", "Datenschutzerklärung",
    # case-folding oddities: IGNORECASE matches these against an ASCII literal, lower() does not
    "ſhare this ſtory", "PRİVACY POLİCY", "ΣΧΌΛΙΑ",
    "The minister said on Tuesday that the plan would be revised before the vote next month.",
    "Министр заявил во вторник, что план будет пересмотрен.", "",
]


def test_required_literals_are_read_off_the_patterns():
    assert L.required_literals(r"read (?:more|full)") == frozenset(["read "])
    assert L.required_literals(r"(?:afp|maxppp)") == frozenset(["afp", "maxppp"])
    assert L.required_literals(r"^[×✕✖x]$") is None  # no literal: the pattern always takes part
    odd = L._fold_odd({"s", "i", "о"})
    assert odd.search("ſ") and odd.search("\u0130") and not odd.search("о")


@pytest.mark.parametrize("text", CASES)
def test_gate_never_turns_away_a_match(text):
    if text and L.ANY_RE.search(text):
        assert L.gate("cues").candidates(text)
    assert L.cue_hits(text) == (_reference_hits(text) if text else (0.0,) * len(L.CUE_KINDS))


def test_gate_turns_away_plain_prose():
    cues = L.gate("cues")
    always = cues.candidates("")  # the few patterns without a literal worth looking for
    assert len(always) <= 3
    assert cues.candidates("Министр заявил во вторник, что план будет пересмотрен.") == always
    assert len(cues.candidates("Read more")) > len(always)


def test_one_table_feeds_the_model_columns():
    assert F.KINDS == P.CUE_KINDS
    assert {k for k, v in P.TABLE.items() if v.cues} == set(P.CUE_KINDS)
    assert all(v.what for v in P.TABLE.values())
    langs = {lang for v in P.TABLE.values() for role in (v.rules, v.openers, v.inline, v.cues) for lang in role}
    assert all(re.fullmatch(r"[a-z]{2}|\*", lang) for lang in langs)
    assert {"en", "ru", "de", "fr", "es", "vi"} <= langs


@pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")
def test_gate_agrees_on_every_line_of_real_pages():
    texts = {t for t in data.boilerplate_lines("train", 40) if t.strip()}
    hits = skipped = 0
    for t in texts:
        ref = _reference_hits(t)
        hits += any(ref)
        skipped += len(L.gate("cues").candidates(t)) <= 2
        assert F._lexicon_hits.__wrapped__(t) == ref, t
    assert hits >= 20 and skipped > len(texts) // 2  # real chrome found; most prose skipped
