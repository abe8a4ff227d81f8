"""The analysis worker process: loads the spaCy model once, then analyses one job at a time.

Analysis runs in separate processes, not threads, for two reasons: spaCy holds the GIL for much
of its work, so threads would stall the event loop and share one core; and a process that runs
past its time bound can be stopped outright, which a thread cannot.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from typing import Any

#: Message kinds a worker sends back.
READY, OK, INPUT_ERROR, FAILED = "ready", "ok", "input", "failed"


def serve(conn: Connection, model: str | None) -> None:
    """Worker main loop: ``(READY, pid)`` once loaded, then one reply per job until ``None``."""
    import os

    from ..errors import SaysoError
    from ..nlp import load_model

    try:
        load_model(model)
    except SaysoError as exc:
        conn.send((FAILED, str(exc)))
        return
    conn.send((READY, os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        conn.send(run_job(job, model))


def run_job(job: dict[str, Any], model: str | None) -> tuple[str, Any]:
    """Analyse one article given as the fields of a JSON Lines record."""
    from .. import analyze
    from ..errors import InputError

    fields = dict(job)
    html = fields.pop("html", None)
    text = fields.pop("text", None)
    body, is_html = (text, False) if text is not None else (html, True)
    try:
        article = analyze(body or "", html=is_html, model=model, **fields)
    except InputError as exc:
        return INPUT_ERROR, str(exc)
    except Exception as exc:  # noqa: BLE001 - reported to the client as one line, never a trace
        return FAILED, f"analysis failed ({type(exc).__name__}: {exc})".splitlines()[0]
    return OK, article.to_dict()
