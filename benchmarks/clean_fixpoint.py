"""What does settling do to ``clean``'s text, and is ``clean`` idempotent?

``clean(page)`` is ``analyze(page).text`` settled: the plain-text chrome *rules* alone
(``segment_text`` + ``strip`` without the learned model; :func:`credscore.chrome.settle.settle`)
applied until the text stops changing.  The learned model is not rerun: on plain text it
only runs when the rules find chrome, and a fixed point of the rules has none, so a second
``clean`` leaves the text as it is.

For each page of the Scrapinghub AEB benchmark (and, with ``--wcxb N``, every 7th
WCXB dev page up to N pages) it compares word-level F1 against the gold text for the
one-pass text ``analyze(page).text`` and the settled one (what ``clean(page)`` returns),
and counts the pages where settling changed anything and the pages where a second
``clean`` would still change the text (must be 0).

    python -m benchmarks.clean_fixpoint                # AEB, 181 pages
    python -m benchmarks.clean_fixpoint --wcxb 214     # plus a WCXB sample
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sys
from pathlib import Path

import credscore
from credscore.chrome.settle import settle

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
_W = re.compile(r"\w+")


def f1(pred: str, ref: str) -> float:
    p, r = collections.Counter(_W.findall(pred.lower())), collections.Counter(_W.findall(ref.lower()))
    if not p or not r:
        return float(p == r)
    ov = sum((p & r).values())
    if not ov:
        return 0.0
    pr, rc = ov / sum(p.values()), ov / sum(r.values())
    return 2 * pr * rc / (pr + rc)


def run(pages: list[tuple[bytes, str]], name: str) -> None:
    one = settled = 0.0
    changed = unstable = 0
    for html, gold in pages:
        try:
            t1 = credscore.analyze(html).text
        except credscore.CredscoreError:
            t1 = ""
        t2 = settle(t1)
        changed += t1 != t2
        if t2.strip() and credscore.clean(t2) != t2:
            unstable += 1
        one += f1(t1, gold)
        settled += f1(t2, gold)
    n = len(pages)
    print(f"{name}: {n} pages  word-F1 one pass {one / n:.4f}  settled {settled / n:.4f}  "
          f"changed {changed}  not idempotent {unstable}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wcxb", type=int, default=0)
    args = ap.parse_args()
    aeb = SHARED / "data" / "boilerplate" / "scrapinghub-aeb"
    if not aeb.exists():
        print(f"no data at {aeb} (set CREDSCORE_SHARED)", file=sys.stderr)
        return 2
    gold = json.loads((aeb / "ground-truth.json").read_text())
    run([(gzip.decompress((aeb / "html" / f"{i}.html.gz").read_bytes()), gold[i]["articleBody"])
         for i in sorted(gold)], "AEB")
    if args.wcxb:
        base = SHARED / "data" / "boilerplate" / "wcxb-dev"
        files = sorted((base / "html").glob("*.html.gz"))[::7][: args.wcxb]
        pages = []
        for f in files:
            g = json.loads((base / "ground-truth" / f"{f.name[:4]}.json").read_text())["ground_truth"]
            pages.append((gzip.decompress(f.read_bytes()), g.get("main_content") or ""))
        run(pages, "WCXB sample")
    return 0


if __name__ == "__main__":
    sys.exit(main())
