"""Build ``models/cred1_domains.json.gz`` from CRED-1 (CC BY 4.0, Loth et al. 2026).

    python tools/build_cred1.py [--src ../shared/data/cred/cred1_loth2026/cred1_current.csv]

Keeps three columns per domain (``domain``, ``category``, ``credibility_score``)
and embeds the attribution and licence notice the licence asks for (see
``models/LICENSE-CRED1.md``).  Deterministic output (sorted keys, fixed gzip
mtime), so a rebuild from the same CSV gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CREDSCORE_DATA")
            or Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared") / "data")

ATTRIBUTION = (
    "CRED-1 by Alexander Loth, Martin Kappes and Marc-Oliver Pahl (2026), "
    "https://github.com/aloth/cred-1, doi:10.5281/zenodo.18769460, licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/). Built from OpenSources.co (CC BY 4.0, Melissa Zimdars et al.) "
    "and the Iffy.news Index (MIT), enriched with Google Fact Check Tools and Google Safe Browsing. "
    "Changes: only the columns domain, category and credibility_score are kept."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DATA / "cred" / "cred1_loth2026" / "cred1_current.csv")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "cred1_domains.json.gz")
    args = ap.parse_args()
    raw = args.src.read_bytes()
    domains = {}
    with open(args.src, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            d = r["domain"].strip().lower().rstrip(".")
            if d:
                domains[d] = [r["category"].strip(), round(float(r["credibility_score"]), 4)]
    doc = {
        "format": "credscore-cred1/1",
        "name": "CRED-1",
        "licence": "CC BY 4.0",
        "attribution": ATTRIBUTION,
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "columns": ["category", "credibility_score"],
        "domains": dict(sorted(domains.items())),
    }
    data = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    with open(args.out, "wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(data)
    print(f"{len(domains)} domains -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
