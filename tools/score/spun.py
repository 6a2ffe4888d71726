"""Synthetic spun copies of reliable articles: the only examples of spun text the score sees.

The corpora hold no spun text, so without them a spun wire copy reads as the wire story it
copies (seed 000).  Training augmentation only: every reported metric is on real documents.
"""

from __future__ import annotations

import random
import re
from typing import Sequence

from tools.data.cred import Row

from . import SEED

# A simple news spinner's synonym swaps.
_SPIN_MAP = {
    "Associated Press": "Related Press",
    "natural gas": "pure fuel",
    "Cold War": "Chilly Warfare",
    "International Criminal Court": "Worldwide Felony Court docket",
    "Communist Party": "Communist Social gathering",
    "Secretary-General": "Secretary-Normal",
    "Security Council": "Safety Council",
    "countries": "international locations",
    "technology": "know-how",
    "war crimes": "struggle crimes",
    "White House": "White Home",
    "Supreme Court": "Supreme Court docket",
    "House of Representatives": "Home of Representatives",
    "Foreign Minister": "Overseas Minister",
    "climate change": "local weather change",
    "said": "mentioned",
    "says": "mentions",
    "including": "together with",
    "during": "throughout",
    "in the field of": "within the discipline of",
    "international": "worldwide",
    "offered": "supplied",
}
_SPIN_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(_SPIN_MAP, key=len, reverse=True)) + r")\b")


def spin(text: str) -> str:
    """A crude article spinner: the synonym swaps that mark spun copies of wire stories."""
    return _SPIN_RE.sub(lambda m: _SPIN_MAP[m.group()], text)


def _wordnet_spinner():
    """The spin signal's own WordNet spinner (``tools/spinners.py``, from the spin work), or ``None``.

    It needs WordNet from ``../shared``; where that or the module is missing the
    augmentation uses the phrase spinner alone.
    """
    try:
        from tools import spinners  # noqa: PLC0415 - optional: needs WordNet from ../shared

        spinners.spin_wordnet("The government said on Monday that the report was accurate.", 0.5,
                              random.Random(0))
        return spinners.spin_wordnet
    except Exception:  # noqa: BLE001 - any failure means: not available here
        return None


DEFAULT_SPINNERS = ("phrase", "wordnet")


def spun_copies(rows: Sequence[Row], n: int = 300, seed: int = SEED,
                spinners: Sequence[str] = DEFAULT_SPINNERS) -> list[Row]:
    """Spun copies of ``n`` reliable BuzzFeed-Webis/FakeNewsNet articles, labelled 0.

    Two spinners: the phrase spinner above (:func:`spin`, the swaps seen in spun
    wire copies such as seed 000) for half of the articles, and — where available —
    the WordNet synonym spinner the ``spin`` signal is built against, at a random
    rate of 3–15% of the words, for the other half.  Each copy keeps its source's
    group, so GroupKFold never puts an article and its spun twin on both sides of a
    split.  They are training augmentation only: every reported metric is computed
    on real documents.
    """
    rng = random.Random(seed)
    wordnet = _wordnet_spinner() if "wordnet" in spinners else None
    reliable = [r for r in rows if r.label == 1 and r.corpus in ("bw", "fnn")]
    out = []
    for k, r in enumerate(rng.sample(reliable, min(n, len(reliable)))):
        rate = rng.uniform(0.03, 0.15)
        if wordnet is not None and k % 2:
            s = wordnet(r.text, rate, random.Random(f"{seed}:{k}"))[0]
        else:
            s = spin(r.text)
        if s != r.text:
            out.append(Row(s, 0, r.group, "spun", r.subset, r.domain, real=False, src=r.key()))
    return out
