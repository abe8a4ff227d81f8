"""Load test of ``POST /analyze`` on loopback: requests per second, p50/p99 latency, 503s.

Starts ``sayso serve`` on a free 127.0.0.1 port (or uses ``--url``, which must be loopback),
then runs two phases, each bounded in requests and in time:

* one client: latency of one analysis at a time;
* sustained: as many clients as the server admits (workers + queue), so every request should
  succeed; reports throughput and latency;
* burst: many more clients than that, so the server must refuse the excess with 503 and
  Retry-After while the admitted requests still succeed.

With ``--store`` it then times each corpus route (sequential GETs, p50/p99).

Meanwhile a probe asks ``/health`` every 100 ms to show the event loop stays responsive. Any
status other than 200 (and 503 in the burst) counts as an error and makes the exit code 1.

    .venv/bin/python benchmarks/web_load.py --requests 200 --max-seconds 120
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Phase:
    name: str
    clients: int
    latencies: list[float] = field(default_factory=list)  # seconds, 200 responses only
    refused: list[float] = field(default_factory=list)    # seconds, 503 responses
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_phase(host: str, port: int, body: bytes, phase: Phase, requests: int,
              max_seconds: float) -> Phase:
    """``phase.clients`` threads on keep-alive connections share ``requests`` POSTs."""
    lock = threading.Lock()
    left = [requests]
    deadline = time.monotonic() + max_seconds

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=max_seconds + 60)
        while True:
            with lock:
                if left[0] <= 0 or time.monotonic() > deadline:
                    break
                left[0] -= 1
            began = time.perf_counter()
            try:
                conn.request("POST", "/analyze", body, {"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                status = response.status
                if status == 503 and not response.getheader("Retry-After"):
                    status = -503  # a 503 without Retry-After is not the intended refusal
            except (OSError, http.client.HTTPException):
                status, conn = 0, http.client.HTTPConnection(host, port, timeout=max_seconds + 60)
            elapsed = time.perf_counter() - began
            with lock:
                phase.statuses[status] += 1
                if status == 200:
                    phase.latencies.append(elapsed)
                elif status == 503:
                    phase.refused.append(elapsed)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(phase.clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    phase.seconds = time.perf_counter() - began
    return phase


def probe(host: str, port: int, stop: threading.Event, out: list[float]) -> None:
    """Latency of GET /health every 100 ms while the load runs."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    while not stop.wait(0.1):
        began = time.perf_counter()
        conn.request("GET", "/health")
        conn.getresponse().read()
        out.append(time.perf_counter() - began)
    conn.close()


def time_reads(host: str, port: int, repeat: int) -> list[str]:
    """p50/p99 of each corpus route over HTTP, ``repeat`` sequential GETs each."""
    conn = http.client.HTTPConnection(host, port, timeout=120)

    def get(path: str) -> tuple[float, dict]:
        began = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = json.loads(response.read())
        if response.status != 200:
            raise SystemExit(f"web_load: GET {path} answered {response.status}: {body}")
        return time.perf_counter() - began, body

    top = get("/speakers?limit=1")[1]["items"]
    routes = ["/corpus", "/articles?limit=50", "/speakers?limit=20",
              "/statements?limit=50", "/statements?contains=the%20city&limit=50",
              "/network?speakers=12&edges=60"]
    if top:
        routes.insert(3, f"/speakers/{top[0]['id']}")
        routes.append(f"/statements?speaker={top[0]['name'].split()[-1]}&limit=50")
    rows = []
    for path in routes:
        times = [get(path)[0] for _ in range(repeat)]
        rows.append(f"| `GET {path}` | {percentile(times, 0.5) * 1000:.0f} | "
                    f"{percentile(times, 0.99) * 1000:.0f} |")
    conn.close()
    return rows


def start_server(workers: int, queue: int, store: str | None) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "sayso", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers),
                             "--queue", str(queue), *(["--store", store] if store else [])])
    end = time.monotonic() + 180
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            if json.loads(conn.getresponse().read())["analysis"]["ready"] >= workers:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("web_load: the server did not become ready")


def report(phase: Phase, allowed: set[int]) -> tuple[str, int]:
    ok = phase.statuses.get(200, 0)
    errors = sum(n for status, n in phase.statuses.items() if status not in allowed)
    p50 = percentile(phase.latencies, 0.5) * 1000 if phase.latencies else float("nan")
    p99 = percentile(phase.latencies, 0.99) * 1000 if phase.latencies else float("nan")
    refused = f"{percentile(phase.refused, 0.5) * 1000:.0f}" if phase.refused else "-"
    row = (f"| {phase.name} | {phase.clients} | {sum(phase.statuses.values())} | {ok} | "
           f"{phase.statuses.get(503, 0)} | {errors} | {ok / phase.seconds:.1f} | {p50:.0f} | "
           f"{p99:.0f} | {refused} |")
    return row, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server on loopback (default: start one)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--queue", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200, help="POSTs per phase")
    parser.add_argument("--burst-clients", type=int, default=32)
    parser.add_argument("--max-seconds", type=float, default=120, help="time bound per phase")
    parser.add_argument("--store", help="also time the corpus routes on this store")
    parser.add_argument("--reads", type=int, default=20, help="GETs per corpus route")
    args = parser.parse_args()

    proc = None
    if args.url:
        parts = urlsplit(args.url)
        if parts.hostname not in LOOPBACK:
            raise SystemExit("web_load: loopback only (127.0.0.1, localhost or ::1)")
        host, port = parts.hostname, parts.port or 80
    else:
        proc, port = start_server(args.workers, args.queue, args.store)
        host = "127.0.0.1"
    text = resources.files("sayso").joinpath("examples", "harbour-strike.txt").read_text("utf-8")
    body = json.dumps({"text": text, "id": "harbour-strike"}).encode()
    health: list[float] = []
    stop = threading.Event()
    prober = threading.Thread(target=probe, args=(host, port, stop, health))
    prober.start()
    try:
        run_phase(host, port, body, Phase("warm-up", args.workers), args.workers * 2, 60)
        single = run_phase(host, port, body, Phase("one client", 1),
                           max(1, args.requests // 4), args.max_seconds)
        sustained = run_phase(host, port, body, Phase("sustained", args.workers + args.queue),
                              args.requests, args.max_seconds)
        burst = run_phase(host, port, body, Phase("burst", args.burst_clients), args.requests,
                          args.max_seconds)
        reads = time_reads(host, port, args.reads) if args.store else []
    finally:
        stop.set()
        prober.join()
        if proc:
            proc.terminate()
            proc.wait(30)
    print(f"POST /analyze of the bundled example ({len(text):,} characters), "
          f"{args.workers} workers, queue {args.queue}, on {os.cpu_count()} cores\n")
    print("| phase | clients | requests | 200 | 503 | errors | 200s per second | p50 ms | p99 ms "
          "| 503 p50 ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    errors = 0
    for phase, allowed in ((single, {200}), (sustained, {200}), (burst, {200, 503})):
        row, bad = report(phase, allowed)
        print(row)
        errors += bad
    print(f"\nGET /health while loaded: p50 {percentile(health, 0.5) * 1000:.0f} ms, "
          f"p99 {percentile(health, 0.99) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms "
          f"({len(health)} probes)")
    if reads:
        print(f"\nCorpus routes on {args.store}, {args.reads} sequential GETs each, no load:\n")
        print("| route | p50 ms | p99 ms |\n|---|---|---|")
        print("\n".join(reads))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
