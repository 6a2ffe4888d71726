"""The ``spin`` signal on real text: the spun seed, the clean seeds, unseen clean news
from ``../shared`` (skipped when absent), and an unseen article put through a spinner."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credscore.signals import spin
from credscore.signals.base import Context
from credscore.spin import FEATURES, default_model, default_tables, measure
from credscore.spin.tables import trie_regex

from .conftest import SHARED, seed_path

ORIGINALS = {
    "Related Press": "Associated Press",
    "pure fuel": "natural gas",
    "Chilly Warfare": "Cold War",
    "Worldwide Felony Court docket": "International Criminal Court",
    "Communist Social gathering": "Communist Party",
    "Secretary-Normal": "Secretary-General",
    "mentioned": "said",
}


def _signal(text: str):
    return spin.compute(Context.from_text(text))


def _aeb_articles() -> list[str]:
    """Scrapinghub AEB gold article bodies: news that the tables and model never saw."""
    p = SHARED / "data" / "boilerplate" / "scrapinghub-aeb" / "ground-truth.json"
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    out = []
    for _, rec in sorted(json.loads(p.read_text(encoding="utf-8")).items()):
        body = rec.get("articleBody") or ""
        words = re.findall(r"[a-z]+", body.lower())
        # English articles of some length (AEB has a few pages in other languages)
        if len(words) >= 200 and sum(w in {"the", "and", "of", "to"} for w in words) / len(words) > 0.08:
            out.append(body)
    return out


def test_seed_000_flagged_with_originals_named():
    text = seed_path("000").read_text(encoding="utf-8")
    s = _signal(text)
    assert s.flagged and 0.9 <= s.value <= 1.0
    assert len(s.evidence) >= 10
    ev = [(text[e.start:e.end], e.note) for e in s.evidence]
    for spun, orig in ORIGINALS.items():
        assert any(t == spun and f"'{orig}'" in note for t, note in ev), f"no evidence {spun!r} -> {orig!r}"
    # "mentioned" for "said" is caught throughout, not once
    assert sum(t == "mentioned" for t, _ in ev) >= 8
    assert s.details["counts"]["spintax"] == 1  # "{hardware}"


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_clean_seeds_not_flagged(prefix):
    s = _signal(seed_path(prefix).read_text(encoding="utf-8"))
    assert not s.flagged, (prefix, s.value, s.details)
    assert not any(e.note.startswith("spun: '") and "→" in e.note and "Press" in e.note for e in s.evidence)


def test_evidence_spans_quote_the_text():
    text = seed_path("000").read_text(encoding="utf-8")
    for e in _signal(text).evidence:
        quoted = re.search(r"'([^']*)' →", e.note).group(1)
        assert text[e.start:e.end] == quoted


def test_unseen_clean_news_rarely_flagged():
    arts = _aeb_articles()[:60]
    assert len(arts) >= 40
    flagged = [a[:80] for a in arts if _signal(a).flagged]
    assert len(flagged) <= 1, flagged


def _spin_with_tables(text: str, every: int = 3) -> str:
    """Replace every ``every``-th word that has a known spun form (reversing the
    shipped ``originals`` table: "energy" -> "vitality")."""
    forward: dict[str, str] = {}
    for spun_word, origs in default_tables().originals.items():
        for o in origs:
            forward.setdefault(o, spun_word)
    k = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal k
        w = m.group()
        if w.islower() and w in forward:
            k += 1
            if k % every == 0:
                return forward[w]
        return w

    return re.sub(r"[A-Za-z]+", sub, text)


def test_spun_unseen_article_flagged_with_originals():
    arts = _aeb_articles()
    hits = 0
    for a in arts[:12]:
        spun_text = _spin_with_tables(a)
        s = _signal(spun_text)
        hits += s.flagged
        assert s.value >= _signal(a).value
    assert hits >= 10, hits
    s = _signal(_spin_with_tables(arts[0]))
    assert any(e.note.startswith("spun? '") for e in s.evidence)


def test_spintax_residue():
    text = seed_path("002").read_text(encoding="utf-8")
    base = measure(text, Context.from_text(text).view, default_tables())
    spun = text.replace(" the ", " {the|a|this} ", 3)
    m = measure(spun, Context.from_text(spun).view, default_tables())
    assert m.counts["spintax"] == base.counts["spintax"] + 3
    assert any(f.kind == "spintax" and f.original == "the" for f in m.findings)
    # code and templates are not spintax
    code = text + " .x {display: none} {0} {{name}}"
    assert measure(code, Context.from_text(code).view, default_tables()).counts["spintax"] == base.counts["spintax"]


def test_model_file_matches_features():
    m = default_model()
    assert m.raw["features"] == list(FEATURES)
    assert 0.5 <= m.threshold < 1.0
    assert len(m.members) == 5


@settings(max_examples=60, deadline=None)
@given(st.sets(st.text(alphabet="abc -", min_size=1, max_size=6), min_size=1, max_size=12))
def test_trie_regex_matches_exactly_the_phrases(phrases):
    rx = re.compile(trie_regex(sorted(phrases)))
    for p in phrases:
        assert rx.fullmatch(p)
    for extra in ("", "abcx", "-a-", "cab", "aa", "ba c"):
        assert bool(rx.fullmatch(extra)) == (extra in phrases)



_HEAD = b'{"format": ["credscore-spin-tables", 1], "sections": [["common", "text", 100]]}\n'


@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b"{not json\n"), gzip.compress(b"[]\n"),
                                     gzip.compress(b'{"format": ["other", 1], "sections": []}\n'),
                                     gzip.compress(_HEAD + b"abc"), gzip.compress(_HEAD + b"x" * 100)[:-8]])
def test_a_broken_spin_tables_file_is_a_model_error(tmp_path, content):
    """Missing, truncated, corrupt or not packed tables: ModelError like every other model file,
    never a bare OSError, zlib.error, EOFError or ValueError."""
    from credscore.errors import ModelError
    from credscore.spin.tables import load

    p = tmp_path / "tables.bin.gz"
    p.write_bytes(content)
    with pytest.raises(ModelError, match="spin tables"):
        load(p)
    with pytest.raises(ModelError, match="spin tables"):
        load(tmp_path / "missing.bin.gz")

def test_rare_word_out_of_place_named_with_a_commoner_synonym():
    """A rarer synonym from any WordNet sense, put where the reference never sees it,
    counts as ``thesaurus_odd`` or ``lm_better`` and is reported with the commoner word as the original."""
    text = _aeb_articles()[1]
    tables = default_tables()
    base = measure(text, Context.from_text(text).view, tables)
    # reverse the synonym table: a common word -> a rarer word that lists it as commoner
    rarer: dict[str, str] = {}
    for w, commoner in tables.synonyms.items():
        for c in commoner[:1]:
            if tables.logfreq.get(c, 0) - tables.logfreq.get(w, 0) >= 3:
                rarer.setdefault(c, w)
    swapped = []

    def sub(m: re.Match[str]) -> str:
        w = m.group()
        if w in rarer and len(swapped) < 15:
            swapped.append((rarer[w], w))
            return rarer[w]
        return w

    spun_text = re.sub(r"\b[a-z]{4,}\b", sub, text)
    assert len(swapped) >= 10
    m = measure(spun_text, Context.from_text(spun_text).view, tables)
    # caught as out of place (no adjacent pair known) or by the language model (the
    # commoner word fits its neighbours better in general English)
    def caught(x):
        return x.counts["thesaurus_odd"] + x.counts["lm_better"]

    assert caught(m) >= caught(base) + 5, (m.counts, base.counts)
    named = {(f.spun, f.original) for f in m.findings if f.kind == "word"}
    assert len(named & set(swapped)) >= 3, (named, swapped)


def test_general_frequencies_come_from_a_broad_list():
    lf = default_tables().logfreq
    # half-decades per billion words: "the" is about 5% of English, "said" about 1 in 2,000
    assert 15 <= lf["the"] <= 16.5
    assert 12 <= lf["said"] <= 14 and lf["said"] > lf["stated"] + 2
    assert lf.get("twelvemonth", 0) < 6  # a spinner's word: under once per million
    assert len(lf) >= 30000


# -- no false alarms on good writing (issue 20) --------------------------------------
BRITISH = (
    "The council prioritised the new programme after a year in which the centre travelled far from "
    "its original purpose. Its organisation, which analysed the colour of local politics with some "
    "humour, was criticised for its defence of the licence fees, and the committee apologised. "
    "Residents realised that the theatre would be modernised, and the neighbourhood was reorganised "
    "around it; by the autumn the catalogue of grievances had been summarised in a dialogue between "
    "the mayor and the labour unions, who favoured a fairer levelling of rates across the whole borough."
)
FITNESS = (
    "Hold a pair of dumbbells at your sides and squat until your thighs are parallel to the floor. "
    "Keep your chest up and drive through your heels as you stand. Do three sets of ten squats, resting "
    "a minute between sets, then finish with lunges and a plank. Beginners can squat without weights "
    "first; the dumbbells add load once the movement feels easy and your knees track over your toes. "
    "Around the world people struggle to find time for exercise, but twenty minutes is enough."
)


def _all_findings(text: str):
    return measure(text, Context.from_text(text).view, default_tables()).findings


def test_british_spellings_are_never_spun():
    # no finding anywhere (even unshown) names the American spelling of a British word
    for f in _all_findings(BRITISH):
        a, b = f.spun.lower(), f.original.lower()
        assert a.replace("is", "iz").replace("our", "or") != b.replace("is", "iz").replace("our", "or"), f
    assert not _signal(BRITISH).flagged
    t = default_tables()
    assert "prioritized" not in t.synonyms.get("prioritised", ())
    assert "prioritised" not in t.originals and "colour" not in t.originals


def test_no_slang_or_vulgar_originals_and_no_verb_read_as_a_noun():
    vulgar = {"shit", "boobs", "boob", "crap", "tits", "ass"}
    t = default_tables()
    for table in (t.synonyms, t.originals):
        for w, cands in table.items():
            assert not (set(cands) & vulgar), (w, cands)
    notes = [f.note for f in _all_findings(FITNESS)]
    assert not any(v in n for n in notes for v in ("'boobs'", "'shit'", "'world war'")), notes
    assert not _signal(FITNESS).flagged


def test_names_and_titles_are_not_lexicon_entries():
    lex = default_tables().lexicon
    for phrase in ("Yale College", "Economic Considerations", "world struggle"):
        assert phrase not in lex
    # the spinner's own renderings stay
    for phrase in ("Chilly Warfare", "pure fuel", "Communist Social gathering"):
        assert phrase in lex


def test_statistical_spans_only_in_flagged_text():
    for prefix in ("001", "002", "003", "004"):
        s = _signal(seed_path(prefix).read_text(encoding="utf-8"))
        if not s.flagged:
            assert not any(e.note.startswith("spun? ") for e in s.evidence), prefix
