"""Real texts the tests read from ``../shared/data`` (empty when it is absent: callers skip).

Test helpers only: the tests import ``credscore`` and this, never ``benchmarks/`` or
``tools/``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .conftest import DATA

_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=None)
def articles(n: int = 120) -> tuple[str, ...]:
    """The first ``n`` non-empty BuzzFeed-Webis article texts."""
    path = DATA / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
    if not path.exists():
        return ()
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            t = (json.loads(line).get("text") or "").strip()
            if t:
                out.append(t)
            if len(out) >= n:
                break
    return tuple(out)


@lru_cache(maxsize=None)
def wcxb_text_pages(n: int = 80, step: int = 15) -> tuple[str, ...]:
    """Every ``step``-th WCXB dev page with the tags dropped: real multilingual, menu-ridden,
    line-broken text."""
    html = DATA / "boilerplate" / "wcxb-dev" / "html"
    if not html.exists():
        return ()
    files = sorted(html.glob("*.html.gz"))[::step][:n]
    return tuple(_TAG.sub(" ", gzip.decompress(p.read_bytes()).decode("utf-8", "replace")) for p in files)


# Article 1 of the Universal Declaration of Human Rights, in the UN's official
# translations (real text, freely reusable).
UDHR = {
    "ru": "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом "
          "и совестью и должны поступать в отношении друг друга в духе братства.",
    "vi": "Tất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền. Mọi con người đều "
          "được tạo hóa ban cho lý trí và lương tâm và cần phải đối xử với nhau trong tình bằng hữu.",
    "zh": "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。",
    "ar": "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل "
          "بعضهم بعضًا بروح الإخاء.",
}


# --------------------------------------------------------------------------- boilerplate pages
# The WCXB dev and AEB pages with their gold article text, on the sides of the frozen
# domain-grouped split (benchmarks/splits/boilerplate_split.json: the chrome model was
# trained on "train" only).  The same pages, order and sampling as the benchmarks'
# loader (benchmarks/_boilerplate_data.py), read here so that tests import no benchmark.
BOILERPLATE = DATA / "boilerplate"
SPLIT_FILE = Path(__file__).resolve().parents[1] / "benchmarks" / "splits" / "boilerplate_split.json"


@dataclass(frozen=True)
class Page:
    id: str  # "wcxb/0001" or "aeb/<sha prefix>"
    corpus: str  # "wcxb" | "aeb"
    page_type: str  # WCXB page type; "article" for AEB
    html_path: Path
    gold: str

    def html(self) -> str:
        with gzip.open(self.html_path, "rt", encoding="utf-8", errors="replace") as f:
            return f.read()


def boilerplate_available() -> bool:
    return (BOILERPLATE / "wcxb-dev").is_dir() and (BOILERPLATE / "scrapinghub-aeb").is_dir()


@lru_cache(maxsize=1)
def _all_pages() -> tuple[Page, ...]:
    wcxb, aeb = BOILERPLATE / "wcxb-dev", BOILERPLATE / "scrapinghub-aeb"
    pages = []
    for gt_path in sorted((wcxb / "ground-truth").glob("*.json")):
        d = json.loads(gt_path.read_text(encoding="utf-8"))
        pages.append(Page(f"wcxb/{gt_path.stem}", "wcxb", d["_internal"]["page_type"]["primary"],
                          wcxb / "html" / f"{gt_path.stem}.html.gz", d["ground_truth"].get("main_content") or ""))
    gt_all = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gt_all):
        pages.append(Page(f"aeb/{key[:16]}", "aeb", "article", aeb / "html" / f"{key}.html.gz",
                          gt_all[key].get("articleBody") or ""))
    return tuple(pages)


def boilerplate_pages(side: str, *, limit: int | None = None) -> list[Page]:
    """Pages on ``side`` ("train" or "test"), stable order; ``limit``: an evenly spaced sample."""
    smap = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["pages"]
    pages = [p for p in _all_pages() if smap.get(p.id) == side]
    if limit is not None and limit < len(pages):
        step = len(pages) / limit
        pages = [pages[int(i * step)] for i in range(limit)]
    return pages


@lru_cache(maxsize=4)
def boilerplate_lines(side: str, limit: int) -> frozenset[str]:
    """The distinct text-mode lines of ``limit`` pages on ``side`` (parsed once per session)."""
    return frozenset(ln for p in boilerplate_pages(side, limit=limit) for ln in html_to_text_input(p.html()).split("\n"))


def html_to_text_input(html: str) -> str:
    """Text mode's input: every text node of the page, one per line (scripts and styles dropped)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for el in soup(("script", "style", "noscript", "template")):
        el.decompose()
    lines = (ln.strip() for ln in soup.get_text("\n").split("\n"))
    return "\n".join(ln for ln in lines if ln)


_TOKEN_RE = re.compile(r"\w+")


def word_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 of ``predicted`` against ``gold`` (WCXB's metric:
    lower-cased ``\\w+`` tokens; an empty gold scores 1 only for an empty output)."""
    pred, ref = Counter(_TOKEN_RE.findall(predicted.lower())), Counter(_TOKEN_RE.findall(gold.lower()))
    if not ref:
        v = 1.0 if not pred else 0.0
        return v, v, v
    if not pred:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tool(name: str):
    """A development module of ``tools/`` (training and build scripts, not part of the package),
    loaded from its file (``tools/`` is not an import root of the tests)."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[1] / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
