"""The ``idlibkit`` command: ``summary``, ``check`` and ``export``."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _fmt_date(value: object) -> str:
    import pandas as pd

    return "?" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _load(path: str | None):
    from .corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # problems are printed below, one line each
        return load_corpus(path)


def cmd_summary(args: argparse.Namespace) -> int:
    corpus = _load(args.path)
    off = corpus.offensives
    n_bell = corpus.belligerents.groupby("offensive_id").size()
    n_para = corpus.sections.groupby("offensive_id").size()
    for row in off.itertuples():
        dates = f"{_fmt_date(row.start_date)}..{_fmt_date(row.end_date)}"
        if row.doc_format == "news":
            dates = f"published {_fmt_date(row.published)}"
            if getattr(row, "published_inferred", False):
                dates += " (inferred)"
        print(
            f"{row.source_file}  {row.doc_format:<20}  {dates:<22}  {row.title}  "
            f"[{n_bell.get(row.offensive_id, 0)} belligerents, "
            f"{n_para.get(row.offensive_id, 0)} paragraphs]"
        )
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    print(f"{len(corpus.articles)} documents, {len(corpus.problems)} problems")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .corpus import SUFFIXES
    from .errors import ParseError
    from .readers import read_document

    files: list[Path] = []
    for name in args.files:
        p = Path(name)
        files += sorted(c for c in p.iterdir() if c.suffix.lower() in SUFFIXES) if p.is_dir() \
            else [p]
    problems = 0
    for path in files:
        try:
            read_document(path)
        except ParseError as exc:
            problems += 1
            print(exc)
    print(f"{len(files)} documents checked, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_corpus

    corpus = _load(args.path)
    try:
        written = export_corpus(corpus, args.out)
    except ValueError as exc:
        print(f"idlibkit export: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="idlibkit", description="Read the Idlib offensives corpus into tables."
    )
    parser.add_argument("--version", action="version", version=f"idlibkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("summary", help="what the corpus holds, one line a document")
    p.add_argument("path", nargs="?", help="folder or file (default: the kit's corpus)")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser("check", help="parse documents and report problems; exit 1 if any")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("export", help="write the tables as CSV files")
    p.add_argument("path", nargs="?", help="folder or file (default: the kit's corpus)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
