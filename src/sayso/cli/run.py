"""``sayso run`` and ``sayso load``: fill a corpus store (docs/store.md, docs/scaling.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL
from ..ingest import MAX_CHARS
from .options import add_model_option, add_store_option, whole


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "run", help="analyse a corpus into a DuckDB store (parallel, resumable)",
        description="Analyse every article in the inputs (folders of text/HTML files, JSON Lines "
                    "optionally gzipped, CSV with a text column, WARC) into a store. Killed or "
                    "interrupted, the same command resumes where it stopped.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    add_store_option(p)
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local worker processes (default) or a Ray cluster")
    p.add_argument("--workers", type=whole(1), default=None,
                   help="worker processes (default: one per core; 1 = no worker processes)")
    p.add_argument("--address", default=None,
                   help="Ray cluster address (--engine ray; default: start Ray locally)")
    p.add_argument("--parquet", default=None, metavar="DIR",
                   help="where --engine ray writes its Parquet output (default: STORE.parquet)")
    add_model_option(p)
    p.add_argument("--batch-size", type=whole(1), default=16, help="articles per job (default: 16)")
    p.add_argument("--max-chars", type=whole(1), default=MAX_CHARS,
                   help="refuse longer articles (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=main)
    register_load(subparsers)


def main(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from ..corpus.ray_engine import run_ray

        stats = run_ray(args.inputs, args.store, address=args.address, parquet=args.parquet,
                        model=args.model, batch_size=args.batch_size, max_chars=args.max_chars,
                        workers=args.workers, progress=not args.quiet)
    else:
        from ..corpus.runner import run

        stats = run(args.inputs, args.store, workers=args.workers, model=args.model,
                    job_size=args.batch_size, max_chars=args.max_chars, progress=not args.quiet)
    from ..corpus.store import Store

    with Store(args.store, read_only=True) as store:
        totals = store.summary()
    if not args.quiet:
        print(f"{stats.analysed} articles analysed, {stats.duplicates} duplicates, "
              f"{stats.skipped} already stored, {stats.errors} errors in {stats.seconds:.1f}s "
              f"({stats.rate:.1f} articles/s)\n"
              f"store {args.store}: {totals['articles']} articles, {totals['duplicates']} "
              f"duplicates, {totals['statements']} statements, {totals['speakers']} speakers, "
              f"{totals['errors']} errors (list them with `sayso errors --store {args.store}`)",
              file=sys.stderr)
    return _exit_code(totals)


def _exit_code(totals: dict[str, int]) -> int:
    """The exit code of ``run`` and ``load`` alike, from the store's state rather than from
    this command's work, so that a resumed run or a repeated load ends as the first one did:
    1 when the store holds error rows beside articles, 3 when it holds errors only."""
    if totals["errors"]:
        return EXIT_PARTIAL if totals["articles"] else EXIT_NO_INPUT
    return EXIT_OK


def register_load(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "load", help="load the Parquet output of `sayso run --engine ray` into a store",
        description="Load Parquet written by `sayso run --engine ray` (files or directories) "
                    "into a store, skipping articles it already holds, then recompute speakers "
                    "and near-duplicates.")
    p.add_argument("parquet", nargs="+", metavar="PARQUET")
    add_store_option(p)
    p.set_defaults(func=load)


def load(args: argparse.Namespace) -> int:
    """Load every Parquet file of the PARQUET arguments that holds sayso's output. A missing
    argument, a folder with no Parquet or another program's Parquet file is skipped with a
    warning before anything is written, a damaged file when its data proves unreadable (exit
    1); when nothing is left, no store is created (exit 3). Error rows end the command as they
    end ``sayso run``, with a warning saying how many, so that a script checking the exit code
    does not take a load with failed articles for a clean one."""
    from ..corpus.ray_engine import load_parquet
    from ..corpus.store import Store

    checked, problems = _parquet_arguments(args.parquet)
    if not checked:
        return EXIT_NO_INPUT
    with Store(args.store) as store:
        loaded = [load_parquet(store, files) for files in checked]
        for problem in (line for done in loaded for line in done.unreadable):
            print(f"sayso: warning: {problem}", file=sys.stderr)
            problems += 1
        store.finalize()
        totals = store.summary()
    print(f"loaded {sum(done.rows for done in loaded)} articles and errors into {args.store}: "
          f"{totals['articles']} articles, {totals['statements']} statements, "
          f"{totals['errors']} errors", file=sys.stderr)
    if totals["errors"]:
        print(f"sayso: warning: {sum(done.errors for done in loaded)} error rows loaded "
              f"(articles that could not be analysed); the store holds {totals['errors']}: "
              f"`sayso errors --store {args.store}` lists them", file=sys.stderr)
    return _exit_code(totals) or (EXIT_PARTIAL if problems else EXIT_OK)


def _parquet_arguments(paths: list[str]) -> tuple[list[list[Path]], int]:
    """The Parquet files to load, one list per argument that has any (each is loaded in one
    transaction), after a warning for every argument or file skipped; and how many were."""
    from ..corpus.ray_engine import parquet_files

    checked, skipped = [], 0
    for path in paths:
        files, problems = parquet_files(path)
        for problem in problems:
            print(f"sayso: warning: {problem}", file=sys.stderr)
        skipped += len(problems)
        if files:
            checked.append(files)
    return checked, skipped
