"""Glue between ``RawArticle`` records, the spaCy pipeline and ``Article`` results.

Chrome is found on the raw text before parsing and blanked out (same length, so every offset
still points into the text as given): the parser then never glues a "WATCH: ..." teaser to the
sentence before it. Title Case headlines are parsed in sentence case and get their letters back
after parsing (``casing``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import casing, chrome
from .model import Article, RawArticle


def prepare_doc(nlp: Language, raw: RawArticle) -> Doc:
    """A tokenised Doc of the article with its chrome found and blanked and its headlines in
    sentence case, ready for ``nlp.pipe`` (whose ``sayso_casing`` puts the letters back)."""
    text = raw.text or ""
    found = chrome.find_chrome(text)
    blanked = chrome.blank(text, found)
    cased = casing.sentence_cased(blanked)
    doc = nlp.make_doc(cased)
    if cased != blanked:
        doc._.as_written = blanked
    doc._.chrome = found
    doc._.credits = chrome.credits(text, found)
    return doc


def to_article(raw: RawArticle, doc: Doc) -> Article:
    """The ``Article`` for a record whose Doc went through the sayso component."""
    return Article(
        id=raw.id, text=raw.text or "", source=raw.source, title=raw.title, outlet=raw.outlet,
        published=raw.published, url=raw.url, authors=list(raw.authors),
        chrome=list(doc._.chrome or []), credits=list(doc._.credits or []),
        entities=list(doc._.sayso_entities or []), statements=list(doc._.statements or []),
        warnings=list(raw.warnings) + list(doc._.sayso_warnings or []),
    )
