"""Parallel speed-up of ``sayso run``: one process against one worker per core.

    .venv/bin/python benchmarks/corpus_speedup.py [--articles 300] [--workers N] [--repeat 2]
                                                  [--ray]

Generates fictional articles of about 450 words (four generated stories each), then runs the
same corpus into fresh stores with ``--workers 1`` (analysis in the parent process, no worker
processes) and with one worker per core, end to end (start-up, model loading, reading, writing,
the cross-article pass), alternating the two settings ``--repeat`` times. Prints every run and
the ratio of the best throughputs. Run it on an idle machine:
the load average and the CPU time each run got are printed, because other work on the cores
distorts the ratio (a run that got less CPU than its wall time on every core was starved).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_articles import article, write_jsonl  # noqa: E402

from sayso.corpus.runner import default_workers, run  # noqa: E402


def long_articles(n: int, seed: int = 3) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        parts = [article(rng, i) for _ in range(4)]
        out.append({**parts[0], "text": "\n".join(str(p["text"]) for p in parts)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--ray", action="store_true",
                        help="also run --engine ray in local mode with --workers CPUs, once")
    parser.add_argument("--repeat", type=int, default=2,
                        help="alternate the two settings this many times; keep each one's best")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = write_jsonl(long_articles(args.articles), Path(tmp) / "feed.jsonl")
        words = sum(len(line.split()) for line in feed.read_text().splitlines())
        print(f"{args.articles} articles, ~{words // args.articles} words each; "
              f"{os.cpu_count()} cores; load average before {os.getloadavg()[0]:.2f}")
        rates: dict[int, float] = {}
        for attempt, workers in enumerate([1, args.workers] * args.repeat):
            t, cpu = time.perf_counter(), os.times()
            stats = run([str(feed)], Path(tmp) / f"w{workers}-{attempt}.duckdb", workers=workers,
                        progress=False)
            seconds, after = time.perf_counter() - t, os.times()
            rates[workers] = max(rates.get(workers, 0.0), stats.analysed / seconds)
            own = after.user + after.system - cpu.user - cpu.system
            children = (after.children_user + after.children_system
                        - cpu.children_user - cpu.children_system)
            print(f"--workers {workers}: {stats.analysed} articles in {seconds:.1f} s = "
                  f"{rates[workers]:.1f} articles/s (CPU: parent {own:.1f} s, "
                  f"workers {children:.1f} s)")
        if args.ray:
            from sayso.corpus.ray_engine import run_ray

            t = time.perf_counter()
            stats = run_ray([str(feed)], Path(tmp) / "ray.duckdb", workers=args.workers,
                            parquet=Path(tmp) / "ray-out", progress=False)
            seconds = time.perf_counter() - t
            print(f"--engine ray --workers {args.workers}: {stats.analysed} articles in "
                  f"{seconds:.1f} s = {stats.analysed / seconds:.1f} articles/s, "
                  f"{stats.analysed / seconds / rates[1]:.2f}x one process (Ray start-up "
                  "included)")
        print(f"speed-up with {args.workers} workers (best against best): "
              f"{rates[args.workers] / rates[1]:.2f}x "
              f"(load average after {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
