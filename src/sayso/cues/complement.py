"""What a verb of saying reports, read from the parse: its clause, the infinitive of an appeal
or an intention, the object of a stance, the name a naming verb gives, or the clause an "as"
frame hangs on. The parser hangs these in many places (a that-clause on the addressee or on
the medium, "for" read as a clause's mark, a clause of the next sentence across a dash), and
each such place has a rule here; what stands around the content (the speaker, the frame) is
trimmed by ``reported``."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..channels import TELLING_VERBS, channel_role
from ..lexicon import (APPEAL_VERBS, DEMAND_VERBS, DOCUMENT_NOUNS, INTENT_VERBS, NAMING_VERBS,
                       OBJECT_VERBS, PREPOSITION_CUES, SPEECH_VERBS)
from .words import has_subject, is_put_it, is_speech_verb, is_to_infinitive


#: Dependents that fill a clause's object position, leaving no gap for a relative "that".
_FILLED_OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "auxpass", "dative"})


def complement(verb: Token) -> list[int]:
    """Token indices of what the verb reports, or [] when it reports nothing we can bound."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp" and not _is_relay(c, verb)
               and not _across_break(c, verb)]
    if not clauses and lemma in TELLING_VERBS:
        # "told NBC's show that he ...": the parser hangs the that-clause on the addressee
        clauses = [g for c in children if c.dep_ in ("dobj", "dative") for g in c.children
                   if g.dep_ in ("acl", "relcl", "ccomp") and any(
                       m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
    if not clauses:
        clauses = _clause_after_addressee(verb)
    if not clauses:
        clauses = _clause_on_medium(verb)
    if not clauses and not any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and
                               channel_role(verb, c) != "addressee") for c in children):
        clauses = _clause_on_adjunct(verb)
    clauses = _own_clauses_after(clauses, verb)
    if clauses:
        words = _subject_read_as_object(verb, clauses) + [t.i for c in clauses for t in c.subtree]
        return _without_next_report(_from_mark(words, verb.doc), verb)
    demanded = _demanded(verb)
    if demanded:
        return demanded
    charges = _pleaded_to(verb)
    if charges:
        return charges
    if lemma in NAMING_VERBS and any(c.dep_ in ("oprd", "ccomp") or
                                     (c.dep_ == "prep" and c.lower_ == "as") for c in children):
        right = [c for c in children if c.i > verb.i and c.dep_ in
                 ("dobj", "oprd", "ccomp", "attr", "acomp", "xcomp", "prep", "advcl")
                 and not (c.dep_ == "prep" and c.lower_ not in ("as",)) and not _adjunct(c)]
        return [t.i for c in right for t in c.subtree]
    if lemma in INTENT_VERBS:
        infinitives = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i
                       and is_to_infinitive(c)]
        if infinitives:
            return [t.i for c in infinitives for t in c.subtree]
    if lemma in APPEAL_VERBS and (lemma != "call" or any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in children)):
        infinitives = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                       and is_to_infinitive(c)]
        if infinitives:
            return _appealed_to(verb, infinitives[0]) + \
                [t.i for c in infinitives for t in c.subtree]
    preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i
             and c.lower_ in PREPOSITION_CUES.get(lemma, ())]
    if preps and not any(c.dep_ in ("dobj", "xcomp") for c in children):
        return [t.i for c in preps for g in c.children if g.dep_ in ("pobj", "pcomp")
                for t in g.subtree] + as_after_object(verb, preps[-1])
    if lemma in OBJECT_VERBS:
        objects = [c for c in children if c.dep_ in ("dobj", "prep") and c.i > verb.i
                   and not (c.dep_ == "prep" and when_or_how(verb, c))]
        if any(c.dep_ == "dobj" for c in objects) or (lemma == "refer" and objects):
            return [t.i for c in objects for t in c.subtree]
    # "..., officials said" frames what precedes it; "..., responding to the audit", without a
    # subject of its own, is the same speaker's next act, not a frame
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.head.i < verb.i \
            and _comma_before(verb) and not _own_object(verb) and has_subject(verb) \
            and not _subordinated(verb):
        own = {t.i for t in verb.subtree}
        return [t.i for t in verb.head.subtree if t.i not in own and t.i < verb.i]
    return _as_reported(verb)


def _appealed_to(verb: Token, infinitive: Token) -> list[int]:
    """"called on Mayor Grant to resign", "called on voters not to give in", "called on the
    governor, a former docker, to act": the one called on, right before the infinitive or set
    off from it only by punctuation, is the subject of what is asked and PolNeAR's annotators
    open the content with it (the parser hangs the infinitive on the verb either way, as a
    complement or as a purpose)."""
    doc = verb.doc
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                 and verb.i < c.i < infinitive.i and all(
                     t.is_punct or t.is_space
                     for t in doc[c.right_edge.i + 1:infinitive.left_edge.i])), None)
    if prep is None:
        return []
    return [t.i for g in prep.children if g.dep_ == "pobj" for t in g.subtree]


def _pleaded_to(verb: Token) -> list[int]:
    """"pleaded guilty in May to two counts of fraud", "pleaded not guilty to ...": a plea is a
    statement about the charges, which the "to" phrase names, whether the parser hangs it on
    the verb or on the plea word (PolNeAR's annotators draw the phrase, "to" included, 4
    times in 5); the plea word itself is part of the cue."""
    if verb.lemma_.lower() != "plead":
        return []
    plea = [c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ == "guilty"]
    return [t.i for h in [verb] + plea for c in h.children if c.dep_ == "prep" and
            c.lower_ == "to" and c.i > verb.i for t in c.subtree] if plea else []


#: Prepositions that set the saying before or after something else ("praised the mayor after
#: the vote", "endorsed Ruiz before backing Lee").
_TIME_PREPS = {"after", "before", "until", "upon", "amid", "following"}


def as_after_object(verb: Token, prep: Token) -> list[int]:
    """"referred to the mayor as “a coward”": an "as" phrase the parser hangs on the verb right
    after the prepositional object says what the object is taken for, which is the stance
    itself (PolNeAR's annotators take it in, 8 of 8 such contents in the kept training
    articles). Only for a verb that takes its object through a preposition: after a bare
    object ("described the dinner as ...") the gold leaves it out more often than not."""
    after = prep.right_edge.i + 1
    return [t.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == after
            for t in c.subtree]


def when_or_how(verb: Token, prep: Token) -> bool:
    """"faulted the director on Monday", "... in an email to members", "... after the vote":
    a time or the medium of the verb says when or how, not what (PolNeAR's annotators end the
    content before it)."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children) or \
        channel_role(verb, prep) == "medium" or prep.lower_ in _TIME_PREPS


def nothing_after(verb: Token, *allowed: str) -> bool:
    """Nothing hangs on the verb after it but punctuation, adverbs, a time, a medium or the
    ``allowed`` dependencies: what the verb reports stands before it ("the levy, which the union
    opposed on Monday"), if anywhere."""
    return not any(c.i > verb.i and c.dep_ not in ("punct", "advmod", "npadvmod", *allowed) and
                   not (c.dep_ == "prep" and when_or_how(verb, c)) for c in verb.children)


#: Marks that end one main clause and open the next within a sentence.
_CLAUSE_BREAKS = {";", ":", "—", "–", "--", "-"}


def _across_break(clause: Token, verb: Token) -> bool:
    """"The club made money — he reported earning $132 million", "A; B said the same": a
    clause before the verb across a semicolon, colon or dash is a sentence of its own that
    the parser hung on the verb, not what the verb reports. So is one before a comma when the
    verb has its own subject after it and its own object or infinitive ("When the rally ended,
    the mayor decided to stay"), or shares the clause's subject (``_shares_subject``); "A, he
    said" and "A, she told reporters" keep it."""
    doc = verb.doc
    if clause.i > verb.i:
        return False
    if any(t.text in _CLAUSE_BREAKS and (t.text != "-" or doc[t.i - 1].whitespace_)
           for t in doc[clause.right_edge.i + 1:verb.i]):  # not the hyphen of "Sun-Times"
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and clause.right_edge.i < c.i < verb.i
                  for c in verb.children)
    own = any(c.i > verb.i and (c.dep_ == "xcomp" or (
        c.dep_ == "dobj" and verb.lemma_.lower() not in TELLING_VERBS)) for c in verb.children)
    return (subject or _shares_subject(clause, verb)) and own


def _shares_subject(clause: Token, verb: Token) -> bool:
    """"Lee summed up the plan as “reckless,” denounced the levy and ...": a verb with no
    subject of its own after a clause that has one is that clause's next predicate, which the
    parser hangs the clause on. A verb of saying or one whose object is a document may frame
    the clause before it with its speaker set after it ("..., added an aide", "“...,” read
    the letter"), and that clause is what it reports."""
    doc = verb.doc
    return not has_subject(verb) and not any(c.dep_ == "expl" for c in verb.children) and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and \
        not doc[clause.left_edge.i].is_quote and verb.lemma_.lower() not in SPEECH_VERBS and \
        not any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


#: Words that open a clause saying when, why or on what condition something was said.
_SUBORDINATORS = {"when", "while", "after", "before", "because", "since", "if", "though",
                  "although", "until", "once", "as", "whenever"}


def _adjunct(child: Token) -> bool:
    """"called the plan a gamble when asked about it", "..., saying ...": an adverbial clause
    opened by a subordinator, or a participle, tells when or how a name was given; it is no
    part of the name (where "called it unfair for the students to be ..." keeps its for-clause)."""
    return child.dep_ == "advcl" and (child.tag_ == "VBG" or any(
        m.dep_ in ("mark", "advmod") and m.i < child.i and m.lower_ in _SUBORDINATORS
        for m in child.children))


#: Verbs that ask: their clause after the one asked opens with "if" or "whether".
ASKING_VERBS = {"ask", "inquire", "question", "quiz", "press"}


def _clause_after_addressee(verb: Token) -> list[Token]:
    """"asked workers if they planned to ...", "reminding voters that the merger ...": after
    an object the parser takes the clause for an adverbial one; a that-clause (an if- or
    whether-clause after a verb that asks) is what the verb reports."""
    if not any(c.dep_ in ("dobj", "dative") and c.i > verb.i for c in verb.children):
        return []
    marks = ("if", "whether") if verb.lemma_.lower() in ASKING_VERBS else ("that",)
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
        m.dep_ == "mark" and m.lower_ in marks and m.i == c.left_edge.i for m in c.children)][:1]


def _clause_on_medium(verb: Token) -> list[Token]:
    """"said in a statement that ...", "said in an interview with the Ledger that ...": the parser
    hangs the that-clause on the medium's noun, leaving the verb without a clause."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or channel_role(verb, prep) != "medium":
            continue
        return [t for t in prep.subtree if t.dep_ in ("acl", "relcl", "ccomp") and
                t.head.pos_ in ("NOUN", "PROPN") and
                any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)][:1]
    return []


def _clause_on_adjunct(verb: Token) -> list[Token]:
    """"predicted at the debate that turnout will fall", "said for the first time that ...",
    "told donors at a lunch in the Elm Room that ...": the parser takes the that-clause after
    the adverbial phrases for a relative clause on one of their nouns. It is the verb's own
    when it is whole (a subject of its own and no gap for "that" to fill) and only nouns stand
    between it and the verb, also after the addressee of a verb of telling (on the kept
    training articles this gives 3 of the 4 contents it changes as annotators draw them). The
    verb's own preposition ("pointed to the finding that ...") holds what it reports instead."""
    if not is_speech_verb(verb):
        return []
    own = PREPOSITION_CUES.get(verb.lemma_.lower(), set())
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ not in own]
    return [t for prep in preps for t in prep.subtree if t.dep_ == "relcl" and
            _whole_that_clause(t) and _hangs_on_nouns(t, prep)][:1]


def _hangs_on_nouns(clause: Token, prep: Token) -> bool:
    """No verb between the clause and the preposition it hangs under: "so out of the ordinary
    that it would ..." below "would be" is that verb's result, not the cue's report."""
    head = clause.head
    while head != prep:
        if head.pos_ in ("VERB", "AUX"):
            return False
        head = head.head
    return True


def _whole_that_clause(clause: Token) -> bool:
    """A clause opened by "that" that is complete without it: "that" is its mark or adverb, or
    an object beside another object (the clause has its own subject either way)."""
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ != "that" or opener.head != clause or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c != opener for c in clause.children):
        return False
    return opener.dep_ in ("mark", "advmod") or (opener.dep_ == "dobj" and any(
        c.dep_ in _FILLED_OBJECT_DEPS and c != opener for c in clause.children))


def _subject_read_as_object(verb: Token, clauses: list[Token]) -> list[int]:
    """"It said supporters of the group, also known as X, were sharing ...": after a long
    subject the parser makes the clause's subject the verb's object and leaves the clause
    without one; an object between the verb and a clause that has neither subject nor mark of
    its own is that clause's subject (an addressee, "told them that ...", keeps its mark). Its
    words run up to the clause, with the comma that closes an apposition. A time noun opening
    that subject ("said the days when ... are gone") is read as the verb's adverbial instead;
    before a clause without a subject it is that subject all the same."""
    clause = clauses[0]
    if len(clauses) != 1 or clause.i < verb.i or any(
            g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") or
            (g.dep_ == "aux" and g.lower_ == "to") for g in clause.children):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and
                    verb.i < c.i < clause.i and channel_role(verb, c) is None), None)
    if subject is None:
        return []
    return list(range(subject.left_edge.i, clause.left_edge.i))


def _from_mark(clause: list[int], doc: Doc) -> list[int]:
    """"said only that the pier is safe": an adverb before the clause's "that" limits the
    saying, though the parser hangs it on the clause; annotators start the content at "that"."""
    first = min(clause)
    mark = doc[first + 1] if first + 1 < len(doc) else None
    if doc[first].pos_ == "ADV" and mark is not None and mark.lower_ == "that" and \
            mark.dep_ == "mark" and mark.i in clause:
        return [i for i in clause if i != first]
    return clause


def _demanded(verb: Token) -> list[int]:
    """"is calling for the province to pay ...": the parser makes "for" the mark of a clause."""
    if verb.lemma_.lower() not in DEMAND_VERBS:
        return []
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" and
                                         m.i == verb.i + 1 for m in child.children):
            return [t.i for t in child.subtree if not (t.dep_ == "mark" and t.head == child)]
    return []


def _as_reported(verb: Token) -> list[int]:
    """"As the Ledger reported on Friday, the board has signed": the clause the "as" frame
    hangs on is what was reported (the parser hangs the frame on it as an adverbial clause or,
    before a quotation, as a clausal complement)."""
    if verb.dep_ not in ("advcl", "ccomp") or _own_object(verb) or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return []
    own = {t.i for t in verb.subtree}
    doc, first, last = verb.doc, min(own), max(own)
    if not ((first > 0 and doc[first - 1].text == ",") or doc[last].text == "," or
            (last + 1 < len(doc) and doc[last + 1].text == ",")):
        return []  # "dressed in black as they yelled at ...": a time, not a source
    sent = verb.sent
    return [t.i for t in verb.head.subtree
            if t.i not in own and sent.start <= t.i < sent.end and not t.is_space]


def _without_next_report(clause: list[int], verb: Token) -> list[int]:
    """"said she was thinking “...,” adding, “...”": a participle of speech after a comma
    starts the next statement of the same speaker, which the parser hangs inside the clause;
    so does a report with a subject of its own ("74 percent said they would stay, while 22
    percent said they might not")."""
    doc, inside = verb.doc, set(clause)
    for i in sorted(clause):
        t = doc[i]
        if i <= verb.i or t.dep_ not in ("advcl", "conj", "xcomp") or \
                t.head.i not in inside or not is_speech_verb(t):
            continue
        if t.tag_ != "VBG" and (t.dep_ == "xcomp" or not has_subject(t)):
            continue
        start = i if t.tag_ == "VBG" else t.left_edge.i
        comma = start - 1  # the comma before it, maybe behind a closing quotation mark
        while comma > verb.i and doc[comma].is_quote:
            comma -= 1
        if doc[comma].text == ",":
            return [j for j in clause if j < start and not (j == start - 1 == comma)]
    return clause


def _own_object(verb: Token) -> bool:
    """The verb governs an object or clause of its own after it ("..., noting two near
    misses"), so it is no parenthetical frame; an addressee ("..., X told Reuters") is not one."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i and
               channel_role(verb, c) is None and not is_put_it(c) for c in verb.children)


def _subordinated(verb: Token) -> bool:
    """"..., “a fine plan,” when the council posted it on Friday": a clause opened by a
    subordinator ("when", "because", "after") says when or why of the sentence before it; it
    does not frame that sentence as what its subject said."""
    return any(c.i < verb.i and (c.tag_ == "WRB" and c.dep_ == "advmod" or
                                 c.dep_ == "mark" and c.lower_ != "as")
               for c in verb.children)


def _comma_before(verb: Token) -> bool:
    """True when the verb's clause follows a comma, dash or closing quote: a parenthetical."""
    first = min((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    return first > 0 and verb.doc[first - 1].text in (",", "”", '"', "—", "–")


def _is_relay(clause: Token, verb: Token) -> bool:
    """A clause after a comma with a speech verb and subject of its own ("..., X reported")."""
    return clause.i > verb.i and is_speech_verb(clause) and _comma_before(clause) and \
        any(c.dep_ == "nsubj" for c in clause.children) and \
        not any(c.dep_ == "ccomp" for c in clause.children)


def _own_clauses_after(clauses: list[Token], verb: Token) -> list[Token]:
    """"The board met on Monday ..., and members said they would meet again": where the verb
    has a clause of its own after it, with its own subject, a clause the parser also hangs on
    it from before the subject is the sentence it follows, not part of what was said (an
    interrupted clause, "The plan, she said, would fail", goes on after the verb without a
    subject of its own)."""
    after = [c for c in clauses if c.i > verb.i]
    if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for c in after for g in c.children):
        return after
    return clauses
