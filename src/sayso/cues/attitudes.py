"""Attitudes: a copula and an adjective of attitude with what it governs ("Democratic leaders
are wary of steering left", "the party is eager to tap them", "they were convinced that ...").

PolNeAR reads these as attributions of a view: the subject is the source, the copula and the
adjective (with the preposition that links the content) are the cue, and the content is what
the adjective governs. An adjective with nothing to govern ("voters are angry") attributes
nothing and gives no statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..analysis import Draft
from ..lexicon import ATTITUDE_ADJECTIVES
from .spans import to_spans
from .words import subject_of

#: Prepositions that link an attitude to its object ("wary of", "worried about", "keen on").
_LINKS = {"of", "about", "in", "with", "on", "over", "for", "to", "toward", "towards"}


def attitude(token: Token, inside: set[int]) -> Draft | None:
    """A thought statement when ``token`` is an attitude adjective after a copula, with a
    subject and a content; else None."""
    copula = token.head
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or copula.lemma_ != "be" or \
            token.lemma_.lower() not in ATTITUDE_ADJECTIVES:
        return None
    subject = subject_of(copula, inside)
    if subject is None or subject.i in inside or subject.lower_ in ("it", "there"):
        return None
    link, content = _content(token)
    if not content or any(i in inside for i in content):
        return None
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    start = copula.i
    while start > 0 and token.doc[start - 1].head == copula and \
            token.doc[start - 1].dep_ in ("aux", "neg", "advmod"):
        start -= 1
    end = (link.i if link is not None else token.i) + 1
    return Draft("indirect", spans, cue=token.doc[start:end], cue_lemma=token.lemma_.lower(),
                 subject=subject, confidence=0.5, act="thought")


def _content(adjective: Token) -> tuple[Token | None, list[int]]:
    """What the adjective governs after it: a clause, an infinitive, or the object of a linking
    preposition (returned too: it belongs to the cue)."""
    for child in adjective.children:
        if child.i < adjective.i:
            continue
        if child.dep_ in ("ccomp", "xcomp"):
            return None, [t.i for t in child.subtree]
        if child.dep_ == "prep" and child.lower_ in _LINKS:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return child, [t.i for g in objects for t in g.subtree]
    return None, []
