"""The terminal view: one row per document — score band, top reasons, flags.

Two renderings of the same facts:

* **plain** (:func:`render_table` with ``color=False``, the default): aligned
  lines, no escape codes — what you get in a pipe, a file, a CI log, with
  ``--no-color`` or with ``NO_COLOR`` set.  Stable enough to grep::

      seeds/000_0900c5e1103f7346.txt
        score            1.5 (low)
        top reasons    spin -61.8, readability +7.4, attribution -5.0
        flags          spin, dates

* **colour** (``color=True``): a `rich <https://rich.readthedocs.io>`_ table,
  score bands as coloured chips (red < 40 ≤ yellow < 70 ≤ green), each reason's
  points green when they raise the score and red when they lower it, flags in
  red.  It fits the given ``width``: below 100 columns the chrome column goes,
  below 72 the titles go too, and long cells wrap instead of overflowing.

The CLI decides which one to print (see ``credscore.cli``); this module only
renders, it never looks at the terminal itself.
"""

from __future__ import annotations

import io
from typing import Any, Iterable

from ..scorable import describe
from ..types import Analysis

#: What a document with no score shows where the number would be.
NO_SCORE = "—"


def band(score: float) -> str:
    """A word for a score: the bands the reports share (low < 40 ≤ medium < 70 ≤ high)."""
    if score >= 70:
        return "high"
    if score >= 40:
        return "medium"
    return "low"


#: One line under every table: what the number means and where its bands are.
LEGEND = "Score bands: low < 40 ≤ medium < 70 ≤ high (higher: more like reliable sources)"

_BAND_STYLE = {"high": "bold white on dark_green", "medium": "bold black on yellow3", "low": "bold white on red3"}
_BAND_TEXT = {"high": "green", "medium": "yellow", "low": "red"}


def _top(a: Analysis, n: int = 3) -> list[tuple[str, float]]:
    return [(c.name, c.points) for c in a.explanation[:n] if abs(c.points) >= 0.05]


def _reasons(a: Analysis, n: int = 3) -> str:
    return ", ".join(f"{name} {pts:+.1f}" for name, pts in _top(a, n)) or "-"


def _chrome(a: Analysis) -> str:
    counts: dict[str, int] = {}
    for b in a.removed:
        counts[b.kind] = counts.get(b.kind, 0) + 1
    return ", ".join(f"{k}×{v}" if v > 1 else k for k, v in sorted(counts.items())) or "-"


def _with_source(a: Analysis) -> str:
    """The score with the CRED-1 source prior, shown apart from the text score."""
    p = a.source_prior
    if a.score is None:
        return f"{NO_SCORE} ({p.domain} is on {p.list_name} as {p.category})" if p else "-"
    s = a.score_with_source if a.score_with_source is not None else a.score
    return f"{s:5.1f} ({band(s)}; {p.domain} is on {p.list_name} as {p.category}, {p.points:+.1f})" if p else "-"


def a_score(a: Analysis) -> str:
    if a.score is None:
        return f"{NO_SCORE} (not scored: {describe(a.unscored_reason or '')})"
    return f"{a.score:5.1f} ({band(a.score)})"


def render_table(items: Iterable[Analysis | dict[str, Any]], *, color: bool = False, width: int | None = None) -> str:
    """The table as a string: plain aligned lines, or (``color=True``) a rich table
    with ANSI colours laid out for ``width`` columns (default 100)."""
    if color:
        return _render_rich(list(items), width or 100)
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
    if out:
        out.append(LEGEND + "\n")
    return "\n".join(out)


def _render_rich(items: list[Analysis | dict[str, Any]], width: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    show_chrome = width >= 100
    show_title = width >= 72
    names = [str((it.name if isinstance(it, Analysis) else it.get("name")) or "<document>") for it in items]
    longest = max(map(len, names), default=10)
    analyses = [it for it in items if isinstance(it, Analysis)]
    # Signal names are never cut: the reasons and flags columns are at least as wide as
    # their longest line (a narrow terminal wraps the document column instead).
    reason_w = max((len(f"{n} {p:+.1f}") for a in analyses for n, p in _top(a)), default=6)
    flag_w = max((len(f) for a in analyses for f in a.flags), default=6)
    score_w = max([7] + [len(a.unscored_reason or "") for a in analyses if a.score is None])
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True, show_edge=False, leading=1)
    reason_w, flag_w = max(11, reason_w), max(5, flag_w)
    fixed = score_w + reason_w + flag_w + 2 * (4 + show_chrome)  # two spaces between columns
    doc_min = min(longest, max(12, width - fixed - (24 if show_chrome else 0)))
    table.add_column("document", ratio=3, overflow="fold", min_width=doc_min)
    table.add_column("score", justify="right", width=score_w, overflow="fold")
    table.add_column("top reasons", width=reason_w, overflow="fold")
    table.add_column("flags", width=flag_w, overflow="fold")
    if show_chrome:
        table.add_column("chrome removed", ratio=2, style="dim")

    flag_counts: dict[str, int] = {}
    scores: list[float] = []
    unscored = 0
    for it in items:
        if not isinstance(it, Analysis):
            err = it.get("error") or {}
            row = [Text(str(it.get("name")), style="bold"), Text(" error ", style="bold white on red3"),
                   Text(f"{err.get('kind')}: {err.get('message')}", style="red"), Text("")]
            table.add_row(*(row + [Text("")] * show_chrome))
            continue
        doc = Text()
        doc.append(it.name or "<document>", style="bold")
        if show_title and it.title:
            doc.append("\n" + _clip(it.title, 120), style="dim")
        if it.language not in ("en", "und"):
            doc.append(f"\nlanguage {it.language}", style="dim italic")
        score = Text()
        if it.score is None:
            unscored += 1
            score.append(f" {NO_SCORE} ", style="bold")
            score.append(f"\n{it.unscored_reason}", style="dim")
        else:
            scores.append(it.score)
            b = band(it.score)
            score.append(f" {it.score:5.1f} ", style=_BAND_STYLE[b])
            score.append(f"\n{b}", style=_BAND_TEXT[b])
        if it.source_prior and it.score is not None and it.score_with_source is not None:
            score.append(f"\nwith source {it.score_with_source:.1f}", style=_BAND_TEXT[band(it.score_with_source)])
        reasons = Text()
        for i, (name, pts) in enumerate(_top(it)):
            reasons.append(("\n" if i else "") + f"{name} ")
            reasons.append(f"{pts:+.1f}", style="green" if pts > 0 else "red")
        if not reasons:
            reasons = Text("–", style="dim")
        flags = Text("\n".join(it.flags), style="bold red") if it.flags else Text("–", style="dim")
        for f in it.flags:
            flag_counts[f] = flag_counts.get(f, 0) + 1
        row = [doc, score, reasons, flags]
        if show_chrome:
            row.append(Text(_chrome(it)))
        table.add_row(*row)

    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=True, color_system="standard", no_color=False,
                      highlight=False, emoji=False, legacy_windows=False, soft_wrap=False)
    console.print(table)
    for it in analyses:  # the full reason for each document with no score
        if it.score is None:
            console.print(Text(f"{it.name or '<document>'}: not scored — {describe(it.unscored_reason or '')}",
                               style="dim"))
    if len(items) > 1:
        console.print()
        foot = Text(f"{len(items)} documents", style="bold")
        if scores:
            foot.append(f" · mean score {sum(scores) / len(scores):.1f}")
            for name in ("high", "medium", "low"):
                k = sum(1 for s in scores if band(s) == name)
                if k:
                    foot.append(" · ")
                    foot.append(f"{k} {name}", style=_BAND_TEXT[name])
        if unscored:
            foot.append(f" · {unscored} not scored")
        if flag_counts:
            foot.append("\nflags: ")
            foot.append(", ".join(f"{k} {v}" for k, v in sorted(flag_counts.items())), style="red")
        console.print(foot)
    console.print(Text(LEGEND, style="dim"))
    return buf.getvalue()


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
