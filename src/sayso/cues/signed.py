"""Quotations signed after a dash: “The ferry is late every morning.” ― Mara Lindqvist.

Round-ups of readers' and voters' views, epigraphs and reposted comments print a quotation on
a line of its own and sign it after a dash, with no verb of saying: the name after the dash is
the speaker and the dash the cue, as annotators mark it. Read without this, the quotations float
and are given to whoever spoke last. Only a quotation that opens its line, and a signature that
closes the line where the quotation ends, count; the signature is a name (a person by the
entity recogniser, or a run of capitalised words), alone or with what the writer adds after a
comma or in brackets ("― Ida Berg, 41, nurse", "— Tom Hale (@tomhale)").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis, Draft
from ..chrome import DASHES
from ..quotes import Quote
from .spans import breaks_line_after

#: At most this many words in a signature, name and additions together.
MAX_SIGNATURE_WORDS = 12
#: At most this many words in the name that opens it.
MAX_NAME_WORDS = 5


def signed_quotations(doc: Doc, analysis: Analysis) -> list[Draft]:
    """A statement for every quotation that opens its line and is signed at the line's end."""
    drafts = []
    for quote in analysis.quotes:
        if not _opens_line(analysis.text, quote.start) or \
                analysis.in_chrome(quote.start, quote.start + 1):
            continue
        dash = _dash_after(doc, quote)
        signature = _signature(dash) if dash is not None else None
        name = _name(signature) if signature else None
        if name is not None:
            drafts.append(Draft("direct", [(quote.start, quote.end)], cue=doc[dash.i:dash.i + 1],
                                cue_lemma=dash.text, subject=name.root, speaker=name,
                                quote=quote, confidence=0.6))
    return drafts


def _opens_line(text: str, offset: int) -> bool:
    """Only spaces (or nothing) between the line's start and ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip()


def _dash_after(doc: Doc, quote: Quote) -> Token | None:
    """A dash on the quotation's last line right after it, spaces apart."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    for token in doc[span.end:]:
        if breaks_line_after(token.nbor(-1)):
            return None
        if not token.is_space:
            return token if token.text in DASHES else None
    return None


def _signature(dash: Token) -> list[Token] | None:
    """The words after the dash to the end of its line, without a closing stop."""
    words: list[Token] = []
    for token in dash.doc[dash.i + 1:]:
        if breaks_line_after(token.nbor(-1)) or len(words) > MAX_SIGNATURE_WORDS:
            break
        if not token.is_space:
            words.append(token)
    if words and words[-1].text == ".":
        words.pop()
    return words if 1 <= len(words) <= MAX_SIGNATURE_WORDS else None


def _name(signature: list[Token]) -> Span | None:
    """The name that opens a signature, if it is one: a person by the entity recogniser, or
    up to ``MAX_NAME_WORDS`` capitalised words, followed by nothing, a comma or a bracket."""
    first = signature[0]
    if first.ent_type_ == "PERSON" and first.ent_iob_ == "B":
        entity = next(e for e in first.doc.ents if e.start == first.i)
        rest = signature[len(entity):]
        return entity if not rest or rest[0].text in (",", "(") else None
    run = []
    for token in signature:
        if not token.is_title:  # "Edwin G. Monroy": an initial is title-cased too
            break
        run.append(token)
    rest = signature[len(run):]
    if not run or len(run) > MAX_NAME_WORDS or (rest and rest[0].text not in (",", "(")) or \
            any(t.pos_ in ("VERB", "AUX") for t in run):
        return None
    return first.doc[run[0].i:run[-1].i + 1]
