"""Block features for the chrome model, in the spirit of jusText and boilerpipe.

Site chrome and article text differ in ways that survive across sites and languages:
article paragraphs are long, full of stop words ("the", "и", "der", "của"), end in
sentence punctuation and sit next to other such paragraphs, in one container that
holds most of the page's prose; chrome is short, link-heavy, title-cased, repeated,
formulaic ("Read more", "Подписывайтесь"), and sits in ``nav``/``footer``/``.sidebar``.

:func:`text_features` computes what a plain-text line can tell (length, stopword
density in the page's language, punctuation, capitalisation, position, duplicates,
lexicon hits by kind, the same for its neighbours and a window around it);
:func:`html_features` adds what the DOM tells (link density, block tag, ancestor tags,
class/id keywords, the share of the page's good text in the same container).

Both return a ``float64`` matrix, one row per block, columns named by
:data:`TEXT_FEATURES` / :data:`HTML_FEATURES`; the model file stores the names and the
loader checks them, so a model never silently reads the wrong columns.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, Iterable, Sequence

import numpy as np

from ..dates.patterns import BLOCK_DATE_RE
from ..segment import Block
from ..text import automaton
from .lexicon import CUE_KINDS as KINDS
from .lexicon import cue_hits
from .stopwords import STOPWORDS

_WORD_RE = re.compile(r"\w+")
_SENT_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")
_END_PUNCT_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_SEP_RE = re.compile(r"[|»›·•/>]|\s[-–—]\s")
# e-mail part bounded and anchored at a token start: "\S+@\S+" rescanned a long
# token from every position (quadratic on a 1 MB word)
_URL_RE = re.compile(r"https?://|www\.|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.\w{2,24}")
_LANGS = tuple(STOPWORDS)
_KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
_NO_HITS = (0.0,) * len(KINDS)
_LEXICON_MAX_WORDS = 40  # longer blocks are prose; a phrase hit there says little

# --------------------------------------------------------------------------- names
_BASE = [
    "log_chars", "log_words", "mean_word_len", "stop_density", "punct_density", "ends_punct",
    "starts_upper", "title_case_share", "upper_share", "digit_share", "n_sentences", "separators",
    "has_url", "has_date", "rel_pos", "rel_char_pos", "log_dup", "good",
] + [f"lex_{k}" for k in KINDS]
_NEIGH = ["log_words", "stop_density", "ends_punct", "good"]
_OFFSETS = (-2, -1, 1, 2)
_PAGE = ["page_log_blocks", "page_log_words", "page_good_share", "win3_good", "win10_good",
         "win3_log_words", "good_before", "good_after"]

TEXT_FEATURES: tuple[str, ...] = tuple(
    _BASE + [f"{n}@{o:+d}" for o in _OFFSETS for n in _NEIGH] + _PAGE
)

_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre", "blockquote",
               "dd", "dt", "figcaption", "span", "section", "article", "br", "tr", "option", "caption",
               "summary", "label", "body")
_ANC_TAGS = ("nav", "header", "footer", "aside", "form", "article", "main", "li", "table", "figure",
             "blockquote", "pre", "code", "a", "button", "label", "dl", "h1", "h2", "h3", "menu", "section")
_KEYWORDS = ("nav", "menu", "foot", "head", "sidebar", "side", "widget", "comment", "share", "social",
             "related", "breadcrumb", "cookie", "banner", "promo", "subscri", "newsletter", "article",
             "content", "main", "post", "entry", "body", "text", "story", "author", "meta", "tag",
             "caption", "modal", "popup", "copyright", "rating", "review", "reply", "price", "product",
             "card", "title", "date", "byline", "toc", "code", "login", "search", "social", "btn",
             "button", "link", "list", "item", "thread", "message", "answer", "question", "desc",
             "detail", "spec", "faq", "hero", "feature", "section", "recommend", "more", "skip", "logo")
_AD_RE = re.compile(r"(?:^|[\s_.#-])(?:ads?|advert\w*|sponsor\w*|dfp|gpt)(?:$|[\s_.#-])")
_HTML_EXTRA = (
    ["link_density", "depth", "hidden", "class_ad"]
    + [f"tag_{t}" for t in _BLOCK_TAGS]
    + [f"anc_{t}" for t in _ANC_TAGS]
    + [f"kw_{k}" for k in _KEYWORDS]
    + [f"kw2_{k}" for k in _KEYWORDS]
    + ["share_par", "share_gpar", "share_a3", "share_a5", "good_par", "good_gpar", "good_a3", "good_a5",
       "in_main", "below_main", "link_density@-1", "link_density@+1", "win3_link_density",
       "path_log_count", "path_mean_log_words", "path_char_share", "path_mean_link_density"]
)
HTML_FEATURES: tuple[str, ...] = TEXT_FEATURES + tuple(_HTML_EXTRA)


# --------------------------------------------------------------------------- helpers
def guess_language(texts: Sequence[str]) -> str:
    """The language (en, ru, de, fr, es, vi) whose stop words cover most tokens; "en" if none."""
    return _guess_language(_lower_words(t, _WORD_RE.findall(t)) for t in texts)


def _guess_language(lowered: Iterable[list[str]]) -> str:
    """:func:`guess_language` from each block's lower-cased words (read up to 3,000 words)."""
    head: list[str] = []
    for words in lowered:
        head += words
        if len(head) > 3000:
            break
    counts = {lang: sum(map(STOPWORDS[lang].__contains__, head)) for lang in _LANGS}
    if not any(counts.values()):
        return "en"
    # normalise by list size a little: long lists (en, vi) catch more by chance
    best = max(_LANGS, key=lambda lang: counts[lang] / math.log(len(STOPWORDS[lang]) + 10))
    return best


def _lower_words(text: str, words: list[str]) -> list[str]:
    """``_WORD_RE.findall(text.lower())``, from the words already found: the same list
    unless the text holds "İ" (lower-cases to two characters) or "Σ" (lower-cases by
    context); no other character changes length or word-ness when lower-cased."""
    if "\u0130" in text or "\u03a3" in text:
        return _WORD_RE.findall(text.lower())
    return " ".join(words).lower().split(" ") if words else []


_DELETE = {name: bytes(c for c in range(128) if test(chr(c))) for name, test in
           (("alpha", str.isalpha), ("upper", str.isupper), ("digit", str.isdigit))}


def _block_base(text: str, words: list[str], low: list[str], stop: frozenset[str]) -> list[float]:
    """The per-block columns of :data:`_BASE` up to ``has_date``, then ``good``: one word
    list per block, character classes counted in C (``bytes.translate`` on ASCII text,
    ``str.count`` for punctuation), and a regex run only where its characters occur."""
    nw = len(words)
    nc = len(text)
    n_stop = sum(map(stop.__contains__, low))
    if text.isascii():
        b = text.encode("ascii")
        letters = nc - len(b.translate(None, _DELETE["alpha"]))
        uppers = nc - len(b.translate(None, _DELETE["upper"]))
        digits = nc - len(b.translate(None, _DELETE["digit"]))
    else:
        letters = sum(map(str.isalpha, text))
        uppers = sum(map(str.isupper, text))
        digits = sum(map(str.isdigit, text))
    title = sum(map(str.isupper, map(itemgetter(0), words)))
    stop_d = n_stop / nw if nw else 0.0
    dot, comma, semi, colon, excl, quest, ell = map(text.count, ".,;:!?…")
    sent_marks = dot + excl + quest + ell
    ends = 1.0 if (sent_marks or colon or semi) and _END_PUNCT_RE.search(text) else 0.0
    good = 1.0 if (nw >= 10 and stop_d >= 0.2) else 0.0
    row = [
        math.log1p(nc),
        math.log1p(nw),
        (sum(map(len, words)) / nw) if nw else 0.0,
        stop_d,
        (sent_marks + comma + semi + colon) / nc if nc else 0.0,
        ends,
        1.0 if text[:1].isupper() else 0.0,
        title / nw if nw else 0.0,
        uppers / letters if letters else 0.0,
        digits / nc if nc else 0.0,
        float(len(_SENT_END_RE.findall(text))) if sent_marks else 0.0,
        float(len(_SEP_RE.findall(text))),
        1.0 if ("http" in text or "www." in text or "@" in text) and _URL_RE.search(text) else 0.0,
        1.0 if digits and BLOCK_DATE_RE.search(text) else 0.0,  # every date has a digit
    ]
    return row + [good]


def _lexicon_row(text: str, nw: int) -> list[float] | tuple[float, ...]:
    if nw > _LEXICON_MAX_WORDS or not text:
        return _NO_HITS
    return _lexicon_hits(text)


#: Share of a block covered by each kind's cues (cached: menus repeat across pages).
_lexicon_hits = lru_cache(maxsize=50_000)(cue_hits)


def _window_mean(x: np.ndarray, k: int) -> np.ndarray:
    if len(x) == 0:
        return x
    c = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(len(x))
    lo = np.clip(idx - k, 0, len(x))
    hi = np.clip(idx + k + 1, 0, len(x))
    return (c[hi] - c[lo]) / (hi - lo)


# --------------------------------------------------------------------------- public
def text_features(texts: Sequence[str], lang: str | None = None) -> np.ndarray:
    """Feature matrix (rows = blocks, columns = :data:`TEXT_FEATURES`) for block texts."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(TEXT_FEATURES)))
    words = [_WORD_RE.findall(t) for t in texts]  # one word list per block
    lowered = [_lower_words(t, w) for t, w in zip(texts, words)]
    stop = STOPWORDS[lang or _guess_language(lowered)]
    norm = [" ".join(w) for w in lowered]
    dup = Counter(norm)
    lens = np.array([len(t) for t in texts], dtype=float)
    cum = (np.cumsum(lens) - lens).tolist()
    total = float(lens.sum()) or 1.0
    rows = []
    for i, t in enumerate(texts):  # Python lists, one numpy array at the end
        row = _block_base(t, words[i], lowered[i], stop)
        good = row.pop()
        row += (i / n, cum[i] / total, math.log(dup[norm[i]]), good)
        row += _lexicon_row(t, len(words[i]))
        rows.append(row)
    base = np.array(rows, dtype=np.float64)
    col = {name: j for j, name in enumerate(_BASE)}
    neigh_cols = [col[c] for c in _NEIGH]
    neigh = np.zeros((n, len(_OFFSETS) * len(_NEIGH)))
    for oi, o in enumerate(_OFFSETS):
        src = np.arange(n) + o
        ok = (src >= 0) & (src < n)
        block = np.full((n, len(_NEIGH)), -1.0)
        block[ok] = base[src[ok]][:, neigh_cols]
        neigh[:, oi * len(_NEIGH) : (oi + 1) * len(_NEIGH)] = block
    good = base[:, col["good"]]
    lw = base[:, col["log_words"]]
    cg = np.cumsum(good)
    page = np.column_stack(
        [
            np.full(n, math.log1p(n)),
            np.full(n, math.log1p(float(np.expm1(lw).sum()))),
            np.full(n, good.mean()),
            _window_mean(good, 3),
            _window_mean(good, 10),
            _window_mean(lw, 3),
            (cg - good) / max(1.0, cg[-1]),
            (cg[-1] - cg) / max(1.0, cg[-1]),
        ]
    )
    return np.hstack([base, neigh, page])


def _path_row(tag_path: str, tag: str, width: int, tag_idx: dict,
              o_tag: int, o_anc: int, o_kw: int, o_kw2: int) -> np.ndarray:
    """The columns that depend only on (tag path, block tag): computed once per path.

    Class/id keywords and the ad marker are found in the steps' class/id names joined by
    spaces; neither contains a space, so that is the union of what each step's names hold
    (:func:`_step_cols`, cached: pages share most of their steps)."""
    parts = tag_path.split(">")
    ones: list[int] = []  # the one-hot columns, set in one numpy call
    j = tag_idx.get(tag)
    if j is not None:
        ones.append(o_tag + j)
    kws: set[int] = set()
    ad = False
    for p in parts:
        anc, kw, is_ad = _step_cols(p)
        if anc is not None:
            ones.append(o_anc + anc)
        kws.update(kw)
        ad = ad or is_ad
    ones += [o_kw + k for k in kws]
    ones += [o_kw2 + k for p in parts[-2:] for k in _step_cols(p)[1]]  # the two nearest steps
    row = np.zeros(width)
    row[ones] = 1.0
    row[1] = len(parts)
    row[3] = 1.0 if ad else 0.0
    return row


@lru_cache(maxsize=50_000)
def _step_cols(step: str) -> tuple[int | None, tuple[int, ...], bool]:
    """(ancestor-tag column, keyword indices, ad marker) of one ``tag.class#id`` step."""
    t = step.split(".", 1)[0].split("#", 1)[0]
    names = (step.partition(".")[2] or step.partition("#")[2]).lower()
    kw = tuple(sorted(_keywords_in(names))) if names else ()
    return _ANC_IDX.get(t), kw, bool(names) and _AD_RE.search(names) is not None


@lru_cache(maxsize=1)
def _keyword_automaton() -> Any:
    """An Aho-Corasick automaton of :data:`_KEYWORDS` (value: their indices), or None
    without ``pyahocorasick``; built on first use."""
    by_kw: dict[str, tuple[int, ...]] = {}
    for k, kw in enumerate(_KEYWORDS):
        by_kw[kw] = by_kw.get(kw, ()) + (k,)
    return automaton(by_kw.items())


def _keywords_in(attrs: str) -> set[int]:
    """Indices of the keywords that occur in ``attrs`` (one pass instead of 66 scans)."""
    a = _keyword_automaton()
    if a is None:  # pragma: no cover
        return {k for k, kw in enumerate(_KEYWORDS) if kw in attrs}
    found: set[int] = set()
    for _, ks in a.iter(attrs):
        found.update(ks)
    return found


@lru_cache(maxsize=50_000)
def _path_row_cached(tag_path: str, tag: str) -> np.ndarray:
    """:func:`_path_row` with the fixed column layout, cached across pages (read-only rows:
    a site's pages, and many sites, share their paths)."""
    o_tag = 4
    o_anc = o_tag + len(_BLOCK_TAGS)
    o_kw = o_anc + len(_ANC_TAGS)
    o_kw2 = o_kw + len(_KEYWORDS)
    o_share = o_kw2 + len(_KEYWORDS)
    row = _path_row(tag_path, tag, o_share, _TAG_IDX, o_tag, o_anc, o_kw, o_kw2)
    row.flags.writeable = False
    return row


_TAG_IDX = {t: j for j, t in enumerate(_BLOCK_TAGS)}
_ANC_IDX = {t: j for j, t in enumerate(_ANC_TAGS)}


def html_features(blocks: Sequence[Block], lang: str | None = None) -> np.ndarray:
    """Feature matrix (columns = :data:`HTML_FEATURES`) for the blocks of an HTML page.

    Reads ``text``, ``tag``, ``tag_path``, ``link_density``, ``anc`` and ``hidden`` of
    each :class:`~credscore.segment.Block` (as :func:`credscore.segment.segment_html`
    fills them).
    """
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(HTML_FEATURES)))
    tf = text_features([b.text for b in blocks], lang)
    good_col = TEXT_FEATURES.index("good")
    extra = np.zeros((n, len(_HTML_EXTRA)))
    ld = np.array([b.link_density for b in blocks])
    good = tf[:, good_col] * (ld < 0.3)
    lens = np.array([len(b.text) for b in blocks], dtype=float)
    # characters and good characters under each element, from (block, ancestor) pairs
    n_anc = np.fromiter((len(b.anc) for b in blocks), dtype=np.intp, count=n)
    flat = np.fromiter(chain.from_iterable(b.anc for b in blocks), dtype=np.intp, count=int(n_anc.sum()))
    owner = np.repeat(np.arange(n), n_anc)
    ends = np.cumsum(n_anc)
    starts = ends - n_anc
    size = int(flat.max()) + 2 if len(flat) else 1
    chars_a = np.bincount(flat, weights=lens[owner], minlength=size)
    good_a = np.bincount(flat, weights=(lens * good)[owner], minlength=size)
    depth_a = np.zeros(size, dtype=np.intp)
    depth_a[flat] = np.arange(len(flat)) - starts[owner] + 1
    total = float(lens.sum()) or 1.0
    total_good = float((lens * good).sum())
    main = -1
    if total_good > 0:
        cand = np.nonzero(good_a >= 0.6 * total_good)[0]
        if len(cand):
            main = int(cand[np.argmax(depth_a[cand])])
    # ancestors 1, 2, 3 and 5 levels up (the outermost one where the path is shorter)
    share = np.zeros((n, 8))
    has = n_anc > 0
    for k, lvl in enumerate((1, 2, 3, 5)):
        idx = np.where(n_anc >= lvl, ends - lvl, starts)
        a = np.where(has, flat[np.minimum(idx, max(len(flat) - 1, 0))] if len(flat) else -1, -1)
        share[:, k] = np.where(a >= 0, chars_a[a], 0.0) / total
        share[:, 4 + k] = (np.where(a >= 0, good_a[a], 0.0) / total_good) if total_good else 0.0
    in_main = np.zeros(n, dtype=bool)
    if main >= 0:
        in_main[owner[flat == main]] = True
    o_tag = 4
    o_anc = o_tag + len(_BLOCK_TAGS)
    o_kw = o_anc + len(_ANC_TAGS)
    o_kw2 = o_kw + len(_KEYWORDS)
    o_share = o_kw2 + len(_KEYWORDS)
    path_rows = [_path_row_cached(b.tag_path, b.tag) for b in blocks]
    extra[:, :o_share] = np.vstack(path_rows)
    extra[:, 0] = ld
    extra[:, 2] = [1.0 if b.hidden else 0.0 for b in blocks]
    extra[:, o_share : o_share + 8] = share
    extra[:, o_share + 8] = in_main
    extra[:, o_share + 9] = np.where(in_main, n_anc - (depth_a[main] if main >= 0 else 0), -1.0)
    o_n = o_share + 10
    extra[:, o_n] = np.concatenate([[-1.0], ld[:-1]])
    extra[:, o_n + 1] = np.concatenate([ld[1:], [-1.0]])
    extra[:, o_n + 2] = _window_mean(ld, 3)
    # repeated structure: listing cards and menus repeat one tag path; cards carry text
    by_path: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        by_path.setdefault(b.tag_path, []).append(i)
    lw = tf[:, TEXT_FEATURES.index("log_words")]
    singles = [idx[0] for idx in by_path.values() if len(idx) == 1]
    if singles:  # a path of one block: log 1 = 0, and the means are its own values
        extra[singles, o_n + 3] = 0.0
        extra[singles, o_n + 4] = lw[singles]
        extra[singles, o_n + 5] = lens[singles] / total
        extra[singles, o_n + 6] = ld[singles]
    for idx in by_path.values():
        if len(idx) == 1:
            continue
        sel = np.array(idx)
        extra[sel, o_n + 3] = math.log(len(idx))
        extra[sel, o_n + 4] = lw[sel].mean()
        extra[sel, o_n + 5] = lens[sel].sum() / total
        extra[sel, o_n + 6] = ld[sel].mean()
    return np.hstack([tf, extra])


# --------------------------------------------------------------------------- text mode context
# Plain text has no markup, so a line's neighbourhood is most of its evidence: runs of
# short lines are menus, the article is the densest run of sentence-like lines, a line
# between two stretches of prose is prose.  These columns describe that neighbourhood
# at several scales; the text-mode model reads TEXT_FEATURES + these (the HTML model
# does not: its markup already tells it).
_CTX = [
    "win1_good", "win25_good", "win5_stop", "win25_stop", "win5_ends", "win25_ends",
    "win10_log_words", "win3_sent", "win10_sent", "short_run", "sent_run",
    "dist_good_before", "dist_good_after", "good_chars_before", "good_chars_after",
    "dense_offset", "dense_dist", "inside_good_span", "rel_log_chars", "rel_stop",
    "lex_any", "lex_any@-1", "lex_any@+1",
    "starts_lower", "continues", "continued", "para_log_lines", "para_log_words", "para_stop",
    "para_ends", "para_good", "para_share",
]
TEXT_MODE_FEATURES: tuple[str, ...] = TEXT_FEATURES + tuple(_CTX)
_COL = {name: j for j, name in enumerate(TEXT_FEATURES)}


def _run_length(mask: np.ndarray) -> np.ndarray:
    """Length of the run of True values each position sits in (0 where False)."""
    n = len(mask)
    out = np.zeros(n)
    if n == 0:
        return out
    m = mask.astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], m, [0]])))
    for a, b in zip(edges[::2], edges[1::2]):
        out[a:b] = b - a
    return out


def _dist_prev(mask: np.ndarray, n_missing: float) -> np.ndarray:
    """Lines back to the nearest earlier True (``n_missing`` when there is none)."""
    n = len(mask)
    idx = np.arange(n)
    last = np.where(mask, idx, -1)
    last = np.maximum.accumulate(np.concatenate([[-1], last[:-1]])) if n else last
    return np.where(last >= 0, idx - last, n_missing)


def _shift(x: np.ndarray, o: int, fill: float = -1.0) -> np.ndarray:
    out = np.full(len(x), fill)
    if o > 0:
        out[:-o] = x[o:]
    elif o < 0:
        out[-o:] = x[:o]
    else:
        out[:] = x
    return out


_CONT_START_RE = re.compile(r"[^\W\d_]", re.U)
_OPEN_END = frozenset(",(-–—“«„'\"/&+")
_CLOSE_START = frozenset(",.;:!?)]»”’%")


def _continuation(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(starts_lower, continues) per line.

    ``get_text("\n")`` cuts a paragraph at every inline element: "He said", "the
    report", "was wrong." come out as three lines.  A line *continues* the one before
    when it opens in lower case or with closing punctuation, or the line before ends
    open (a comma, an opening quote, a dash).  A short line that opens in upper case (a
    linked name: "told", "Reuters", "on Tuesday ...") starts a pseudo-paragraph of its
    own: bridging it scored no better in domain-grouped cross-validation on the train
    split (out-of-fold macro F1 .7951 with and without; docs/evaluation/2026-12-04-chrome.md).
    """
    n = len(texts)
    low = np.zeros(n)
    cont = np.zeros(n)
    prev_end = ""
    for i, t in enumerate(texts):
        c = t[:1]
        if c.islower():
            low[i] = 1.0
        if i and (c.islower() or c in _CLOSE_START or prev_end in _OPEN_END):
            cont[i] = 1.0
        prev_end = t[-1:]
    return low, cont


def context_columns(base: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """The :data:`_CTX` columns from a :func:`text_features` matrix."""
    n = len(base)
    good = base[:, _COL["good"]]
    stop = base[:, _COL["stop_density"]]
    ends = base[:, _COL["ends_punct"]]
    lw = base[:, _COL["log_words"]]
    lc = base[:, _COL["log_chars"]]
    words = np.expm1(lw)
    chars = np.expm1(lc)
    sent = ends * (words >= 6)
    short = words <= 3
    lex = base[:, [_COL[f"lex_{k}"] for k in KINDS]].sum(axis=1)
    gch = good * chars
    tot_g = float(gch.sum())
    cg = np.cumsum(gch)
    idx = np.arange(n)
    if tot_g > 0:
        dense = _window_mean(gch, 10)
        centre = int(np.argmax(dense))
        g_idx = np.flatnonzero(good)
        inside = ((idx >= g_idx[0]) & (idx <= g_idx[-1])).astype(float)
        good_before = (cg - gch) / tot_g
        good_after = (tot_g - cg) / tot_g
        rel_stop = stop - float(stop[good > 0].mean())
    else:
        centre = 0
        inside = np.zeros(n)
        good_before = good_after = np.zeros(n)
        rel_stop = stop - float(stop.mean())
    gmask = good > 0
    d_before = _dist_prev(gmask, n + 1.0)
    d_after = _dist_prev(gmask[::-1], n + 1.0)[::-1]
    # pseudo-paragraphs: runs of lines joined by continuation
    low, cont = _continuation(texts)
    pid = np.cumsum(cont == 0) - 1
    npar = int(pid[-1]) + 1
    p_lines = np.bincount(pid, minlength=npar).astype(float)
    p_words = np.bincount(pid, weights=words, minlength=npar)
    p_stop = np.bincount(pid, weights=stop * words, minlength=npar) / np.maximum(p_words, 1.0)
    last = np.flatnonzero(np.concatenate([pid[1:] != pid[:-1], [True]]))
    p_ends = ends[last]
    p_good = ((p_words >= 10) & (p_stop >= 0.2)).astype(float)
    p_chars = np.bincount(pid, weights=chars, minlength=npar)
    tot_c = float(chars.sum()) or 1.0
    return np.column_stack([
        _window_mean(good, 1), _window_mean(good, 25),
        _window_mean(stop, 5), _window_mean(stop, 25),
        _window_mean(ends, 5), _window_mean(ends, 25),
        _window_mean(lw, 10),
        _window_mean(sent, 3), _window_mean(sent, 10),
        np.log1p(_run_length(short)), np.log1p(_run_length(sent > 0)),
        np.log1p(d_before), np.log1p(d_after), good_before, good_after,
        (idx - centre) / max(n, 1), np.log1p(np.abs(idx - centre)), inside,
        lc - float(np.median(lc)), rel_stop,
        lex, _shift(lex, -1), _shift(lex, 1),
        low, cont, _shift(cont, 1, 0.0), np.log1p(p_lines[pid]), np.log1p(p_words[pid]), p_stop[pid],
        p_ends[pid], p_good[pid], p_chars[pid] / tot_c,
    ])


def text_mode_features(texts: Sequence[str], lang: str | None = None) -> np.ndarray:
    """:data:`TEXT_MODE_FEATURES` for the lines of a plain-text page."""
    base = text_features(texts, lang)
    if len(base) == 0:
        return np.zeros((0, len(TEXT_MODE_FEATURES)))
    return np.hstack([base, context_columns(base, texts)])
