"""The sayso web app: the reader and explorer pages, ``POST /analyze`` and the corpus API.

``create_app(Settings(...))`` builds one app; ``sayso serve`` runs it under uvicorn. Pages and
their assets are files of this package served by the app itself (no CDN), and the API docs
(``/docs``) use the Swagger UI that ``fastapi-offline`` ships, so everything works offline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.requests import ClientDisconnect
from fastapi_offline import FastAPIOffline

from .. import __version__
from ..errors import SaysoError
from . import corpus
from .inputs import ArticleIn, RequestError, read_job
from .limits import BodyLimit
from .pool import AnalysisFailed, AnalysisPool, AnalysisTimeout, Busy, InputRejected
from .settings import Settings

STATIC = Path(__file__).parent / "static"
EXAMPLE = "harbour-strike.txt"

#: Pages run only the app's own scripts and styles: a second line of defence behind escaping.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

ANALYZE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string",
                                             "description": "one JSON Lines record"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary",
                     "description": "a text, HTML or one-line JSON Lines file"},
            "text": {"type": "string"}}}},
    },
}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def create_app(settings: Settings | None = None) -> FastAPIOffline:
    """Build the app; opens the store now, so a bad store fails before the server starts."""
    settings = settings or Settings()
    reader = corpus.StoreReader(settings.store) if settings.store else None
    pool = AnalysisPool(settings.workers, settings.queue, settings.timeout, settings.model)

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.close()
            if reader:
                reader.close()

    app = FastAPIOffline(
        title="sayso", version=__version__, lifespan=lifespan, static_url="/docs-assets",
        description="Who said what, according to whom: attributed statements from news "
                    "articles. `POST /analyze` returns the `sayso/article@1` contract; the "
                    "corpus routes need `sayso serve --store FILE`.")
    app.state.settings, app.state.pool, app.state.store = settings, pool, reader
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(corpus.router)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        return _error(422, f"{where}: {err.get('msg', 'invalid value')}")

    @app.exception_handler(SaysoError)
    async def sayso_error(_: Request, exc: SaysoError) -> JSONResponse:
        return _error(500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(exc).__name__}")

    @app.api_route("/", include_in_schema=False, methods=["GET", "HEAD"])
    def reader_page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    @app.api_route("/explore", include_in_schema=False, methods=["GET", "HEAD"])
    def explorer_page() -> FileResponse:
        return FileResponse(STATIC / "explore.html", headers=PAGE_HEADERS)

    @app.get("/example", tags=["analysis"], summary="The example article bundled with sayso")
    def example() -> dict[str, str]:
        """A fictional article to try the reader on."""
        text = resources.files("sayso").joinpath("examples", EXAMPLE).read_text(encoding="utf-8")
        return {"id": Path(EXAMPLE).stem, "text": text}

    @app.get("/health", tags=["analysis"], summary="Workers, queue and store")
    def health() -> dict[str, Any]:
        """Analysis workers ready and busy, requests queued, and whether a store is open."""
        return {"version": __version__, "analysis": pool.stats(),
                "store": str(reader.path) if reader else None,
                "limits": {"max_body": settings.max_body, "timeout": settings.timeout}}

    # HEAD for uptime monitors, left out of the OpenAPI document: one route with both methods
    # gave both operations the same operationId, which OpenAPI forbids.
    app.add_api_route("/health", health, methods=["HEAD"], include_in_schema=False)

    @app.post("/analyze", tags=["analysis"], summary="Analyse one article",
              openapi_extra={"requestBody": ANALYZE_BODY},
              responses={413: {"description": "body over the size limit"},
                         415: {"description": "unsupported content type"},
                         422: {"description": "input that cannot be analysed"},
                         503: {"description": "busy: retry after the Retry-After seconds"},
                         504: {"description": "analysis took longer than the time bound"}})
    async def analyze(request: Request) -> JSONResponse:
        """Find who said what in one article: plain text, HTML, a JSON object with the JSON
        Lines fields (``text`` or ``html``, ``id``, ``title``, ``url``, ``outlet``,
        ``published``, ``authors``) or an uploaded file. Returns ``sayso/article@1``."""
        try:
            job = await read_job(request)
            return JSONResponse(await pool.analyze(job))
        except ClientDisconnect:  # nobody to answer: not a server error, so no traceback
            return _error(400, "the client went away before sending the whole body")
        except RequestError as exc:
            return _error(exc.status, str(exc))
        except InputRejected as exc:
            return _error(422, str(exc))
        except Busy as exc:
            return _error(503, str(exc), {"Retry-After": str(exc.retry_after)})
        except AnalysisTimeout as exc:
            return _error(504, str(exc))
        except AnalysisFailed as exc:
            return _error(500, str(exc))

    return app
