"""The trigger prefilter in front of the features' phrase regex (lexicon_i18n.ANY_RE):
a block it turns away must have no match, and the features must not change."""

from __future__ import annotations

import pytest

from credscore.chrome import features as F
from credscore.chrome import lexicon_i18n as L

from . import _data as data


def _reference_hits(text: str) -> tuple[float, ...]:
    out = [0.0] * len(L.KINDS)
    for m in L.ANY_RE.finditer(text):
        out[L.KINDS.index(m.lastgroup)] += (m.end() - m.start()) / len(text)
    return tuple(min(1.0, v) for v in out)


CASES = [
    "Read more", "Share this article on Facebook", "Подписывайтесь на наш канал", "À lire aussi",
    "Xem thêm", "Bình luận", "Photo: AFP", "Foto: dpa", "© 2024 Example", "Written by Jane Doe",
    "icon-facebook icon-twitter", "Datenschutzerklärung",
    # case-folding oddities: IGNORECASE matches these against an ASCII trigger, lower() does not
    "ſhare this ſtory", "PRİVACY POLİCY", "ΣΧΌΛΙΑ",
    "The minister said on Tuesday that the plan would be revised before the vote next month.",
    "Министр заявил во вторник, что план будет пересмотрен.", "",
]


def test_triggers_are_derived_from_every_fragment():
    assert L.ANY_TRIGGERS is not None and len(L.ANY_TRIGGERS) > 100
    assert all(t == t.lower() and t for t in L.ANY_TRIGGERS)
    # a literal prefix, a branch of literals, a Cyrillic phrase
    import re
    assert L._required(L._P.parse(r"read (?:more|full)", re.I)) == frozenset(["read "])
    assert L._required(L._P.parse(r"(?:afp|maxppp)", re.I)) == frozenset(["afp", "maxppp"])
    assert "ſ" in L._FOLD_ODD and "\u0130" in L._FOLD_ODD and "о" not in L._FOLD_ODD


@pytest.mark.parametrize("text", CASES)
def test_prefilter_never_turns_away_a_match(text):
    if L.ANY_RE.search(text):
        assert L.may_match(text)
    assert F._lexicon_hits.__wrapped__(text) == _reference_hits(text) if text else True


def test_prefilter_turns_away_plain_prose():
    assert not L.may_match("Министр заявил во вторник, что план будет пересмотрен.")
    assert L.may_match("Read more")


@pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")
def test_prefilter_agrees_on_every_line_of_real_pages():
    texts = {t for t in data.boilerplate_lines("train", 40) if t.strip()}
    hits = skipped = 0
    for t in texts:
        ref = _reference_hits(t)
        hits += any(ref)
        skipped += not L.may_match(t)
        assert F._lexicon_hits.__wrapped__(t) == ref, t
    assert hits >= 20 and skipped > len(texts) // 2  # real chrome found; most prose skipped
