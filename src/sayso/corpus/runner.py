"""``sayso run``: analyse a corpus into a store, in parallel, resumably.

The parent process reads the inputs, decides what still needs analysis and is the store's only
writer; worker processes (one per core, spaCy model loaded once each) analyse batches through
``analyze_records`` and hand back ready-made rows. Each commit holds whole articles only, with
their id and text hash, so a run killed at any moment loses at most the uncommitted batch, and
the same command started again skips what is stored and does the rest.

What an article becomes is decided from the input order alone (the first of two identical texts
is analysed, the second recorded as its duplicate; the first of two different texts with one id
wins and the second is an error), never from which worker finished first: a resumed run builds
the same store as an uninterrupted one.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from spacy.language import Language

from ..errors import SaysoError
from ..ingest import MAX_CHARS, read_inputs
from ..model import Failure, RawArticle
from . import rows
from .dedup import signature
from .store import Store, StoreIndex

Job = list[tuple[RawArticle, str]]


@dataclass
class RunStats:
    """What one run did; ``summary`` adds the store's totals."""

    analysed: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# -- worker side ----------------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _init_worker(model: str | None, max_chars: int) -> None:
    """Load the model once per worker; a load error is raised by the first job, as itself."""
    from ..nlp import load_model

    _WORKER["max_chars"] = max_chars
    try:
        _WORKER["nlp"] = load_model(model)
    except SaysoError as exc:
        _WORKER["error"] = exc


def _pool_job(job: Job) -> rows.Batch:
    if "error" in _WORKER:
        raise _WORKER["error"]  # type: ignore[misc]
    return analyse_job(job, _WORKER["nlp"], _WORKER["max_chars"])  # type: ignore[arg-type]


def analyse_job(job: Job, nlp: Language, max_chars: int = MAX_CHARS) -> rows.Batch:
    """Analyse a batch of (article, text hash) pairs into store rows; failures become errors."""
    from ..api import analyze_records

    batch = rows.empty_batch()
    results = analyze_records([raw for raw, _ in job], model=nlp,
                              batch_size=max(1, len(job)), max_chars=max_chars)
    for (_, digest), result in zip(job, results):
        if isinstance(result, Failure):
            rows.add_error(batch, result, digest)
        else:
            rows.add_article(batch, result, digest, signature(result.text))
    return batch


# -- parent side ----------------------------------------------------------------------------

class Planner:
    """Turns input records into analysis jobs, recording duplicates and read errors as rows."""

    def __init__(self, index: StoreIndex, pending: rows.Batch, stats: RunStats,
                 job_size: int) -> None:
        self.idx, self.pending, self.stats, self.job_size = index, pending, stats, job_size
        self.seen = 0  # records handled without analysis, for the progress bar

    def _error(self, failure: Failure) -> None:
        key = (failure.id, failure.source)
        if key not in self.idx.errors:
            self.idx.errors.add(key)
            rows.add_error(self.pending, failure)
            self.stats.errors += 1
        self.seen += 1

    def jobs(self, records: Iterable[RawArticle | Failure]) -> Iterator[Job]:
        job: Job = []
        for record in records:
            if isinstance(record, Failure):
                self._error(record)
                continue
            digest = rows.text_hash(record)
            known = self.idx.ids.get(record.id)
            if known is not None:
                if known[0] == digest:
                    self.stats.skipped += 1
                    self.seen += 1
                else:
                    self._error(Failure(record.id, record.source,
                                        f"{record.source or record.id}: duplicate id "
                                        f"{record.id!r}, already used by {known[1]}"))
                continue
            self.idx.ids[record.id] = (digest, record.source)
            original = self.idx.hashes.get(digest)
            if original is not None:
                rows.add_duplicate(self.pending, record, digest, original)
                self.stats.duplicates += 1
                self.seen += 1
                continue
            self.idx.hashes[digest] = record.id
            job.append((record, digest))
            if len(job) >= self.job_size:
                yield job
                job = []
        if job:
            yield job


def progress_bar(total: int | None, enabled: bool):  # noqa: ANN202 - a tqdm bar
    from tqdm import tqdm

    return tqdm(total=total, unit=" articles", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, smoothing=0.1)


def count_hint(inputs: Iterable[str]) -> int | None:
    """A quick estimate of the number of articles (files, plus lines of JSON Lines and CSV
    files), or None when compressed or WARC inputs make it unknowable without reading them."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if suffix in {".gz", ".warc"}:
                return None
            if suffix in {".jsonl", ".ndjson", ".csv"}:
                with f.open("rb") as fh:
                    chunks = iter(lambda: fh.read(1 << 20), b"")  # noqa: B023
                    total += sum(chunk.count(b"\n") for chunk in chunks)
            else:
                total += 1
    return total


def run(inputs: list[str], store_path: str | Path, *, workers: int | None = None,
        model: str | None = None, job_size: int = 16, max_chars: int = MAX_CHARS,
        progress: bool = True, commit_seconds: float = 1.0) -> RunStats:
    """Analyse every article of ``inputs`` not yet in the store at ``store_path``.

    ``workers=1`` analyses in this process (the single-process baseline); more start that many
    worker processes. Returns what this run did; interrupted runs keep what was committed.
    """
    records = read_inputs(inputs)
    workers = workers or default_workers()
    started, clock = datetime.now(timezone.utc).replace(tzinfo=None), time.perf_counter()
    stats = RunStats()
    with Store(store_path) as store:
        pending = rows.empty_batch()
        planner = Planner(store.index(), pending, stats, job_size)
        bar = progress_bar(count_hint(inputs) if progress else None, progress)
        last_commit = time.perf_counter()

        def absorb(batch: rows.Batch) -> None:
            nonlocal last_commit
            stats.analysed += len(batch["articles"]["id"])
            stats.errors += len(batch["errors"]["id"])
            rows.merge(pending, batch)
            bar.update(rows.batch_size(batch))
            if time.perf_counter() - last_commit >= commit_seconds:
                flush()

        def flush() -> None:
            nonlocal last_commit
            if rows.batch_size(pending):
                store.write(pending)
                for cols in pending.values():
                    for values in cols.values():
                        values.clear()
            last_commit = time.perf_counter()

        def tick() -> None:
            bar.update(planner.seen)
            planner.seen = 0

        jobs = planner.jobs(records)
        try:
            if workers == 1:
                from ..nlp import load_model

                nlp = load_model(model)
                for job in jobs:
                    tick()
                    absorb(analyse_job(job, nlp, max_chars))
            else:
                _run_pool(jobs, workers, model, max_chars, absorb, tick)
            tick()
        finally:
            flush()  # keeps every finished article, also when interrupted
            bar.close()
        store.finalize()
        stats.seconds = time.perf_counter() - clock
        store.record_run(started, stats.seconds, f"local:{workers}", stats.analysed, stats.errors)
    return stats


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ctrl-C is the parent's to handle (it keeps what is finished and stops the workers), so
    worker processes are started with SIGINT ignored and print no traceback of their own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_pool(jobs: Iterator[Job], workers: int, model: str | None, max_chars: int,
              absorb, tick) -> None:  # noqa: ANN001 - callbacks of ``run``
    context = multiprocessing.get_context("spawn")  # no fork of a process holding DuckDB
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(model, max_chars)) as pool:
        in_flight: set[Future[rows.Batch]] = set()
        try:
            for job in jobs:
                tick()
                if len(in_flight) >= 2 * workers:
                    done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        absorb(future.result())
                with _sigint_ignored():  # workers start on submit and inherit this
                    in_flight.add(pool.submit(_pool_job, job))
            for future in list(in_flight):
                absorb(future.result())
                in_flight.discard(future)
        except BrokenProcessPool:
            raise SaysoError("a worker process died (out of memory?); run the same command "
                             "again to resume where it stopped") from None
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
