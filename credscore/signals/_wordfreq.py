"""English word frequencies, loaded once on first use (pyspellchecker's list).

Signals use it to tell a common English word ("Street", "Gold", "Sea") from a rare
one that is likely a name ("Giang", "Gould-Davies").  The list is read straight
from the file inside the ``pyspellchecker`` wheel (:func:`english_frequencies`):
the same dict a ``SpellChecker("en")`` holds, without the letter set, longest
word and total count it derives on construction (0.1 s together); misspellings'
one-edit candidates come from :func:`one_edit_known`.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import string
from collections import Counter
from functools import lru_cache
from typing import Any

#: A lower-cased word at least this frequent in pyspellchecker's English list counts
#: as a common word (about the 9,000 most frequent words).
COMMON_MIN_FREQ = 5000


@lru_cache(maxsize=1)
def speller() -> Any:
    """An English ``SpellChecker`` (cached): the signals read :func:`english_frequencies` and
    :func:`one_edit_known` instead, which give its word list and candidates without building it."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=2)


@lru_cache(maxsize=1)
def english_frequencies() -> dict[str, int]:
    """pyspellchecker's English list, lower-cased, as ``SpellChecker(language="en")`` loads it.

    (Words that differ only in case have their counts summed, as in
    pyspellchecker's ``WordFrequency.load_json``.)
    """
    spec = importlib.util.find_spec("spellchecker")  # the wheel's folder, without importing it
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        return speller().word_frequency.dictionary  # type: ignore[no-any-return]
    path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "en.json.gz")
    with open(path, "rb") as fh:
        raw = gzip.decompress(fh.read())
    text = raw.decode("utf-8")
    data: dict[str, int] = json.loads(text)
    # some key may change when lower-cased (an ASCII file without A-Z cannot: checked on
    # the bytes, ~10x faster than lower-casing 2.7 MB of text)
    if b"\\u" in raw or not (raw.isascii() and raw.lower() == raw) and text.lower() != text:
        lowered = {k.lower(): v for k, v in data.items()}
        if len(lowered) != len(data):
            summed: Counter[str] = Counter()
            for k, v in data.items():
                summed[k.lower()] += v
            lowered = dict(summed)
        data = lowered
    return data


@lru_cache(maxsize=1)
def _letters_and_longest() -> tuple[tuple[str, ...], int]:
    words = english_frequencies()
    return tuple(sorted(set().union(*words))), max(map(len, words), default=0)


def one_edit_known(word: str) -> set[str]:
    """The listed words one edit from ``word``: ``{w for w in SpellChecker("en").edit_distance_1(word) if w in list}``.

    pyspellchecker's edits (a deletion, a swap of adjacent letters, a replacement
    or an insertion of any letter the list uses), with its refusals (a single
    punctuation mark, a number, a word over 3 letters longer than the longest
    listed), each candidate tested against the list as it is made instead of
    collected into a set of ~50 strings per letter first.
    """
    known = english_frequencies()
    letters, longest = _letters_and_longest()
    word = word.lower()
    if (len(word) == 1 and word in string.punctuation) or len(word) > longest + 3:
        return {word} & known.keys()
    if word not in ("nan", "inf", "infinity"):
        try:
            float(word)
            return {word} & known.keys()
        except ValueError:
            pass
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {w for w in [a + b[1:] for a, b in splits if b] if w in known}
    out.update(w for w in [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1] if w in known)
    for a, b in splits:
        if b:
            b1 = b[1:]
            out.update(w for w in [a + c + b1 for c in letters] if w in known)
        out.update(w for w in [a + c + b for c in letters] if w in known)
    return out


def is_common_word(word_lower: str) -> bool:
    """True for frequent English words (case-insensitive look-up by the caller)."""
    return english_frequencies().get(word_lower, 0) >= COMMON_MIN_FREQ


def in_wordlist(word_lower: str) -> bool:
    """True if the word is in the English list at all (it holds many place and person names)."""
    return word_lower in english_frequencies()
