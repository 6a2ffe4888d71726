"""Idempotent cleaning: run the plain-text chrome rules until nothing changes.

``clean`` promises ``clean(clean(x)) == clean(x)``.  One pass of chrome removal is
not enough for that, because a second pass sees a different document:

* HTML input is cleaned with the HTML rules, but its output is plain text, and the
  plain-text rules differ (the title is the first headline-shaped *line*, short
  lines above it are navigation, exact repeats of it are ``repeated_title``);
* removing a block can strand another one (the tail sweep only looks at lines that
  end the text; cutting an inline photo credit can leave a short unpunctuated line).

:func:`settle` therefore applies the plain-text rules (``segment_text`` +
``strip`` with the learned block model, exactly as :func:`~credscore.analyze` does for
plain text) to the cleaned text until it stops changing.  Each pass only removes
blocks (or rewrites a split drop cap, which a second pass no longer matches), so the
text shrinks at every step and the loop ends; ``MAX_PASSES`` is a safety bound that
real text never reaches.

The result is a fixed point of the plain-text rules, and ``analyze`` of plain text
is exactly those rules, so ``clean`` of it returns it unchanged: that is the
idempotence guaranteed (tested by hypothesis in ``tests/test_properties.py``).
Two things keep the second call from reading the text differently: HTML entities
for invisible characters (``&#8203;``, ``&shy;``) are dropped by the segmenter as
``load`` drops the raw characters, and text that starts with words is only taken for
HTML if it holds ``<html>``, ``<body>`` or a doctype (an article about HTML quotes
``<p>`` and ``<title>``).  The remaining caveat: cleaned text that does hold one of
those is parsed as HTML on the second call; pass ``content_type="text"`` there.
Measured with ``benchmarks/clean_fixpoint.py``: 0 of 181 AEB and 0 of 214 WCXB pages
change on a second ``clean``.
"""

from __future__ import annotations

from .chrome import strip
from .chrome.model import label_with_model
from .segment import segment_text

#: Safety bound on the passes (each removes at least one block).
MAX_PASSES = 20


def settle(text: str) -> str:
    """The plain-text fixed point of chrome removal, starting from cleaned ``text``."""
    for _ in range(MAX_PASSES):
        nxt = strip(segment_text(text), "text", model=label_with_model).text
        if nxt == text:
            return text
        text = nxt
    return text
