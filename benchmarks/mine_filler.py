"""Mine candidate stock phrases for the ``filler`` signal from real text.

Over-represented 3- and 4-word phrases: document frequency in a "suspect" corpus
against a "reference" corpus of mainstream news, with add-one-half smoothing.

* suspect: FakeNewsAMT fakes (crowd-written fake versions of real stories), the
  celebrity-gossip fakes, FakeNewsNet v1 fakes, BuzzFeed-Webis hyper-partisan
  (left/right) articles;
* reference: BuzzFeed-Webis mainstream articles from **abc and cnn only**, plus the
  FakeNewsAMT/celebrity legit articles.  Politico (424 mainstream articles) is held
  out: ``benchmarks/quality_fp.py`` measures the false-positive rate there.

A candidate must occur in at least ``--min-df`` suspect documents from at least
``--min-sources`` distinct sources (sites or sub-corpora: one site's boilerplate is
chrome, not style), in at most 1 % of reference documents, hold no digit, and consist of words in the English word
list (so names and topics drop out).  The output is a table to read and curate by
hand: the phrases kept are in ``credscore/signals/filler.py`` (``MINED``).  None of
these corpora is machine-generated (they predate 2019): what this finds is the
stock phrasing of crowd-written and hyper-partisan copy, which is why the signal
also has a hand-written core of language-model idioms.

Run: ``python benchmarks/mine_filler.py [--min-df 6] [--top 150]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
from collections import Counter
from pathlib import Path

from credscore.signals._wordfreq import english_frequencies
from credscore.text import TextView

# <repo>/../shared, as CI lays it out; CREDSCORE_SHARED overrides (a worktree elsewhere).
SHARED = Path(os.environ.get("CREDSCORE_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
DATA = SHARED / "data" / "cred"
STOP = frozenset(
    "the a an of to in and or for on at by with from as is are was were be been it its this that these those "
    "he she they we you i his her their our your my him them us".split()
)


def load() -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(suspect (source, text) pairs, reference texts, held-out politico texts)."""
    suspect: list[tuple[str, str]] = []
    reference: list[str] = []
    heldout: list[str] = []
    for line in (DATA / "perezrosas2018_fakenewsamt_celebrity" / "articles.jsonl").open():
        r = json.loads(line)
        if r["label"] == "fake":
            suspect.append((f"{r['dataset']}:{r['domain_topic']}", r["text"] or ""))
        else:
            reference.append(r["text"] or "")
    for line in (DATA / "fakenewsnet_v1_buzzfeed_politifact" / "articles.jsonl").open():
        r = json.loads(line)
        if r["label"] == "fake":
            suspect.append((f"fnn:{r.get('domain') or r['id']}", r["text"] or ""))
    for line in (DATA / "buzzfeed_webis_2016" / "articles.jsonl").open():
        r = json.loads(line)
        if r["orientation"] != "mainstream":
            suspect.append((f"bf:{r['portal']}", r["text"] or ""))
        elif r["portal"] in ("abc", "cnn"):
            reference.append(r["text"] or "")
        else:
            heldout.append(r["text"] or "")
    return suspect, reference, heldout


def ngrams(text: str, ns: tuple[int, ...] = (3, 4)) -> set[str]:
    w = TextView(text).words_lower
    out: set[str] = set()
    for n in ns:
        for i in range(len(w) - n + 1):
            g = w[i : i + n]
            if g[0] in STOP and g[-1] in STOP and n == 3:
                continue
            out.add(" ".join(g))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-df", type=int, default=6)
    ap.add_argument("--top", type=int, default=150)
    ap.add_argument("--min-sources", type=int, default=4)
    args = ap.parse_args()
    suspect, reference, heldout = load()
    words = english_frequencies()
    df_s: Counter[str] = Counter()
    df_r: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    for src, t in suspect:
        grams = ngrams(t)
        df_s.update(grams)
        for g in grams:
            sources.setdefault(g, set()).add(src)
    for t in reference:
        df_r.update(ngrams(t))
    ns, nr = len(suspect), len(reference)
    rows = []
    for g, a in df_s.items():
        if a < args.min_df:
            continue
        b = df_r.get(g, 0)
        # site boilerplate ("get your daily dose of …") lives on one site: want 3 or more
        if b > 0.01 * nr or any(ch.isdigit() for ch in g) or len(sources[g]) < args.min_sources:
            continue
        toks = g.split()
        if not all(t in words for t in toks) or all(t in STOP for t in toks):
            continue
        score = math.log(((a + 0.5) / (ns + 1)) / ((b + 0.5) / (nr + 1)))
        rows.append((score, a, b, g))
    rows.sort(reverse=True)
    print(f"suspect docs {ns}, reference docs {nr}, held-out politico {len(heldout)}")
    print(f"{'log-odds':>8} {'df_susp':>7} {'df_ref':>6}  phrase")
    for score, a, b, g in rows[: args.top]:
        print(f"{score:8.2f} {a:7d} {b:6d}  {g}")


if __name__ == "__main__":
    main()
