"""A bounded pool of analysis processes, driven from the event loop.

Admission is decided up front: at most ``workers`` analyses run and at most ``queue`` wait; any
request beyond that is refused at once with ``Busy`` (the app answers 503 with Retry-After), so a
burst costs neither memory nor time. Each analysis has a time bound; a worker that overruns it is
killed and replaced, so one pathological article cannot hold a core for ever.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing as mp
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import worker as worker_main


class Busy(Exception):
    """Every worker is busy and the queue is full; ``retry_after`` is a hint in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"server busy: all analysis workers and queue slots are taken; "
                         f"retry in {retry_after} s")
        self.retry_after = retry_after


class AnalysisTimeout(Exception):
    """An analysis ran past the time bound; its worker was stopped."""


class AnalysisFailed(Exception):
    """The engine failed on an input it accepted (a bug, reported as one line)."""


class InputRejected(Exception):
    """The engine refused the input (empty text, HTML without article text...)."""


@dataclass
class _Worker:
    """One analysis process and the parent's end of its pipe."""

    process: Any
    conn: Connection
    pid: int = 0


class AnalysisPool:
    """``workers`` processes with the model loaded once each, fed one job at a time."""

    def __init__(self, workers: int, queue: int, timeout: float, model: str | None = None):
        self.size, self.queue, self.timeout, self.model = workers, queue, timeout, model
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="analysis")
        self._idle: asyncio.Queue[_Worker | None] | None = None
        self._workers: list[_Worker] = []
        self._pending = 0          # admitted requests: running plus waiting
        self._running = 0
        self._recent = 1.0         # moving average of analysis seconds, for Retry-After
        self.started_error: str | None = None
        self._closing = False

    # -- life cycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the workers in the background; requests queue until the first is ready."""
        self._idle = asyncio.Queue()
        loop = asyncio.get_running_loop()
        for _ in range(self.size):
            loop.run_in_executor(self._threads, self._spawn_into_idle, loop)

    def _spawn_into_idle(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            w: _Worker | None = self._spawn()
        except AnalysisFailed as exc:
            self.started_error = str(exc)
            if self._workers:
                return
            w = None  # no worker at all: wake the waiting requests so they can fail
        loop.call_soon_threadsafe(self._idle.put_nowait, w)  # type: ignore[union-attr]

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main.serve, args=(child, self.model),
                                 daemon=True, name="sayso-analysis")
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        try:
            kind, value = parent.recv()
        except EOFError:
            kind, value = worker_main.FAILED, "analysis worker exited while loading the model"
        if kind != worker_main.READY:
            self._discard(w)
            raise AnalysisFailed(value)
        w.pid = value
        self._workers.append(w)
        return w

    def _discard(self, w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(5)
        w.conn.close()
        if w in self._workers:
            self._workers.remove(w)

    async def close(self) -> None:
        """Stop every worker."""
        self._closing = True
        for w in list(self._workers):
            try:
                w.conn.send(None)
            except OSError:
                pass
            self._discard(w)
        self._threads.shutdown(wait=False, cancel_futures=True)

    # -- work ------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Workers ready, analyses running and waiting, and the worker process ids."""
        return {"workers": self.size, "ready": len(self._workers), "running": self._running,
                "queued": self._pending - self._running, "queue": self.queue,
                "pids": sorted(w.pid for w in self._workers if w.pid),
                "error": self.started_error}

    async def analyze(self, job: dict[str, Any]) -> dict[str, Any]:
        """The ``sayso/article@1`` dict for one job, or ``Busy``, ``AnalysisTimeout``,
        ``InputRejected`` or ``AnalysisFailed``."""
        if self.started_error and not self._workers:
            raise AnalysisFailed(self.started_error)
        if self._pending >= self.size + self.queue:
            waves = math.ceil((self._pending + 1) / self.size)
            raise Busy(max(1, math.ceil(self._recent * waves)))
        assert self._idle is not None, "pool not started"
        self._pending += 1
        try:
            w = await self._idle.get()
        except BaseException:
            self._pending -= 1
            raise
        if w is None:  # the model cannot be loaded: pass the news on to the next waiter
            self._idle.put_nowait(None)
            self._pending -= 1
            raise AnalysisFailed(self.started_error or "no analysis worker could start")
        self._running += 1
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self._threads, self._call, w, job)

        def release(done: asyncio.Future[tuple[str, Any, _Worker | None]]) -> None:
            # Runs when the analysis ends, even if the client has gone away meanwhile, so a
            # worker is never handed out twice and abandoned work still counts against limits.
            self._running -= 1
            self._pending -= 1
            kept = done.result()[2] if not done.cancelled() and done.exception() is None else None
            if kept is not None:
                self._idle.put_nowait(kept)  # type: ignore[union-attr]
            elif not self._closing:  # the worker was stopped: replace it, not holding the reply
                loop.run_in_executor(self._threads, self._spawn_into_idle, loop)

        fut.add_done_callback(release)
        kind, value, _ = await asyncio.shield(fut)
        if kind == worker_main.OK:
            return value
        if kind == worker_main.INPUT_ERROR:
            raise InputRejected(value)
        if kind == _TIMEOUT:
            raise AnalysisTimeout(value)
        raise AnalysisFailed(value)

    def _call(self, w: _Worker, job: dict[str, Any]) -> tuple[str, Any, _Worker | None]:
        """Run one job on a worker (in a pool thread); stop the worker if it overran or died.

        Returns the reply kind, its value and the worker, or None when it was stopped.
        """
        began = time.monotonic()
        try:
            w.conn.send(job)
            if w.conn.poll(self.timeout):
                kind, value = w.conn.recv()
                self._recent = 0.8 * self._recent + 0.2 * (time.monotonic() - began)
                return kind, value, w
            kind, value = _TIMEOUT, (f"analysis took longer than {self.timeout:g} s and was "
                                     f"stopped; try a shorter article")
        except Exception as exc:  # noqa: BLE001 - a broken pipe or a dead worker, as one line
            kind, value = worker_main.FAILED, (f"analysis worker failed ({type(exc).__name__}); "
                                               f"it is being restarted")
        self._discard(w)
        return kind, value, None


_TIMEOUT = "timeout"
