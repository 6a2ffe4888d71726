"""A self-contained HTML report: one file, readable offline, evidence on the text.

:func:`render_html` turns analyses (and per-document failures) into a single
page.  Everything it needs is inline — the stylesheet ``report.css`` and the
small ``report.js`` ship as package data and are pasted into ``<style>`` and
``<script>``; the charts are inline SVG; no font, image or script is fetched.

The page, for each document (an ``<article>``):

* the score as a gauge, coloured by band (low < 40 ≤ medium < 70 ≤ high);
* a bar per signal showing the points it added or took away, with its value,
  its flag and how much evidence it has;
* the text in two views, switched by two radio buttons (CSS only, so no script
  is needed; a browser without ``:has()`` simply shows both):

  - *cleaned* — the article as credscore scored it, every evidence span a
    ``<mark>`` coloured and underlined by signal, its note in the ``title``
    (a spun phrase names its likely original, a date says what it conflicts
    with);
  - *as scraped* — the source text with the removed chrome struck through in
    place behind a badge naming its kind, and the evidence carried over through
    ``Analysis.meta["pieces"]``;

* the evidence as a list (notes in plain text, each linking to its mark), for
  readers who cannot hover.

With more than one document a summary comes first: score histogram, flags by
signal, chrome removed by kind, and a table of every document (linked to its
view) that ``report.js`` makes sortable by score and by each signal; without
script it is an ordinary table.

Documents are hostile input: every piece of text and every attribute value goes
through :func:`html.escape`, and no document text is ever placed inside
``<script>`` or ``<style>``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any, Iterable, Sequence

from .. import __version__
from ..scorable import describe
from ..types import Analysis
from .markup import Range, render, source_mapper
from .table import band

#: Fixed colour slots for the signals we know; others take the free slots in
#: order of appearance (report.css defines ``.s0`` … ``.s7``).
_KNOWN_SLOTS = {"spin": 0, "dates": 1, "readability": 2, "misspellings": 3, "attribution": 4, "chrome_ratio": 5}
_N_SLOTS = 8
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_BAND_LABEL = {"low": "low (below 40)", "medium": "medium (40–70)", "high": "high (70 and above)"}


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    if re.search(r"</(?:style|script)", text, re.I):  # would end its inline element early
        raise ValueError(f"{name} must not contain a closing style/script tag")
    return text


def _e(value: Any) -> str:
    """Escape anything for text or a double-quoted attribute."""
    return escape(str(value), quote=True)


def _fmt(v: float) -> str:
    if v != v:  # NaN
        return "–"
    if v == 0:
        return "0"
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"


class _Slots:
    """Signal name → colour slot, stable across the whole page."""

    def __init__(self) -> None:
        self._map: dict[str, int] = {}
        self._free = [i for i in range(_N_SLOTS) if i not in _KNOWN_SLOTS.values()]

    def __call__(self, name: str) -> int:
        name = name.split(".", 1)[0]
        if name in _KNOWN_SLOTS:
            return _KNOWN_SLOTS[name]
        if name not in self._map:
            self._map[name] = self._free[len(self._map) % len(self._free)]
        return self._map[name]


# --------------------------------------------------------------------------- charts


def _gauge(score: float) -> str:
    """A half-circle gauge: band-tinted track, the score as a filled arc, the number inside."""
    b = band(score)
    cx, cy, r = 100.0, 100.0, 80.0

    def pt(v: float) -> tuple[float, float]:
        th = math.pi * (1 - max(0.0, min(100.0, v)) / 100)
        return cx + r * math.cos(th), cy - r * math.sin(th)

    def arc(v0: float, v1: float) -> str:
        (x0, y0), (x1, y1) = pt(v0), pt(v1)
        return f"M{x0:.2f} {y0:.2f}A{r:g} {r:g} 0 0 1 {x1:.2f} {y1:.2f}"

    track = "".join(f'<path class="track {name}" d="{arc(a, z)}"/>' for a, z, name in
                    ((0, 40, "low"), (40, 70, "medium"), (70, 100, "high")))
    value = f'<path class="value {b}" d="{arc(0, score)}"/>' if score >= 0.5 else ""
    ticks = "".join(
        f'<text class="tick" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{v}</text>'
        for v, (x, y) in ((v, _tick_pos(v, cx, cy, r + 14)) for v in (0, 40, 70, 100)))
    return (f'<svg class="gauge" viewBox="-10 -6 220 126" role="img" aria-label="Score {score:.1f} of 100, '
            f'{_e(_BAND_LABEL[b])}">{track}{value}{ticks}'
            f'<text class="gauge-num {b}" x="100" y="92" text-anchor="middle">{score:.1f}</text>'
            f'<text class="gauge-sub" x="100" y="113" text-anchor="middle">of 100 · {b}</text></svg>')


def _tick_pos(v: float, cx: float, cy: float, r: float) -> tuple[float, float]:
    """Where the label of band edge ``v`` sits: just outside the arc, never below its baseline."""
    th = math.pi * (1 - v / 100)
    x, y = cx + r * math.cos(th), cy - r * math.sin(th) + 4
    return x, min(y, cy + 14)


def _histogram(scores: Sequence[float]) -> str:
    """Inline SVG: documents per 10-point score bin, bars coloured by band."""
    bins = [0] * 10
    for s in scores:
        bins[min(9, max(0, int(s // 10)))] += 1
    top = max(bins) or 1
    x0, x1, y0, y1 = 34.0, 354.0, 16.0, 150.0
    w = (x1 - x0) / 10
    parts = []
    for i, c in enumerate(bins):
        h = (y1 - y0) * c / top
        cls = band(i * 10 + 5)
        parts.append(f'<rect class="bar {cls}" x="{x0 + i * w + 3:.1f}" y="{y1 - h:.1f}" width="{w - 6:.1f}" '
                     f'height="{h:.1f}"><title>{i * 10}–{i * 10 + 10}: {c} document{"s" * (c != 1)}</title></rect>')
        if c:
            parts.append(f'<text class="count" x="{x0 + i * w + w / 2:.1f}" y="{y1 - h - 4:.1f}" '
                         f'text-anchor="middle">{c}</text>')
    for i in range(11):
        parts.append(f'<text class="tick" x="{x0 + i * w:.1f}" y="{y1 + 16:.1f}" text-anchor="middle">{i * 10}</text>')
    parts.append(f'<line class="axis" x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}"/>')
    parts.append(f'<text class="tick" x="{x0 - 6}" y="{y0 + 4}" text-anchor="end">{top}</text>')
    parts.append(f'<text class="tick" x="{x0 - 6}" y="{y1}" text-anchor="end">0</text>')
    desc = "; ".join(f"{i * 10}–{i * 10 + 10}: {c}" for i, c in enumerate(bins))
    return (f'<svg class="histogram" viewBox="0 0 364 176" role="img" aria-labelledby="hist-t hist-d">'
            f'<title id="hist-t">Score histogram: documents per 10-point bin</title><desc id="hist-d">{_e(desc)}</desc>'
            + "".join(parts) + "</svg>")


# --------------------------------------------------------------------------- one document


def _evidence(a: Analysis) -> list[tuple[int, str, int, int, str]]:
    """``(n, signal, start, end, note)`` for every evidence span, numbered per document."""
    out = []
    for name, sig in a.signals.items():
        for sp in sig.evidence:
            out.append((len(out), name, sp.start, sp.end, sp.note))
    return out


def _mark_tags(doc: int, n: int, sig: str, slot: int, note: str) -> tuple[str, str]:
    title = f"{sig}: {note}" if note else sig
    attrs = f'class="ev s{slot}" data-signal="{_e(sig)}" data-ev="{n}" title="{_e(title)}"'
    return f'<mark id="d{doc}-ev{n}" {attrs}>', f"<mark {attrs}>"


def _cleaned_view(a: Analysis, doc: int, ev: list[tuple[int, str, int, int, str]], slot: _Slots) -> str:
    ranges = []
    for n, sig, s, e, note in ev:
        first, again = _mark_tags(doc, n, sig, slot(sig), note)
        ranges.append(Range(s, e, first, "</mark>", again))
    return render(a.text, ranges)


def _scraped_view(a: Analysis, doc: int, ev: list[tuple[int, str, int, int, str]], slot: _Slots) -> str:
    ranges = []
    for b in a.removed:
        open_ = (f'<span class="chrome" data-kind="{_e(b.kind)}"><span class="badge" aria-hidden="true">{_e(b.kind)}'
                 f'</span><span class="vh">(removed as {_e(b.kind)}:) </span><del>')
        ranges.append(Range(b.start, b.end, open_, "</del></span>", '<span class="chrome"><del>', order=-2))
    for r in a.repairs:
        open_ = (f'<span class="repair" data-kind="{_e(r.kind)}" title="{_e(r.kind)}: read as {_e(r.replacement)}">'
                 f'<span class="badge" aria-hidden="true">{_e(r.kind)} → {_e(r.replacement)}</span>'
                 f'<span class="vh">(repaired as {_e(r.replacement)}:) </span>')
        ranges.append(Range(r.start, r.end, open_, "</span>", '<span class="repair">', order=-1))
    pieces = a.meta.get("pieces")  # absent when an Analysis was built by hand: chrome only, no evidence
    if pieces:
        to_source = source_mapper(pieces)
        for n, sig, s, e, note in ev:
            _, tag = _mark_tags(doc, n, sig, slot(sig), note)
            ranges.extend(Range(ss, se, tag, "</mark>") for ss, se in to_source(s, e))
    return render(a.source_text, ranges)


def _signal_rows(a: Analysis, scale: float, slot: _Slots, n_ev: dict[str, int]) -> str:
    rows = []
    seen: set[str] = set()
    for c in a.explanation:
        seen.add(c.name)
        sig = a.signals.get(c.name.split(".", 1)[0])
        rows.append(_signal_row(c.name, sig, c.points, c.value, scale, slot, n_ev))
    for name, sig in a.signals.items():
        if name not in seen and not any(x.startswith(name + ".") for x in seen):
            rows.append(_signal_row(name, sig, None, sig.value, scale, slot, n_ev, unscored=a.score is None))
    return "".join(rows)


def _signal_row(name: str, sig: Any, points: float | None, value: float, scale: float, slot: _Slots,
                n_ev: dict[str, int], *, unscored: bool = False) -> str:
    base = name.split(".", 1)[0]
    flag = ""
    if sig is not None and not sig.applicable:
        flag = '<span class="na">not applicable</span>'
    elif sig is not None and sig.flagged and "." not in name:  # a detail's row never carries its signal's flag
        # a flag beside "not in the model" is a finding, not a reason for the score
        flag = ('<span class="flag">⚑ flagged</span>' if points is not None
                else '<span class="muted">flagged (not scored)</span>')
    if points is None:
        bar, pts = f'<span class="muted">{"not scored" if unscored else "not in the model"}</span>', ""
    else:
        pct = min(50.0, 50.0 * abs(points) / scale)
        side = "pos" if points >= 0 else "neg"
        bar = (f'<div class="cbar" aria-hidden="true"><span class="{side}" style="width:{pct:.1f}%;'
               f'{"left" if side == "pos" else "right"}:50%"></span></div>')
        pts = f"{points:+.1f}"
    k = n_ev.get(name, 0) if "." not in name else 0
    return (f'<tr><th scope="row"><span class="swatch s{slot(base)}" aria-hidden="true"></span>{_e(name)}</th>'
            f'<td class="num">{_e(_fmt(value))}</td><td>{flag}</td><td class="num">{k or ""}</td>'
            f'<td class="barcell">{bar}</td><td class="num pts">{pts}</td></tr>')


def _evidence_list(a: Analysis, doc: int, ev: list[tuple[int, str, int, int, str]], slot: _Slots) -> str:
    by_sig: dict[str, list[tuple[int, int, int, str]]] = {}
    for n, sig, s, e, note in ev:
        by_sig.setdefault(sig, []).append((n, s, e, note))
    if not by_sig:
        return '<p class="muted">No signal pointed at any passage.</p>'
    out = []
    for sig, items in by_sig.items():
        lis = []
        for n, s, e, note in items:
            excerpt = a.text[s:e]
            if len(excerpt) > 160:
                excerpt = excerpt[:150] + " … " + excerpt[-8:]
            lis.append(f'<li><a href="#d{doc}-ev{n}" class="evlink">“{_e(excerpt)}”</a>'
                       f'{" — " + _e(note) if note else ""}</li>')
        flagged = " · flagged" if a.signals[sig].flagged and a.signals[sig].applicable else ""
        out.append(f'<details class="evgroup"{" open" if len(items) <= 8 else ""}><summary>'
                   f'<span class="swatch s{slot(sig)}" aria-hidden="true"></span>{_e(sig)} '
                   f'<span class="muted">({len(items)}{flagged})</span></summary><ol>{"".join(lis)}</ol></details>')
    return "".join(out)


def _legend(a: Analysis, slot: _Slots, n_ev: dict[str, int]) -> str:
    items = [f'<li><mark class="ev s{slot(n)}">{_e(n)}</mark> {c}</li>' for n, c in n_ev.items() if c]
    if a.removed:
        items.append('<li><span class="chrome"><span class="badge">kind</span><del>removed chrome</del></span> '
                     '(as scraped)</li>')
    return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>' if items else ""


def _prior(a: Analysis) -> str:
    """The CRED-1 source prior, shown apart from the text score (see credscore.source)."""
    p = a.source_prior
    if p is None or a.score_with_source is None or a.score is None:
        return ""
    return (f'<p class="prior">With the source prior: <strong>{a.score_with_source:.1f}</strong> '
            f'({_e(p.domain)} is on {_e(p.list_name)} as {_e(p.category)}, {p.points:+.1f})</p>')


def _scoreline(a: Analysis, b: str) -> str:
    """The gauge and the band word, or why there is no score (credscore.scorable)."""
    if a.score is None:
        return (f'<p class="bandword none">No score — {_e(describe(a.unscored_reason or ""))}.</p>'
                '<p class="muted">The signals below are still computed; they are not combined into a score.</p>')
    return (f'{_gauge(a.score)}<p class="bandword {b}">Score <strong>{a.score:.1f}</strong> — '
            f'{_e(_BAND_LABEL[b])}</p>')


def _doc(a: Analysis, doc: int, scale: float, slot: _Slots) -> str:
    ev = _evidence(a)
    n_ev: dict[str, int] = {}
    for _, sig, *_rest in ev:
        n_ev[sig] = n_ev.get(sig, 0) + 1
    name = a.name or f"document {doc + 1}"
    b = band(a.score) if a.score is not None else "none"
    lang = f' lang="{_e(a.language)}"' if a.language not in ("und", "") and _LANG_RE.match(a.language) else ""
    meta = [f"{a.content_type}", f"language {a.language}"]
    if a.published:
        meta.append(f"published {a.published.date.isoformat()}")
    removed_chars = sum(r.end - r.start for r in a.removed)
    meta.append(f"{len(a.removed)} chrome block{'s' * (len(a.removed) != 1)} removed ({removed_chars:,} characters)")
    url = f'<p class="url">{_e(a.url)}</p>' if a.url else ""
    flags = "".join(f'<li class="flag">⚑ {_e(f)}</li>' for f in a.flags) or '<li class="muted">no flags</li>'
    notes = "".join(f"<li>{_e(n)}</li>" for n in a.notes)
    notes = f'<ul class="notes">{notes}</ul>' if notes else ""
    text = _cleaned_view(a, doc, ev, slot) if a.text else '<span class="muted">(no article text left)</span>'
    scraped = _scraped_view(a, doc, ev, slot)
    by_kind = "".join(f"<li><span class=\"badge\">{_e(k)}</span> {v:,} characters</li>"
                      for k, v in a.removed_by_kind().items())
    return f"""<article class="doc" id="doc-{doc}" aria-labelledby="doc-{doc}-h">
<header class="doc-head"><h2 id="doc-{doc}-h">{_e(name)}</h2>
<p class="doc-title"{lang} dir="auto">{_e(a.title or "(no title)")}</p>{url}
<p class="meta">{_e(" · ".join(meta))}</p></header>
<div class="doc-grid">
<section class="scorebox band-{b}" aria-labelledby="doc-{doc}-score"><h3 id="doc-{doc}-score" class="vh">Score</h3>
{_scoreline(a, b)}{_prior(a)}
<ul class="flags" aria-label="Flags">{flags}</ul>{notes}</section>
<section class="why" aria-labelledby="doc-{doc}-why"><h3 id="doc-{doc}-why">Why this score</h3>
<div class="scroll"><table class="signals"><caption class="vh">Signals of {_e(name)}: value, flag, evidence, points</caption>
<thead><tr><th scope="col">signal</th><th scope="col" class="num">value</th><th scope="col">flag</th>
<th scope="col" class="num">evidence</th><th scope="col"><span class="vh">contribution bar</span></th>
<th scope="col" class="num">points</th></tr></thead>
<tbody>{_signal_rows(a, scale, slot, n_ev)}</tbody></table></div></section>
</div>
<section class="textviews" aria-labelledby="doc-{doc}-text"><h3 id="doc-{doc}-text">Text</h3>
<fieldset class="viewtoggle"><legend>Show</legend>
<input type="radio" name="view-{doc}" id="doc-{doc}-v-clean" class="v-clean" checked>
<label for="doc-{doc}-v-clean">Cleaned text</label>
<input type="radio" name="view-{doc}" id="doc-{doc}-v-src" class="v-src">
<label for="doc-{doc}-v-src">As scraped</label></fieldset>
{_legend(a, slot, n_ev)}
<div class="view view-clean"><h4>Cleaned text <span class="muted">(what was scored; evidence highlighted)</span></h4>
<div class="text"{lang} dir="auto" tabindex="0">{text}</div></div>
<div class="view view-src"><h4>As scraped <span class="muted">(removed chrome struck through, with its kind)</span></h4>
<div class="text"{lang} dir="auto" tabindex="0">{scraped}</div></div>
</section>
<section class="evidence" aria-labelledby="doc-{doc}-ev"><h3 id="doc-{doc}-ev">Evidence</h3>
{_evidence_list(a, doc, ev, slot)}
{f'<h4>Chrome removed, by kind</h4><ul class="kinds">{by_kind}</ul>' if by_kind else ""}
</section>
<p class="top"><a href="#top">Back to top</a></p>
</article>"""


def _failed(item: dict[str, Any], doc: int) -> str:
    err = item.get("error") or {}
    return (f'<article class="doc failed" id="doc-{doc}" aria-labelledby="doc-{doc}-h"><header class="doc-head">'
            f'<h2 id="doc-{doc}-h">{_e(item.get("name") or f"document {doc + 1}")}</h2></header>'
            f'<p class="error">Not analysed ({_e(err.get("kind", "error"))}): {_e(err.get("message", ""))}</p></article>')


# --------------------------------------------------------------------------- many documents


def _summary(items: Sequence[Analysis | dict[str, Any]], slot: _Slots) -> str:
    docs = [(i, it) for i, it in enumerate(items) if isinstance(it, Analysis)]
    scores = [a.score for _, a in docs if a.score is not None]
    unscored = sum(1 for _, a in docs if a.score is None)
    sig_names: list[str] = []
    for _, a in docs:
        sig_names.extend(n for n in a.signals if n not in sig_names)
    bands = {"low": 0, "medium": 0, "high": 0}
    for s in scores:
        bands[band(s)] += 1
    failed = len(items) - len(docs)
    mean = sum(scores) / len(scores) if scores else float("nan")
    med = sorted(scores)[len(scores) // 2] if scores else float("nan")
    if len(scores) % 2 == 0 and scores:
        srt = sorted(scores)
        med = (srt[len(srt) // 2 - 1] + srt[len(srt) // 2]) / 2
    stats = [("documents", str(len(items))), ("mean score", _fmt(round(mean, 1))), ("median", _fmt(round(med, 1)))]
    stats += [(f"{k} band", str(v)) for k, v in bands.items()]
    if unscored:
        stats.append(("not scored", str(unscored)))
    if failed:
        stats.append(("not analysed", str(failed)))
    cards = "".join(f'<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>' for k, v in stats)

    flag_rows = []
    for n in sig_names:
        flagged = sum(1 for _, a in docs if n in a.signals and a.signals[n].flagged and a.signals[n].applicable)
        spans = sum(len(a.signals[n].evidence) for _, a in docs if n in a.signals)
        na = sum(1 for _, a in docs if n in a.signals and not a.signals[n].applicable)
        share = f"{100 * flagged / len(docs):.0f}%" if docs else "–"
        flag_rows.append(f'<tr><th scope="row"><span class="swatch s{slot(n)}" aria-hidden="true"></span>{_e(n)}</th>'
                         f'<td class="num">{flagged}</td><td class="num">{share}</td><td class="num">{spans:,}</td>'
                         f'<td class="num">{na or ""}</td></tr>')
    kinds: dict[str, list[int]] = {}
    for _, a in docs:
        for r in a.removed:
            k = kinds.setdefault(r.kind, [0, 0, 0])
            k[0] += 1
            k[1] += r.end - r.start
        for kind in {r.kind for r in a.removed}:
            kinds[kind][2] += 1
    kind_items = "".join(
        f'<li><span class="badge">{_e(k)}</span> {v[0]:,} block{"s" * (v[0] != 1)} in {v[2]} '
        f'document{"s" * (v[2] != 1)} <span class="muted">· {v[1]:,} chars</span></li>'
        for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1][0], kv[0])))

    head = ['<th scope="col" data-sort="num" class="num">#</th>', '<th scope="col" data-sort="text">document</th>',
            '<th scope="col" data-sort="num" class="num">score</th>', '<th scope="col" data-sort="num" class="num">flags</th>']
    head += [f'<th scope="col" data-sort="num" class="num"><span class="nw"><span class="swatch s{slot(n)}" '
             f'aria-hidden="true"></span>{_e(n)}</span></th>' for n in sig_names]
    head.append('<th scope="col" data-sort="num" class="num">chrome removed</th>')
    rows = []
    for i, it in enumerate(items):
        if not isinstance(it, Analysis):
            err = (it.get("error") or {}).get("kind", "error")
            rows.append(f'<tr class="failed"><td class="num" data-v="{i}">{i + 1}</td><td data-v="{_e(it.get("name"))}">'
                        f'<a href="#doc-{i}">{_e(it.get("name"))}</a></td><td class="num" data-v="">'
                        f'<span class="error">{_e(err)}</span></td>' + '<td data-v=""></td>' * (len(sig_names) + 2)
                        + "</tr>")
            continue
        a = it
        if a.score is None:
            score_cell = (f'<td class="num" data-v="" title="{_e(describe(a.unscored_reason or ""))}">—'
                          f'<br><span class="muted">{_e(a.unscored_reason or "")}</span></td>')
        else:
            score_cell = (f'<td class="num" data-v="{a.score:.3f}"><span class="chip {band(a.score)}">'
                          f'{a.score:.1f}</span></td>')
        cells = [f'<td class="num" data-v="{i}">{i + 1}</td>',
                 f'<td data-v="{_e(a.name or "")}"><a href="#doc-{i}">{_e(a.name or f"document {i + 1}")}</a>'
                 f'{f"<br><span class=muted>{_e(_short(a.title))}</span>" if a.title else ""}</td>',
                 score_cell,
                 f'<td class="num flaglist" data-v="{len(a.flags)}">{_e(", ".join(a.flags)) or "–"}</td>']
        for n in sig_names:
            s = a.signals.get(n)
            if s is None:
                cells.append('<td class="num" data-v="">–</td>')
            elif not s.applicable:
                cells.append('<td class="num na" data-v="">n/a</td>')
            else:
                fl = ' <span class="flag" title="flagged">⚑<span class="vh"> flagged</span></span>' if s.flagged else ""
                cells.append(f'<td class="num{" flagged" * s.flagged}" data-v="{s.value:.6g}">{_fmt(s.value)}{fl}</td>')
        total = len(a.source_text) or 1
        share = sum(r.end - r.start for r in a.removed) / total
        cells.append(f'<td class="num" data-v="{share:.4f}">{100 * share:.0f}%</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")

    return f"""<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<dl class="stats">{cards}</dl>
<div class="summary-grid">
<figure class="card"><figcaption>Scores</figcaption>{_histogram(scores)}</figure>
<div class="card"><h3>Flags by signal</h3><table class="compact"><thead><tr><th scope="col">signal</th>
<th scope="col" class="num">flagged</th><th scope="col" class="num">share</th><th scope="col" class="num">evidence</th>
<th scope="col" class="num"><abbr title="not applicable">n/a</abbr></th></tr></thead><tbody>{"".join(flag_rows)}</tbody></table></div>
</div>
<div class="card wide"><h3>Chrome removed by kind</h3>
<ul class="kindlist">{kind_items or '<li class="muted">none</li>'}</ul></div>
</div>
<h3 id="docs-h">Documents</h3>
<p class="hint muted">Select a column heading to sort (needs JavaScript); ⚑ marks a flagged signal.</p>
<div class="scroll" role="region" aria-labelledby="docs-h" tabindex="0">
<table class="sortable docs"><thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(rows)}</tbody></table>
</div></section>"""


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- the page


def render_html(items: Iterable[Analysis | dict[str, Any]], title: str = "credscore report") -> str:
    """The whole report as one HTML string (UTF-8, self-contained)."""
    items = list(items)
    slot = _Slots()
    for it in items:  # assign colour slots in order of first appearance
        if isinstance(it, Analysis):
            for n in it.signals:
                slot(n)
    pts = [abs(c.points) for it in items if isinstance(it, Analysis) for c in it.explanation]
    scale = max([10.0, *pts])
    docs = [(_doc(it, i, scale, slot) if isinstance(it, Analysis) else _failed(it, i)) for i, it in enumerate(items)]
    n = len(items)
    summary = _summary(items, slot) if n > 1 else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="credscore {_e(__version__)}">
<title>{_e(title)}</title>
<style>{_asset("report.css")}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="page-head" id="top"><h1>{_e(title)}</h1>
<p class="muted">{n} document{"s" * (n != 1)} · credscore {_e(__version__)} · The score (0–100) says how much a
document reads like content from reliable sources; it is not a verdict on whether its claims are true.
Read the evidence, not only the number.</p></header>
<main id="main">
{summary}
{chr(10).join(docs)}
</main>
<footer class="page-foot"><p class="muted">Generated by credscore {_e(__version__)}. This file is self-contained:
it loads nothing from the network. Bands: low below 40, medium 40–70, high 70 and above.</p></footer>
<script>{_asset("report.js")}</script>
</body>
</html>
"""
