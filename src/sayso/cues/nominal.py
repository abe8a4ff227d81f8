"""Cues that are no verb: "according to X", a poll set before its clause ("In the latest poll,
..."), and nouns of saying or intending with a possessor ("his claim that ...", "her pledge to
...", "her fear is that ..."). Each takes its source from the phrase the cue opens or from the
possessor (or an agent after the noun: "the suggestion by the mayor that ..."), where a verb
takes its subject; a cue noun with neither that a verb takes as its object ("made the claim
that ...") takes the verb's, and one no one owns ("amid complaints that ...") is said by someone
unnamed. A noun of attack with a possessor is the possessor's stance toward its "on" object
("her attacks on the plan")."""

from __future__ import annotations

from spacy.tokens import Token

from ..analysis import Draft
from ..channels import MEDIUM_PREPS
from ..lexicon import (ATTACK_NOUNS, FINDING_NOUNS, INTENT_NOUNS, NOUN_CUES, PREDICATED_NOUNS,
                       PREPOSITION_NOUNS, REPORT_NOUNS)
from .spans import to_spans
from .words import cue_span, is_speech_verb, subject_of


def according_to(token: Token) -> Draft | None:
    """"according to X, ..." and "..., according to X": X is the source of the clause."""
    doc = token.doc
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None:
        source = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if source is None:
        return None
    clause = token.head if token.head is not token else None
    if clause is None:
        return None
    while token.i > clause.i and clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "A won 37 percent and B 13, according to X": all of it
    frame = {t.i for t in token.subtree} | {to.i} | {t.i for t in source.subtree}
    subject = _subject_read_as_apposition(source, clause) if token.i < clause.i else None
    speaker = None
    if subject is not None:
        frame -= {t.i for t in subject.subtree}
        speaker = doc[source.left_edge.i:subject.left_edge.i - 1]
    sent = token.sent
    content = [t.i for t in clause.subtree if t.i not in frame and sent.start <= t.i < sent.end]
    if clause.dep_ != "ROOT" and not any(clause.dep_ == d for d in ("ccomp", "conj")):
        root = sent.root
        content = [t.i for t in root.subtree if t.i not in frame]
    spans = to_spans(doc, content)
    if not spans:
        return None
    cue = doc[token.i:token.i + 2]
    return Draft("indirect", spans, cue=cue, cue_lemma="according to", subject=source,
                 speaker=speaker, confidence=0.8)


def _subject_read_as_apposition(source: Token, clause: Token) -> Token | None:
    """"According to Rep. Gowdy, congressional probing of the scandal was responsible ...": the
    parser takes the clause's subject, after the comma, for an apposition of the source and
    leaves the clause without a subject; it is the clause's. The parser may hang it lower, on
    the last noun of a long source ("According to a study by A and B, the recession ..."), and
    may take it for a conjunct after the comma ("According to polls by X, majorities of voters
    want ...")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    doc = source.doc
    return next((t for t in source.subtree if t.i > source.i and
                 t.dep_ in ("appos", "conj") and
                 t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," and
                 t.right_edge.i < clause.i), None)


def in_finding(token: Token) -> Draft | None:
    """"In the latest Register poll, Cruz led by ten points": a poll set before its clause is
    the clause's source, and "in" its cue, as annotators draw it. A poll after its clause is
    read by ``_finding_after``."""
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    clause = token.head
    if source is None or source.lemma_.lower() not in FINDING_NOUNS or token.dep_ != "prep":
        return None
    if token.i > clause.i or clause.pos_ not in ("VERB", "AUX"):
        return _finding_after(token, source)
    frame = {t.i for t in token.subtree}
    sent = token.sent
    content = [t.i for t in clause.subtree if t.i not in frame and sent.start <= t.i < sent.end
               and not (t.dep_ == "cc" and t.head == clause)]
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1], cue_lemma="in",
                 subject=source, confidence=0.6, act="thought")


def _finding_after(token: Token, source: Token) -> Draft | None:
    """"Clinton led Sanders by ten points in a Register poll": one poll after the main clause
    of a sentence is that clause's source too, with "in" its cue, and annotators draw the
    clause from its subject up to the poll (what follows the poll, "released Monday, a gain of
    ...", is no part of it). Only one poll (a singular noun): "has risen in the polls" tells the
    state of a race, which annotators mostly leave unattributed. The phrase may hang on the
    clause's object ("has a wide lead in the latest poll")."""
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.dep_ != "ROOT":
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if source.tag_ != "NN" or clause.dep_ != "ROOT" or clause.pos_ not in ("VERB", "AUX") or \
            subject is None or not subject.i < clause.i < token.i:
        return None
    content = [t.i for t in clause.subtree if subject.left_edge.i <= t.i < token.i]
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1], cue_lemma="in",
                 subject=source, confidence=0.6, act="thought")


def noun_cue(token: Token) -> Draft | None:
    """"his allegation that ...": a cue noun with a possessor and a that-clause; "his pledge to
    ban ...": an intention the possessor holds. An agent after the noun holds it as a
    possessor does ("the suggestion by the mayor that ...", "an admission from the board
    that ..."); with "from" and a that-clause any noun is a cue ("complaints from dock workers
    that ...": 4 of the 5 such statements this adds on the kept training articles match a gold
    content exactly)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or (lemma not in NOUN_CUES | INTENT_NOUNS and
                                not _voiced_from(token)):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None) or _holder(token)
    if owner is None or _medium_of_a_cue(token):
        return None
    clause = _that_clause(token)
    if clause is None:
        return _intention(token, owner)
    spans = to_spans(token.doc, [t.i for t in clause.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1],
                 cue_lemma=lemma, subject=owner, confidence=0.5)


def predicated_noun_cue(token: Token) -> Draft | None:
    """"Her fundamental argument is that ...", "The promise she made was that ...": a cue noun
    whose copula goes straight on with a that-clause has that clause for its content, as "her
    argument that ..." has; the parser hangs the clause on the copula, out of ``noun_cue``'s
    reach. The source is the noun's possessor or agent, or the subject of a relative clause on
    it; a view with none of these is held by people left unnamed (``_held_unowned``). On
    PolNeAR's kept training articles the owned reading matches 9 more gold contents, exactly,
    and loses none; the statements it hides (its clause holds their cue) matched none."""
    doc, copula = token.doc, token.head
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES | PREDICATED_NOUNS or \
            token.dep_ != "nsubj" or copula.lemma_ != "be" or copula.i + 1 >= len(doc):
        return None
    opening = doc[copula.i + 1]
    if opening.lower_ != "that" or opening.dep_ != "mark" or opening.head.head != copula:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None) or _holder(token) or \
        _relative_subject(token)
    spans = to_spans(doc, [t.i for t in opening.head.subtree])
    if not spans or (owner is None and not _held_unowned(token)):
        return None
    start = min([c.left_edge.i for c in token.children if c.dep_ == "amod" and c.i < token.i],
                default=token.i)
    return Draft("indirect", spans, cue=doc[start:token.i + 1], cue_lemma=token.lemma_.lower(),
                 subject=owner, confidence=0.5, act="speech" if owner else "thought",
                 unattributed=owner is None)


def _held_unowned(noun: Token) -> bool:
    """"The fear is that ...", "A common refrain is that ...": a noun of ``PREDICATED_NOUNS``
    (a hope, a fear, a message) or "view" that no one owns reports its clause as held by people
    the sentence leaves unnamed (on PolNeAR's kept training articles 7 of the 8 statements this
    adds match a gold content, one more in place of a wrong reading). Not the other nouns of
    ``NOUN_CUES`` ("a better explanation is that ...", "the argument is that ..."), where the
    writer gives their own reading, nor a noun whose "of" names the holder ("the impression of
    the crowd"), which this reading would lose."""
    return noun.lemma_.lower() in PREDICATED_NOUNS | {"view"} and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _relative_subject(noun: Token) -> Token | None:
    """"the promise she has made": the subject of a relative clause on the noun, who made it."""
    return next((g for c in noun.children if c.dep_ == "relcl" for g in c.children
                 if g.dep_ == "nsubj"), None)


def object_noun_cue(token: Token, inside: set[int]) -> Draft | None:
    """"The senator made the claim that ...", "Critics took issue with the suggestion that
    ...": a cue noun with a that-clause and no possessor or agent of its own, which a verb
    before it takes as its object (directly or through a preposition), is the verb's
    subject's statement; the cue runs from the verb to the noun, as annotators draw it. Through
    a preposition the subject answers a claim ("fired back at accusations that ..."): a stance,
    not their own speech."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES or \
            token.dep_ not in ("dobj", "pobj") or \
            any(c.dep_ == "poss" for c in token.children) or _holder(token) is not None or \
            _medium_of_a_cue(token):
        return None
    verb = token.head if token.dep_ == "dobj" else token.head.head
    clause = marked_clause(token)
    if verb.pos_ != "VERB" or verb.i > token.i or clause is None:
        return None
    subject = subject_of(verb, inside)
    spans = to_spans(token.doc, [t.i for t in clause.subtree])
    if subject is None or subject.i in inside or not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[verb.i:token.i + 1],
                 cue_lemma=token.lemma_.lower(), subject=subject, confidence=0.4,
                 act="speech" if token.dep_ == "dobj" else "stance")


def unowned_noun_cue(token: Token) -> Draft | None:
    """"Speculation that she might run grew", "amid complaints that the pier is unsafe": a
    noun of saying with a that-clause and no possessor or agent, which no verb's subject takes
    up as its own (``object_noun_cue``), reports the clause as said by someone unnamed (31 of
    the 43 such statements new on the kept training articles match a gold content)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES | REPORT_NOUNS or \
            any(c.dep_ == "poss" for c in token.children) or _holder(token) is not None or \
            _medium_of_a_cue(token):
        return None
    clause = marked_clause(token)
    if clause is None or clause.i < token.i:
        return None
    spans = to_spans(token.doc, [t.i for t in clause.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1],
                 cue_lemma=token.lemma_.lower(), confidence=0.4, act="speech",
                 unattributed=True)


def attack_noun(token: Token, inside: set[int]) -> Draft | None:
    """"Trump's attacks on the judge", "his harsh attacks on Clinton": a noun of attack with a
    possessor and an "on"/"against" object is the possessor's stance toward the object, as
    PolNeAR's annotators draw it (20 of the 40 such statements new on the kept training
    articles match a gold one). The cue runs from the noun's modifiers to the preposition
    ("pointed attacks on"); a possessive pronoun on a verb's object gives way to the verb's
    subject and the cue runs from the verb ("Cruz stepped up his attacks on ...")."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    prep = next((c for c in token.children if c.dep_ == "prep" and c.i > token.i and
                 c.lower_ in ("on", "against")), None)
    target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ATTACK_NOUNS or owner is None or \
            target is None:
        return None
    doc = token.doc
    owner, start = _voiced_by(token, owner, inside)
    spans = to_spans(doc, [t.i for t in target.subtree])
    if owner.i in inside or not spans:
        return None
    return Draft("indirect", spans, cue=doc[start:prep.i + 1], cue_lemma=token.lemma_.lower(),
                 subject=owner, confidence=0.4, act="stance")


def prepositional_noun_cue(token: Token, inside: set[int]) -> Draft | None:
    """"his call for a recount", "calls for an audit grew", "her remarks about the pier": a
    noun of ``PREPOSITION_NOUNS`` says what its preposition right after it governs, as "called
    for a recount" does; the cue is the noun and the preposition. Its possessor or agent
    ("a call from the union for ...") holds it, or the subject of a verb it is the object of
    ("made conflicting statements about", ``_voiced_by``); with none, someone unnamed. The
    parser may hang "for" as the mark of a clause ("calls for the board to resign"): all that
    clause. A stance, as a noun names a position where a verb reports the saying: inside what
    another cue governs ("condemned his call for a ban") it is part of that content, as
    annotators draw it. On the kept training articles 42 of the 50 statements this adds match
    a gold content."""
    doc = token.doc
    link = PREPOSITION_NOUNS.get(token.lemma_.lower())
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.pos_ != "NOUN" or link is None or after is None or after.lower_ != link or \
            _compounded(token):
        return None
    if after.dep_ == "prep" and after.head == token:
        governed = after.subtree
    elif after.dep_ == "mark" and after.head.left_edge == after:
        governed = after.head.subtree
    else:
        return None
    owner, start = _voiced_by(token, next((c for c in token.children if c.dep_ == "poss"), None)
                              or _holder(token), inside)
    content = [t.i for t in governed if t.i > after.i]
    spans = to_spans(doc, content)
    if not spans or any(i in inside for i in content) or (owner is not None and owner.i in inside):
        return None
    return Draft("indirect", spans, cue=doc[start:after.i + 1], cue_lemma=token.lemma_.lower(),
                 subject=owner, confidence=0.4, act="stance", unattributed=owner is None)


def _compounded(noun: Token) -> bool:
    """"a wake-up call for", "a phone call for": a noun that a common noun or a hyphenated
    word before it makes another thing than words (a name before it is its speaker, read as a
    compound where the parser takes a verb for a noun: "Ortiz talks about ...")."""
    return any(c.i < noun.i and ((c.dep_ == "compound" and c.pos_ == "NOUN") or
                                 any(t.text == "-" for t in c.subtree))
               for c in noun.children)


def _voiced_by(noun: Token, owner: Token | None, inside: set[int]) -> tuple[Token | None, int]:
    """Who holds what a noun says, and where its cue opens: at its modifiers ("pointed attacks
    on"), or, for the object of a verb with no owner of its own or a possessive pronoun, at the
    verb, whose subject holds it ("Cruz stepped up his attacks on", "made conflicting statements
    about")."""
    start = min([c.left_edge.i for c in noun.children if c.dep_ == "amod" and c.i < noun.i],
                default=noun.i)
    verb = noun.head
    if noun.dep_ == "dobj" and (owner is None or owner.tag_ == "PRP$") and verb.pos_ == "VERB":
        subject = subject_of(verb, inside)
        if subject is not None and subject.i not in inside:
            return subject, cue_span(verb).start
    return owner, start


def _voiced_from(noun: Token) -> bool:
    """"complaints from dock workers that the pier is unsafe": any noun that comes from
    someone and governs a that-clause voices that clause, listed as a cue noun or not."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and c.i == noun.i + 1
               for c in noun.children) and marked_clause(noun) is not None


def _holder(noun: Token) -> Token | None:
    """"the suggestion by the mayor that ...", "a warning from the union that ...": who holds
    the view a cue noun names, where no possessor does."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.i > noun.i and
                 c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj"), None)


def marked_clause(noun: Token) -> Token | None:
    """The head of a clause opened by the conjunction "that" that the noun governs (not a
    relative clause, whose "that" is a pronoun: "the views that they share")."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "advcl")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def _that_clause(noun: Token) -> Token | None:
    """The head of the that-clause a cue noun governs, however the parser hangs it."""
    clause = marked_clause(noun)
    if clause is None:
        nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
        if nxt is not None and nxt.lower_ == "that":
            clause = nxt.head if nxt.head.i > noun.i else None
    return clause


def _medium_of_a_cue(noun: Token) -> bool:
    """"wrote in her decision that ...": the noun is the medium of a verb of saying, whose
    statement takes the clause the parser hung on the noun; the noun draws none of its own.
    ("said of his rival's claim that ..." is another matter: the rival's claim is nested.)"""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS and \
        is_speech_verb(prep.head)


def _intention(noun: Token, owner: Token) -> Draft | None:
    """The infinitive right after an intention noun ("his pledge to remove ...", however the
    parser hangs it), as a stance of the possessor."""
    doc = noun.doc
    to = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if noun.lemma_.lower() not in INTENT_NOUNS or to is None or to.lower_ != "to" or \
            to.dep_ != "aux" or to.head.i <= to.i:
        return None
    spans = to_spans(doc, [t.i for t in to.head.subtree if t.i > noun.i])
    if not spans:
        return None
    return Draft("indirect", spans, cue=doc[noun.i:noun.i + 1], cue_lemma=noun.lemma_.lower(),
                 subject=owner, confidence=0.4, act="stance")
