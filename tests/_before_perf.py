"""The implementations of main before the speed-ups of issue 8, verbatim: test oracles.

``tests/test_perf_equivalence.py`` checks that the faster code gives exactly what
these give on real documents (the score model is trained on the signal values).
Module-level names they read (patterns, thresholds, helpers) are unchanged and are
imported from the current modules.
"""
# ruff: noqa
from __future__ import annotations

from collections import Counter
from itertools import accumulate

from credscore.lang import CJK_WEIGHT, MIN_SHARE, _CYRILLIC, _LATIN, _SCRIPTS, _TOKEN, _WORD_TO_LANGS
from credscore.signals._lexicon import capped, ratio
from credscore.signals.base import Context
from credscore.signals.c4_lines import (
    CITATION_RE, CURLY_RE, ELLIPSIS, END_PUNCTUATION, INNER_SENT_RE, JAVASCRIPT_RE, LOREM_RE,
    MAX_WORD_LENGTH, MIN_NUM_SENTENCES, MIN_WORDS_PER_LINE, POLICY_RE, REASONS, _at,
)
from credscore.signals.gopher_repetition import (
    DUP_LINE_CHAR_FRAC, DUP_LINE_FRAC, DUP_N_GRAMS, DUP_PARA_CHAR_FRAC, DUP_PARA_FRAC, LINE_SEP_RE,
    PARA_SEP_RE, TOP_N_GRAMS, _duplicates, _pieces,
)
from credscore.types import Signal, Span


# --- credscore/lang.py

def detect(text: str, sample: int = 20000) -> str:
    """Guess the main language of ``text`` (first ``sample`` characters)."""
    t = text[:sample]
    latin = len(_LATIN.findall(t))
    cyr = len(_CYRILLIC.findall(t))
    counts = {code: len(rx.findall(t)) for code, rx in _SCRIPTS}
    if latin + cyr + sum(counts.values()) < 20:
        return "und"
    weighted = {code: n * (CJK_WEIGHT if code in ("zh", "ja", "ko") else 1) for code, n in counts.items()}
    best_code = max(weighted, key=lambda c: (weighted[c], c))
    if weighted[best_code] > max(latin, cyr):
        # Kana beside Han means Japanese
        if best_code == "zh" and counts["ja"] > 0.1 * counts["zh"]:
            return "ja"
        return best_code
    tokens = _TOKEN.findall(t.lower())
    votes: Counter[str] = Counter()
    for w in tokens:
        for lang in _WORD_TO_LANGS.get(w, ()):
            votes[lang] += 1
    if cyr > latin:
        return "ru" if votes["ru"] or not votes else votes.most_common(1)[0][0]
    if not votes:
        return "und"
    best, n = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "en", kv[0]))
    if n < MIN_SHARE * len(tokens):
        return "und"
    return best


# --- credscore/signals/gopher_repetition.py

def gopher_compute(ctx: Context) -> Signal:
    text = ctx.text
    view = ctx.view
    n_chars = len(text)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())

    para_spans = _pieces(stripped, PARA_SEP_RE, lead)
    n_dup_para, dup_para_chars, dup_para_spans = _duplicates(text, para_spans)
    line_spans = _pieces(text, LINE_SEP_RE, 0)
    n_dup_line, dup_line_chars, dup_line_spans = _duplicates(text, line_spans)

    measures: dict[str, float] = {
        "dup_para_frac": ratio(n_dup_para, len(para_spans)),
        "dup_para_char_frac": ratio(dup_para_chars, n_chars),
        "dup_line_frac": ratio(n_dup_line, len(line_spans)),
        "dup_line_char_frac": ratio(dup_line_chars, n_chars),
    }
    thresholds: dict[str, float] = {
        "dup_para_frac": DUP_PARA_FRAC,
        "dup_para_char_frac": DUP_PARA_CHAR_FRAC,
        "dup_line_frac": DUP_LINE_FRAC,
        "dup_line_char_frac": DUP_LINE_CHAR_FRAC,
    }

    # n-grams as exact integer ids, built level by level: the id of an n-gram is a
    # dict look-up of (id of its first n-1 words) * width + (id of its last word).  No
    # tuples, no strings: linear, and light on the garbage collector on long texts.
    # Once no n-gram repeats, no longer one can: the remaining levels need no building.
    words = view.words
    ids_of: dict[str, int] = {}
    ids = [ids_of.setdefault(w, len(ids_of)) for w in words]
    prefix = list(accumulate(map(len, words), initial=0))
    n_words = len(ids)
    width = len(ids_of) + 1
    top_thr = dict(TOP_N_GRAMS)
    dup_thr = dict(DUP_N_GRAMS)
    top_spans: dict[int, list[int]] = {}
    grams = ids
    all_unique = len(ids_of) == n_words
    for n in range(2, max(dup_thr) + 1):
        if n in top_thr:
            thresholds[f"top_{n}_gram"] = top_thr[n]
        if n in dup_thr:
            thresholds[f"duplicated_{n}_n_grams"] = dup_thr[n]
        if n_words < n:
            measures[f"top_{n}_gram" if n in top_thr else f"duplicated_{n}_n_grams"] = 0.0
            continue
        if all_unique:  # every n-gram occurs once: the "top" one is the first, nothing is duplicated
            if n in top_thr:
                measures[f"top_{n}_gram"] = ratio(prefix[n] + (n - 1), n_chars)
            else:
                measures[f"duplicated_{n}_n_grams"] = 0.0
            continue
        table: dict[int, int] = {}
        grams = [table.setdefault(x * width + y, len(table)) for x, y in zip(grams, ids[n - 1 :])]
        counts = Counter(grams)
        all_unique = len(counts) == len(grams)
        if n in top_thr:
            gram, count = counts.most_common(1)[0]
            first = grams.index(gram)
            gram_chars = prefix[first + n] - prefix[first] + (n - 1)
            measures[f"top_{n}_gram"] = ratio(gram_chars * count, n_chars)
            if count > 1:
                top_spans[n] = [i for i, g in enumerate(grams) if g == gram]
            continue
        repeated = 0
        if not all_unique:
            # datatrove's scan: left to right, a gram seen before adds its characters
            # and jumps n words.  Grams that occur once never match later, so only the
            # positions of repeated grams need visiting; the rest is stepping by one.
            seen: set[int] = set()
            idx = 0
            for pos, g in enumerate(grams):
                if pos < idx or counts[g] < 2:
                    continue
                if g in seen:
                    repeated += prefix[pos + n] - prefix[pos]
                    idx = pos + n
                else:
                    seen.add(g)
        measures[f"duplicated_{n}_n_grams"] = ratio(repeated, n_chars)

    failed = [k for k, v in measures.items() if v > thresholds[k]]
    pressure = max((ratio(v, thresholds[k]) for k, v in measures.items()), default=0.0)

    evidence = [Span(a, b, note="duplicate paragraph") for a, b in dup_para_spans]
    dup_para_set = set(dup_para_spans)
    evidence += [Span(a, b, note="duplicate line") for a, b in dup_line_spans if (a, b) not in dup_para_set]
    spans = view.word_spans
    for n, starts in top_spans.items():
        if f"top_{n}_gram" in failed:
            evidence += [Span(spans[i][0], spans[i + n - 1][1], note=f"most frequent {n}-gram") for i in starts]

    return Signal(
        name="gopher_repetition",
        value=min(1.0, pressure),
        flagged=bool(failed),
        evidence=capped(evidence),
        details={
            **{k: round(v, 5) for k, v in measures.items()},
            "n_paragraphs": len(para_spans),
            "n_lines": len(line_spans),
            "failed": failed,
            "thresholds": thresholds,
        },
    )


# --- credscore/signals/c4_lines.py

def c4_compute(ctx: Context) -> Signal:
    text = ctx.text
    view = ctx.view
    spans = view.stripped_line_spans
    lines = view.stripped_lines
    counts = dict.fromkeys(REASONS, 0)
    evidence: list[Span] = []
    doc_drop: str | None = None
    n_sentences = 0
    kept_chars = 0

    for (a, b), line in zip(spans, lines):
        words = line.split()
        if any(len(w) > MAX_WORD_LENGTH for w in words):
            counts["too_long_word"] += 1
            continue
        if "[" in line:
            line = CITATION_RE.sub("", line)
        if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
            counts["no_terminal_punct"] += 1
            continue
        if len(words) < MIN_WORDS_PER_LINE:
            counts["too_few_words"] += 1
            continue
        if LOREM_RE.search(line):
            evidence.append(_at(LOREM_RE, text, a, b, "lorem ipsum"))
            doc_drop = doc_drop or "lorem_ipsum"
        if JAVASCRIPT_RE.search(line):
            counts["javascript"] += 1
            evidence.append(_at(JAVASCRIPT_RE, text, a, b, "line mentions javascript: C4 drops the line"))
            continue
        if "{" in line:
            evidence.append(_at(CURLY_RE, text, a, b, "curly bracket: C4 drops the page"))
            doc_drop = doc_drop or "curly_bracket"
        if POLICY_RE.search(line):
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
        name="c4_lines",
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


# --- credscore/spin/features.py (round 2 of issue 8)

from credscore.spin.features import (
    DIGIT_CAND_RE, DIGIT_TAIL_RE, MS_RE, SAID_RE, SAID_SPUN_RE, SPINTAX_RE, Finding, Measures,
    _NUMWORD, _DET, _PREV_WORD_RE, _Taken, _default_info, _word_info,
)
from credscore.text import TextView, per_thousand
from credscore.spin.tables import Tables


def spin_measure(text: str, view: TextView, tables: Tables) -> Measures:
    """Compute every feature of ``text`` (its shared tokenisation ``view``) in a few linear passes."""
    n = view.n_words
    findings: list[Finding] = []

    # -- layer 1 --------------------------------------------------------------
    n_spintax = 0
    for m in SPINTAX_RE.finditer(text):
        n_spintax += 1
        findings.append(Finding(m.start(), m.end(), "spintax", m.group(), m.group(1).split("|")[0]))

    lex = tables.lexicon
    n_lex = 0
    for m in tables.lexicon_re.finditer(text):
        n_lex += 1
        findings.append(Finding(m.start(), m.end(), "lexicon", m.group(), lex[m.group()]))

    n_said_spun = 0
    for c in MS_RE.finditer(text):  # check the full pattern only around each candidate
        m = SAID_SPUN_RE.search(text, max(0, c.start() - 60), min(len(text), c.end() + 60))
        while m is not None:
            g = next(i for i in (1, 2, 3) if m.group(i))
            if m.span(g) == c.span():
                n_said_spun += 1
                findings.append(Finding(c.start(), c.end(), "said", c.group(), "said"))
                break
            if m.end() > c.end() + 60 or m.start() >= c.start():
                break
            m = SAID_SPUN_RE.search(text, m.start() + 1, min(len(text), c.end() + 60))
    n_said = len(SAID_RE.findall(text))

    n_digit = 0
    for m in DIGIT_CAND_RE.finditer(text):
        pw = _PREV_WORD_RE.search(text, max(0, m.start() - 12), m.start())
        if pw is None or pw.group(1).lower() not in _DET or not DIGIT_TAIL_RE.match(text, m.end()):
            continue
        n_digit += 1
        d = m.group(1)
        findings.append(Finding(m.start(1), m.end(1), "digit", d, _NUMWORD[d]))

    # -- layer 2 --------------------------------------------------------------
    spans = view.word_spans
    low = view.words_lower
    words = view.words
    originals = tables.originals
    cidx = tables.common_index
    nc = tables.n_common
    once, more = tables.pairs_once, tables.pairs_more
    info = _word_info(tables)
    # one look-up per word: (common id or -1, rare synonym?, rarity or -1, function word?, commoner synonym)
    infos = [info.get(w) or _default_info(w) for w in low]
    n_rare = rar_sum = n_content = 0
    odd_cands = []  # lower-case words that have a much commoner synonym
    for i, (w, inf) in enumerate(zip(words, infos)):
        if inf[1]:
            n_rare += 1
        if inf[2] >= 0 and w.islower():
            n_content += 1
            rar_sum += inf[2]
            if inf[4] is not None:
                odd_cands.append(i)
    n_unseen = n_repair = 0
    n_content_pairs = n_content_unseen = n_content_strong = 0
    taken = _Taken(findings)
    seen = bytearray(len(low) + 1)  # seen[i]: the reference uses the pair (word i, word i+1)
    ids = [inf[0] for inf in infos]
    # adjacent pairs of common words, separated by one space: (i, pair id)
    pairs = [
        (i, ia * nc + ib)
        for i, (ia, ib, sa, sb) in enumerate(zip(ids, ids[1:], spans, spans[1:]))
        if ia >= 0 and ib >= 0 and sb[0] - sa[1] == 1 and text[sa[1]] == " "
    ]
    n_common_pairs = len(pairs)
    for i, k in pairs:
        fa, fb = infos[i], infos[i + 1]
        content = not (fa[3] and fb[3])
        if k in more:
            seen[i] = 1
            if content:
                n_content_pairs += 1
                n_content_strong += 1
            continue
        if content:
            n_content_pairs += 1
        if k in once:
            seen[i] = 1
            continue
        n_unseen += 1
        if content:
            n_content_unseen += 1
        # unseen: does putting one word back to a commoner synonym give a pair news uses?
        a, b = low[i], low[i + 1]
        fix = None
        ib = infos[i + 1][0]
        for o in originals.get(a, ()):
            io = cidx.get(o)
            if io is not None and io * nc + ib in more:
                fix = f"{o} {words[i + 1]}"
                break
        if fix is None:
            ia = infos[i][0]
            for o in originals.get(b, ()):
                io = cidx.get(o)
                if io is not None and ia * nc + io in more:
                    fix = f"{words[i]} {o}"
                    break
        if fix is not None:
            n_repair += 1
            s, e = spans[i][0], spans[i + 1][1]
            if not taken.overlaps(s, e):
                findings.append(Finding(s, e, "pair", text[s:e], fix))

    # rare choices out of place: a much commoner synonym exists and no adjacent pair is known
    # counted once per distinct word: a topic's rare term repeats ("pneumonic plague"
    # four times), a spinner's substitutions are scattered
    odd_words = set()
    taken = _Taken(findings)
    for i in odd_cands:
        if seen[i] or (i and seen[i - 1]):
            continue
        odd_words.add(low[i])
        s, e = spans[i]
        if not taken.overlaps(s, e):
            findings.append(Finding(s, e, "word", text[s:e], infos[i][4]))

    findings.sort(key=lambda f: f.start)
    values = {
        "spintax_per_1k": per_thousand(n_spintax, n),
        "lexicon_per_1k": per_thousand(n_lex, n),
        "said_spun_per_1k": per_thousand(n_said_spun, n),
        "said_spun_share": n_said_spun / (n_said_spun + n_said) if (n_said_spun + n_said) else 0.0,
        "digit_per_1k": per_thousand(n_digit, n),
        "unseen_pair_share": n_unseen / n_common_pairs if n_common_pairs else 0.0,
        "unseen_content_share": n_content_unseen / n_content_pairs if n_content_pairs else 0.0,
        "strong_content_share": n_content_strong / n_content_pairs if n_content_pairs else 0.0,
        "repairable_per_1k": per_thousand(n_repair, n),
        "rare_synonym_per_1k": per_thousand(n_rare, n),
        "content_rarity": rar_sum / n_content if n_content else 0.0,
        "thesaurus_odd_per_1k": per_thousand(len(odd_words), n),
    }
    counts = {
        "words": n,
        "spintax": n_spintax,
        "lexicon": n_lex,
        "said_spun": n_said_spun,
        "said": n_said,
        "digit": n_digit,
        "common_pairs": n_common_pairs,
        "unseen_pairs": n_unseen,
        "content_pairs": n_content_pairs,
        "repairable": n_repair,
        "rare_synonym": n_rare,
        "thesaurus_odd": len(odd_words),
    }
    return Measures(values, counts, findings)
