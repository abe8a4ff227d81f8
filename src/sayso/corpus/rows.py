"""Flatten analysed articles into the store's table rows, column by column.

Workers call these functions so that the one process allowed to write to DuckDB only appends
ready-made columns: building rows is the costly part and runs in parallel, inserting an Arrow
table of them is nearly free. The column lists here are the store's schema (docs/store.md).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from ..model import Article, Failure, RawArticle

#: Columns of each table written per article, in the order of ``schema.sql``.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "text_hash", "source", "title", "outlet", "published", "published_date",
                 "url", "authors", "n_statements", "duplicate_of", "minhash", "doc"),
    "statements": ("article_id", "id", "kind", "speaker_text", "speaker_name", "speaker_entity",
                   "cue", "cue_lemma", "content", "start", "end", "confidence", "outlet",
                   "published_date"),
    "entities": ("article_id", "id", "name", "type", "aliases", "descriptors", "mentions"),
    "channels": ("article_id", "statement_id", "role", "text", "entity", "start", "end"),
    "errors": ("id", "source", "reason", "text_hash"),
}

Batch = dict[str, dict[str, list[Any]]]


def empty_batch() -> Batch:
    """A batch with every table and no rows."""
    return {table: {col: [] for col in cols} for table, cols in COLUMNS.items()}


def batch_size(batch: Batch) -> int:
    """Number of articles and errors in a batch."""
    return len(batch["articles"]["id"]) + len(batch["errors"]["id"])


def merge(into: Batch, other: Batch) -> None:
    """Append every row of ``other`` to ``into``."""
    for table, cols in other.items():
        for col, values in cols.items():
            into[table][col].extend(values)


def text_hash(raw: RawArticle) -> str:
    """The hash that identifies an article's input: same text, same hash, analysed once."""
    body = raw.text if raw.text is not None else (raw.html or "")
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def parse_date(value: str | None) -> date | None:
    """The calendar day of an ISO-like ``published`` value, or None when it has none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _append(batch: Batch, table: str, row: dict[str, Any]) -> None:
    for col in COLUMNS[table]:
        batch[table][col].append(row.get(col))


def add_article(batch: Batch, article: Article, text_hash: str,
                minhash: bytes | None) -> None:
    """Rows of one analysed article: the article, its statements, entities and channels."""
    day = parse_date(article.published)
    _append(batch, "articles", {
        "id": article.id, "text_hash": text_hash, "source": article.source,
        "title": article.title, "outlet": article.outlet, "published": article.published,
        "published_date": day, "url": article.url, "authors": list(article.authors),
        "n_statements": len(article.statements), "minhash": minhash,
        "doc": json.dumps(article.to_dict(), ensure_ascii=False)})
    for s in article.statements:
        sp = s.speaker
        _append(batch, "statements", {
            "article_id": article.id, "id": s.id, "kind": s.kind,
            "speaker_text": sp.text if sp else None, "speaker_name": sp.name if sp else None,
            "speaker_entity": sp.entity if sp else None,
            "cue": s.cue.text if s.cue else None, "cue_lemma": s.cue.lemma if s.cue else None,
            "content": s.content.text, "start": s.content.start, "end": s.content.end,
            "confidence": round(s.confidence, 3), "outlet": article.outlet,
            "published_date": day})
        for c in s.channels:
            _append(batch, "channels", {
                "article_id": article.id, "statement_id": s.id, "role": c.role,
                "text": c.text, "entity": c.entity, "start": c.start, "end": c.end})
    for e in article.entities:
        _append(batch, "entities", {
            "article_id": article.id, "id": e.id, "name": e.name, "type": e.type,
            "aliases": list(e.aliases), "descriptors": list(e.descriptors),
            "mentions": len(e.mentions)})


def add_duplicate(batch: Batch, raw: RawArticle, text_hash: str, original: str) -> None:
    """The row of an article whose text was already stored under another id: not re-analysed."""
    _append(batch, "articles", {
        "id": raw.id, "text_hash": text_hash, "source": raw.source, "title": raw.title,
        "outlet": raw.outlet, "published": raw.published,
        "published_date": parse_date(raw.published), "url": raw.url,
        "authors": list(raw.authors), "n_statements": 0, "duplicate_of": original})


def add_error(batch: Batch, failure: Failure, text_hash: str | None = None) -> None:
    """The error row of an input that could not be analysed."""
    _append(batch, "errors", {"id": failure.id, "source": failure.source,
                              "reason": failure.reason, "text_hash": text_hash})
