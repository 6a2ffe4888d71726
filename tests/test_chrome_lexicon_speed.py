"""The gated search (only the patterns whose required literals a block contains) must
answer exactly what each role's whole alternation answers: match_kind as LINE_RE.search,
opener_kind as OPENER_RE.search, inline_cuts as INLINE_RE.finditer."""

from __future__ import annotations

import pytest

from credscore.chrome import lexicon as L

from . import _data as data


def _reference(text: str) -> str | None:
    if len(text) > L.MAX_CHARS:
        return None
    m = L.LINE_RE.search(text)
    return m.lastgroup if m else None


def _reference_opener(text: str) -> str | None:
    if len(text) > L.MAX_CHARS:
        return None
    m = L.OPENER_RE.search(text)
    return m.lastgroup if m else None


def _reference_inline(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "boilerplate") for m in L.INLINE_RE.finditer(text)]


CASES = [
    "Read more", "Share this article on Facebook", "Follow us on Twitter", "Privacy Policy",
    "© 2024 Example Media. All rights reserved.", "Leave a comment", "3 Comments", "Subscribe now!",
    "Sign up for our weekly newsletter to get the news", "Подписывайтесь на наш канал", "Поделиться в VK",
    "Datenschutzerklärung", "À lire aussi : la réforme", "Xem thêm", "Bình luận", "Home", "×",
    "Photo: Jane Doe", "John Smith / Reuters", "AdBlock detected", "Support us!", "Tags: politics, europe",
    # a block that an anchored and a free pattern both match at position 0 (the earlier kind wins)
    "Subscribe to our newsletter", "Comments are closed.", "Share", "Teilen Sie diesen Artikel",
    # characters that case-fold to several ("İ", "ß") or match an ASCII letter under IGNORECASE ("ſ")
    "PRİVACY POLİCY", "Straße der Datenschutz", "ſhare this ſtory on twitter",
    "It looks like you're using an ad blocker.", "Dear readers,",
    "The mayor visits the site, July 6 © Alexey Filippov/Sputnik",
    "Crowds gather in the square. (AP Photo/Minh Hoang)",
    "The minister said on Tuesday that the plan would be revised before the vote next month.",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_gated_search_agrees_with_the_alternation(text):
    assert L.match_kind.__wrapped__(text) == _reference(text)
    assert L.opener_kind.__wrapped__(text) == _reference_opener(text)
    assert L.inline_cuts(text) == _reference_inline(text)


def test_the_cases_exercise_every_role():
    kinds = {_reference(t) for t in CASES}
    assert {"read_more", "social", "privacy", "comment_prompt", "newsletter", "navigation"} <= kinds
    assert None in kinds
    assert {_reference_opener(t) for t in CASES} >= {"adblock", "donation", "newsletter", None}
    assert sum(bool(_reference_inline(t)) for t in CASES) >= 2


def test_the_gate_lets_few_patterns_through():
    rules = L.gate("rules")
    n = len(rules.entries)
    assert n > 100
    assert len(rules.candidates("Read more")) < n // 4
    prose = "The minister said on Tuesday that the plan would be revised before the vote next month."
    assert not L.gate("inline").candidates(prose)
    assert len(rules.candidates("ſhare")) == n  # an odd case-folding: every pattern takes part


@pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")
def test_gated_search_agrees_on_every_line_of_real_pages():
    texts = data.boilerplate_lines("train", 40)
    hits = 0
    for t in texts:
        ref = _reference(t)
        hits += ref is not None
        assert L.match_kind.__wrapped__(t) == ref, t
        assert L.opener_kind.__wrapped__(t) == _reference_opener(t), t
        assert L.inline_cuts(t) == _reference_inline(t), t
    assert hits >= 20  # the pages do carry chrome the table names


def test_import_builds_no_matcher():
    """``import credscore`` compiles none of the table's patterns and builds no automaton
    (cold start); the first use does."""
    import subprocess
    import sys

    code = (
        "import credscore, sys\n"
        "from credscore.chrome import lexicon as L\n"
        "print(L.gate.cache_info().currsize, L._continuation_re.cache_info().currsize)\n"
        "L.match_kind('Read more')\n"
        "print(L.gate.cache_info().currsize)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.split() == ["0", "0", "1"], r.stdout + r.stderr
