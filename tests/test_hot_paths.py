"""The fast paths of the signals give exactly what the plain regex scans give.

Each fast path (an anchor prefilter, a set look-up over the shared words) must never
miss a match of the scan it replaces: checked on real articles and pages and on
strings built to trip it (case-folding characters, hyphens, underscores, digits).
"""

from __future__ import annotations

import pytest

from credscore.signals import attribution

from . import _data as data

TRICKY = [
    "Smith notes that prices rose. She notes it too; HE NOTES nothing. The notes were lost.",
    "The researchers note, the EXPERTS SAY, lawmakers warn and organisers conclude.",
    "well-said, _said, 5said, said_, according to him, ACCORDING TO her, according  to",
    "Foot-notes, Lecture notes, Smith-Jones notes, O'Neil notes, McDonald notes, Anne notes",
    # case-folding oddities: IGNORECASE matches them with an ASCII letter, lower() does not
    "ſaid the man; Kelvin: acKnowledged; İnsisted; claımed; ſhe notes",
    "She said “a disaster” and «non» and „ja“ — he wrote: \"we will see\".",
    "", "said", "notes", " notes", "X notes",
]


def _texts():
    return list(TRICKY) + list(data.articles(150)) + list(data.wcxb_text_pages(40))


def test_attribution_anchors_find_every_match():
    texts = _texts()
    assert len(texts) > len(TRICKY) or not data.articles(1)
    for t in texts:
        want = [m.span() for m in attribution._ATTR_RE.finditer(t)]
        assert [m.span() for m in attribution._ATTR.finditer(t)] == want, t[:200]
    if not data.articles(1):
        pytest.skip("shared data absent: only the built cases were checked")


MISSPELT = [
    "Realy, the analysiss was Futher from the paiment. Smith's realy-good idea; don't realy' ",
    "Teh recieve-side of the goverment's plan_b: seperate, 2seperate, seperate2, @seperate, #teh",
    "Drukker said the Drukker plan. In the study, Drukker and Laurens wrote. Laurens notes.",
    "e.g. occured.seperate http://recieve.com/seperate seperate/teh x-recieve recieve-x",
    "Accomodate İstanbul ſeperate Kelvin recieve’s goverment’ teh’s", "", "A",
]


def test_misspellings_from_shared_words_match_the_scan():
    from credscore.signals import misspellings
    from credscore.text import TextView

    texts = MISSPELT + list(data.articles(150)) + list(data.wcxb_text_pages(40))
    found = 0
    for t in texts:
        want = misspellings.find_misspellings(t)
        assert misspellings.find_misspellings(t, TextView(t)) == want, t[:200]
        found += len(want)
    assert found > 5


def test_sourcing_watched_words_hold_no_digit():
    # compute() counts words with a digit apart from the watched words: they must not overlap
    from credscore.signals import sourcing

    assert not any(c.isdigit() for w in sourcing._WATCHED for c in w)


def _reference_logit(m, text: str) -> tuple[float, list[tuple[str, float]]]:
    """The wording logit on Python floats, term by term (the code before numpy)."""
    import heapq
    import math
    from collections import Counter

    from credscore.wording import tokens

    words = [t[0] for t in tokens(text)]
    grams = Counter(words)
    grams.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    vals = {m.vocab[g]: (1.0 + math.log(c)) * m.idf[m.vocab[g]] for g, c in grams.items() if g in m.vocab}
    if not vals:
        return m.intercept, []
    norm = math.sqrt(math.fsum(v * v for v in vals.values()))
    parts = {i: m.coef[i] * v / norm for i, v in vals.items()}
    inv = {i: t for t, i in m.vocab.items()}
    top = heapq.nsmallest(8, parts, key=lambda i: (-abs(parts[i]), i))
    return m.intercept + math.fsum(parts.values()), [(inv[i], parts[i]) for i in top]


def test_wording_logit_is_bit_for_bit_the_python_float_sums():
    from credscore.signals import wording

    m = wording.model()
    texts = TRICKY + list(data.articles(120))
    for t in texts:
        z, ev = m.logit(t, top=8)
        rz, rev = _reference_logit(m, t)
        assert z == rz and [(e.term, e.weight) for e in ev] == rev, t[:200]


def test_c4_policy_prefilter_is_the_regex():
    from credscore.signals import c4_lines

    import re

    # the regex is the alternation of these plain substrings (escapes undone)
    alts = [re.sub(r"\\(.)", r"\1", p) for p in c4_lines._ANY_RE.pattern.split("|")]
    assert alts == list(c4_lines._ANY_SUBSTRINGS) and all(a.isascii() for a in alts)
    cases = ["We use Cookies here", "JAVAſCRIPT", "javaſcript", "Privacy Policy", "TERMS OF USE", "Lorem  ipsum",
             "reuse cookies", "İ uses cookies", "nothing", ""]
    for t in cases + list(data.articles(100)) + list(data.wcxb_text_pages(40)):
        assert c4_lines._any_substring(t) == (c4_lines._ANY_RE.search(t) is not None), t[:100]


class _Everything:
    def __contains__(self, _: object) -> bool:
        return True


def test_wording_tokens_phrase_prefilter(monkeypatch):
    # the word-pair prefilter of phrase starts only drops words where no phrase starts:
    # with it switched off (every first word tried), the tokens are the same
    from credscore import wording

    texts = [
        "The New York Times and the Guardian's report; CNN's anchor. Follow us on Twitter. The the new",
        "Reuters reported. Fox News said. the", "Associated Press", "",
    ] + list(data.articles(120))
    got = [wording.tokens(t) for t in texts]
    monkeypatch.setattr(wording, "_PHRASE_SINGLES", _Everything())
    monkeypatch.setattr(wording, "_PHRASE_PAIRS", _Everything())
    assert [wording.tokens(t) for t in texts] == got
    assert any(tok[0] == "_pub_" for toks in got for tok in toks)
