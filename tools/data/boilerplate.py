"""Boilerplate-removal data: loaders, the domain-grouped split, text-mode input, scoring.

Two corpora live under ``<repo>/../shared/data/boilerplate`` (see their SOURCE.md):

* ``wcxb-dev`` -- WCXB v1.0 dev split (CC BY 4.0, (c) 2026 Murrough Foley): 1,497 pages of
  seven page types, gold ``main_content`` plus ``without`` snippets (annotated boilerplate);
* ``scrapinghub-aeb`` -- the Article Extraction Benchmark (MIT, (c) 2020 Scrapinghub):
  181 article pages with gold ``articleBody``.

Pages are split into train / test by *registered domain* (a stable hash, ~70/30), so a
site never lands on both sides: a model that memorised one site's chrome gains nothing on
the test split.  The split is computed once and frozen in
``benchmarks/splits/boilerplate_split.json``; :func:`load_split` reads that file and
never recomputes it, so later changes to this module cannot move pages between sides.

The metric is the one in the WCXB README: lower-cased ``\\w+`` tokens, bag of words
(multiset) precision / recall / F1 per page, macro-averaged over pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from . import DATA as _DATA, ROOT as REPO  # where the shared data is: see tools.data

DATA = _DATA / "boilerplate"
WCXB = DATA / "wcxb-dev"
AEB = DATA / "scrapinghub-aeb"
SPLIT_FILE = REPO / "benchmarks" / "splits" / "boilerplate_split.json"

TEST_SHARE = 30  # percent of registered domains held aside

# Second-level labels under which registrations happen ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = frozenset(
    "co com net org gov ac edu ne or go gob mil nic ltd plc sch nhs police".split()
)


@dataclass(frozen=True)
class Page:
    """One page with its gold main text."""

    id: str  # "wcxb/0001" or "aeb/<sha>"
    corpus: str  # "wcxb" | "aeb"
    url: str
    domain: str  # registered domain
    page_type: str  # WCXB page type; "article" for AEB
    html_path: Path
    gold: str
    without: tuple[str, ...] = field(default=())

    def html(self) -> str:
        with gzip.open(self.html_path, "rt", encoding="utf-8", errors="replace") as f:
            return f.read()


def available() -> bool:
    """True when the shared boilerplate data is present (tests skip otherwise)."""
    return WCXB.is_dir() and AEB.is_dir()


def registered_domain(url_or_host: str) -> str:
    """``"https://www.bbc.co.uk/news"`` -> ``"bbc.co.uk"``; a cheap public-suffix guess.

    Good enough for grouping: two-letter country TLDs with a generic second level
    ("co.uk", "com.au", "gob.mx") keep three labels, everything else keeps two.
    """
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    host = (host or url_or_host).lower().strip(".")
    labels = [x for x in host.split(".") if x]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _side(domain: str) -> str:
    h = int(hashlib.sha256(domain.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_SHARE else "train"


@lru_cache(maxsize=1)
def all_pages() -> tuple[Page, ...]:
    """Every page of both corpora, in a stable order."""
    pages: list[Page] = []
    for gt_path in sorted((WCXB / "ground-truth").glob("*.json")):
        d = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = d["ground_truth"]
        url = d.get("url") or ""
        pages.append(
            Page(
                id=f"wcxb/{gt_path.stem}",
                corpus="wcxb",
                url=url,
                domain=registered_domain(url),
                page_type=d["_internal"]["page_type"]["primary"],
                html_path=WCXB / "html" / f"{gt_path.stem}.html.gz",
                gold=gt.get("main_content") or "",
                without=tuple(gt.get("without") or ()),
            )
        )
    gt_all = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gt_all):
        v = gt_all[key]
        pages.append(
            Page(
                id=f"aeb/{key[:16]}",
                corpus="aeb",
                url=v.get("url") or "",
                domain=registered_domain(v.get("url") or ""),
                page_type="article",
                html_path=AEB / "html" / f"{key}.html.gz",
                gold=v.get("articleBody") or "",
            )
        )
    return tuple(pages)


def write_split() -> dict[str, str]:
    """Compute the domain-grouped split and freeze it (refuses to overwrite)."""
    if SPLIT_FILE.exists():
        raise FileExistsError(f"{SPLIT_FILE} is frozen; delete it by hand to re-split")
    split = {p.id: _side(p.domain) for p in all_pages()}
    SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "about": "Domain-grouped split: sha256(registered domain) %% 100 < %d -> test. "
        "Frozen before any result was looked at." % TEST_SHARE,
        "pages": split,
    }
    SPLIT_FILE.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return split


@lru_cache(maxsize=1)
def _split_map() -> dict[str, str]:
    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["pages"]


def load_split(side: str, *, limit: int | None = None) -> list[Page]:
    """Pages on ``side`` ("train" or "test") of the frozen split, stable order.

    ``limit`` takes an evenly spaced sample (so a quick run still mixes corpora and
    page types) rather than the first N.
    """
    smap = _split_map()
    pages = [p for p in all_pages() if smap.get(p.id) == side]
    if limit is not None and limit < len(pages):
        step = len(pages) / limit
        pages = [pages[int(i * step)] for i in range(limit)]
    return pages


# --------------------------------------------------------------------------- text mode
_DROP_TAGS = ("script", "style", "noscript", "template")


def html_to_text_input(html: str) -> str:
    """The plain-text input of text mode: what a scraper keeping every text node emits.

    BeautifulSoup (lxml parser) with ``script``, ``style``, ``noscript`` and
    ``template`` elements dropped first, then ``get_text("\\n")``; each line is
    stripped and empty lines are dropped, so one text node (or one line of one)
    becomes one line -- one block.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for el in soup(_DROP_TAGS):
        el.decompose()
    lines = (ln.strip() for ln in soup.get_text("\n").split("\n"))
    return "\n".join(ln for ln in lines if ln)


# --------------------------------------------------------------------------- scoring
_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens, as the WCXB evaluation script counts them."""
    return _TOKEN_RE.findall(text.lower())


@dataclass(frozen=True)
class PageScore:
    precision: float
    recall: float
    f1: float
    chrome_kept: float | None  # share of ``without`` snippets still in the output


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def score_page(predicted: str, page: Page) -> PageScore:
    """Bag-of-words P/R/F1 of ``predicted`` against the page's gold text.

    Conventions of the WCXB script: an empty gold scores 1 only for an empty output;
    an empty output scores 0.
    """
    pred = Counter(tokens(predicted))
    ref = Counter(tokens(page.gold))
    kept: float | None = None
    if page.without:
        norm_pred = _norm(predicted)
        snippets = [_norm(s) for s in page.without]
        snippets = [s for s in snippets if s]
        if snippets:
            kept = sum(1 for s in snippets if s in norm_pred) / len(snippets)
    if not ref:
        v = 1.0 if not pred else 0.0
        return PageScore(v, v, v, kept)
    if not pred:
        return PageScore(0.0, 0.0, 0.0, kept)
    overlap = sum((pred & ref).values())
    p = overlap / sum(pred.values())
    r = overlap / sum(ref.values())
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PageScore(p, r, f, kept)


def macro(scores: Iterable[PageScore]) -> dict[str, float]:
    """Macro averages over pages (``chrome_kept`` over pages that have snippets)."""
    s = list(scores)
    if not s:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "chrome_kept": float("nan"), "n": 0}
    kept = [x.chrome_kept for x in s if x.chrome_kept is not None]
    return {
        "precision": sum(x.precision for x in s) / len(s),
        "recall": sum(x.recall for x in s) / len(s),
        "f1": sum(x.f1 for x in s) / len(s),
        "chrome_kept": sum(kept) / len(kept) if kept else float("nan"),
        "n": len(s),
    }


def iter_with_html(pages: Iterable[Page]) -> Iterator[tuple[Page, str]]:
    for p in pages:
        yield p, p.html()


if __name__ == "__main__":  # python -m tools.data.boilerplate  (freezes the split once)
    import sys

    if "--write-split" in sys.argv:
        write_split()
    smap = _split_map()
    c = Counter((p.corpus, smap[p.id]) for p in all_pages())
    print(dict(c))
