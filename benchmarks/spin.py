"""Benchmark of the ``spin`` signal: false positives on clean news, F1 on spun news, speed.

Run ``python -m benchmarks.spin`` (add ``--quick`` for a sample while
developing; ``--markdown FILE`` writes the tables).  Needs the shared data at
``<repo>/../shared`` (or ``CREDSCORE_SHARED``) and WordNet 3.0 (Debian
``wordnet-base``) for the table builder.

Protocol (everything split by publisher/domain: three source folds)
-------------------------------------------------------------------
For each test fold *e*:

* test documents: the clean articles of fold *e*, and the same articles spun at
  6, 12 and 25 % of words by the *test* spinner, measured with tables built from
  the two other folds;
* the model is trained on the two other folds, clean vs spun by the *training*
  spinner's mixture (two versions per article, rate 3-25 % and synonym choice
  drawn per version: ``tools/spinners.py``), their features cross-fitted (each
  fold measured with tables from the remaining fold), exactly as
  ``tools/train_spin.py`` trains the shipped model.

Test spinners: WordNet synonyms (first three senses, one of the first three
synonyms), and a word map mined from the Problematic Paper Screener's tortured
phrases (in memory only), each at exactly 6, 12 and 25 %.  Train on one family,
test on the other, both ways.  Also reported: the shipped model and tables on every clean article
(in-sample for the tables: optimistic), the seeds, and the cost of the signal
on 5 KB articles against ``textstat.flesch_reading_ease`` on the same texts in
the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]

from credscore.spin.model import SpinModel
from tools import spin_experiment as ex
from tools.data import spin_corpus


def cross_spinner(arts, quick: bool, log=print) -> list[dict]:
    rows = []
    folds = sorted({a.fold for a in arts})
    results = {(tr, te): {"clean": [], **{r: [] for r in ex.RATES}, "ach": {r: [] for r in ex.RATES}}
               for tr, te in (("wordnet", "pps"), ("pps", "wordnet"))}
    for e in folds:
        test = [a for a in arts if a.fold == e]
        train = [a for a in arts if a.fold != e]
        log(f"test fold {e}: {len(test)} articles; training on {len(train)}")
        test_tab = ex.tables_from(train)
        clean_X = ex.features([a.text for a in test], test_tab)
        for tr, te in results:
            X, y = ex.training_matrix(train, tr, log=log)
            model = SpinModel(ex.fit(X, y))
            res = results[(tr, te)]
            res["clean"] += list(model.predict_many(clean_X) >= model.threshold)
            spun = ex.spun_versions(test, te, one_rate_each=False)
            for r in ex.RATES:
                texts = [t for t, rr, _ in spun if rr == r]
                res["ach"][r] += [a for _, rr, a in spun if rr == r]
                res[r] += list(model.predict_many(ex.features(texts, test_tab)) >= model.threshold)
    for (tr, te), res in results.items():  # noqa: B007
        clean = np.array(res["clean"], dtype=int)
        row = {"train": tr, "test": te, "clean_docs": len(clean), "fp_rate": float(clean.mean())}
        for r in ex.RATES:
            spun = np.array(res[r], dtype=int)
            y = np.concatenate([np.zeros(len(clean)), np.ones(len(spun))])
            p = np.concatenate([clean, spun])
            row[f"f1@{r}"] = ex.f1(y, p)
            row[f"recall@{r}"] = float(spun.mean())
            row[f"achieved@{r}"] = float(np.mean(res["ach"][r]))
        rows.append(row)
        log(json.dumps(row))
    return rows


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (95 % by default)."""
    if n == 0:
        return (0.0, 1.0)
    ph = k / n
    d = 1 + z * z / n
    c = (ph + z * z / (2 * n)) / d
    h = z * ((ph * (1 - ph) / n + z * z / (4 * n * n)) ** 0.5) / d
    return (max(0.0, c - h), min(1.0, c + h))


def judge(text: str, tables=None, model=None):
    """The ``spin`` signal on ``text``, optionally with other tables/model (cross-fitting)."""
    from credscore.signals import spin
    from credscore.signals.base import Context

    return spin.compute(Context.from_text(text), tables=tables, model=model)


def fa_row(name: str, sigs: list) -> dict:
    n = len(sigs)
    k = sum(s.flagged for s in sigs)
    lo, hi = wilson(k, n)
    spans = np.array([len(s.evidence) for s in sigs]) if sigs else np.zeros(1)
    return {"set": name, "docs": n, "flagged": k, "rate": k / n if n else 0.0, "lo": lo, "hi": hi,
            "spans_mean": float(spans.mean()), "spans_median": float(np.median(spans)),
            "with_spans": float(np.mean(spans > 0))}


def false_alarms(heldout: bool, *, show: int = 0, log=print) -> list[dict]:
    """Document false alarms and spans per article on clean real articles.

    Tuning sets: BuzzFeed-Webis mainstream and WCXB dev articles of the
    non-held-out sites, each source fold measured with tables built from the
    other folds (cross-fitted; the shipped model judges); AEB articles of the
    non-held-out sites with the shipped tables (never in tables or training).
    ``heldout``: also the held-out fifth of WCXB and AEB sites (never in tables,
    training or tuning) with the shipped tables and model.
    """
    from collections import Counter

    from credscore.spin import default_model

    model = default_model()
    rows, allsig, notes = [], [], Counter()
    arts = spin_corpus.clean_articles()
    for corpus in ("buzzfeed", "wcxb"):
        sigs = []
        for e in sorted({a.fold for a in arts}):
            tab = ex.tables_from([a for a in arts if a.fold != e])
            docs = [a for a in arts if a.corpus == corpus and a.fold == e]
            sigs += [(a, judge(a.text, tab, model)) for a in docs]
        rows.append(fa_row(f"{corpus} (tuning sites, cross-fitted tables)", [s for _, s in sigs]))
        allsig += sigs
        log(json.dumps(rows[-1]))
    aeb = spin_corpus.aeb_articles()
    sigs = [(a, judge(a.text)) for a in aeb if not a.heldout]
    rows.append(fa_row("aeb (tuning sites, unseen)", [s for _, s in sigs]))
    allsig += sigs
    rows.append(fa_row("all tuning sites", [s for _, s in allsig]))
    if heldout:
        ho = spin_corpus.clean_articles(heldout=True) + [a for a in aeb if a.heldout]
        hs = [judge(a.text) for a in ho]
        rows.append(fa_row(f"HELD-OUT sites, {len({a.source for a in ho})} sites (wcxb + aeb, unseen)", hs))
        rows.append(fa_row("all (tuning + held-out)", [s for _, s in allsig] + hs))
    for a, sg in allsig:
        for ev in sg.evidence:
            notes[ev.note.split(" (")[0]] += 1
    if show:
        for a, sg in sorted(allsig, key=lambda x: -x[1].value)[:show]:
            log(f"  p={sg.value:.3f} {'FLAG' if sg.flagged else ''} {a.corpus}/{a.source} "
                + "; ".join(e.note for e in sg.evidence[:12]))
        log("commonest spans: " + "; ".join(f"{k} x{v}" for k, v in notes.most_common(show * 3)))
    return rows


def fa_markdown(rows: list[dict]) -> str:
    L = ["| clean real articles | docs | flagged | rate (95 % Wilson) | spans/article mean (median) | with ≥ 1 span |",
         "|---|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['set']} | {r['docs']} | {r['flagged']} | {r['rate']:.2%} ({r['lo']:.2%}–{r['hi']:.2%}) | "
                 f"{r['spans_mean']:.2f} ({r['spans_median']:.0f}) | {r['with_spans']:.0%} |")
    return "\n".join(L) + "\n"


def recall_light(rate: float = 0.04, *, heldout: bool, log=print) -> list[dict]:
    """Document recall and per-span precision of the shipped detector on spun articles.

    Articles: AEB tuning sites (``heldout=False``) or the held-out sites (WCXB + AEB,
    never in tables or training), spun at ``rate`` of all words by each spinner;
    a span is right when it overlaps a substituted word.  ``handmade`` is the
    held-out spinner family (never trains a model).
    """
    import random
    import zlib

    from tools import spinners

    aeb = spin_corpus.aeb_articles()
    if heldout:
        arts = spin_corpus.clean_articles(heldout=True) + [a for a in aeb if a.heldout]
    else:
        arts = [a for a in aeb if not a.heldout]
    rows = []
    for sp in ("wordnet", "pps", "handmade"):
        flags, right, spans, ach = [], 0, 0, []
        for a in arts:
            rng = random.Random(zlib.crc32(f"recall:{sp}:{rate}:{a.corpus}:{a.id}".encode()))
            t, r = spinners.SPINNERS[sp](a.text, rate, rng)
            subs = list(spinners.LAST_SPANS)
            ach.append(r)
            sg = judge(t)
            flags.append(sg.flagged)
            for ev in sg.evidence:
                spans += 1
                right += any(s < ev.end and ev.start < e for s, e in subs)
        k, n = int(sum(flags)), len(flags)
        lo, hi = wilson(k, n)
        rows.append({"spinner": sp, "docs": n, "achieved": float(np.mean(ach)), "recall": k / n, "lo": lo, "hi": hi,
                     "span_precision": right / spans if spans else float("nan"), "spans": spans})
        log(json.dumps(rows[-1]))
    return rows


def recall_markdown(rows: list[dict], rate: float) -> str:
    L = [f"| spinner @ {rate:.0%} of words | docs | achieved | recall (95 % Wilson) | span precision (spans) |",
         "|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['spinner']} | {r['docs']} | {r['achieved']:.1%} | {r['recall']:.2f} ({r['lo']:.2f}–{r['hi']:.2f}) | "
                 f"{r['span_precision']:.2f} ({r['spans']}) |")
    return "\n".join(L) + "\n"


def shipped_on_clean(arts) -> dict:
    from credscore.signals import spin
    from credscore.signals.base import Context

    out = {}
    for corpus in ("buzzfeed", "wcxb"):
        docs = [a for a in arts if a.corpus == corpus]
        flags = [spin.compute(Context.from_text(a.text)).flagged for a in docs]
        out[corpus] = (len(docs), int(sum(flags)))
    return out


def aeb_unseen() -> tuple[int, int]:
    """Scrapinghub AEB gold article bodies (MIT): clean news never used for tables or training."""
    import json
    import re

    from credscore.signals import spin
    from credscore.signals.base import Context

    p = spin_corpus.SHARED / "boilerplate" / "scrapinghub-aeb" / "ground-truth.json"
    n = f = 0
    for _, rec in sorted(json.loads(p.read_text(encoding="utf-8")).items()):
        body = rec.get("articleBody") or ""
        words = re.findall(r"[a-z]+", body.lower())
        if len(words) < 100 or sum(w in {"the", "and", "of", "to"} for w in words) / len(words) <= 0.08:
            continue  # short or not English
        n += 1
        f += spin.compute(Context.from_text(body)).flagged
    return n, f


def aeb_distribution() -> str:
    """The shipped ``spin`` value on unseen AEB articles, clean and spun (both test spinners, 6/12/25 %)."""
    import random
    import re
    import zlib

    from tools import spinners

    from credscore.signals import spin
    from credscore.signals.base import Context

    p = spin_corpus.SHARED / "boilerplate" / "scrapinghub-aeb" / "ground-truth.json"
    bodies = []
    for k, rec in sorted(json.loads(p.read_text(encoding="utf-8")).items()):
        body = rec.get("articleBody") or ""
        words = re.findall(r"[a-z]+", body.lower())
        if len(words) < 100 or sum(w in {"the", "and", "of", "to"} for w in words) / len(words) <= 0.08:
            continue
        bodies.append((k, body))
    sets = {"clean": [b for _, b in bodies]}
    for sp in ("wordnet", "pps"):
        for r in ex.RATES:
            sets[f"{sp} @{r:.0%}"] = [
                spinners.SPINNERS[sp](b, r, random.Random(zlib.crc32(f"dist:{sp}:{r}:{k}".encode())))[0]
                for k, b in bodies
            ]
    L = ["| AEB articles (unseen) | docs | median `spin` | 90th pct | mean | flagged |", "|---|---|---|---|---|---|"]
    for name, texts in sets.items():
        ss = [spin.compute(Context.from_text(t)) for t in texts]
        v = np.array([s.value for s in ss])
        L.append(f"| {name} | {len(v)} | {np.median(v):.3f} | {np.quantile(v, 0.9):.3f} | {v.mean():.3f} | "
                 f"{np.mean([s.flagged for s in ss]):.1%} |")
    return "\n".join(L) + "\n"


def speed(arts, n: int = 100) -> dict:
    """Per-document cost on ~5 KB texts: spin signal vs textstat Flesch reading ease.

    Interleaved, each text timed once per contender (textstat caches per text).
    ``spin_ms`` includes building the shared tokenisation (``Context.from_text``);
    ``spin_view_ms`` is the signal alone on an already tokenised text, as in the
    pipeline, where every signal shares one :class:`~credscore.text.TextView`.
    """
    import textstat

    from credscore.signals import spin
    from credscore.signals.base import Context

    texts = []
    for a in arts:
        t = a.text
        if len(t.encode()) >= 5000:
            texts.append(t.encode()[:5000].decode("utf-8", "ignore"))
        if len(texts) == n:
            break
    spin.compute(Context.from_text(texts[0] + " warm"))  # load tables and model once
    textstat.flesch_reading_ease(texts[0] + " warm")
    t_spin = t_view = t_fre = 0.0
    for t in texts:
        t0 = time.perf_counter()
        spin.compute(Context.from_text(t))
        t1 = time.perf_counter()
        textstat.flesch_reading_ease(t)
        t2 = time.perf_counter()
        ctx = Context.from_text(t + " ")
        ctx.view.words_lower  # tokenised outside the timing
        t3 = time.perf_counter()
        spin.compute(ctx)
        t4 = time.perf_counter()
        t_spin += t1 - t0
        t_fre += t2 - t1
        t_view += t4 - t3
    k = len(texts)
    return {"docs": k, "spin_ms": 1000 * t_spin / k, "spin_view_ms": 1000 * t_view / k,
            "flesch_ms": 1000 * t_fre / k, "ratio": t_spin / t_fre, "ratio_view": t_view / t_fre}


def speed_md(sp: dict) -> str:
    return (f"Speed on {sp['docs']} articles of 5 KB, warm, per document: spin {sp['spin_ms']:.2f} ms with "
            f"tokenisation, {sp['spin_view_ms']:.2f} ms on the shared tokenisation (textstat Flesch "
            f"{sp['flesch_ms']:.2f} ms in the same run).\n")


def seeds() -> list[tuple[str, bool, float, int]]:
    import credscore

    out = []
    for p in sorted((REPO / "seeds").glob("*.txt")):
        s = credscore.analyze(p.read_text(encoding="utf-8")).signals["spin"]
        out.append((p.name[:3], s.flagged, s.value, len(s.evidence)))
    return out


def markdown(rows, clean, sp, sd) -> str:
    L = ["| train spinner → test spinner | clean docs | FP rate | F1 @6% | F1 @12% | F1 @25% (achieved) | recall 6/12/25% |",
         "|---|---|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['train']} → {r['test']} | {r['clean_docs']} | {r['fp_rate']:.2%} | {r['f1@0.06']:.3f} | "
                 f"{r['f1@0.12']:.3f} | {r['f1@0.25']:.3f} ({r['achieved@0.25']:.1%}) | "
                 f"{r['recall@0.06']:.2f} / {r['recall@0.12']:.2f} / {r['recall@0.25']:.2f} |")
    L.append("")
    L.append("| shipped model + tables, clean articles (tables in-sample) | docs | flagged |")
    L.append("|---|---|---|")
    for k, (n, f) in clean.items():
        L.append(f"| {k} | {n} | {f} ({f / n:.2%}) |")
    L.append("")
    L.append(f"Speed on {sp['docs']} articles of 5 KB, per document: textstat Flesch {sp['flesch_ms']:.2f} ms; "
             f"spin {sp['spin_ms']:.2f} ms with tokenisation (ratio **{sp['ratio']:.2f}**), "
             f"{sp['spin_view_ms']:.2f} ms on the shared tokenisation (ratio **{sp['ratio_view']:.2f}**); goal ≤ 1.")
    L.append("")
    L.append("Seeds: " + ", ".join(f"{k} {'flagged' if f else 'not flagged'} (p={v:.2f}, {n} spans)" for k, f, v, n in sd))
    return "\n".join(L) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="every 4th article only")
    ap.add_argument("--markdown", type=Path)
    ap.add_argument("--skip-cross", action="store_true")
    ap.add_argument("--distribution", action="store_true",
                    help="only the shipped value's distribution on unseen AEB articles, clean and spun")
    ap.add_argument("--false-alarms", action="store_true",
                    help="only false alarms on clean articles (tuning sites) and recall at 4 %%")
    ap.add_argument("--heldout", action="store_true", help="with --false-alarms: the held-out sites too")
    ap.add_argument("--show", type=int, default=0, help="with --false-alarms: print the top-scoring clean docs")
    args = ap.parse_args()
    if args.false_alarms:
        t0 = time.time()
        fa = false_alarms(args.heldout, show=args.show)
        rc = recall_light(0.04, heldout=args.heldout)
        md = fa_markdown(fa) + "\n" + recall_markdown(rc, 0.04)
        if args.heldout:
            md += "\n" + speed_md(speed(spin_corpus.clean_articles()))
        print(md)
        print(f"({time.time() - t0:.0f}s)")
        if args.markdown:
            args.markdown.write_text(md)
        return
    if args.distribution:
        print(aeb_distribution())
        return
    arts = spin_corpus.clean_articles()
    if not arts:
        sys.exit("shared data not found")
    if args.quick:
        arts = arts[::4]
    t0 = time.time()
    rows = [] if args.skip_cross else cross_spinner(arts, args.quick)
    clean = shipped_on_clean(arts)
    clean["aeb (unseen: not in tables or training)"] = aeb_unseen()
    sp = speed(arts)
    sd = seeds()
    md = markdown(rows, clean, sp, sd)
    print(md)
    print(f"({time.time() - t0:.0f}s)")
    if args.markdown:
        args.markdown.write_text(md)


if __name__ == "__main__":
    main()
