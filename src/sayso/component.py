"""sayso's spaCy components, registered as factories ``sayso``, ``sayso_paragraphs``,
``sayso_lemmas`` and ``sayso_casing``.

``nlp.add_pipe("sayso")`` on any English pipeline with a tagger, lemmatizer, parser and NER
adds the whole analysis: ``doc._.statements`` (list of ``Statement``), ``doc._.sayso_entities``,
``doc._.chrome``, ``doc._.credits`` and ``doc._.sayso_warnings``. The stages run in the order
of ``STAGES``, each a module with one job, all reading and refining one ``Analysis``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Token

from . import casing, channels, chrome, cues, entities, lemmas, output, quotes, speakers
from .analysis import Analysis
from .cues.edges import EdgeModel, load_edges
from .cues.learned import CueScorer, load_scorer
from .cues.spans import breaks_line_after
from .errors import ModelError
from .model import Channel, Chrome, Content, Cue, Entity, Speaker, Statement

#: The analysis stages after parsing, in order: each takes (doc, analysis) and refines analysis.
STAGES = (quotes.mark, cues.attribute, speakers.resolve, channels.attach, entities.link,
          output.finish)

_EXTENSIONS = ("statements", "sayso_entities", "chrome", "credits", "sayso_warnings",
               "as_written")


def _register_extensions() -> None:
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


#: The records the extensions hold, by name, for ``Doc.to_bytes``: spaCy packs a Doc's
#: extension values with srsly's msgpack (``DocBin``, ``nlp.pipe(n_process=...)``), which knows
#: only plain values until it is given an encoder and a decoder for them.
_RECORDS = {cls.__name__: cls for cls in (Statement, Speaker, Cue, Content, Channel, Entity,
                                          Chrome)}
#: Fields that hold (start, end) pairs; msgpack hands every sequence back as a list (a tuple
#: in ``DocBin``), and the records' other sequences are lists.
_PAIRS = ("spans", "mentions")


@srsly.msgpack_encoders("sayso")
def _encode_record(obj: Any, chain: Any = None) -> Any:
    if _RECORDS.get(type(obj).__name__) is type(obj):
        return {"__sayso__": type(obj).__name__,
                **{f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("sayso")
def _decode_record(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and obj.get("__sayso__") in _RECORDS:
        values = {k: [tuple(p) for p in v] if k in _PAIRS else
                  list(v) if isinstance(v, tuple) else v
                  for k, v in obj.items() if k != "__sayso__"}
        return _RECORDS[obj["__sayso__"]](**values)
    return obj if chain is None else chain(obj)


class Sayso:
    """Finds attributed statements in a parsed Doc, with the learned cue scorer and content
    edges when the package ships them (``learned=False`` runs the rules alone)."""

    def __init__(self, learned: bool = True, cue_scorer: CueScorer | None = None,
                 edge_model: EdgeModel | None = None):
        self.cue_scorer = cue_scorer or (load_scorer() if learned else None)
        self.edge_model = edge_model or (load_edges() if learned else None)

    def __call__(self, doc: Doc) -> Doc:
        _check_annotations(doc)
        if doc._.chrome is None:  # added to a user's pipeline: chrome was not blanked beforehand
            doc._.chrome = chrome.find_chrome(doc.text)
            doc._.credits = chrome.credits(doc.text, doc._.chrome)
        analysis = Analysis.for_doc(doc, self.cue_scorer, self.edge_model)
        for stage in STAGES:
            stage(doc, analysis)
        return doc


#: What the analysis reads from the pipeline before it, and the components that give it. Cues
#: are looked up by lemma and part of speech, and speakers resolved through named entities:
#: without them the analysis finds nothing, or leaves "she" unresolved, without a word of why.
_ANNOTATIONS = (("DEP", "a dependency parse", "a parser"),
                ("POS", "part-of-speech tags", "a tagger and an attribute_ruler"),
                ("LEMMA", "lemmas", "a lemmatizer"),
                ("ENT_IOB", "named entities", "an entity recognizer (ner)"))


def _check_annotations(doc: Doc) -> None:
    """Refuse a Doc its pipeline did not give all sayso reads, in one line (spaCy can even
    crash walking a tree that is not there). Every token needs its lemma: an attribute_ruler
    alone lemmatises a few words."""
    for attr, what, component in _ANNOTATIONS:
        if not doc.has_annotation(attr, require_complete=attr == "LEMMA"):
            raise ModelError(f"sayso needs {what}, which this pipeline does not give: add "
                             f"the 'sayso' component after {component}")


class ParagraphBoundaries:
    """Starts a sentence after every line break, and at a quotation that opens after a full
    stop, before the parser runs.

    Scraped and extracted news text puts one paragraph per line; without this the parser
    sometimes runs a sentence across a paragraph break, and a quote's cue is then looked for in
    the wrong paragraph. Likewise it often leaves an opening mark at the end of the sentence
    before (". ''It was ..."), where the quotation then seems to belong to that sentence's cue.
    """

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if not token.is_space and breaks_line_after(prev):
                token.is_sent_start = True
            elif _opens_quote_after_stop(token, prev):
                token.is_sent_start = True
                for inner in doc[token.i + 1:_first_word(token) + 1]:
                    inner.is_sent_start = False  # the mark starts the sentence
        return doc


#: Marks that open a quotation ("''" and "``" are typewriter doubles).
_OPENING_MARKS = frozenset({"“", '"', "''", "``", "«", "„"})
#: Marks that open a quotation nested right inside another ("''‘Not yet,’ she told me").
_NESTED_MARKS = frozenset({"'", "‘"})


def _first_word(mark: Token) -> int:
    """The index of the token after an opening mark and any nested mark written against it."""
    i = mark.i + 1
    while i < len(mark.doc) - 1 and mark.doc[i].text in _NESTED_MARKS and \
            not mark.doc[i - 1].whitespace_:
        i += 1
    return i


def _opens_quote_after_stop(token: Token, prev: Token) -> bool:
    """An opening mark written against its first word (or a nested mark), after a sentence's
    final stop and a space: ". “We ...", ". ''We ..." and ". ''‘We ..." but not the closing
    mark in "..., ''he said"."""
    return token.text in _OPENING_MARKS and not token.whitespace_ and \
        prev.text in (".", "?", "!") and bool(prev.whitespace_) and token.i + 1 < len(token.doc) \
        and token.doc[_first_word(token)].is_alpha


class WrittenCase:
    """Gives a Doc parsed with its headlines in sentence case (``doc._.as_written`` holds the
    text as written) the letters of the article back, keeping the parse."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.as_written is None:
            return doc
        restored = casing.restore(doc, doc._.as_written)
        restored._.as_written = None
        return restored


@Language.factory("sayso", default_config={"learned": True})
def make_sayso(nlp: Language, name: str, learned: bool) -> Sayso:
    _register_extensions()
    return Sayso(learned=learned)


@Language.factory("sayso_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    _register_extensions()
    return ParagraphBoundaries()


class SpellingLemmas:
    """Repairs the verb lemmas the rule lemmatizer misreads ("hoped" as "hop"), with that
    lemmatizer's own index of verbs. The index is read at the first Doc, not at construction: a
    pipeline loaded from disk builds its components before it fills their lookups."""

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self._known_verbs: frozenset[str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._known_verbs is None:
            lookups = getattr(self.lemmatizer, "lookups", None)
            index = lookups.get_table("lemma_index") \
                if lookups is not None and lookups.has_table("lemma_index") else {}
            self._known_verbs = frozenset(index.get("verb", ()))
        return lemmas.repair(doc, self._known_verbs)


@Language.factory("sayso_lemmas")
def make_lemmas(nlp: Language, name: str) -> SpellingLemmas:
    """Without a rule lemmatizer in the pipeline there is nothing to repair."""
    return SpellingLemmas(nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None)


@Language.factory("sayso_casing")
def make_casing(nlp: Language, name: str) -> WrittenCase:
    _register_extensions()
    return WrittenCase()


_register_extensions()
