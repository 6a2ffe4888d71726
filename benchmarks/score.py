"""How good is the credibility score, measured so that publisher style cannot pass for credibility.

    python benchmarks/score.py [--data ../shared/data] [--boot 1000] [--out benchmarks/results/score.md]
                               [--calibration isotonic|platt|none] [--no-sign-constraints] [--drop REGEX]
                               [--keep-label-mined] [--no-infold-mining] [--no-domain-signs] [--headline-signs-only]

About 4-5 minutes on the shared 2-core machine with the signal cache warm; ``--boot 200``
(fewer bootstrap resamples: the point estimates are the same, the intervals rougher) is the
quick mode.  Write a variant's tables elsewhere with ``--out``.

Every figure is out-of-fold on REAL documents (the synthetic spun copies are
training augmentation only and never scored):

* **grouped** — ``GroupKFold(5)`` with groups = BuzzFeed-Webis portal, FakeNewsNet
  domain, FakeNewsAMT topic, celebrity corpus (one group: it has no sources, so
  its figure is leave-the-corpus-out).  A publisher is never on both sides.
* **random** — ``StratifiedKFold(5)``: the same models on a random split.  Printed
  only as the measure of leakage (how much of it is house-style recognition).

Models compared on the same folds: the majority baseline (training prevalence),
a plain logistic regression on 12 simple style features
(:data:`score_data.STYLE_FEATURES`), and credscore's model (its own signals, a-priori
signs for what each signal means, sign constraints where every corpus agrees, Platt
scaling on inner grouped folds; isotonic calibration beside it) trained with and without the
synthetic spun copies.  Metrics: ROC AUC, Brier score, expected calibration
error (10 equal-width bins), each with a 95% bootstrap interval (documents
resampled, 1000 times, fixed seed), and the paired AUC gain over the style
baseline with its own interval.  The targets (issue 7): grouped AUC at least 0.05
above the style baseline, calibration error at most 0.05.

A second section evaluates the optional CRED-1 source prior against the Lin et
al. 2023 domain ratings and the MBFC-derived labels of Baly et al. (evaluation
only: neither list ships).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

import score_data as sd  # noqa: E402


def ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: Σ_bins (n_b/n)·|mean(p) − mean(y)|, equal-width bins."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    tot = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            tot += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(tot)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if len(set(y)) == 2 else float("nan")


def metrics(y: np.ndarray, p: np.ndarray, constant: bool = False) -> dict[str, float]:
    """AUC, Brier, ECE.  ``constant``: a scorer that ranks nothing (AUC 0.5 by definition;
    pooling its per-fold constants would rank documents by fold, which means nothing)."""
    return {"auc": 0.5 if constant else auc(y, p), "brier": float(np.mean((p - y) ** 2)), "ece": ece(y, p)}


def bootstrap(y: np.ndarray, preds: dict[str, np.ndarray], n: int, seed: int, ref: str | None = None):
    """95% percentile intervals of each metric, and of the AUC gain over ``ref``."""
    rng = np.random.default_rng(seed)
    samples: dict[str, dict[str, list[float]]] = {k: {"auc": [], "brier": [], "ece": [], "gain": []} for k in preds}
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        yi = y[i]
        if len(set(yi)) < 2:
            continue
        ref_auc = auc(yi, preds[ref][i]) if ref else None
        for k, p in preds.items():
            m = metrics(yi, p[i], constant=k == "majority")
            for key in ("auc", "brier", "ece"):
                samples[k][key].append(m[key])
            if ref_auc is not None:
                samples[k]["gain"].append(m["auc"] - ref_auc)
    out = {}
    for k, d in samples.items():
        out[k] = {key: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for key, v in d.items() if v}
    return out


def paired_difference(y: np.ndarray, p: np.ndarray, q: np.ndarray, n: int, seed: int) -> dict[str, tuple]:
    """AUC and ECE of ``p`` minus those of ``q`` on the same documents, with 95% paired bootstrap intervals."""
    rng = np.random.default_rng(seed)
    diffs: dict[str, list[float]] = {"auc": [], "ece": []}
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        if len(set(y[i])) < 2:
            continue
        diffs["auc"].append(auc(y[i], p[i]) - auc(y[i], q[i]))
        diffs["ece"].append(ece(y[i], p[i]) - ece(y[i], q[i]))
    point = {"auc": auc(y, p) - auc(y, q), "ece": ece(y, p) - ece(y, q)}
    return {k: (point[k], float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in diffs.items()}


def oof_predictions(split: str, rows, X, S, feats, seed: int, C: float,
                    calibration: str = sd.DEFAULT_CALIBRATION,
                    constrain: bool = sd.DEFAULT_CONSTRAIN, grams=None,
                    domain: bool = sd.DEFAULT_DOMAIN_SIGNS) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities on the real rows for every compared model.

    With ``grams`` (:func:`score_data.candidate_grams` of every row) also
    ``credscore_infold_mined``: the shipped recipe plus a phrase-count feature whose phrase
    list is mined on each training fold's labels only (and re-mined in every inner
    calibration fold), the honest version of filler's hand-mined list."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    y = np.array([r.label for r in rows])
    groups = np.array([r.group for r in rows])
    real = np.array([r.real for r in rows])
    key_of = [r.key() for r in rows]
    src = [r.src for r in rows]
    ri = np.flatnonzero(real)
    if split == "grouped":
        folds = GroupKFold(n_splits=5).split(ri, y[ri], groups[ri])
    else:
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(ri, y[ri])
    alt = "platt" if calibration != "platt" else "isotonic"  # the other calibration, for comparison
    names = ("majority", "style12", "credscore", "credscore_noaug", f"credscore_{alt}", "credscore_uncalibrated")
    if grams is not None:
        names += ("credscore_infold_mined",)
    out = {k: np.full(len(rows), np.nan) for k in names}
    for tr_r, te_r in folds:
        tr, te = ri[tr_r], ri[te_r]
        train_keys = {key_of[i] for i in tr}
        aug = np.array([i for i in np.flatnonzero(~real) if src[i] in train_keys], dtype=int)
        tra = np.concatenate([tr, aug])
        out["majority"][te] = y[tr].mean()
        out["style12"][te] = sd.fit_style(S[tr], y[tr]).predict_proba(S[te])[:, 1]
        m = sd.fit_model(X[tra], y[tra], groups[tra], real[tra], feats, C=C, calibration=calibration,
                         constrain=constrain, use_domain_signs=domain)
        out["credscore"][te] = sd.predict(m, X[te])
        mu = sd.fit_model(X[tra], y[tra], groups[tra], real[tra], feats, C=C, calibration="none",
                          constrain=constrain, use_domain_signs=domain)
        out["credscore_uncalibrated"][te] = sd.predict(mu, X[te])
        ma = sd.fit_model(X[tra], y[tra], groups[tra], real[tra], feats, C=C, calibration=alt,
                          constrain=constrain, use_domain_signs=domain)
        out[f"credscore_{alt}"][te] = sd.predict(ma, X[te])
        m0 = sd.fit_model(X[tr], y[tr], groups[tr], real[tr], feats, C=C, calibration=calibration,
                          constrain=constrain, use_domain_signs=domain)
        out["credscore_noaug"][te] = sd.predict(m0, X[te])
        if grams is not None:
            mm = sd.fit_model(X[tra], y[tra], groups[tra], real[tra], feats, C=C, calibration=calibration,
                              constrain=constrain, use_domain_signs=domain, grams=[grams[i] for i in tra])
            out["credscore_infold_mined"][te] = sd.predict(mm, X[te], [grams[i] for i in te])
    return {k: v[real] for k, v in out.items()}


def fmt(m: dict[str, float], ci: dict[str, tuple[float, float]] | None, key: str) -> str:
    v = m[key]
    if ci and key in ci:
        lo, hi = ci[key]
        return f"{v:.3f} [{lo:.3f}, {hi:.3f}]"
    return f"{v:.3f}"


def source_prior_eval(data: Path, real_rows=None, text_pred=None) -> list[str]:
    """How well CRED-1 listings agree with two independent domain-quality lists,
    and what the prior does to the text score on FakeNewsNet articles with a domain."""
    import csv

    from credscore.source import apply, lookup

    lines = ["## Source prior (CRED-1) against independent domain ratings", ""]
    lin = {}
    with open(data / "cred/lin2023_domain_quality/data_domain_pc1.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lin[r["domain"].lower()] = float(r["pc1"])
    mbfc = {}
    for f in ("emnlp18_corpus.tsv", "acl2020_corpus.tsv"):
        with open(data / "cred/baly_mbfc_media_factuality" / f, encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                mbfc[r["source_url_normalized"].lower().removeprefix("www.")] = r["fact"]
    hits = {d: lookup("http://" + d) for d in lin}
    low = {d: v < 0.5 for d, v in lin.items()}
    n_low, n_high = sum(low.values()), len(low) - sum(low.values())
    listed = [d for d, h in hits.items() if h]
    lines.append(f"Lin et al. 2023 ({len(lin)} domains, pc1 < 0.5 = low quality: {n_low}): "
                 f"{len(listed)} are on CRED-1; {sum(low[d] for d in listed) / len(listed):.1%} of those are "
                 f"low quality, against {n_low / len(lin):.1%} of all rated domains.")
    lines += ["", "| CRED-1 category | on Lin | low quality | likelihood ratio low:high (Lin, +1 smoothed) | "
                  "shipped shift: mean odds factor |", "|---|---|---|---|---|"]
    cats = sorted({h.category for h in hits.values() if h})
    for c in cats:
        ds = [d for d in listed if hits[d].category == c]
        lo = sum(low[d] for d in ds)
        lr = ((lo + 1) / (n_low + 2)) / ((len(ds) - lo + 1) / (n_high + 2))
        implied = float(np.mean([np.exp(-hits[d].log_odds_shift) for d in ds]))
        lines.append(f"| {c} | {len(ds)} | {lo} | {lr:.1f} | {implied:.1f} |")
    fact = {d: v for d, v in mbfc.items() if v in ("low", "high", "mixed")}
    li = np.array([lookup("http://" + d) is not None for d in fact])
    fv = np.array(list(fact.values()))
    lines += ["", f"MBFC labels (Baly et al. 2018 + 2020, {len(fact)} domains): share on CRED-1 by factuality: "
              + ", ".join(f"{k} {li[fv == k].mean():.1%} (n={int((fv == k).sum())})" for k in ("low", "mixed", "high"))
              + f". Of the listed ones, {(fv[li] != 'high').mean():.1%} are low or mixed."]
    if real_rows is not None and text_pred is not None:
        idx = [i for i, r in enumerate(real_rows) if r.corpus == "fnn" and r.domain]
        y = np.array([real_rows[i].label for i in idx])
        pt = np.array([text_pred[i] for i in idx]) * 100
        pc = []
        nhit = 0
        for i, p in zip(idx, pt):
            h = lookup("http://" + real_rows[i].domain)
            nhit += h is not None
            pc.append(apply(p, h)[0] if h else p)
        pc = np.array(pc)
        lines += ["", f"FakeNewsNet articles with a domain ({len(idx)}, {int(y.sum())} real; {nhit} on CRED-1, "
                  f"of which {int(sum(1 for i in idx if lookup('http://' + real_rows[i].domain) and real_rows[i].label == 1))} "
                  f"real): grouped out-of-fold text score AUC {auc(y, pt):.3f}, Brier {np.mean((pt / 100 - y) ** 2):.3f}; "
                  f"with the source prior AUC {auc(y, pc):.3f}, Brier {np.mean((pc / 100 - y) ** 2):.3f}. "
                  "(The 'real' FakeNewsNet URLs are mostly short links such as politi.co, which no list can match.)"]
    lines += ["", "Only a listed domain moves the score; an unlisted one gets no prior (the list is one-sided)."]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=sd.DATA)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--spinners", default=",".join(sd.DEFAULT_SPINNERS),
                    help="spinners for the augmentation: phrase, wordnet (if tools/spinners.py is there), or both")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--C", type=float, default=sd.DEFAULT_C)
    ap.add_argument("--calibration", choices=("isotonic", "platt", "none"), default=sd.DEFAULT_CALIBRATION)
    ap.add_argument("--drop", metavar="REGEX", default=None,
                    help="leave out the features whose name matches REGEX (an ablation)")
    ap.add_argument("--no-sign-constraints", action="store_true",
                    help="fit without the sign constraints (the recipe before them), for comparison")
    ap.add_argument("--no-domain-signs", action="store_true",
                    help="do not hold the signals' headline values to their a-priori direction (score_data.DOMAIN_SIGNS)")
    ap.add_argument("--headline-signs-only", action="store_true",
                    help="a-priori signs on the headline values only, not on their components (an ablation)")
    ap.add_argument("--keep-label-mined", action="store_true",
                    help="keep filler's features that count its label-mined MINED list (the leaky recipe before)")
    ap.add_argument("--no-infold-mining", action="store_true",
                    help="skip the credscore_infold_mined comparison (faster)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "score.md")
    args = ap.parse_args()
    t0 = time.time()
    real_rows = sd.load_corpora(args.data)
    rows = real_rows + sd.spun_copies(real_rows, spinners=args.spinners.split(","))
    dicts = sd.feature_dicts(rows, jobs=args.jobs)
    feats, _dropped = sd.select_features(dicts, drop=args.drop, keep_label_mined=args.keep_label_mined)
    grams = None if args.no_infold_mining else sd.candidate_grams([r.text for r in rows])
    X = sd.matrix(dicts, feats)
    S = np.array([sd.style_features(r.text) for r in rows])
    y_real = np.array([r.label for r in real_rows])
    res: dict[str, dict] = {}
    lines = ["# credscore score benchmark", "",
             f"Command: `python benchmarks/score.py{' ' + ' '.join(sys.argv[1:]) if sys.argv[1:] else ''}` "
             f"(seed {sd.SEED}, {args.boot} bootstrap resamples, sign constraints "
             f"{'off' if args.no_sign_constraints else 'on'}, domain signs {'off' if args.no_domain_signs else 'headline only' if args.headline_signs_only else 'on'}, "
             f"{args.calibration} calibration). "
             f"{len(real_rows)} real documents ({int(y_real.sum())} reliable), "
             f"{len(rows) - len(real_rows)} synthetic spun copies (training only).",
             "",
             "Where these figures come from: every number below is produced by the command above, from the "
             "signal cache and `tools/score_data.py`'s recipe (it refits every model in every fold; it does not "
             "read `models/score.json`). The shipped model and its seed scores come from `python "
             "tools/train_score.py`. After a change to the signals or the chrome, refresh both: `python "
             "tools/train_score.py && python benchmarks/score.py`, then copy the grouped rows into "
             "models/README.md, docs/score.md and the README's Measured table.",
             "", f"Features ({len(feats)}): " + ", ".join(f"`{f}`" for f in feats), ""]
    for split in ("grouped", "random"):
        preds = oof_predictions(split, rows, X, S, feats, sd.SEED, args.C, args.calibration,
                                not args.no_sign_constraints, grams if split == "grouped" else None,
                                False if args.no_domain_signs else
                                "headline" if args.headline_signs_only else True)
        if split == "grouped":
            grouped_text = preds["credscore"]
        ci = bootstrap(y_real, preds, args.boot, sd.SEED, ref="style12")
        res[split] = {k: {"metrics": metrics(y_real, p, k == "majority"), "ci": ci[k]} for k, p in preds.items()}
        title = "Grouped by publisher/domain/topic (the honest figure)" if split == "grouped" else \
            "Random split (leakage measure only: house style recognised, not credibility)"
        lines += [f"## {title}", "", "| model | ROC AUC | AUC − style12 | Brier | ECE |", "|---|---|---|---|---|"]
        for k, p in preds.items():
            m = res[split][k]["metrics"]
            g = m["auc"] - res[split]["style12"]["metrics"]["auc"]
            glo, ghi = ci[k].get("gain", (0.0, 0.0))
            lines.append(f"| {k} | {fmt(m, ci[k], 'auc')} | {g:+.3f} [{glo:+.3f}, {ghi:+.3f}] | "
                         f"{fmt(m, ci[k], 'brier')} | {fmt(m, ci[k], 'ece')} |")
        lines.append("")
        if split == "grouped" and "credscore_infold_mined" in preds:
            d = paired_difference(y_real, preds["credscore_infold_mined"], preds["credscore"], args.boot, sd.SEED)
            res["infold_minus_shipped"] = d
            lines += ["In-fold mined phrase list minus the shipped recipe, paired (same documents resampled): "
                      f"AUC {d['auc'][0]:+.3f} [{d['auc'][1]:+.3f}, {d['auc'][2]:+.3f}], "
                      f"ECE {d['ece'][0]:+.3f} [{d['ece'][1]:+.3f}, {d['ece'][2]:+.3f}].", ""]
        if split == "grouped":
            lines += ["### Per corpus (same grouped out-of-fold predictions)", "",
                      "| subset | n (reliable) | model | ROC AUC | Brier | ECE |", "|---|---|---|---|---|---|"]
            subsets = {
                "BuzzFeed-Webis, all": lambda r: r.corpus == "bw",
                "BuzzFeed-Webis, hyperpartisan publishers only": lambda r: r.corpus == "bw" and r.subset != "mainstream",
                "FakeNewsNet": lambda r: r.corpus == "fnn",
                "FakeNewsAMT (topic groups)": lambda r: r.corpus == "amt",
                "Celebrity (leave-corpus-out)": lambda r: r.corpus == "celeb",
            }
            res["per_corpus"] = {}
            for name, sel in subsets.items():
                mask = np.array([sel(r) for r in real_rows])
                ys = y_real[mask]
                sub_ci = bootstrap(ys, {k: preds[k][mask] for k in ("style12", "credscore")}, max(200, args.boot // 5),
                                   sd.SEED)
                for k in ("majority", "style12", "credscore", "credscore_noaug", "credscore_infold_mined"):
                    if k not in preds:
                        continue
                    m = metrics(ys, preds[k][mask], k == "majority")
                    res["per_corpus"].setdefault(name, {})[k] = m
                    lines.append(f"| {name} | {mask.sum()} ({int(ys.sum())}) | {k} | {fmt(m, sub_ci.get(k), 'auc')} | "
                                 f"{fmt(m, sub_ci.get(k), 'brier')} | {fmt(m, sub_ci.get(k), 'ece')} |")
            lines.append("")
    g = res["grouped"]
    gain = g["credscore"]["metrics"]["auc"] - g["style12"]["metrics"]["auc"]
    e = g["credscore"]["metrics"]["ece"]
    lines += ["## Targets (issue 7)", "",
              f"- grouped AUC >= style12 + 0.05: gain {gain:+.3f} -> {'MET' if gain >= 0.05 else 'NOT MET'}",
              f"- grouped ECE <= 0.05: {e:.3f} -> {'MET' if e <= 0.05 else 'NOT MET'}", ""]
    try:
        lines += source_prior_eval(args.data, real_rows, grouped_text)
    except OSError as err:
        lines += [f"(source prior evaluation skipped: {err})"]
    lines += ["", f"Wall time {time.time() - t0:.0f} s."]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    args.out.with_suffix(".json").write_text(json.dumps(res, indent=1, default=float) + "\n")


if __name__ == "__main__":
    main()
