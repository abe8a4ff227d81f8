"""Start a real ``sayso serve`` on a free loopback port for the web tests, and stop it after.

The server runs as the command a user types, in its own process, so the tests exercise the same
uvicorn, app and worker processes as production. Waiting for readiness polls ``/health``; no
test asserts on how long anything takes.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

READY_BOUND = 180  # seconds: a safety net against a hung start, not a performance check


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def health(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/health", timeout=10) as response:
            return json.loads(response.read())

    def wait_for(self, predicate, what: str) -> dict[str, Any]:
        """Poll /health until ``predicate(analysis_stats)`` holds."""
        end = time.monotonic() + READY_BOUND
        while time.monotonic() < end:
            stats = self.health()["analysis"]
            if predicate(stats):
                return stats
            time.sleep(0.05)
        raise AssertionError(f"server never reached: {what}; last {stats}")


@contextmanager
def serve(*args: str, workers: int = 1) -> Iterator[Server]:
    """``sayso serve ARGS`` on a free port; yields once every worker has its model loaded."""
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed in the finally below
    proc = subprocess.Popen(
        [sys.executable, "-m", "sayso", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers), *args], stdout=log, stderr=subprocess.STDOUT, env=env)
    server = Server(f"http://127.0.0.1:{port}", proc)
    try:
        end = time.monotonic() + READY_BOUND
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise AssertionError(f"sayso serve exited {proc.returncode}: {log.read()}")
            try:
                if server.health()["analysis"]["ready"] >= workers:
                    break
            except OSError:
                pass
            if time.monotonic() > end:
                raise AssertionError("sayso serve did not become ready")
            time.sleep(0.1)
        yield server
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
