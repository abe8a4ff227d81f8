"""Turn an ``/analyze`` request into one analysis job: the fields of a JSON Lines record.

The endpoint takes what the command line takes: plain text, HTML, a JSON object with the
JSON Lines article fields, or an uploaded file (text, HTML or a one-line JSON Lines file, in
any encoding ``sayso analyze`` reads). Everything is checked here, before a worker is used, so a
malformed request costs no analysis time.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..errors import InputError
from ..ingest import check_unicode, decode, read_bytes
from ..model import RawArticle

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
CONTENT_TYPES = ("text/plain", "text/html", "application/json", *JSONL_TYPES, *FORM_TYPES)


class ArticleIn(BaseModel):
    """An article as JSON: the JSON Lines fields of ``sayso analyze`` (``text`` or ``html``)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    id: str = "article"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] | str = []


class RequestError(Exception):
    """A request that cannot become a job, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _job(raw: RawArticle) -> dict[str, Any]:
    """The job for one article; strings that are not text are refused here, before a worker
    is used (see ``ingest.check_unicode``)."""
    try:
        check_unicode(raw)
    except InputError as exc:
        raise RequestError(422, str(exc)) from None
    job: dict[str, Any] = {"id": raw.id, "source": raw.source, "title": raw.title,
                           "url": raw.url, "outlet": raw.outlet, "published": raw.published,
                           "authors": list(raw.authors), "warnings": list(raw.warnings)}
    job["text" if raw.text is not None else "html"] = raw.text if raw.text is not None \
        else raw.html
    return job


def from_json(data: bytes) -> dict[str, Any]:
    """A job from a JSON object with ``text`` or ``html`` and optional metadata."""
    try:
        obj = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RequestError(422, f"malformed JSON: {exc}".splitlines()[0]) from None
    if not isinstance(obj, dict):
        raise RequestError(422, "the JSON body must be an object with 'text' or 'html'")
    try:
        article = ArticleIn.model_validate(obj)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "body"
        raise RequestError(422, f"{where}: {err['msg']}") from None
    if (article.text is None) == (article.html is None):
        raise RequestError(422, "give exactly one of 'text' or 'html'")
    authors = [article.authors] if isinstance(article.authors, str) else article.authors
    return _job(RawArticle(id=article.id, text=article.text, html=article.html,
                           title=article.title, url=article.url, outlet=article.outlet,
                           published=article.published, authors=authors))


def from_body(data: bytes, html: bool) -> dict[str, Any]:
    """A job from a ``text/plain`` or ``text/html`` body, in any encoding sayso reads."""
    try:
        text = decode(data, "request body")
    except InputError as exc:
        raise RequestError(422, str(exc)) from None
    raw = RawArticle(id="article", html=text) if html else RawArticle(id="article", text=text)
    return _job(raw)


def _single(data: bytes, name: str, suffix: str) -> dict[str, Any]:
    """The one article in a file's bytes, read as ``sayso analyze`` reads such a file."""
    found = list(read_bytes(data, name, suffix))
    articles = [r for r in found if isinstance(r, RawArticle)]
    if not articles:
        reason = found[0].reason if found else f"{name}: no article in the file"
        raise RequestError(422, reason)
    if len(found) > 1:
        raise RequestError(422, f"{name}: holds {len(found)} articles; /analyze takes one "
                                f"(use `sayso run` for a corpus)")
    return _job(articles[0])


async def from_upload(upload: UploadFile) -> dict[str, Any]:
    """A job from an uploaded file: text in any encoding, HTML or one JSON Lines record."""
    name = PurePath(upload.filename or "upload").name or "upload"
    return _single(await upload.read(), name, PurePath(name).suffix.lower())


async def read_job(request: Request) -> dict[str, Any]:
    """The analysis job a request asks for, or ``RequestError``."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in FORM_TYPES:
        async with request.form(max_files=1, max_fields=4) as form:  # closes the upload
            upload, text = form.get("file"), form.get("text")
            if isinstance(upload, UploadFile):
                return await from_upload(upload)
            if isinstance(text, str):
                return _job(RawArticle(id="article", text=text))
        raise RequestError(422, "the form needs a 'file' or a 'text' field")
    if ctype not in CONTENT_TYPES:
        raise RequestError(415, f"unsupported content type {ctype or '(none)'!r}; send "
                                f"{', '.join(CONTENT_TYPES)}")
    data = await request.body()
    if ctype == "application/json":
        return from_json(data)
    if ctype in JSONL_TYPES:
        return _single(data, "request body", ".jsonl")
    return from_body(data, html=ctype == "text/html")
