"""C4's line rules (Raffel et al. 2020, section 2.2), as numbers.

Definitions and defaults are those of datatrove's ``C4QualityFilter``
(``src/datatrove/pipeline/filters/c4_filters.py``, read at commit
f42332190d5fa3ecfe4603d12e72354543f8a5e5), which follows the reference
``tensorflow_datasets/text/c4_utils.py``.  Each line (stripped) is checked in this
order, and the first rule that fires decides:

1. a "word" (whitespace-separated) longer than 1,000 characters: line dropped;
2. Wikipedia-style citations (``[1]``, ``[edit]``, ``[citation needed]``) are removed,
   then a line that does not end in ``.`` ``?`` ``!`` ``"`` ``'`` — or that ends in
   ``...`` — is dropped (note: the curly ``”`` and ``’`` do not count, as in C4);
3. a line of fewer than 3 words is dropped;
4. "lorem ipsum" anywhere in a surviving line drops the whole page;
5. a line mentioning "javascript" is dropped;
6. a curly bracket ``{`` in a surviving line drops the whole page;
7. a line with "terms of use", "privacy policy", "cookie policy", "uses cookies",
   "use of cookies" or "use cookies" is dropped;

and the page is dropped if the kept lines hold fewer than 5 sentences.  (C4's
bad-words rule is not part of this signal.)  Blank lines are not lines here
(:attr:`TextView.stripped_line_spans`); sentences in kept lines are counted by
terminal punctuation followed by a space, where datatrove uses NLTK's punkt.

``value`` is the share of (non-blank) lines that C4 would drop; ``flagged`` is C4's
page-level drop (lorem ipsum, a curly bracket, or fewer than 5 sentences kept);
``details`` gives the count per rule.  Evidence: what fired rules 4–7 (the words
"lorem ipsum", "javascript", the policy phrase, the bracketed stretch "{hardware}");
lines dropped only for their punctuation are counted, not listed, since every
headline and caption is one.
"""

from __future__ import annotations

import re

from ..types import Signal, Span
from ._lexicon import capped, folds_like_ascii, ratio
from .base import Context, Feature

NAME = "c4_lines"
ENGLISH_ONLY = False

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "share of lines C4's rules would drop"),
    Feature("kept_char_share", +1, "share of characters C4 keeps"),
)

CITATION_RE = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
END_PUNCTUATION = (".", "?", "!", '"', "'")
ELLIPSIS = "..."
POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
# Substrings, not words, as in C4 ("reuse cookies" matches too).
POLICY_RE = re.compile("|".join(map(re.escape, POLICY_SUBSTRINGS)), re.IGNORECASE)
JAVASCRIPT_RE = re.compile("javascript", re.IGNORECASE)
LOREM_RE = re.compile(r"lorem ipsum", re.IGNORECASE)
#: Any of the three: plain substrings, so a text without a match has no line with one
#: (a line with a citation mark removed is checked on its own: the removal joins text).
_ANY_RE = re.compile("|".join(p.pattern for p in (LOREM_RE, JAVASCRIPT_RE, POLICY_RE)), re.IGNORECASE)
_ANY_SUBSTRINGS = ("lorem ipsum", "javascript", *POLICY_SUBSTRINGS)


def _any_substring(text: str) -> bool:
    """``_ANY_RE.search(text) is not None``: substring searches in the lower-cased text
    (0.27 ms → 0.02 ms per 5 KB article), the regex where lower() does not fold as it does."""
    if not folds_like_ascii(text):
        return _ANY_RE.search(text) is not None
    low = text.lower()
    return any(s in low for s in _ANY_SUBSTRINGS)
# Sentence boundaries inside one line: terminal punctuation, closers, then a space and more text.
# Evidence for rule 6: the bracketed stretch ("{hardware}", spinner syntax) or the bracket.
CURLY_RE = re.compile(r"\{[^{}\n]{0,60}\}|\{")
INNER_SENT_RE = re.compile(r"[.!?…][\"”’)\]]*\s+(?=\S)")

MIN_NUM_SENTENCES = 5
MIN_WORDS_PER_LINE = 3
MAX_WORD_LENGTH = 1000

REASONS = ("too_long_word", "no_terminal_punct", "too_few_words", "javascript", "policy")


def _at(pattern: re.Pattern[str], text: str, a: int, b: int, note: str) -> Span:
    """The match of ``pattern`` in the line ``text[a:b]`` (the whole line if none)."""
    m = pattern.search(text, a, b)
    return Span(m.start(), m.end(), note=note) if m else Span(a, b, note=note)


def compute(ctx: Context) -> Signal:
    text = ctx.text
    view = ctx.view
    spans = view.stripped_line_spans
    lines = view.stripped_lines
    counts = dict.fromkeys(REASONS, 0)
    evidence: list[Span] = []
    doc_drop: str | None = None
    n_sentences = 0
    kept_chars = 0

    in_text = _any_substring(text)
    for (a, b), line in zip(spans, lines):
        words = line.split()
        if words and max(map(len, words)) > MAX_WORD_LENGTH:
            counts["too_long_word"] += 1
            continue
        check = in_text
        if "[" in line:
            line = CITATION_RE.sub("", line)
            check = True
        if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
            counts["no_terminal_punct"] += 1
            continue
        if len(words) < MIN_WORDS_PER_LINE:
            counts["too_few_words"] += 1
            continue
        if check and LOREM_RE.search(line):
            evidence.append(_at(LOREM_RE, text, a, b, "lorem ipsum"))
            doc_drop = doc_drop or "lorem_ipsum"
        if check and JAVASCRIPT_RE.search(line):
            counts["javascript"] += 1
            evidence.append(_at(JAVASCRIPT_RE, text, a, b, "line mentions javascript: C4 drops the line"))
            continue
        if "{" in line:
            evidence.append(_at(CURLY_RE, text, a, b, "curly bracket: C4 drops the page"))
            doc_drop = doc_drop or "curly_bracket"
        if check and POLICY_RE.search(line):
            counts["policy"] += 1
            evidence.append(_at(POLICY_RE, text, a, b, "cookie / policy line: C4 drops the line"))
            continue
        n_sentences += 1 + len(INNER_SENT_RE.findall(line))
        kept_chars += b - a

    if doc_drop is None and n_sentences < MIN_NUM_SENTENCES:
        doc_drop = "too_few_sentences"
    n_lines = len(lines)
    n_dropped = sum(counts.values())

    return Signal(
        name=NAME,
        value=ratio(n_dropped, n_lines),
        flagged=doc_drop is not None,
        evidence=capped(evidence),
        details={
            "n_lines": n_lines,
            "dropped_lines": n_dropped,
            "dropped_by_rule": counts,
            "kept_sentences": n_sentences,
            "kept_char_share": round(ratio(kept_chars, sum(b - a for a, b in spans)), 4),
            "page_drop_reason": doc_drop,
            "thresholds": {
                "min_num_sentences": MIN_NUM_SENTENCES,
                "min_words_per_line": MIN_WORDS_PER_LINE,
                "max_word_length": MAX_WORD_LENGTH,
            },
        },
    )
