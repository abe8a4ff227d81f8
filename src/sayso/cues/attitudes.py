"""Attitudes: a copula and an adjective of attitude with what it governs ("Democratic leaders
are wary of steering left", "the party is eager to tap them", "they were convinced that ...",
"donors remain wary of"), or the adjective set after its noun ("donors wary of the levy"); any
adjective "about" something ("was upbeat about the talks"); a noun of a stance after a copula
("is a vocal critic of the levy"); an attitude others hold of a subject that draws it ("the
levy drew criticism from unions", "she has the backing of the unions"); a stance as a noun, as
its clause's subject ("Support for the mayor has grown") or shown "in" by its possessor
("unsparing in their criticism of the levy"); and a phrase before a clause that names whose
view the clause is ("To Tamsin, the levy was a mistake", "In her view, ...").

PolNeAR reads these as attributions of a view: the subject is the source, the copula and the
adjective (with the preposition that links the content) are the cue, and the content is what
the adjective governs; an attitude drawn is the other way round, its holder the source and the
subject the content. An adjective with nothing to govern ("voters are angry") attributes
nothing and gives no statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..analysis import Draft
from ..lexicon import ATTITUDE_ADJECTIVES, ATTITUDE_NOUNS, EXPERIENCER_VERBS
from .spans import to_spans
from .words import subject_of

#: Verbs that join a subject to its attitude as the copula does ("some donors remain wary of
#: the plan").
_COPULAS = {"be", "remain", "stay"}

#: Verbs by which a subject draws others' attitude toward itself ("the plan drew criticism
#: from unions", "she won support among veterans").
_DRAWING_VERBS = {"draw", "receive", "win", "get", "gain", "garner", "attract", "earn", "spark",
                  "ignite", "provoke", "trigger", "enjoy"}

#: The verb by which a subject holds others' approval it has won ("has the support of").
_HOLDING_VERB = "have"

#: Nouns of the approval a subject holds from others with "have" ("has the backing of the
#: unions"); other attitude nouns after "have" are more often the subject's own ("has
#: concerns about") or a thing received ("had a message from").
_HELD_NOUNS = {"support", "backing", "endorsement"}

#: Nouns of an attitude that a subject draws from others: those of ``ATTITUDE_NOUNS``, and
#: the ones of approval that are only drawn, never voiced ("won the endorsement of").
_DRAWN_NOUNS = ATTITUDE_NOUNS | {"endorsement", "backing", "praise"}

#: Prepositions that name whose attitude was drawn ("criticism from unions", "support among
#: veterans", "the backing of the unions").
_HOLDERS = {"from", "among", "of"}

#: The copula's contractions written with a curly apostrophe, which the lemmatizer leaves
#: unlemmatized ("they’re wary of").
_CURLY_CONTRACTIONS = {"’s", "’re", "’m"}

#: Nouns that name someone by a stance toward what their "of" object names ("a critic of the
#: levy", "an early backer of the mayor"); not those of a tie between two parties ("an ally
#: of", "an enemy of").
_PARTISAN_NOUNS = {"supporter", "backer", "booster", "champion", "proponent", "advocate",
                   "defender", "fan", "admirer", "critic", "opponent", "detractor", "skeptic"}

#: Nouns of a stance and the preposition that links each to its object ("support for the levy",
#: "opposition to the pier").
_STANCE_LINKS = {"support": "for", "opposition": "to"}

#: Nouns of a stance that a possessor shows "in" ("unsparing in their criticism of"); not
#: nouns of words or thoughts ("robotic words of introduction", "divided in their opinions").
_SHOWN_STANCES = {"support", "backing", "endorsement", "embrace", "praise", "defense", "defence",
                  "opposition", "criticism", "critique", "condemnation", "denunciation",
                  "skepticism", "scepticism"}

#: Pronouns and quantifiers that name people as the holders of a view set before its clause
#: ("To many, the levy was a mistake"); not "this", "that" or "date" ("To date, ...").
_PEOPLE_WORDS = {"me", "him", "her", "us", "them", "many", "others", "some", "most", "few",
                 "anyone", "everyone", "anybody", "everybody", "those"}

#: Nouns of a mind that holds a view, whose possessor is its holder ("In her view, ...").
_VIEW_NOUNS = {"view", "opinion", "mind", "eye", "estimation", "judgment", "judgement"}

#: Prepositions that link an attitude to its object ("wary of", "worried about", "keen on").
_LINKS = {"of", "about", "in", "with", "on", "over", "for", "to", "toward", "towards"}


def attitude(token: Token, inside: set[int]) -> Draft | None:
    """A thought statement when ``token`` is an attitude adjective after a copula or after its
    noun, any adjective "about" something after a copula, a passive verb of feeling with its
    agent, a verb that draws an attitude from others, or a phrase naming whose view its clause
    is; a stance when it is a noun of a stance after a
    copula, as its clause's subject or shown "in" by its possessor; each with a content and,
    where the text names one, a holder, else None."""
    lemma = token.lemma_.lower()
    if token.tag_ == "VBN" and lemma in EXPERIENCER_VERBS:
        return _felt_by(token, inside)
    if token.pos_ == "VERB" and (lemma in _DRAWING_VERBS or lemma == _HOLDING_VERB):
        return _drawn(token, inside)
    if token.pos_ == "NOUN" and lemma in _PARTISAN_NOUNS:
        return _partisan(token, inside)
    if token.pos_ == "NOUN" and lemma in _STANCE_LINKS and token.dep_ == "nsubj":
        return _stance_as_subject(token, inside)
    if token.pos_ == "NOUN" and lemma in _SHOWN_STANCES:
        return _stance_shown_in(token, inside)
    if token.dep_ == "prep" and token.lower_ in ("to", "in"):
        return _held_view(token, inside)
    if token.pos_ != "ADJ":
        return None
    if lemma not in ATTITUDE_ADJECTIVES:
        return _after_copula(token, inside) if _about_something(token) else None
    if token.dep_ == "amod" and token.head.i < token.i:
        return _after_noun(token, inside)
    return _after_copula(token, inside)


def _after_copula(adjective: Token, inside: set[int]) -> Draft | None:
    """"are wary of", "remain wary of": the subject of the copula holds the view; the cue runs
    from the copula (with its auxiliaries, negation and adverbs) through the linking
    preposition."""
    copula = adjective.head
    if adjective.dep_ != "acomp" or not _is_copula(copula):
        return None
    subject = subject_of(copula, inside)
    if subject is None or subject.i in inside or subject.lower_ in ("it", "there"):
        return None
    start = copula.i
    while start > 0 and adjective.doc[start - 1].head == copula and \
            adjective.doc[start - 1].dep_ in ("aux", "neg", "advmod"):
        start -= 1
    link, content = _content(adjective)
    if _means_crucial(adjective, link):
        return None
    return _view(adjective, subject, start, link, content, inside)


def _after_noun(adjective: Token, inside: set[int]) -> Draft | None:
    """"donors wary of the levy", "the only ones worried about the deal": an attitude
    adjective set after its noun says what the noun's people think, as after a copula; the
    cue is the adjective with its linking preposition (on the kept training articles 7 of the 10
    statements this adds match a gold content exactly). After a noun, "sure" or "certain"
    before an infinitive ("people certain to see it") says what is likely, not what anyone
    thinks."""
    holder = adjective.head
    link, content = _content(adjective)
    lemma = adjective.lemma_.lower()
    if holder.i in inside or holder.pos_ not in ("NOUN", "PROPN", "PRON") or not content or \
            _means_crucial(adjective, link) or \
            (lemma in ("sure", "certain") and link is None and
             adjective.doc[content[0]].dep_ == "aux"):
        return None
    return _view(adjective, holder, adjective.i, link, content, inside)


def _means_crucial(adjective: Token, link: Token | None) -> bool:
    """"critical" without "of" means crucial and tells of no one's view, after a noun ("a pillar
    critical to the plan": 0 of 4 drawn a gold content on the kept training articles) or a
    copula ("data is critical to the count": 0 of 3)."""
    return adjective.lemma_.lower() == "critical" and (link is None or link.lower_ != "of")


def _view(adjective: Token, holder: Token, cue_start: int, link: Token | None,
          content: list[int], inside: set[int]) -> Draft | None:
    """The holder's view of ``content``, what the adjective governs (``_content``), cued from
    ``cue_start`` through the adjective and its ``link``; None when there is no content outside
    a quotation."""
    if not content or any(i in inside for i in content):
        return None
    spans = to_spans(adjective.doc, content)
    if not spans:
        return None
    end = (link.i if link is not None else adjective.i) + 1
    return Draft("indirect", spans, cue=adjective.doc[cue_start:end],
                 cue_lemma=adjective.lemma_.lower(), subject=holder, confidence=0.5,
                 act="thought")


def _felt_by(verb: Token, inside: set[int]) -> Draft | None:
    """"Voters were angered by the remark", "donors rattled by the vote": a passive verb of
    feeling with its agent is its subject's attitude (or that of the noun it describes) toward
    the agent, as "angry about" is (the active "the remark angered donors" is
    ``unlisted._felt``); the general rule for a passive verb (``unlisted._passive_subject``)
    would make the agent speak of the subject instead. On the
    kept training articles this draws 6 statements, 4 of them a gold content (3 exactly), 3 in
    place of a reading the wrong way round."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    cause = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    holder = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if holder is None and verb.dep_ in ("acl", "amod") and verb.head.i < verb.i:
        holder = verb.head
    if cause is None or holder is None or holder.i in inside or holder.lower_ in ("it", "this"):
        return None
    content = [t.i for t in cause.subtree]
    spans = to_spans(verb.doc, content)
    if not spans or any(i in inside for i in content):
        return None
    start = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")
                 and holder.i < c.i < verb.i], default=verb.i)
    return Draft("indirect", spans, cue=verb.doc[start:agent.i + 1],
                 cue_lemma=verb.lemma_.lower(), subject=holder, confidence=0.5, act="thought")


def _drawn(verb: Token, inside: set[int]) -> Draft | None:
    """"The levy drew sharp criticism from unions", "she won support among veterans", "won
    the backing of the unions": a noun of attitude that the subject draws, with whose it is
    after "from", "among" or "of", is their view of the subject, as annotators draw it: the
    holder is the source and the subject the content (on the kept training articles 22 of the
    30 statements this adds match a gold content). So does approval the subject has ("has the
    backing of the unions": 6 of 9). The cue runs from the verb's auxiliaries to the noun."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    nouns = _HELD_NOUNS if verb.lemma_.lower() == _HOLDING_VERB else _DRAWN_NOUNS
    if noun is None or noun.lemma_.lower() not in nouns:
        return None
    link = next((c for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and
                 c.lower_ in _HOLDERS and c.i > noun.i), None)
    holder = next((g for g in link.children if g.dep_ == "pobj"), None) if link else None
    target = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if holder is None or target is None or holder.i in inside or target.i in inside:
        return None
    spans = to_spans(verb.doc, [t.i for t in target.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=verb.doc[_cue_start(verb, target):noun.i + 1],
                 cue_lemma=noun.lemma_.lower(), subject=holder, confidence=0.5, act="thought")


def _partisan(noun: Token, inside: set[int]) -> Draft | None:
    """"The mayor is a vocal critic of the levy", "Tamsin was one of the early backers of the
    plan": a noun of a stance that a copula predicates of its subject is the subject's stance
    toward the noun's "of" object, as "is critical of" is (on the kept training articles 13 of
    the 16 statements this adds match a gold content). The cue runs from the copula through
    "of"."""
    link = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and
                 c.i > noun.i), None)
    content = _object_words(link) if link else []
    predicate = noun
    while predicate.dep_ == "pobj" and predicate.head.head.i < predicate.i:
        predicate = predicate.head.head   # "one of the backers of"
    copula = predicate.head
    if not content or predicate.dep_ != "attr" or not _is_copula(copula):
        return None
    subject = subject_of(copula, inside)
    spans = to_spans(noun.doc, content)
    if subject is None or subject.i in inside or any(i in inside for i in content) or not spans:
        return None
    return Draft("indirect", spans, cue=noun.doc[_cue_start(copula, subject):link.i + 1],
                 cue_lemma=noun.lemma_.lower(), subject=subject, confidence=0.5, act="stance")


def _cue_start(verb: Token, subject: Token) -> int:
    """Where a cue opens: at the verb's first auxiliary, negation or adverb between its subject
    and it ("has long had the backing", "was also one of the backers"), else at the verb."""
    return min([c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod")
                and subject.i < c.i < verb.i], default=verb.i)


def _object_words(link: Token) -> list[int]:
    """The words of what a preposition governs ("of | the levy", "for | closing the pier")."""
    return [t.i for g in link.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]


def _stance_as_subject(noun: Token, inside: set[int]) -> Draft | None:
    """"Support for the mayor has grown", "Opposition to the levy united the parties": a stance
    with no possessor that is the subject of its clause is a view of its object held by people
    the sentence leaves unnamed; annotators draw the noun and its preposition as the cue and the
    object as the content. On the kept training articles 8 of the 11 statements this adds
    match a gold content. Not the noun elsewhere: as the object of a verb or a preposition
    ("rally support for", "the rise in support for") it went unannotated as often as not."""
    link = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and
                 c.lower_ == _STANCE_LINKS[noun.lemma_.lower()]), None)
    if link is None or any(c.dep_ == "poss" for c in noun.children):
        return None
    return _stance_on_object(noun, link, None, inside)


def _stance_shown_in(noun: Token, inside: set[int]) -> Draft | None:
    """"Councillors were unsparing in their criticism of the levy", "they differ in their
    support for the pier": a stance its possessor shows "in" is the possessor's view of what
    the noun's preposition links it to, as annotators draw it (on the kept training articles
    this adds 7 statements, 6 of them a gold content). The cue is the noun and its
    preposition."""
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    link = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and
                 c.lower_ in _LINKS), None)
    if holder is None or link is None or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    return _stance_on_object(noun, link, holder, inside)


def _stance_on_object(noun: Token, link: Token, holder: Token | None,
                      inside: set[int]) -> Draft | None:
    """A stance noun's statement: the noun and its preposition as the cue, what the preposition
    governs as the content, and the holder, if the text names one, as the source; none where a
    quotation holds the holder (or the unowned noun) or the content."""
    content = _object_words(link)
    spans = to_spans(noun.doc, content)
    if not spans or (holder or noun).i in inside or any(i in inside for i in content):
        return None
    return Draft("indirect", spans, cue=noun.doc[noun.i:link.i + 1],
                 cue_lemma=noun.lemma_.lower(), subject=holder, confidence=0.5, act="stance",
                 unattributed=holder is None)


def _held_view(prep: Token, inside: set[int]) -> Draft | None:
    """"To Tamsin, the levy was a mistake", "But to many, ...", "In her view, ...": a phrase
    set before its clause and a comma that names people with "to", or a mind with its
    possessor ("in her view", "in Tamsin's mind"), makes the clause their view. Annotators
    draw "to" as the cue and the people as the source, or the noun of the mind as the cue and
    its possessor as the source. Common nouns after "to" are left out: on the kept training
    articles they mostly frame a measure or a manner ("To date", "To the extent that", "To a
    rousing ovation") and the people they name went unannotated ("To party officials, ...").
    On the kept training articles each of the 12 statements this adds has a gold content (10
    matched)."""
    clause, framed = prep.head, next((c for c in prep.children if c.dep_ == "pobj"), None)
    if framed is None or not _fronted(prep, clause):
        return None
    if prep.lower_ == "to":
        holder, cue = framed, prep.doc[prep.i:prep.i + 1]
        if not (holder.pos_ == "PROPN" or holder.lower_ in _PEOPLE_WORDS):
            return None
    else:
        holder = next((c for c in framed.children if c.dep_ == "poss"), None)
        if holder is None or framed.lemma_.lower() not in _VIEW_NOUNS:
            return None
        cue = prep.doc[holder.right_edge.i + 1:framed.i + 1]
    frame = {t.i for t in prep.subtree}
    sent = prep.sent
    content = [t.i for t in clause.subtree if t.i not in frame and sent.start <= t.i < sent.end
               and not (t.dep_ == "cc" and t.head == clause)]
    spans = to_spans(prep.doc, content)
    if not spans or holder.i in inside or any(i in inside for i in content):
        return None
    return Draft("indirect", spans, cue=cue, cue_lemma=cue.root.lemma_.lower(), subject=holder,
                 confidence=0.5, act="thought")


def _fronted(prep: Token, clause: Token) -> bool:
    """The phrase opens its clause's sentence (after a conjunction or an adverb at most:
    "But to many, ...") and a comma closes it."""
    doc = prep.doc
    after = prep.right_edge.i + 1
    return clause.pos_ in ("VERB", "AUX") and prep.i < clause.i and after < len(doc) and \
        doc[after].text == "," and all(t.is_punct or t.dep_ in ("cc", "advmod")
                                        for t in doc[prep.sent.start:prep.i])


def _about_something(adjective: Token) -> bool:
    """"was upbeat about the talks", "remained vague about his past": any adjective after a
    copula that takes an object with "about" tells how its subject thinks or speaks of that
    object, listed as an attitude or not (on the kept training articles 11 of the 15
    statements this adds match a gold content)."""
    return adjective.dep_ == "acomp" and any(
        c.dep_ == "prep" and c.lower_ == "about" and c.i > adjective.i and
        any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in adjective.children)


def _is_copula(verb: Token) -> bool:
    """"are wary of", "remain wary of", "they’re wary of": a verb that links its subject to an
    attitude. On the kept training articles the two added here draw 7 statements, all 7 a gold
    content exactly. Not "become" (a change of mind: 0 of 3 drawn by annotators), nor "seem" or
    "appear", which give an impression (``unlisted._impression``)."""
    return verb.lemma_ in _COPULAS or verb.lower_ in _CURLY_CONTRACTIONS


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
