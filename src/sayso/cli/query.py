"""``sayso speakers|statements|sql|errors``: questions to a corpus store (docs/store.md)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from ..errors import EXIT_OK
from ..query_args import MAX_ROWS
from .options import add_store_option, iso_date, whole


def _common(p: argparse.ArgumentParser, paged: bool = True) -> None:
    add_store_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    if paged:
        p.add_argument("--limit", type=whole(1, MAX_ROWS), default=20,
                       help="rows to show (default: 20)")
        p.add_argument("--offset", type=whole(0, MAX_ROWS), default=0,
                       help="rows to skip (default: 0)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("speakers", help="most quoted speakers in a store, by outlet")
    _common(p)
    p.add_argument("--outlet", help="only statements from this outlet")
    p.add_argument("--since", type=iso_date,
                   help="only statements published on or after this date (YYYY-MM-DD)")
    p.set_defaults(func=speakers)

    p = subparsers.add_parser("statements", help="statements in a store, filtered")
    _common(p)
    p.add_argument("--speaker", help="speaker id, name or alias")
    p.add_argument("--about", help="content naming this person or organisation")
    p.add_argument("--outlet", help="published by this outlet")
    p.add_argument("--since", type=iso_date, help="published on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", type=iso_date, help="published on or before this date (YYYY-MM-DD)")
    p.add_argument("--contains", help="content containing every one of these words")
    p.set_defaults(func=statements)

    p = subparsers.add_parser("sql", help="run any SQL query on a store")
    _common(p, paged=False)
    p.add_argument("query", help='for example "SELECT outlet, count(*) FROM articles GROUP BY 1"')
    p.set_defaults(func=sql)

    p = subparsers.add_parser("errors", help="inputs a run could not analyse, and why")
    _common(p)
    p.set_defaults(func=errors)


def _open(args: argparse.Namespace):  # noqa: ANN202 - a Store
    from ..corpus.store import Store

    return Store(args.store, read_only=True)


def _json_lines(items: list[dict[str, Any]]) -> None:
    """One JSON object a line. A float that JSON cannot spell (``SELECT 1/0`` is infinity in
    DuckDB) is written as null, since Python's ``Infinity`` and ``NaN`` break JSON readers."""
    for item in items:
        clean = {k: None if isinstance(v, float) and not math.isfinite(v) else v
                 for k, v in item.items()}
        print(json.dumps(clean, ensure_ascii=False, default=str))


def _page(args: argparse.Namespace, query: str, **filters: Any) -> list[dict[str, Any]]:
    """One page of rows, and a line on standard error when more follow it: before, a page that
    the default limit cut looked like the whole answer (`sayso errors` after a run with many
    failures listed 20 of them and no more)."""
    with _open(args) as store:
        items = getattr(store, query)(**filters, limit=min(args.limit + 1, MAX_ROWS),
                                      offset=args.offset)
    if len(items) > args.limit:
        print(f"sayso: more rows follow; --offset {args.offset + args.limit} shows the next "
              f"{args.limit}", file=sys.stderr)
    return items[:args.limit]


def speakers(args: argparse.Namespace) -> int:
    items = _page(args, "speakers", outlet=args.outlet, since=args.since)
    if args.json:
        _json_lines(items)
        return EXIT_OK
    for i, s in enumerate(items, args.offset + 1):
        outlets = ", ".join(f"{o} {n}" for o, n in s["outlets"].items())
        print(f"{i:>4}. {s['name'] or s['id']}  {s['statements']} statements in "
              f"{s['articles']} articles  [{s['id']}]\n      {outlets}")
    return EXIT_OK


def statements(args: argparse.Namespace) -> int:
    items = _page(args, "statements", speaker=args.speaker, about=args.about,
                  outlet=args.outlet, since=args.since, until=args.until, contains=args.contains)
    if args.json:
        _json_lines(items)
        return EXIT_OK
    for s in items:
        cue = f" ({s['cue']})" if s["cue"] else ""
        channels = "".join(f" [{c['role']}: {c['text']}]" for c in s["channels"])
        also = [o for o in s["outlets"] if o != s["outlet"]]
        print(f"{s['published'] or '-'}  {s['outlet'] or '-'}  {s['article_id']}/{s['id']}\n"
              f"    {s['speaker'] or '?'}{cue}{channels}: {s['content']}"
              + (f"\n    also reported by: {', '.join(also)}" if also else ""))
    return EXIT_OK


def sql(args: argparse.Namespace) -> int:
    with _open(args) as store:
        columns, rows = store.sql(args.query)
    if args.json:
        _json_lines([dict(zip(columns, r)) for r in rows])
        return EXIT_OK
    if columns:
        print("\t".join(columns))
    for row in rows:
        print("\t".join("" if v is None else str(v) for v in row))
    return EXIT_OK


def errors(args: argparse.Namespace) -> int:
    items = _page(args, "errors")
    if args.json:
        _json_lines(items)
    else:
        for e in items:
            print(f"{e['source'] or '-'}\t{e['id']}\t{e['reason']}")
    if not items and not args.json:
        print("no errors", file=sys.stderr)
    return EXIT_OK
