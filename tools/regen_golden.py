"""Rewrite the golden outputs in tests/golden/ after an intended change, and say what moved.

    python -m tools.regen_golden            # rewrite, print a summary of what moved
    python -m tools.regen_golden --check    # only print the summary (exit 1 if anything moved)

Needs ``../shared/data`` (or ``CREDSCORE_SHARED``): documents whose data is absent are
kept as they were.  Commit the rewritten files with the change that moved them, and
say in the message why the values moved.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from tests import _golden as G  # tests/ is a package at the repo root, as tools/ is


def _summary(label: str, moved: dict[str, list[str]]) -> int:
    """Print how many entries moved and which fields; return the number of entries."""
    if not moved:
        print(f"{label}: unchanged")
        return 0
    fields = Counter(d.split(":")[0].split("[")[0] for ds in moved.values() for d in ds)
    print(f"{label}: {len(moved)} moved; fields: " + ", ".join(f"{f} ({n})" for f, n in fields.most_common(12)))
    for key, ds in list(moved.items())[:8]:
        print(f"  {key}: " + "; ".join(ds[:3]) + (f"; ... {len(ds) - 3} more" if len(ds) > 3 else ""))
    return len(moved)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = ap.parse_args()
    t0 = time.perf_counter()
    n_moved = 0

    old = G.load("documents") if G.golden_path("documents").exists() else {}
    new = dict(old)
    for key, kw in G.documents():
        new[key] = G.document_record(kw)
    moved = {k: G.diff(old[k], new[k]) if k in old else ["new document"] for k in new}
    n_moved += _summary(f"documents ({len(new)})", {k: d for k, d in moved.items() if d})

    old_u = G.load("units") if G.golden_path("units").exists() else {}
    texts = G.unit_texts()
    new_u = dict(old_u)
    for name in G.UNITS:
        if not texts:
            break
        new_u[name] = G.unit_records(name, texts[name])
        e = old_u.get(name, [])
        if len(e) != len(new_u[name]):
            m = {name: [f"{len(e)} texts -> {len(new_u[name])}"]}
        else:
            m = {f"{name}[{i}]": G.diff(a, b) for i, (a, b) in enumerate(zip(e, new_u[name]))}
        n_moved += _summary(f"units {name} ({len(new_u[name])})", {k: d for k, d in m.items() if d})
    if not texts:
        print("units: shared data absent, kept as they were")

    if not args.check:
        G.dump("documents", new)
        G.dump("units", new_u, lines_at=2)
        G.dump("environment", G.environment(), lines_at=1)
        print(f"wrote {G.GOLDEN}/documents.json, units.json, environment.json")
    print(f"{time.perf_counter() - t0:.0f} s")
    return 1 if args.check and n_moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
