"""Issue 6, the quality-signal suite: behaviour on the seeds and on real articles.

Every assertion is about real text: the seeds (run through the whole pipeline, so
chrome is stripped first) and articles of ``../shared/data`` (skipped if absent).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credscore.signals import SIGNAL_MODULES, load_signals
from credscore.signals import (
    c4_lines, filler, gopher_quality, gopher_repetition, name_drift, readability, sensational,
)
from credscore.signals.base import Context
from credscore.text import TextView

from . import _data
from .conftest import require_data

SUITE = (
    "gopher_quality", "gopher_repetition", "c4_lines", "fineweb", "name_drift", "link_residue",
    "splice", "sensational", "sourcing", "filler", "byline",
)
MODULES = {m.NAME: m for m in load_signals(SUITE)}


def ev(a, name):
    """(evidence text, note) pairs of one signal."""
    return [(a.text[s.start:s.end], s.note) for s in a.signals[name].evidence]


@lru_cache(maxsize=1)
def buzzfeed() -> tuple[tuple[str, str, str], ...]:
    path = require_data("cred", "buzzfeed_webis_2016", "articles.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return tuple((r["orientation"], r["portal"], r["text"]) for r in rows if r.get("text"))


def sample(orientation: str, n: int) -> list[str]:
    texts = [t for o, _, t in buzzfeed() if (o == "mainstream") == (orientation == "mainstream")]
    step = max(1, len(texts) // n)
    return texts[::step][:n]


# --- contract ---------------------------------------------------------------------------


def test_suite_registered_once_each():
    for name in SUITE:
        assert SIGNAL_MODULES.count(name) == 1, name
        mod = MODULES[name]
        assert mod.NAME == name and isinstance(mod.ENGLISH_ONLY, bool)


def test_every_seed_gets_every_signal_with_spans_inside_the_text(seed_analyses):
    for key, a in seed_analyses.items():
        for name in SUITE:
            s = a.signals[name]
            assert s.name == name and s.applicable, (key, name)
            assert s.value == s.value and s.value >= 0, (key, name)  # not NaN
            for span in s.evidence:
                assert 0 <= span.start < span.end <= len(a.text), (key, name, span)
                assert a.text[span.start:span.end].strip(), (key, name, span)
            json.dumps(s.to_dict())  # JSON-ready details


# --- seeds/000: name drift, link residue, splice, C4's curly bracket --------------------------


def test_name_drift_seed_000(seed_analyses):
    a = seed_analyses["000"]
    s = a.signals["name_drift"]
    assert s.flagged
    found = dict(ev(a, "name_drift"))
    assert "Gould-Davies" in found["Gold Davis"]
    assert "Giang" in found["Jiang"]
    # "Truong" for party chief Nguyen Phu Trong (the AP original says "party chief Trong")
    assert "Trong" in found["Truong"]
    # the correct back-references are not drift
    assert "Giang" not in found and "Rahmat" not in found and "Parameswaran" not in found


def test_name_drift_quiet_on_clean_seeds(seed_analyses):
    for k in ("001", "002", "003", "004"):
        assert not seed_analyses[k].signals["name_drift"].flagged, k


def test_link_residue_seed_000(seed_analyses):
    a = seed_analyses["000"]
    s = a.signals["link_residue"]
    assert s.flagged and s.details["hits"] >= 4
    spans = a.signals["link_residue"].evidence
    contexts = [a.text[sp.start - 12 : sp.end + 12] for sp in spans]
    assert any("isolation Its struggle" in c for c in contexts), contexts
    assert any("sanctions Due to" in c for c in contexts), contexts
    assert any("reached The settlement" in c for c in contexts), contexts
    assert {a.text[sp.start:sp.end] for sp in spans} <= {"Its", "Due", "The", "A", "It"}


def test_splice_seed_000(seed_analyses):
    a = seed_analyses["000"]
    s = a.signals["splice"]
    assert s.flagged and s.details["ellipsis_splices"] == 1
    texts = [t for t, _ in ev(a, "splice")]
    assert "to… Strengthening" in texts
    assert any(t.endswith("turn into tougher,") for t in texts)  # paragraph cut mid-sentence


def test_c4_curly_bracket_seed_000(seed_analyses):
    # "army {hardware}": spinner syntax left in the text; C4 drops such a page
    a = seed_analyses["000"]
    s = a.signals["c4_lines"]
    assert s.flagged and s.details["page_drop_reason"] == "curly_bracket"
    (text, note), = ev(a, "c4_lines")
    assert text == "{hardware}" and note.startswith("curly bracket")


def test_writing_signals_quiet_on_mainstream_seeds(seed_analyses):
    for k in ("002", "004"):
        for name in ("name_drift", "link_residue", "splice", "sensational", "filler", "gopher_quality",
                     "gopher_repetition"):
            assert not seed_analyses[k].signals[name].flagged, (k, name)


# --- seeds/001: "Breaking News:" and filler ------------------------------------------------


def test_sensational_seed_001(seed_analyses):
    a = seed_analyses["001"]
    s = a.signals["sensational"]
    assert s.flagged and s.details["formulas"] == 1
    assert ("Breaking News:", "clickbait / alarm formula") in ev(a, "sensational")
    for k in ("000", "002", "003", "004"):
        assert not seed_analyses[k].signals["sensational"].flagged, k


def test_filler_seed_001(seed_analyses):
    a = seed_analyses["001"]
    s = a.signals["filler"]
    assert s.flagged
    texts = [t for t, _ in ev(a, "filler")]
    assert "a blend of" in texts and "intricate and extensive" in texts
    assert s.details["distinct"] >= 3


def test_sourcing_counts_named_sources_seed_000(seed_analyses):
    d = seed_analyses["000"].signals["sourcing"].details
    assert d["quotes"] >= 10
    for person in ("Rizwan Rahmat", "Prashanth Parameswaran", "Nguyen Khac Giang"):
        assert person in d["sources"], d["sources"]
    assert not seed_analyses["000"].signals["sourcing"].flagged



def test_sourcing_an_engineer_is_a_named_source():
    """A role in an apposition names the source: "engineer" is one (FakeNewsNet v1,
    PolitiFact_Fake_35, as scraped)."""
    from credscore.signals import sourcing

    text = ("The swimming crew members were then ferociously attacked by a school of killer whales, that "
            "decimated a large number of the crew within moments. \u201cIt was horrific\u201d claims Asuka "
            "Kumara, a mechanical engineer who witnessed the gruesome  scene. \u201cThe water was red with "
            "blood, there were bodies everywhere\u201d he recalls in tears.")
    d = sourcing.compute(Context.from_text(text)).details
    assert "Asuka Kumara" in d["sources"], d["sources"]

def test_byline_and_dateline(seed_analyses):
    a = seed_analyses["000"]
    b = a.signals["byline"]
    assert b.value == 1.0 and not b.flagged
    texts = [t for t, _ in ev(a, "byline")]
    assert "HANOI, Vietnam (AP) —" in texts and "contributed to this report" in texts
    assert seed_analyses["002"].signals["byline"].details["dateline"]  # "HANOI, Vietnam —" (no-break space)
    assert seed_analyses["001"].signals["byline"].flagged  # no author, no dateline


# --- the pipeline anchors: datatrove's definitions ----------------------------------------


def _reference_repetition(text: str) -> dict[str, float]:
    """Gopher repetition written the slow, obvious way (strings), from table A1's wording."""
    words = Context.from_text(text).view.words
    out: dict[str, float] = {}
    for n, _ in gopher_repetition.TOP_N_GRAMS:
        grams = [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
        if grams:
            g, c = Counter(grams).most_common(1)[0]
            out[f"top_{n}_gram"] = len(g) * c / len(text)
    for n, _ in gopher_repetition.DUP_N_GRAMS:
        seen, rep, i = set(), 0, 0
        while i < len(words) - n + 1:
            g = "".join(words[i : i + n])
            if g in seen:
                rep += len(g)
                i += n
            else:
                seen.add(g)
                i += 1
        out[f"duplicated_{n}_n_grams"] = rep / len(text)
    paras = re.split(r"\n{2,}", text.strip())
    seen_p, dup_p, dup_pc = set(), 0, 0
    for p in paras:
        if p in seen_p:
            dup_p += 1
            dup_pc += len(p)
        seen_p.add(p)
    out["dup_para_frac"] = dup_p / len(paras)
    out["dup_para_char_frac"] = dup_pc / len(text)
    return out


def _repetition_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((require_seeds()).glob("*.txt"))]
    # a real article with its paragraphs repeated, as a broken scraper outputs it
    paras = texts[2].split("\n\n")
    texts.append("\n\n".join(paras + paras[3:12] + paras[3:6]))
    return texts


def require_seeds():
    from .conftest import SEEDS

    return SEEDS


def test_gopher_repetition_matches_the_plain_definition():
    for text in _repetition_texts():
        got = gopher_repetition.compute(Context.from_text(text)).details
        for key, want in _reference_repetition(text).items():
            assert got[key] == pytest.approx(want, abs=1e-5), key


_SEED_WORDS = sorted(set(Context.from_text(
    (require_seeds() / next(p.name for p in require_seeds().glob("002_*.txt"))).read_text(encoding="utf-8")
).view.words))[:40]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SEED_WORDS), st.sampled_from([" ", " ", " ", "\n", "\n\n"])),
                min_size=1, max_size=120))
def test_gopher_repetition_fast_path_equals_definition_on_word_salad(pieces):
    # few distinct words (from a real article) -> many repeated n-grams of every size
    text = "".join(w + sep for w, sep in pieces)
    got = gopher_repetition.compute(Context.from_text(text)).details
    for key, want in _reference_repetition(text).items():
        assert got[key] == pytest.approx(want, abs=1e-5), key  # details are rounded to 5 places


def test_gopher_repetition_flags_repeated_paragraphs():
    text = _repetition_texts()[-1]
    s = gopher_repetition.compute(Context.from_text(text))
    assert s.flagged and s.value == 1.0
    assert "dup_para_frac" in s.details["failed"] or "dup_para_char_frac" in s.details["failed"]
    assert any(e.note == "duplicate paragraph" for e in s.evidence)
    assert not gopher_repetition.compute(Context.from_text(_repetition_texts()[2])).flagged


def test_gopher_quality_short_doc_and_stop_words(seed_texts):
    words = seed_texts["002"].split()
    short = " ".join(words[200:230])
    s = gopher_quality.compute(Context.from_text(short))
    assert s.flagged and s.details["failed"] == ["gopher_short_doc"]
    full = gopher_quality.compute(Context.from_text(seed_texts["002"]))
    assert not full.flagged and full.details["stop_words"] > 50
    assert 4.0 < full.details["mean_word_length"] < 6.5


# --- lexicon matcher: the fast path finds what the full regex scan finds --------------------


@pytest.mark.parametrize("mod,matcher", [(filler, filler.MATCHER), (sensational, sensational.FORMULAS_M),
                                         (sensational, sensational.CUES_M)])
def test_phrase_matcher_equals_full_scan(seed_texts, mod, matcher):
    texts = list(seed_texts.values())
    try:
        texts += [t for _, _, t in buzzfeed()][::8]
    except pytest.skip.Exception:
        pass
    for text in texts:
        view = Context.from_text(text).view
        fast = [m.span() for m in matcher.finditer(view)]
        full = [m.span() for m in matcher.regex.finditer(text)]
        assert fast == full


# --- real articles: false positives on mainstream news, contrast with hyper-partisan ---------


def _flag_rate(name: str, texts: list[str]) -> float:
    mod = MODULES[name]
    return sum(mod.compute(Context.from_text(t)).flagged for t in texts) / len(texts)


def test_false_positive_rates_on_mainstream_articles():
    main = sample("mainstream", 300)
    # measured on all 822 mainstream articles: filler 0 %, name_drift 1.6 %, link_residue 1.9 %,
    # sensational 1.2 %, splice 0 %, sourcing 1.7 % (benchmarks/quality_fp.py); slack for the sample
    assert _flag_rate("filler", main) <= 0.01
    assert _flag_rate("name_drift", main) <= 0.04
    assert _flag_rate("link_residue", main) <= 0.04
    assert _flag_rate("sensational", main) <= 0.03
    assert _flag_rate("splice", main) <= 0.01
    assert _flag_rate("sourcing", main) <= 0.04
    assert _flag_rate("gopher_repetition", main) <= 0.02


def test_hyperpartisan_pages_flag_more_often_than_mainstream():
    main = sample("mainstream", 250)
    partisan = sample("partisan", 250)
    for name in ("sensational", "sourcing"):
        assert _flag_rate(name, partisan) > 2 * _flag_rate(name, main), name


def test_name_drift_finds_real_misspellings_in_mainstream():
    # Politico's live pages misspell names; each of these pairs is in the corpus
    found = set()
    for _, portal, t in buzzfeed():
        if portal != "politico":
            continue
        s = name_drift.compute(Context.from_text(t))
        found.update(n.split("'")[1] for n in s.details["pairs"])
    assert {"Guiliani", "Scheiffer", "Kim Guadgano"} <= found


def test_evidence_inside_real_articles():
    for text in sample("mainstream", 60) + sample("partisan", 60):
        ctx = Context.from_text(text)
        for name, mod in MODULES.items():
            for span in mod.compute(ctx).evidence:
                assert 0 <= span.start < span.end <= len(text), name


# --- robustness ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_gives_valid_signals(text):
    ctx = Context.from_text(text)
    for name, mod in MODULES.items():
        s = mod.compute(ctx)
        assert s.value == s.value and s.value >= 0, name
        for span in s.evidence:
            assert 0 <= span.start < span.end <= len(text), name


def test_byline_read_from_html_metadata():
    # Article Extraction Benchmark: real news pages; their <meta name="author"> or JSON-LD
    # author is the byline even when the chrome stripper takes the visible one out.
    import gzip

    import credscore

    pages = sorted(require_data("boilerplate", "scrapinghub-aeb", "html").glob("*.html.gz"))[:12]
    sources = []
    for p in pages:
        s = credscore.analyze(gzip.open(p).read()).signals["byline"]
        if s.applicable:
            sources.append(s.details["byline_source"])
    assert len(sources) >= 8
    assert sources.count("metadata") >= 0.8 * len(sources)


# --- the speed-ups' memos and counts (issue 8), on real text ------------------------------
# (Their equality with the code they replaced is held by tests/test_golden.py.)

@pytest.fixture(scope="module")
def articles() -> list[str]:
    texts = list(_data.articles())
    if not texts:
        pytest.skip("shared data not available: BuzzFeed-Webis articles")
    return texts


@pytest.fixture(scope="module")
def pages() -> list[str]:
    texts = list(_data.wcxb_text_pages())
    if not texts:
        pytest.skip("shared data not available: WCXB pages")
    return texts


def test_shared_lowercase_words_are_per_word_lowercase(articles, pages):
    for t in articles + [p[:20_000] for p in pages] + ["ΟΔΟΣ ΣΑΣ Σ σΣ İstanbul Straße ǅemal don't Gould-Davies"]:
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


def _textstat_syllables(t: str) -> int:
    from textstat.backend.counts._count_syllables import count_syllables

    return count_syllables(t, "en_US")


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


def test_signals_do_not_depend_on_the_memos_being_warm(articles):
    """The per-word memos hold pure results: a cold run and a warm run give the same signals."""
    texts = articles[:15]
    readability._word_memo.clear()
    readability._syllable_memo.clear()
    name_drift._fold_memo.clear()
    cold = [(readability.compute(Context.from_text(t)), name_drift.compute(Context.from_text(t))) for t in texts]
    warm = [(readability.compute(Context.from_text(t)), name_drift.compute(Context.from_text(t))) for t in texts]
    assert cold == warm
    assert all(dataclasses.is_dataclass(r) for pair in cold for r in pair)


def test_a_citation_mark_removed_joins_javascript():
    # "java[1]script": the citation mark removed, still a javascript line
    sig = c4_lines.compute(Context.from_text("We wrote java[1]script here, said the editor, and more.\n"
                                             "A second line is here too, yes."))
    assert sig.details["dropped_by_rule"]["javascript"] == 1
