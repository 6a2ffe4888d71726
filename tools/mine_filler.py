"""Mine candidate stock phrases for the ``filler`` signal from real text.

Over-represented 3- and 4-word phrases: document frequency in a "suspect" corpus
against a "reference" corpus of mainstream news, with add-one-half smoothing.

* suspect: FakeNewsAMT fakes (crowd-written fake versions of real stories), the
  celebrity-gossip fakes, FakeNewsNet v1 fakes, BuzzFeed-Webis hyper-partisan
  (left/right) articles;
* reference: BuzzFeed-Webis mainstream articles from **abc and cnn only**, plus the
  FakeNewsAMT/celebrity legit articles.  Politico (424 mainstream articles) is held
  out: ``python -m benchmarks.quality_fp`` measures the false-positive rate there.

A candidate must occur in at least ``--min-df`` suspect documents from at least
``--min-sources`` distinct sources (sites or sub-corpora: one site's boilerplate is
chrome, not style), in at most 1 % of reference documents, hold no digit, and consist of words in the English word
list (so names and topics drop out).  The output is a table to read and curate by
hand: the phrases kept are in ``credscore/signals/filler.py`` (``MINED``).  The rules
themselves are :func:`tools.score.mining.mine_phrases`, which also has a label-safe
form for training rows only (:func:`~tools.score.mining.mine_training_phrases`):
because this hand-curated list was chosen on the labels of the score's own corpora,
the score model does not use filler's MINED-list counts.  None of
these corpora is machine-generated (they predate 2019): what this finds is the
stock phrasing of crowd-written and hyper-partisan copy, which is why the signal
also has a hand-written core of language-model idioms.

Run: ``python -m tools.mine_filler [--min-df 6] [--top 150]``
"""

from __future__ import annotations

import argparse
import json

from tools.data import DATA as _DATA
from tools.score import mining

DATA = _DATA / "cred"


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-df", type=int, default=mining.MINE_MIN_DF)
    ap.add_argument("--top", type=int, default=150)
    ap.add_argument("--min-sources", type=int, default=mining.MINE_MIN_SOURCES)
    args = ap.parse_args()
    suspect, reference, heldout = load()
    rows = mining.mine_phrases([(src, mining.ngrams(t)) for src, t in suspect],
                               [mining.ngrams(t) for t in reference], min_df=args.min_df, min_sources=args.min_sources)
    print(f"suspect docs {len(suspect)}, reference docs {len(reference)}, held-out politico {len(heldout)}")
    print(f"{'log-odds':>8} {'df_susp':>7} {'df_ref':>6}  phrase")
    for score, a, b, g in rows[: args.top]:
        print(f"{score:8.2f} {a:7d} {b:6d}  {g}")


if __name__ == "__main__":
    main()
