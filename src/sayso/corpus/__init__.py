"""Corpus runs: analyse many articles into a queryable store (``sayso run``, docs/store.md).

``Store`` is the query API the command line and the web app share; ``run`` fills a store.
"""

from .store import Store

__all__ = ["Store"]
