"""Misspellings per 1,000 words, against the English word list of ``pyspellchecker``.

A word counts as misspelt when it is not in the list *and* the list holds a word one
edit away ("realy" → "really", "analysiss" → "analysis", "Futher" → "further",
"paiment" → "payment").  Unknown words with no near neighbour are rare words or
names, not typos, and are not counted; neither are compounds of two known words
("roadmap"), capitalised words inside a sentence or inside a run of capitalised
words anywhere in the text (names: "Nguyen Khac Giang", "Rizwan Rahmat"), words with
digits, or words of fewer than four letters (five when capitalised).

The word list (MIT, derived from OpenSubtitles and SCOWL) ships inside the
``pyspellchecker`` wheel: nothing is downloaded.  ``value`` is misspellings per
1,000 words of the cleaned text; chrome that was removed is checked too and
reported in ``details["in_removed"]`` (a site that cannot spell its own donation
box says something), but does not count in ``value``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import per_thousand
from ._wordfreq import english_frequencies, one_edit_known
from ..types import Signal, Span
from .base import Context

NAME = "misspellings"
ENGLISH_ONLY = True

#: Flagged at or above this many misspellings per 1,000 words.
THRESHOLD = 3.0
#: Longer "words" are not checked: no dictionary word is longer, and the edit-distance
#: candidates of a word of length L cost O(L²) (a 1 MB run of letters would never end).
MAX_WORD_LEN = 45

_CANDIDATE_RE = re.compile(r"(?<![\w’'@#/.-])([A-Za-z][a-z]{3,})(?:[’']s)?(?![\w@/]|[’'-]\w|\.\w)")
_SENT_START_RE = re.compile(r"(?:^|[.!?…:;\"“”(]\s*|\n\s*)$")
_NAME_RUN_RE = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")
#: Removed kinds that are prose (worth spell-checking); icon strings and menus are not.
_PROSE_KINDS = frozenset({"adblock", "donation", "newsletter", "privacy", "comment_prompt", "author_promo"})


def _known() -> dict[str, int]:
    """The word list (a dict: membership tests are set look-ups)."""
    return english_frequencies()


@lru_cache(maxsize=20000)
def _suggest(word: str) -> str | None:
    """The likeliest correction of an unknown word, or None if nothing is near."""
    known = _known()
    if any(word[:i] in known and word[i:] in known for i in range(3, len(word) - 2)):
        return None  # a compound of two known words ("roadmap"), not a typo
    cands = one_edit_known(word)
    if not cands:
        return None
    return max(cands, key=lambda w: (known.get(w, 0), w))


def find_misspellings(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, word, suggestion)`` for each likely misspelling in ``text``."""
    known = _known()
    names: set[str] | None = None
    out = []
    for m in _CANDIDATE_RE.finditer(text):
        word = m.group(1)
        if len(word) > MAX_WORD_LEN:
            continue
        low = word.lower()
        if low in known:
            continue
        if word[0].isupper():
            # Capitalised: only a candidate at the start of a sentence, and never a name
            if len(word) < 5 or not _SENT_START_RE.search(text[max(0, m.start() - 3):m.start()]):
                continue
            if names is None:
                names = {w for run in _NAME_RUN_RE.findall(text) for w in run.split()}
            if word in names:
                continue
        sugg = _suggest(low)
        if sugg and sugg != low:
            out.append((m.start(1), m.end(1), word, sugg))
    return out


def compute(ctx: Context) -> Signal:
    found = find_misspellings(ctx.text)
    n = ctx.view.n_words
    rate = per_thousand(len(found), n)
    in_removed = []
    for b in ctx.removed:
        if b.kind not in _PROSE_KINDS:
            continue
        for a, z, w, s in find_misspellings(b.text):
            in_removed.append({"word": w, "suggestion": s, "start": b.start + a, "end": b.start + z, "kind": b.kind})
    evidence = [Span(a, z, f"{w} → {s}?") for a, z, w, s in found]
    return Signal(
        NAME,
        rate,
        rate >= THRESHOLD and len(found) >= 2,
        evidence,
        {"count": len(found), "words": [w for _, _, w, _ in found], "in_removed": in_removed},
    )
