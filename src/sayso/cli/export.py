"""``sayso export``: a store's contents as Parquet, JSON Lines, CSV or brat files."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_OK, UsageError
from .options import add_store_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="export a store as parquet, jsonl, csv or brat",
        description="parquet and csv: one file per table in OUT (a directory); jsonl: one "
                    "sayso/article@1 object per line in OUT (a file, or - for standard output); "
                    "brat: .txt/.ann pairs in OUT (a directory).")
    add_store_option(p)
    p.add_argument("--format", choices=("parquet", "jsonl", "csv", "brat"), default="parquet")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from ..corpus.export import export

    if args.output == "-" and args.format != "jsonl":  # else a folder named "-" is made
        raise UsageError(f"-o - (standard output) takes --format jsonl only; --format "
                         f"{args.format} writes files into a folder")
    n = export(args.store, args.format, args.output)
    print(f"exported {n} {'rows' if args.format in ('parquet', 'csv') else 'articles'} "
          f"to {args.output}", file=sys.stderr)
    return EXIT_OK
