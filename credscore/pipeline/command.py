"""``credscore score``: the JSONL streaming subcommand (wired into :mod:`credscore.cli`).

    credscore score --input docs.jsonl --text-field text [--html-field html]
                    [--url-field url] --output scored.jsonl [--jobs N]
                    [--keep-below SCORE] [--keep-above SCORE] [--unscored keep|drop]
                    [--include-text]

``-`` reads stdin / writes stdout.  Exit codes: 0 every record scored; 1 some
records failed (each written with an ``error`` field and counted); 2 usage error.
A progress line goes to stderr when it is a terminal and ``--quiet`` is not given
("loading models…", then documents done and the share of the input read, for a
file); the summary line (documents, failures, docs/s) always goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, Any

from .batch import warm_up
from .jsonl import StreamOptions, stream
from .progress import CountingReader, Progress, wants_progress

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``score`` subcommand to the ``credscore`` parser's subparsers."""
    s = sub.add_parser("score", help="stream JSON Lines: add a score to every record",
                       description="Score every record of a JSON Lines file; write each record back "
                                   "with score, flags, language and signal values added.")
    s.add_argument("--input", "-i", required=True, metavar="FILE", help="JSONL input, - for stdin")
    s.add_argument("--output", "-o", required=True, metavar="FILE", help="JSONL output, - for stdout")
    s.add_argument("--text-field", default="text", metavar="NAME", help="field holding plain text (default: text)")
    s.add_argument("--html-field", metavar="NAME", help="field holding HTML (used when present and non-empty)")
    s.add_argument("--url-field", metavar="NAME", help="field holding the document URL")
    s.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="worker processes (0 = one per CPU); output is identical for any N")
    s.add_argument("--keep-below", type=_score_arg, metavar="SCORE",
                   help="write only records scoring below SCORE (failed records are always written)")
    s.add_argument("--keep-above", type=_score_arg, metavar="SCORE",
                   help="write only records scoring SCORE or above (failed records are always written)")
    s.add_argument("--unscored", choices=("keep", "drop"), default="keep",
                   help="records that cannot be scored (score null, unscored_reason set: no article text, "
                        "too short, another language): keep them (default) or drop them; counted in the summary")
    s.add_argument("--include-text", action="store_true", help="add the cleaned article text as clean_text")
    s.add_argument("--field-prefix", default="", metavar="P",
                   help="put P in front of every added field name (e.g. credscore_)")
    s.add_argument("--model", metavar="FILE", help="score model JSON (default: the shipped model)")
    s.add_argument("--quiet", "-q", action="store_true", help="no progress line on stderr (the summary stays)")
    s.set_defaults(func=run)
    return s


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number ≥ 0 (0 = one per CPU)")
    return n


def _score_arg(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = float("nan")
    if not 0 <= x <= 100:
        raise argparse.ArgumentTypeError(f"{value!r} is not a score; use a number from 0 to 100 (e.g. 40)")
    return x


def _open_in(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def _open_out(path: str) -> IO[bytes]:
    return sys.stdout.buffer if path == "-" else open(path, "wb")


def run(args: argparse.Namespace) -> int:
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    opts = StreamOptions(
        text_field=args.text_field,
        html_field=args.html_field,
        url_field=args.url_field,
        include_text=args.include_text,
        keep_below=args.keep_below,
        keep_above=args.keep_above,
        model=args.model,
        field_prefix=args.field_prefix,
        unscored=args.unscored,
    )
    if args.input != "-" and args.output != "-" and os.path.exists(args.output) and os.path.exists(args.input) \
            and os.path.samefile(args.input, args.output):
        print("credscore: --output is the --input file; write elsewhere", file=sys.stderr)
        return EXIT_USAGE
    try:
        infile = _open_in(args.input)
    except OSError as e:
        print(f"credscore: cannot read {args.input}: {e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        outfile = _open_out(args.output)
    except OSError as e:
        print(f"credscore: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    size = None
    if infile is not sys.stdin.buffer:
        try:
            size = os.fstat(infile.fileno()).st_size or None
        except (OSError, ValueError):
            size = None
    reader = CountingReader(infile, size)
    bar = Progress(enabled=wants_progress(quiet=args.quiet), fraction=reader.fraction)
    try:
        bar.phase("loading models…")
        if bar.enabled:
            warm_up()  # the cold start happens here, under its own label, not as a frozen 0
        bar.start()
        summary = stream(reader, outfile, opts, jobs=jobs, progress=bar.update)  # type: ignore[arg-type]
    finally:
        bar.close()
        if infile is not sys.stdin.buffer:
            infile.close()
        if outfile is not sys.stdout.buffer:
            outfile.close()
    print(summary.line(), file=sys.stderr)
    return EXIT_FAILURES if summary.failed else EXIT_OK
