"""Read-only routes over a corpus store: articles, speakers, statements and the speaker network.

Queries go through the store's own query API (``sayso.corpus.Store``), so the web app filters
exactly as ``sayso statements`` does. The two questions it does not answer, which outlets relayed
a speaker (``via`` channels) and who speaks about whom, are asked here in SQL over the tables
documented in docs/store.md. DuckDB connections are not safe to share between threads, and
FastAPI runs these handlers in a thread pool, so every query holds the reader's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request

from ..corpus import Store
from ..query_args import MAX_ROWS

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
#: DuckDB takes OFFSET as a BIGINT: a larger offset would fail in the query as a 500.
Offset = Annotated[int, Query(ge=0, le=MAX_ROWS, description="items to skip")]
Day = Annotated[date | None, Query(description="ISO date, YYYY-MM-DD")]


class StoreReader:
    """A store opened read-only, with a lock so that one query runs at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path, read_only=True)
        self._lock = threading.Lock()

    def run(self, query: Callable[[Store], T]) -> T:
        with self._lock:
            return query(self.store)

    def close(self) -> None:
        self.store.close()


def _reader(request: Request) -> StoreReader:
    reader = request.app.state.store
    if reader is None:
        raise HTTPException(404, "no corpus store: start the server with "
                                 "`sayso serve --store corpus.duckdb`")
    return reader


def _page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """A page of results; ``items`` holds up to ``limit + 1`` rows to tell if more follow."""
    more = len(items) > limit
    page: dict[str, Any] = {"items": items[:limit], "limit": limit, "offset": offset,
                            "next_offset": offset + limit if more else None}
    if total is not None:
        page["total"] = total
    return page


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


router = APIRouter(tags=["corpus"])


@router.get("/corpus", summary="What the store holds")
def corpus_summary(request: Request) -> dict[str, Any]:
    """Counts of articles, duplicates, statements, speakers and errors, and the outlets."""
    def query(store: Store) -> dict[str, Any]:
        summary = store.summary()
        _, rows = store.sql("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
                            "GROUP BY outlet ORDER BY 2 DESC, 1")
        summary["outlets"] = [{"outlet": o, "articles": n} for o, n in rows]
        return summary
    return _reader(request).run(query)


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(request: Request, outlet: str | None = None, since: Day = None,
                  until: Day = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Articles without their text; ``outlet`` matches case-insensitively."""
    def query(store: Store) -> dict[str, Any]:
        items = store.articles(outlet=outlet, since=_iso(since), until=_iso(until),
                               limit=limit + 1, offset=offset)
        total = store.count_articles(outlet=outlet, since=_iso(since), until=_iso(until))
        return _page(items, limit, offset, total)
    return _reader(request).run(query)


@router.get("/articles/{article_id:path}", summary="One stored article (sayso/article@1)")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The analysed article as ``sayso/article@1``; a duplicate gives its original."""
    article = _reader(request).run(lambda store: store.article(article_id))
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article.to_dict()


@router.get("/speakers", summary="Most quoted speakers, with counts by outlet")
def list_speakers(request: Request, outlet: str | None = None, since: Day = None,
                  limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Speakers by number of statements, each with its statements per outlet."""
    items = _reader(request).run(lambda store: store.speakers(
        outlet=outlet, since=_iso(since), limit=limit + 1, offset=offset))
    return _page(items, limit, offset)


def _relays(store: Store, speaker_id: str) -> list[dict[str, Any]]:
    """Outlets and intermediaries a speaker's statements were relayed ``via``, most first."""
    rows = store.con.execute(
        """SELECT c.text, count(*) AS n FROM channels c JOIN statements s
           ON s.article_id = c.article_id AND s.id = c.statement_id
           WHERE s.speaker_id = ? AND c.role = 'via' GROUP BY c.text ORDER BY n DESC, c.text
           LIMIT 20""", [speaker_id]).fetchall()
    return [{"via": text, "statements": n} for text, n in rows]


@router.get("/speakers/{speaker_id:path}", summary="One speaker: outlets, timeline, statements")
def get_speaker(request: Request, speaker_id: str,
                limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    """A speaker by id (or name), with statements per outlet and per month, the channels that
    relayed them and the latest statements."""
    def query(store: Store) -> dict[str, Any] | None:
        found = store.speaker(speaker_id, limit=limit)
        if found is not None:
            found["relays"] = _relays(store, found["id"])
        return found
    found = _reader(request).run(query)
    if found is None:
        raise HTTPException(404, f"no speaker matching {speaker_id!r}")
    return found


@router.get("/statements", summary="Search statements")
def list_statements(request: Request, speaker: str | None = None, about: str | None = None,
                    outlet: str | None = None, since: Day = None, until: Day = None,
                    contains: str | None = None, limit: Limit = 50,
                    offset: Offset = 0) -> dict[str, Any]:
    """Statements matching every filter, as ``sayso statements`` takes them: ``speaker`` (id,
    name or alias), ``about`` (a person named in the content), ``outlet``, ``since``/``until``
    and ``contains`` (every word)."""
    filters = {"speaker": speaker, "about": about, "outlet": outlet, "since": _iso(since),
               "until": _iso(until), "contains": contains}

    def query(store: Store) -> dict[str, Any]:
        items = store.statements(**filters, limit=limit + 1, offset=offset)
        return _page(items, limit, offset, store.count_statements(**filters))
    return _reader(request).run(query)


NETWORK_SQL = """
WITH top AS (
    SELECT speaker_id, count(*) AS n FROM statements WHERE speaker_id IS NOT NULL
    GROUP BY speaker_id ORDER BY n DESC, speaker_id LIMIT ?)
SELECT s.speaker_id AS source, coalesce(e.speaker_id, lower(e.type) || ':' || e.name) AS target,
       any_value(e.name) AS target_name, any_value(e.type) AS target_type,
       count(DISTINCT (s.article_id, s.id)) AS statements,
       bool_or(e.speaker_id IS NOT NULL) AS linked
FROM statements s JOIN top USING (speaker_id)
JOIN entities e ON e.article_id = s.article_id
WHERE e.speaker_id IS DISTINCT FROM s.speaker_id
  AND e.id IS DISTINCT FROM s.speaker_entity
  AND (contains(s.content, e.name)
       OR EXISTS (SELECT 1 FROM unnest(e.aliases) AS t(alias)
                  WHERE length(alias) > 2 AND contains(s.content, alias)))
GROUP BY ALL ORDER BY statements DESC, source, target LIMIT ?
"""


@router.get("/network", summary="Who speaks about whom")
def network(request: Request,
            speakers: Annotated[int, Query(ge=1, le=100)] = 12,
            edges: Annotated[int, Query(ge=1, le=500)] = 60) -> dict[str, Any]:
    """The most quoted speakers linked to the people, organisations and places their
    statements mention, weighted by the number of statements."""
    def query(store: Store) -> dict[str, Any]:
        rows = store.con.execute(NETWORK_SQL, [speakers, edges]).fetchall()
        weight: dict[str, int] = {}
        for row in rows:
            weight[row[0]] = weight.get(row[0], 0) + row[4]
        ids = sorted(weight, key=lambda i: (-weight[i], i))
        names = dict(store.con.execute(
            "SELECT id, name FROM speakers WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()) if ids else {}
        return {
            "speakers": [{"id": i, "name": names.get(i, i)} for i in ids],
            "links": [{"source": s, "target": t, "target_name": n, "target_type": ty,
                       "statements": c, "linked": k} for s, t, n, ty, c, k in rows]}
    return _reader(request).run(query)
