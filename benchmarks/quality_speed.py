"""Speed of the quality-signal suite (issue 6) against textstat's 13 readability metrics.

Goal: all the signals of the suite together, on a 5 KB article, cost no more than
textstat 0.7.7's 13 classic readability metrics on the same text — a ratio of 1.0
or less, measured in the same run (never a wall-clock number on its own: the
machine is shared).

The 13 textstat metrics: flesch_reading_ease, flesch_kincaid_grade, smog_index,
coleman_liau_index, automated_readability_index, dale_chall_readability_score,
difficult_words, linsear_write_formula, gunning_fog, text_standard,
fernandez_huerta, szigriszt_pazos, gutierrez_polini.

Method: articles of ``../shared/data/cred/buzzfeed_webis_2016`` (and the seeds),
cut to 5,000 characters at a sentence end.  Each round gives every article a fresh
suffix (a space and the round number), so that neither side is served from a cache
(textstat memoises per text; credscore's TextView is built anew per document).  Per
article and round, the suite's time is ``Context.from_text`` (shared tokenisation
included) plus every signal's ``compute``; textstat's is the 13 calls.  Both run
interleaved, warmed up first (cmudict and the word list load once).  Reported: total
time per side, the ratio, and each signal's share.

Run: ``python -m benchmarks.quality_speed [--docs 40] [--rounds 5]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from credscore.signals.base import Context

SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
SUITE = (
    "gopher_quality", "gopher_repetition", "c4_lines", "fineweb", "name_drift", "link_residue",
    "splice", "sensational", "sourcing", "filler", "byline",
)
TEXTSTAT_METRICS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "difficult_words",
    "linsear_write_formula", "gunning_fog", "text_standard", "fernandez_huerta", "szigriszt_pazos",
    "gutierrez_polini",
)
SIZE = 5000


def cut(text: str, size: int = SIZE) -> str:
    if len(text) <= size:
        return text
    head = text[:size]
    end = max(head.rfind(". "), head.rfind(".\n"))
    return head[: end + 1] if end > size // 2 else head


def articles(n: int) -> list[str]:
    out = [cut(p.read_text()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    path = SHARED / "data" / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
    if path.exists():
        for line in path.open():
            t = json.loads(line).get("text") or ""
            if len(t) >= SIZE:
                out.append(cut(t))
            if len(out) >= n:
                break
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    import textstat

    mods = [importlib.import_module(f"credscore.signals.{m}") for m in SUITE]
    metrics = [getattr(textstat, m) for m in TEXTSTAT_METRICS]
    docs = articles(args.docs)
    # warm-up: cmudict, pyspellchecker's word list, regex caches
    for m in mods:
        m.compute(Context.from_text(docs[0]))
    for f in metrics:
        f(docs[0])

    per_signal = dict.fromkeys(SUITE, 0.0)
    tok_total = 0.0
    ours_rounds: list[float] = []
    theirs_rounds: list[float] = []
    clock = time.perf_counter
    for r in range(args.rounds):
        ours = theirs = 0.0
        for d in docs:
            text = f"{d} {r}"
            t0 = clock()
            ctx = Context.from_text(text)
            view = ctx.view
            view.words_lower, view.sentence_spans, view.paragraph_spans, view.stripped_lines  # noqa: B018
            t1 = clock()
            tok_total += t1 - t0
            for name, m in zip(SUITE, mods):
                s0 = clock()
                m.compute(ctx)
                per_signal[name] += clock() - s0
            t2 = clock()
            ours += t2 - t0
            for f in metrics:
                f(text)
            theirs += clock() - t2
        ours_rounds.append(ours)
        theirs_rounds.append(theirs)

    n = len(docs)
    ratios = [o / t for o, t in zip(ours_rounds, theirs_rounds)]
    total_ours = sum(ours_rounds)
    print(f"{n} articles of {statistics.mean(len(d) for d in docs):.0f} characters on average, {args.rounds} rounds")
    print(f"{'side':<34}{'ms / article':>14}")
    print(f"{'credscore quality suite (11)':<34}{1e3 * statistics.median(ours_rounds) / n:>14.3f}")
    print(f"{'textstat 0.7.7, 13 metrics':<34}{1e3 * statistics.median(theirs_rounds) / n:>14.3f}")
    rounds = ", ".join(f"{x:.3f}" for x in ratios)
    print(f"ratio suite / textstat: median {statistics.median(ratios):.3f} (rounds: {rounds})")
    print("\nshare of the suite's time:")
    print(f"  {'shared tokenisation':<22}{100 * tok_total / total_ours:6.1f} %")
    for name, t in sorted(per_signal.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22}{100 * t / total_ours:6.1f} %")


if __name__ == "__main__":
    main()
