"""Benchmark the ``dates`` signal and the publication date on WCXB dev.

Three measurements, in one run, on ``../shared/data/boilerplate/wcxb-dev``
(1,497 real pages; gold ``publish_date`` in ``ground-truth/NNNN.json``, page type
in ``metadata.json``, falling back to the ground truth's ``_internal`` type for
the pages metadata.json does not list):

1. **Publication-date accuracy** — :func:`credscore.dates.published.detect_published`
   against the gold ``publish_date`` (pages whose gold is a full day), beside
   htmldate's ``find_date(html, url=url, original_date=True)`` with
   ``extensive_search`` off and on.  htmldate gets the HTML *string* (never a
   URL to fetch; it also gets the URL string for its URL rules, as we do) and
   the socket module is disabled for the whole run, so nothing touches the
   network.
2. **False alarms** of checks 1–6 on the article pages: share of pages where
   each check fires.  Every alarm is written to ``--alarms`` (default
   ``benchmarks/results/dates_alarms.md``) for a person to read.  The crawl date
   is the page's ``downloaded_at`` where the ground truth has one, else
   2026-04-04 (the date of the WCXB commit: no page was fetched later).
3. **Speed** — the whole ``dates`` signal (fresh Context each time: extraction,
   publication date, seven checks) against ``dateparser.search.search_dates``
   on the same article texts, same run; the ratio is reported.

``--text pipeline`` (default) runs credscore's own HTML pipeline (segment,
strip chrome) and checks the cleaned text; ``--text naive`` checks the whole
page text (every block, chrome included), a harder test of the checks.

Run from the repository root (dateparser and htmldate are in the ``bench`` extra)::

    pip install -e '.[bench]'
    python -m benchmarks.dates                      # the full run (about 2 minutes)
    python -m benchmarks.dates --limit 200 --speed-sample 20   # a quick look
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import gzip
import json
import logging
import os
import re
import socket
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CREDSCORE_SHARED", REPO.parent / "shared"))  # override: where the data is
WCXB = SHARED / "data" / "boilerplate" / "wcxb-dev"
SNAPSHOT = dt.date(2026, 4, 4)  # WCXB commit c039d5e: no page was fetched after it

from credscore.dates.published import detect_published  # noqa: E402
from credscore.signals import dates as dates_signal  # noqa: E402
from credscore.signals.base import Context  # noqa: E402


def _no_network(*_a: Any, **_k: Any) -> Any:
    raise RuntimeError("network access attempted during the benchmark")


def disable_network() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


# ------------------------------------------------------------------ data
def pages(root: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    files = sorted((root / "ground-truth").glob("*.json"))[: limit or None]
    for f in files:
        fid = f.stem
        gt = json.loads(f.read_text(encoding="utf-8"))
        ptype = meta.get(fid, {}).get("page_type")
        if ptype is None:
            try:
                ptype = ast.literal_eval(gt.get("_internal", "{}"))["page_type"]["primary"]
            except (ValueError, SyntaxError, KeyError, TypeError):
                ptype = None
        raw = gzip.open(root / "html" / f"{fid}.html.gz").read()
        dl = gt.get("downloaded_at")
        yield {
            "fid": fid,
            "url": gt.get("url"),
            "type": ptype,
            "gold": (gt.get("ground_truth") or {}).get("publish_date"),
            "crawled": dt.date.fromisoformat(dl[:10]) if dl else SNAPSHOT,
            "raw": raw,
            "html": raw.decode("utf-8", "replace"),
        }


# ------------------------------------------------------------------ two ways to a Context
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "header", "footer", "nav", "aside", "time", "td", "blockquote", "pre", "dd", "dt",
          "figcaption", "ul", "ol", "table", "main", "form"}


def naive_context(html: str, url: str | None, crawled: dt.date) -> Context:
    """Every text node of the page, one line per block, plus the page metadata."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    meta: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        k = m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv")
        if k and m.get("content") is not None:
            meta.setdefault(k.strip().lower(), []).append(m.get("content"))
    jsonld: list[Any] = []
    for s in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            jsonld.append(json.loads(s.text_content(), strict=False))
        except ValueError:
            pass
    times = [t.get("datetime") for t in doc.iter("time") if t.get("datetime")]
    h1 = next((" ".join(h.text_content().split()) for h in doc.iter("h1")), None)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag in _BLOCK:
            parts.append("\n")
        parts.append(el.text or "")
        for c in el:
            walk(c)
            parts.append(c.tail or "")
        if el.tag in _BLOCK:
            parts.append("\n")

    body = doc.find("body")
    walk(body if body is not None else doc)
    text = re.sub(r"[ \t\xa0]+", " ", "".join(parts))
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return Context.from_text(text, page={"meta": meta, "jsonld": jsonld, "time": times, "h1": h1},
                             url=url, crawled=crawled, content_type="html")


def pipeline_context(raw: bytes, url: str | None, crawled: dt.date) -> Context:
    """The Context credscore's own pipeline gives the signals (as in
    :func:`credscore.analysis.analyze`: load, segment, strip chrome)."""
    from credscore.chrome import strip
    from credscore.document import load
    from credscore.segment import segment_html, segment_text
    from credscore.text import TextView
    from credscore.types import Document

    decoded = load(Document(raw, url=url, crawled=crawled))
    html = decoded.content_type == "html"
    seg = segment_html(decoded.text) if html else segment_text(decoded.text)
    st = strip(seg, decoded.content_type)
    return Context(text=st.text, view=TextView(st.text), source_text=seg.source_text, removed=st.removed,
                   title=st.title, url=url, crawled=crawled, content_type=decoded.content_type, page=seg.page)


# ------------------------------------------------------------------ measurements
def run(args: argparse.Namespace) -> dict[str, Any]:
    disable_network()
    logging.disable(logging.CRITICAL)
    from dateparser.search import search_dates
    from htmldate import find_date

    acc = Counter()
    articles: list[tuple[dict[str, Any], Context]] = []
    alarms: list[dict[str, Any]] = []
    fired = Counter()
    undated = 0
    t_prep = 0.0
    for p in pages(WCXB, args.limit):
        t0 = time.perf_counter()
        try:
            ctx = (pipeline_context(p["raw"], p["url"], p["crawled"]) if args.text == "pipeline"
                   else naive_context(p["html"], p["url"], p["crawled"]))
        except Exception as e:  # a page the pipeline cannot read counts as no date
            print(f"{p['fid']}: {type(e).__name__}: {e}", file=sys.stderr)
            ctx = Context.from_text("", url=p["url"], crawled=p["crawled"])
        t_prep += time.perf_counter() - t0
        gold = p["gold"]
        if gold and re.fullmatch(r"\d{4}-\d\d-\d\d", gold):
            acc["gold"] += 1
            pub = detect_published(Context.from_text(ctx.text, page=ctx.page, url=ctx.url,
                                                     removed=ctx.removed, crawled=p["crawled"]))
            if pub is not None:
                acc["ours_found"] += 1
                acc["ours_ok"] += pub.date.isoformat() == gold
            for ext in (False, True):
                try:
                    hd = find_date(p["html"], url=p["url"], original_date=True,
                                   extensive_search=ext, outputformat="%Y-%m-%d")
                except Exception:
                    hd = None
                key = "htmldate_ext" if ext else "htmldate"
                acc[key + "_found"] += hd is not None
                acc[key + "_ok"] += hd == gold
        if p["type"] != "article":
            continue
        sig = dates_signal.compute(ctx)
        articles.append((p, ctx))
        undated += sig.details["undated"]
        for check in dates_signal.CHECKS:
            if sig.details[check]:
                fired[check] += 1
        for ev in sig.evidence:
            check = ev.note.split(":", 1)[0]
            t = ctx.text
            alarms.append({"fid": p["fid"], "url": p["url"], "check": check, "note": ev.note,
                           "context": t[max(0, ev.start - 80): ev.end + 60]})
        for hit in sig.details.get("not_in_text", []):
            alarms.append({"fid": p["fid"], "url": p["url"], "check": hit["check"], "note": hit["note"],
                           "context": hit.get("text", "(page metadata)")})

    # speed, same run, same article texts
    sample = articles[: args.speed_sample]
    texts = [ctx.text for _, ctx in sample]
    search_dates("warm up: July 6, 2023")
    t0 = time.perf_counter()
    for _p, ctx in sample:
        dates_signal.compute(Context.from_text(ctx.text, page=ctx.page, url=ctx.url, removed=ctx.removed,
                                               crawled=ctx.crawled, source_text=ctx.source_text))
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        search_dates(t)
    t_dp = time.perf_counter() - t0

    n_art = len(articles)
    res = {
        "text": args.text,
        "pages": sum(1 for _ in pages(WCXB, args.limit)) if args.limit else 1497,
        "gold_pages": acc["gold"],
        "accuracy": {k: round(acc[k + "_ok"] / acc["gold"], 4) if acc["gold"] else None
                     for k in ("ours", "htmldate", "htmldate_ext")},
        "found": {k: acc[k + "_found"] for k in ("ours", "htmldate", "htmldate_ext")},
        "articles": n_art,
        "false_alarm_pages": {c: fired[c] for c in dates_signal.CHECKS},
        "false_alarm_rate": {c: round(fired[c] / n_art, 4) if n_art else None for c in dates_signal.CHECKS},
        "undated_rate": round(undated / n_art, 4) if n_art else None,
        "speed": {
            "sample_articles": len(sample),
            "mean_chars": round(sum(map(len, texts)) / len(texts)) if texts else 0,
            "dates_signal_ms_per_doc": round(1000 * t_ours / max(1, len(sample)), 3),
            "search_dates_ms_per_doc": round(1000 * t_dp / max(1, len(sample)), 3),
            "ratio": round(t_dp / t_ours, 1) if t_ours else None,
        },
        "prep_s": round(t_prep, 1),
        "alarms": len(alarms),
    }
    write_alarms(Path(args.alarms), alarms, res)
    return res


def write_alarms(path: Path, alarms: list[dict[str, Any]], res: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# Every alarm of the dates checks 1–6 on WCXB dev article pages (text: {res['text']})",
        "",
        "Pages: WCXB v1.0 dev split, © 2026 Murrough Foley, CC BY 4.0. Produced by "
        f"`python -m benchmarks.dates --text {res['text']}`. {res['alarms']} alarms on "
        f"{sum(1 for _ in {a['fid'] for a in alarms})} of {res['articles']} article pages.",
        "",
    ]
    for a in alarms:
        ctx = " ".join(a["context"].split())
        lines += [f"- **{a['fid']}** `{a['check']}` — {a['note']}", f"  <{a['url']}>", f"  > …{ctx}…", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def table(res: dict[str, Any]) -> str:
    a, f = res["accuracy"], res["found"]
    out = [
        f"Publication date on WCXB dev ({res['gold_pages']} pages with a gold day; text: {res['text']})",
        "",
        "| method | dates given | exact-day accuracy |",
        "|---|---|---|",
        f"| credscore `detect_published` | {f['ours']} | **{a['ours']:.3f}** |",
        f"| htmldate `original_date=True, extensive_search=False` | {f['htmldate']} | {a['htmldate']:.3f} |",
        f"| htmldate `original_date=True, extensive_search=True` | {f['htmldate_ext']} | {a['htmldate_ext']:.3f} |",
        "",
        f"False alarms on {res['articles']} article pages (share of pages where the check fires)",
        "",
        "| check | pages | rate |",
        "|---|---|---|",
    ]
    for c, n in res["false_alarm_pages"].items():
        out.append(f"| {c} | {n} | {100 * res['false_alarm_rate'][c]:.2f}% |")
    s = res["speed"]
    out += [
        f"| (undated, check 7, not an alarm) | | {100 * res['undated_rate']:.2f}% |",
        "",
        f"Speed on {s['sample_articles']} article texts (mean {s['mean_chars']} characters): "
        f"`dates` signal {s['dates_signal_ms_per_doc']} ms/doc, dateparser `search_dates` "
        f"{s['search_dates_ms_per_doc']} ms/doc: **{s['ratio']}× faster**.",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages only")
    ap.add_argument("--speed-sample", type=int, default=60, help="articles timed against search_dates")
    ap.add_argument("--text", choices=("pipeline", "naive"), default="pipeline")
    ap.add_argument("--alarms", default=str(REPO / "benchmarks" / "results" / "dates_alarms.md"))
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args(argv)
    if not WCXB.is_dir():
        print(f"no data at {WCXB}", file=sys.stderr)
        return 2
    res = run(args)
    print(table(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
