"""The HTML report in a real browser: headless Chromium renders the seeds' report.

Chromium loads the file from disk with background networking off, runs the page
script, and dumps the DOM it ended with (``--dump-dom``) — so these checks see
what a reader's browser builds, not what our Python wrote.  A screenshot of the
report is saved under ``artifacts/`` (gitignored) for a human to look at.

Skips when no Chromium is installed (``apt-get install chromium`` on Debian;
``.ci/run`` installs it when it runs as root in CI).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from credscore.report import render_html

from .conftest import ROOT, seed_path

ARTIFACTS = ROOT / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless Chromium installed (Debian: apt-get install chromium)")


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    cmd = [_chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def seeds_report(seed_items):
    items = seed_items
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "report-seeds.html"
    path.write_text(render_html(items), encoding="utf-8")
    return path, items


def _dom(path: Path, tmp_path: Path) -> lxml.html.HtmlElement:
    r = _run(["--virtual-time-budget=2000", "--dump-dom", path.resolve().as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "<html" in r.stdout, r.stderr[-2000:]
    return lxml.html.document_fromstring(r.stdout)


def test_browser_renders_highlights_and_badges(seeds_report, tmp_path):
    path, items = seeds_report
    dom = _dom(path, tmp_path)
    assert "js" in (dom.get("class") or "").split()  # the page script ran to its first line…
    assert len(dom.xpath("//table[contains(@class,'sortable')]/thead//th/button")) >= 4  # …and through the sorting setup
    arts = dom.xpath("//article[contains(@class,'doc')]")
    assert len(arts) == len(items)
    for art, a in zip(arts, items):
        n_ev = sum(len(s.evidence) for s in a.signals.values())
        marks = art.xpath(".//div[contains(@class,'view-clean')]//mark[@data-ev]")
        assert len({m.get("data-ev") for m in marks}) == n_ev
        for name in {n for n, s in a.signals.items() if s.evidence}:
            assert art.xpath(f".//div[contains(@class,'view-clean')]//mark[@data-signal='{name}']")
        badges = art.xpath(".//div[contains(@class,'view-src')]//span[@class='chrome']/span[@class='badge']")
        assert [b.text for b in badges] == [r.kind for r in a.removed]
        assert art.xpath(".//svg[@class='gauge']")
    spun = dom.xpath("//mark[@data-signal='spin'][contains(@title,'→')]")
    assert spun and "natural gas" in " ".join(m.get("title") for m in spun)
    assert dom.xpath("//svg[@class='histogram']//rect")


def test_browser_sorts_the_summary_table(seeds_report, tmp_path):
    """Click the score heading twice and a signal heading once, from a test-only script, and read the row order."""
    path, items = seeds_report
    probe = """<script>
var heads = document.querySelectorAll('table.docs thead th');
function order(col) { return Array.prototype.map.call(document.querySelectorAll('table.docs tbody tr'),
  function (r) { return r.cells[col].getAttribute('data-v'); }).join(' '); }
heads[2].querySelector('button').click(); document.body.setAttribute('data-score-1', order(2));
heads[2].querySelector('button').click(); document.body.setAttribute('data-score-2', order(2));
heads[4].querySelector('button').click(); document.body.setAttribute('data-sig', order(4));
document.body.setAttribute('data-aria', heads[4].getAttribute('aria-sort'));
</script></body>"""
    harness = tmp_path / "sort.html"
    harness.write_text(path.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    body = _dom(harness, tmp_path).xpath("//body")[0]
    first = [float(v) for v in body.get("data-score-1").split()]
    second = [float(v) for v in body.get("data-score-2").split()]
    sig = [float(v) for v in body.get("data-sig").split()]
    assert first == sorted(first, reverse=True) and len(first) == len(items)
    assert second == sorted(second)
    assert sig == sorted(sig, reverse=True) and body.get("data-aria") == "descending"


def test_browser_does_not_run_hostile_markup(tmp_path):
    import credscore

    text = ('Breaking: </script><img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>\n\n'
            + seed_path("002").read_text(encoding="utf-8"))
    a = credscore.analyze(credscore.Document(text, name="<svg onload=document.title='pwned'>", content_type="text"))
    page = tmp_path / "hostile.html"
    page.write_text(render_html([a], title="hostile"), encoding="utf-8")
    dom = _dom(page, tmp_path)
    assert dom.xpath("//title")[0].text == "hostile"
    assert dom.xpath("//img") == [] and len(dom.xpath("//script")) == 1
    assert "</script><img" in dom.xpath("//div[contains(@class,'view-clean')]/div")[0].text_content()


def test_browser_screenshot(seeds_report, tmp_path):
    path, _ = seeds_report
    shot = ARTIFACTS / "report-seeds.png"
    shot.unlink(missing_ok=True)
    r = _run(["--window-size=1280,2200", f"--screenshot={shot}", path.resolve().as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a blank page compresses to a few kB


# --------------------------------------------------------------------------- layout at two widths (issue #23)

#: Run inside the report (in an iframe of the width under test), written to the parent page.
_MEASURE = """<script>
(function () {
  var vw = window.innerWidth, de = document.documentElement;
  var out = {vw: vw, scrollWidth: de.scrollWidth, innerScroll: 0, texts: 0, marks: 0, decorated: 0,
             translucent: 0, nested: 0};
  document.querySelectorAll('.text').forEach(function (el) {
    if (el.offsetParent === null) return;
    out.texts++;
    var cs = getComputedStyle(el);
    if (el.scrollHeight > el.clientHeight + 2 && (cs.overflowY === 'auto' || cs.overflowY === 'scroll')) out.innerScroll++;
  });
  document.querySelectorAll('mark.ev').forEach(function (m) {
    out.marks++;
    var cs = getComputedStyle(m);
    if (cs.textDecorationLine !== 'none') out.decorated++;
    var bg = cs.backgroundColor;
    if (bg.indexOf('rgba') === 0 && parseFloat(bg.split(',')[3]) < 1) out.translucent++;
    if (m.parentElement.closest('mark.ev')) out.nested++;
  });
  var pre = parent.document.createElement('pre');
  pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  parent.document.body.appendChild(pre);
})();
</script></body>"""


def _at_width(report_html: str, width: int, tmp_path: Path, screenshot: Path | None = None) -> dict:
    """Lay the report out in an iframe ``width`` px wide (Chromium's window is at least 500 px)."""
    import html as _html
    import json
    import re

    doc = report_html.replace("</body>", _MEASURE)
    harness = tmp_path / f"w{width}.html"
    harness.write_text(f'<!DOCTYPE html><html><body style="margin:0;background:#fff">'
                       f'<iframe style="border:0;width:{width}px;height:2400px;display:block" '
                       f'srcdoc="{_html.escape(doc, quote=True)}"></iframe></body></html>', encoding="utf-8")
    r = _run(["--virtual-time-budget=3000", "--window-size=1500,2400", "--dump-dom", harness.resolve().as_uri()],
             tmp_path)
    m = re.search(r'<pre id="measure">(.*?)</pre>', r.stdout)
    assert m, r.stderr[-2000:]
    if screenshot is not None:
        screenshot.unlink(missing_ok=True)
        r2 = _run([f"--window-size={max(width, 500)},2400", f"--screenshot={screenshot}",
                   (harness if width < 500 else _plain(report_html, tmp_path)).resolve().as_uri()], tmp_path)
        assert r2.returncode == 0, r2.stderr[-2000:]
    return json.loads(_html.unescape(m.group(1)))


def _plain(report_html: str, tmp_path: Path) -> Path:
    p = tmp_path / "plain.html"
    p.write_text(report_html, encoding="utf-8")
    return p


@pytest.mark.parametrize("width", [1400, 390])
def test_report_layout_at_desktop_and_phone_width(seeds_report, tmp_path, width):
    """No sideways scroll of the page, the article text at full length (no scroll box inside the
    page), and one visible mark at every point where evidence spans overlap: marks nest, each
    paints an opaque background and its underline as a background image (no text-decoration,
    which would run through every nested mark)."""
    path, items = seeds_report
    ARTIFACTS.mkdir(exist_ok=True)
    m = _at_width(path.read_text(encoding="utf-8"), width, tmp_path, ARTIFACTS / f"report-{width}.png")
    assert m["vw"] == width
    assert m["scrollWidth"] <= width, m
    assert m["texts"] == len(items) and m["innerScroll"] == 0, m
    assert m["marks"] > 100 and m["nested"] > 0  # the seeds do have overlapping evidence …
    assert m["decorated"] == 0 and m["translucent"] == 0, m  # … and only the innermost mark shows
    shot = (ARTIFACTS / f"report-{width}.png").read_bytes()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 30_000
