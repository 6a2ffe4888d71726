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
