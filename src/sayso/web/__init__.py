"""sayso in the browser: a reader, a corpus explorer and an HTTP API (``sayso serve``)."""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
