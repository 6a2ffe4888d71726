"""Is the analysis of real documents byte-for-byte what another revision gives?

A speed-up must not change any signal (the score model is trained on them).  This
analyses real documents from the shared data — BuzzFeed-Webis 2016 articles (plain
text) and WCXB dev pages (HTML) — and compares every ``Analysis.to_dict()``
exactly (floats to 1e-9 relative/absolute) with the same documents analysed by a
reference revision of the code.

    python -m benchmarks.equivalence --against main          # git archive main → temp dir, compare
    python -m benchmarks.equivalence --dump ref.jsonl        # write this tree's analyses
    python -m benchmarks.equivalence --compare ref.jsonl     # compare this tree with a dump

``--against REV`` exports ``REV`` with ``git archive`` into a temporary folder and
runs the dump there in a subprocess (same interpreter, same installed
dependencies, same data), then analyses with this tree and compares.  Exit code 1
if any document differs; the first differences are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CREDSCORE_SHARED") or REPO.parent / "shared") / "data"
ARTICLES = DATA / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
WCXB = DATA / "boilerplate" / "wcxb-dev" / "html"


def documents(n_text: int, n_html: int) -> list[tuple[str, str]]:
    """``(name, content)``: the first ``n_text`` articles with text, every k-th WCXB page."""
    out: list[tuple[str, str]] = []
    with open(ARTICLES, encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n_text:
                break
            rec = json.loads(line)
            t = (rec.get("text") or "").strip()
            if t:
                out.append((f"bf:{len(out)}", t))
    pages = sorted(WCXB.glob("*.html.gz"))
    step = max(1, len(pages) // max(1, n_html))
    for p in pages[::step][:n_html]:
        out.append((f"wcxb:{p.name}", gzip.decompress(p.read_bytes()).decode("utf-8", "replace")))
    return out


def dump(path: str, n_text: int, n_html: int) -> None:
    import credscore

    with open(path, "w", encoding="utf-8") as fh:
        for name, content in documents(n_text, n_html):
            try:
                d = credscore.analyze(content).to_dict()
            except Exception as e:  # noqa: BLE001 - an error is a result too
                d = {"error": f"{type(e).__name__}: {e}"}
            fh.write(json.dumps({"name": name, "analysis": d}, sort_keys=True, default=str) + "\n")


def _diff(a, b, where: str, out: list[str]) -> None:
    if len(out) > 20:
        return
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
                and not isinstance(b, bool):
            if (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
                return
        out.append(f"{where}: {a!r} != {b!r}")
        return
    if type(a) is not type(b):
        out.append(f"{where}: {type(a).__name__} {a!r:.80} != {type(b).__name__} {b!r:.80}")
        return
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{where}.{k}: only in {'new' if k in b else 'reference'}")
            else:
                _diff(a[k], b[k], f"{where}.{k}", out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append(f"{where}: length {len(a)} != {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{where}[{i}]", out)
    elif a != b:
        out.append(f"{where}: {a!r:.80} != {b!r:.80}")


def compare(ref_path: str, new_path: str) -> int:
    def load(p):
        with open(p, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    ref, new = load(ref_path), load(new_path)
    if [r["name"] for r in ref] != [r["name"] for r in new]:
        print("the two dumps are not of the same documents")
        return 1
    bad = 0
    for r, n in zip(ref, new):
        out: list[str] = []
        _diff(r["analysis"], n["analysis"], r["name"], out)
        if out:
            bad += 1
            if bad <= 5:
                print("\n".join(out[:10]))
    n_sig = sum(len(r["analysis"].get("signals", {})) for r in ref)
    print(f"equivalence: {len(ref)} documents ({n_sig} signals), {bad} differ")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--against", metavar="REV")
    g.add_argument("--dump", metavar="FILE")
    g.add_argument("--compare", metavar="FILE")
    ap.add_argument("--text", type=int, default=300, help="BuzzFeed-Webis articles (plain text)")
    ap.add_argument("--html", type=int, default=150, help="WCXB dev pages (HTML)")
    ap.add_argument("--expect-root", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.dump:
        if a.expect_root:
            import credscore

            root = Path(credscore.__file__).resolve().parents[1]
            if root != Path(a.expect_root).resolve():
                sys.exit(f"reference run imported credscore from {root}, not {a.expect_root}")
        dump(a.dump, a.text, a.html)
        return
    with tempfile.TemporaryDirectory() as tmp:
        new = str(Path(tmp) / "new.jsonl")
        ref = a.compare
        if a.against:
            src = Path(tmp) / "ref"
            src.mkdir()
            arch = subprocess.run(["git", "-C", str(REPO), "archive", a.against], check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(src)], input=arch.stdout, check=True)
            ref = str(Path(tmp) / "ref.jsonl")
            env = dict(os.environ, PYTHONPATH=str(src), CREDSCORE_SHARED=str(DATA.parent))
            # this script, importing credscore from the exported tree (PYTHONPATH wins over the install)
            subprocess.run([sys.executable, __file__, "--dump", ref, "--expect-root", str(src),
                            "--text", str(a.text), "--html", str(a.html)], check=True, env=env, cwd=tmp)
        dump(new, a.text, a.html)
        sys.exit(compare(ref, new))


if __name__ == "__main__":
    main()
