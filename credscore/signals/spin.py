"""Synonym-spun text ("article spinning"), with the likely original named.

A spinner rewrites an article word by word with a thesaurus so that it passes
as new: "Associated Press" → "Related Press", "natural gas" → "pure fuel",
"Cold War" → "Chilly Warfare", "said" → "mentioned".  This signal measures
the damage in two layers (see :mod:`credscore.spin.features`):

1. fingerprints — spintax residue, a generated lexicon of spun news names and
   collocations, "mentioned" where news says "said", digits for number words;
2. statistics per 1,000 words — adjacent common-word pairs that real news never
   uses, pairs that become ordinary once one word is put back to a commoner
   synonym, rare synonyms of common words, rare words out of place that have
   a much commoner synonym (``spun? 'vitality' → 'energy'``).

``value`` is the calibrated probability that the text is spun (a logistic
model over the features, ``models/spin.json``); ``flagged`` when it reaches the
model's threshold.  Every fingerprint, and (in a flagged text) every
out-of-place word, is an evidence span whose note names the likely original
(``spun: 'Related Press' → 'Associated Press'``; ``spun? 'augmented' →
'increased'`` for a statistical finding).  ``details`` holds the features and raw counts.
"""

from __future__ import annotations

from ..spin.features import measure
from ..spin.model import SpinModel, default_model
from ..spin.tables import Tables, default_tables
from ..types import Signal, Span
from .base import Context, Feature

NAME = "spin"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "calibrated probability that the text is synonym-spun"),
)
#: evidence spans kept at most (a long spun page has hundreds)
MAX_EVIDENCE = 200
#: fewer words than this: the statistics say little, so only fingerprints can flag
MIN_WORDS = 60
#: statistical finding kinds shown as evidence (in flagged texts only)
SHOWN_STATISTICAL = frozenset({"word"})


def compute(ctx: Context, tables: Tables | None = None, model: SpinModel | None = None) -> Signal:
    """The signal; ``tables``/``model`` replace the shipped ones (benchmarks cross-fit them)."""
    m = measure(ctx.text, ctx.view, tables or default_tables())
    model = model or default_model()
    value = model.predict(m.vector())
    flagged = value >= model.threshold
    short = m.counts["words"] < MIN_WORDS
    if short:
        fingerprints = m.counts["spintax"] + m.counts["lexicon"] + m.counts["said_spun"]
        flagged = flagged and fingerprints >= 2
    # fingerprints first, then out-of-place rare words, each in text order; the statistical
    # findings ("spun? ...") only when the text is flagged: on good writing each is a guess
    # the verdict does not back, and a reader takes it for an accusation.  Repairable pairs
    # are counted but not shown: on spun articles only about half of them touch a substituted
    # word (AEB tuning sites at 4 %: 0.25-0.58), against 0.76 for words.
    rank = {"pair": 1, "word": 2}
    found = [f for f in m.findings if f.kind not in rank or (flagged and f.kind in SHOWN_STATISTICAL)]
    ordered = sorted(found, key=lambda f: rank.get(f.kind, 0))  # stable: text order kept
    chosen = sorted(ordered[:MAX_EVIDENCE], key=lambda f: f.start)
    evidence = [Span(f.start, f.end, f.note) for f in chosen]
    details = {
        "features": {k: round(v, 4) for k, v in m.values.items()},
        "counts": m.counts,
        "threshold": model.threshold,
        "short_text": short,
    }
    return Signal(NAME, float(value), bool(flagged), evidence, details)
