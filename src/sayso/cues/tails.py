"""Words the parse strands after a content that belong to it.

A content bounded by a subtree stops where the parser hangs the next words elsewhere: on the
cue ("has proposed a levy | to fund the port", the infinitive read as the proposer's purpose;
"urged the board to cut fees, | freeze hiring and ...", the verbs read as the cue's
conjuncts), on a clause of their own ("warned the plan | could fail", the subject read as the
object), or on a clause the "that" opening the content was cut from ("found that | , while
..., few will vote"). What the speaker spoke of ("asked the mayor | about the levy") and the
condition of what was said ("vowed to strike | unless ...") and what the object did
("recalled her years | advising the board"), what it is taken for ("portrayed the mayor | as a
bully") and what an estimate puts it at ("put her fortune | at $2 billion") hang on the cue
too, and what follows a frame set off by commas ("The pier is safe, | she said, | because
...") on the frame. In PolNeAR's training split annotators take all of these in, and
they often reach further than the learned edges may move.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from ..lexicon import RECORD_NOUNS
from .complement import when_or_how
from .spans import (closes_a_gerund_list, ending_after, first_piece, head_of, last_piece,
                    tokens_of)
from .words import (FINITE_TAGS, RELATIVE_PRONOUN_TAGS, SUBJECTS, has_subject,
                    is_listed_verb)

#: At most this many stranded phrases are taken on, one after the other.
MAX_TAILS = 2
#: Dependencies of a verb the parser may hang on the cue when it belongs to the content.
_ON_THE_CUE = ("advcl", "xcomp")
#: Dependencies of a base-form verb hung on or above the cue that goes on the content's
#: infinitive.
_COORDINATED = ("conj", "advcl", "ccomp")
#: Prepositions that name what was spoken of.
_TOPIC = frozenset({"about"})
#: Prepositions that name the issue a party is taken to task on.
_ISSUE = frozenset({"on", "over"})
#: The preposition that names the arena of a stance.
_ARENA = frozenset({"in"})
#: Dependents that make a noun a phrase of its own rather than part of an idiom ("in public").
_MODIFIERS = frozenset({"det", "amod", "poss", "nummod", "compound"})
#: Words that open a condition.
_CONDITIONS = frozenset({"if", "unless"})
#: Words that open the reason given for what was said.
_REASONS = frozenset({"because"})
#: Entity types of a sum or a share.
_MEASURES = frozenset({"MONEY", "PERCENT"})
#: Conjunctions that open a subordinate clause reported as it is ("and that ...").
_REPORTING_MARKS = frozenset({"that", "whether", "if"})
#: Tags of the wh-words that open an indirect question ("and how ...", "and what ..."); a
#: relative "that" has one of them too, and stays out.
_WH_TAGS = frozenset({"WDT", "WP", "WRB"})


def with_stranded_tail(doc: Doc, spans: list[tuple[int, int]],
                       cue: Span | None) -> list[tuple[int, int]]:
    """The content's last piece taken on to the end of the phrases the parse strands after it,
    if any (see the module docstring): one tail may strand the next ("faulted the mayor | in
    the council | over the levy", the arena before the issue)."""
    for _ in range(MAX_TAILS):
        longer = _with_next_tail(doc, spans, cue)
        if longer == spans:
            break
        spans = longer
    return spans


def _with_next_tail(doc: Doc, spans: list[tuple[int, int]],
                    cue: Span | None) -> list[tuple[int, int]]:
    """The content's last piece taken on to the end of the one phrase stranded right after it."""
    if not spans or cue is None:
        return spans
    last = last_piece(doc, spans)
    words = [t for t in last or () if not (t.is_punct or t.is_space)]
    if not words:
        return spans
    after_frame = _words_after_frame(words, cue)
    if after_frame is not None:
        return spans + [(after_frame.start_char, after_frame.end_char)]
    if words[-1].i < cue.start:
        return spans
    tail = (_infinitive_on_cue(words, cue) or _clause_of_object(words, cue)
            or _coordinated_infinitive(words, cue) or _coordinated_gerund(words, cue)
            or _topic_on_cue(words, cue)
            or _arena_on_cue(words, cue) or _second_object_on_cue(words, cue)
            or _condition_on_cue(words, cue) or _coordinated_report_on_cue(words, cue)
            or _clause_after_mark(words)
            or _participle_of_object_on_cue(words, cue) or _phrase_after_quoted_words(words, cue)
            or _predicate_of_object_on_cue(words, cue) or _measure_of_object_on_cue(words, cue))
    if tail is None:
        return spans
    end = _phrase_end(tail)
    return ending_after(spans, end)


#: Dependencies that give a frame a content of its own ("he said that ...", "he urged ...").
_FRAME_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "mark"})
#: The most words a frame set off by commas may hold, its commas included.
_FRAME_LENGTH = 8


def _words_after_frame(words: list[Token], cue: Span) -> Span | None:
    """"The vote would be close, she said, because turnout was low": a content that ends right
    before a frame set off by commas inside its sentence goes on after the frame, wherever the
    parser hangs what follows (on the frame's verb, or past it on the clause the frame
    interrupts). Annotators take it in as a second piece (159 of the 171 gold contents ending
    before such a frame in PolNeAR's kept training articles). Not a participle after the frame
    ("..., she said, adding ..."), the speaker's next act, nor a gloss or a date on what came
    before."""
    comma = _next_word(words[-1])
    if comma is None or comma.text != "," or cue.start <= comma.i or \
            cue.sent != words[-1].sent:
        return None
    closing = _frame_closing(comma, cue)
    if closing is None:
        return None
    rest = list(closing.doc[closing.i + 1:cue.sent.end])
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    if not rest or _opens_no_continuation(rest[0], rest):
        return None
    return closing.doc[rest[0].i:rest[-1].i + 1]


def _frame_closing(comma: Token, cue: Span) -> Token | None:
    """The comma that closes a short frame opened by ``comma``: a subject, the cue and at most
    an adverbial or an addressee, with nothing of its own to report."""
    doc = comma.doc
    closing = next((t for t in doc[cue.root.i + 1:cue.sent.end] if t.text == ","), None)
    if closing is None or closing.i - comma.i > _FRAME_LENGTH:
        return None
    frame = doc[comma.i + 1:closing.i]
    if not any(t.dep_ in SUBJECTS and t.i < cue.root.i for t in frame) or \
            any(t.dep_ in _FRAME_CONTENT_DEPS or t.is_punct for t in frame):
        return None
    return closing


def _opens_no_continuation(first: Token, rest: list[Token]) -> bool:
    """Whether the words after a frame are no part of the content: a quotation, a participle
    (the speaker's next act), a date, or a noun phrase set beside what came before."""
    return first.is_punct or first.is_quote or first.is_space or first.tag_ == "VBG" or \
        first.ent_type_ in ("DATE", "TIME") or \
        any(t.dep_ == "appos" and t.left_edge.i == first.i for t in rest)


def _holds_object_of(words: list[Token], heads: Collection[int]) -> bool:
    """Whether the content's words hold the direct object of one of the tokens ``heads``: the
    tails that say what the object is taken for, put at or done in hang on such a content."""
    return any(t.dep_ == "dobj" and t.head.i in heads for t in words)


def _next_word(token: Token) -> Token | None:
    """The token right after, with nothing between (no punctuation, no line break)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or "\n" in token.whitespace_:
        return None
    return doc[token.i + 1]


def _infinitive_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"has proposed a levy to fund the port": an infinitive right after the cue's object that
    the parser hangs on the cue is what the object is for, and part of what was proposed. A
    cue that is itself a subject ("Criticizing the police to win votes will ...") names an act,
    and the infinitive its purpose."""
    to = _next_word(words[-1])
    if to is None or to.tag_ != "TO" or to.dep_ != "aux":
        return None
    verb = to.head
    if verb.i <= to.i or verb.dep_ not in _ON_THE_CUE or \
            verb.head.i not in range(cue.start, cue.end) or verb.head.dep_ in SUBJECTS:
        return None
    return verb


def _clause_of_object(words: list[Token], cue: Span) -> Token | None:
    """"warned the plan could fail": a modal or auxiliary right after the content opens a
    clause whose subject the parser read as the content's last noun; the clause is the
    content, unless it is the sentence's main verb or has a subject of its own elsewhere."""
    aux = _next_word(words[-1])
    if aux is None or aux.dep_ not in ("aux", "auxpass") or aux.tag_ == "TO":
        return None
    verb = aux.head
    inside = {t.i for t in words}
    if verb.i <= aux.i or verb.dep_ == "ROOT" or verb.i in range(cue.start, cue.end):
        return None
    if any(c.dep_ in SUBJECTS and c.i not in inside for c in verb.children):
        return None
    return verb


def _coordinated_infinitive(words: list[Token], cue: Span) -> Token | None:
    """"urged the board to cut fees, freeze hiring and sell the building": base-form verbs
    after a comma that the parser coordinates with the cue (which is not in the base form), or
    with a clause the cue hangs under ("said, as he urged ... to cut fees, | freeze ...", "calling
    on ... to cut fees, | freeze ..." read as the head of the cue), go on the infinitive that
    ends the content."""
    doc = words[0].doc
    comma = _next_word(words[-1])
    if comma is None or comma.text != "," or comma.i + 1 >= len(doc):
        return None
    verb = doc[comma.i + 1]
    head = verb.head
    if verb.tag_ != "VB" or verb.dep_ not in _COORDINATED or head.tag_ == "VB" or \
            not _on_or_above(head, cue) or has_subject(verb) or \
            not any(t.tag_ == "TO" and t.head.tag_ == "VB" for t in words):
        return None
    return verb


def _coordinated_gerund(words: list[Token], cue: Span) -> Token | None:
    """"backed closing the depot, selling the pier and raising the fees": a gerund after a comma
    that goes on a list the content's gerund opens, closed by "and" or "or" and another gerund,
    is more of what the cue takes. The parser hangs it on the cue, like a participle for the
    speaker's next act, but annotators keep the list whole (all 16 gold contents that hold the
    first gerund of such a list in PolNeAR's kept training articles)."""
    comma = _next_word(words[-1])
    gerund = head_of(words)
    if comma is None or comma.text != "," or gerund is None or gerund.tag_ != "VBG":
        return None
    verb = next((t for t in comma.doc[comma.i + 1:comma.sent.end] if t.pos_ != "ADV"), None)
    if verb is None or verb.tag_ != "VBG" or has_subject(verb) or \
            not (verb.head == gerund.head or _on_or_above(verb.head, cue)) or \
            not closes_a_gerund_list(verb):
        return None
    return verb


def _on_or_above(head: Token, cue: Span) -> bool:
    """Whether a word is in the cue or a clause the cue hangs under."""
    return head.i in range(cue.start, cue.end) or head.is_ancestor(cue.root)


def _topic_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"asked the mayor about the levy", "knocked the senator on trade": what the speaker spoke
    of, hung on the cue right after the content, is part of it. "on" and "over" name an issue
    only after the party taken to task, and before a common noun that is no date ("praised
    the mayor on Monday", "on Twitter" stay out)."""
    prep = _next_word(words[-1])
    if prep is None or prep.dep_ != "prep" or prep.head.i not in range(cue.start, cue.end):
        return None
    if prep.lower_ in _TOPIC:
        return prep
    if prep.lower_ in _ISSUE and _party_taken_to_task(words, cue) and any(
            c.dep_ == "pobj" and c.tag_ in ("NN", "NNS") and c.ent_type_ not in ("DATE", "TIME")
            for c in prep.children):
        return prep
    return None


def _arena_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"backed Ms. Ruiz in the mayoral race", "denied any role in the scheme": where the
    content is the cue's object, "in" and a noun phrase hung on the cue right after it name
    the arena the stance is taken in, and annotators take it in (16 of 21 such contents in
    PolNeAR's kept training articles; "in December" or "in a statement" say when or how, and
    a bare noun, "in public", is an idiom of manner)."""
    prep = _next_word(words[-1])
    verb = cue.root
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in _ARENA or \
            prep.head != verb or when_or_how(verb, prep) or \
            not _holds_object_of(words, {verb.i}):
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or not any(c.dep_ in _MODIFIERS for c in noun.children):
        return None
    return prep


def _second_object_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"blasted the film and the books behind it", "called for a levy, and for a freeze on
    fees": a phrase without a verb at its head, coordinated right after the content and hung
    by the parser on the cue's verb, is a second object of the cue, which annotators take in
    (12 of 13 such contents in PolNeAR's kept training articles)."""
    mark = _next_word(words[-1])
    if mark is not None and mark.text == ",":
        mark = _next_word(mark)
    if mark is None or mark.dep_ != "cc":
        return None
    second = next((c for c in cue.root.children if c.dep_ == "conj" and
                   c.left_edge.i in (mark.i, mark.i + 1)), None)
    if second is None or second.pos_ in ("VERB", "AUX"):
        return None
    return second


def _participle_of_object_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"bragged about her father teaching her to fish", "wrote an op-ed urging a vote": a
    participle right after the content's last noun, with no comma between and no subject of its
    own, tells what that noun does; the parser hangs it on the cue as the speaker's act, but
    it is part of what was spoken of, and annotators take it in (7 of the 9 such cues with a
    gold content in PolNeAR's kept training articles; none ends before it). After a comma it
    is the speaker's act (``without_trailing_participle``)."""
    verb = _next_word(words[-1])
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl" or \
            verb.head.i not in range(cue.start, cue.end) or has_subject(verb) or \
            words[-1].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return verb


def _predicate_of_object_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"portrayed the mayor as a bully", "described the port as beset by debt": an "as" right
    after the cue's object that the parser hangs on the cue, opening a noun phrase or a
    predicate without a finite verb, says what the object is taken for, which is the stance
    itself; annotators take it in (252 of the 257 gold contents that open with such an object
    in PolNeAR's kept training articles, and all 7 with a predicate). "as" with a finite verb
    ("as he left") says when."""
    mark = _next_word(words[-1])
    if mark is None or mark.lower_ != "as" or \
            not _holds_object_of(words, range(cue.start, cue.end)):
        return None
    if mark.dep_ == "prep" and mark.head.i in range(cue.start, cue.end) and \
            any(c.dep_ == "pobj" for c in mark.children):
        return mark
    predicate = mark.head
    if mark.dep_ != "mark" or predicate.head.i not in range(cue.start, cue.end) or \
            predicate.tag_ in FINITE_TAGS or \
            any(c.dep_ in ("aux", "auxpass") for c in predicate.children):
        return None
    return predicate


def _measure_of_object_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"put his fortune at $4 billion", "showed Ms. Ruiz at 12 percent": a sum or a share that
    "at" hangs on the cue right after its object is what the estimate or the poll gives for
    the object, the claim itself; annotators take it in (7 of the 7 gold contents that open
    with such an object in PolNeAR's kept training articles)."""
    prep = _next_word(words[-1])
    if prep is None or prep.lower_ != "at" or prep.dep_ != "prep" or \
            prep.head.i not in range(cue.start, cue.end) or \
            not _holds_object_of(words, {prep.head.i}) or \
            not any(t.ent_type_ in _MEASURES for t in prep.subtree):
        return None
    return prep


def _phrase_after_quoted_words(words: list[Token], cue: Span) -> Token | None:
    """"cautioned against ''a rush to judgment'' in the way the city handles the audit",
    "pressed for a ‘grand deal’ during the talks": a content that ends on a closing quotation
    mark inside the sentence (or on the apostrophe of a plural possessive, which the parser
    reads the same) stops where the parser closes the quoted words, but a preposition or an
    object the parser hangs on the cue right after the mark goes on with what the speaker took
    a stance on; annotators take it in (7 more contents match exactly in PolNeAR's kept
    training articles, none fewer)."""
    mark = _next_word(words[-1])
    if mark is None or not mark.is_quote or mark.is_left_punct:
        return None
    phrase = _next_word(mark)
    if phrase is None or phrase.is_punct:
        return None
    while phrase.head.i > phrase.i and phrase.head.left_edge.i == phrase.left_edge.i:
        phrase = phrase.head
    if phrase.dep_ not in ("prep", "dobj") or phrase.head.i not in range(cue.start, cue.end):
        return None
    return phrase


def _coordinated_report_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"said that fares would rise, and that the ferry would stop", "spoke about the harbor and
    how the ferry would change it": a clause opened by "and" and a "that", "whether" or a
    wh-word cannot be a main clause, so when the parser coordinates it with the cue (or a
    clause above it) it is a second thing reported, and annotators take it in (10 of the 11
    contents followed by such a clause in PolNeAR's kept training articles). One coordinated with
    a relative clause ("who voted ... to oust her and who now ...") is a relative clause too."""
    cc = _next_word(words[-1])
    while cc is not None and (cc.text == "," or (cc.is_quote and not cc.is_left_punct)):
        cc = _next_word(cc)
    if cc is None or cc.dep_ != "cc" or cc.lower_ not in ("and", "or"):
        return None
    opener = _next_word(cc)
    if opener is None or not ((opener.dep_ == "mark" and opener.lower_ in _REPORTING_MARKS) or
                              (opener.tag_ in _WH_TAGS and opener.lower_ != "that")):
        return None
    clause = opener
    while clause.dep_ != "conj" and clause.head.i != clause.i and clause.left_edge.i == opener.i:
        clause = clause.head
    if clause.dep_ != "conj" or clause.left_edge.i != opener.i or clause.head.dep_ == "relcl" \
            or not _on_or_above(clause.head, cue):
        return None
    return clause


def _party_taken_to_task(words: list[Token], cue: Span) -> bool:
    """The content ends with a party, or holds the cue's object that is one ("faulted the mayor
    in the council | over ...")."""
    return _party(words[-1]) or any(c.dep_ == "dobj" and _party(c) and c in words
                                    for c in cue.root.children)


def _party(token: Token) -> bool:
    """A person, a group or a place named, or a personal pronoun."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.tag_ == "PRP"


def _condition_on_cue(words: list[Token], cue: Span) -> Token | None:
    """"vowed to close the plant unless the union yields": the condition of a promise or a
    claim, hung on the cue after the content, is part of what was said; so is the reason
    given for it ("called the plan reckless because it drains the fund")."""
    mark = _next_word(words[-1])
    if mark is not None and mark.text == ",":
        mark = _next_word(mark)
    if mark is None or mark.dep_ != "mark" or mark.lower_ not in _CONDITIONS | _REASONS:
        return None
    clause = mark.head
    if clause.dep_ != "advcl" or clause.head.i not in range(cue.start, cue.end):
        return None
    if mark.lower_ in _REASONS and (_reports(clause) or not _claims(words)):
        return None
    return clause


def _claims(words: list[Token]) -> bool:
    """A content with a verb or a predicate ("that she hid them", "Hale as reckless"): a claim
    a reason can back. A bare object ("opposed it because ...") is a stance's target, and the
    reason is the stance's, not part of its content."""
    return any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("oprd", "acomp") or t.lower_ == "as"
               for t in words)


def _reports(clause: Token) -> bool:
    """"opposed the bill because she said it ...": a reason that reports a statement or a
    thought of its own is a statement apart, not the reason given with the content."""
    return any(t.pos_ == "VERB" and is_listed_verb(t.lemma_.lower()) for t in clause.subtree)


def _clause_after_mark(words: list[Token]) -> Token | None:
    """"found that, while most voters approve, few will vote": a content that ends on the
    "that" of a clause interrupted by another stops short of the clause it opens."""
    mark = words[-1]
    if mark.dep_ != "mark" or mark.head.i <= mark.i:
        return None
    return mark.head


#: Verbs by which a poll or a record gives what it found ("the poll showed", "the audit found",
#: "the poll puts her approval at 48 percent").
_FINDING_VERBS = frozenset({"show", "find", "put"})
#: Dependents of a finding verb that go on past what it found: another clause, a frame.
_BEYOND_FINDING = frozenset({"punct", "cc", "conj", "parataxis"})


def with_record_finding(doc: Doc, spans: list[tuple[int, int]],
                        cue: Span | None) -> list[tuple[int, int]]:
    """"A poll showed Lee up by 10 points in Ohio, followed by Ruiz at 8 percent", "the survey
    found Lee ahead, 45 percent to 40 percent, among women", "the poll puts her approval in May
    at 48 percent": what a poll or a record finds is a state of affairs or a value, which the
    parser splits into the object (or a short clause) and the phrases it hangs on the finding
    verb beside it: a particle, a place, a share, a participle. Annotators draw the whole
    state as one content, to the end of the last such phrase (14 of the 18 contents this
    changes in PolNeAR's kept training articles match a gold content, 1 did before); a clause
    joined to the verb and a source of its own stay out. Only for a record
    (``RECORD_NOUNS``) as the subject: a person who "showed restraint at the debate" shows a
    quality, set in a time and place."""
    if not spans or cue is None:
        return spans
    verb = cue.root
    first = first_piece(doc, spans)
    if verb.lemma_.lower() not in _FINDING_VERBS or not _found_by_record(verb) or \
            first is None or first.start <= verb.i:
        return spans
    held = {t.i for t in tokens_of(doc, spans)}
    phrases = [c for c in verb.children if c.i > verb.i and c.dep_ not in _BEYOND_FINDING and
               not _another_source(c) and not held & {t.i for t in c.subtree}]
    if not phrases:
        return spans
    end = max(phrases, key=lambda c: c.right_edge.i).right_edge
    while end.i > verb.i and (end.is_punct or end.is_space):
        end = doc[end.i - 1]
    return [(spans[0][0], max(spans[-1][1], end.idx + len(end.text)))]


def _another_source(child: Token) -> bool:
    """"..., according to the census", "..., though court records indicate ...": a phrase on
    the finding verb that names a source of its own brings a statement apart."""
    return child.lower_ == "according" or (child.dep_ == "advcl" and has_subject(child) and
                                           is_listed_verb(child.lemma_.lower()))


def _found_by_record(verb: Token) -> bool:
    """Whether the verb's subject is a record ("the poll", "polls that show ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in RECORD_NOUNS


def _phrase_end(head: Token) -> Token:
    """The last word of the head's phrase, short of a conjoined clause with a subject of its
    own ("..., and he pledged ...") and of the sentence's end."""
    stop = head.sent.end
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and has_subject(child):
            stop = min(stop, _clause_start(child))
    end = max((t for t in head.subtree if t.i < stop), key=lambda t: t.i)
    while end.i > head.i and (end.is_punct or end.is_space or end.dep_ == "cc"):
        end = end.doc[end.i - 1]
    return end


def _clause_start(clause: Token) -> int:
    """Where a conjoined clause begins: at its conjunction and comma, if any."""
    start = clause.left_edge.i
    doc = clause.doc
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
        start -= 1
    return start
