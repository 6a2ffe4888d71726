"""English word frequencies, loaded once on first use (pyspellchecker's list).

Signals use it to tell a common English word ("Street", "Gold", "Sea") from a rare
one that is likely a name ("Giang", "Gould-Davies").  Loading takes about half a
second, so it happens on the first call, not at import.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: A lower-cased word at least this frequent in pyspellchecker's English list counts
#: as a common word (about the 9,000 most frequent words).
COMMON_MIN_FREQ = 5000


@lru_cache(maxsize=1)
def speller() -> Any:
    """The one English ``SpellChecker`` of the process (shared by every signal)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=2)


def english_frequencies() -> dict[str, int]:
    return speller().word_frequency.dictionary  # type: ignore[no-any-return]


def is_common_word(word_lower: str) -> bool:
    """True for frequent English words (case-insensitive look-up by the caller)."""
    return english_frequencies().get(word_lower, 0) >= COMMON_MIN_FREQ


def in_wordlist(word_lower: str) -> bool:
    """True if the word is in the English list at all (it holds many place and person names)."""
    return word_lower in english_frequencies()
