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

Run: ``python benchmarks/quality_fp.py``
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from credscore.signals.base import Context  # noqa: E402

SHARED = Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared")
CRED = SHARED / "data" / "cred"
SUITE = (
    "gopher_quality", "gopher_repetition", "c4_lines", "fineweb", "name_drift", "link_residue",
    "splice", "sensational", "sourcing", "filler", "byline",
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


def main() -> None:
    mods = [importlib.import_module(f"credscore.signals.{m}") for m in SUITE]
    data = groups()
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
    any_hit = {
        g: 100 * sum(filler.compute(Context.from_text(t)).details["hits"] > 0 for t, _ in data[g]) / max(1, len(data[g]))
        for g in names
    }
    print(f"{'filler, any phrase':<18}" + "".join(f"{any_hit[g]:>16.1f}" for g in names))
    f = rates["filler"]
    print(f"\nfiller false-positive rate: Politico (held out of mining) {f['bf politico (held out)']:.1f} %,"
          f" all mainstream {f['bf mainstream']:.1f} %")


if __name__ == "__main__":
    main()
