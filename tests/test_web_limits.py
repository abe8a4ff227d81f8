"""Limits of a live ``sayso serve``: a full queue gets 503 with Retry-After, an overrunning
analysis gets 504 and its worker is replaced, and no URL reaches files outside the assets.

To hold a worker busy for as long as a test needs, the test pauses the worker process with
SIGSTOP (and resumes it with SIGCONT): the server sees a real analysis that does not finish,
and nothing depends on how fast the machine is.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import threading
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from tests.web_server import serve

ARTICLE = "Ferry captain Ola Brandt said the crossing would resume on Monday."


def post(url: str, results: list | None = None) -> tuple[int, Message, dict]:
    request = urllib.request.Request(f"{url}/analyze", data=json.dumps({"text": ARTICLE}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            out = (r.status, r.headers, json.loads(r.read()))
    except urllib.error.HTTPError as e:
        out = (e.code, e.headers, json.loads(e.read()))
    if results is not None:
        results.append(out)
    return out


def in_background(url: str) -> tuple[threading.Thread, list]:
    results: list = []
    thread = threading.Thread(target=post, args=(url, results))
    thread.start()
    return thread, results


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_full_queue_gets_503_with_retry_after_and_admitted_requests_finish():
    with serve("--queue", "1") as server:
        pid = server.health()["analysis"]["pids"][0]
        os.kill(pid, signal.SIGSTOP)
        try:
            first, first_result = in_background(server.url)
            server.wait_for(lambda s: s["running"] == 1, "one analysis running")
            second, second_result = in_background(server.url)
            server.wait_for(lambda s: s["queued"] == 1, "one request queued")
            status, headers, body = post(server.url)
            assert status == 503
            assert int(headers["Retry-After"]) >= 1
            assert "busy" in body["detail"] and "\n" not in body["detail"]
            assert server.health()["version"]  # the event loop still answers while busy
        finally:
            os.kill(pid, signal.SIGCONT)
        first.join()
        second.join()
        assert [r[0] for r in first_result + second_result] == [200, 200]
        assert first_result[0][2]["text"] == ARTICLE
        assert server.wait_for(lambda s: s["running"] == s["queued"] == 0, "idle")


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_overrunning_analysis_gets_504_and_its_worker_is_replaced():
    with serve("--timeout", "1") as server:
        stuck = server.health()["analysis"]["pids"][0]
        os.kill(stuck, signal.SIGSTOP)  # the worker can never answer in time
        try:
            status, _, body = post(server.url)
        finally:
            with contextlib.suppress(ProcessLookupError):  # the server should have killed it
                os.kill(stuck, signal.SIGCONT)
        assert status == 504 and "longer than 1 s" in body["detail"]
        stats = server.wait_for(lambda s: s["ready"] == 1 and stuck not in s["pids"],
                                "a fresh worker")
        assert stats["pids"] != [stuck]
        assert post(server.url)[0] == 200


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """GET a path byte for byte (no client-side normalisation of ``..``)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_static_route_serves_assets_and_nothing_else(tmp_path: Path):
    secret = Path(__file__).resolve().parents[1] / "pyproject.toml"
    with serve() as server:
        status, body = raw_get(server.url, "/static/app.css")
        assert status == 200 and b"--accent" in body
        for path in ("/static/../app.py", "/static/../../../pyproject.toml",
                     "/static/%2e%2e/app.py", "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
                     "/static/..%2fapp.py", "/static/..%2f..%2f..%2f..%2fpyproject.toml",
                     "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/....//app.py",
                     "/static/..\\app.py", "/docs-assets/../../../../etc/passwd",
                     f"/static/{secret}"):
            status, body = raw_get(server.url, path)
            assert status in (400, 404), (path, status)
            assert b"[build-system]" not in body and b"root:" not in body
            assert b"create_app" not in body
