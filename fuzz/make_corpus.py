"""Build the starting corpus for fuzz_analyze.py in fuzz/corpus/ (git-ignored).

Every seed text, in each of the five modes (the first byte picks the mode), plus
the same texts in UTF-16 and cp1251, plus up to 20 pages of the Scrapinghub AEB
benchmark when ``../shared/data`` (or the folder given as the first argument) is
there (not shipped: third-party pages).
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "fuzz" / "corpus"


def put(data: bytes) -> None:
    (OUT / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main(shared: Path = ROOT.parent / "shared") -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    docs = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    aeb = shared / "data" / "boilerplate" / "scrapinghub-aeb" / "html"
    if aeb.exists():
        docs += [gzip.decompress(p.read_bytes())[:20000] for p in sorted(aeb.glob("*.html.gz"))[:20]]
    for d in docs:
        for mode in range(5):
            put(bytes([mode]) + d[:20000])
        text = d.decode("utf-8", "replace")
        put(b"\x00" + text[:5000].encode("utf-16"))
        put(b"\x00" + text[:5000].encode("cp1251", "replace"))
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
