"""The one-way flow: load → segment → strip chrome → signals → score.

:func:`analyze` is the whole pipeline for one document.  Each stage lives in its
own module and is called once, in order; nothing flows backwards (a signal never
re-strips chrome, a report never re-scores).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import lang, source
from .chrome import Stripped, strip
from .document import DEFAULT_MAX_BYTES, Decoded, load
from .errors import CredscoreError
from .scorable import MIN_ARTICLE_WORDS, MODEL_LANGUAGES, unscored_reason
from .score import LinearModel, StackedModel, load_model
from .segment import Segmented, segment_html, segment_text
from .signals import load_signals
from .signals.base import Context, not_applicable
from .text import TextView
from .types import Analysis, Contribution, Document, Signal

_SIGNALS = load_signals()


def _as_document(doc: str | bytes | Document, url: str | None, published: dt.date | None,
                 crawled: dt.date | None) -> Document:
    if isinstance(doc, Document):
        return Document(
            content=doc.content,
            url=url or doc.url,
            published=published or doc.published,
            crawled=crawled or doc.crawled,
            content_type=doc.content_type,
            name=doc.name,
        )
    if isinstance(doc, (str, bytes, bytearray, memoryview)):
        return Document(content=bytes(doc) if not isinstance(doc, str) else doc, url=url,
                        published=published, crawled=crawled)
    raise TypeError(f"analyze() takes str, bytes or credscore.Document, not {type(doc).__name__}")


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError as e:
            raise CredscoreError(f"not an ISO date: {value!r}") from e
    raise TypeError(f"a date must be datetime.date or an ISO string, not {type(value).__name__}")


def label_with_model(blocks: Any, labels: Any, content_type: str) -> Any:
    """:func:`credscore.chrome.model.label_with_model`, imported on first call: on plain
    text the model only runs where the rules found chrome, so its features (and their
    phrase tables) need not load at start-up."""
    from .chrome.model import label_with_model as label

    return label(blocks, labels, content_type)


def chrome_stage(
    doc: str | bytes | Document,
    *,
    url: str | None = None,
    published: dt.date | str | None = None,
    crawled: dt.date | str | None = None,
    content_type: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> tuple[Document, Decoded, Segmented, Stripped]:
    """load → segment → strip chrome: the first stages of :func:`analyze`, alone.

    :func:`credscore.clean` stops here (no signals, no score).
    """
    document = _as_document(doc, url, _as_date(published), _as_date(crawled))
    if content_type is not None:
        if content_type not in ("html", "text"):
            raise ValueError("content_type must be 'html' or 'text'")
        document = Document(document.content, document.url, document.published, document.crawled,
                            content_type, document.name)  # type: ignore[arg-type]
    decoded = load(document, max_bytes=max_bytes)
    seg = segment_html(decoded.text) if decoded.content_type == "html" else segment_text(decoded.text)
    return document, decoded, seg, strip(seg, decoded.content_type, model=label_with_model)


def context_stage(document: Document, decoded: Decoded, seg: Segmented, stripped: Stripped,
                  language: str) -> Context:
    """The frozen context every signal reads, computed once, before the signals: the
    shared tokenisation (words with their spans, lower-cased words, sentences, lines,
    paragraphs: :class:`~credscore.text.TextView`) and the dates stage (every date in
    the text, the dates the page declares, its datelines and publication date:
    :func:`credscore.dates.published.page_dates`)."""
    ctx = Context(
        text=stripped.text,
        view=TextView(stripped.text).prepared(),
        source_text=seg.source_text,
        removed=tuple(stripped.removed),
        title=stripped.title,
        url=document.url,
        published=document.published,
        crawled=document.crawled,
        content_type=decoded.content_type,
        language=language,
        page=seg.page,
    )
    ctx.dates  # noqa: B018 -- the dates stage runs here, not inside the first signal that reads it
    return ctx


def analyze(
    doc: str | bytes | Document,
    *,
    url: str | None = None,
    published: dt.date | str | None = None,
    crawled: dt.date | str | None = None,
    content_type: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    model: LinearModel | StackedModel | str | Path | None = None,
    use_source_prior: bool = True,
) -> Analysis:
    """Analyse one document: clean it, compute every signal, score it.

    ``doc`` is plain text or HTML (``str``; detected), raw ``bytes`` (decoded: BOM,
    declared charset, UTF-8, then cp1252), or a :class:`~credscore.Document`.
    ``published`` and ``crawled`` are the dates the caller knows (nothing reads
    today's date).

    ``score`` is the text score: it reads the document only.  When ``url`` is
    given, its domain is on CRED-1 and ``use_source_prior`` is true, the listing
    is reported apart (:mod:`credscore.source`): ``source_prior``,
    ``score_with_source`` and a ``"source_prior"`` entry in ``explanation``.

    Raises a :class:`~credscore.errors.InputError` subclass for unusable input
    (empty, binary, too large: ``max_bytes``, 16 MiB by default, ``None`` for no
    limit).
    """
    document, decoded, seg, stripped = chrome_stage(doc, url=url, published=published, crawled=crawled,
                                                    content_type=content_type, max_bytes=max_bytes)
    notes = list(decoded.notes)
    text = stripped.text
    if not text.strip():
        notes.append("no article text left after chrome removal: the page is all chrome")
    # the article decides; a page that is all chrome is still in some language
    language = lang.detect(text) if text.strip() else lang.detect(seg.source_text)
    ctx = context_stage(document, decoded, seg, stripped, language)
    pub = ctx.dates.published  # the caller's date, else the page's own (HTML metadata, dateline)
    signals: dict[str, Signal] = {}
    for mod in _SIGNALS:
        if mod.ENGLISH_ONLY and language not in ("en", "und"):
            signals[mod.NAME] = not_applicable(mod.NAME, f"English-only signal; text is {language!r}")
            continue
        try:
            signals[mod.NAME] = mod.compute(ctx)
        except RecursionError as e:  # pathological input: report, never crash the batch
            signals[mod.NAME] = not_applicable(mod.NAME, f"failed: {e!r}")
            notes.append(f"signal {mod.NAME} failed: {e!r}")
    # no score for what cannot be scored (credscore.scorable): signals stay computed
    lm = load_model(model)
    reason = unscored_reason(text, language, getattr(lm, "languages", MODEL_LANGUAGES),
                             getattr(lm, "min_words", MIN_ARTICLE_WORDS), n_words=ctx.view.n_words)
    score: float | None = None
    explanation: list[Contribution] = []
    if reason is None:
        score, explanation = lm.score(signals)
    prior = source.lookup(document.url) if use_source_prior and document.url else None
    score_with_source = score
    if prior is not None and score is not None:
        score_with_source, prior = source.apply(score, prior)
        explanation = sorted(
            [*explanation, Contribution("source_prior", prior.points, prior.credibility_score)],
            key=lambda c: (-abs(c.points), c.name),
        )
    return Analysis(
        text=text,
        title=stripped.title,
        source_text=seg.source_text,
        removed=stripped.removed,
        signals=signals,
        score=score,
        explanation=explanation,
        content_type=decoded.content_type,
        language=language,
        published=pub,
        repairs=stripped.repairs,
        notes=notes,
        url=document.url,
        name=document.name,
        meta={"encoding": decoded.encoding, "pieces": stripped.pieces},
        source_prior=prior,
        score_with_source=score_with_source,
        unscored_reason=reason,
    )
