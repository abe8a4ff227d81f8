"""What an operator can tune when serving sayso: the store, the model and the limits.

The limits exist so that a burst of requests cannot exhaust the machine: analysis is CPU-bound
and memory grows with the article, so the body size, the time per analysis and the number of
analyses in flight are all capped, and what does not fit is refused early with a clear status.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


#: Longest timeout in seconds: far beyond any article, well within what a wait can take.
MAX_TIMEOUT = 86_400
#: The least each whole-number limit may be: a pool needs a worker and a body a byte, while a
#: queue of 0 refuses at once what finds every worker busy.
LEAST = {"workers": 1, "queue": 0, "max_body": 1}


def check_timeout(value: float) -> float:
    """``value`` as seconds if one analysis may be bounded by it: above 0 and at most a day,
    else ValueError. The wait on a worker cannot be infinite, NaN or longer than about 24 days,
    and such a value made every analysis fail with a 500 and its worker be killed. The one
    rule for ``Settings.timeout`` and ``sayso serve --timeout``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{value!r} is not a number of seconds")
    if not 0 < value <= MAX_TIMEOUT:  # also refuses nan
        raise ValueError(f"{value:g} is out of range: it must be above 0 and at most "
                         f"{MAX_TIMEOUT:,} seconds (a day)")
    return float(value)


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

    def __post_init__(self) -> None:
        """Refuse limits no server can work with here, where ``create_app`` callers pass them,
        rather than as a 500 on every request or a pool that never starts."""
        try:
            check_timeout(self.timeout)
        except ValueError as exc:
            raise ValueError(f"timeout: {exc}") from None
        for name, least in LEAST.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"{name}: {value!r} is not a whole number of at least {least}")
