"""How good is the credibility score, measured so that publisher style cannot pass for credibility.

    python -m benchmarks.score [--data ../shared/data] [--boot 1000] [--out benchmarks/results/score.md]
                               [--quick]

About 10 minutes on the shared 2-core machine with the signal cache warm (``--quick``:
3 inner folds, 200 bootstrap resamples, no leave-one-corpus-out).

Every figure is out-of-fold on the real labelled documents of ``../shared/data/cred``
(BuzzFeed-Webis 2016, FakeNewsNet v1, FakeNewsAMT + celebrity):

* **grouped** — ``GroupKFold(5)`` by publisher (:func:`tools.data.cred.publisher`: a
  BuzzFeed-Webis portal and the FakeNewsNet short-link domain of the same Facebook
  page are one group; FakeNewsAMT topics; the celebrity corpus is one group).  The
  stacked model is nested: its combiner is fitted on inner grouped out-of-fold logits
  of the outer training part only.
* **leave one corpus out** — train on the other corpora (minus any publisher of the
  held-out corpus), test on the held-out one, every rotation: the closest available
  stand-in for an unseen corpus.

Compared on the same folds: the majority baseline, word count alone
(``structure.log_words``), 12 plain style features (:data:`tools.score.baseline.STYLE_FEATURES`),
the signal block alone (with and without ``spin``), the wording block alone, and the
stacked model as shipped (and with spin's slope at 0).  Each block alone is
Platt-scaled on its inner out-of-fold logits.  Metrics: ROC AUC, Brier, expected calibration error (10
equal-width bins) at the training mix and, for the shipped probability, at the
shipped base rate (even odds: classes re-weighted to 50/50), with 95% bootstrap
intervals (documents resampled, fixed seed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

from tools.data import DATA
from tools.data.cred import corpus_family, load_corpora, publisher
from tools.score import SEED
from tools.score import stack as st
from tools.score.baseline import fit_style, style_features
from tools.score.features import feature_dicts, matrix, signal_feature_names


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


def ece_weighted(y: np.ndarray, p: np.ndarray, w: np.ndarray, bins: int = 10) -> float:
    """ECE with sample weights (classes re-weighted to a chosen base rate)."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    tot, W = 0.0, w.sum()
    for b in range(bins):
        m = idx == b
        if m.any():
            wm = w[m]
            tot += wm.sum() / W * abs(np.average(p[m], weights=wm) - np.average(y[m], weights=wm))
    return float(tot)


def balanced_weights(y: np.ndarray, base_rate: float = st.BASE_RATE) -> np.ndarray:
    """Weights that make the labelled set's prevalence ``base_rate``."""
    pos = y.mean()
    return np.where(y == 1, base_rate / pos, (1 - base_rate) / (1 - pos))


def _platt(z_train: np.ndarray, y: np.ndarray, z_test: np.ndarray) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(z_train[:, None], y)
    return lr.predict_proba(z_test[:, None])[:, 1]


class Blocks:
    """Fits the stack and the baselines on a training index, predicts a test index (nested: the
    combiner sees only inner out-of-fold block columns of the training part)."""

    def __init__(self, X, feats, terms, S, y, groups, inner_folds: int, log_words: np.ndarray,
                 aug: "st.Augment | None", flagged: np.ndarray):
        self.X, self.feats, self.terms, self.S, self.y, self.g = X, feats, terms, S, y, groups
        self.flagged = flagged
        self.inner, self.log_words, self.aug = inner_folds, log_words[:, None], aug

    def _sub_augment(self, tr: np.ndarray) -> "st.Augment | None":
        if self.aug is None:
            return None
        k = self.aug.for_rows(tr)
        return st.Augment(self.aug.X[k], np.searchsorted(tr, self.aug.src[k]), [self.aug.terms[i] for i in k],
                          self.aug.flags[k])

    def predict(self, tr: np.ndarray, te: np.ndarray) -> dict[str, np.ndarray]:
        from sklearn.linear_model import LogisticRegression

        y = self.y
        Zi, Zai = st.oof_block_logits(self.X[tr], [self.terms[i] for i in tr], y[tr], self.g[tr], self.feats,
                                      self.flagged[tr], folds=self.inner, aug=self._sub_augment(tr))
        Zt = st.Stack(self.X, self.terms, y, self.g, self.feats, tr, self.aug).z(
            self.X[te], [self.terms[i] for i in te], self.flagged[te])
        out: dict[str, np.ndarray] = {}
        prior = float(y[tr].mean())
        no_spin = np.array([1.0, 0.0, 1.0])
        for name, mask in (("stacked", np.ones(3)), ("stacked_no_spin", no_spin)):
            za = None if Zai is None else Zai * mask
            out[name] = st.combine(st.fit_combiner(Zi * mask, y[tr], za, base_rate=prior), Zt * mask)
            out[name + "@base"] = st.combine(st.fit_combiner(Zi * mask, y[tr], za), Zt * mask)
        out["signals"] = _platt(Zi[:, 0] + Zi[:, 1], y[tr], Zt[:, 0] + Zt[:, 1])
        out["signals_no_spin"] = _platt(Zi[:, 0], y[tr], Zt[:, 0])
        out["wording"] = _platt(Zi[:, 2], y[tr], Zt[:, 2])
        out["majority"] = np.full(len(te), prior)
        lw = self.log_words
        out["word_count"] = LogisticRegression().fit(lw[tr], y[tr]).predict_proba(lw[te])[:, 1]
        out["style12"] = fit_style(self.S[tr], y[tr]).predict_proba(self.S[te])[:, 1]
        return out


ORDER = ("majority", "word_count", "style12", "signals", "signals_no_spin", "wording", "stacked",
         "stacked_no_spin")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="3 inner folds, 200 resamples, no leave-one-corpus-out")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "score.md")
    args = ap.parse_args()
    if args.quick:
        args.boot = min(args.boot, 200)
    t0 = time.time()
    rows = load_corpora(args.data)
    y = np.array([r.label for r in rows])
    groups = np.array([publisher(r) for r in rows])
    fam = np.array([corpus_family(r) for r in rows])
    dicts = feature_dicts(rows)
    feats, _ = signal_feature_names(dicts)
    X = matrix(dicts, feats)
    S = np.array([style_features(r.text) for r in rows])
    terms = st.analyzed([r.text for r in rows])
    log_words = np.array([d.get("structure.log_words", 0.0) for d in dicts])
    aug = st.make_augment(rows, feats)
    B = Blocks(X, feats, terms, S, y, groups, 3 if args.quick else 5, log_words, aug, st.flags(dicts))
    print(f"{len(rows)} documents, {len(set(groups))} publishers, {len(feats)} signal features "
          f"({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)

    from sklearn.model_selection import GroupKFold

    preds: dict[str, np.ndarray] = {}
    for k, (tr, te) in enumerate(GroupKFold(n_splits=5).split(X, y, groups)):
        out = B.predict(tr, te)
        for name, p in out.items():
            preds.setdefault(name, np.zeros(len(y)))[te] = p
        print(f"  fold {k + 1}/5 done ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)

    ci = bootstrap(y, {k: preds[k] for k in ORDER}, args.boot, SEED, ref="word_count")
    w = balanced_weights(y)
    lines = ["# Credibility score: grouped evaluation", "",
             f"`python -m benchmarks.score{' --quick' if args.quick else ''}` — {len(rows)} labelled documents, "
             f"{len(set(groups))} publishers, GroupKFold(5) by publisher; intervals: {args.boot} bootstrap resamples.",
             "", "| model | AUC | gain over word count | Brier | ECE (training mix) |", "|---|---|---|---|---|"]
    for k in ORDER:
        m = metrics(y, preds[k], constant=k == "majority")
        c = ci[k]
        gain = m["auc"] - metrics(y, preds["word_count"])["auc"]
        lines.append(f"| {k} | {m['auc']:.3f} [{c['auc'][0]:.3f}, {c['auc'][1]:.3f}] | {gain:+.3f} "
                     f"[{c['gain'][0]:+.3f}, {c['gain'][1]:+.3f}] | {m['brier']:.3f} | {m['ece']:.3f} |")
    for k in ("stacked@base", "stacked_no_spin@base"):
        lines.append("")
        lines.append(f"Shipped probability `{k}` (base rate {st.BASE_RATE}): ECE with classes re-weighted to "
                     f"{st.BASE_RATE:.0%} positives **{ece_weighted(y, preds[k], w):.3f}**; unweighted "
                     f"{ece(y, preds[k]):.3f}.")
    lines += ["", "Per corpus (grouped AUC):", "", "| model | " + " | ".join(sorted(set(fam))) + " |",
              "|---|" + "---|" * len(set(fam))]
    for k in ORDER[1:]:
        lines.append(f"| {k} | " + " | ".join(f"{auc(y[fam == f], preds[k][fam == f]):.3f}"
                                             for f in sorted(set(fam))) + " |")
    if not args.quick:
        lines += ["", "## Leave one corpus out", "",
                  "Train on the other corpora (without any publisher of the held-out one), test on the held-out corpus.",
                  "", "| held out | n | " + " | ".join(ORDER[1:]) + " |", "|---|---|" + "---|" * (len(ORDER) - 1)]
        for f in sorted(set(fam)):
            te = np.flatnonzero(fam == f)
            tr = np.flatnonzero((fam != f) & ~np.isin(groups, groups[te]))
            out = B.predict(tr, te)
            lines.append(f"| {f} | {len(te)} | " + " | ".join(f"{auc(y[te], out[k]):.3f}" for k in ORDER[1:]) + " |")
            print(f"  LOCO {f} done ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
    lines += ["", f"({time.time() - t0:.0f} s)"]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    np.savez(ROOT / "artifacts" / "score_oof.npz", y=y, groups=groups, fam=fam, **preds)


if __name__ == "__main__":
    main()
