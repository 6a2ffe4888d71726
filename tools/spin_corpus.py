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
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# CI keeps the data at <repo>/../shared; CREDSCORE_SHARED overrides (a worktree elsewhere).
SHARED = Path(os.environ.get("CREDSCORE_SHARED", REPO.parent / "shared")) / "data"
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
    return [a for a in wcxb_articles(root, articles=False)]


def clean_articles(root: Path = SHARED) -> list[Article]:
    """All clean articles, BuzzFeed mainstream first (empty if the data is absent)."""
    if not root.exists():
        return []
    return buzzfeed_mainstream(root) + wcxb_articles(root)


if __name__ == "__main__":
    arts = clean_articles()
    from collections import Counter

    print(len(arts), Counter((a.corpus, a.fold) for a in arts))
    print(Counter(a.fold for a in arts), sum(len(a.text.split()) for a in arts))
