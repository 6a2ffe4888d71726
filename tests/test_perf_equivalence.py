"""The speed-ups of issue 8 change no value: the faster code against the code it replaced.

The oracles in ``tests/_before_perf.py`` are main's implementations before the
speed-ups, verbatim.  The texts are real (BuzzFeed-Webis articles, WCXB pages as
plain text), plus the same articles made repetitive (duplicated paragraphs, lines
and sentences) so that every n-gram level and every evidence branch of
gopher_repetition is reached, and short texts in other scripts for the language
guess.  ``benchmarks/equivalence.py`` compares whole analyses against another
revision; these run in the test suite.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re

import pytest

from credscore import lang
from credscore.signals import c4_lines, gopher_repetition, name_drift, readability
from credscore.spin.features import measure as spin_measure
from credscore.spin.tables import default_tables
from credscore.signals.base import Context
from credscore.text import TextView

from . import _before_perf as before
from .conftest import require_data

_TAG = re.compile(r"<[^>]*>")


@pytest.fixture(scope="module")
def articles() -> list[str]:
    path = require_data("cred", "buzzfeed_webis_2016", "articles.jsonl")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            t = (json.loads(line).get("text") or "").strip()
            if t:
                out.append(t)
            if len(out) >= 120:
                break
    return out


@pytest.fixture(scope="module")
def pages() -> list[str]:
    """WCXB pages with the tags dropped: real multilingual, menu-ridden, line-broken text."""
    html = require_data("boilerplate", "wcxb-dev", "html")
    files = sorted(html.glob("*.html.gz"))[::15][:80]
    return [_TAG.sub(" ", gzip.decompress(p.read_bytes()).decode("utf-8", "replace")) for p in files]


def _repetitive(texts: list[str]) -> list[str]:
    out = []
    for i, t in enumerate(texts[:40]):
        paras = t.split("\n")
        sents = re.split(r"(?<=[.!?]) ", t)
        if i % 4 == 0:
            out.append("\n\n".join(paras + paras[: max(1, len(paras) // 2)]))  # duplicated paragraphs
        elif i % 4 == 1:
            out.append("\n".join(paras[:3] * 4 + paras))  # duplicated lines
        elif i % 4 == 2:
            out.append(" ".join(sents[:2] * 6 + sents))  # a repeated 2-sentence run: long n-grams
        else:
            out.append(" ".join(w for w in t.split() for _ in (0, 1)))  # every word doubled
    return out


def _ctx(text: str) -> Context:
    return Context(text=text, view=TextView(text), source_text=text, removed=[], title=None, url=None,
                   published=None, crawled=None, content_type="text", language="en")


OTHER_SCRIPTS = [
    "这是一个测试句子，我们在这里写了很多中文字符，用来检查语言识别。",
    "これはテストです。ひらがなとカタカナと漢字がまざっています。東京で会いましょう。",
    "Это проверка языка: в этом тексте много русских слов и не только.",
    "هذا نص عربي قصير لاختبار التعرف على اللغة في هذا البرنامج الصغير",
    "Ελληνικό κείμενο για τη δοκιμή της αναγνώρισης γλώσσας ΟΔΟΣ",
    "iPhone 15 Pro Max 256GB 新品 未開封 送料無料 東京都 発送 在庫あり",
    "Der schnelle braune Fuchs springt über den faulen Hund, und das ist nicht alles.",
    "Le renard brun rapide saute par-dessus le chien paresseux et les autres.",
    "short", "", "1234567890 !!! ???", "Arizona Cardinals Atlanta Falcons Baltimore Ravens Buffalo Bills",
    "Москва Moscow Москва Moscow Москва Moscow Москва Moscow Москва Moscow",
]


def test_language_guess_is_unchanged(articles, pages):
    texts = articles + pages + OTHER_SCRIPTS + [t[:25] for t in articles[:20]]
    for t in texts:
        assert lang.detect(t) == before.detect(t), t[:80]
    assert {lang.detect(t) for t in OTHER_SCRIPTS} >= {"zh", "ja", "ru", "ar", "el", "de", "fr", "und"}


def test_gopher_repetition_is_unchanged(articles, pages):
    texts = articles + pages + _repetitive(articles) + ["", "word", "a a a a a a a a a a a a"]
    flagged = 0
    for t in texts:
        new, old = gopher_repetition.compute(_ctx(t)), before.gopher_compute(_ctx(t))
        assert new == old, t[:80]
        flagged += new.flagged
    assert flagged >= 10  # the repetitive texts reach the failing branches (evidence of top n-grams)


def test_c4_lines_is_unchanged(articles, pages):
    extra = [
        "Enable javascript to see this page.\nThis site uses cookies, you agree.\nLorem ipsum dolor sit amet.",
        "We wrote java[1]script here, said the editor, and more.\nA second line is here too, yes.",
        "A line with {curly} braces in it, right here.\nAnother normal line of text here.",
    ]
    for t in articles + pages + extra:
        assert c4_lines.compute(_ctx(t)) == before.c4_compute(_ctx(t)), t[:80]
    # a citation mark removed joins "java" and "script": still a javascript line
    assert c4_lines.compute(_ctx(extra[1])).details["dropped_by_rule"]["javascript"] == 1


def test_shared_lowercase_words_are_per_word_lowercase(articles, pages):
    for t in articles + pages + ["ΟΔΟΣ ΣΑΣ Σ σΣ İstanbul Straße ǅemal don't Gould-Davies"]:
        v = TextView(t)
        assert v.words_lower == [w.lower() for w in v.words]


def test_memoised_name_folding_is_the_function(articles):
    name_drift._fold_memo.clear()
    name_drift._key_memo.clear()
    for t in articles[:30]:
        for w in set(re.findall(r"[A-Z][\w'’-]+", t)):
            folded = name_drift._fold(w)
            assert folded == name_drift._fold(w)  # memo hit
            assert name_drift.phonetic_key(folded) == name_drift._phonetic_key(folded)
    long_run = "Abc " * 100
    name_drift._fold(long_run)
    assert long_run not in name_drift._fold_memo  # page-long runs are not kept


def test_readability_counts_match_textstat_on_tricky_text(articles):
    import textstat

    tricky = [
        "'Tis the rock'n'roll era, don't you think? 'Quoted' words and ’curly’ ones. He'll go; they've gone.",
        "İstanbul ÇAĞRI Straße naïve café coöperate — résumé. ΟΔΟΣ. Ünïcödé wörds here! And a few more words.",
        "e.g. i.e. U.S. 3.5 percent... Wait?! Yes!!! No. A. B. C. Really, truly, surely long sentences here.",
    ]
    for t in tricky + [a[:600] for a in articles[:40]]:
        assert readability.gunning_fog(t) == textstat.gunning_fog(t), t[:60]
        assert readability.flesch(t) == (textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t)), t[:60]
        assert readability.count_syllables(t, "en_US") == _textstat_syllables(t)


def _textstat_syllables(t: str) -> int:
    from textstat.backend.counts._count_syllables import count_syllables

    return count_syllables(t, "en_US")


def test_signals_do_not_depend_on_the_memos_being_warm(articles):
    """The per-word memos hold pure results: a cold run and a warm run give the same signals."""
    texts = articles[:15]
    readability._word_memo.clear()
    readability._syllable_memo.clear()
    name_drift._fold_memo.clear()
    cold = [(readability.compute(_ctx(t)), name_drift.compute(_ctx(t))) for t in texts]
    warm = [(readability.compute(_ctx(t)), name_drift.compute(_ctx(t))) for t in texts]
    assert cold == warm
    assert all(dataclasses.is_dataclass(r) for pair in cold for r in pair)


# Round two: spin's layer-1 scans.  Real texts, plus the
# same articles with the things these scans look for put in at word boundaries and
# inside words (where the faster patterns must refuse what the look-behinds refused).
SPIN_BITS = [
    "{great|good|fine} {hardware}", "x{great|good}", "“We won,” Smith mentioned.", "unmentioned",
    "as stated earlier", "Rahmat stated on Monday", "restated that", "the 2 international locations",
    "for 3 causes", ",4 dogs", "x5 cats", "$6 bills", "9 years", "of 7 states", "unsaid says told-you",
    "Resaid", "foretold", "said_ it", "_said", "2 2 cats", "these 8 mentioned games",
]


def _salted(texts: list[str], bits: list[str]) -> list[str]:
    out = []
    for i, t in enumerate(texts):
        words = t.split(" ")
        for j, b in enumerate(bits):
            k = (7 * i + 13 * j) % max(1, len(words))
            words[k] = (words[k] + " " + b) if (i + j) % 2 else (b + words[k])  # at a boundary, or glued on
        out.append(" ".join(words))
    return out


def test_spin_measure_is_unchanged(articles, pages):
    tables = default_tables()
    texts = articles + pages + _salted(articles[:60], SPIN_BITS) + [" ".join(SPIN_BITS), "", "2 cats"]
    kinds: set[str] = set()
    for t in texts:
        # the oracle predates the language-model evidence (issue 20): compare without it
        new = spin_measure(t, TextView(t), tables, lm=False)
        new.values.pop("lm_better_per_1k")
        new.counts.pop("lm_better")
        assert new == before.spin_measure(t, TextView(t), tables), t[:80]
        kinds |= {f.kind for f in new.findings}
    assert kinds >= {"spintax", "said", "digit", "pair", "word"}  # every layer-1 branch reached


def test_pyphen_count_is_pyphens_count(articles):
    """readability's own hyphenation-point count against pyphen's ``positions`` (a fresh
    ``Pyphen``, so neither reads the other's memo) on CMU words and every article word."""
    import pyphen
    from textstat.backend.utils._get_cmudict import get_cmudict
    from textstat.backend.utils._get_pyphen import get_pyphen

    ours, ref = get_pyphen("en_US"), pyphen.Pyphen(lang="en_US", cache=False)
    words = sorted(get_cmudict("en_US"))[::7] + [w for t in articles for w in t.split()]
    words += ["İstanbul", "STRASSE", "ǅemal", "naïve", "co-op", "'tis", "", "a", "ab", "x" * 60]
    counts = [readability.pyphen_count(ours, w) for w in words]
    assert counts == [len(ref.positions(w)) for w in words]
    assert sum(counts) > len(words) // 2  # words with hyphenation points are among them


def test_find_dates_memo_gives_fresh_equal_answers(articles, pages):
    from credscore import dateparse

    texts = [t[:3000] for t in articles[:40]] + [p[:3000] for p in pages[:20]]
    for t in texts:
        for gran in ("year", "month", "day"):
            dateparse._find_dates_memo.cache_clear()
            cold = dateparse.find_dates(t, min_granularity=gran)
            warm = dateparse.find_dates(t, min_granularity=gran)
            assert warm == cold and warm is not cold
            warm.append(None)  # a caller's list is its own: the memo is untouched
            assert dateparse.find_dates(t, min_granularity=gran) == cold
    assert sum(len(dateparse.find_dates(t)) for t in texts) > len(texts)  # dates were found
    assert dateparse._find_dates_memo.cache_info().currsize <= dateparse._MEMO_SIZE


def test_short_sentence_rule_matches_textstat(articles, pages):
    """Sentences of <= 2 words once punctuation is removed do not count (textstat's rule);
    readability decides it from the tokens' word characters: same averages as textstat."""
    import textstat

    odd = [
        "Yes - no. A b c. ' ' ' x y. — – … a b! Hi … there ’ ok? Don't 'em go. _ _ _. 3 . 4 ! ' t ' s. 'tis 've ll!",
        "x \u00b7 \u2022 y. a\u00a0b\u00a0c. A \x1c B \x1c C. « a » b. ‘ a ’ b! ' 'd 're. 你好 世界 !. Ok ok.",
        "One two - three. One - - two. - - - . One two three four. a — b — c. Ünï ünï. ΟΔΟΣ ΣΑΣ ..",
    ]
    for t in odd + [p[:3000] for p in pages[:40]] + [a[:1500] for a in articles[40:80]]:
        assert readability.gunning_fog(t) == textstat.gunning_fog(t), t[:60]
        assert readability.flesch(t) == (textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t)), t[:60]
