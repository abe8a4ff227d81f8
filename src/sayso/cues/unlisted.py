"""Statements the rules cannot build: cue words outside the lexicon that the learned scorer
picked out, and listed verbs whose parse gave the rules no clause ("mentioned resisting the
repeal", "want those things now").

The scorer or the lexicon says that a word attributes; the parse says who and what. The source
is the word's subject (for a noun cue, its possessor: "her criticism of the deal"), and the
content is what the word governs after it: a clause ("touted that ..."), an infinitive ("vowed
to ..."), an object ("mocked the presidential ambitions of ...") or the object of a preposition
("pushed for a ban"). These are stances more often than speech, and are marked so.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..analysis import Draft
from ..channels import channel_role
from ..lexicon import PARTY_ENTITIES, PRONOUNS, REFLEXIVES
from .complement import complement, when_or_how
from .reported import with_passive_topic, without_frame
from .spans import to_spans
from .unattributed import RAISING_VERBS
from .words import cue_span, is_put_it, subject_of

#: What a cue verb governs that can be its content, in order of preference.
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "prep", "dative")


def unlisted(token: Token, inside: set[int], sourceless: bool = False) -> Draft | None:
    """A guessed draft for a cue word, or None when the parse gives no content, or no source
    and ``sourceless`` (the scorer picked this word) does not allow a statement without one."""
    if token.pos_ == "NOUN":
        return _noun(token)
    impression = _impression(token, inside)
    if impression is not None:
        return impression
    subject = subject_of(token, inside)
    if (subject is None and not sourceless) or (subject is not None and subject.i in inside):
        return None
    content = complement(token) or _governed(token)
    if subject is not None:
        content = without_frame(token, subject, content)
    content = with_passive_topic(token, content, inside)
    if sum(1 for i in content if token.doc[i].is_alpha) < 1:
        return None
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=_cue(token, content), cue_lemma=token.lemma_.lower(),
                 subject=subject, confidence=0.5, act="stance", guessed=True,
                 unattributed=subject is None)


#: Verbs that link their subject to an impression of it ("the plan sounds reasonable"), as the
#: raising verbs do ("the race seems closer").
LINKING_VERBS = RAISING_VERBS | {"sound", "look"}


def _impression(verb: Token, inside: set[int]) -> Draft | None:
    """"The race seems closer in Ohio", "the plan sounds reasonable", "it seemed like an
    impossible task": an impression of the subject that the verb links to a predicate after
    it. What is attributed is the subject with its predicate, as with an infinitive ("seems
    to falter"), never the predicate alone; and as there, whose impression it is goes unsaid
    (the subject is what seems, not who says so: PolNeAR's annotators name no source for 150 of
    the 160 such cues in the kept training articles)."""
    if verb.lemma_.lower() not in LINKING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and
                    c.i not in inside and c.lower_ not in ("it", "there")), None)
    predicate = next((c for c in verb.rights if c.dep_ in ("acomp", "attr", "oprd") or
                      (c.dep_ == "prep" and c.lower_ == "like")), None)
    if subject is None or predicate is None:
        return None
    spans = to_spans(verb.doc, [t.i for t in subject.subtree] + [t.i for t in predicate.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=cue_span(verb), cue_lemma=verb.lemma_.lower(),
                 confidence=0.5, act="thought", guessed=True, unattributed=True)


#: Prepositions that complete an object as part of what is attributed ("see him as a threat",
#: "compared abortion to slavery", "found Clinton with a lead").
_COMPLETING = {"as", "to", "with", "into", "from", "against", "for", "of", "over", "than"}


def _governed(token: Token) -> list[int]:
    """The subtree of the first child after the word that can be its content; a preposition
    counts through its object ("pushed for a ban": "a ban"), a medium not at all ("said in a
    statement"). An object takes in what completes it after it ("see him as a threat"); a
    reflexive one gives way to what follows it ("distanced himself from the president": "the
    president")."""
    for dep in _CONTENT_DEPS:
        for child in token.children:
            if child.dep_ != dep or child.i < token.i or child.lower_ in REFLEXIVES or \
                    is_put_it(child):
                continue
            role = channel_role(token, child)
            if role == "medium" or (role == "addressee" and _names_party(child)):
                continue
            if dep == "prep":
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if not objects or _is_setting(objects):
                    continue
                return [t.i for g in objects for t in g.subtree]
            light = _light_object(child)
            if light is not None:
                return [t.i for t in light.subtree]
            words = [t.i for t in child.subtree]
            return words + _completion(token, max(words)) if dep == "dobj" else words
    return []


def _names_party(addressee: Token) -> bool:
    """"..., she told POLITICO", "he told them": an addressee that names a person, a group or
    an outlet is the one told (sayso reports it as a channel), never what was said; "told a
    joke", "told the story of ..." keep their object."""
    return addressee.pos_ == "PROPN" or addressee.ent_type_ in PARTY_ENTITIES or \
        (addressee.lower_ in PRONOUNS and addressee.lower_ not in ("it", "its"))


#: Nouns that say nothing of their own after a verb, only with it and the preposition after
#: them ("took aim at", "took issue with", "took a swipe at").
LIGHT_NOUNS = {"aim", "issue", "exception", "note", "notice", "heart", "offense", "offence",
               "umbrage", "comfort", "pride", "stock", "swipe", "shot", "jab", "dig", "potshot"}


def _light_object(noun: Token) -> Token | None:
    """The real object of a verb said with a light noun ("took aim at the plan", "took issue
    with the ruling", "took a swipe at the mayor"): what the preposition right after the noun
    governs, where the noun itself would be no content at all."""
    doc = noun.doc
    if noun.dep_ != "dobj" or noun.lower_ not in LIGHT_NOUNS or noun.i + 1 >= len(doc) or any(
            c.i < noun.i and c.lower_ not in ("a", "an") for c in noun.children):
        return None
    prep = doc[noun.i + 1]
    if prep.dep_ != "prep" or prep.head not in (noun, noun.head):
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _completion(verb: Token, end: int) -> list[int]:
    """The verb's dependents right after its object that complete it: a preposition of
    ``_COMPLETING`` (not a time or place) or any preposition before a gerund, a predicate
    ("ahead", "unfit"), an infinitive of purpose. PolNeAR's annotators take these into the
    content, as what the stance is about is the object with its aim or its means; not a time
    ("after meeting the board"), which says when it was said."""
    extra: list[int] = []
    for child in (c for c in verb.rights if c.i > end):
        if min(t.i for t in child.subtree) != end + 1:
            break
        preposition = child.dep_ == "prep" and child.lower_ in _COMPLETING and \
            not _is_setting([g for g in child.children if g.dep_ == "pobj"])
        predicate = child.dep_ in ("oprd", "acomp", "advmod") and \
            child.lower_ not in ("again", "also")
        # "answered the question by citing the budget", "took the stage to defend the levy"
        gerund = child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children)
        purpose = child.dep_ in ("advcl", "xcomp") and \
            any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        if not (preposition or predicate or gerund or purpose) or child.is_punct or \
                (child.dep_ == "prep" and when_or_how(verb, child)):
            break
        extra += [t.i for t in child.subtree]
        end = max(extra)
    return extra


def _is_setting(objects: list[Token]) -> bool:
    return any(g.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for g in objects)


def _cue(token: Token, content: list[int]) -> Span:
    """The cue as written, taking in a preposition that stands between the word and its
    content ("pushed for", "sided with")."""
    span = cue_span(token)
    start = min(content, default=span.end)
    if start == span.end + 1 and token.doc[span.end].dep_ in ("prep", "prt") and \
            token.doc[span.end].head == token:
        return token.doc[span.start:span.end + 1]
    light = next((c for c in token.children if c.dep_ == "dobj" and c.i >= span.end), None)
    if light is not None and _light_object(light) is not None and start == light.i + 2:
        return token.doc[span.start:start]   # "took aim at", "took a swipe at"
    return span


def _noun(token: Token) -> Draft | None:
    """"her criticism of the deal", "his support for a ban": the possessor speaks."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    content = []
    for child in token.children:
        if child.i > token.i and child.dep_ == "prep":
            content = [t.i for g in child.children if g.dep_ in ("pobj", "pcomp")
                       for t in g.subtree]
        elif child.i > token.i and child.dep_ in ("acl", "ccomp"):
            content = [t.i for t in child.subtree]
        if content:
            break
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=_cue(token, content), cue_lemma=token.lemma_.lower(),
                 subject=owner, confidence=0.4, act="stance", guessed=True)
