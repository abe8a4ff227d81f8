"""A title that attributes with a colon: "Sanders: Clinton email story has moved".

News titles shorten "X said Y" to "X: Y". Only the first line is read this way, and only when
what stands before the colon is short and names a source: a person, an organisation or a group
by name (tagged so in the title, or named so in the article: titles are hard on the tagger), or
a written or measured source ("Poll: ...", "Report: ..."). Labels such as "The
Latest:", "Breaking:" or "Watch:" name none and are left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis, Draft
from .spans import breaks_line_after, to_spans

#: Words before a title's colon that name a source though no entity: "Poll: ...".
SOURCE_NOUNS = frozenset({"poll", "survey", "report", "study", "newspaper", "editorial", "memo",
                          "documents", "historians", "insiders", "experts", "officials"})
#: At most this many words before the colon.
MAX_SOURCE_WORDS = 5
_NAMING_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def headline(doc: Doc, analysis: Analysis) -> Draft | None:
    """The title's attribution, or None when the first line has none."""
    line = _first_line(doc)
    colon = next((t for t in line if t.text == ":"), None)
    if colon is None or analysis.in_chrome(colon.idx, colon.idx + 1):
        return None
    source = doc[line[0].i:colon.i]
    words = [t for t in source if not t.is_punct]
    named = {t.lower_ for ent in doc.ents if ent.label_ in _NAMING_ENTITIES and
             ent.start > line[-1].i for t in ent}
    if not 1 <= len(words) <= MAX_SOURCE_WORDS or not any(
            t.ent_type_ in _NAMING_ENTITIES or t.lemma_.lower() in SOURCE_NOUNS or
            (t.is_title and t.lower_ in named) for t in words):
        return None
    content = [t.i for t in line if t.i > colon.i]
    if sum(1 for i in content if doc[i].is_alpha) < 2:
        return None
    head = max(words, key=lambda t: (t.ent_type_ in _NAMING_ENTITIES, t.i))
    return Draft("indirect", to_spans(doc, content), cue=doc[colon.i:colon.i + 1],
                 cue_lemma=":", subject=head, speaker=source, confidence=0.6)


def _first_line(doc: Doc) -> list[Token]:
    tokens = []
    for token in doc:
        if not token.is_space:
            tokens.append(token)
        if tokens and breaks_line_after(token):
            break
    return tokens
