"""Turn what the caller gave into text: decode bytes, detect HTML, enforce limits.

Decoding order for ``bytes`` (never raises on bad bytes, only on non-text):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. a charset declared in the first 4 KB (``<meta charset=…>``, ``http-equiv``, XML prolog);
3. strict UTF-8;
4. the declared fallback (``fallback_encoding``, cp1252 by default) with replacement,
   noted in ``notes``.

Bytes that look like a binary file (NUL-heavy, or a known magic number such as PNG,
PDF, ZIP, GIF, JPEG) raise :class:`~credscore.errors.BinaryInputError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError
from .types import ContentType, Document

#: Default size limit (bytes of input); configurable per call.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

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
_HTML_STRONG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HTML_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|ul|li|table|article|section|img|script|style)\b[^<>]{0,500}>", re.I)
# Characters that are never part of text: C0 controls except tab/newline/CR, and NUL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    """A decoded document: text, detected type, and what happened on the way."""

    text: str
    content_type: ContentType
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_MAGIC):
        return True
    if not head:
        return False
    # UTF-16/32 text has many NULs but is caught by its BOM before we get here.
    nul = head.count(0)
    return nul / len(head) > 0.10


def decode_bytes(data: bytes, fallback_encoding: str = "cp1252") -> tuple[str, str, list[str]]:
    """Decode ``data``; return ``(text, encoding, notes)``.  See the module docstring."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc, notes
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
            except LookupError:
                pass
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    notes.append(f"not valid UTF-8: decoded as {fallback_encoding} with replacement")
    return data.decode(fallback_encoding, errors="replace"), fallback_encoding, notes


def looks_like_html(text: str) -> bool:
    """True if ``text`` is HTML markup rather than plain text that mentions a tag."""
    head = text[:8192]
    if _HTML_STRONG_RE.search(head):
        return True
    return len(_HTML_TAG_RE.findall(head)) >= 3


def load(doc: Document, *, max_bytes: int = DEFAULT_MAX_BYTES, fallback_encoding: str = "cp1252") -> Decoded:
    """Decode and classify one document; raise a typed error if it is unusable."""
    content = doc.content
    notes: list[str] = []
    encoding: str | None = None
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} bytes, above the limit of {max_bytes:,}")
        text, encoding, notes = decode_bytes(data, fallback_encoding)
    elif isinstance(content, str):
        if len(content) > max_bytes:
            raise InputTooLargeError(f"input is {len(content):,} characters, above the limit of {max_bytes:,}")
        text = content
    else:
        raise TypeError(f"document content must be str or bytes, not {type(content).__name__}")
    if "\x00" in text or _CONTROL_RE.search(text[:65536]):
        n = len(_CONTROL_RE.findall(text))
        if n > 0.10 * max(1, len(text)):
            raise BinaryInputError("input is mostly control characters, not text")
        text = _CONTROL_RE.sub("", text)
        notes.append(f"removed {n} control characters")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError("document is empty or whitespace only")
    ctype: ContentType = doc.content_type or ("html" if looks_like_html(text) else "text")
    return Decoded(text=text, content_type=ctype, encoding=encoding, notes=notes)
