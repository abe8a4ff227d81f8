"""What an operator can tune when serving sayso: the store, the model and the limits.

The limits exist so that a burst of requests cannot exhaust the machine: analysis is CPU-bound
and memory grows with the article, so the body size, the time per analysis and the number of
analyses in flight are all capped, and what does not fit is refused early with a clear status.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_workers() -> int:
    """One analysis process per core: more would only make each request slower."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Configuration of one app instance (``sayso serve`` flags map one to one)."""

    #: DuckDB corpus store to explore, opened read-only; None serves the reader and API only.
    store: Path | None = None
    #: spaCy pipeline name or path for the analysis workers (None: sayso's default).
    model: str | None = None
    #: Analysis processes, each with the model loaded once.
    workers: int = default_workers()
    #: Requests allowed to wait for a free worker; past that, 503 with Retry-After.
    queue: int = 8
    #: Largest accepted request body in bytes; larger bodies get 413.
    max_body: int = 2_000_000
    #: Seconds one analysis may run before its worker is stopped and the request gets 504.
    timeout: float = 30.0
