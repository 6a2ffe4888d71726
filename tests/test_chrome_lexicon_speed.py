"""match_kind's fast path (anchored patterns at position 0, trigger strings before the
rest) must answer exactly what the one big alternation LINE_RE answers."""

from __future__ import annotations

import pytest

from credscore.chrome import lexicon as L

from . import _data as data


def _reference(text: str) -> str | None:
    if len(text) > L.MAX_CHARS:
        return None
    m = L.LINE_RE.search(text)
    return m.lastgroup if m else None


CASES = [
    "Read more", "Share this article on Facebook", "Follow us on Twitter", "Privacy Policy",
    "© 2024 Example Media. All rights reserved.", "Leave a comment", "3 Comments", "Subscribe now!",
    "Sign up for our weekly newsletter to get the news", "Подписывайтесь на наш канал", "Поделиться в VK",
    "Datenschutzerklärung", "À lire aussi : la réforme", "Xem thêm", "Bình luận", "Home", "×",
    "Photo: Jane Doe", "John Smith / Reuters", "AdBlock detected", "Support us!", "Tags: politics, europe",
    # a block that an anchored and a free pattern both match at position 0 (the earlier kind wins)
    "Subscribe to our newsletter", "Comments are closed.", "Share", "Teilen Sie diesen Artikel",
    # characters that case-fold to several ("İ", "ß"): the shortcut steps aside
    "PRİVACY POLİCY", "Straße der Datenschutz", "ſhare this ſtory on twitter",
    "The minister said on Tuesday that the plan would be revised before the vote next month.",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_fast_path_agrees_with_the_alternation(text):
    assert L.match_kind.__wrapped__(text) == _reference(text)


def test_the_cases_exercise_both_paths():
    kinds = {_reference(t) for t in CASES}
    assert {"read_more", "social", "privacy", "comment_prompt", "newsletter", "navigation"} <= kinds
    assert None in kinds
    assert any(L._anchored(p) for v in L.LINE_PATTERNS.values() for p in v)
    assert not L._anchored(r"\bподписывайтесь\b|^поделиться\b.{0,40}$")  # top-level "|"


@pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")
def test_fast_path_agrees_on_every_line_of_real_pages():
    texts = data.boilerplate_lines("train", 40)
    hits = 0
    for t in texts:
        ref = _reference(t)
        hits += ref is not None
        assert L.match_kind.__wrapped__(t) == ref, t
    assert hits >= 20  # the pages do carry chrome the lexicon names
