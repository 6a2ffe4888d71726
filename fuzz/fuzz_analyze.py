"""Coverage-guided fuzzing of credscore with atheris (libFuzzer for Python).

Each input is raw bytes; its first byte picks what is exercised:

* 0 — ``analyze(bytes)``: decoding (BOMs, UTF-16 without BOM, declared charsets,
  mixed and legacy encodings), type detection, the whole pipeline;
* 1 — ``analyze(str)`` of the UTF-8 decoding (plain text or detected HTML);
* 2 — ``analyze(str, content_type="html")``: the HTML segmenter on anything;
* 3 — ``clean`` idempotence: ``clean(clean(x)) == clean(x)``;
* 4 — determinism: two analyses of the same input serialise identically.

A *crash* is any exception other than :class:`credscore.errors.InputError` (the
typed "unusable input" errors), or a broken invariant (score outside [0, 100], an
evidence span outside the text, a removed block whose offsets do not index
``source_text``, output that is not valid JSON).

Run (see docs/robustness-README-section.md)::

    pip install atheris
    python fuzz/make_corpus.py                     # seeds (+ AEB pages if ../shared exists)
    python fuzz/fuzz_analyze.py fuzz/corpus -max_total_time=600 -max_len=20000 -rss_limit_mb=4096

libFuzzer prints ``#N`` (inputs tried) as it goes and writes any crashing input to
``crash-<sha1>``; replay one with ``python fuzz/fuzz_analyze.py crash-<sha1>``.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["credscore", "bs4"]):
    import credscore
    from credscore.document import looks_like_html
    from credscore.errors import InputError


def check(a: credscore.Analysis) -> None:
    if not 0.0 <= a.score <= 100.0:
        raise AssertionError(f"score out of range: {a.score}")
    for s in a.signals.values():
        for sp in s.evidence:
            if not 0 <= sp.start <= sp.end <= len(a.text):
                raise AssertionError(f"{s.name}: span {sp} outside the text ({len(a.text)})")
    for b in a.removed:
        if a.source_text[b.start:b.end] != b.text:
            raise AssertionError(f"removed block {b} does not index source_text")
    json.dumps(a.to_dict(), allow_nan=False)


def one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 5, data[1:]
    text = body.decode("utf-8", "replace")
    try:
        if mode == 0:
            check(credscore.analyze(body))
        elif mode == 1:
            check(credscore.analyze(text))
        elif mode == 2:
            check(credscore.analyze(text, content_type="html"))
        elif mode == 3:
            once = credscore.clean(text)
            if once.strip() and not looks_like_html(once):
                twice = credscore.clean(once)
                if twice != once:
                    raise AssertionError(f"clean is not idempotent: {once!r} -> {twice!r}")
        else:
            a = json.dumps(credscore.analyze(body).to_dict(), sort_keys=True)
            b = json.dumps(credscore.analyze(body).to_dict(), sort_keys=True)
            if a != b:
                raise AssertionError("two analyses of the same input differ")
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
