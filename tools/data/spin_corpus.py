"""Licence-clean English news/prose used to build and evaluate the spin detector.

Build-time and benchmark helper (not shipped).  Two sources, both believed
CC BY 4.0 (see ``../shared/data/README.md``):

* BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al. 2018): the
  *mainstream* articles (abc, cnn, politico);
* WCXB v1.0 dev split (Murrough Foley 2026): gold ``main_content`` of the pages
  typed ``article``.

Every article carries its *source* (portal or web domain) and a *fold* (0, 1
or 2) derived from the source alone, so that tables, models and tests built on
different folds never share a publisher.

A fifth of the WCXB and AEB sites (by a hash of the domain) is *held out*: never
used for tables, training or tuning, only for the final false-alarm figure of
``benchmarks/spin.py --false-alarms``.  :func:`clean_articles` and
:func:`reference_extra` leave them out unless asked.  Scrapinghub AEB gold
article bodies (MIT) are clean test articles only, never reference text.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import DATA as SHARED  # the shared data folder (tools.data says where and how to override)

N_FOLDS = 3
# BuzzFeed has only three mainstream portals: give each its own fold.
_PORTAL_FOLD = {"politico": 0, "cnn": 1, "abc": 2}


@dataclass(frozen=True)
class Article:
    corpus: str
    id: str
    source: str
    text: str

    @property
    def fold(self) -> int:
        if self.corpus == "buzzfeed":
            return _PORTAL_FOLD[self.source]
        return zlib.crc32(self.source.encode()) % N_FOLDS

    @property
    def heldout(self) -> bool:
        return is_heldout(self.corpus, self.source)


def is_heldout(corpus: str, source: str) -> bool:
    """One site in five (WCXB and AEB; BuzzFeed's three portals never) is kept for the final test."""
    return corpus != "buzzfeed" and zlib.crc32(f"heldout:{source}".encode()) % 5 == 0


def buzzfeed_mainstream(root: Path = SHARED) -> list[Article]:
    path = root / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
    out = []
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if r["orientation"] == "mainstream" and len(r["text"].split()) >= 50:
            out.append(Article("buzzfeed", r["id"], r["portal"], r["text"]))
    return out


def wcxb_articles(root: Path = SHARED, *, articles: bool = True) -> list[Article]:
    """WCXB dev gold text of the pages typed ``article`` (or, ``articles=False``, of all other pages)."""
    base = root / "boilerplate" / "wcxb-dev"
    meta = json.loads((base / "metadata.json").read_text())["files"]
    out = []
    for fid, m in sorted(meta.items()):
        if (m.get("page_type") == "article") != articles:
            continue
        p = base / "ground-truth" / f"{fid}.json"
        if not p.exists():
            continue
        gt = json.loads(p.read_text())["ground_truth"]
        if isinstance(gt, str):  # some files store the dict as a repr string
            import ast

            gt = ast.literal_eval(gt)
        text = gt.get("main_content") or ""
        if len(text.split()) >= 50:
            out.append(Article("wcxb", fid, m["domain"], text))
    return out


def reference_extra(root: Path = SHARED) -> list[Article]:
    """More clean prose for the reference tables only: WCXB pages that are not articles
    (services, forums, documentation...).  Never used as test documents."""
    if not root.exists():
        return []
    return [a for a in wcxb_articles(root, articles=False) if not a.heldout]


def aeb_articles(root: Path = SHARED, *, min_words: int = 100) -> list[Article]:
    """Scrapinghub AEB gold ``articleBody`` (MIT) of English articles; source = the URL's domain."""
    from urllib.parse import urlparse

    p = root / "boilerplate" / "scrapinghub-aeb" / "ground-truth.json"
    if not p.exists():
        return []
    out = []
    for k, rec in sorted(json.loads(p.read_text(encoding="utf-8")).items()):
        body = rec.get("articleBody") or ""
        words = re.findall(r"[a-z]+", body.lower())
        if len(words) < min_words or sum(w in {"the", "and", "of", "to"} for w in words) / len(words) <= 0.08:
            continue  # short or not English
        out.append(Article("aeb", k, urlparse(rec.get("url") or "").netloc.removeprefix("www."), body))
    return out


def clean_articles(root: Path = SHARED, *, heldout: bool = False) -> list[Article]:
    """Clean articles for tables and training, BuzzFeed mainstream first (empty if the data is absent).

    ``heldout=True``: only the held-out sites' WCXB articles instead."""
    if not root.exists():
        return []
    return [a for a in buzzfeed_mainstream(root) + wcxb_articles(root) if a.heldout == heldout]


if __name__ == "__main__":
    arts = clean_articles()
    from collections import Counter

    print(len(arts), Counter((a.corpus, a.fold) for a in arts))
    print(Counter(a.fold for a in arts), sum(len(a.text.split()) for a in arts))
