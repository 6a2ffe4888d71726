"""The labelled credibility corpora the score is trained and evaluated on, cleaned.

BuzzFeed-Webis 2016, FakeNewsNet v1 and FakeNewsAMT + Celebrity from
``../shared/data/cred`` (licences and leakage traps in each ``SOURCE.md``): one
:class:`Row` per document, cleaned of what names the publisher (:func:`clean_text`),
and the units the evaluation groups by (:func:`publisher`, :func:`corpus_family`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from . import DATA

PREP_VERSION = "prep-4"  # bump when the cleaning below changes (part of the feature cache key)


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



_FNN_PUBLISHER = {
    "politi.co": "politico", "cnn.it": "cnn", "abcn.ws": "abc", "rightwingnews.com": "right-wing-news",
    "eaglerising.com": "eagle-rising", "freedomdaily.com": "freedom-daily",
    "occupydemocrats.com": "occupy-democrats", "addictinginfo.org": "addicting-info",
    "author.addictinginfo.org": "addicting-info",
}


def publisher(row: Row) -> str:
    """The publisher a row comes from, the same name across corpora (the GroupKFold unit)."""
    corpus, _, g = row.group.partition(":")
    if corpus == "bw":
        return g
    if corpus == "fnn":
        return _FNN_PUBLISHER.get(row.domain, g)
    return row.group


def corpus_family(row: Row) -> str:
    """Leave-one-corpus-out unit: BuzzFeed-Webis, FakeNewsNet, Perez-Rosas (AMT + celebrity)."""
    return {"amt": "perezrosas", "celeb": "perezrosas"}.get(row.corpus, row.corpus)
