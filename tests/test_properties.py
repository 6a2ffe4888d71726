"""Property tests (hypothesis): whatever comes in, the guarantees hold.

* ``analyze`` never raises anything but a typed :class:`credscore.CredscoreError`
  (subclass of ``InputError`` for bad input), and every Analysis satisfies
  :func:`tests.invariants.check`: score in [0, 100], every evidence span inside the
  cleaned text, every removed block's offsets indexing ``source_text``, valid JSON;
* ``clean`` is idempotent: ``clean(clean(x)) == clean(x)`` whenever ``clean(x)`` is
  not empty (an empty result is not a document: ``clean`` raises EmptyInputError on
  it, as on any empty input) and does not itself look like HTML (it would then be
  parsed as HTML; see :mod:`credscore.fixpoint`);
* output is identical across runs.

Documents are built from real lines (the seeds), real chrome lines and
hypothesis-generated text, so that the chrome rules actually fire.  The budget is
bounded for CI (``max_examples`` below, no deadline: the first call loads the word
list).  Run longer with ``CREDSCORE_HYPOTHESIS_EXAMPLES=2000``.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import credscore
from credscore.document import looks_like_html
from credscore.errors import CredscoreError, InputError

from .conftest import SEEDS
from .invariants import check

#: The CI budget; ``CREDSCORE_HYPOTHESIS_EXAMPLES=2000 pytest tests/test_properties.py``
#: runs longer.  Applied per test (not as a global profile: other modules' hypothesis
#: tests keep their own settings).
BUDGET = settings(
    max_examples=int(os.environ.get("CREDSCORE_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_LINES = sorted({line.strip() for p in sorted(SEEDS.glob("*.txt"))
                     for line in p.read_text(encoding="utf-8").splitlines() if line.strip()})
CHROME_LINES = [
    "Home", "News", "Menu", "Subscribe now", "Follow us on Telegram", "Privacy Policy", "All rights reserved",
    "Read more", "Оставить комментарий", "Share on Facebook", "Advertisement", "Related articles",
    "Photo: Getty Images", "© 2024 Example Media", "Support us.", "Dear readers,", "Tags: politics, world",
    "It looks like you're using an ad blocker", "Please support our journalism with a donation.",
    "Sign up for our weekly newsletter", "Enter your email", "×", "___", "Monday, June 3, 2024",
    "icon bookmark-icon cameraicon shareicon likeicon menuicon", "ht t’s a fact that the two sides agreed on the plan today.",
]

text_line = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
line = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(CHROME_LINES), text_line)
sep = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\t\n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=25))
    out = lines[0]
    for ln in lines[1:]:
        out += draw(sep) + ln
    return out


TAGS = ["p", "div", "span", "a", "h1", "h2", "li", "ul", "nav", "footer", "aside", "header", "article",
        "main", "section", "br", "b", "table", "td", "tr", "form", "button", "script", "style", "time", "title"]


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Tag soup: nested elements with real and random text, random attributes,
    sometimes unclosed or truncated."""
    parts: list[str] = ["<html><head><title>" + draw(st.sampled_from(SEED_LINES))[:80] + "</title></head><body>"]
    depth = 0
    for _ in range(draw(st.integers(1, 40))):
        action = draw(st.sampled_from(["open", "open", "text", "text", "close", "chrome"]))
        if action == "open":
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="x y"', " href='http://example.invalid/'",
                                         ' datetime="2024-06-03"', ' class="icon"', " lang=ru"]))
            parts.append(f"<{tag}{attr}>")
            depth += 1
        elif action == "close" and depth:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
            depth -= 1
        elif action == "chrome":
            parts.append(f"<p>{draw(st.sampled_from(CHROME_LINES))}</p>")
        else:
            parts.append(draw(st.one_of(st.sampled_from(SEED_LINES), text_line)))
    doc = "".join(parts)
    if draw(st.booleans()):
        doc = doc[: draw(st.integers(0, len(doc)))]
    return doc


def _analyze(doc, **kw):
    try:
        return check(credscore.analyze(doc, **kw))
    except InputError:
        return None


@BUDGET
@given(documents())
def test_analyze_text_never_crashes_and_keeps_invariants(doc):
    _analyze(doc)


@BUDGET
@given(st.text(max_size=300))
def test_analyze_arbitrary_strings(doc):
    _analyze(doc)


@BUDGET
@given(st.binary(max_size=2000))
def test_analyze_arbitrary_bytes(data):
    _analyze(data)


@BUDGET
@given(documents(), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1251", "latin-1", "utf-8-sig"]))
def test_analyze_encoded_documents(doc, codec):
    data = doc.encode(codec, errors="replace")
    _analyze(data)


@BUDGET
@given(html_documents())
def test_analyze_html_never_crashes_and_keeps_invariants(doc):
    _analyze(doc, content_type="html")
    _analyze(doc)


def _clean(doc, **kw):
    try:
        return credscore.clean(doc, **kw)
    except InputError:
        return None


@BUDGET
@given(st.one_of(documents(), html_documents()))
def test_clean_is_idempotent(doc):
    once = _clean(doc)
    assume(once is not None and once.strip() and not looks_like_html(once))
    assert _clean(once) == once


@BUDGET
@given(documents())
def test_output_is_deterministic(doc):
    a, b = _analyze(doc), _analyze(doc)
    if a is None:
        assert b is None
        return
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)


@BUDGET
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200), st.integers(), st.none(), st.lists(st.text())))
def test_only_typed_errors_or_type_errors(doc):
    """Wrong *types* are a TypeError (a programming error); wrong *content* is an InputError."""
    try:
        credscore.analyze(doc)
    except (CredscoreError, TypeError):
        pass
