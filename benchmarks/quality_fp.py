"""How often each quality signal flags real articles, by kind of source.

The false-positive rate of a writing signal is its flag rate on mainstream news
(BuzzFeed-Webis 2016: ABC, CNN, Politico — 822 articles with text); beside it,
the rates on hyper-partisan pages (left, right), FakeNewsAMT crowd-written fakes
and their legit twins, and the celebrity-gossip fakes and legit articles, for
contrast (not accuracy: these labels are confounded with the publisher, see
``../shared/data/README.md``).  For ``filler``, whose mined list saw the ABC and
CNN articles (as its reference side), Politico — held out of the mining — is the
honest false-positive figure, and is printed on its own.

The texts are the corpora's plain texts (BuzzFeed-Webis flattens each article to
one paragraph, sub-headings glued to the next sentence: that inflates
``link_residue``), fed to the signals directly, without chrome removal.

With ``--wcxb N``, also the flag rates on the first N pages of the WCXB dev split
(all kinds of pages: articles, shops, forums, service pages), run through the
whole pipeline (``credscore.analyze``: HTML, chrome removal, language check).

``--limit N`` takes the first N articles of each group (for a quick look while
iterating; the figures in the README use every article).

Run: ``python -m benchmarks.quality_fp [--wcxb 160] [--limit N]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from credscore.signals.base import Context

SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
CRED = SHARED / "data" / "cred"
SUITE = (
    "gopher_quality", "gopher_repetition", "c4_lines", "fineweb", "name_drift", "link_residue",
    "splice", "sensational", "sourcing", "filler", "byline", "attribution", "misspellings",
)


def groups() -> dict[str, list[tuple[str, dict]]]:
    out: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for line in (CRED / "buzzfeed_webis_2016" / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if not r.get("text"):
            continue
        page = {"meta": {"author": [r["author"]]}} if r.get("author") else {}
        if r["orientation"] == "mainstream":
            out["bf mainstream"].append((r["text"], page))
            if r["portal"] == "politico":
                out["bf politico (held out)"].append((r["text"], page))
        else:
            out[f"bf {r['orientation']}"].append((r["text"], page))
    for line in (CRED / "perezrosas2018_fakenewsamt_celebrity" / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        ds = "amt" if r["dataset"].startswith("fakeNews") else "celebrity"
        out[f"{ds} {r['label']}"].append((r["text"] or "", {}))
    return out


def wcxb(n: int) -> None:
    import gzip

    import credscore

    pages = sorted((SHARED / "data" / "boilerplate" / "wcxb-dev" / "html").glob("*.html.gz"))[:n]
    flagged: dict[str, int] = dict.fromkeys(SUITE, 0)
    applicable = 0
    for p in pages:
        a = credscore.analyze(gzip.open(p).read())
        if not a.signals["filler"].applicable:  # not English: the English-only signals sit out
            continue
        applicable += 1
        for name in SUITE:
            flagged[name] += a.signals[name].flagged
    print(f"\nWCXB dev, first {len(pages)} pages, {applicable} in English, whole pipeline: flag rate (%)")
    for name in SUITE:
        print(f"  {name:<18}{100 * flagged[name] / max(1, applicable):6.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wcxb", type=int, default=0, help="also run N WCXB pages through analyze()")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each group")
    args = ap.parse_args()
    mods = [importlib.import_module(f"credscore.signals.{m}") for m in SUITE]
    data = groups()
    if args.limit:
        data = {g: v[: args.limit] for g, v in data.items()}
    names = list(data)
    print("flag rate (%) per signal and corpus; n = articles")
    print(f"{'signal':<18}" + "".join(f"{g[:15]:>16}" for g in names))
    print(f"{'n':<18}" + "".join(f"{len(data[g]):>16}" for g in names))
    rates: dict[str, dict[str, float]] = {}
    for mod in mods:
        row = {}
        for g in names:
            flagged = 0
            for text, page in data[g]:
                flagged += mod.compute(Context.from_text(text, page=page)).flagged
            row[g] = 100 * flagged / max(1, len(data[g]))
        rates[mod.NAME] = row
        print(f"{mod.NAME:<18}" + "".join(f"{row[g]:>16.1f}" for g in names))
    filler = mods[SUITE.index("filler")]
    any_hit = {}
    for g in names:
        hits = sum(filler.compute(Context.from_text(t)).details["hits"] > 0 for t, _ in data[g])
        any_hit[g] = 100 * hits / max(1, len(data[g]))
    print(f"{'filler, any phrase':<18}" + "".join(f"{any_hit[g]:>16.1f}" for g in names))
    # The writing signals' false alarms word by word (issue #23): share of articles where
    # misspellings reports at least one word, and reported words per 1,000 words.
    miss = mods[SUITE.index("misspellings")]
    any_miss, per_k = {}, {}
    for g in names:
        counts = [(miss.compute(Context.from_text(t)).details["count"], len(t.split())) for t, _ in data[g]]
        any_miss[g] = 100 * sum(c > 0 for c, _ in counts) / max(1, len(counts))
        per_k[g] = 1000 * sum(c for c, _ in counts) / max(1, sum(w for _, w in counts))
    print(f"{'misspell, any word':<18}" + "".join(f"{any_miss[g]:>16.1f}" for g in names))
    print(f"{'misspell per 1k w':<18}" + "".join(f"{per_k[g]:>16.2f}" for g in names))
    f = rates["filler"]
    print(f"\nfiller false-positive rate: Politico (held out of mining) {f['bf politico (held out)']:.1f} %,"
          f" all mainstream {f['bf mainstream']:.1f} %")
    if args.wcxb:
        wcxb(args.wcxb)


if __name__ == "__main__":
    main()
