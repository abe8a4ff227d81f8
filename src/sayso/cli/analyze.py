"""``sayso analyze``: analyse articles and print them readably, as JSON, or into a folder."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..errors import EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL, FileError
from .options import add_model_option, whole


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "analyze", help="find who said what in articles",
        description="Analyse articles (text, HTML, JSON Lines, folders, or - for standard input) "
                    "and print who said what, according to whom.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or -")
    p.add_argument("--json", action="store_true",
                   help="print the sayso/article@1 JSON, one article per line")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (implies --json)")
    p.add_argument("-o", "--output", metavar="DIR",
                   help="write DIR/<name>.json for every input article instead of printing")
    add_model_option(p)
    p.add_argument("--max-chars", type=whole(1), default=None, metavar="N",
                   help="refuse articles longer than N characters (default 1,000,000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import analyze_records
    from ..ingest import MAX_CHARS, read_inputs
    from ..model import Failure
    from ..nlp import load_model
    from ..render import render

    out = Path(args.output) if args.output else None
    if out and out.exists() and not out.is_dir():
        raise FileError(f"{out}: exists and is not a folder (-o names the folder to write into)")
    nlp = load_model(args.model)
    if out:
        out.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    written: set[str] = set()
    for result in analyze_records(read_inputs(args.inputs), model=nlp,
                                  max_chars=args.max_chars or MAX_CHARS):
        if isinstance(result, Failure):
            failed += 1
            print(f"sayso: warning: {result.reason}", file=sys.stderr)
            continue
        done += 1
        for warning in result.warnings:
            print(f"sayso: warning: {result.source or result.id}: {warning}", file=sys.stderr)
        if out:
            path = out / f"{_unique(_safe(result.id), written)}.json"
            path.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
        elif args.json or args.pretty:
            print(json.dumps(result.to_dict(), ensure_ascii=False,
                             indent=2 if args.pretty else None))
        else:
            if done > 1:
                print("\n" + "─" * 60)
            print(render(result))
        sys.stdout.flush()
    if out:
        print(f"sayso: wrote {done} article(s) to {out}", file=sys.stderr)
    if not done:
        return EXIT_NO_INPUT
    return EXIT_PARTIAL if failed else EXIT_OK


#: Bytes of an article id kept in its file name: file systems refuse names over 255 bytes, and
#: ``_unique`` may add a counter and ``.json`` adds five more.
MAX_NAME_BYTES = 200


def _safe(name: str) -> str:
    """A file name for an article id: word characters only, short enough for any file system
    (a long id from a feed must not stop the batch with "File name too long")."""
    safe = re.sub(r"[^\w.\-]+", "_", name).strip("._")
    return safe.encode()[:MAX_NAME_BYTES].decode(errors="ignore") or "article"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate
