"""Shared by ``tools/train_score.py`` and ``benchmarks/score.py``: the labelled
corpora, their cleaning, the feature matrix (cached), the 12 style features of the
baseline, and the model fit that becomes ``models/score.json``.

Nothing here is imported by the package: it is the training and evaluation side.

The feature list is data-driven.  Every signal registered in
``credscore.signals.SIGNAL_MODULES`` is computed on every document (with a null
model, so no score is involved); each applicable signal gives its ``value`` as
feature ``"<signal>"`` and each finite number in its ``details`` as
``"<signal>.<key>"``.  :func:`select_features` then keeps the columns that carry
information on these corpora (see its docstring).  When a new signal lands in the
registry, re-running ``python -m tools.train_score`` picks it up: the cache key is
a hash of credscore's source code, so the matrix is rebuilt once.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

# <repo>/../shared/data as CI sees it; CREDSCORE_SHARED (the shared folder) or CREDSCORE_DATA override.
DATA = Path(os.environ.get("CREDSCORE_DATA")
            or Path(os.environ.get("CREDSCORE_SHARED") or ROOT.parent / "shared") / "data")
CACHE_DIR = ROOT / "artifacts"
SEED = 20261122
CLIP = 5.0
# "platt", "isotonic" or "none"; see fit_model.  Platt since round 3 of issue 7, decided by a design
# requirement, not by the evaluation: the explanation must be exact — each signal's points are its share
# of a strictly increasing map of the linear term (score = sigmoid(a*z + b), folded into the coefficients),
# so no two documents with different linear terms are tied and no step of a table hides a signal's
# contribution.  Isotonic calibration is flat in places (it tied seeds 002 and 003 on one step) and stays
# available (``--calibration isotonic``); the benchmark reports it beside the shipped method.
DEFAULT_CALIBRATION = "platt"
DEFAULT_CONSTRAIN = True  # sign constraints where all corpora agree (coefficient_signs)
DEFAULT_DOMAIN_SIGNS = True  # the a-priori direction of each signal's headline value (DOMAIN_SIGNS)

def domain_signs(features: Sequence[str], components: bool = True) -> np.ndarray:
    """Per feature: the a-priori direction its signal module declares (``FEATURES``, see
    :class:`credscore.signals.base.Feature`), 0 where none is implied or none is declared.
    ``components=False`` keeps the headline values' directions only (an ablation)."""
    from credscore.signals import declared_features

    declared = declared_features()
    return np.array([float(declared[f].direction) if f in declared and (components or "." not in f) else 0.0
                     for f in features])


DEFAULT_C = 0.3  # L2 strength of the logistic regression (fixed, not tuned on the test folds)
PREP_VERSION = "prep-4"  # bump when the cleaning below changes (part of the cache key)

# Signals that are never features, and why.  Anything else registered is a candidate.
EXCLUDED_SIGNALS: dict[str, str] = {
    "wording": "a learned block: the combiner reads its out-of-fold logit, never the shipped model's in-sample value",
    "chrome_ratio": "the corpora hold extracted article text: there is no chrome to measure, "
                    "so the model could only learn an artefact of the extraction",
    "byline": "bylines are stripped from the training texts (FakeNewsNet leakage), "
              "so the corpora say nothing about what a byline is worth",
}

# Details that describe how the corpus's text was cut into lines (one paragraph per line,
# hard-wrapped, lists) rather than the article: the corpora differ in this and in their share
# of reliable documents, so these would let the model recognise the corpus.  Dropping them
# raised every per-corpus grouped AUC but FakeNewsAMT's (measured 13:25 UTC, see models/README.md).
LINE_STRUCTURE_RE = re.compile(r"\.(?:.*_)?(?:n_lines|n_paragraphs|newline\w*|short_line\w*|kept_sentences|dropped_lines)$")

# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One labelled document: ``label`` 1 = from a reliable source / true."""

    text: str
    label: int
    group: str  # publisher, domain or topic: the unit of GroupKFold
    corpus: str  # "bw", "fnn", "amt", "celeb", "spun"
    subset: str = ""  # BuzzFeed-Webis orientation (mainstream/left/right)
    domain: str = ""  # FakeNewsNet domain, when known (for the source-prior evaluation)
    real: bool = True  # False for synthetic augmentation rows
    src: str = ""  # for a spun copy: key() of the article it was spun from

    def key(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|co|ws|ly|us|uk|info|news|tv|me|it|gl|io)(?:/\S*)?(?![\w.])",
    re.I,
)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_HANDLE_RE = re.compile(r"(?<![\w@])@\w{2,}")
_BYLINE_LINE_RE = re.compile(
    r"^[ \t]*(?:by|posted by|written by|authors?:|author:|reporting by|story by)\b[^\n]{0,100}$"
    r"|^[ \t]*(?:authors?:|loading\.\.\.|comments|advertisement)[ \t]*$",
    re.I | re.M,
)
_SPACES_RE = re.compile(r"[ \t]{2,}")
_BLANKS_RE = re.compile(r"\n{3,}")


def clean_text(text: str, authors: Iterable[str] = ()) -> str:
    """Remove what names the publisher rather than what the article says.

    URLs (FakeNewsNet "real" texts are full of ``politi.co``/``cnn.it`` short
    links), e-mail addresses and @handles; byline lines ("By …", "Authors:"),
    the record's own author names wherever they occur, and bare page residue lines
    ("Loading...", "Comments", "Advertisement").
    """
    t = _URL_RE.sub(" ", text)
    t = _EMAIL_RE.sub(" ", t)
    t = _HANDLE_RE.sub(" ", t)
    t = _BYLINE_LINE_RE.sub("", t)
    for a in authors:
        a = a.strip()
        if len(a) >= 5:
            t = re.sub(re.escape(a), " ", t, flags=re.I)
    t = _SPACES_RE.sub(" ", t)
    return _BLANKS_RE.sub("\n\n", t).strip()


def _authors(v: Any) -> list[str]:
    if not v:
        return []
    if isinstance(v, list):
        return [str(x) for x in v]
    s = str(v).strip()
    if s.startswith("["):
        return [a or b for a, b in re.findall(r"'([^']+)'|\"([^\"]+)\"", s)]
    return [s]


def _with_title(title: str | None, text: str) -> str:
    title = (title or "").strip()
    if title and not text.startswith(title):
        return f"{title}\n\n{text}"
    return text


def load_corpora(data: Path = DATA) -> list[Row]:
    """The three labelled corpora, cleaned (see ``../shared/data/cred/*/SOURCE.md``)."""
    cred = data / "cred"
    rows: list[Row] = []
    for line in open(cred / "buzzfeed_webis_2016/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        v = r["veracity"]
        if v == "no factual content" or not (r.get("text") or "").strip():
            continue
        text = clean_text(_with_title(r.get("title"), r["text"]), _authors(r.get("author")))
        rows.append(Row(text, int(v == "mostly true"), "bw:" + r["portal"], "bw", r["orientation"]))
    for line in open(cred / "fakenewsnet_v1_buzzfeed_politifact/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not (r.get("text") or "").strip():
            continue
        dom = (r.get("domain") or "").lower()
        text = clean_text(_with_title(r.get("title"), r["text"]), _authors(r.get("authors")))
        rows.append(Row(text, int(r["label"] == "real"), "fnn:" + (dom or "unknown-" + r["platform"]), "fnn",
                        r["platform"], dom))
    for line in open(cred / "perezrosas2018_fakenewsamt_celebrity/articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not (r.get("text") or "").strip():
            continue
        corpus = "amt" if r["dataset"] == "fakeNewsDataset" else "celeb"
        text = clean_text(_with_title(r.get("title"), r["text"]))
        rows.append(Row(text, int(r["label"] == "legit"), f"{corpus}:{r.get('domain_topic') or 'all'}", corpus))
    return [r for r in rows if len(r.text.split()) >= 20]


# Synthetic spun copies: a simple news spinner's synonym swaps.
_SPIN_MAP = {
    "Associated Press": "Related Press",
    "natural gas": "pure fuel",
    "Cold War": "Chilly Warfare",
    "International Criminal Court": "Worldwide Felony Court docket",
    "Communist Party": "Communist Social gathering",
    "Secretary-General": "Secretary-Normal",
    "Security Council": "Safety Council",
    "countries": "international locations",
    "technology": "know-how",
    "war crimes": "struggle crimes",
    "White House": "White Home",
    "Supreme Court": "Supreme Court docket",
    "House of Representatives": "Home of Representatives",
    "Foreign Minister": "Overseas Minister",
    "climate change": "local weather change",
    "said": "mentioned",
    "says": "mentions",
    "including": "together with",
    "during": "throughout",
    "in the field of": "within the discipline of",
    "international": "worldwide",
    "offered": "supplied",
}
_SPIN_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(_SPIN_MAP, key=len, reverse=True)) + r")\b")


def spin(text: str) -> str:
    """A crude article spinner: the synonym swaps that mark spun copies of wire stories."""
    return _SPIN_RE.sub(lambda m: _SPIN_MAP[m.group()], text)


def _wordnet_spinner():
    """The spin signal's own WordNet spinner (``tools/spinners.py``, from the spin work), or ``None``.

    It needs WordNet from ``../shared``; where that or the module is missing the
    augmentation uses the phrase spinner alone.
    """
    try:
        from tools import spinners  # noqa: PLC0415 - optional: needs WordNet from ../shared

        spinners.spin_wordnet("The government said on Monday that the report was accurate.", 0.5,
                              random.Random(0))
        return spinners.spin_wordnet
    except Exception:  # noqa: BLE001 - any failure means: not available here
        return None


DEFAULT_SPINNERS = ("phrase", "wordnet")


def spun_copies(rows: Sequence[Row], n: int = 300, seed: int = SEED,
                spinners: Sequence[str] = DEFAULT_SPINNERS) -> list[Row]:
    """Spun copies of ``n`` reliable BuzzFeed-Webis/FakeNewsNet articles, labelled 0.

    Two spinners: the phrase spinner above (:func:`spin`, the swaps seen in spun
    wire copies such as seed 000) for half of the articles, and — where available —
    the WordNet synonym spinner the ``spin`` signal is built against, at a random
    rate of 3–15% of the words, for the other half.  Each copy keeps its source's
    group, so GroupKFold never puts an article and its spun twin on both sides of a
    split.  They are training augmentation only: every reported metric is computed
    on real documents.
    """
    rng = random.Random(seed)
    wordnet = _wordnet_spinner() if "wordnet" in spinners else None
    reliable = [r for r in rows if r.label == 1 and r.corpus in ("bw", "fnn")]
    out = []
    for k, r in enumerate(rng.sample(reliable, min(n, len(reliable)))):
        rate = rng.uniform(0.03, 0.15)
        if wordnet is not None and k % 2:
            s = wordnet(r.text, rate, random.Random(f"{seed}:{k}"))[0]
        else:
            s = spin(r.text)
        if s != r.text:
            out.append(Row(s, 0, r.group, "spun", r.subset, r.domain, real=False, src=r.key()))
    return out


# ---------------------------------------------------------------------------
# Signal features (cached)
# ---------------------------------------------------------------------------


# Modules that read the signals but never change them: editing them keeps the feature cache.
SCORE_SIDE_MODULES = frozenset({"score.py", "wording.py", "scorable.py"})
# Learned signals: their values come from a shipped model, so the feature cache never holds them
# (the combiner reads them from out-of-fold fits instead; EXCLUDED_SIGNALS).
SCORE_SIDE_SIGNALS = frozenset({"wording"})


def code_hash() -> str:
    """Hash of credscore's source, the signal registry and the cleaning version."""
    import credscore
    from credscore.signals import SIGNAL_MODULES

    h = hashlib.sha256()
    signals = tuple(n for n in SIGNAL_MODULES if n not in SCORE_SIDE_SIGNALS)
    h.update(f"{credscore.__version__}|{signals}|{PREP_VERSION}".encode())
    for p in sorted((ROOT / "credscore").rglob("*.py")):
        if p.parent.name == "__pycache__" or p.name in SCORE_SIDE_MODULES:
            continue  # the score model does not change the signals
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def signal_features(text: str) -> dict[str, float]:
    """Every number the signals report for ``text``: values and numeric details."""
    import credscore
    from credscore.score import LinearModel

    null = LinearModel((), (), (), (), 0.0)
    try:
        a = credscore.analyze(text, content_type="text", model=null)
    except credscore.CredscoreError:
        return {}
    out: dict[str, float] = {}
    for name, s in a.signals.items():
        if not s.applicable:
            continue
        out[name] = float(s.value)
        out[f"{name}.flagged"] = float(s.flagged)  # never a feature (not declared); the score's flag gates
        for k, v in s.details.items():
            if isinstance(v, bool):
                v = float(v)
            if isinstance(v, (int, float)) and math.isfinite(v) and "." not in k:
                out[f"{name}.{k}"] = float(v)
    return out


def _feat_worker(text: str) -> dict[str, float]:
    return signal_features(text)


def feature_dicts(rows: Sequence[Row], jobs: int = 2, verbose: bool = True) -> list[dict[str, float]]:
    """Signal features of every row, from ``artifacts/score_features-<hash>.json.gz`` when cached."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"score_features-{code_hash()}.json.gz"
    cache: dict[str, dict[str, float]] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            cache = json.load(fh)
    todo = sorted({r.key(): r.text for r in rows if r.key() not in cache}.items())
    if todo:
        if verbose:
            print(f"computing signals for {len(todo)} documents ({jobs} processes) -> {path.name}", file=sys.stderr)
        if jobs > 1:
            from multiprocessing import get_context

            with get_context("fork").Pool(jobs) as pool:
                feats = pool.map(_feat_worker, [t for _, t in todo], chunksize=16)
        else:
            feats = [signal_features(t) for _, t in todo]
        cache.update({k: f for (k, _), f in zip(todo, feats)})
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            json.dump(cache, fh)
        tmp.replace(path)
    return [cache[r.key()] for r in rows]


def select_features(dicts: Sequence[dict[str, float]], min_coverage: float = 0.5,
                    max_corr: float = 0.95, drop: str | None = None,
                    keep_label_mined: bool = False) -> tuple[list[str], dict[str, str]]:
    """Columns worth a coefficient, and why each other one was dropped.

    Kept: features of signals not in :data:`EXCLUDED_SIGNALS`, not line-structure
    details (:data:`LINE_STRUCTURE_RE`), not filler's counts of its label-mined phrase list
    (:data:`LABEL_MINED_RE`, unless ``keep_label_mined``: that list was chosen on the labels
    of these corpora, so it would leak the held-out folds' labels into a feature), present (signal
    applicable) in at least ``min_coverage`` of the documents, not constant (the
    rarer value of a near-binary column on at least 1% of documents), and not a
    near-copy (|r| > ``max_corr``) of a column kept before it (a signal's value
    comes before its details), and not matched by the regular expression ``drop``
    (an ablation: ``--drop`` of the training and benchmark scripts).
    """
    names: list[str] = []
    seen: set[str] = set()
    for d in dicts:
        for k in d:
            if k not in seen:
                seen.add(k)
                names.append(k)
    names.sort(key=lambda f: (f.split(".", 1)[0], "." in f, f))
    dropped: dict[str, str] = {}
    kept: list[str] = []
    cols: list[np.ndarray] = []
    n = len(dicts)
    for f in names:
        sig = f.split(".", 1)[0]
        if sig in EXCLUDED_SIGNALS:
            dropped[f] = "excluded signal"
            continue
        if LINE_STRUCTURE_RE.search(f):
            dropped[f] = "line structure of the corpus extraction"
            continue
        if LABEL_MINED_RE.search(f) and not keep_label_mined:
            dropped[f] = ("counts filler's MINED list, chosen on these corpora's labels (leakage; "
                          "--keep-label-mined restores it)")
            continue
        if drop and re.search(drop, f):
            dropped[f] = f"dropped on request (--drop {drop!r})"
            continue
        vals = np.array([d.get(f, np.nan) for d in dicts], dtype=float)
        present = ~np.isnan(vals)
        if present.mean() < min_coverage:
            dropped[f] = f"present in {present.mean():.0%} of documents"
            continue
        v = vals[present]
        _, counts = np.unique(v, return_counts=True)
        if len(counts) < 2 or (n - counts.max()) < 0.01 * n:
            dropped[f] = "(nearly) constant"
            continue
        filled = np.where(present, vals, v.mean())
        dup = next((k for k, c in zip(kept, cols) if abs(np.corrcoef(c, filled)[0, 1]) > max_corr), None)
        if dup:
            dropped[f] = f"near-copy of {dup}"
            continue
        kept.append(f)
        cols.append(filled)
    return kept, dropped


def matrix(dicts: Sequence[dict[str, float]], features: Sequence[str]) -> np.ndarray:
    """Rows × features, NaN where a signal was not applicable."""
    return np.array([[d.get(f, np.nan) for f in features] for d in dicts], dtype=float)


# ---------------------------------------------------------------------------
# Phrase mining (shared by tools/mine_filler.py and the in-fold evaluation)
# ---------------------------------------------------------------------------

MINE_STOP = frozenset(
    "the a an of to in and or for on at by with from as is are was were be been it its this that these those "
    "he she they we you i his her their our your my him them us".split()
)
MINE_MIN_DF = 6  # suspect documents a phrase must occur in (mine_filler.py's default)
MINE_MIN_SOURCES = 4  # distinct sources among them: one site's boilerplate is chrome, not style
MINE_MAX_REF_SHARE = 0.01  # at most 1% of reference documents
# Fixed a priori, never tuned: about the size of the hand-curated MINED list (36 phrases).
MINE_TOP_K = 40
# filler's features that count its MINED list, which was chosen by hand on the labels of the very
# corpora the score is trained and evaluated on (models/README.md, "Diagnosis"): never score features.
LABEL_MINED_RE = re.compile(r"^filler(?:\.(?:distinct|mined_hits|hits|per_1000_words))?$")
INFOLD_FEATURE = "infold_mined_phrases"  # evaluation-only column: distinct in-fold mined phrases present


def ngrams(text: str, ns: tuple[int, ...] = (3, 4)) -> set[str]:
    """The distinct 3- and 4-word phrases of ``text`` (lower-cased words; 3-grams that begin
    and end with a stop word are skipped)."""
    from credscore.text import TextView

    w = TextView(text).words_lower
    out: set[str] = set()
    for n in ns:
        for i in range(len(w) - n + 1):
            g = w[i: i + n]
            if n == 3 and g[0] in MINE_STOP and g[-1] in MINE_STOP:
                continue
            out.add(" ".join(g))
    return out


def phrase_ok(g: str, words: Any) -> bool:
    """The label-free part of the rules: no digit, every word in the English word list, not all stop words."""
    toks = g.split()
    return (not any(ch.isdigit() for ch in g) and all(t in words for t in toks)
            and not all(t in MINE_STOP for t in toks))


def mine_phrases(suspect: Sequence[tuple[str, Iterable[str]]], reference: Sequence[Iterable[str]],
                 min_df: int = MINE_MIN_DF, min_sources: int = MINE_MIN_SOURCES,
                 max_ref_share: float = MINE_MAX_REF_SHARE, words: Any = None) -> list[tuple[float, int, int, str]]:
    """Phrases over-represented in ``suspect`` documents against ``reference`` ones, best first.

    ``suspect`` holds (source, phrase set) pairs, ``reference`` phrase sets (see :func:`ngrams`).
    A phrase qualifies when it occurs in at least ``min_df`` suspect documents from at least
    ``min_sources`` sources, in at most ``max_ref_share`` of the reference documents, and passes
    :func:`phrase_ok` (``words``: the English word list; ``None`` loads credscore's).  Rows are
    ``(log-odds, df_suspect, df_reference, phrase)`` with add-one-half smoothing,
    ``log(((a + .5) / (n_s + 1)) / ((b + .5) / (n_r + 1)))``, sorted by log-odds, then df.
    """
    from collections import Counter

    if words is None:
        from credscore.signals._wordfreq import english_frequencies

        words = english_frequencies()
    df_s: Counter[str] = Counter()
    df_r: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    ns = 0
    for src, grams in suspect:
        ns += 1
        for g in grams:
            df_s[g] += 1
            sources.setdefault(g, set()).add(src)
    nr = 0
    for grams in reference:
        nr += 1
        df_r.update(grams)
    rows = []
    for g, a in df_s.items():
        if a < min_df:
            continue
        b = df_r.get(g, 0)
        if b > max_ref_share * nr or len(sources[g]) < min_sources or not phrase_ok(g, words):
            continue
        rows.append((math.log(((a + 0.5) / (ns + 1)) / ((b + 0.5) / (nr + 1))), a, b, g))
    rows.sort(reverse=True)
    return rows


def candidate_grams(texts: Sequence[str], min_df: int = MINE_MIN_DF) -> list[frozenset[str]]:
    """Each text's phrases that could ever be mined: :func:`phrase_ok` and in at least ``min_df``
    of ``texts``.  Both rules ignore the labels, and a phrase found in ``min_df`` suspect documents
    is in at least ``min_df`` texts, so mining on these sets gives what mining on the full sets
    gives — only much faster (most phrases occur once)."""
    from collections import Counter

    from credscore.signals._wordfreq import english_frequencies

    words = english_frequencies()
    sets = [ngrams(t) for t in texts]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    keep = {g for g, c in df.items() if c >= min_df and phrase_ok(g, words)}
    return [frozenset(s & keep) for s in sets]


def mine_training_phrases(grams: Sequence[frozenset[str]], y: np.ndarray, groups: np.ndarray,
                          use: np.ndarray, top: int = MINE_TOP_K) -> list[str]:
    """mine_filler's rules run automatically on training rows only (no hand curation): suspect =
    rows of ``use`` with label 0 (source = their group), reference = rows of ``use`` with label 1;
    the ``top`` phrases by log-odds."""
    idx = np.flatnonzero(use)
    rows = mine_phrases([(groups[i], grams[i]) for i in idx if y[i] == 0],
                        [grams[i] for i in idx if y[i] == 1], words=_ALL_WORDS)
    return [g for _, _, _, g in rows[:top]]


class _AnyWord:
    """Word list stand-in for pre-filtered phrase sets (:func:`candidate_grams` applied the rule)."""

    def __contains__(self, _w: object) -> bool:
        return True


_ALL_WORDS = _AnyWord()


def phrase_count(grams: Sequence[frozenset[str]], phrases: Sequence[str]) -> np.ndarray:
    """How many of ``phrases`` each row's phrase set holds."""
    p = frozenset(phrases)
    return np.array([float(len(s & p)) for s in grams])


# ---------------------------------------------------------------------------
# The model: standardised logistic regression + calibration, as score.json
# ---------------------------------------------------------------------------


def choose_transforms(X: np.ndarray, max_skew: float = 2.0) -> list[str]:
    """``"slog"`` for heavy-tailed columns (skewness of the present values > ``max_skew``), else ``""``."""
    out = []
    for j in range(X.shape[1]):
        v = X[~np.isnan(X[:, j]), j]
        sd_ = v.std()
        skew = float(np.mean(((v - v.mean()) / sd_) ** 3)) if sd_ > 0 else 0.0
        out.append("slog" if abs(skew) > max_skew else "")
    return out


def apply_transforms(X: np.ndarray, transforms: Sequence[str]) -> np.ndarray:
    X = X.copy()
    for j, t in enumerate(transforms):
        if t == "slog":
            X[:, j] = np.sign(X[:, j]) * np.log1p(np.abs(X[:, j]))
    return X


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def predict(model: dict[str, Any], X: np.ndarray, grams: Sequence[frozenset[str]] | None = None) -> np.ndarray:
    """The calibrated probability, exactly as :class:`credscore.score.LinearModel` computes it.

    A model fitted with in-fold mining (``"mined_phrases"``) needs the rows' ``grams``."""
    if "mined_phrases" in model:
        if grams is None:
            raise ValueError("this model carries a mined phrase list: pass the rows' grams")
        X = np.column_stack([X, phrase_count(grams, model["mined_phrases"])])
    mean, scale, coef = (np.array(model[k], dtype=float) for k in ("mean", "scale", "coef"))
    if model.get("transforms"):
        X = apply_transforms(X, model["transforms"])
    Xf = np.where(np.isnan(X), mean, X)
    clip = float(model.get("clip", CLIP))
    z = float(model["intercept"]) + np.clip((Xf - mean) / scale, -clip, clip) @ coef
    p = _sigmoid(z)
    cal = model.get("calibration") or {}
    if cal.get("x"):
        p = np.interp(p, cal["x"], cal["y"])
    return p


def _standardise(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = np.nanmean(X, axis=0)
    Xf = np.where(np.isnan(X), mean, X)
    scale = Xf.std(axis=0)
    scale[scale == 0] = 1.0
    return np.clip((Xf - mean) / scale, -CLIP, CLIP), mean, scale


AUGMENTED_SIGNAL = "spin"  # the one signal the synthetic spun copies can teach anything about


def corpus_of(group: str) -> str:
    """The corpus a group belongs to (``"bw:abc"`` -> ``"bw"``)."""
    return group.split(":", 1)[0]


def coefficient_signs(Z: np.ndarray, y: np.ndarray, corpora: np.ndarray, min_n: int = 20) -> np.ndarray:
    """The direction each feature's coefficient is held to: +1, -1, or 0 (free).

    Scorecard practice ("coherent" coefficients), applied only where the data agree:
    a feature's association with the label is measured *within* each corpus (ROC AUC
    of the feature alone minus 0.5, on that corpus's rows; corpora with fewer than
    ``min_n`` rows or one class are skipped).  When every corpus shows the same
    direction, the coefficient may not take the other sign; when the corpora
    disagree it is left free.  So the model cannot turn "more dates" into "less
    credible" merely because a correlated count (``sourcing.dates`` against
    ``dates.dates``: both higher on reliable documents in every corpus) took the
    weight — the suppressor effect that cost an undated opinion piece 24 points to
    ``dates`` — while the contrasts the corpora disagree on stay available.
    Measured (models/README.md): the grouped AUC is unchanged, the explanations
    lose their sign flips.
    """
    from sklearn.metrics import roc_auc_score

    signs = np.zeros(Z.shape[1])
    for j in range(Z.shape[1]):
        dirs = set()
        for c in np.unique(corpora):
            m = corpora == c
            if m.sum() >= min_n and len(set(y[m])) == 2:
                dirs.add(float(np.sign(roc_auc_score(y[m], Z[m, j]) - 0.5)))
        if len(dirs) == 1:
            signs[j] = dirs.pop()
    return signs


def _fit_logistic(Z: np.ndarray, y: np.ndarray, C: float, signs: np.ndarray | None = None,
                  offset: np.ndarray | float = 0.0, fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    """L2 logistic regression with optional sign bounds on the coefficients.

    The objective is scikit-learn's (``sum log-loss + ||w||^2 / (2C)``, intercept not
    penalised), minimised with L-BFGS-B; ``signs[j]`` = +1 bounds ``w_j >= 0``, -1
    bounds ``w_j <= 0``, 0 leaves it free.  ``offset`` is a fixed part of the linear
    predictor (the two-stage fit).
    """
    from scipy.optimize import minimize

    k = Z.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:k], (theta[k] if fit_intercept else 0.0)
        z = offset + Z @ w + b
        p = _sigmoid(z)
        ll = np.sum(np.logaddexp(0, z) - y * z) + np.dot(w, w) / (2 * C)
        g = Z.T @ (p - y) + w / C
        return float(ll), (np.append(g, np.sum(p - y)) if fit_intercept else g)

    s = np.zeros(k) if signs is None else np.asarray(signs, dtype=float)
    bounds = [(0.0, None) if v > 0 else (None, 0.0) if v < 0 else (None, None) for v in s]
    if fit_intercept:
        bounds.append((None, None))
    res = minimize(loss, np.zeros(k + int(fit_intercept)), jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 5000})
    return res.x[:k].copy(), (float(res.x[k]) if fit_intercept else 0.0)


def _fit_two_stage(Z: np.ndarray, y: np.ndarray, real: np.ndarray, aug_cols: Sequence[int], lr,
                   C: float, signs: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Logistic regression in which the synthetic rows inform only the spin features.

    Stage 1 fits every other feature (and the intercept) on the real documents
    alone.  Stage 2 keeps that linear predictor fixed as an offset and fits the
    coefficients of the :data:`AUGMENTED_SIGNAL` features on real documents plus
    the spun copies (L2 penalty ``1/(2C)``, as scikit-learn's).  So a spun copy,
    which differs from its reliable original only by being spun, can teach what
    spin is worth but cannot drag the other coefficients toward "sounds like a
    mainstream article ⇒ unreliable".  Without synthetic rows (or spin features)
    this is a plain logistic regression on all features.
    """
    if signs is not None:
        if real.all() or not aug_cols:
            return _fit_logistic(Z, y, C, signs)
        other = [j for j in range(Z.shape[1]) if j not in set(aug_cols)]
        coef = np.zeros(Z.shape[1])
        coef[other], intercept = _fit_logistic(Z[real][:, other], y[real], C, signs[other])
        offset = Z[:, other] @ coef[other] + intercept
        coef[list(aug_cols)], _ = _fit_logistic(Z[:, aug_cols], y, C, signs[list(aug_cols)], offset=offset,
                                                fit_intercept=False)
        return coef, intercept
    if real.all() or not aug_cols:
        c = lr().fit(Z, y)
        return c.coef_[0].copy(), float(c.intercept_[0])
    from scipy.optimize import minimize

    other = [j for j in range(Z.shape[1]) if j not in set(aug_cols)]
    c1 = lr().fit(Z[real][:, other], y[real])
    coef = np.zeros(Z.shape[1])
    coef[other] = c1.coef_[0]
    intercept = float(c1.intercept_[0])
    offset = Z[:, other] @ coef[other] + intercept
    A = Z[:, aug_cols]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = offset + A @ w
        p = _sigmoid(z)
        ll = np.sum(np.logaddexp(0, z) - y * z) + np.dot(w, w) / (2 * C)
        return float(ll), A.T @ (p - y) + w / C

    res = minimize(loss, np.zeros(len(aug_cols)), jac=True, method="L-BFGS-B")
    coef[list(aug_cols)] = res.x
    return coef, intercept


def fit_model(X: np.ndarray, y: np.ndarray, groups: np.ndarray, real: np.ndarray, features: Sequence[str],
              C: float = DEFAULT_C, calibration: str = DEFAULT_CALIBRATION, seed: int = SEED,
              transform: bool = True, constrain: bool = DEFAULT_CONSTRAIN,
              grams: Sequence[frozenset[str]] | None = None,
              use_domain_signs: bool | str = DEFAULT_DOMAIN_SIGNS) -> dict[str, Any]:
    """Fit the logistic regression on all rows and calibrate it on held-out folds.

    ``grams`` (the rows' :func:`candidate_grams`; evaluation of in-fold mining): mine a phrase
    list on these training rows' labels (:func:`mine_training_phrases`, real rows only), add the
    column :data:`INFOLD_FEATURE` (how many of the phrases a row holds), and record the list
    as ``"mined_phrases"``; every inner calibration fold re-mines on its own training part, so
    no held-out label ever chooses a phrase.  :func:`predict` needs the test rows' ``grams``.

    Calibration: out-of-fold raw probabilities (GroupKFold by ``groups``, 5 folds)
    of the *real* rows are mapped to outcomes with isotonic regression (or Platt
    scaling, ``calibration="platt"``, folded into the coefficients).  The isotonic
    table is made strictly increasing (a 1% blend with the raw probability) so
    that the score keeps ranking documents the table would tie.

    ``constrain`` (default): each coefficient keeps the sign on which every corpus
    agrees (:func:`coefficient_signs`, recomputed on each training set, so the
    inner calibration folds and the benchmark's outer folds never see held-out
    labels); the fit is then scikit-learn's objective minimised with bounds.

    ``use_domain_signs`` (default): a signal's headline value is held to its a-priori
    direction (:data:`DOMAIN_SIGNS`: a defect <= 0, reporting practice >= 0), which
    overrides the data-driven direction where the two disagree; details keep the
    data-driven one.  Platt's slope is positive (checked), so folding it into the
    coefficients keeps every sign.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    mined: list[str] | None = None
    if grams is not None:
        mined = mine_training_phrases(grams, y, groups, real)
        X = np.column_stack([X, phrase_count(grams, mined)])
        features = list(features) + [INFOLD_FEATURE]
    transforms = choose_transforms(X) if transform else [""] * X.shape[1]
    X = apply_transforms(X, transforms)
    Z, mean, scale = _standardise(X)

    def lr() -> LogisticRegression:
        return LogisticRegression(C=C, max_iter=2000, random_state=seed)

    aug_cols = [j for j, f in enumerate(features) if f.split(".", 1)[0] == AUGMENTED_SIGNAL]

    corpora = np.array([corpus_of(g) for g in groups])

    # use_domain_signs="headline": the headline values only, not their components (an ablation)
    dom = (domain_signs(features, components=use_domain_signs != "headline") if use_domain_signs
           else np.zeros(len(features)))

    def fit_linear(Zt: np.ndarray, yt: np.ndarray, rt: np.ndarray, ct: np.ndarray) -> tuple[np.ndarray, float]:
        signs = None
        if constrain or use_domain_signs:
            signs = np.zeros(len(features))
            if constrain:
                signs = coefficient_signs(Zt[rt], yt[rt], ct[rt])
                if aug_cols:  # the spin features' direction is read where spin exists: with the spun copies
                    signs[aug_cols] = coefficient_signs(Zt[:, aug_cols], yt, ct)
            data_signs.append(signs.copy())
            signs = np.where(dom != 0, dom, signs)  # the a-priori direction wins
            used_signs.append(signs)
        return _fit_two_stage(Zt, yt, rt, aug_cols, lr, C, signs)

    used_signs: list[np.ndarray] = []
    data_signs: list[np.ndarray] = []
    coef, intercept = fit_linear(Z, y, real, corpora)
    final_signs = used_signs[0] if used_signs else np.zeros(len(features))
    conflicts = ({f: {"data": int(d), "domain": int(v)} for f, d, v in zip(features, data_signs[0], dom)
                  if d != 0 and v != 0 and d != v} if data_signs else {})
    calib = None
    if calibration != "none":
        oof = np.full(len(y), np.nan)
        n_groups = len(set(groups))
        for tr, te in GroupKFold(n_splits=min(5, n_groups)).split(Z, y, groups):
            if len(set(y[tr])) < 2:
                continue
            Xk = X
            if mined is not None:  # re-mine on this inner training part only
                inner = np.zeros(len(y), dtype=bool)
                inner[tr] = True
                col = phrase_count(grams, mine_training_phrases(grams, y, groups, real & inner))
                Xk = X.copy()
                Xk[:, -1] = apply_transforms(col[:, None], transforms[-1:])[:, 0]
            Zt, m_, s_ = _standardise(Xk[tr])
            c_, i_ = fit_linear(Zt, y[tr], real[tr], corpora[tr])
            Zte = np.clip((np.where(np.isnan(Xk[te]), m_, Xk[te]) - m_) / s_, -CLIP, CLIP)
            oof[te] = Zte @ c_ + i_
        ok = real & ~np.isnan(oof)
        if calibration == "platt":
            pl = LogisticRegression(C=1e6, max_iter=1000).fit(oof[ok, None], y[ok])
            a, b = float(pl.coef_[0, 0]), float(pl.intercept_[0])
            if a <= 0:  # a non-positive slope would flip (or zero) every sign; never seen, but refuse it
                raise ValueError(f"Platt slope {a:.3g} <= 0: the out-of-fold linear term does not rank")
            coef, intercept = coef * a, intercept * a + b
        else:
            from sklearn.isotonic import IsotonicRegression

            praw = _sigmoid(oof[ok])
            iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(praw, y[ok])
            xs = np.unique(np.concatenate([[0.0, 1.0], iso.X_thresholds_]))
            ys = 0.99 * iso.predict(xs) + 0.01 * xs
            calib = {"x": [round(float(v), 6) for v in xs], "y": [round(float(v), 6) for v in ys],
                     "method": "isotonic on grouped out-of-fold predictions of the real documents"}
    out = {
        "format": "credscore-linear/1",
        "features": list(features),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
        "calibration": calib,
        "clip": CLIP,
        "transforms": transforms,
        # documentation (the reader ignores it): the sign each coefficient was held to, 0 = free
        "sign_constraints": {f: int(v) for f, v in zip(features, final_signs)},
        # headline values whose data-driven direction disagreed with DOMAIN_SIGNS (the domain sign was used)
        "sign_conflicts": conflicts,
    }
    if mined is not None:
        out["mined_phrases"] = mined
    return out


# ---------------------------------------------------------------------------
# Baseline: 12 simple style features
# ---------------------------------------------------------------------------

STYLE_FEATURES = (
    "mean_word_length",  # letters per word
    "mean_sentence_length",  # words per sentence
    "type_token_ratio",  # distinct / total lower-cased words in the first 300 words
    "exclamation_rate",  # "!" per sentence
    "question_rate",  # "?" per sentence
    "all_caps_rate",  # words of >= 2 letters all in capitals, per word
    "quote_rate",  # quotation marks per word
    "digit_rate",  # digits per character
    "first_person_rate",  # I, me, my, we, us, our … per word
    "second_person_rate",  # you, your … per word
    "paragraph_length",  # words per paragraph (blank-line or line separated)
    "title_case_rate",  # capitalised words not at a sentence start, per word
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENT_RE = re.compile(r"[.!?]+(?:\s|$)")
_FIRST = frozenset("i me my mine myself we us our ours ourselves".split())
_SECOND = frozenset("you your yours yourself yourselves".split())
_QUOTES_RE = re.compile(r"[\"“”«»]")


def style_features(text: str) -> list[float]:
    """The 12 :data:`STYLE_FEATURES` of ``text`` (a deliberately plain baseline)."""
    words = _WORD_RE.findall(text)
    nw = max(1, len(words))
    ns = max(1, len(_SENT_RE.findall(text)))
    lower = [w.lower() for w in words]
    head = lower[:300]
    paras = [p for p in re.split(r"\n+", text) if p.strip()]
    title_case = 0
    prev_end = True
    for tok in re.findall(r"\S+", text):
        w = tok.strip("\"“”‘’'([")
        if w[:1].isupper() and w[1:2].islower() and not prev_end:
            title_case += 1
        prev_end = tok.endswith((".", "!", "?", ":"))
    return [
        sum(len(w) for w in words) / nw,
        nw / ns,
        len(set(head)) / max(1, len(head)),
        text.count("!") / ns,
        text.count("?") / ns,
        sum(1 for w in words if len(w) >= 2 and w.isupper()) / nw,
        len(_QUOTES_RE.findall(text)) / nw,
        sum(c.isdigit() for c in text) / max(1, len(text)),
        sum(1 for w in lower if w in _FIRST) / nw,
        sum(1 for w in lower if w in _SECOND) / nw,
        nw / max(1, len(paras)),
        title_case / nw,
    ]


def fit_style(X: np.ndarray, y: np.ndarray, C: float = 1.0, seed: int = SEED):
    """Plain standardised logistic regression on the style features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000, random_state=seed)).fit(X, y)
