"""The ``credscore`` command.

    credscore report PATH... [--format table|json|jsonl|html] [--output FILE] [--no-color]
    credscore clean PATH... [--format text|jsonl] [--output FILE]
    credscore score --input docs.jsonl --output scored.jsonl [--jobs N]  (see credscore.pipeline.command)

PATH is a file, a directory (its files, recursively, sorted) or ``-`` (stdin).
Exit codes: 0 every document analysed; 1 some failed (each failure reported, the
rest still analysed); 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import __version__
from .analysis import analyze
from .errors import CredscoreError
from .chrome.settle import settle
from .pipeline.batch import warm_up
from .pipeline.command import add_parser as add_score_parser
from .pipeline.progress import Progress, wants_progress
from .report import FORMATS, render_html, render_table, to_json, to_jsonl
from .types import Analysis, Document

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as documented
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


DATE_FORMS = "YYYY-MM-DD (e.g. 2024-06-20) or an ISO date-time (e.g. 2024-06-20T14:30:00Z)"


def date_arg(value: str) -> dt.date:
    """An argparse ``type`` for ``--published``/``--crawled``: a bad value is a usage error
    (exit 2) that names the accepted forms, not a failure of every document."""
    v = value.strip()
    try:
        if len(v) > 10:
            return dt.datetime.fromisoformat(v.replace("Z", "+00:00")).date()
        if len(v) == 10 and v[4] == "-" and v[7] == "-":
            return dt.date.fromisoformat(v)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{value!r} is not a date; use {DATE_FORMS}")


def list_inputs(paths: Sequence[str]) -> list[str]:
    """The input names, in order: files as given, directories walked sorted, ``-`` for stdin."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out.extend(str(f) for f in sorted(
                f for f in path.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)))
        else:
            out.append(p)
    return out


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """``(name, content, error)`` for each input; directories are walked sorted."""
    for p in list_inputs(paths):
        if p == "-":
            yield "<stdin>", sys.stdin.buffer.read(), None
        else:
            yield from _read(Path(p))


def _read(path: Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    try:
        yield str(path), path.read_bytes(), None
    except OSError as e:
        yield str(path), None, f"cannot read: {e.strerror or e}"


def _analyze_all(paths: Sequence[str], quiet: bool = True, **kw: Any) -> tuple[list[Analysis | dict[str, Any]], int]:
    results: list[Analysis | dict[str, Any]] = []
    failures = 0
    names = list_inputs(paths)
    with Progress(enabled=wants_progress(quiet=quiet), total=len(names)) as bar:
        bar.phase("loading models…")
        if bar.enabled:
            warm_up()  # the cold start, under its own label
        bar.start()
        for name, content, err in iter_inputs(names):
            results.append(_analyze_one(name, content, err, **kw))
            failures += isinstance(results[-1], dict)
            bar.update()
    return results, failures


def _analyze_one(name: str, content: bytes | None, err: str | None, **kw: Any) -> Analysis | dict[str, Any]:
    if content is None:
        return {"name": name, "error": {"kind": "io", "message": err}}
    ctype = "html" if Path(name).suffix.lower() in _HTML_SUFFIXES else None
    try:
        return analyze(Document(content=content, name=name, content_type=ctype), **kw)  # type: ignore[arg-type]
    except CredscoreError as e:
        return {"name": name, "error": {"kind": e.kind, "message": str(e)}}
    except Exception as e:  # a bug on one document must not lose the rest of the batch
        return {"name": name, "error": {"kind": "internal", "message": f"{type(e).__name__}: {e}"}}


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_report(args: argparse.Namespace) -> int:
    results, failures = _analyze_all(args.paths, quiet=args.quiet, published=args.published, crawled=args.crawled,
                                     url=args.url, use_source_prior=not args.no_source_prior)
    if not results:
        print("credscore: no documents found", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format
    if fmt == "json":
        text = to_json(results, include_text=args.include_text)
    elif fmt == "jsonl":
        text = to_jsonl(results, include_text=args.include_text)
    elif fmt == "html":
        text = render_html(results)
    else:
        color = _use_color(args)
        width = shutil.get_terminal_size((100, 24)).columns if color else None
        text = render_table(results, color=color, width=width)
    _write(text, args.output)
    for r in results:
        if isinstance(r, dict):
            print(f"credscore: {r['name']}: {r['error']['kind']}: {r['error']['message']}", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK


def _use_color(args: argparse.Namespace) -> bool:
    """Colour for the table: ``--color always`` forces it; ``--no-color``, ``--color never``,
    a non-empty ``NO_COLOR`` (https://no-color.org), ``--output FILE``, ``TERM=dumb`` or a
    stdout that is not a terminal turn it off."""
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    if args.output and args.output != "-":
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def cmd_clean(args: argparse.Namespace) -> int:
    """The cleaned text of each input.  Several inputs: each preceded by ``==> NAME <==`` (as
    ``head``/``tail`` do), so one can tell where a document ends; ``--format jsonl``: one
    record per input with ``path``, ``text`` and ``removed`` (or ``error``)."""
    results, failures = _analyze_all(args.paths, quiet=args.quiet)
    out = []
    several = len(results) > 1
    for r in results:
        if isinstance(r, Analysis):
            text = settle(r.text)  # what credscore.clean() returns: idempotent
            if args.format == "jsonl":
                out.append(json.dumps({"path": r.name, "text": text,
                                       "removed": [b.to_dict() for b in r.removed]}, ensure_ascii=False) + "\n")
                continue
            body = text if text.endswith("\n") or not text else text + "\n"
            out.append((f"==> {r.name} <==\n" if several else "") + body)
        else:
            print(f"credscore: {r['name']}: {r['error']['kind']}: {r['error']['message']}", file=sys.stderr)
            if args.format == "jsonl":
                out.append(json.dumps({"path": r["name"], "error": r["error"]}, ensure_ascii=False) + "\n")
    _write(("" if args.format == "jsonl" else "\n").join(out), args.output)
    return EXIT_FAILURES if failures else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="credscore", description="How far to trust a web document.")
    p.add_argument("--version", action="version", version=f"credscore {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    r = sub.add_parser(
        "report", help="score documents and print a report",
        description="Clean each document, compute its signals and score it. The score (0-100) is how "
                    "much the text reads like copy from reliable sources rather than unreliable ones; "
                    "bands: low < 40 <= medium < 70 <= high. A document with no article text, too few "
                    "words or a language the model was not trained on gets no score (— and the reason).")
    r.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or - for stdin")
    r.add_argument("--format", "-f", choices=FORMATS, default="table")
    r.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    r.add_argument("--include-text", action="store_true", help="json/jsonl: add the cleaned and source text")
    r.add_argument("--published", metavar="YYYY-MM-DD", type=date_arg,
                   help="publication date of the documents, if known (" + DATE_FORMS + ")")
    r.add_argument("--crawled", metavar="YYYY-MM-DD", type=date_arg,
                   help="crawl date of the documents, if known (" + DATE_FORMS + ")")
    r.add_argument("--url", metavar="URL", help="the page's URL: its domain's CRED-1 listing is shown apart "
                   "from the text score (source prior)")
    r.add_argument("--no-source-prior", action="store_true", help="ignore the URL's CRED-1 listing")
    r.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="table: colours and layout for a terminal (auto: when stdout is one and NO_COLOR is unset)")
    r.add_argument("--no-color", dest="color", action="store_const", const="never", help="same as --color never")
    r.add_argument("--quiet", "-q", action="store_true", help="no progress line on stderr")
    r.set_defaults(func=cmd_report)
    c = sub.add_parser("clean", help="print the cleaned article text",
                       description="Print each document's article text with the chrome removed. With several "
                                   "inputs each text is preceded by a line '==> NAME <=='.")
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or - for stdin")
    c.add_argument("--format", "-f", choices=("text", "jsonl"), default="text",
                   help="text (default) or jsonl: one record per input with path, text and removed "
                        "(the chrome blocks: kind, text, start, end)")
    c.add_argument("--output", "-o", metavar="FILE")
    c.add_argument("--quiet", "-q", action="store_true", help="no progress line on stderr")
    c.set_defaults(func=cmd_clean)
    add_score_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except CredscoreError as e:  # e.g. a bad --published date
        print(f"credscore: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
