"""Turn what the caller gave into text: decode bytes, detect HTML, enforce limits.

Decoding order for ``bytes`` (never raises on bad bytes, only on non-text):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16 without a BOM, recognised by its NUL bytes in every other position;
3. a charset declared in the first 4 KB (``<meta charset=…>``, ``http-equiv``, XML prolog);
4. strict UTF-8;
5. *mixed* input (mostly valid UTF-8 with some stray legacy bytes, as when a page
   pastes a Latin-1 snippet into a UTF-8 template): the valid UTF-8 stays UTF-8 and
   only the stray bytes are decoded with the legacy encoding;
6. otherwise the whole input in a legacy single-byte encoding: ``fallback_encoding``
   if given, else cp1251 when the high bytes come in runs as Cyrillic words do
   ("Путин" is five high bytes in a row), else cp1252 (Western European, where an
   accented letter sits alone among ASCII letters: "café").

Steps 5 and 6 add a line to ``notes`` saying what was done; nothing is dropped
silently.  Bytes that look like a binary file (a known magic number such as PNG,
PDF, ZIP, GIF, JPEG, or more than 5 % control bytes in the first 4 KB) raise
:class:`~credscore.errors.BinaryInputError`; so does text that is more than 10 %
control characters.  Fewer control characters are removed (noted), and so are
invisible characters that only split words (zero-width space, word joiner, soft
hyphen, a stray byte-order mark; noted); zero-width joiners and direction marks stay.
Text with nothing visible left raises :class:`~credscore.errors.EmptyInputError`.

Size: the limit ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 16 MiB) is
checked before anything else; ``bytes`` are measured in bytes, ``str`` in code
points.  Above it :class:`~credscore.errors.InputTooLargeError` is raised; pass
``max_bytes=None`` to lift the limit.  Analysis time and memory are linear in the
input size (``benchmarks/scaling.py`` measures it): about 50 bytes of memory per
input character at peak, which is why the default is 16 MiB rather than more (a
16 MiB page costs under 1 GB; real article pages are well under 1 MiB).
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError
from .types import ContentType, Document

#: Default size limit (bytes of input, or code points for ``str``); configurable per call
#: (``analyze(doc, max_bytes=...)``; ``None`` lifts it).  See the module docstring.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
    b"\x1f\x8b", b"BZh", b"\x7fELF", b"MZ", b"RIFF", b"OggS", b"\x00\x00\x01\x00",
)
_CHARSET_RE = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I)
_HTML_DOC_RE = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.I)
_HTML_STRONG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HTML_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|ul|li|table|article|section|img|script|style)\b[^<>]{0,500}>", re.I)
# Characters that are never part of text: C0 controls except tab/newline/CR, and NUL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Invisible characters that only split words: zero-width space, word joiner and the
# other invisible operators, a byte-order mark inside the text, soft hyphen.  Zero-width
# (non-)joiners and direction marks are kept: they matter in Persian, Arabic, emoji.
_INVISIBLE_RE = re.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad]")
# any of the three above: one scan of a clean page (most pages) instead of three
_ANY_CLEANUP_RE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060-\u2064\ufeff\u00ad]")


@dataclass
class Decoded:
    """A decoded document: text, detected type, and what happened on the way."""

    text: str
    content_type: ContentType
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)


_CONTROL_BYTES_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")
_REPAIR_ERRORS: dict[str, str] = {}


def _looks_binary(data: bytes) -> bool:
    """A known binary magic number, or more than 5 % control bytes in the first 4 KB."""
    head = data[:4096]
    if head.startswith(_MAGIC):
        return True
    if not head:
        return False
    return len(_CONTROL_BYTES_RE.findall(head)) > 0.05 * len(head)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if ``data`` is UTF-16 text without a BOM.

    Mostly-ASCII UTF-16 has a NUL in every other byte: at odd positions for
    little-endian, at even ones for big-endian.
    """
    head = data[:4096]
    if len(head) < 4:
        return None
    half = len(head) // 2
    odd_nul = head[1::2].count(0)
    even_nul = head[0::2].count(0)
    if odd_nul > 0.6 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.6 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def guess_legacy_encoding(data: bytes) -> str:
    """cp1251 or cp1252 for bytes that are not UTF-8 (see the module docstring).

    Cyrillic in cp1251 is written entirely with bytes 0xC0–0xFF, so its high bytes
    come in runs (whole words); in cp1252 text an accented letter mostly stands
    alone.  Measured on real sentences: Russian ≈ 0.99 of high bytes sit in runs,
    Portuguese ("informação") ≈ 0.67, French/German/Spanish ≈ 0.
    """
    sample = data[:65536]
    runs = _HIGH_RUN_RE.findall(sample)
    total = sum(len(r) for r in runs)
    if total < 8:
        return "cp1252"
    in_runs = sum(len(r) for r in runs if len(r) >= 2)
    letters = sum(1 for r in runs for c in r if c >= 0xC0)
    if in_runs >= 0.8 * total and letters >= 0.7 * total:
        return "cp1251"
    return "cp1252"


def _repair_handler(encoding: str) -> str:
    """The name of a codec error handler that decodes invalid UTF-8 bytes with ``encoding``."""
    name = _REPAIR_ERRORS.get(encoding)
    if name is None:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeDecodeError):
                raise exc
            bad = exc.object[exc.start:exc.end]
            return bytes(bad).decode(encoding, errors="replace"), exc.end

        name = f"credscore-legacy-{encoding}"
        codecs.register_error(name, handler)
        _REPAIR_ERRORS[encoding] = name
    return name


def decode_bytes(data: bytes, fallback_encoding: str | None = None) -> tuple[str, str, list[str]]:
    """Decode ``data``; return ``(text, encoding, notes)``.  See the module docstring."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="replace")
            if "\ufffd" in text:
                notes.append(f"{enc} with byte-order mark: {text.count(chr(0xFFFD))} undecodable sequence(s) replaced")
            return text, enc, notes
    enc16 = _utf16_without_bom(data)
    if enc16:
        notes.append(f"decoded as {enc16} (no byte-order mark)")
        return data.decode(enc16, errors="replace"), enc16, notes
    if _looks_binary(data):
        raise BinaryInputError("input looks like a binary file, not text")
    m = _CHARSET_RE.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(declared)
        except LookupError:
            notes.append(f"unknown declared charset {declared!r} ignored")
        else:
            if declared.replace("-", "").replace("_", "") in ("utf8", "utf8mb4"):
                declared = "utf-8"
            try:
                return data.decode(declared), declared, notes
            except UnicodeDecodeError:
                notes.append(f"declared charset {declared!r} did not decode; trying UTF-8")
            except (LookupError, UnicodeError, ValueError, TypeError):
                # a codec that is not a text codec (e.g. "hex", "base64", "rot13", "idna")
                notes.append(f"declared charset {declared!r} is not a text encoding; ignored")
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    # Invalid UTF-8: mixed (mostly UTF-8 with stray legacy bytes) or wholly legacy?
    lossy, bad = _decode_recording(data)
    n_bad = lossy.count(_RECORD_MARK)
    n_good_multibyte = len(lossy) - len(lossy.encode("ascii", "ignore")) - n_bad
    if fallback_encoding is None and n_good_multibyte >= max(3, 0.2 * n_bad):
        legacy = guess_legacy_encoding(bad)
    else:
        legacy = fallback_encoding or guess_legacy_encoding(data)
    if n_good_multibyte >= max(3, 0.2 * n_bad):
        text = data.decode("utf-8", errors=_repair_handler(legacy))
        notes.append(f"mixed encodings: UTF-8 with {n_bad} invalid byte(s) decoded as {legacy}")
        return text, "utf-8+" + legacy, notes
    notes.append(f"not valid UTF-8: decoded as {legacy} with replacement")
    return data.decode(legacy, errors="replace"), legacy, notes


_RECORD_MARK = "\U0010fffe"  # a noncharacter: marks each undecodable byte while counting


_RECORD = threading.local()


def _record_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: collect the undecodable bytes in ``_RECORD.sink``.

    Runs of adjacent bad bytes stay adjacent in the sink; separate runs are split by
    a space, so that :func:`guess_legacy_encoding` sees the same runs it would see in
    a wholly legacy text.  One handler, registered once; the sink is per thread.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    sink: bytearray = _RECORD.sink
    if sink and exc.start != _RECORD.last_end:
        sink.append(0x20)
    sink.extend(exc.object[exc.start:exc.end])
    _RECORD.last_end = exc.end
    return _RECORD_MARK * (exc.end - exc.start), exc.end


codecs.register_error("credscore-record", _record_bad_bytes)


def _decode_recording(data: bytes) -> tuple[str, bytes]:
    """``data`` decoded as UTF-8 with each bad byte as ``_RECORD_MARK``, and the bad bytes."""
    _RECORD.sink = bytearray()
    _RECORD.last_end = -1
    try:
        return data.decode("utf-8", errors="credscore-record"), bytes(_RECORD.sink)
    finally:
        _RECORD.sink = bytearray()


def looks_like_html(text: str) -> bool:
    """True if ``text`` is HTML markup rather than plain text that mentions a tag.

    Markup starts with a tag (after whitespace or a BOM); then one strong marker
    (``<html>``, ``<head>``, ``<body>``, ``<meta>``, ``<title>``, a doctype) or three
    common tags in the first 8 KB decide.  Text that starts with words is HTML only
    if it also holds ``<html>``, ``<body>`` or an HTML doctype: an article about
    HTML, or credscore's own cleaned text of one, quotes ``<p>`` and ``<title>``
    and must stay plain text (``clean`` is idempotent on it).  All 1,678 WCXB and
    AEB pages are detected as HTML.
    """
    head = text[:8192]
    if not head.lstrip("\ufeff \t\r\n").startswith("<") and not _HTML_DOC_RE.search(head):
        return False
    if _HTML_STRONG_RE.search(head):
        return True
    return len(_HTML_TAG_RE.findall(head)) >= 3


def load(doc: Document, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
         fallback_encoding: str | None = None) -> Decoded:
    """Decode and classify one document; raise a typed error if it is unusable.

    ``max_bytes=None`` lifts the size limit.  ``fallback_encoding`` forces the
    legacy encoding used for bytes that are not UTF-8 (default: guessed).
    """
    content = doc.content
    notes: list[str] = []
    encoding: str | None = None
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        if max_bytes is not None and len(data) > max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} bytes, above the limit of {max_bytes:,} "
                "(raise it with max_bytes=..., or None for no limit)")
        text, encoding, notes = decode_bytes(data, fallback_encoding)
    elif isinstance(content, str):
        if max_bytes is not None and len(content) > max_bytes:
            raise InputTooLargeError(
                f"input is {len(content):,} characters, above the limit of {max_bytes:,} "
                "(raise it with max_bytes=..., or None for no limit)")
        text = content
    else:
        raise TypeError(f"document content must be str or bytes, not {type(content).__name__}")
    if _ANY_CLEANUP_RE.search(text):
        if _SURROGATE_RE.search(text):
            # lone surrogates (from a str built with surrogateescape, say) cannot be encoded
            # to UTF-8 by any report writer: replace them
            text, k = _SURROGATE_RE.subn("\ufffd", text)
            notes.append(f"replaced {k} lone surrogate code point(s)")
        text, n = _CONTROL_RE.subn("", text)
        if n:
            if n > 0.10 * (len(text) + n):
                raise BinaryInputError("input is mostly control characters, not text")
            notes.append(f"removed {n} control characters")
        text, k = _INVISIBLE_RE.subn("", text)
        if k:
            notes.append(f"removed {k} invisible character(s) (zero-width space, soft hyphen, …)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise EmptyInputError("document is empty or whitespace only")
    ctype: ContentType = doc.content_type or ("html" if looks_like_html(text) else "text")
    return Decoded(text=text, content_type=ctype, encoding=encoding, notes=notes)
