"""The invariants every :class:`~credscore.Analysis` must satisfy, whatever came in.

Shared by ``test_robustness.py`` (hand-picked bad input) and ``test_properties.py``
(hypothesis-generated input).
"""

from __future__ import annotations

import json

import credscore


def check(a: credscore.Analysis) -> credscore.Analysis:
    """The invariants of every Analysis; returns it for chaining."""
    assert isinstance(a, credscore.Analysis)
    if a.score is None:  # not scorable: a reason, and nothing that looks like a score
        assert not a.scored and a.unscored_reason and a.explanation == [] and a.score_with_source is None
    else:
        assert a.scored and a.unscored_reason is None and 0.0 <= a.score <= 100.0
    for s in a.signals.values():
        for sp in s.evidence:
            assert 0 <= sp.start <= sp.end <= len(a.text), (s.name, sp)
    for b in a.removed:
        assert 0 <= b.start <= b.end <= len(a.source_text)
        assert a.source_text[b.start:b.end] == b.text, b
    for r in a.repairs:
        assert a.source_text[r.start:r.end] == r.original
    repaired = {(r.start, r.end) for r in a.repairs}
    for ts, te, ss, se in a.meta.get("pieces", ()):
        assert 0 <= ts <= te <= len(a.text) and 0 <= ss <= se <= len(a.source_text)
        if (ss, se) not in repaired:
            assert a.text[ts:te] == a.source_text[ss:se]
    json.dumps(a.to_dict(), allow_nan=False)  # valid JSON: no NaN or infinity anywhere
    assert "\x00" not in a.text
    return a
