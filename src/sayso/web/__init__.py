"""sayso in the browser: a reader, a corpus explorer and an HTTP API (``sayso serve``).

``create_app`` is imported on first use, so that building the command line (which reads only
the settings) does not load FastAPI.
"""

from __future__ import annotations

from typing import Any

from .settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module 'sayso.web' has no attribute {name!r}")
