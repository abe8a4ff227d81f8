"""Exporting a store: Parquet or CSV tables, ``sayso/article@1`` JSON Lines, brat annotations.

Tables are written by DuckDB itself (``COPY ... TO``), so exporting a large store needs no
memory beyond DuckDB's own buffers; the MinHash signatures stay behind (they only serve dedup).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import FileError, StoreError
from ..model import Article
from .store import Store

TABLES = ("articles", "statements", "entities", "channels", "speakers", "errors")


def _copy_tables(store: Store, out: Path, fmt: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    total = 0
    for table in TABLES:
        columns = [r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
        keep = [c for c in columns if c != "minhash" and not (fmt == "csv" and c == "doc")]
        select = ", ".join(f'"{c}"' for c in keep)
        target = str(out / f"{table}.{fmt}").replace("'", "''")
        store.con.execute(f"COPY (SELECT {select} FROM {table}) TO '{target}' ({options})")
        total += store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return total


def _articles(store: Store):  # noqa: ANN202 - iterator of article@1 dicts
    cur = store.con.execute("SELECT doc FROM articles WHERE doc IS NOT NULL ORDER BY id")
    while chunk := cur.fetchmany(500):
        for (doc,) in chunk:
            yield json.loads(doc)


def export(store_path: str | Path, fmt: str, output: str | Path) -> int:
    """Export the store in ``fmt``; returns the number of rows or articles written."""
    with Store(store_path, read_only=True) as store:
        out = Path(output)
        try:
            if fmt in ("parquet", "csv"):
                return _copy_tables(store, out, fmt)
            if fmt == "jsonl":
                n = 0
                fh = sys.stdout if str(output) == "-" else out.open("w", encoding="utf-8")
                try:
                    for doc in _articles(store):
                        fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
                        n += 1
                finally:
                    if fh is not sys.stdout:
                        fh.close()
                return n
            try:
                from ..evaluate.brat import write_brat
            except ImportError:
                raise StoreError("brat export needs sayso.evaluate.brat, which this "
                                 "installation lacks") from None
            out.mkdir(parents=True, exist_ok=True)
            n = 0
            for doc in _articles(store):
                write_brat(Article.from_dict(doc), out)
                n += 1
            return n
        except OSError as exc:
            raise FileError(f"{output}: cannot write ({exc.strerror})") from None
