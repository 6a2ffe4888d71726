"""Writing signals that respect real writing (issue #23, item 7)."""

from __future__ import annotations

import gzip

import pytest

import credscore
from credscore.signals import attribution, misspellings, sourcing
from credscore.signals.base import Context
from tests.conftest import require_data

BRITISH = ("She realised the marvellous characterisation of the colour was organised by the centre's "
           "defence team, who analysed the travelling programme; the paediatric ward's favourite "
           "catalogue was recognisably grey, and the jewellery licence was apologised for.")


def _words(text: str) -> list[str]:
    return [w for _, _, w, _ in misspellings.find_misspellings(text)]


def test_british_and_american_spellings_are_both_correct():
    assert _words(BRITISH) == []
    assert _words(BRITISH.replace("realised", "realized").replace("colour", "color")) == []
    # real typos are still found, British or not
    assert _words("It was realy ready. The goverment analysed the paiment.") == ["realy", "goverment", "paiment"]


def test_names_and_technical_terms_are_not_misspellings():
    text = ("Drukker said the regex failed on the dataset. Laurens agreed. In the study, Drukker and "
            "Laurens argued that the webhook was fine. Onwurah notes the backend was slow.")
    assert _words(text) == []
    # a capitalised sentence start that is neither seen as a name nor followed by a saying verb is checked
    assert _words("Futher work is needed.") == ["Futher"]


def test_sourcing_finds_surnames_before_and_after_saying_verbs():
    text = ("Labour MP Chi Onwurah chairs the committee that questioned the firm on Tuesday. "
            "\"We were not told the truth about this,\" Onwurah said. Kevin Grady worked there for "
            "a decade. \"It was always going to fail in the end,\" Grady said. The company disagreed, "
            "said Laurens. Police said the inquiry continues. He said nothing more. It said Friday that "
            "it would appeal. Onwurah said again that she was not satisfied.")
    s = sourcing.compute(Context.from_text(text))
    notes = {text[e.start:e.end] for e in s.evidence if e.note.startswith("named attribution")}
    assert {"Onwurah said", "Grady said", "said Laurens"} <= notes
    assert s.details["named_attributions"] == 3  # Onwurah once (under "Chi Onwurah"), Grady, Laurens
    assert not any("Police" in n or "Friday" in n or "He said" in n for n in notes)


def test_attribution_finds_present_tense_and_plural_subjects():
    text = ("The researchers note that the effect is small. Smith notes the gap. She writes often. "
            "The experts say it is fine. The notes were lost. Release notes are online.")
    a = attribution.compute(Context.from_text(text))
    found = [text[e.start:e.end] for e in a.evidence if e.note == "attribution"]
    assert found == ["researchers note", "Smith notes", "writes", "experts say"]


def test_title_quotes_are_not_quotations():
    text = ("He watched “The Dark Knight” and “Oppenheimer” twice. “We will see what happens,” she "
            "added. Critics called the plan “a disaster”.")
    a = attribution.compute(Context.from_text(text))
    assert a.details["quotations"] == 2
    s = sourcing.compute(Context.from_text(text + " He read “The Lord of the Rings” again."))
    assert s.details["quotes"] == 1


@pytest.mark.parametrize("page, words", [
    ("4370", {"characterisation", "realised", "marvellous", "revolutionises", "dramatise"}),
    ("4052", {"marvellous", "jewellery", "subsidise", "recognisably", "tech"}),
])
def test_real_british_pages_have_no_false_misspellings(page, words):
    """WCXB dev pages (a Guardian book review, a car review) that reported British spellings."""
    p = require_data("boilerplate", "wcxb-dev", "html", f"{page}.html.gz")
    a = credscore.analyze(gzip.open(p).read())
    assert not words & set(a.signals["misspellings"].details["words"])


def test_real_page_researchers_noted():
    p = require_data("boilerplate", "wcxb-dev", "html", "0307.html.gz")
    a = credscore.analyze(gzip.open(p).read())
    assert any(a.text[e.start:e.end] == "noted" for e in a.signals["attribution"].evidence)
