"""Typed errors.  Every failure credscore raises on purpose is a :class:`CredscoreError`.

Batch front ends (the CLI, :func:`credscore.score_batch`, the JSONL streamer) catch
these per record and report ``error.kind``; nothing is dropped silently.
"""

from __future__ import annotations


class CredscoreError(Exception):
    """Base class.  ``kind`` is a stable machine-readable name."""

    kind = "error"


class InputError(CredscoreError, ValueError):
    """The input cannot be analysed as a document."""

    kind = "bad_input"


class EmptyInputError(InputError):
    """Empty or whitespace-only input."""

    kind = "empty"


class BinaryInputError(InputError):
    """Bytes that are not text in any encoding credscore reads (an image, a zip, …)."""

    kind = "binary"


class InputTooLargeError(InputError):
    """Input above the configured size limit (``max_bytes``)."""

    kind = "too_large"


class ModelError(CredscoreError, RuntimeError):
    """A model file is missing, malformed or tampered with."""

    kind = "model"
