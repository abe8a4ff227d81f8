"""``sayso serve``: the reader, the corpus explorer and the HTTP API under uvicorn."""

from __future__ import annotations

import argparse
import socket
import sys

from ..errors import EXIT_OK, ModelError, UsageError
from .options import add_model_option, whole


def register(subparsers: argparse._SubParsersAction) -> None:
    from ..web.settings import LEAST, MAX_TIMEOUT, Settings, default_workers

    defaults = Settings()
    p = subparsers.add_parser(
        "serve", help="serve the reader, corpus explorer and HTTP API",
        description="Serve the article reader, the corpus explorer (with --store) and the HTTP "
                    "API (OpenAPI docs at /docs). Binds to 127.0.0.1 unless --host says.")
    p.add_argument("--store", metavar="FILE", help="DuckDB corpus store to explore (read-only)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
    p.add_argument("--port", type=whole(1, 65535), default=8000, help="port (default 8000)")
    add_model_option(p)
    p.add_argument("--workers", type=whole(LEAST["workers"]), default=default_workers(),
                   metavar="N",
                   help="analysis processes, each with its own model (default: one per core)")
    p.add_argument("--queue", type=whole(LEAST["queue"]), default=defaults.queue, metavar="N",
                   help=f"analyses allowed to wait for a worker before 503 (default "
                        f"{defaults.queue})")
    p.add_argument("--max-body", type=whole(LEAST["max_body"]), default=defaults.max_body,
                   metavar="BYTES",
                   help=f"largest request body; larger gets 413 (default {defaults.max_body:,})")
    p.add_argument("--timeout", type=_seconds, default=defaults.timeout, metavar="SECONDS",
                   help=f"time bound of one analysis, at most {MAX_TIMEOUT:,}; past it 504 "
                        f"(default {defaults.timeout:g})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    import uvicorn

    from ..web import Settings, create_app

    _check_model(args.model)
    settings = Settings(store=Path(args.store) if args.store else None, model=args.model,
                        workers=args.workers, queue=args.queue, max_body=args.max_body,
                        timeout=args.timeout)
    app = create_app(settings)  # a bad store fails here, as one line with exit code 5
    sock = _listen(args.host, args.port)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"sayso: serving on http://{host}:{args.port}/ (API docs at /docs); Ctrl-C stops",
          file=sys.stderr)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    return EXIT_OK


def _seconds(text: str) -> float:
    """An argparse type for ``--timeout``, held to the rule of ``Settings.timeout``."""
    from ..web.settings import check_timeout

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    try:
        return check_timeout(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _listen(host: str, port: int) -> socket.socket:
    """Bind the listening socket before serving, so a taken port is one clear line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def _check_model(name: str | None) -> None:
    """Refuse a model that is neither an installed package nor a folder, before serving:
    the workers load it in the background, where a typo would only show on the first request."""
    from pathlib import Path

    import spacy.util

    from ..nlp import DEFAULT_MODEL

    name = name or DEFAULT_MODEL
    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise ModelError(f"cannot load spaCy pipeline {name!r}: no installed package or folder "
                         f"of that name")
