"""Real texts the tests read from ``../shared/data`` (empty when it is absent: callers skip).

Test helpers only: the tests import ``credscore`` and these helpers; the development code
they check (``tools/``: loaders, training helpers, table builders) is imported here, as the
package it is at the repository root (pytest puts the root on ``sys.path``: ``tests/`` is
a package, see ``docs/architecture.md``).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache

from tools import build_syllables  # noqa: F401 - for the tests
from tools.data import boilerplate
from tools.data import cred as cred_corpora  # noqa: F401
from tools.score import features as score_features  # noqa: F401
from tools.score import fit as score_fit  # noqa: F401
from tools.score import mining as phrase_mining  # noqa: F401
from tools.score import stack as score_stack  # noqa: F401

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
# trained on "train" only): the loader the benchmarks and the chrome training use.
boilerplate_available = boilerplate.available
boilerplate_pages = boilerplate.load_split  # (side, *, limit=None): an evenly spaced sample of a side
html_to_text_input = boilerplate.html_to_text_input  # text mode's input: every text node, one per line


@lru_cache(maxsize=4)
def boilerplate_lines(side: str, limit: int) -> frozenset[str]:
    """The distinct text-mode lines of ``limit`` pages on ``side`` (parsed once per session)."""
    return frozenset(ln for p in boilerplate_pages(side, limit=limit) for ln in html_to_text_input(p.html()).split("\n"))


def word_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 of ``predicted`` against ``gold`` (WCXB's metric:
    lower-cased ``\\w+`` tokens; an empty gold scores 1 only for an empty output)."""
    pred, ref = Counter(boilerplate.tokens(predicted)), Counter(boilerplate.tokens(gold))
    if not ref:
        v = 1.0 if not pred else 0.0
        return v, v, v
    if not pred:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
