"""sayso: who said what, according to whom.

``sayso.analyze(text_or_html)`` returns an ``Article`` with its attributed statements;
``nlp.add_pipe("sayso")`` adds the same analysis to any English spaCy pipeline.
"""

from .api import analyze, analyze_records
from .model import (Article, Channel, Chrome, Content, Cue, Entity, Failure, RawArticle,
                    Speaker, Statement)
from .nlp import load_model

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_records", "load_model", "Article", "Channel", "Chrome", "Content",
           "Cue", "Entity", "Failure", "RawArticle", "Speaker", "Statement", "__version__"]
