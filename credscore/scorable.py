"""Whether a document can be scored at all.

The score model was trained on English news and web articles.  A number for a
page with no article text, a placeholder or a language the model never saw would
be the model's intercept dressed up as a verdict (``analyze("Hello world.")``
used to score 68, "medium").  :func:`unscored_reason` says why such a document
gets no score; :func:`credscore.analyze` then leaves ``score`` as ``None`` and
still computes every signal.

The reasons, checked in this order:

``"no_article"``
    nothing left after chrome removal (a page that is all navigation, a
    JavaScript-only page whose HTML holds no text).
``"placeholder"``
    filler text ("Lorem ipsum dolor sit amet …"): it is not in any language,
    and the stop-word guess of :mod:`credscore.lang` reads it as Portuguese.
``"language:<code>"``
    the detected language is not one the model was trained on.  ``"und"``
    (undetermined: fewer than 20 letters, or text with almost no stop words
    such as a product grid or a schedule) is *not* a language reason: the
    length rule decides it, as callers already treat ``"und"`` as "maybe
    English".
``"too_short"``
    fewer than :data:`MIN_ARTICLE_WORDS` words of article text.
"""

from __future__ import annotations

import re

from .text import WORD_RE as _WORD  # the shared tokenisation's words, so counts agree with TextView

#: Fewer words of cleaned article text than this and the document is unscored
#: (``"too_short"``).  Measured on the score's grouped out-of-fold predictions: documents
#: of 60–80 words rank at chance (AUC 0.50, n = 33), 80–120 words at 0.80 (n = 275).
#: The shipped model file carries its own value (``min_words``), which wins.
MIN_ARTICLE_WORDS = 80

#: Languages the shipped score model was trained on.
MODEL_LANGUAGES: tuple[str, ...] = ("en",)

REASONS = ("no_article", "placeholder", "language:<code>", "too_short")

_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
#: Words typical of the "Lorem ipsum" filler; a text that is mostly these is filler.
_LOREM_WORDS = frozenset(
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris "
    "nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse "
    "cillum eu fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui "
    "officia deserunt mollit anim id est laborum".split()
)


def word_count(text: str) -> int:
    """Words (runs of letters/digits, with inner apostrophes or hyphens) in ``text``."""
    return sum(1 for _ in _WORD.finditer(text))


def _is_placeholder(text: str) -> bool:
    head = text[:5000]
    if not _LOREM.search(head):
        return False
    words = [w.lower() for w in _WORD.findall(head)]
    return bool(words) and sum(w in _LOREM_WORDS for w in words) >= 0.5 * len(words)



def unscored_reason(text: str, language: str, languages: tuple[str, ...] = MODEL_LANGUAGES,
                    min_words: int = MIN_ARTICLE_WORDS, n_words: int | None = None) -> str | None:
    """Why the cleaned article ``text`` in ``language`` cannot be scored, or ``None``.

    ``languages`` are the model's languages; ``"und"`` passes this check and is
    left to the length rule (see the module docstring).  ``n_words`` is
    ``word_count(text)`` where the caller has it (``TextView.n_words``: the same words).
    """
    if not text.strip():
        return "no_article"
    if _is_placeholder(text):
        return "placeholder"
    if language != "und" and language not in languages:
        return f"language:{language}"
    if (word_count(text) if n_words is None else n_words) < min_words:
        return "too_short"
    return None


def describe(reason: str, min_words: int | None = None) -> str:
    """A few words for a reader: ``describe("too_short")`` → ``"too short: under 80 words of
    article text"``.

    ``min_words`` is the length rule of the model that judged the document; by default the
    shipped model's (its file's ``min_words``, which is what :func:`credscore.analyze` used).
    """
    if reason == "no_article":
        return "no article text left after chrome removal"
    if reason == "placeholder":
        return "placeholder text (lorem ipsum)"
    if reason == "too_short":
        n = _shipped_min_words() if min_words is None else min_words
        return f"too short: under {n} words of article text"
    if reason.startswith("language:"):
        return f"language {reason.split(':', 1)[1]!r}: the model reads English only"
    return reason


def _shipped_min_words() -> int:
    """The shipped score model's ``min_words`` (:data:`MIN_ARTICLE_WORDS` if it cannot be read)."""
    from .errors import ModelError
    from .score import load_model  # not at import time: score.py need not load for this module

    try:
        return int(getattr(load_model(), "min_words", MIN_ARTICLE_WORDS))
    except ModelError:
        return MIN_ARTICLE_WORDS
