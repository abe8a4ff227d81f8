"""Records set off after the clause they report ("..., county records show."): the parser
reads the plural noun and its verb as a compound noun ("records show" as a kind of show) or
hangs them anywhere in the clause, so the frame is read from the words as written."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..analysis import Draft
from ..lexicon import RECORD_NOUNS, RECORD_VERB_FORMS
from .spans import to_spans
from .words import FINITE_TAGS

#: How many words a frame's noun phrase may hold ("Federal Election Commission records").
_LONGEST_FRAME = 12
#: Tags of a finite verb or modal: a frame's noun phrase holds none of them.
_FINITE_TAGS = FINITE_TAGS | {"MD"}


def record_frame(token: Token) -> Draft | None:
    """"The ferry sailed 216 hours, county records show.", "During that stretch, records show,
    the ferry sailed ...": a finding verb right after a plural record noun, between a comma and
    the end of the sentence or another comma, reports the rest of its sentence, with the
    words between the comma and the verb as its source. Read only where the parse gives the
    verb no clause of its own (a verb with its clause is read as any other). In PolNeAR's kept
    training articles 12 of the 13 such frames, however parsed, attribute the clause."""
    if token.lower_ not in RECORD_VERB_FORMS or (
            token.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in token.children)):
        return None
    sent = token.sent
    if token.i + 1 < sent.end and token.doc[token.i + 1].text not in (",", ".", ")"):
        return None
    frame = _frame_phrase(token)
    record = _record(frame) if frame is not None else None
    if record is None:
        return None
    before = range(sent.start, frame.start - 1)
    after = range(token.i + 2, sent.end) if token.i + 1 < sent.end and \
        token.doc[token.i + 1].text == "," else range(0)
    if after and token.doc[after[0]].pos_ == "CCONJ":
        after = range(0)  # "..., records show, and experts say ...": a clause of its own
    spans = to_spans(token.doc, [*before, *after])
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1], cue_lemma=token.lower_,
                 subject=record, speaker=frame, confidence=0.6, act="thought")


def _frame_phrase(verb: Token) -> Span | None:
    """The words between the verb and the comma before it, if a comma opens them within a
    noun phrase's length and no conjunction comes just before the comma ("... and, records
    show, did not ...": a frame inside a coordination, whose clause is only part of it)."""
    doc, start = verb.doc, verb.i
    while start > verb.sent.start and verb.i - start < _LONGEST_FRAME and \
            doc[start - 1].text != ",":
        start -= 1
    comma = start - 1
    if start == verb.i or comma < verb.sent.start or doc[comma].text != "," or \
            (comma > verb.sent.start and doc[comma - 1].pos_ == "CCONJ"):
        return None
    return doc[start:verb.i]


def _record(frame: Span) -> Token | None:
    """The record noun of a frame's words, which hold no finite verb or punctuation: the
    parser may tag the noun itself a verb ("records" as "records a song")."""
    record = next((t for t in reversed(frame) if t.lemma_.lower() in RECORD_NOUNS and
                   (t.lower_.endswith("s") or t.lower_ == "data")), None)
    if record is None or any(t.is_punct or (t.tag_ in _FINITE_TAGS and t is not record)
                             for t in frame):
        return None
    return record
