"""``sayso run --engine ray``: the same analysis on a Ray cluster, with Ray Data.

The driver reads the inputs and plans the work exactly as the local runner does (same skips,
same duplicate and error decisions), then hands the articles to a pool of Ray actors, each of
which loads the spaCy model once and analyses batches through ``analyze_records``. Results come
back as Parquet (one row per article: its ``sayso/article@1`` JSON or its error), written chunk
by chunk under ``--parquet DIR``; each finished chunk is loaded into the store in one
transaction, so an interrupted run resumes from the last loaded chunk. DuckDB reads the Parquet
directly too: ``SELECT json_extract_string(doc, '$.title') FROM read_parquet('DIR/*/*.parquet')``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import FileError, InputError, SaysoError
from ..ingest import MAX_CHARS, read_inputs
from ..model import Article, Failure, RawArticle
from . import rows
from .runner import Job, Planner, RunStats, count_hint, progress_bar
from .store import Store

#: Articles per Ray dataset: bounds the driver's memory and the work lost to an interruption.
CHUNK = 20_000

#: The Parquet schema of the Ray engine's output, one row per article.
OUTPUT = pa.schema([("id", pa.string()), ("source", pa.string()), ("text_hash", pa.string()),
                    ("doc", pa.string()), ("error", pa.string()), ("minhash", pa.binary())])
_RAW_FIELDS = ("id", "text", "html", "source", "title", "outlet", "published", "url")


class Analyser:
    """A Ray actor: loads the model once, then turns batches of raw articles into result rows."""

    def __init__(self, model: str | None, max_chars: int) -> None:
        from ..nlp import load_model

        self.nlp, self.max_chars = load_model(model), max_chars

    def __call__(self, batch: pa.Table) -> pa.Table:
        from .runner import analyse_job

        items = batch.to_pylist()
        job: Job = [(RawArticle(authors=list(r["authors"] or []),
                                **{f: r[f] for f in _RAW_FIELDS}), r["text_hash"])
                    for r in items]
        out = analyse_job(job, self.nlp, self.max_chars)
        arts, errs = out["articles"], out["errors"]
        return pa.table({
            "id": arts["id"] + errs["id"], "source": arts["source"] + errs["source"],
            "text_hash": arts["text_hash"] + errs["text_hash"],
            "doc": arts["doc"] + [None] * len(errs["id"]),
            "error": [None] * len(arts["id"]) + errs["reason"],
            "minhash": arts["minhash"] + [None] * len(errs["id"])}, schema=OUTPUT)


def _raw_row(raw: RawArticle, digest: str) -> dict[str, Any]:
    return {**{f: getattr(raw, f) for f in _RAW_FIELDS}, "authors": list(raw.authors),
            "text_hash": digest}


def parquet_files(path: str | Path) -> tuple[list[Path], list[str]]:
    """The Parquet files of ``path`` (a file or a folder of them) that have the columns of
    sayso's output, so that a load can refuse an input before it writes anything, and one line
    for each problem: a missing path, a folder without Parquet, a file that is not sayso's
    output. A foreign file in a folder costs only itself, not the rest of the folder."""
    path = Path(path)
    if not path.exists():
        return [], [f"{path}: no such file or directory"]
    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    if not files:
        return [], [f"{path}: no .parquet files in this folder"]
    checked = [(file, _not_output(file)) for file in files]
    return ([file for file, problem in checked if problem is None],
            [problem for _, problem in checked if problem is not None])


def _not_output(file: Path) -> str | None:
    """What keeps ``file`` from being sayso's Parquet output, read from its schema alone (the
    data is read once, by the load); None when it is."""
    try:
        names = set(pq.read_schema(file).names)
    except (OSError, pa.ArrowException) as exc:
        return f"{file}: not sayso Parquet output ({str(exc).splitlines()[0]})"
    missing = [name for name in OUTPUT.names if name not in names]
    if missing:
        return f"{file}: not sayso Parquet output (no column {', '.join(missing)})"
    return None


class Loaded(NamedTuple):
    """Rows one load wrote: articles and errors together, and the errors among them, which
    the caller reports (a run counts them, ``sayso load`` warns and exits 1); and one line for
    each file whose data could not be read although its schema could (a damaged file)."""

    rows: int
    errors: int
    unreadable: list[str]


def load_parquet(store: Store, files: Sequence[Path]) -> Loaded:
    """Load Ray output (the files ``parquet_files`` checked) into a store in one transaction,
    skipping articles the store already holds. A file whose data cannot be read is left out
    whole, before anything of it is written, and named in ``unreadable``."""
    batch, n, errors, known = rows.empty_batch(), 0, 0, store.index().ids
    unreadable = []
    for file in files:
        try:
            table = pq.read_table(file, schema=OUTPUT)
        except (OSError, pa.ArrowException) as exc:
            unreadable.append(f"{file}: unreadable Parquet data ({str(exc).splitlines()[0]}); "
                              "the file is skipped")
            continue
        for row in table.to_pylist():
            if row["id"] in known:
                continue
            known[row["id"]] = (row["text_hash"], row["source"])
            if row["doc"] is not None:
                rows.add_article(batch, Article.from_dict(json.loads(row["doc"])),
                                 row["text_hash"], row["minhash"])
            else:
                rows.add_error(batch, Failure(row["id"], row["source"], row["error"]),
                               row["text_hash"])
                errors += 1
            n += 1
    store.write(batch)
    return Loaded(n, errors, unreadable)


def _chunks(jobs: Iterator[Job], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for job in jobs:
        chunk.extend(_raw_row(raw, digest) for raw, digest in job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_ray(inputs: list[str], store_path: str | Path, *, address: str | None = None,
            parquet: str | Path | None = None, model: str | None = None, batch_size: int = 16,
            max_chars: int = MAX_CHARS, workers: int | None = None, progress: bool = True,
            chunk: int = CHUNK) -> RunStats:
    """Analyse ``inputs`` on Ray (``address`` of a cluster, else Ray started locally with
    ``workers`` CPUs) and load the results into the store; the Parquet stays in ``parquet``."""
    try:
        import ray
    except ImportError:
        raise SaysoError('--engine ray needs the ray extra: pip install "sayso[ray]"') from None

    records = read_inputs(inputs)
    out_dir = Path(parquet or f"{store_path}.parquet")
    if out_dir.exists() and not out_dir.is_dir():  # found before Ray starts, not after a chunk
        raise FileError(f"{out_dir}: exists and is not a folder (--parquet names the folder "
                        f"to write into)")
    started, clock = datetime.now(timezone.utc).replace(tzinfo=None), time.perf_counter()
    stats = RunStats()
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else workers,
                 include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    ray.data.DataContext.get_current().enable_progress_bars = False
    for name in ("ray", "ray.data"):  # sayso shows its own progress bar and summary
        logging.getLogger(name).setLevel(logging.ERROR)
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    with Store(store_path) as store:
        pending = rows.empty_batch()
        planner = Planner(store.index(), pending, stats, batch_size)
        bar = progress_bar(count_hint(inputs) if progress else None, progress)
        try:
            for number, items in enumerate(_chunks(planner.jobs(records), chunk)):
                bar.update(planner.seen)
                planner.seen = 0
                target = out_dir / f"chunk-{started:%Y%m%d%H%M%S}-{number:05d}"
                shutil.rmtree(target, ignore_errors=True)
                dataset = ray.data.from_items(items).map_batches(
                    Analyser, fn_constructor_args=(model, max_chars), batch_size=batch_size,
                    batch_format="pyarrow", num_cpus=1,
                    compute=ray.data.ActorPoolStrategy(size=actors))
                dataset.write_parquet(str(target))
                store.write(pending)  # duplicates and read errors planned with this chunk
                for cols in pending.values():
                    for values in cols.values():
                        values.clear()
                files, problems = parquet_files(target)
                if problems:  # this run's own output: no file of it may be left out
                    raise InputError(problems[0])
                loaded = load_parquet(store, files)
                if loaded.unreadable:  # as above: its own output must load whole
                    raise InputError(loaded.unreadable[0])
                stats.analysed += loaded.rows - loaded.errors
                stats.errors += loaded.errors
                bar.update(loaded.rows)
            bar.update(planner.seen)
            store.write(pending)
        finally:
            bar.close()
        store.finalize()
        stats.seconds = time.perf_counter() - clock
        store.record_run(started, stats.seconds, f"ray:{actors}", stats.analysed, stats.errors)
    return stats
