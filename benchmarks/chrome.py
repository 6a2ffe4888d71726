"""Chrome-removal benchmark: ``credscore.clean()`` (HTML and text) beside the usual extractors.

The headline rows are ``credscore.clean()`` -- what users call: chrome stages, then the
rules-only settle that makes it idempotent.  The chrome stage alone (``strip``, one
pass, what ``analyze().text`` holds) and the model alone are kept as diagnostics.
Every table gives macro word F1 per page type and the number of pages under F1 0.3
(catastrophic extractions).

Run on the held-aside *test* split of ``benchmarks/splits/boilerplate_split.json``
(domain-grouped; the chrome model never saw these sites)::

    python -m benchmarks.chrome             # all 505 test pages
    python -m benchmarks.chrome --limit 60  # quick, evenly spaced sample

Every system runs on the same pages in the same process, one after the other, so the
pages/s column is a ratio you can compare within one run (not across machines).  It is
pages per second of *CPU time of this process* (``time.process_time``), because the
machine this was written on is shared: wall-clock rates swing with other people's load,
CPU time does not (every tool here is single-threaded).

Two input modes:

* **HTML** -- the raw page.
* **text** -- the page as a scraper that kept every text node would give it:
  BeautifulSoup ``get_text("\\n")`` after dropping script/style/noscript/template,
  one block per line (:func:`tools.data.boilerplate.html_to_text_input`).  No anchor
  takes plain text, so each is given the lines wrapped as ``<p>`` paragraphs
  (the fairest input they can read); "naive" returns the text unchanged.

Anchors are optional (``pip install -e .[bench]``); a missing one is reported and skipped.
"""

from __future__ import annotations

import argparse
import html as _html
import sys
import time
from collections import defaultdict
from typing import Callable

from tools.data import boilerplate as data

Extractor = Callable[[str], str]


# --------------------------------------------------------------------------- anchors
def _naive_html(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for el in soup(["script", "style", "noscript", "template"]):
        el.decompose()
    return soup.get_text("\n")


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _justext(html: str) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def _boilerpy3(html: str) -> str:
    from boilerpy3 import extractors

    try:
        return extractors.ArticleExtractor(raise_on_failure=False).get_content(html) or ""
    except Exception:  # boilerpy3 raises on some malformed pages
        return ""


def _readability(html: str) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:
        return ""
    if not summary.strip():
        return ""
    return lxml.html.fromstring(summary).text_content()


def _as_paragraphs(text: str) -> str:
    """Plain text -> minimal HTML, one ``<p>`` per line (what anchors can read)."""
    body = "\n".join(f"<p>{_html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def _wrap(fn: Extractor) -> Extractor:
    return lambda text: fn(_as_paragraphs(text))


def _keep_long_lines(text: str) -> str:
    """Text baseline: keep lines of at least 10 words."""
    return "\n".join(ln for ln in text.split("\n") if len(ln.split()) >= 10)


# --------------------------------------------------------------------------- credscore
def _clean_html(html: str) -> str:
    import credscore

    return credscore.clean(html, content_type="html")


def _clean_text(text: str) -> str:
    import credscore

    return credscore.clean(text, content_type="text")


def _analyze_html(html: str) -> str:
    """The whole of :func:`credscore.analyze` (chrome, signals, score): its cleaned text is
    scored like the others, and its pages/s is what a scoring user gets from HTML."""
    import credscore

    return credscore.analyze(html, content_type="html").text


def _credscore_html(html: str) -> str:
    """credscore's own chrome stage: segment_html -> rules -> block model -> cleaned text."""
    from credscore.chrome import strip
    from credscore.chrome.model import label_with_model
    from credscore.segment import segment_html

    return strip(segment_html(html), "html", model=label_with_model).text


def _credscore_text(text: str) -> str:
    from credscore.chrome import strip
    from credscore.chrome.model import label_with_model
    from credscore.segment import segment_text

    return strip(segment_text(text), "text", model=label_with_model).text


def _credscore_html_model_only(html: str) -> str:
    """The block model alone, no rules: the blocks it keeps, one per line."""
    from credscore.chrome import features as F
    from credscore.chrome.model import load
    from credscore.segment import segment_html

    m = load()
    blocks = segment_html(html).blocks
    if not blocks:
        return ""
    p = m.html.proba(F.html_features(blocks))
    return "\n".join(b.text for b, q in zip(blocks, p) if q >= m.html.threshold)


def _credscore_text_model_only(text: str) -> str:
    """The line model alone, no rules: the non-empty lines it keeps."""
    from credscore.chrome import features as F
    from credscore.chrome.model import load

    m = load()
    lines = [ln for ln in (x.strip() for x in text.split("\n")) if ln]
    if not lines:
        return ""
    p = m.text.proba(F.text_mode_features(lines))
    return "\n".join(ln for ln, q in zip(lines, p) if q >= m.text.threshold)


HTML_SYSTEMS: list[tuple[str, Extractor]] = [
    ("credscore.clean (HTML)", _clean_html),
    ("credscore.analyze (HTML)", _analyze_html),
    ("stage: strip (HTML)", _credscore_html),
    ("credscore (HTML), model only", _credscore_html_model_only),
    ("trafilatura", _trafilatura),
    ("jusText", _justext),
    ("boilerpy3", _boilerpy3),
    ("readability-lxml", _readability),
    ("naive get_text", _naive_html),
]
TEXT_SYSTEMS: list[tuple[str, Extractor]] = [
    ("credscore.clean (text)", _clean_text),
    ("stage: strip (text)", _credscore_text),
    ("credscore (text), model only", _credscore_text_model_only),
    ("trafilatura on <p> lines", _wrap(_trafilatura)),
    ("jusText on <p> lines", _wrap(_justext)),
    ("boilerpy3 on <p> lines", _wrap(_boilerpy3)),
    ("readability-lxml on <p> lines", _wrap(_readability)),
    ("keep lines >= 10 words", _keep_long_lines),
    ("naive (text unchanged)", lambda t: t),
]


def _run(name: str, fn: Extractor, inputs: list[str], pages: list[data.Page]) -> dict:
    outs: list[str] = []
    failures = 0
    try:  # warm up outside the clock: imports, model load, caches (every system alike)
        fn(inputs[0])
    except ImportError:
        raise
    except Exception:
        pass
    t0 = time.process_time()
    for x in inputs:
        try:
            outs.append(fn(x))
        except ImportError:
            raise
        except Exception:
            failures += 1
            outs.append("")
    dt = time.process_time() - t0
    scores = [data.score_page(o, p) for o, p in zip(outs, pages)]
    by_type: dict[str, list] = defaultdict(list)
    for s, p in zip(scores, pages):
        by_type[p.page_type].append(s)
    return {
        "name": name,
        "all": data.macro(scores),
        "types": {t: data.macro(v) for t, v in by_type.items()},
        "corpora": {
            c: data.macro([s for s, p in zip(scores, pages) if p.corpus == c])
            for c in ("wcxb", "aeb")
        },
        "under_03": sum(s.f1 < 0.3 for s in scores),
        "pps": len(inputs) / dt if dt else float("inf"),
        "failures": failures,
    }


def _table(title: str, rows: list[dict], types: list[str]) -> str:
    out = [f"### {title}", ""]
    out.append("| system | P | R | F1 | F1 WCXB | F1 AEB | pages F1 < 0.3 | chrome kept | pages/s |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        a = r["all"]
        out.append(
            f"| {r['name']} | {a['precision']:.3f} | {a['recall']:.3f} | **{a['f1']:.3f}** | "
            f"{r['corpora']['wcxb']['f1']:.3f} | {r['corpora']['aeb']['f1']:.3f} | {r['under_03']} | "
            f"{a['chrome_kept']:.2f} | {r['pps']:.1f} |"
        )
    out += ["", "F1 per page type (pages in brackets):", ""]
    out.append("| system | " + " | ".join(f"{t} ({rows[0]['types'][t]['n']})" for t in types) + " |")
    out.append("|---|" + "---|" * len(types))
    for r in rows:
        out.append(f"| {r['name']} | " + " | ".join(f"{r['types'][t]['f1']:.3f}" for t in types) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="evenly spaced sample of N test pages")
    ap.add_argument("--split", default="test", choices=["test", "train"])
    ap.add_argument("--only", default=None, help="comma-separated substrings of system names")
    ap.add_argument("--mode", default="both", choices=["both", "html", "text"])
    args = ap.parse_args(argv)
    if not data.available():
        print(f"boilerplate data not found under {data.DATA}", file=sys.stderr)
        return 2
    pages = data.load_split(args.split, limit=args.limit)
    htmls = [p.html() for p in pages]
    t0 = time.perf_counter()
    texts = [data.html_to_text_input(h) for h in htmls]
    print(f"built text-mode input for {len(pages)} pages in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    types = sorted({p.page_type for p in pages}, key=lambda t: (t != "article", t))

    def pick(systems):
        if not args.only:
            return systems
        keys = [k.strip().lower() for k in args.only.split(",")]
        return [s for s in systems if any(k in s[0].lower() for k in keys)]

    report = [f"Test split: {len(pages)} pages ({args.split}), "
              f"{sum(p.corpus == 'wcxb' for p in pages)} WCXB + {sum(p.corpus == 'aeb' for p in pages)} AEB.", ""]
    for mode, systems, inputs in (("HTML input", HTML_SYSTEMS, htmls), ("Plain-text input", TEXT_SYSTEMS, texts)):
        if args.mode != "both" and not mode.lower().startswith(args.mode):
            continue
        rows = []
        for name, fn in pick(systems):
            try:
                r = _run(name, fn, inputs, pages)
            except ImportError as e:
                print(f"skipping {name}: {e}", file=sys.stderr)
                continue
            print(f"{name}: F1 {r['all']['f1']:.3f}  <0.3: {r['under_03']}  {r['pps']:.1f} pages/s  "
                  f"failures {r['failures']}", file=sys.stderr)
            rows.append(r)
        if rows:
            report.append(_table(mode, rows, types))
            report.append("")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
