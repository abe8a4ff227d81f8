"""Body sentences whose cue verb the tagger reads as a noun: "Mayor Ortiz predicts that ...",
"The Delmar campaign projects that ...", "Councillors on the harbour board plan to ...".

Right after a noun phrase, spaCy's small English pipeline often takes a present-tense verb for
one more noun of the phrase (a plural "predicts", "projects", or a "plan" after a plural noun),
and the sentence is left with no verb: no cue is drawn from it. As for headlines
(``headlines``), a lowercase word that is the present tense of a listed cue verb and that no verb
governs is read as that verb where the sentence opens with a noun phrase (which may hold a
prepositional phrase: "Auditors at the port show ...") that ends right before it and agrees with
it in number; the phrase speaks, and the rest of its clause, up to a semicolon or a comma that a
conjunction follows ("..., but ..."), is what it says. In PolNeAR's kept training articles
the rule reads 10 sentences, each of whose contents an annotator drew (8 of them had no
statement before).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from .headlines import (attributes_alone, headline_line, in_noun_phrase, misread_draft,
                        verb_lemma)

#: Tags of plural nouns, which take the plain form of a verb ("Councillors plan").
_PLURAL = frozenset({"NNS", "NNPS"})


def body_verbs(doc: Doc, inside: set[int]) -> list[Draft]:
    """The statements of body sentences whose cue verb is read as a noun (see the module's
    note); ``inside`` are the words of quotations, where no cue is read."""
    headline = {t.i for t in headline_line(doc)}
    drafts = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words or words[0].i in headline:
            continue
        for token in words[1:-1]:
            draft = None if token.i in inside else _misread_in_sentence(doc, words, token)
            if draft is not None:
                drafts.append(draft)
                break  # one verb for the one subject that opens the sentence
    return drafts


def _misread_in_sentence(doc: Doc, words: list[Token], token: Token) -> Draft | None:
    """The draft of ``token`` read as a verb whose subject opens the sentence, or None."""
    if not token.is_lower or token.pos_ not in ("NOUN", "PROPN") or \
            any(a.pos_ in ("VERB", "AUX") for a in token.ancestors):
        return None
    phrase = _opening_phrase(doc, words, token)
    if phrase is None:
        return None
    head = _head_noun(phrase)
    lemma = _agreeing_lemma(token, head, phrase)
    if lemma is None:
        return None
    return misread_draft(doc, _clause(doc, words, token), token, lemma, phrase, head)


def _opening_phrase(doc: Doc, words: list[Token], token: Token) -> Span | None:
    """The noun phrase from the sentence's start (after an opening conjunction) to right before
    ``token``, with at most prepositional phrases inside it, ending in a noun; or None."""
    start = words[1].i if words[0].pos_ == "CCONJ" else words[0].i
    if start >= token.i or doc[token.i - 1].pos_ not in ("NOUN", "PROPN") or \
            doc[start].pos_ == "ADP":
        return None
    if not all(in_noun_phrase(doc, i) or doc[i].pos_ == "ADP" for i in range(start, token.i)):
        return None
    return doc[start:token.i]


def _head_noun(phrase: Span) -> Token:
    """The phrase's last word before its first preposition: the noun the verb agrees with."""
    preposition = next((t.i for t in phrase if t.pos_ == "ADP"), phrase.end)
    return phrase.doc[preposition - 1]


def _agreeing_lemma(token: Token, head: Token, phrase: Span) -> str | None:
    """The listed verb ``token`` is the present tense of, in the number of its subject: the
    third person singular after a singular noun, the plain form after a plural or joined ones
    ("Ortiz and Hale plan")."""
    plural = head.tag_ in _PLURAL or any(t.pos_ == "CCONJ" and t.i < head.i for t in phrase)
    if plural:
        return token.lower_ if attributes_alone(token.lower_) else None
    return verb_lemma(token.text)


def _clause(doc: Doc, words: list[Token], token: Token) -> list[Token]:
    """The sentence's words up to a semicolon or a comma that a conjunction follows after
    ``token``: a clause of its own that the misread verb does not govern."""
    for word in words:
        if word.i > token.i and (word.text == ";" or (
                word.text == "," and word.i + 1 < len(doc) and doc[word.i + 1].pos_ == "CCONJ")):
            return [w for w in words if w.i < word.i]
    return words
