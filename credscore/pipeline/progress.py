"""A one-line progress display on stderr, for the ``credscore`` commands.

Shown only when the stream is a terminal (never in a pipe, a file or a CI log)
and not asked to be quiet.  It starts with a phase ("loading models…", the
first second or more of a cold run) and then counts documents, against a total
where one is known (the number of files for ``report``/``clean``; the input's
size in bytes for ``credscore score`` on a file)::

    credscore: loading models…
    credscore: 37/144 documents (26%) · 4.1 docs/s

The line is redrawn in place (``\\r``) at most ten times a second and cleared at
the end, so what the command prints after it (the summary, the table) starts on
a clean line.  Hand-written rather than tqdm: it needs no optional dependency and
behaves the same for the three commands.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Callable

#: Seconds between redraws.
REDRAW = 0.1


def wants_progress(stream: IO[str] | None = None, quiet: bool = False) -> bool:
    """True when ``stream`` (stderr by default) is a terminal and ``quiet`` is not set."""
    err = stream if stream is not None else sys.stderr
    isatty = getattr(err, "isatty", None)
    try:
        return not quiet and bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class Progress:
    """Counts documents and redraws one status line; a no-op when not ``enabled``.

    ``total`` is the number of documents if known.  ``fraction``, if given, is
    called at each redraw for the share of the input done (0–1), e.g. bytes read
    of a file's size; it is used when ``total`` is None.
    """

    def __init__(self, *, enabled: bool, total: int | None = None, unit: str = "documents",
                 fraction: Callable[[], float | None] | None = None, stream: IO[str] | None = None) -> None:
        self.enabled = enabled
        self.total = total
        self.unit = unit
        self.fraction = fraction
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self._t0 = time.perf_counter()
        self._last = 0.0
        self._width = 0
        self._started = False

    def phase(self, text: str) -> None:
        """Show a phase (e.g. ``"loading models…"``) until the next update."""
        self._draw(f"credscore: {text}")

    def start(self) -> None:
        """Start counting (the clock for docs/s starts here, after loading)."""
        self._t0 = time.perf_counter()
        self._started = True
        self._draw(self._status())

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if now - self._last >= REDRAW or (self.total is not None and self.done >= self.total):
            self._draw(self._status())

    def close(self) -> None:
        """Draw the final count (a fast run may have skipped it), then clear the line so that
        what follows starts on a clean line."""
        if self.enabled and self._started:
            self._draw(self._status())
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
        self._width = 0

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _status(self) -> str:
        elapsed = time.perf_counter() - self._t0
        rate = f" · {self.done / elapsed:.1f} docs/s" if elapsed > 0.5 and self.done else ""
        if self.total:
            return f"credscore: {self.done}/{self.total} {self.unit} ({100 * self.done / self.total:.0f}%){rate}"
        frac = self.fraction() if self.fraction is not None else None
        share = f" ({100 * frac:.0f}% of the input)" if frac is not None else ""
        return f"credscore: {self.done} {self.unit}{share}{rate}"

    def _draw(self, line: str) -> None:
        if not self.enabled:
            return
        self._last = time.perf_counter()
        pad = max(0, self._width - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)


class CountingReader:
    """Wraps a binary file: iterates its lines and counts the bytes read (for ``fraction``)."""

    def __init__(self, f: IO[bytes], size: int | None) -> None:
        self._f = f
        self.size = size
        self.read_bytes = 0

    def __iter__(self) -> "CountingReader":
        return self

    def __next__(self) -> bytes:
        line = self._f.readline()
        if not line:
            raise StopIteration
        self.read_bytes += len(line)
        return line

    def fraction(self) -> float | None:
        return min(1.0, self.read_bytes / self.size) if self.size else None
