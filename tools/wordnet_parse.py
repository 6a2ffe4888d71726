"""Parse the WordNet 3.0 database files (Debian ``wordnet-base``) into synsets.

Build-time only: nothing in the package imports this.  WordNet's ``data.POS``
files hold one synset per line::

    offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss

``w_cnt`` is two hex digits; pointers are ``symbol offset pos source/target``.
We keep each synset's lemmas (lower-cased, ``_`` -> space, adjective markers
like ``(a)`` dropped) and its "similar to" (``&``) links, which tie adjective
satellites to their head (``worldwide`` ~ ``international``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WN_DIR = Path("/usr/share/wordnet")
POS_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
_MARKER = re.compile(r"\([a-z]+\)$")


@dataclass
class Synset:
    key: str  # "pos:offset"
    pos: str
    lemmas: list[str]
    similar: list[str] = field(default_factory=list)  # keys of '&' neighbours
    tag_count: int = 0


def parse(wn_dir: Path = WN_DIR) -> dict[str, Synset]:
    out: dict[str, Synset] = {}
    for pos, fname in POS_FILES.items():
        for line in (wn_dir / fname).open(encoding="latin-1"):
            if line.startswith("  "):
                continue  # licence header
            head = line.split(" | ", 1)[0].split()
            offset, _lexfile, ss_type = head[0], head[1], head[2]
            w_cnt = int(head[3], 16)
            lemmas = []
            i = 4
            for _ in range(w_cnt):
                w = _MARKER.sub("", head[i]).replace("_", " ")
                lemmas.append(w)
                i += 2
            p_cnt = int(head[i])
            i += 1
            similar = []
            for _ in range(p_cnt):
                sym, off, ppos = head[i], head[i + 1], head[i + 2]
                if sym == "&":
                    similar.append(f"{'a' if ppos in 'as' else ppos}:{off}")
                i += 4
            p = "a" if ss_type in "as" else ss_type
            out[f"{p}:{offset}"] = Synset(f"{p}:{offset}", p, lemmas, similar)
    return out


def sense_order(wn_dir: Path = WN_DIR) -> dict[tuple[str, str], list[str]]:
    """(lemma, pos) -> synset keys in WordNet's sense order (most frequent first)."""
    order: dict[tuple[str, str], list[str]] = {}
    for pos, fname in {"n": "index.noun", "v": "index.verb", "a": "index.adj", "r": "index.adv"}.items():
        for line in (wn_dir / fname).open(encoding="latin-1"):
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma = parts[0].replace("_", " ")
            synset_cnt = int(parts[2])
            p_cnt = int(parts[3])
            offs = parts[4 + p_cnt + 2:]
            order[(lemma, pos)] = [f"{pos}:{o}" for o in offs[:synset_cnt]]
    return order
