"""What a quotation's statement says when the quote is only part of it: the words of its
sentence before it (a lead-in), around a mid-sentence frame ("The plan, she said, “is a
gamble”"), after it up to the sentence's end, or the cue's clause that runs into it ("argued
that “outsiders” had ..."). PolNeAR's annotators take these words into the content, and the
statement is then *mixed*."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from ..channels import TELLING_VERBS, channel_role
from ..quotes import Quote
from .complement import complement
from .spans import BREAKS, CONNECTIVES, merge_adjacent, to_spans
from .words import SUBJECTS, cue_span, is_speech_verb, rest_after_frame, subject_of


def tail_before_frame(doc: Doc, span: Span, verb: Token, inside: set[int]) -> list[int]:
    """"The vote signals “the beginning of the end” for the union, she said": the words
    between a quoted fragment and the frame after it finish the reported clause."""
    subject = subject_of(verb, inside)
    first = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
    if first <= span.end or doc[first - 1].text != ",":
        return []
    tail = [t.i for t in doc[span.end:first - 1] if not t.is_space]
    if not any(doc[i].is_alpha for i in tail) or any(i in inside for i in tail):
        return []
    return tail


def resumes_in_lower_case(span: Span, verbs: Iterable[Token]) -> bool:
    """The quote opens in lower case, going on with a sentence begun before it, and the clause
    of none of ``verbs`` runs on into it ("she said, noting that she and her son, “have ...”":
    that quote is the clause's)."""
    first = next((t for t in span if t.is_alpha), None)
    return first is not None and first.text[0].islower() and \
        not any(first.i in complement(verb) for verb in verbs)


def tail_after_frame(verb: Token, subject: Token | None, inside: set[int]) -> list[int]:
    """"The mill “looked doomed,” the mayor said, without the new contract": a frame set off by
    commas inside a reported clause that a quoted fragment opens interrupts it, and the clause
    goes on after the frame to the end of the sentence. Not a new quotation (which is drafted
    on its own), a participle (the speaker's next act), another speaker's report or a clause
    of its own after "and"/"but" (", but she has ...": the writer goes on). Not after an "as"
    frame ("..., as the “audit” urged, and ..."), whose verb reports the clause it hangs on."""
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return []
    frame = [verb.i] + ([t.i for t in subject.subtree] if subject is not None else [])
    tail = rest_after_frame(verb, max(frame), inside)
    return [] if not tail or _own_clause_after_and(tail) else [t.i for t in tail]


def _own_clause_after_and(tail: list[Token]) -> bool:
    """The words open with a coordinating conjunction and a clause with a subject of its own."""
    return tail[0].dep_ == "cc" and any(
        t.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in t.children) for t in tail)


def around_aside(doc: Doc, span: Span, verb: Token, inside: set[int]) -> list[int]:
    """"The plan, she said, “is a gamble.”": a cue set off by commas after the subject of the
    clause the quote ends. That subject and any words between the aside and the quote are part
    of what was said, and so are words without a subject before a quote that opens in lower
    case ("While sales held up, he said, “that fixed nothing.”"): the quote goes on with them.
    [] when the cue is no such aside."""
    subject = subject_of(verb, inside)
    if subject is None:
        return []
    first = min(verb.i, min(t.i for t in subject.subtree))
    last = max([verb.i] + [t.i for c in verb.rights if c.dep_ in ("advmod", "npadvmod")
                           for t in c.subtree])
    if first < 1 or last + 1 >= span.start or doc[first - 1].text != "," or \
            doc[last + 1].text != ",":
        return []
    sent = doc[first].sent
    opening = sent.start
    for token in doc[sent.start:first]:
        if token.i in inside or token.text in BREAKS or "\n" in token.text or \
                _joins_clauses(token):
            opening = token.i + 1
    words = [i for i in range(opening, first - 1) if not doc[i].is_space]
    opens_clause = any(doc[i].dep_ in SUBJECTS and doc[i].head.i not in words for i in words)
    goes_on = _continues(span) and any(doc[i].is_alpha and doc[i].lower_ not in CONNECTIVES
                                       for i in words)  # "Still, he said, “...”" does not
    if not opens_clause and not goes_on:
        return []  # "At the rally, she said, “...”": a setting, not the start of a clause
    return words + [i for i in range(last + 2, span.start) if not doc[i].is_space]


def _joins_clauses(token: Token) -> bool:
    """", and" or ", but" between two clauses ("The council voted it down, and naturally, she
    said, “the mayor was furious.”"): the clause before it is the writer's, and the aside
    attributes only what comes after."""
    doc = token.doc
    return token.dep_ == "cc" and token.i > 0 and doc[token.i - 1].text == "," and \
        token.head.pos_ in ("VERB", "AUX")


def rest_of_clause(span: Span, inside: set[int]) -> list[int]:
    """"The fund, she said, “is a gamble” for the town": the words after a quoted fragment
    that finish its sentence are part of what was said, unless a cue of their own follows."""
    doc = span.doc
    tail = [t.i for t in doc[span.end:doc[span.end - 1].sent.end] if not t.is_space]
    if not any(doc[i].is_alpha for i in tail) or any(
            i in inside or (is_speech_verb(doc[i]) and subject_of(doc[i], inside) is not None)
            for i in tail):
        return []
    return tail


#: A quote with at least this many words before it in its sentence is a fragment of that
#: sentence, which is then the statement's content.
LEAD_IN_WORDS = 3


def lead_in(doc: Doc, span: Span, inside: set[int]) -> list[int]:
    """The words of the quote's sentence before it, when the quote is only a fragment: after
    ``LEAD_IN_WORDS`` words, or after fewer that run straight into a quote opening in lower
    case ("The plan “is a giveaway,” he said"). A participle opening them frames the quote
    instead ("Citing “the cost,” the mayor ...")."""
    sent = doc[span.start].sent
    start = sent.start
    for token in doc[sent.start:span.start]:
        if token.i in inside or token.text in BREAKS:
            start = token.i + 1
    lead = [t.i for t in doc[start:span.start] if not t.is_space]
    if sum(1 for i in lead if doc[i].is_alpha) >= LEAD_IN_WORDS:
        return lead
    runs_in = bool(lead) and doc[lead[0]].tag_ != "VBG" and not any(
        doc[i].is_punct and doc[i].tag_ != "POS" for i in lead)
    return lead if runs_in and _continues(span) else []


def _continues(span: Span) -> bool:
    """The quotation opens in lower case: it goes on with a clause begun before it."""
    first = next((t for t in span if t.is_alpha), None)
    return first is not None and first.text[0].islower()


def mixed_from_left(doc: Doc, quote: Quote, span: Span, verb: Token, used: set[int],
                     inside: set[int]) -> Draft:
    """Reported speech ending in a quoted fragment: the content is the verb's complement (or
    the words between cue and quote) together with the quote. The words the cue takes in
    ("call for", "pointed to") are no part of the content. The parser may hang the opening mark
    of a quote that starts the clause on the cue ("says “the wind is at our backs” despite
    ..."); the clause still holds the quote."""
    used.add(verb.i)
    cue = cue_span(verb)
    clause = [i for i in complement(verb) if i >= cue.end]
    first_word = next((t.i for t in span if not t.is_punct), span.start)
    if not clause or not (min(clause) <= first_word and span.start <= max(clause) + 1):
        start = cue.end
        while start < span.start and (doc[start].dep_ == "prt" or doc[start].is_punct
                                      or _is_addressee(doc[start], verb)
                                      or _is_medium(doc[start], verb)):
            start = _past_addressee_or_medium(doc, start, verb)
        clause = list(range(start, span.start))
    content = to_spans(doc, [i for i in clause if not span.start <= i < span.end])
    after = to_spans(doc, _adjunct_after(span, verb, inside) or
                     _object_run_on(span, verb, inside))
    merged = merge_adjacent(doc, content + [(quote.start, quote.end)] + after)
    return Draft("mixed", merged, cue=cue, cue_lemma=verb.lemma_.lower(),
                 subject=subject_of(verb, inside), quote=quote, confidence=0.85)


def _adjunct_after(span: Span, verb: Token, inside: set[int]) -> list[int]:
    """"called Horgos “a mistake” because few people live there": a clause or phrase the
    verb takes right after the quoted fragment qualifies what was said and is part of it."""
    doc = span.doc
    words = {t.i for c in verb.rights if c.i >= span.end and _qualifies(c)
             for t in c.subtree}
    tail = []
    i = span.end
    while i in words and i not in inside:
        tail.append(i)
        i += 1
    return tail if any(doc[j].is_alpha for j in tail) else []


def _object_run_on(span: Span, verb: Token, inside: set[int]) -> list[int]:
    """"laments a “throwaway culture” in which the poor are left behind": the rest of the
    cue's object when the quote lies inside it and the phrase runs on past the closing mark;
    the words up to its end are part of what was said. [] when a cue of its own or another
    quote lies within, or when the phrase goes on only after a mark or a conjunction (", the
    founder who ...", "and leading ..."): a gloss or a second phrase, not the quoted one's."""
    doc = span.doc
    holder = next((c for c in verb.rights if c.dep_ in _REPORTED_DEPS and
                   c.left_edge.i <= span.start and span.end <= c.right_edge.i), None)
    if holder is None or holder.right_edge.i >= doc[span.start].sent.end:
        return []
    tail = range(span.end, holder.right_edge.i + 1)
    if doc[span.end].is_punct or doc[span.end].dep_ == "cc" or \
            not any(doc[i].is_alpha for i in tail) or \
            any(i in inside or (is_speech_verb(doc[i]) and subject_of(doc[i], inside) is not None)
                for i in tail):
        return []
    return [i for i in tail if not doc[i].is_space]


def _qualifies(adjunct: Token) -> bool:
    """A phrase ("despite his loss") or a clause opened by a conjunction ("because ...") that
    reports nothing of its own; a participle ("adding that ...") is the speaker's next act."""
    if any(is_speech_verb(t) for t in adjunct.subtree):
        return False
    if adjunct.dep_ == "prep":
        return True
    return adjunct.dep_ == "advcl" and adjunct.tag_ not in ("VBG", "VBN") and any(
        c.dep_ == "mark" for c in adjunct.children)


def _is_addressee(token: Token, verb: Token) -> bool:
    return token.head == verb and token.dep_ in ("dobj", "dative") and \
        verb.lemma_ in TELLING_VERBS


def _is_medium(token: Token, verb: Token) -> bool:
    """"said in a statement that ... “...”": the medium is a channel, not what was said."""
    return token.head == verb and token.dep_ == "prep" and channel_role(verb, token) == "medium"


def _past_addressee_or_medium(doc: Doc, i: int, verb: Token) -> int:
    """Past the addressee or the medium at ``i`` (the phrase whose clause the parser hung on
    the medium's noun goes on after the noun), else past the word."""
    token = doc[i]
    if _is_addressee(token, verb):
        return max(t.i for t in token.subtree) + 1
    if _is_medium(token, verb):
        noun = next((c for c in token.children if c.dep_ == "pobj"), token)
        return max([noun.i] + [t.i for c in noun.rights if c.dep_ == "prep"
                               for t in c.subtree]) + 1
    return i + 1


#: What a cue takes as its object or clause; a phrase that runs on past a quote under one of
#: these is still what was said.
_REPORTED_DEPS = ("dobj", "ccomp", "xcomp", "attr", "oprd")

#: Attachments that add to a phrase from outside it: a gloss ("“CNN” five times"), a
#: conjoined act, an adverbial.
_ADDED_DEPS = ("appos", "npadvmod", "advmod", "advcl", "cc", "conj", "punct", "parataxis")


def object_after_quote(span: Span, verb: Token, inside: set[int]) -> list[int]:
    """"found “evidence” that the board had been warned", "testified “thousands” of emails
    were lost": a quoted phrase right after its cue that opens the cue's object or clause,
    which runs on straight past the closing mark. The words up to the end of that object or
    clause are part of what was said. [] when the quote ends it, when what follows only
    qualifies a quoted verb ("saying “pray for him” in response") or glosses the quote
    ("said “CNN” five times"), or when a cue lies within. A quote that ends like a sentence of
    its own is the caller's to exclude."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_alpha:
        return []
    reported = [c for c in verb.children
                if c.i > verb.i and (c.dep_ in _REPORTED_DEPS or _bare_clause(c))]
    last = max((c.right_edge.i for c in reported), default=-1)
    if last < span.end or last >= doc[span.start].sent.end:
        return []
    tail = range(span.end, last + 1)
    if any(is_speech_verb(doc[i]) and subject_of(doc[i], inside) is not None for i in tail):
        return []
    if not all(_runs_on(doc[i], span, verb) for i in tail if doc[i].head.i not in tail):
        return []
    return [i for i in tail if not doc[i].is_space]


def _runs_on(top: Token, span: Span, verb: Token) -> bool:
    """A phrase after the quote continues what the quote began: it hangs on a quoted noun
    ("“evidence” that ..."), on the clause the quote opens, or on the cue itself, and is no
    gloss or adverbial added to it."""
    if top.dep_ in _ADDED_DEPS and not _bare_clause(top):
        return False
    head = top.head
    if span.start <= head.i < span.end:
        return head.pos_ not in ("VERB", "AUX")
    return head.i == verb.i or head.i >= span.end


def _bare_clause(clause: Token) -> bool:
    """"testified “thousands” of emails had not been turned over": the parser reads a finite
    clause without "that" as an adverbial one; with an auxiliary and no mark it is reported."""
    return clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children) and \
        any(c.dep_ in ("aux", "auxpass") for c in clause.children)
