"""Find regexes in credscore that cost more than linear time on adversarial input.

Every compiled pattern found at module level in ``credscore.*`` (and the lexicon
tables' individual patterns) is run over adversarial strings of length N and 2N:
long runs of one character, words followed by long runs of spaces, separators that
overlap with a quantifier, unclosed quotes and brackets, and so on.  A pattern whose
time grows more than ``RATIO`` times when the input doubles (linear: about 2) is
reported as a suspect, with the input family that triggers it.

    python -m benchmarks.regex_audit            # N = 4000
    python -m benchmarks.regex_audit 20000      # slower, clearer ratios

Timings are ratios within one run (no absolute threshold), so a busy machine
blurs but does not fake them; rerun a suspect alone to confirm.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time

import credscore

RATIO = 3.0

#: Suspects that the code only ever runs on short strings, and why (so the cost per
#: call is bounded and the whole analysis stays linear).
GUARDED = {
    "credscore.chrome.classify._DATEISH_RE": "only run on blocks of at most 200 characters (classify._dateish)",
    "credscore.chrome.lexicon.LINE_RE": "only run on blocks of at most lexicon.MAX_CHARS characters",
    "credscore.chrome.lexicon.OPENER_RE": "only run on blocks of at most lexicon.MAX_CHARS characters",
    "credscore.signals.byline.CAPS_PLACE_RE": "only .match()ed (one start position) on a dateline near the top",
    "credscore.spin.features._PREV_WORD_RE": "only searched in the 12 characters before a digit",
    "credscore.spin.features.DIGIT_TAIL_RE": ".match()ed at one position, after a digit: reads at most three words",
    "credscore.signals.link_residue.GAP_RE": "not used by the code (at the time of the audit); \\Z keeps .match() linear",
}

# name -> builder(n): adversarial string of about n characters
FAMILIES = {
    "letters": lambda n: "a" * n,
    "CAPS": lambda n: "A" * n,
    "CamelRuns": lambda n: "Ab" * (n // 2),
    "spaces": lambda n: " " * n,
    "word+spaces+sym": lambda n: "Photo" + " " * n + "©",
    "word+spaces+word": lambda n: "Monday" + " " * n + "x",
    "digits": lambda n: "1" * n,
    "digit-space": lambda n: "1 " * (n // 2) + "x",
    "digit-dot": lambda n: "1." * (n // 2) + "x",
    "icon": lambda n: "icon" * (n // 4),
    "icon-words": lambda n: "-icon " * (n // 6),
    "a-": lambda n: "a-" * (n // 2),
    "a_-": lambda n: "a" + "_-" * (n // 2),
    "a'": lambda n: "a'" * (n // 2),
    "a.": lambda n: "a." * (n // 2),
    "lines": lambda n: "a\n" * (n // 2),
    "blank-lines": lambda n: " \n" * (n // 2),
    "quote-open": lambda n: '"' + "a" * n,
    "curly-open": lambda n: "“" + "a " * (n // 2),
    "guillemet-open": lambda n: "«" + "a " * (n // 2),
    "brace": lambda n: "{" + "a|" * (n // 2),
    "parens": lambda n: "(" * (n // 2) + "a",
    "copyright": lambda n: "© " + "a " * (n // 2),
    "you-we": lambda n: "you we our " * (n // 11),
    "Cap-words": lambda n: "Abc " * (n // 4),
    "weekday-run": lambda n: "Monday, " * (n // 8) + "x",
    "month-run": lambda n: "June " * (n // 5) + "x",
    "tag-open": lambda n: "<p " + "a" * n,
    "dashes": lambda n: "-" * n,
    "comma-space": lambda n: "a, " * (n // 3),
    "said-run": lambda n: "said " * (n // 5),
    "mentioned": lambda n: "He mentioned " * (n // 13),
    "url-ish": lambda n: "http://" + "a." * (n // 2),
}


def patterns() -> list[tuple[str, re.Pattern]]:
    found: list[tuple[str, re.Pattern]] = []
    for info in pkgutil.walk_packages(credscore.__path__, "credscore."):
        try:
            mod = importlib.import_module(info.name)
        except Exception as e:  # a module that needs an optional dependency
            print(f"skipped {info.name}: {e!r}", file=sys.stderr)
            continue
        lazy = {n: getattr(mod, n) for n in getattr(mod, "__lazy_patterns__", ())}  # compiled on first access
        for name, value in {**vars(mod), **lazy}.items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], re.Pattern):
                        found.append((f"{info.name}.{name}[{item[0]}]", item[1]))
    seen: set[int] = set()
    return [(n, p) for n, p in found if not (id(p) in seen or seen.add(id(p)))]


def cost(p: re.Pattern, s: str | bytes) -> float:
    t0 = time.perf_counter()
    for _ in p.finditer(s):
        pass
    return time.perf_counter() - t0


def main(n: int = 4000) -> int:
    pats = patterns()
    suspects = []
    for name, p in pats:
        for fam, build in FAMILIES.items():
            s1, s2 = build(n), build(2 * n)
            if isinstance(p.pattern, bytes):
                s1, s2 = s1.encode(), s2.encode()
            a = cost(p, s1)
            if a < 0.005:  # too fast to matter (and to time reliably) at this size
                continue
            b = cost(p, s2)
            if b / a > RATIO:
                # confirm once: a busy machine makes single ratios noisy
                a, b = cost(p, s1), cost(p, s2)
                if b / a > RATIO:
                    suspects.append((name, fam, a, b))
    unguarded = 0
    for name, fam, a, b in suspects:
        why = GUARDED.get(name)
        unguarded += why is None
        print(f"{'guarded' if why else 'SUSPECT'} {name:50s} {fam:18s} {n}: {a:.4f}s  {2 * n}: {b:.4f}s"
              f"  ratio {b / a:.1f}" + (f"  ({why})" if why else ""))
    print(f"{len(pats)} patterns × {len(FAMILIES)} input families at n={n}: "
          f"{len(suspects)} superlinear, {unguarded} not guarded")
    return 1 if unguarded else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000))
