"""The corpus store: an embedded DuckDB database of articles, statements, speakers and errors.

One file, no server. A run's parent process is its only writer (DuckDB allows one writing
process); readers such as ``sayso statements`` or the web app open it read-only. The query
methods here are the one place that knows the schema, so the command line and the web app ask
the same questions the same way. The tables are documented in docs/store.md.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import Article
from ..query_args import MAX_ROWS, iso_day
from .rows import COLUMNS, Batch

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR NOT NULL, text_hash VARCHAR NOT NULL, source VARCHAR, title VARCHAR,
    outlet VARCHAR, published VARCHAR, published_date DATE, url VARCHAR, authors VARCHAR[],
    n_statements INTEGER, duplicate_of VARCHAR, minhash BLOB, doc VARCHAR, cluster VARCHAR);
CREATE TABLE IF NOT EXISTS statements (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, kind VARCHAR, speaker_text VARCHAR,
    speaker_name VARCHAR, speaker_entity VARCHAR, cue VARCHAR, cue_lemma VARCHAR,
    content VARCHAR, start INTEGER, "end" INTEGER, confidence DOUBLE, outlet VARCHAR,
    published_date DATE, speaker_id VARCHAR, group_id VARCHAR);
CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR, type VARCHAR,
    aliases VARCHAR[], descriptors VARCHAR[], mentions INTEGER, speaker_id VARCHAR);
CREATE TABLE IF NOT EXISTS channels (
    article_id VARCHAR NOT NULL, statement_id VARCHAR NOT NULL, role VARCHAR, text VARCHAR,
    entity VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS errors (id VARCHAR, source VARCHAR, reason VARCHAR, text_hash VARCHAR);
CREATE TABLE IF NOT EXISTS speakers (
    id VARCHAR NOT NULL, name VARCHAR, type VARCHAR, aliases VARCHAR[], descriptors VARCHAR[],
    articles INTEGER, statements INTEGER);
CREATE TABLE IF NOT EXISTS runs (
    started TIMESTAMP, seconds DOUBLE, engine VARCHAR, articles INTEGER, errors INTEGER);
CREATE OR REPLACE VIEW statement_outlets AS
    SELECT s.group_id, a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
    WHERE a.outlet IS NOT NULL
    UNION
    SELECT s.group_id, a.outlet FROM statements s JOIN articles a ON a.duplicate_of = s.article_id
    WHERE a.outlet IS NOT NULL;
"""

_TEXT, _INT, _TEXTS = pa.string(), pa.int32(), pa.list_(pa.string())
#: Arrow types of the written columns, so that an all-null or all-empty column keeps its type.
_TYPES: dict[str, pa.DataType] = {
    "published_date": pa.date32(), "authors": _TEXTS, "aliases": _TEXTS, "descriptors": _TEXTS,
    "n_statements": _INT, "start": _INT, "end": _INT, "mentions": _INT,
    "confidence": pa.float64(), "minhash": pa.binary()}

#: Tables compared when two stores should hold the same results (``runs`` records timings).
RESULT_TABLES = ("articles", "statements", "entities", "channels", "errors", "speakers")


@dataclass
class StoreIndex:
    """What a store already holds, so that a resumed run skips finished work."""

    ids: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (hash, source)
    hashes: dict[str, str] = field(default_factory=dict)       # text hash -> id analysed
    errors: set[tuple[str, str | None]] = field(default_factory=set)  # (id, source)


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The columns of every table and view of a database, by table."""
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall():
        found.setdefault(table, set()).add(column)
    return found


@functools.cache
def _schema_columns() -> dict[str, set[str]]:
    """The columns ``SCHEMA`` creates, read from DuckDB itself so that they cannot drift."""
    with duckdb.connect(":memory:") as con:
        con.execute(SCHEMA)
        return _columns(con)


def _schema_problem(con: duckdb.DuckDBPyConnection, read_only: bool) -> str | None:
    """Why a DuckDB file is not a sayso store, or None. Another application's file with a table
    of one of sayso's names would otherwise fail at the first query or insert with a traceback;
    a store opened for writing may lack tables, which ``SCHEMA`` then creates."""
    found = _columns(con)
    for table, needed in _schema_columns().items():
        if table not in found:
            if read_only:
                return f"no {table} table"
        elif needed - found[table]:
            missing = sorted(needed - found[table])
            more = ", ..." if len(missing) > 3 else ""
            return f"its {table} table has no column {', '.join(missing[:3])}{more}"
    return None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _words_pattern(text: str) -> str:
    """A case-insensitive regular expression for ``text`` as whole words."""
    return r"(?i)(^|\W)" + re.escape(text.strip()) + r"(\W|$)"


def _literal(text: str) -> str:
    """``text`` as an ``ILIKE ... ESCAPE '\\'`` pattern that matches it literally, so that a
    user's ``%`` or ``_`` (an outlet, "50%") is not a wildcard that matches everything."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class Store:
    """A DuckDB corpus store. ``Store(path)`` opens (and creates) it for writing;
    ``Store(path, read_only=True)`` opens an existing one for queries alongside other readers.

    One ``Store`` may be shared by threads: each thread queries through a connection of its own
    (DuckDB's connections are not thread-safe). After ``close()`` (or the end of its ``with``
    block) every use raises ``StoreError``; open a new ``Store`` instead.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self._closed = False
        self._lock = threading.Lock()
        if read_only and not self.path.exists():
            raise StoreError(f"{path}: no such store (create one with `sayso run`)")
        try:
            con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            reason = "it is in use by another process (is a run still writing to it?)" \
                if "lock" in str(exc).lower() else str(exc).splitlines()[0]
            raise StoreError(f"{path}: cannot open store: {reason}") from None
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a sayso store ({str(exc).splitlines()[0]})") from None
        self._main = con
        self._cons = {threading.get_ident(): con}  # thread -> its connection
        problem = _schema_problem(self.con, read_only)
        if problem:
            self.close()
            raise StoreError(f"{path}: not a sayso store ({problem})")
        if not read_only:
            self.con.execute(SCHEMA)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The calling thread's connection to the database: the one opened for the thread that
        opened the store, a cursor of it (DuckDB's word for a second connection to the same
        database) for any other, as DuckDB's connections must not be used by two threads at
        once. A closed store raises ``StoreError`` rather than DuckDB's own error."""
        if self._closed:
            raise StoreError(f"{self.path}: the store is closed")
        thread = threading.get_ident()
        with self._lock:
            if thread not in self._cons:  # a finished thread's id may be reused: its cursor too
                self._cons[thread] = self._main.cursor()
            return self._cons[thread]

    def close(self) -> None:
        """Close every thread's connection, releasing the file for other processes; closing
        twice is harmless."""
        if self._closed:
            return
        self._closed = True
        for con in self._cons.values():
            con.close()

    def __enter__(self) -> Store:
        if self._closed:
            raise StoreError(f"{self.path}: the store is closed")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def index(self) -> StoreIndex:
        """Ids, text hashes and errors already stored: the state a resumed run starts from,
        the same the interrupted run had reached when it had read as far."""
        idx = StoreIndex()
        for aid, h, source, dup in self.con.execute(
                "SELECT id, text_hash, source, duplicate_of FROM articles").fetchall():
            idx.ids[aid] = (h, source)
            if dup is None:
                idx.hashes.setdefault(h, aid)
        for eid, source, h in self.con.execute(
                "SELECT id, source, text_hash FROM errors ORDER BY source, id").fetchall():
            idx.errors.add((eid, source))
            if h is not None:  # analysis failed: done too, and its id and text are taken
                idx.ids.setdefault(eid, (h, source))
                idx.hashes.setdefault(h, eid)
        return idx

    def write(self, batch: Batch) -> None:
        """Append a batch of rows in one transaction: an article is stored whole or not at all."""
        try:
            self.con.begin()
            for table, cols in batch.items():
                if not cols[COLUMNS[table][0]]:
                    continue
                arrays = {c: pa.array(v, type=_TYPES.get(c, _TEXT)) for c, v in cols.items()}
                rows = pa.table(arrays)  # noqa: F841 - read by DuckDB through its name
                names = ", ".join(_quote(c) for c in COLUMNS[table])
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM rows")
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"{self.path}: write failed: {str(exc).splitlines()[0]}") from None

    def finalize(self) -> None:
        """Recompute what depends on the whole corpus: speaker ids across articles,
        near-duplicate clusters and statements reported by several outlets. Idempotent."""
        from . import dedup, speakers

        con = self.con
        try:
            con.begin()
            speakers.link(con)
            dedup.cluster_articles(con)
            dedup.group_statements(con)
            con.commit()
        except duckdb.Error as exc:  # a store opened read-only, a full disk
            con.rollback()
            raise StoreError(f"{self.path}: finalize failed: {str(exc).splitlines()[0]}") \
                from None

    def record_run(self, started: Any, seconds: float, engine: str, articles: int,
                   errors: int) -> None:
        """Add a row to ``runs``: when a run started, how long it took, on which engine, and
        what it analysed, for a user comparing runs and engines."""
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?)",
                         [started, seconds, engine, articles, errors])

    # -- reading ---------------------------------------------------------------------------

    def _dicts(self, query: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(query, params or [])
        cols = [d[0] for d in cur.description]
        return [{c: _iso(v) for c, v in zip(cols, row)} for row in cur.fetchall()]

    def summary(self) -> dict[str, int]:
        """Counts of articles, duplicates, statements, speakers and errors."""
        q = """SELECT (SELECT count(*) FROM articles WHERE duplicate_of IS NULL),
                      (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                      (SELECT count(*) FROM statements), (SELECT count(*) FROM speakers),
                      (SELECT count(*) FROM errors)"""
        names = ("articles", "duplicates", "statements", "speakers", "errors")
        return dict(zip(names, self.con.execute(q).fetchone()))

    def articles(self, *, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Articles, newest first, without their text."""
        where, params = self._article_filters(outlet, since, until)
        return self._dicts(
            f"""SELECT id, title, outlet, published, url, source, n_statements, duplicate_of,
                       cluster FROM articles {where}
                ORDER BY published_date DESC NULLS LAST, id LIMIT ? OFFSET ?""",
            params + _page(limit, offset))

    def count_articles(self, *, outlet: str | None = None, since: str | None = None,
                       until: str | None = None) -> int:
        """How many articles ``articles()`` would page through with these filters."""
        where, params = self._article_filters(outlet, since, until)
        return self.con.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]

    @staticmethod
    def _article_filters(outlet: str | None, since: str | None,
                         until: str | None) -> tuple[str, list[Any]]:
        clauses, params = _outlet_and_dates(outlet, since, until)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def article(self, article_id: str) -> Article | None:
        """The full analysed article (``sayso/article@1``); a duplicate gives its original."""
        row = self.con.execute("SELECT doc, duplicate_of FROM articles WHERE id = ?",
                               [article_id]).fetchone()
        if row is None:
            return None
        if row[0] is None and row[1]:
            return self.article(row[1])
        return Article.from_dict(json.loads(row[0])) if row[0] else None

    def speakers(self, *, outlet: str | None = None, since: str | None = None,
                 limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """The most quoted speakers with their statement and article counts and counts by outlet."""
        where, params = _outlet_and_dates(outlet, since, None, prefix="s.")
        where.insert(0, "s.speaker_id IS NOT NULL")
        cond = " AND ".join(where)
        top = self._dicts(
            f"""SELECT s.speaker_id AS id, any_value(p.name) AS name, any_value(p.type) AS type,
                       count(*) AS statements, count(DISTINCT s.article_id) AS articles
                FROM statements s LEFT JOIN speakers p ON p.id = s.speaker_id WHERE {cond}
                GROUP BY s.speaker_id ORDER BY statements DESC, id LIMIT ? OFFSET ?""",
            params + _page(limit, offset))
        ids = [t["id"] for t in top]
        outlets: dict[str, dict[str, int]] = {i: {} for i in ids}
        if ids:
            for sid, out, n in self.con.execute(
                    f"""SELECT s.speaker_id, coalesce(s.outlet, '(unknown)'), count(*)
                        FROM statements s WHERE {cond} AND s.speaker_id IN
                        (SELECT unnest(?::VARCHAR[])) GROUP BY ALL ORDER BY 3 DESC, 2""",
                    params + [ids]).fetchall():
                outlets[sid][out] = n
        for t in top:
            t["outlets"] = outlets[t["id"]]
        return top

    def resolve_speakers(self, name: str) -> list[str]:
        """Ids of the speakers a user means by ``name``: an id, or whole words of a name or an
        alias ("Lin" finds Margaret Lin, not Collins)."""
        _check_texts(name=name, none=False)
        pattern = _words_pattern(name)
        rows = self.con.execute(
            """SELECT id FROM speakers WHERE id = ? OR regexp_matches(name, ?)
               OR EXISTS (SELECT 1 FROM unnest(aliases) AS t(a) WHERE regexp_matches(t.a, ?))
               ORDER BY statements DESC, id""",
            [name, pattern, pattern]).fetchall()
        return [r[0] for r in rows]

    def speaker(self, key: str, *, limit: int = 50) -> dict[str, Any] | None:
        """One speaker (by id or name) with outlets, statements by month and latest statements."""
        ids = self.resolve_speakers(key)
        if not ids:
            return None
        found = self._dicts("SELECT * FROM speakers WHERE id = ?", [ids[0]])[0]
        found["outlets"] = dict(self.con.execute(
            """SELECT coalesce(outlet, '(unknown)'), count(*) FROM statements WHERE speaker_id = ?
               GROUP BY ALL ORDER BY 2 DESC, 1""", [found["id"]]).fetchall())
        found["timeline"] = [{"month": m, "statements": n} for m, n in self.con.execute(
            """SELECT strftime(published_date, '%Y-%m') AS month, count(*) FROM statements
               WHERE speaker_id = ? AND published_date IS NOT NULL GROUP BY month ORDER BY month""",
            [found["id"]]).fetchall()]
        found["statements_list"] = self.statements(speaker_id=found["id"], limit=limit)
        return found

    def _statement_filters(self, speaker: str | None, speaker_id: str | None, about: str | None,
                           outlet: str | None, since: str | None, until: str | None,
                           contains: str | None) -> tuple[str, list[Any]]:
        _check_texts(speaker=speaker, speaker_id=speaker_id, about=about, contains=contains)
        clauses: list[str] = []
        params: list[Any] = []
        if speaker_id:
            clauses.append("s.speaker_id = ?")
            params.append(speaker_id)
        if speaker:
            clauses.append("(s.speaker_id IN (SELECT unnest(?::VARCHAR[])) OR "
                           "(s.speaker_name ILIKE ? AND regexp_matches(s.speaker_name, ?)))")
            params += [self.resolve_speakers(speaker), f"%{speaker}%", _words_pattern(speaker)]
        if about:
            names = {about}
            for sid in self.resolve_speakers(about)[:5]:
                row = self.con.execute("SELECT name, aliases FROM speakers WHERE id = ?",
                                       [sid]).fetchone()
                names |= {row[0], *row[1]}
            clauses.append("(" + " OR ".join(
                "(s.content ILIKE ? AND regexp_matches(s.content, ?))" for _ in names) + ")")
            for n in sorted(names):  # the cheap ILIKE narrows the rows the regex checks
                params += [f"%{n}%", _words_pattern(n)]
        more, values = _outlet_and_dates(outlet, since, until, prefix="s.")
        clauses += more
        params += values
        for word in (contains or "").split():
            clauses.append("s.content ILIKE ? ESCAPE '\\'")
            params.append(f"%{_literal(word)}%")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def statements(self, *, speaker: str | None = None, speaker_id: str | None = None,
                   about: str | None = None, outlet: str | None = None,
                   since: str | None = None, until: str | None = None,
                   contains: str | None = None, limit: int = 50,
                   offset: int = 0) -> list[dict[str, Any]]:
        """Statements matching every given filter, newest first, each with its channels and
        every outlet that reported it (near-duplicate and duplicate articles included).

        ``speaker`` matches a speaker's id, name or alias; ``about`` matches content naming a
        person (or any of their aliases); ``contains`` needs every word in the content.
        """
        where, params = self._statement_filters(speaker, speaker_id, about, outlet, since,
                                                until, contains)
        items = self._dicts(
            f"""SELECT s.article_id, s.id, s.kind, s.speaker_name AS speaker, s.speaker_id,
                       s.speaker_text, s.cue, s.cue_lemma, s.content, s.outlet,
                       s.published_date AS published, s.confidence, s.group_id
                FROM statements s {where}
                ORDER BY s.published_date DESC NULLS LAST, s.article_id, s.start
                LIMIT ? OFFSET ?""", params + _page(limit, offset))
        if items:
            keys = [[i["article_id"], i["id"]] for i in items]
            channels: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for aid, sid, role, text, entity in self.con.execute(
                    """SELECT c.article_id, c.statement_id, c.role, c.text, c.entity
                       FROM channels c JOIN (SELECT unnest(?::VARCHAR[][]) AS k) ON
                       c.article_id = k[1] AND c.statement_id = k[2] ORDER BY c.start""",
                    [keys]).fetchall():
                channels.setdefault((aid, sid), []).append(
                    {"role": role, "text": text, "entity": entity})
            outlets: dict[str, list[str]] = {}
            for gid, out in self.con.execute(
                    """SELECT group_id, outlet FROM statement_outlets
                       WHERE group_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY outlet""",
                    [sorted({i["group_id"] for i in items if i["group_id"]})]).fetchall():
                outlets.setdefault(gid, []).append(out)
            for i in items:
                i["channels"] = channels.get((i["article_id"], i["id"]), [])
                i["outlets"] = outlets.get(i["group_id"], [i["outlet"]] if i["outlet"] else [])
        return items

    def count_statements(self, *, speaker: str | None = None, speaker_id: str | None = None,
                         about: str | None = None, outlet: str | None = None,
                         since: str | None = None, until: str | None = None,
                         contains: str | None = None) -> int:
        """How many statements ``statements()`` would page through with these filters."""
        where, params = self._statement_filters(speaker, speaker_id, about, outlet, since,
                                                until, contains)
        return self.con.execute(f"SELECT count(*) FROM statements s {where}",
                                params).fetchone()[0]

    def errors(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Inputs that could not be analysed: id, source and a one-line reason."""
        return self._dicts("SELECT id, source, reason FROM errors ORDER BY source, id "
                           "LIMIT ? OFFSET ?", _page(limit, offset))

    def sql(self, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run any SQL on the store: column names and rows. Errors become ``StoreError``."""
        _check_texts(query=query, none=False)
        try:
            cur = self.con.execute(query)
            if cur is None or cur.description is None:  # None: no statement at all (";")
                return [], []
            return [d[0] for d in cur.description], cur.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"SQL error: {str(exc).splitlines()[0]}") from None

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every result row of every table, sorted: equal snapshots mean equal stores."""
        out = {}
        for table in RESULT_TABLES:
            rows = self.con.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out


def _outlet_and_dates(outlet: str | None, since: str | None, until: str | None,
                      prefix: str = "") -> tuple[list[str], list[Any]]:
    """SQL conditions on outlet (case-insensitive) and publication date, for articles or,
    with ``prefix="s."``, statements (which carry their article's outlet and date)."""
    _check_texts(outlet=outlet)
    clauses: list[str] = []
    params: list[Any] = []
    if outlet:
        clauses.append(f"{prefix}outlet ILIKE ? ESCAPE '\\'")
        params.append(_literal(outlet))
    if since:
        clauses.append(f"{prefix}published_date >= CAST(? AS DATE)")
        params.append(_day(since, "since"))
    if until:
        clauses.append(f"{prefix}published_date <= CAST(? AS DATE)")
        params.append(_day(until, "until"))
    return clauses, params


def _day(text: str, name: str) -> str:
    """A ``YYYY-MM-DD`` date, checked here so that a caller of the Python API gets a
    ``StoreError`` saying so rather than DuckDB's conversion error from inside the query."""
    try:
        return iso_day(text)
    except ValueError as exc:
        raise StoreError(f"{name}: {exc}") from None


def _check_texts(none: bool = True, **values: object) -> None:
    """Refuse a filter that is not a string (None too, unless ``none``) with a ``TypeError``
    naming it, rather than an AttributeError from inside the query's construction."""
    for name, value in values.items():
        if not isinstance(value, str) and not (none and value is None):
            raise TypeError(f"{name} must be a str{' or None' if none else ''}, not "
                            f"{type(value).__name__}")


def _page(limit: int | None, offset: int) -> list[Any]:
    """LIMIT and OFFSET parameters (``limit=None`` for every row), checked here so that a
    caller of the Python API gets a ``StoreError`` saying so rather than DuckDB's binder
    error from inside the query."""
    for name, value in (("limit", limit), ("offset", offset)):
        if value is None and name == "limit":
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_ROWS:
            raise StoreError(f"{name} must be a whole number from 0 to {MAX_ROWS}, "
                             f"not {value!r}")
    return [limit, offset]
