"""Time and memory of ``credscore.analyze`` as the input grows: is it linear?

For each input family the document is built at doubling sizes; each analysis runs
in a fresh subprocess (so the peak-memory reading is this document's alone) and
reports seconds and the peak resident memory above the warmed-up baseline.  The
verdict is a ratio, never an absolute time: ``time ratio`` is the cost per input
byte at that size divided by the cost per byte at the smallest size (1.0 = exactly
linear; quadratic behaviour doubles it at every step).  Same for memory.

Families:

* ``line``   — one line of real prose (the seeds, repeated), no newline at all;
* ``lines``  — tiny lines ("w17"), the 10⁶-lines case;
* ``html``   — ``<p>`` paragraphs of real prose inside nav/footer chrome;
* ``nested`` — ``<div>`` nested as deep as the size allows (10,000 levels ≈ 110 KB).

    python -m benchmarks.scaling                 # 0.25 → 2 MB per family (a few minutes)
    python -m benchmarks.scaling --max-mb 8
    python -m benchmarks.scaling --family line --sizes 1,10,50   # the 50 MB single line

Sizes are in MB (10⁶ characters).  Documents above the default 16 MiB limit are
analysed with ``max_bytes=None``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
import credscore  # the checkout's: the child runs in the repository root (cwd)
from pathlib import Path
family, size = sys.argv[1], int(sys.argv[2])
seeds = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[3], "seeds").glob("*.txt"))]
prose = " ".join(" ".join(s.split()) for s in seeds)
def build(n):
    if family == "line":
        return (prose * (n // len(prose) + 1))[:n]
    if family == "lines":
        out, k = [], 0
        total = 0
        while total < n:
            w = f"w{k % 97}"
            out.append(w); total += len(w) + 1; k += 1
        return "\n".join(out)
    if family == "html":
        paras = [" ".join(s.split()) for s in "\n".join(seeds).split("\n") if len(s.split()) > 12]
        body, total, i = [], 0, 0
        while total < n:
            p = f"<p>{paras[i % len(paras)]}</p>"
            body.append(p); total += len(p); i += 1
        return "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>" + "".join(body) + "</article><footer>All rights reserved</footer></body></html>"
    if family == "nested":
        depth = max(1, (n - 100) // 11)
        return "<html><body>" + "<div>" * depth + "Deep text at the bottom of the nesting, kept." + "</div>" * depth
    raise SystemExit(f"unknown family {family}")
credscore.analyze(seeds[0])  # warm up: word list, CMU dictionary, model
doc = build(size)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
a = credscore.analyze(doc, max_bytes=None)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": len(doc), "seconds": dt, "peak_mb": (peak - base) / 1024, "kept": len(a.text)}))
"""


def measure(family: str, chars: int) -> dict:
    r = subprocess.run([sys.executable, "-c", _CHILD, family, str(chars), str(ROOT)],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"{family} {chars}: failed\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--family", action="append", choices=["line", "lines", "html", "nested"])
    ap.add_argument("--sizes", help="comma-separated sizes in MB (default: doubling from 0.25 to --max-mb)")
    ap.add_argument("--max-mb", type=float, default=2.0)
    args = ap.parse_args(argv)
    if args.sizes:
        sizes = [float(x) for x in args.sizes.split(",")]
    else:
        sizes, s = [], 0.25
        while s <= args.max_mb + 1e-9:
            sizes.append(s)
            s *= 2
    families = args.family or ["line", "lines", "html", "nested"]
    print(f"{'family':8s} {'MB':>7s} {'seconds':>9s} {'s/MB':>7s} {'time ratio':>10s} "
          f"{'peak MB':>8s} {'MB/MB':>6s} {'mem ratio':>9s}")
    worst = 0.0
    for fam in families:
        first = None
        for mb in sizes:
            if fam == "nested" and mb > 2:
                continue  # bs4 holds one Python object per element: 2 MB is ~180,000 levels
            m = measure(fam, int(mb * 1_000_000))
            size_mb = m["chars"] / 1e6
            per = m["seconds"] / size_mb
            mem = max(m["peak_mb"], 0.0) / size_mb
            if first is None:
                first = (per, mem)
            tr = per / first[0]
            mr = mem / first[1] if first[1] > 0 else float("nan")
            worst = max(worst, tr)
            print(f"{fam:8s} {size_mb:7.2f} {m['seconds']:9.2f} {per:7.2f} {tr:10.2f} "
                  f"{m['peak_mb']:8.1f} {mem:6.1f} {mr:9.2f}", flush=True)
    print(f"worst time ratio (per-byte cost at the largest size / at the smallest): {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
