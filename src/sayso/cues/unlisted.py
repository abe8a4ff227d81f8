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

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..analysis import Draft
from ..channels import channel_role
from ..lexicon import (ATTITUDE_NOUNS, EXPERIENCER_VERBS, OBJECT_VERBS, PARTY_ENTITIES,
                       PREPOSITION_CUES, PRONOUNS, REFLEXIVES, RELAY_VERBS)
from .complement import as_after_object, complement, when_or_how
from .nominal import marked_clause
from .reported import is_addressed, with_passive_topic, without_frame
from .spans import to_spans
from .unattributed import RAISING_VERBS
from .words import SUBJECTS, cue_span, is_put_it, is_speech_verb, subject_of

#: What a cue verb governs that can be its content, in order of preference.
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "prep", "dative")


def unlisted(token: Token, inside: set[int], sourceless: bool = False) -> Draft | None:
    """A guessed draft for a cue word, or None when the parse gives no content, or no source
    and ``sourceless`` (the scorer picked this word) does not allow a statement without one."""
    if token.pos_ == "NOUN":
        return _noun(token)
    impression = _impression(token, inside) or _felt(token, inside)
    if impression is not None:
        return impression
    subject = subject_of(token, inside)
    if (subject is None and not sourceless) or (subject is not None and subject.i in inside):
        return None
    content = complement(token) or _governed(token)
    if subject is not None and not _describes(token, subject):
        content = without_frame(token, subject, content)
    content = with_passive_topic(token, content, inside) or _passive_subject(token, inside) or \
        _judged_noun(token, inside)
    content = _without_passive_setting(token, content)
    if sum(1 for i in content if token.doc[i].is_alpha) < 1:
        return None
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=_cue(token, content), cue_lemma=token.lemma_.lower(),
                 subject=subject, confidence=0.5, act="stance", guessed=True,
                 unattributed=subject is None)


def coordinated_guesses(tokens: Iterable[Token], drafts: list[Draft], leaning: set[int],
                        inside: set[int]) -> list[Draft]:
    """Guessed drafts for the verbs the scorer leans to (``leaning``) that are joined by a
    conjunction to a drafted cue and share its subject ("she backs tighter rules but embraces
    the harbor plan"): a subject that takes a stance with one verb often takes another with the
    next. A verb with a subject of its own ("he left and she criticized ...") gets no help."""
    cue_heads = {d.cue.root.i for d in drafts if d.cue is not None}
    guesses = []
    for token in tokens:
        if (token.i in leaning and token.pos_ == "VERB" and token.i not in cue_heads and
                _coordinated_with(token, cue_heads) and
                not any(c.dep_ in SUBJECTS for c in token.children)):
            draft = unlisted(token, inside, sourceless=True)
            if draft:
                guesses.append(draft)
    return guesses


def _coordinated_with(verb: Token, heads: set[int]) -> bool:
    """Whether ``verb`` and one of the tokens ``heads`` are conjuncts of each other."""
    return (verb.dep_ == "conj" and verb.head.i in heads) or \
        any(c.dep_ == "conj" and c.i in heads for c in verb.children)


def _describes(verb: Token, subject: Token) -> bool:
    """"super PACs backing Mr. Cruz", "donors opposing the levy": a present participle that
    describes the noun it hangs on takes that noun for its subject, and the noun's phrase as
    written runs on through the participle and its object, which the frame would then strip
    from the content; what the participle governs after it is content all the same."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head == subject


def _passive_subject(verb: Token, inside: set[int]) -> list[int]:
    """"Her remarks were quickly derided by the union": a passive verb that governs nothing but
    its agent judges its subject, which is then the whole content, and the agent is the speaker
    (30 of the 43 statements this adds on the kept training articles match a gold content;
    without an agent, 1 of 5 on the held-out ones). Not one who is only addressed ("the actress
    was asked by reporters"), as ``with_passive_topic`` has it."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or is_addressed(verb) or \
            not any(c.dep_ == "agent" for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.i in inside:
        return []
    return [t.i for t in subject.subtree]


#: Prepositions that set a passive judgement in a place, a time or a group.
_SETTING_PREPS = {"in", "on", "at", "during", "amid", "among", "between"}


def _without_passive_setting(verb: Token, content: list[int]) -> list[int]:
    """"The mayor was booed at a breakfast in Tampa", "the bills were introduced in the
    Senate": when a passive verb's subject opens the content, the object of a preposition the
    verb does not take as a cue says where, when or among whom the judgement fell, not what
    it judged. Annotators end the content with the subject: on the kept training articles
    this matches 11 more gold contents exactly and loses none (any preposition, "for", "as",
    "of" among them, loses more than it gains)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.i not in content or \
            not any(c.dep_ == "auxpass" for c in verb.children):
        return content
    listed = PREPOSITION_CUES.get(verb.lemma_.lower(), ())
    settings = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and
                c.lower_ in _SETTING_PREPS and c.lower_ not in listed]
    setting = {t.i for c in settings for g in c.children if g.dep_ in ("pobj", "pcomp")
               for t in g.subtree}
    return [i for i in content if i not in setting]


def _judged_noun(verb: Token, inside: set[int]) -> list[int]:
    """"a practice criticized by civil rights groups", "the levy, opposed by the unions, ...":
    a past participle that describes its noun and names who judged it, with nothing else
    after it, says what its agent thinks of the noun, which (without the participle) is the
    content, as for a passive verb with its subject (``_passive_subject``; 12 of the 19
    statements this adds on the kept training articles match a gold content). Not a verb that
    relays ("the plan, first reported by the Tribune, would ..."), which passes on the clause
    the noun opens, nor one of feeling ("voters worried by the levy"), whose noun feels."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.i in inside or \
            verb.lemma_.lower() in RELAY_VERBS | EXPERIENCER_VERBS or \
            not any(c.dep_ == "agent" for c in verb.children):
        return []
    described = {t.i for t in verb.subtree}
    return [t.i for t in noun.subtree if t.i not in described]


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


def _felt(verb: Token, inside: set[int]) -> Draft | None:
    """"The remark angered donors", "That rattled the mayor": the object of a verb of feeling
    holds a view of what the subject names; PolNeAR's annotators draw the object as the source
    and the subject as the content, where the rule for other verbs would make the subject
    speak of the object."""
    if verb.lemma_.lower() not in EXPERIENCER_VERBS or any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    cause = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    feeler = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if cause is None or feeler is None or cause.i in inside or feeler.i in inside:
        return None
    spans = to_spans(verb.doc, [t.i for t in cause.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=cue_span(verb), cue_lemma=verb.lemma_.lower(),
                 subject=feeler, confidence=0.5, act="thought", guessed=True)


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
                # "thinks of the race as a job interview": what the object is taken for
                return [t.i for g in objects for t in g.subtree] + as_after_object(token, child)
            light = _light_object(child)
            if light is not None:
                return [t.i for t in light.subtree]
            words = [t.i for t in child.subtree]
            if dep != "dobj":
                return words
            words += _completion(token, max(words))
            return words + _named_after_colon(token, max(words))
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
               "umbrage", "comfort", "pride", "stock", "swipe", "shot", "jab", "dig", "potshot",
               "whack", "swing", "fun", "doubt", "praise", "light", "finger"}


#: Verbs that say, think or take a stance only through their object, with the nouns that make
#: them do so ("took aim at", "made mention of", "had harsh words for", "raised questions
#: about"); the scorer seldom picks them, as alone they say nothing. After "have", "shot" is a
#: chance ("has a shot at the nomination"), not a jab.
_LIGHT_VERB_NOUNS: dict[str, set[str]] = {
    "take": LIGHT_NOUNS | ATTITUDE_NOUNS,
    "make": LIGHT_NOUNS | ATTITUDE_NOUNS,
    "have": (LIGHT_NOUNS | ATTITUDE_NOUNS) - {"shot"},
    "raise": {"question", "concern", "doubt"},
}


def speaks_through_object(verb: Token) -> bool:
    """"took aim at the levy", "made mention of the pier", "raised questions about the deal":
    a light verb whose bare object is one of its nouns (``_LIGHT_VERB_NOUNS``), with the
    preposition right after it (``_light_object``), says what that noun says about what the
    preposition governs, whether or not the scorer picked the verb. A cue noun there with a
    "that" clause ("took issue with the suggestion that ...") is read with its clause by
    ``nominal.object_noun_cue``."""
    if verb.pos_ != "VERB":
        return False
    nouns = _LIGHT_VERB_NOUNS.get(verb.lemma_.lower(), set())
    objects = [_light_object(c) for c in verb.children
               if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in nouns]
    return any(o is not None and marked_clause(o) is None for o in objects)


#: Determiners that point at a thing already known ("raised the issue of"), which a light noun
#: never takes ("took issue with", "took a swipe at", "took some shots at").
_DEFINITE = {"the", "this", "that", "these", "those"}


def _light_object(noun: Token) -> Token | None:
    """The real object of a verb said with a light noun ("took aim at the plan", "took issue
    with the ruling", "took a swipe at the mayor") or with the subject's own effort or regard
    (``_own_effort``): what the preposition right after the noun governs, where the noun itself
    would be no content at all."""
    doc = noun.doc
    if noun.dep_ != "dobj" or noun.i + 1 >= len(doc):
        return None
    prep = doc[noun.i + 1]
    if prep.dep_ != "prep" or prep.head not in (noun, noun.head):
        return None
    light = noun.lemma_.lower() in LIGHT_NOUNS and all(
        c.dep_ in ("amod", "nummod") or (c.dep_ == "det" and c.lower_ not in _DEFINITE)
        for c in noun.children if c.i < noun.i)
    if not (light or _own_effort(noun, prep) or _voiced_attitude(noun, prep)):
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


#: Prepositions that aim what the subject gives or turns at someone or something ("threw her
#: support behind", "turned his fire on", "switched their allegiance to").
_AIMING = {"on", "upon", "behind", "toward", "towards", "against", "to", "into"}


#: Prepositions that point an attitude at what it is about ("support for", "criticism of").
_ABOUT = {"of", "against", "about", "for", "on", "to", "toward", "towards", "with", "at", "over",
          "in"}


def _voiced_attitude(noun: Token, prep: Token) -> bool:
    """"voiced support for Lee", "offered a spirited defense of the levy", "unleashed a harsh
    attack on the mayor", "showed no sign of": a verb that takes no object of someone else's
    words (``_judges_object``) whose bare object is a noun of attitude or
    speech (``ATTITUDE_NOUNS``, or one a light verb voices: "raised questions about", see
    ``_LIGHT_VERB_NOUNS``), with at most an indefinite or negative determiner and
    adjectives, only voices that attitude; PolNeAR's annotators draw the verb, the noun and the
    preposition as the cue and what the preposition governs as the content. A possessor or a
    definite determiner ("cheered the mayor's attacks on ...", "rejected the criticism of ...")
    makes the noun someone's earlier words, which the verb reacts to, and it stays the
    content."""
    verb = noun.head
    lemma = noun.lemma_.lower()
    voiced = lemma in ATTITUDE_NOUNS or lemma in _LIGHT_VERB_NOUNS.get(verb.lemma_.lower(), ())
    return voiced and prep.lower_ in _ABOUT and prep.head == noun and \
        not _judges_object(verb) and all(
            c.dep_ in ("amod", "advmod") or (c.dep_ == "det" and c.lower_ not in _DEFINITE)
            for c in noun.children if c.i < noun.i) and not when_or_how(verb, prep)


def _judges_object(verb: Token) -> bool:
    """A listed verb that takes its object as what it judges or reports ("rejected", "cited",
    "announced"): its object is the content, whatever noun it is."""
    lemma = verb.lemma_.lower()
    return lemma in OBJECT_VERBS or lemma in PREPOSITION_CUES or lemma in RELAY_VERBS


def _own_effort(noun: Token, prep: Token) -> bool:
    """"threw her support behind Lee", "turned his attention to the levy", "continued his
    assault on the mayor": a verb outside the lexicon whose bare object is the subject's own
    (a possessive pronoun and at most adjectives) and is aimed by the preposition right after
    it says something about what the preposition governs, as the light nouns do: PolNeAR's
    annotators draw that as the content and the verb, the object and the preposition as the
    cue. A listed verb keeps its object ("pledged her vote to Ruiz"), and so does a time or a
    medium after it ("touted his win on Twitter")."""
    verb = noun.head
    left = [c for c in noun.children if c.i < noun.i]
    return prep.lower_ in _AIMING and not is_speech_verb(verb) and \
        not any(c.i > noun.i for c in noun.children) and \
        any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in left) and \
        all(c.dep_ in ("poss", "amod") for c in left) and not when_or_how(verb, prep)


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


def _named_after_colon(verb: Token, end: int) -> list[int]:
    """"echoed a theme: trade is good for all three", "had an epiphany: the system was
    rotten": a colon right after the object opens what the object names, to the end of the
    sentence; PolNeAR's annotators take it into the content with the object."""
    doc = verb.doc
    sent_end = verb.sent.end
    if end + 1 >= sent_end or doc[end + 1].text != ":":
        return []
    rest = [t.i for t in doc[end + 1:sent_end] if not t.is_space]
    return rest if sum(1 for i in rest if doc[i].is_alpha) >= 2 else []


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
