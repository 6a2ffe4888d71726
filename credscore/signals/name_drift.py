"""Name-spelling drift: one person spelled two ways in the same document.

Machine translation, article spinners and careless rewrites change names on the way:
seeds/000 introduces "Nigel Gould-Davies" and later quotes "Gold Davis", introduces
"Nguyen Khac Giang" and later cites "Jiang".  An edited newsroom text refers back to
a person by exactly the surname it introduced.

How it works, in one pass over the text in reading order:

1. *Name runs*: maximal runs of capitalised words (first letter upper case, not all
   capitals) separated by single spaces.  Leading words that are titles or
   sentence openers ("President", "Chairman", "However", "The") are dropped, as is
   a trailing possessive ("Putin's" -> "Putin").
2. A run of two or more words is a *full name* (given names + surname) unless its
   last word is a common English word ("Street", "Sea", "Party"), read from
   pyspellchecker's frequency list.  Its surname and its last three words are
   registered (a run may hold two names: "Kim Jong Un Nigel Gould-Davies").
3. Every run is first compared with the names registered *before* it.  A drift is
   a run whose letters-only, lower-cased form

   * differs from a registered surname (for runs of one or two words: "Jiang" vs
     "Giang", "Gold Davis" vs "Gould-Davies") or full name (runs of two or more),
   * has the same coarse phonetic key (first letter with j~g, c~k~q, z~s; then the
     consonants, repeats collapsed),
   * is within edit distance 1 (forms of up to 5 letters) or 2 (longer; and at most
     a quarter of the length),
   * is not a prefix of the other (so "Korea"/"Korean" and "Obama"/"Obamas" are not
     drift), does not share the registered name's surname (a run of two or more
     words with the same last word is another person: "Pat"/"Patti Fagan"), is at
     least 4 letters long, is not a name registered earlier (two
     people called Smith and Smyth), and — for a single word — is not in the
     English word list at all (which holds "China", "Moscow", "Biden": a place or
     a famous name near a surname is not drift).

Candidates are found by a dictionary look-up on the phonetic key, so the cost is
linear in the number of capitalised words, and the edit distance is computed only
for the few pairs that share a key.

``value`` is the number of distinct drifted forms; ``flagged`` when there is one or
more; evidence points at each drifted mention, its note naming the earlier form.
"""

from __future__ import annotations

import re
import unicodedata

from ..types import Signal, Span
from ._lexicon import capped
from ._wordfreq import in_wordlist, is_common_word
from .base import Context, Feature

NAME = "name_drift"
ENGLISH_ONLY = True

# What the score model may read (see base.Feature): key ("" = value), direction, meaning.
FEATURES = (
    Feature("", -1, "distinct drifted spellings of one person's name"),
    Feature("drifted", -1, "drifted name forms"),
)

# Words dropped from the start of a capitalised run: titles, roles, sentence openers.
LEADING_NON_NAMES = frozenset(
    """
    a an the this that these those there then thus however but and or so yet also still meanwhile
    in on at of for from with by to as after before during since when while where if although though
    he she it we they his her its our their my your i you
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime minister premier chancellor secretary general chairman chairwoman chair
    ambassador envoy chief deputy former late senator sen representative rep congressman congresswoman
    governor gov mayor judge justice king queen prince princess emperor pope sheikh
    captain capt colonel col lieutenant lt major maj sergeant sgt admiral commander officer
    spokesman spokeswoman spokesperson director analyst professor author reporter editor correspondent
    coach manager founder ceo chief executive leader party foreign defense defence interior finance
    state national communist democratic republican russian vietnamese chinese american british
    french german korean north south east west new said says told according
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """.split()
)

WORD_CHARS_RE = re.compile(r"[^a-z]")
VOWELS_RE = re.compile(r"[aeiouyhw]")
REPEAT_RE = re.compile(r"(.)\1+")
FIRST_LETTER = {"j": "g", "q": "k", "c": "k", "z": "s"}

MIN_LEN = 4


#: Per-string memos of :func:`_fold` and :func:`phonetic_key` (pure functions: a name
#: recurs within a document and the frequent ones across documents); each dropped past
#: this many entries, so that they stay under a megabyte however many names stream by.
MEMO_LIMIT = 4_000
MEMO_MAX_LEN = 64  # longer strings (a page-long run of capitalised words) are not kept
_fold_memo: dict[str, str] = {}
_key_memo: dict[str, str] = {}


def _fold(s: str) -> str:
    """Lower-case ASCII letters only: "Gould-Davies" -> "goulddavies"."""
    r = _fold_memo.get(s)
    if r is None:
        if len(_fold_memo) > MEMO_LIMIT:
            _fold_memo.clear()
        folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
        r = WORD_CHARS_RE.sub("", folded)
        if len(s) <= MEMO_MAX_LEN:
            _fold_memo[s] = r
    return r


def phonetic_key(folded: str) -> str:
    """A coarse sound key: "giang" and "jiang" -> "gng"; "goulddavies" and "golddavis" -> "gldvs"."""
    r = _key_memo.get(folded)
    if r is None:
        if len(_key_memo) > MEMO_LIMIT:
            _key_memo.clear()
        r = _phonetic_key(folded)
        if len(folded) <= MEMO_MAX_LEN:
            _key_memo[folded] = r
    return r


def _phonetic_key(folded: str) -> str:
    if not folded:
        return ""
    s = folded.replace("ph", "f")
    first = FIRST_LETTER.get(s[0], s[0])
    rest = VOWELS_RE.sub("", s[1:]).replace("c", "k").replace("q", "k").replace("z", "s")
    return REPEAT_RE.sub(r"\1", first + rest)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _non_name(word: str) -> bool:
    """A title or opener ("President", "However", "Secretary-General")."""
    w = word.lower()
    return w in LEADING_NON_NAMES or w.split("-", 1)[0] in LEADING_NON_NAMES


_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][^\W_]*(?:['’\-][^\W_]+)*"
# Capitalised words (as credscore.text.WORD_RE cuts words) joined by single spaces.
RUN_RE = re.compile(rf"(?<![\w'’\-]){_CAP_WORD}(?: {_CAP_WORD})*")


def _runs(ctx: Context) -> list[tuple[int, int, list[str]]]:
    """Capitalised runs as (start, end, words), leading non-names dropped.

    One regex pass finds the runs; an all-capitals word ("NATO", "AP", "A") is not a
    name word and splits a run.
    """
    runs: list[tuple[int, int, list[str]]] = []
    for m in RUN_RE.finditer(ctx.text):
        pos = m.start()
        cur: list[tuple[int, str]] = []
        for tok in m.group().split(" ") + [""]:
            if tok and not tok.isupper():
                cur.append((pos, tok))
            elif cur:
                while cur and _non_name(cur[0][1]):
                    cur.pop(0)
                if cur:
                    toks = [t for _, t in cur]
                    last = toks[-1]
                    if last.endswith(("'s", "’s")):
                        toks[-1] = last[:-2]
                    runs.append((cur[0][0], cur[-1][0] + len(toks[-1]), toks))
                cur = []
            pos += len(tok) + 1
    return runs


def compute(ctx: Context) -> Signal:
    # phonetic key -> {folded form: display form}; a dict, so a name mentioned fifty times
    # is one entry and each comparison stays within a handful of distinct forms
    surnames: dict[str, dict[str, str]] = {}
    fullnames: dict[str, dict[str, str]] = {}
    known: set[str] = set()
    drifted: dict[str, Span] = {}

    for start, end, toks in _runs(ctx):
        folded = _fold("".join(toks))
        n = len(toks)
        if (
            len(folded) >= MIN_LEN
            and folded not in known
            and folded not in drifted
            and not (n == 1 and in_wordlist(folded))
        ):
            key = phonetic_key(folded)
            pools: list[dict[str, str]] = []
            if n <= 2:
                pools.append(surnames.get(key, {}))
            if n >= 2:
                pools.append(fullnames.get(key, {}))
            limit = 1 if len(folded) <= 5 else min(2, len(folded) // 4)
            last = _fold(toks[-1])
            for pool in pools:
                hit = next(
                    (
                        disp
                        for form, disp in pool.items()
                        if not form.startswith(folded)
                        and not folded.startswith(form)
                        # same surname, other given name: another person ("Pat"/"Patti
                        # Fagan", "Northeast"/"Northwest Ithaca"), not a respelling
                        and not (n >= 2 and _fold(disp.rsplit(" ", 1)[-1]) == last)
                        and edit_distance(folded, form, limit) <= limit
                    ),
                    None,
                )
                if hit:
                    drifted[folded] = Span(start, end, note=f"{' '.join(toks)!r} vs earlier {hit!r}")
                    break
        if n >= 2 and not is_common_word(toks[-1].lower()):
            sur = _fold(toks[-1])
            # "Kim Jong Un Nigel Gould-Davies" is two names in one run: keep the last ones.
            display = " ".join(toks[-2:] if n > 3 else toks)
            toks = toks[-3:]
            folded = _fold("".join(toks))
            if len(sur) >= MIN_LEN:
                surnames.setdefault(phonetic_key(sur), {}).setdefault(sur, display)
                known.add(sur)
            fullnames.setdefault(phonetic_key(folded), {}).setdefault(folded, display)
            known.add(folded)

    evidence = list(drifted.values())
    return Signal(
        name=NAME,
        value=float(len(drifted)),
        flagged=bool(drifted),
        evidence=capped(evidence),
        details={
            "drifted": len(drifted),
            "pairs": [s.note for s in evidence],
            "names_seen": len(known),
        },
    )
