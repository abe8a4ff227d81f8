"""Query times on a generated store of a million statements.

    .venv/bin/python benchmarks/corpus_queries.py [--statements 1000000] [--store PATH]

Builds (once; reused if PATH exists) a store of synthetic rows with the real schema: 100,000
articles from 40 outlets over three years, 5,000 speakers (some sharing surnames), ten
statements per article, a channel for every third statement. Then times each query the
command line offers, through the ``Store`` API (best of 3) and through the ``sayso`` command
(one run, including Python start-up), and prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from sayso.corpus.store import Store

SURNAMES = ["Okafor", "Reyes", "Lin", "Volkov", "Ndiaye", "Moreno", "Halvorsen", "Raman",
            "Brandt", "Castillo", "Dubois", "Eriksen", "Fontaine", "Grieve", "Haddad"]


def build(path: Path, statements: int) -> None:
    per_article = 10
    articles = statements // per_article
    with Store(path) as store:
        con = store.con
        con.execute("SELECT setseed(0.42)")
        con.execute(f"""
            INSERT INTO speakers
            SELECT 'person:p' || i, 'Given' || i || ' ' || s.name, 'person',
                   [s.name], ['official ' || (i % 40)], 0, 0
            FROM range(5000) t(i), (SELECT unnest(?::VARCHAR[]) AS name,
                                    generate_subscripts(?::VARCHAR[], 1) - 1 AS k) s
            WHERE s.k = i % {len(SURNAMES)}""", [SURNAMES, SURNAMES])
        con.execute(f"""
            INSERT INTO articles (id, text_hash, source, title, outlet, published, published_date,
                                  url, authors, n_statements, doc)
            SELECT 'a' || i, md5(i::VARCHAR), 'synthetic.jsonl:' || i, 'Story ' || i,
                   'Outlet ' || (i % 40), d::VARCHAR, d, NULL, [], {per_article}, NULL
            FROM (SELECT i, DATE '2023-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS d
                  FROM range({articles}) t(i))""")
        words = ("harbour strike deal union wages bridge tolls flood funding hospital nurses "
                 "budget ferry fares council report inquiry mayor minister talks offer").split()
        con.execute(f"""
            INSERT INTO statements
            SELECT a.id, 'S' || j, CASE j % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'indirect'
                   ELSE 'mixed' END,
                   sp.name, sp.name, 'E' || j, 'said', 'say',
                   'the ' || w[1 + (hash(a.id, j) % 20)::INTEGER] || ' and the '
                   || w[1 + (hash(j, a.id) % 20)::INTEGER] || ' were discussed by '
                   || sp.aliases[1] || ' today',
                   j * 100, j * 100 + 60, 0.9, a.outlet, a.published_date, sp.id,
                   a.id || '/S' || j
            FROM articles a, range({per_article}) r(j),
                 (SELECT ?::VARCHAR[] AS w) words,
                 speakers sp
            WHERE sp.id = 'person:p' || ((hash(a.id) + j * 7919) % 5000)""", [words])
        con.execute("""INSERT INTO channels SELECT article_id, id, 'via', outlet, NULL, 0, 10
                       FROM statements WHERE hash(article_id, id) % 3 = 0""")
        con.execute("""UPDATE speakers SET statements = c.n, articles = c.a FROM
                       (SELECT speaker_id, count(*) n, count(DISTINCT article_id) a
                        FROM statements GROUP BY 1) c WHERE c.speaker_id = speakers.id""")
        con.execute("CHECKPOINT")


QUERIES = [
    ("speakers (top 20, counts by outlet)", {"speakers": {}},
     ["speakers"]),
    ("speakers --outlet X --since DATE",
     {"speakers": {"outlet": "Outlet 7", "since": "2025-01-01"}},
     ["speakers", "--outlet", "Outlet 7", "--since", "2025-01-01"]),
    ("statements (newest 20)", {"statements": {}}, ["statements"]),
    ("statements --speaker NAME", {"statements": {"speaker": "Given42 Lin"}},
     ["statements", "--speaker", "Given42 Lin"]),
    ("statements --about NAME", {"statements": {"about": "Halvorsen"}},
     ["statements", "--about", "Halvorsen"]),
    ("statements --outlet X --since DATE", {"statements": {"outlet": "Outlet 3",
                                                          "since": "2025-06-01"}},
     ["statements", "--outlet", "Outlet 3", "--since", "2025-06-01"]),
    ("statements --contains WORDS", {"statements": {"contains": "ferry fares"}},
     ["statements", "--contains", "ferry fares"]),
    ("statements, all five filters", {"statements": {
        "speaker": "Okafor", "about": "Okafor", "outlet": "Outlet 5", "since": "2024-01-01",
        "contains": "budget"}},
     ["statements", "--speaker", "Okafor", "--about", "Okafor", "--outlet", "Outlet 5",
      "--since", "2024-01-01", "--contains", "budget"]),
    ("speaker page (timeline, outlets)", {"speaker": {"key": "Given42 Lin"}}, None),
    ("sql: statements per outlet", {"sql": {"query": "SELECT outlet, count(*) FROM statements "
                                                    "GROUP BY ALL ORDER BY 2 DESC"}},
     ["sql", "SELECT outlet, count(*) FROM statements GROUP BY ALL ORDER BY 2 DESC"]),
    ("errors", {"errors": {"limit": 20}}, ["errors"]),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--store", default="/tmp/sayso-bench-1m.duckdb")
    args = parser.parse_args()
    path = Path(args.store)
    if not path.exists():
        t = time.perf_counter()
        build(path, args.statements)
        print(f"built {path} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    sayso = str(Path(sys.executable).with_name("sayso"))
    with Store(path, read_only=True) as store:
        n = store.summary()
        print(f"store: {n['statements']:,} statements, {n['articles']:,} articles, "
              f"{n['speakers']:,} speakers; load average {os.getloadavg()[0]:.2f}\n")
        print("| query | API, best of 3 | `sayso` command, wall |")
        print("|---|---|---|")
        results = []
        for label, call, argv in QUERIES:
            (method, kwargs), = call.items()
            best = min(_timed(lambda: getattr(store, method)(**kwargs)) for _ in range(3))
            results.append((label, best, argv))
    t = time.perf_counter()
    subprocess.run([sayso, "--version"], check=True, stdout=subprocess.DEVNULL)
    print(f"| (start-up only: `sayso --version`) | - | {time.perf_counter() - t:.2f} s |")
    for label, best, argv in results:  # the command needs the store closed by this process
        wall = "-"
        if argv:
            t = time.perf_counter()
            subprocess.run([sayso, *argv, "--store", str(path)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = f"{time.perf_counter() - t:.2f} s"
        print(f"| {label} | {best * 1000:.0f} ms | {wall} |")


def _timed(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
