"""sayso: who said what, according to whom.

``sayso.analyze(text_or_html)`` returns an ``Article`` with its attributed statements;
``sayso.analyze_records(records)`` analyses a stream of ``RawArticle`` records in batches;
``nlp.add_pipe("sayso")`` adds the same analysis to any English spaCy pipeline with a tagger,
lemmatizer, parser and NER; ``sayso.corpus.Store`` queries a corpus built by ``sayso run``.
Errors a caller can act on are ``sayso.errors.SaysoError`` subclasses with one-line messages;
arguments of the wrong type raise ``TypeError``.

The analysis functions are imported on first use, so that commands which only query a store do
not pay for loading spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

from .model import (Article, Channel, Chrome, Content, Cue, Entity, Failure, RawArticle,
                    Speaker, Statement)

__version__ = "0.1.0"

_LAZY = {"analyze": ".api", "analyze_records": ".api", "load_model": ".nlp"}

__all__ = ["analyze", "analyze_records", "load_model", "Article", "Channel", "Chrome", "Content",
           "Cue", "Entity", "Failure", "RawArticle", "Speaker", "Statement", "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")
