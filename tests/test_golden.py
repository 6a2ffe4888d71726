"""credscore's outputs on a fixed set of real documents have not moved.

``tests/golden/`` stores, per document (5 seeds; AEB and WCXB dev pages, BuzzFeed-Webis
articles read from ``../shared/data``), the cleaned text's hash, the chrome kinds
removed and every signal's value, verdict, evidence and details (hashed where they
quote the page); and per derived text (repeated paragraphs, salted spin markers,
other scripts) what the language guess, gopher_repetition, c4_lines and spin's
measure return.  The score model is trained on these values: a change here is a
change to what it reads.

Floats compare with a relative tolerance of 1e-9 (``_golden.REL_TOL``), so that a
harmless reordering of a sum passes and any real change fails.  After an intended
change: ``python -m tools.regen_golden`` rewrites the files and prints what moved;
commit them with the change and say why in the message.
"""

from __future__ import annotations

import pytest

from . import _golden as G

_DOCS = G.load("documents")


@pytest.fixture(scope="module")
def inputs() -> dict:
    return dict(G.documents())


def _check(kind: str, key: str, expected: dict, actual: dict) -> None:
    if actual["input_sha"] != expected["input_sha"]:
        pytest.fail(f"{key}: the input itself changed ({kind}); rerun tools/regen_golden.py if intended")
    moved = G.diff(expected, actual)
    assert not moved, f"{key}: {len(moved)} golden values moved:\n" + "\n".join(moved[:30]) + G.environment_note()


@pytest.mark.parametrize("key", sorted(_DOCS))
def test_document_outputs_are_golden(key, inputs):
    if key not in inputs:
        pytest.skip(f"shared data not available for {key}")
    _check("document", key, _DOCS[key], G.document_record(inputs[key]))


def test_the_golden_set_covers_what_it_should():
    """Seeds, AEB, WCXB and BuzzFeed pages, HTML and plain text; chrome of many kinds
    removed; pages with a publication date; nearly every signal flagged somewhere.
    (The documents are English: ``units.json``'s language guesses cover other scripts.)"""
    assert {k.split("/")[0] for k in _DOCS} == {"seeds", "aeb", "wcxb", "buzzfeed"} and len(_DOCS) >= 45
    assert {r["content_type"] for r in _DOCS.values()} == {"html", "text"}
    assert len({k for r in _DOCS.values() for k in r["removed"]}) >= 15
    assert sum(r["published"] is not None for r in _DOCS.values()) >= 20
    describing = {"structure", "wording"}  # signals that describe, never flag
    names = set(next(iter(_DOCS.values()))["signals"]) - describing
    flagged = {n for r in _DOCS.values() for n, s in r["signals"].items() if s["flagged"]}
    assert not flagged & describing
    assert len(flagged) >= len(names) - 1, sorted(names - flagged)


@pytest.fixture(scope="module")
def unit_texts() -> dict:
    texts = G.unit_texts()
    if not texts:
        pytest.skip("shared data not available (BuzzFeed-Webis articles, WCXB pages)")
    return texts


@pytest.mark.parametrize("name", sorted(G.UNITS))
def test_unit_scans_are_golden(name, unit_texts):
    expected = G.load("units")[name]
    texts = unit_texts[name]
    assert len(texts) == len(expected)
    actual = G.unit_records(name, texts)
    moved = [f"[{i}] {d}" for i, (e, a) in enumerate(zip(expected, actual)) for d in G.diff(e, a)]
    assert not moved, f"{name}: {len(moved)} golden values moved:\n" + "\n".join(moved[:30]) + G.environment_note()


def test_the_unit_texts_reach_every_branch():
    """The derived texts reach what they were built to reach (kept from the oracle tests
    that these golden values replace)."""
    units = G.load("units")
    assert {out for _, out in units["lang"]} >= {"zh", "ja", "ru", "ar", "el", "de", "fr", "und"}
    assert sum(out["flagged"] for _, out in units["gopher_repetition"]) >= 10  # the failing branches
    kinds = {k for _, out in units["spin_measure"] for k in out["findings"]}
    assert kinds >= {"spintax", "said", "digit", "pair", "word"}  # every layer-1 branch

