"""A self-contained HTML report: no external fonts, scripts or styles.

Per document: the score with its band, each signal's contribution, the cleaned
text with every evidence span highlighted (the note in a tooltip), and the
removed chrome with its kind.
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable

from ..types import Analysis
from .table import band

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
.score{font-size:1.4rem;font-weight:700}.high{color:#0a6b2e}.medium{color:#7a5200}.low{color:#a3141e}
mark{background:#ffe08a;color:#1a1a1a;border-bottom:2px solid #b37d00}
.text{white-space:pre-wrap;line-height:1.5;border-left:3px solid #ddd;padding-left:1rem}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}
.kind{display:inline-block;background:#e6e6e6;color:#1a1a1a;border-radius:.3rem;padding:0 .4rem;font-size:.85em}
del{color:#555}
"""


def _highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` with non-overlapping ``<mark>`` spans (earlier span wins)."""
    out: list[str] = []
    pos = 0
    for a, b, sig, note in sorted(spans):
        if a < pos or b <= a or b > len(text):
            continue
        out.append(escape(text[pos:a]))
        out.append(f'<mark data-signal="{escape(sig)}" title="{escape(sig)}: {escape(note)}">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _doc(a: Analysis, idx: int) -> str:
    spans = [(s.start, s.end, name, s.note) for name, sig in a.signals.items() for s in sig.evidence]
    contrib = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{c.points:+.1f}</td><td>{c.value:.3g}</td></tr>" for c in a.explanation
    )
    removed = "".join(f'<li><span class="kind">{escape(b.kind)}</span> <del>{escape(b.text[:300])}</del></li>' for b in a.removed)
    flags = ", ".join(a.flags) or "none"
    return f"""<section id="doc{idx}">
<h2>{escape(a.name or f"document {idx + 1}")}</h2>
<p class="score {band(a.score)}">Score {a.score:.1f} / 100 ({band(a.score)})</p>
<p><strong>Title:</strong> {escape(a.title or "-")}<br><strong>Flags:</strong> {escape(flags)}</p>
<table><thead><tr><th>signal</th><th>points</th><th>value</th></tr></thead><tbody>{contrib}</tbody></table>
<h3>Cleaned text</h3>
<div class="text">{_highlight(a.text, spans)}</div>
<h3>Removed chrome</h3>
<ul>{removed or "<li>none</li>"}</ul>
</section>"""


def render_html(items: Iterable[Analysis | dict[str, Any]], title: str = "credscore report") -> str:
    parts = []
    for i, it in enumerate(items):
        if isinstance(it, Analysis):
            parts.append(_doc(it, i))
        else:
            err = it.get("error", {})
            parts.append(f"<section><h2>{escape(str(it.get('name')))}</h2><p>Error ({escape(str(err.get('kind')))}): "
                         f"{escape(str(err.get('message')))}</p></section>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>\n" + "\n".join(parts) + "\n</body></html>\n")
