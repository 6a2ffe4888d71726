"""Label each block as article or a chrome kind, then build the cleaned text.

The rules, in the order they run (each one a small pass over the block list):

1. *markup hints* (HTML): text inside ``nav``/``aside``/``footer``/``form`` goes,
   labelled with that element's kind;
2. *lexicon*: a short block that says what chrome says (:mod:`.lexicon`) goes, with
   that kind;
3. *walls*: a block that opens an ad-block, donation or newsletter wall takes the
   following blocks with it while they keep addressing the reader about it;
4. *symbols*: blocks with no letter or digit (``___``, ``×``) go as ``boilerplate``;
5. *title*: the first headline-shaped block is the title; an exact repeat of it
   later goes as ``repeated_title``; short non-date lines above it are navigation;
6. *tail sweep*: short unpunctuated lines stranded at the end among chrome go;
7. *model* (optional): a learned block classifier may label the remaining blocks
   ``boilerplate`` (see :mod:`credscore.chrome` for how one is plugged in), except
   that a lone paragraph (one or two open blocks, one a sentence) is never removed.
   On plain text the model only runs when the rules found chrome
   (``TEXT_MODEL_MIN_EVIDENCE`` blocks): text with no sign of chrome is taken to be
   clean already.  That is what keeps ``clean`` idempotent without eroding the
   article (:mod:`credscore.chrome.settle`).

Markup hints are evidence, not verdicts: when the blocks left after all the steps
hold fewer than ``max(HINT_GUARD_MIN_WORDS, HINT_GUARD_SHARE x the page's words)``
words and hints removed something, the page is labelled again with the hints
ignored (the article sat inside a ``<form>``, ``<nav>`` or ``<aside>``).

Then inline chrome inside kept blocks (photo credits) is cut out, and known
rendering garble (a drop cap split from its word) is repaired and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..segment import Block, Segmented
from ..types import RemovedBlock, Repair
from . import lexicon

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_HAS_ALNUM_RE = re.compile(r"[^\W_]")
_TERMINAL_RE = re.compile(r"[.!?…:;\"”’)]\s*$")
_DATEISH_RE = re.compile(
    r"^(?:\w+,?\s+)?(?:\d{1,4}[\s./,-]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)?\w*[\s./,-]*\d{1,4}"
    r"(?:[\s./,:-]+\d{1,4})*(?:\s*(?:am|pm|utc|gmt|[+-]\d{2}:?\d{2}))?\s*$|^\s*(?:date|updated|published)\b",
    re.IGNORECASE,
)
#: A date line is short; longer blocks are not tested (the pattern's overlapping
#: ``\s+`` … ``[\s./,-]*`` backtracks quadratically over a long run of spaces).
_DATEISH_MAX_CHARS = 200


def _dateish(text: str) -> bool:
    return len(text) <= _DATEISH_MAX_CHARS and _DATEISH_RE.search(text) is not None

# A drop cap rendered apart from its word: "ht t’s a well-established fact" → "It’s …".
_DROPCAP_RE = re.compile(r"^([a-z]{1,3})\s+([a-z]{1,2}[’'][a-z]{1,2}|[a-z]{1,8})\b")
_DROPCAP_WORDS = frozenset(
    "it’s it's in it the this there that these those on once when as at after for one we our many most "
    "some since while with what why how who".split()
)
_REAL_SHORT = frozenset("a an i is it in on of to as at by or we he me my no so up us do go be if am".split())

#: Plain text: the model runs only when the rules labelled at least this many blocks.
TEXT_MODEL_MIN_EVIDENCE = 5
#: Hint guard: rerun without markup hints when fewer words than this survive ...
HINT_GUARD_MIN_WORDS = 30
#: ... or fewer than this share of the page's words.
HINT_GUARD_SHARE = 0.10

ModelHook = Callable[[Sequence[Block], list[str | None], str], list[str | None]]


def _n_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()  # split() and \s agree on what is a space


@dataclass
class Stripped:
    """The result of chrome removal.

    ``pieces`` maps the cleaned text back to ``source_text``: one
    ``(text_start, text_end, source_start, source_end)`` tuple per kept stretch.
    """

    text: str
    title: str | None
    removed: list[RemovedBlock]
    repairs: list[Repair] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list)


def label_blocks(blocks: Sequence[Block], content_type: str, page: dict | None = None,
                 model: ModelHook | None = None) -> tuple[list[str | None], int | None]:
    """Return one label per block (None = article) and the index of the title block."""
    words = [_n_words(b.text) for b in blocks]
    labels, title_idx = _label_blocks(blocks, content_type, page, model, True, words)
    if any(b.hint for b in blocks):
        kept = sum(w for w, lab in zip(words, labels) if lab is None)
        if kept < max(HINT_GUARD_MIN_WORDS, HINT_GUARD_SHARE * sum(words)):
            labels2, title2 = _label_blocks(blocks, content_type, page, model, False, words)
            if sum(w for w, lab in zip(words, labels2) if lab is None) > kept:
                return labels2, title2
    return labels, title_idx


def _label_blocks(blocks: Sequence[Block], content_type: str, page: dict | None,
                  model: ModelHook | None, hints: bool, words: list[int]) -> tuple[list[str | None], int | None]:
    n = len(blocks)
    labels: list[str | None] = [None] * n

    # 1-2. markup hints and lexicon
    for i, b in enumerate(blocks):
        if b.hint and hints:
            labels[i] = b.hint
            continue
        if not _HAS_ALNUM_RE.search(b.text):
            labels[i] = "boilerplate"
            continue
        if lexicon.is_icon_font(b.text):
            labels[i] = "icon_font"
        elif words[i] <= lexicon.MAX_WORDS:
            kind = lexicon.match_kind(b.text)
            if kind:
                labels[i] = kind

    # 3. walls
    i = 0
    while i < n:
        kind = lexicon.opener_kind(blocks[i].text) if words[i] <= lexicon.MAX_WORDS else None
        if not kind:
            i += 1
            continue
        labels[i] = labels[i] or kind
        j = i + 1
        while j < n:
            t = blocks[j].text
            if labels[j] is not None:
                kind = (lexicon.opener_kind(t) if words[j] <= lexicon.MAX_WORDS else None) or kind
                j += 1
                continue
            if words[j] <= 120 and lexicon.continues_wall(t):
                labels[j] = kind
                j += 1
                continue
            break
        i = j

    # 5. title
    title_idx = _find_title(blocks, labels, words, content_type, page or {})
    if title_idx is not None:
        tnorm = _norm(blocks[title_idx].text)
        for k in range(n):
            if k != title_idx and labels[k] is None and _norm(blocks[k].text) == tnorm:
                labels[k] = "repeated_title"
        if content_type == "text":
            for k in range(title_idx):
                if labels[k] is None and words[k] <= 5 and not _dateish(blocks[k].text):
                    labels[k] = "navigation"

    # 6. tail sweep
    k = n - 1
    while k >= 0:
        if labels[k] is not None:
            k -= 1
            continue
        t = blocks[k].text
        if words[k] <= 4 and not _TERMINAL_RE.search(t) and k != title_idx:
            labels[k] = "boilerplate"
            k -= 1
            continue
        break

    # 7. learned model for what the rules left open.  One exception: when the rules
    # leave one or two blocks and at least one is a sentence ("a paragraph passed on
    # its own"), the model may not remove them all — a lone paragraph is the text.
    if model is not None and content_type == "text" and \
            sum(lab is not None for lab in labels) < TEXT_MODEL_MIN_EVIDENCE:
        model = None  # no sign of chrome: the text is clean already
    if model is not None:
        open_idx = [i for i, lab in enumerate(labels) if lab is None]
        modelled = model(blocks, list(labels), content_type)
        lone_prose = 0 < len(open_idx) <= 2 and any(
            words[i] >= 6 and _TERMINAL_RE.search(blocks[i].text) for i in open_idx)
        if not (lone_prose and all(lab is not None for lab in modelled)):
            labels = modelled
    return labels, title_idx


def _find_title(blocks: Sequence[Block], labels: list[str | None], words: list[int],
                content_type: str, page: dict) -> int | None:
    if content_type == "html":
        for cand in (page.get("h1"), (page.get("meta", {}).get("og:title") or [None])[0], page.get("title")):
            if cand:
                c = _norm(cand)
                for i, b in enumerate(blocks):
                    if labels[i] is None and _norm(b.text) == c:
                        return i
        for i, b in enumerate(blocks):
            if labels[i] is None and b.heading:
                return i
        return None
    for i, b in enumerate(blocks[:40]):
        if labels[i] is not None:
            continue
        t = b.text
        if _dateish(t):
            continue
        if 2 <= words[i] <= 25 and not t.endswith("."):
            return i
        if words[i] > 25:
            return None
    return None


def _dropcap_repair(text: str) -> tuple[int, int, str] | None:
    """``(start, end, replacement)`` within ``text`` if it opens with a split drop cap."""
    m = _DROPCAP_RE.match(text)
    if not m:
        return None
    junk, tail = m.group(1), m.group(2)
    if junk in _REAL_SHORT:
        return None
    for cap in "IATOSWMH":
        cand = cap + tail
        if cand.lower() in _DROPCAP_WORDS:
            return 0, m.end(), cand
    return None


def strip(seg: Segmented, content_type: str, model: ModelHook | None = None) -> Stripped:
    """Remove the chrome from a segmented document; see the module docstring."""
    blocks = seg.blocks
    labels, title_idx = label_blocks(blocks, content_type, seg.page, model)
    removed: list[RemovedBlock] = []
    repairs: list[Repair] = []
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0
    prev_end: int | None = None
    src = seg.source_text
    first_body_done = 0

    for i, b in enumerate(blocks):
        if labels[i] is not None:
            removed.append(RemovedBlock(kind=labels[i] or "boilerplate", text=b.text, start=b.start, end=b.end))
            continue
        # separator: keep the source's paragraph structure (blank line or not)
        if prev_end is not None:
            sep = "\n\n" if (content_type == "html" or "\n\n" in src[prev_end:b.start]) else "\n"
            out.append(sep)
            pos += len(sep)
        prev_end = b.end
        # inline chrome
        cuts = lexicon.inline_cuts(b.text)
        cuts = [c for c in cuts if c[0] > 0]  # never cut a whole block this way
        kept: list[tuple[int, int]] = []
        cur = 0
        for a, z, kind in cuts:
            kept.append((cur, a))
            removed.append(RemovedBlock(kind=kind, text=b.text[a:z], start=b.start + a, end=b.start + z))
            cur = z
        kept.append((cur, len(b.text)))
        # drop-cap repair on the first body paragraphs
        rep = None
        if i != title_idx and first_body_done < 3 and _n_words(b.text) > 15:
            first_body_done += 1
            rep = _dropcap_repair(b.text)
        for a, z in kept:
            if a >= z:
                continue
            if rep is not None and a == 0 and rep[1] <= z:
                ra, rz, repl = rep
                repairs.append(Repair(kind="drop_cap", start=b.start + ra, end=b.start + rz,
                                      original=b.text[ra:rz], replacement=repl))
                out.append(repl)
                pieces.append((pos, pos + len(repl), b.start + ra, b.start + rz))
                pos += len(repl)
                a = rz
                rep = None
            piece = b.text[a:z]
            out.append(piece)
            pieces.append((pos, pos + len(piece), b.start + a, b.start + z))
            pos += len(piece)
    removed.sort(key=lambda r: r.start)
    title = blocks[title_idx].text if title_idx is not None else (seg.page.get("title") or None)
    return Stripped(text="".join(out), title=title, removed=removed, repairs=repairs, labels=labels, pieces=pieces)
