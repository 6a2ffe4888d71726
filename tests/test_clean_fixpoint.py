"""clean() on real pages: the settle step keeps the article, hints are evidence.

Held-aside pages only (the test side of the domain-grouped split); skipped when the
shared boilerplate data is absent.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import credscore
from credscore.analysis import chrome_stage
from credscore.chrome import strip
from credscore.chrome.model import label_with_model
from credscore.chrome.settle import settle
from credscore.segment import segment_html

from . import _data as data

needs_data = pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _kept(out: str, gold: str) -> tuple[int, int]:
    g, o = Counter(_tokens(gold)), Counter(_tokens(out))
    return sum((g & o).values()), sum(g.values())


def _gold_pages(n: int) -> list:
    return [p for p in data.boilerplate_pages("test", limit=n) if p.gold.strip()]


@needs_data
def test_settle_keeps_the_gold_text():
    """settle() (the step that makes clean idempotent) no longer erodes an article."""
    kept = total = 0
    for p in _gold_pages(80):
        k, t = _kept(settle(p.gold), p.gold)
        kept, total = kept + k, total + t
    assert kept / total >= 0.99, kept / total


@needs_data
def test_clean_of_gold_keeps_most_of_it_and_is_a_fixed_point():
    kept = total = 0
    for p in _gold_pages(40):
        once = credscore.clean(p.gold, content_type="text")
        k, t = _kept(once, p.gold)
        kept, total = kept + k, total + t
        if once.strip():
            assert credscore.clean(once, content_type="text") == once, p.id
    assert kept / total >= 0.95, kept / total


def test_clean_stops_after_chrome_removal(monkeypatch):
    """clean() never computes a signal or a score."""
    import credscore.analysis as A

    def boom(*a, **k):
        raise AssertionError("clean() must not score")

    monkeypatch.setattr(A, "load_model", boom)
    html = "<html><body><nav>Home News</nav><article><p>" + "The council voted on Tuesday. " * 20 + \
        "</p></article></body></html>"
    assert "council voted" in credscore.clean(html)


def test_analyze_text_is_the_chrome_stage():
    html = "<html><body><nav>Home News</nav><article><p>" + "The council voted on Tuesday. " * 20 + \
        "</p></article></body></html>"
    _, _, _, st = chrome_stage(html)
    assert credscore.analyze(html).text == st.text


def test_markup_hints_are_overruled_when_they_would_take_the_article():
    """An article inside a <form> (ASP.NET pages wrap the whole body in one) is kept."""
    body = " ".join(f"Paragraph {i} says the council voted on the budget after a long debate." for i in range(12))
    html = f"<html><body><form id='aspnetForm'><h1>Budget passes</h1><p>{body}</p></form></body></html>"
    st = strip(segment_html(html), "html", model=label_with_model)
    assert "council voted" in st.text


IN_ARTICLE_CHROME = {
    "reading_time": ["4 Min Read", "11 min read", "Reading time: 5 minutes", "Lesezeit: 4 Minuten",
                     "5 min de lecture", "3 minutos de lectura", "Tempo de leitura: 2 minutos",
                     "leestijd 3 minuten", "Время чтения: 5 минут", "4 minuti di lettura"],
    "read_more": ["Auch interessant: Der Wolf kehrt zurück", "Leggi anche", "Lees ook: de begroting",
                  "Leia também", "Saiba mais", "Смотрите также", "You might like", "More by the author:",
                  "Lea también: la reforma"],
    "comment_prompt": ["Pingback von Max Mustermann", "Pingback: A List Apart", "Kommentare geschlossen",
                       "Commenti chiusi", "Os comentários estão fechados", "Reacties zijn gesloten",
                       "Lascia un commento", "Commenti (3)"],
    "photo_credit": ["Beitragsbild", "Beitragsbild: dpa", "Photograph by John Smith",
                     "Photo illustration: Getty Images", "Foto di: Reuters"],
}

ARTICLE_LINES = [
    "Zum Thema Klimawandel hat die Regierung am Dienstag ein Gesetz beschlossen.",
    "The meeting lasted 45 minutes and ended without a vote.",
    "5 minutes",
    "Reading is the best way to learn a language, she said.",
    "Leggiamo anche i giornali stranieri ogni mattina.",
    "Comments from readers poured in after the report.",
]


@pytest.mark.parametrize("kind,lines", sorted(IN_ARTICLE_CHROME.items()))
def test_in_article_chrome_has_its_kind_in_eight_languages(kind, lines):
    from credscore.chrome import lexicon

    assert [lexicon.match_kind(t) for t in lines] == [kind] * len(lines)


def test_article_lines_are_not_in_article_chrome():
    from credscore.chrome import lexicon

    assert [lexicon.match_kind(t) for t in ARTICLE_LINES] == [None] * len(ARTICLE_LINES)
