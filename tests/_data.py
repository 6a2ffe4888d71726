"""Real texts the tests read from ``../shared/data`` (empty when it is absent: callers skip).

Test helpers only: the tests import ``credscore`` and this, never ``benchmarks/`` or
``tools/``.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache

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
