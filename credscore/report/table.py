"""A plain-text table per document: score, top reasons, chrome removed, flags."""

from __future__ import annotations

from typing import Any, Iterable

from ..types import Analysis


def band(score: float) -> str:
    """A word for a score: the bands the reports share."""
    if score >= 70:
        return "high"
    if score >= 40:
        return "medium"
    return "low"


def _reasons(a: Analysis, n: int = 3) -> str:
    parts = [f"{c.name} {c.points:+.1f}" for c in a.explanation[:n] if abs(c.points) >= 0.05]
    return ", ".join(parts) or "-"


def _chrome(a: Analysis) -> str:
    counts: dict[str, int] = {}
    for b in a.removed:
        counts[b.kind] = counts.get(b.kind, 0) + 1
    return ", ".join(f"{k}×{v}" if v > 1 else k for k, v in sorted(counts.items())) or "-"


def render_table(items: Iterable[Analysis | dict[str, Any]]) -> str:
    """One block of aligned lines per document; failures say why."""
    out: list[str] = []
    for it in items:
        if not isinstance(it, Analysis):
            out.append(f"{it.get('name')}\n  ERROR ({it.get('error', {}).get('kind')}): {it.get('error', {}).get('message')}\n")
            continue
        rows = [
            ("score", f"{a_score(it)}"),
            *([("with source", _with_source(it))] if it.source_prior else []),
            ("title", it.title or "-"),
            ("top reasons", _reasons(it)),
            ("chrome removed", _chrome(it)),
            ("flags", ", ".join(it.flags) or "-"),
        ]
        if it.language not in ("en", "und"):
            rows.append(("language", it.language))
        out.append(f"{it.name or '<document>'}\n" + "".join(f"  {k:<15}{v}\n" for k, v in rows))
    return "\n".join(out)


def _with_source(a: Analysis) -> str:
    """The score with the CRED-1 source prior, shown apart from the text score."""
    p = a.source_prior
    s = a.score_with_source if a.score_with_source is not None else a.score
    return f"{s:5.1f} ({band(s)}; {p.domain} is on {p.list_name} as {p.category}, {p.points:+.1f})" if p else "-"


def a_score(a: Analysis) -> str:
    return f"{a.score:5.1f} ({band(a.score)})"
