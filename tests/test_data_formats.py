"""Compact data formats (issue 21): each packed table answers exactly as the form it replaced.

The spin tables ship packed (``credscore/spin/data/tables.bin.gz``, read without
parsing JSON); the builder's JSON stays in ``tools/spin_tables.json.gz``.
Nothing is timed here: ``benchmarks/throughput.py cold`` measures.
"""

from __future__ import annotations

import gc
import gzip
import json
from pathlib import Path

import pytest

from credscore.spin import tables as spin_tables

ROOT = Path(__file__).resolve().parents[1]
SPIN_JSON = ROOT / "tools" / "spin_tables.json.gz"


@pytest.fixture(scope="module")
def spin_raw() -> dict:
    return json.loads(gzip.decompress(SPIN_JSON.read_bytes()))


def test_packed_spin_tables_are_the_json_tables(spin_raw):
    """Every key of every table, its value and the order, as ``Tables(json)`` builds them."""
    old = spin_tables.Tables(spin_raw)
    new = spin_tables.default_tables()
    for name in ("common", "n_common", "common_index", "pairs_once", "pairs_more", "originals", "synonyms",
                 "lexicon", "logfreq"):
        a, b = getattr(old, name), getattr(new, name)
        assert type(a) is type(b), name
        assert a == b, name
        if isinstance(a, dict):
            assert list(a) == list(b), name
    assert all(type(v) is tuple for v in new.originals.values())
    assert all(type(v) is tuple for v in new.synonyms.values())
    assert old.lexicon_re.phrases == new.lexicon_re.phrases
    assert len(new.pairs_once) == len(spin_raw["pairs_once"]) and len(new.pairs_more) == len(spin_raw["pairs_more"])
    # the pair ids are the JSON's, and out of the garbage collector's sight (see tables._undelta)
    from itertools import accumulate

    assert new.pairs_more.keys() == set(accumulate(spin_raw["pairs_more"]))
    assert not gc.is_tracked(new.pairs_once) and not gc.is_tracked(new.pairs_more)


def test_shipped_pack_is_the_json_packed(spin_raw):
    """``credscore/spin/data/tables.bin.gz`` is ``pack()`` of the JSON (``build_spin_tables.py --pack``)."""
    shipped = spin_tables.load_packed()
    assert shipped == spin_tables.pack(spin_raw)


def test_pack_round_trip_and_refusals():
    raw = {"version": 1, "common": ["a", "b"], "pairs_once": [1, 2], "pairs_more": [0],
           "originals": {"x": ["a", "b"]}, "synonyms": {}, "lexicon": {"new york": "New York", "Foo": "Bar"}}
    t = spin_tables.Tables.from_packed(spin_tables.pack(raw))
    assert t.pairs_once.keys() == {1, 3} and t.pairs_more.keys() == {0} and t.originals == {"x": ("a", "b")}
    assert t.synonyms == {} and t.lexicon == spin_tables.Tables(raw).lexicon
    assert [m.group() for m in t.lexicon_re.finditer("New york, Foo; new york.")] == ["New york", "Foo", "new york"]
    for bad in ({"originals": {"x": ["a\tb"]}}, {"common": ["a\nb"]}, {"pairs_once": [-1]}):
        with pytest.raises(ValueError):
            spin_tables.pack({**raw, **bad})
    with pytest.raises(ValueError):
        spin_tables.Tables.from_packed(b'{"format":["other",1],"sections":[]}\n')


def test_hyphenation_patterns_are_pyphens():
    """readability's reading of pyphen's dictionaries gives pyphen's own patterns, in order, on every one."""
    pyphen = pytest.importorskip("pyphen")
    from credscore.signals import readability

    for path in sorted(set(pyphen.LANGUAGES.values())):
        ref = pyphen.HyphDict(path).patterns
        ours = readability.parse_patterns(path)
        assert list(ours) == list(ref), path.name
        for k, (offset, values) in ref.items():
            assert ours[k][0] == offset and ours[k][1] == values, (path.name, k)
            assert [type(v) for v in ours[k][1]] == [type(v) for v in values], (path.name, k)


def test_hyphenator_counts_as_pyphen():
    pyphen = pytest.importorskip("pyphen")
    from credscore.signals import readability

    ours, ref = readability.hyphenator("en_US"), pyphen.Pyphen(lang="en_US", cache=False)
    assert (ours.left, ours.right, ours.hd.maxlen) == (ref.left, ref.right, ref.hd.maxlen)
    words = ["hyphenation", "Giang", "Gould-Davies", "selflessness", "ﬂoor", "x", "", "2016", "antidisestablishment"]
    words += sorted(readability.cmu_syllables())[::50]
    assert [readability.pyphen_count(ours, w) for w in words] == [len(ref.positions(w)) for w in words]


def test_hyphenation_patterns_odd_lines(tmp_path):
    """Lines the fast reading leaves to pyphen (NUL, CR, spaces, alternatives, comments) and edge cases."""
    pyphen = pytest.importorskip("pyphen")
    from credscore.signals import readability

    path = tmp_path / "hyph_xx.dic"
    path.write_text("UTF-8\n%c1o2m\n1\na1b\x002c\r\nx1y \n.ab1\nLEFTHYPHENMIN 2\nc1k/k=k,1,1\n\nab3c4\n1a2\n#x1\n",
                    encoding="utf-8")
    ref = pyphen.HyphDict(path).patterns
    ours = readability.parse_patterns(path)
    assert list(ours.items()) == list(ref.items())
    assert [type(v) for v in ours["ck"][1]] == [type(v) for v in ref["ck"][1]]
