"""The optional source prior: what CRED-1 says about the page's domain.

The text score (:attr:`Analysis.score`) reads only the document.  When the caller
also gives the page's URL (``analyze(doc, url=...)``) and its host is on CRED-1 —
a CC BY 4.0 list of 2,674 domains known to be unreliable (fake, conspiracy,
satire, mixed, …), each with a 0–1 credibility score (Loth et al. 2026; notice in
``models/LICENSE-CRED1.md``) — the listing becomes a *separate* contribution
named ``"source_prior"``:

* ``Analysis.source_prior`` holds the match (list entry, category, CRED-1 score,
  the log-odds shift and its effect in points);
* ``Analysis.score_with_source`` is the text score moved by that shift in
  log-odds: ``σ(logit(score/100) + shift)``; without a match it equals the score;
* the explanation gains one ``source_prior`` entry worth
  ``score_with_source − score`` points.

``Analysis.score`` itself never changes.  ``analyze(..., use_source_prior=False)``
switches the lookup off.

The shift is CRED-1's own score read as a probability, capped:
``clamp(logit(credibility_score), −3, 0)``: a "fake" domain (score ≈ 0.05) moves
the log-odds by −2.9, an "unreliable" one (≈ 0.1) by −2.2, "mixed" (≈ 0.18) by
−1.5, satire (≈ 0.27) by −1.0; the three entries CRED-1 calls reliable (score
> 0.5) not at all.  The list is one-sided, so a domain *not* on it gets no prior
(absence is weak evidence: most unreliable sites are not listed).
``benchmarks/score.py`` checks these shifts against two independent domain-rating
sets (Lin et al. 2023; MBFC labels from Baly et al.), which are never shipped.

Matching needs no network and no public-suffix list: the URL's host is lower-cased
and tried against the list whole, then with leading labels removed
(``news.example.co.uk`` → ``example.co.uk`` → ``co.uk``), down to two labels.  The
list names the sites themselves (``70news.wordpress.com``, not ``wordpress.com``),
so a blog on a shared host matches only if it is listed itself.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from urllib.parse import urlsplit

from .errors import ModelError
from .types import SourcePrior

CRED1_FILE = "cred1_domains.json.gz"
CRED1_FORMAT = "credscore-cred1/1"
MAX_SHIFT = 3.0  # no listing moves the log-odds by more than this (a factor of ~20 in odds)


def url_host(url: str) -> str | None:
    """The lower-cased host of ``url`` (scheme optional), without ``www.``-style port or dots."""
    u = url.strip()
    if not u:
        return None
    if "//" not in u.split("?", 1)[0]:
        u = "//" + u
    try:
        host = urlsplit(u).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    return host or None


def candidates(host: str) -> list[str]:
    """``host`` and its parent domains down to two labels, longest first."""
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(max(1, len(parts) - 1))]


@lru_cache(maxsize=1)
def cred1() -> dict[str, tuple[str, float]]:
    """The shipped CRED-1 domains: ``{domain: (category, credibility_score)}``."""
    from .score import read_model_file

    try:
        doc = json.loads(gzip.decompress(read_model_file(CRED1_FILE)))
    except (OSError, EOFError, ValueError) as e:
        raise ModelError(f"the shipped {CRED1_FILE} is unreadable: {e}") from e
    if not isinstance(doc, dict) or doc.get("format") != CRED1_FORMAT or not isinstance(doc.get("domains"), dict):
        raise ModelError(f"{CRED1_FILE}: unknown format {doc.get('format') if isinstance(doc, dict) else None!r}")
    out: dict[str, tuple[str, float]] = {}
    for d, v in doc["domains"].items():
        try:
            cat, s = str(v[0]), float(v[1])
        except (TypeError, ValueError, IndexError) as e:
            raise ModelError(f"{CRED1_FILE}: bad entry for {d!r}") from e
        if not 0.0 <= s <= 1.0:
            raise ModelError(f"{CRED1_FILE}: score out of [0, 1] for {d!r}")
        out[d] = (cat, s)
    return out


def shift_for(credibility_score: float) -> float:
    """The log-odds shift for a listed domain: ``clamp(logit(score), −MAX_SHIFT, 0)``."""
    s = min(max(credibility_score, 1e-6), 1 - 1e-6)
    return max(-MAX_SHIFT, min(0.0, math.log(s / (1 - s))))


def lookup(url: str | None) -> SourcePrior | None:
    """The CRED-1 entry for ``url``'s host or a parent domain; ``None`` if unlisted."""
    if not url:
        return None
    host = url_host(url)
    if not host:
        return None
    table = cred1()
    for c in candidates(host):
        hit = table.get(c)
        if hit is not None:
            cat, s = hit
            return SourcePrior(host=host, domain=c, category=cat, credibility_score=s, log_odds_shift=shift_for(s))
    return None


def apply(score: float, prior: SourcePrior) -> tuple[float, SourcePrior]:
    """``score`` (0–100) moved by the prior's log-odds shift, and the prior with its points."""
    p = min(max(score / 100.0, 1e-6), 1 - 1e-6)
    z = math.log(p / (1 - p)) + prior.log_odds_shift
    combined = 100.0 / (1.0 + math.exp(-z))
    return combined, SourcePrior(prior.host, prior.domain, prior.category, prior.credibility_score,
                                 prior.log_odds_shift, round(combined - score, 3), prior.list_name)
