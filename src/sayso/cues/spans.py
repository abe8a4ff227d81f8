"""Token indices to character spans, and small measures on spans, shared by the cue passes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..channels import TELLING_VERBS
from ..chrome import DASHES, dateline_end
from ..lexicon import PARTY_ENTITIES
from ..quotes import Quote
from .words import (FINITE_TAGS, RELATIVE_PRONOUN_TAGS, RELATIVE_WORD_TAGS, SUBJECTS, has_subject,
                    is_question_frame, is_speech_verb, is_to_infinitive, reporter_in_form,
                    reporting_verb_over)

_EDGE_PUNCT = set(",;:.—–-()[]") | {"--"}
_WORD = re.compile(r"\w")


def to_spans(doc: Doc, indices: Iterable[int]) -> list[tuple[int, int]]:
    """Character spans covering the tokens, merged where only whitespace separates them, with
    punctuation trimmed from both edges (quotation marks that close a quote are kept)."""
    tokens = sorted(set(indices))
    while tokens and _edge(doc[tokens[0]]) and not _closed_inside(doc, tokens, 0):
        tokens.pop(0)
    while tokens and _edge(doc[tokens[-1]]) and not _closed_inside(doc, tokens, -1):
        tokens.pop()
    spans: list[list[int]] = []
    prev = None
    for i in tokens:
        t = doc[i]
        if doc[i].is_space:
            continue
        if prev is not None and all(doc[j].is_space for j in range(prev + 1, i)):
            spans[-1][1] = t.idx + len(t.text)
        else:
            spans.append([t.idx, t.idx + len(t.text)])
        prev = i
    return [(s, e) for s, e in spans]


def tokens_of(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens the character spans cover, in order: the way back from ``to_spans``."""
    return [t for start, end in spans
            for t in (doc.char_span(start, end, alignment_mode="expand") or ())]


_PAIRS = {"(": ")", "[": "]"}


def _closed_inside(doc: Doc, tokens: list[int], at: int) -> bool:
    """The bracket at the edge pairs with one inside the span: "Sen. Jane Roe (R-FL)" keeps its
    closing bracket, which trimming would leave as an open "(R-FL"."""
    text = doc[tokens[at]].text
    inner = [doc[i].text for i in (tokens[1:] if at == 0 else tokens[:-1])]
    if at == 0 and text in _PAIRS:
        return inner.count(_PAIRS[text]) > inner.count(text)
    opening = next((o for o, c in _PAIRS.items() if c == text), None)
    return opening is not None and at != 0 and inner.count(opening) > inner.count(text)


def _edge(token: Token) -> bool:
    return token.is_space or token.text in _EDGE_PUNCT or (token.is_punct and token.text in "'`")


def breaks_line_after(token: Token) -> bool:
    """A line break follows the token: in its trailing space, or the token is the break."""
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def word_count(span: Span) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def merge_adjacent(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, those that only whitespace separates joined into one."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and _blank_between(doc, merged[-1][1], s):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _blank_between(doc: Doc, start: int, end: int) -> bool:
    """Only whitespace (or nothing) between two character offsets. Reads the tokens there, not
    ``doc.text``, which spaCy joins anew from every token on each access."""
    if end <= start:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    text = span.text_with_ws
    return not text[max(0, start - span.start_char):end - span.start_char].strip()


def within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def last_piece(doc: Doc, spans: list[tuple[int, int]]) -> Span | None:
    """The tokens of a content's last piece, where the rules that trim or finish a content
    look: its end is what they move."""
    return doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand") if spans else None


def first_piece(doc: Doc, spans: list[tuple[int, int]]) -> Span | None:
    """The tokens of a content's first piece, whose start the rules that open a content move."""
    return doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand") if spans else None


def ending_after(spans: list[tuple[int, int]], token: Token) -> list[tuple[int, int]]:
    """The spans with the last piece ending right after ``token``."""
    return spans[:-1] + [(spans[-1][0], token.idx + len(token.text))]


#: Words that open a sentence to tie it to the one before: the writer's, not the speaker's.
CONNECTIVES = frozenset({"and", "but", "yet", "still", "however"})

#: Marks after which a quote starts afresh rather than continuing the clause before it.
BREAKS = frozenset({"-", "--", "—", "–", ":", ";"})


def without_connective(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"But the pier is safe, the mayor said": a connective that opens both the sentence and
    the content links the sentence to the story before it; annotators leave it out of what was
    said. Where the connective is all there is before the frame ("Still, he said, ..."), that
    piece goes. The caller keeps quotations whole."""
    first = first_piece(doc, spans)
    if not first or first[0].lower_ not in CONNECTIVES or not first[0].is_sent_start:
        return spans
    rest = next((t for t in first[1:] if not (t.is_punct or t.is_space)), None)
    if rest is None:  # "Still, he said, ...": the piece before the frame is the connective
        return spans[1:] or spans
    return [(rest.idx, spans[0][1])] + spans[1:]


def after_open_dash(doc: Doc, spans: list[tuple[int, int]], cue: Span | None,
                    inside: set[int]) -> list[tuple[int, int]]:
    """"The ferry ran late all week - and the levy, the mayor said, will not fix it": where a
    frame interrupts the content, the clause it interrupts opens after a dash left open before
    the frame (and the "and" or "but" after it); what comes before the dash is the writer's
    sentence. Counted on PolNeAR's training split, the gold draws the shorter first piece in
    every such case that either reading matched. Dashes inside quotations stay."""
    if cue is None or len(spans) < 2 or not spans[0][1] <= cue.start_char < spans[1][0]:
        return spans
    first = first_piece(doc, spans)
    if first is None:
        return spans
    dashes = _set_off_dashes(doc, first, inside)
    if len(dashes) % 2 == 0:
        return spans
    rest = [t for t in doc[dashes[-1].i + 1:first.end] if not t.is_space]
    if rest and rest[0].lower_ in ("and", "but"):
        rest = rest[1:]
    if sum(1 for t in rest if t.is_alpha) < 2:
        return spans
    return [(rest[0].idx, spans[0][1])] + spans[1:]


def _set_off_dashes(doc: Doc, piece: Span, inside: set[int]) -> list[Token]:
    """The dashes with space on both sides after the piece's first word and outside quotations:
    those that set a phrase off (an odd count leaves one open)."""
    return [t for t in piece if t.text in DASHES and t.i not in inside and t.i > piece.start
            and _spaced(doc, t)]


def without_dateline(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dateline (``chrome.dateline_end``) opening the content's first piece is no content."""
    first = first_piece(doc, spans)
    after = dateline_end(doc, first.start) if first is not None else None
    if after is None:
        return spans
    rest = next((t for t in doc[after:first.end] if not t.is_space), None)
    return [(rest.idx, spans[0][1])] + spans[1:] if rest is not None else spans


def without_dashed_apposition(doc: Doc, spans: list[tuple[int, int]], inside: set[int],
                              cue: Span | None) -> list[tuple[int, int]]:
    """"noted that it reached $2 million — a high sum, but below the record": a noun phrase after
    an unpaired dash at the end of a content reported after its cue sums up or describes what
    came before; it is the writer's gloss, and annotators end the content before the dash
    (about 70 % of such cases in PolNeAR's training split). Before the cue ("... — a big step,
    researchers say") the gloss is the speaker's, and dashes inside quotations stay."""
    if not spans or cue is None:
        return spans
    last = last_piece(doc, spans)
    if last is None:
        return spans
    dashes = _set_off_dashes(doc, last, inside)
    if len(dashes) % 2 == 0 or dashes[-1].i < cue.end:
        return spans
    dash = dashes[-1]
    rest = [t for t in doc[dash.i + 1:last.end] if not t.is_space]
    heads = [t for t in rest if t.head.i == t.i or t.head not in rest]
    if sum(1 for t in rest if t.is_alpha) < 2 or rest[0].tag_ not in ("DT", "CD", "PRP$") or \
            any(t.pos_ in ("VERB", "AUX") for t in heads):
        return spans  # "— that day, the clock ran out": a clause of its own goes on
    before = next(t for t in reversed(doc[last.start:dash.i]) if not t.is_space)
    return ending_after(spans, before)


#: Words that open a descriptive noun phrase ("the former governor", "a neurosurgeon", "his
#: aide", "also a former candidate", "longtime rival").
_DESCRIPTIVE_OPENERS = frozenset({"DT", "PRP$", "JJ", "RB"})


def without_named_apposition(doc: Doc, spans: list[tuple[int, int]], inside: set[int],
                             cue: Span | None) -> list[tuple[int, int]]:
    """"backed Tom Reyes, the former mayor", "cited the Harbor Act, a 1998 law that ...": a
    noun phrase after a comma that describes the name ending a content reported after its cue
    tells the reader who or what the name is; it is the writer's gloss, as after a dash, and
    PolNeAR's annotators end the content before the comma (about two in three such cases in
    its training split). A list the parser takes for an apposition ("met Ruiz, his aides and
    ...") and words inside quotations stay."""
    if not spans or cue is None:
        return spans
    last = last_piece(doc, spans)
    if last is None:
        return spans
    end = max((t.i for t in last if not (t.is_punct or t.is_space)), default=last.start)
    for gloss in last:
        opener = gloss.left_edge
        comma = _comma_before(doc, opener.i, last)
        if gloss.dep_ != "appos" or gloss.pos_ != "NOUN" or gloss.head.pos_ != "PROPN" or \
                opener.i <= max(last.start, cue.end) or comma is None or \
                opener.tag_ not in _DESCRIPTIVE_OPENERS or gloss.right_edge.i < end or \
                any(t.i in inside for t in gloss.subtree) or _listed(gloss):
            continue
        return ending_after(spans, doc[comma - 1])
    return spans


def _listed(gloss: Token) -> bool:
    """The apposition or its name is coordinated, or goes on into a clause of its own: a list
    or a misparse, not a gloss ("Mr. Lee, his wife and ...", "Ruiz, the nominee, while ...")."""
    name = gloss.head
    return any(c.dep_ in ("conj", "cc", "advcl", "appos", "npadvmod") for c in gloss.children) or \
        name.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in name.children)


def _spaced(doc: Doc, dash: Token) -> bool:
    """Space on both sides: a dash that sets off a phrase, not a hyphen ("2017-18")."""
    if dash.i == 0:
        return False
    before = doc[dash.i - 1]
    after = doc[dash.i + 1] if dash.i + 1 < len(doc) else None
    return bool(before.whitespace_ or before.is_space) and \
        bool(dash.whitespace_ or (after is not None and after.is_space))


def _comma_before(doc: Doc, index: int, piece: Span) -> int | None:
    """The comma in ``piece`` that sets off the phrase opening at token ``index``: right before
    it, or right before the quotation mark that American style closes after a comma ("called
    the plan “reckless,” a charge that ..."), where the quotation ends and the writer's words go
    on."""
    before = index - 1
    if before > piece.start and _closes_after_comma(doc, before):
        before -= 1
    return before if before >= piece.start and doc[before].text == "," else None


def _closes_after_comma(doc: Doc, index: int) -> bool:
    """Token ``index`` is a quotation mark closing right after a comma, with no space between
    (", “which ..." opens a quotation instead)."""
    mark, comma = doc[index], doc[index - 1]
    return mark.is_quote and mark.is_right_punct and comma.text == "," and not comma.whitespace_


def without_indefinite_gloss(doc: Doc, spans: list[tuple[int, int]], inside: set[int],
                             cue: Span | None) -> list[tuple[int, int]]:
    """"said it would cut 3,000 jobs, a move that stunned the town", "sought new talks, an
    offer the union rebuffed": a noun phrase opened by "a" or "an" after the last comma of a
    content reported after its cue sums up or describes what came before, whatever the parser
    hangs it on; it is the writer's gloss, and annotators end the content before the comma
    (22 of 28 such contents in the kept training articles). It runs after the learned edges,
    which would take the gloss back in."""
    last = last_piece(doc, spans) if cue is not None else None
    if last is None or not len(last):
        return spans
    end = max((t.i for t in last if not (t.is_punct or t.is_space)), default=last.start)
    after = max(last.start, cue.end)
    comma = next((t for t in reversed(doc[after + 1:end]) if t.text == ","), None)
    opener = comma.i + 1 if comma is not None else None
    if opener is not None and _closes_after_comma(doc, opener):
        opener += 1
    if opener is None or opener + 1 > end or doc[opener].lower_ not in ("a", "an"):
        return spans
    rest = doc[opener:end + 1]
    head = head_of(rest)
    if head is None or head.pos_ != "NOUN" or any(t.i in inside for t in rest) or \
            any(t.dep_ in ("cc", "conj") and t.head == head for t in rest):
        return spans
    return _ending_before(doc, spans, comma.i)


def with_coordinated_phrase(doc: Doc, spans: list[tuple[int, int]],
                            cue: Span | None = None) -> list[tuple[int, int]]:
    """"noting slow gains in pay and continued risks from abroad": a phrase with no verb of its
    own coordinated after the content, to the end of the sentence, is more of what was
    reported, however the parser hangs it; so are the rest of a list the content opens
    ("spoke of low pay, | the lack of jobs and the cost of rent"). With a verb ("and said ...",
    ", and the board has ...") it is the writer going on, and so is a phrase that holds the
    content's own cue (", city and state records show": the frame, read as a noun)."""
    if not spans:
        return spans
    last = last_piece(doc, spans)
    if last is None or not len(last):
        return spans
    rest = [t for t in doc[last.end:last[-1].sent.end] if not t.is_space]
    after_comma = bool(rest) and rest[0].text == ","
    if after_comma:
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest.pop()
    coordinated = bool(rest) and (rest[0].lower_ == "and" or after_comma and _closes_a_list(rest))
    if len(rest) < 2 or not coordinated or any(
            t.pos_ in ("VERB", "AUX") or t.is_quote or t.text in (";", ":") or
            (cue is not None and cue.start <= t.i < cue.end) for t in rest):
        return spans
    end = rest[-1]
    return ending_after(spans, end)


def _closes_a_list(words: list[Token]) -> bool:
    """Whether the words after a comma are more items of a list, ending in a coordinator and
    a last item ("the lack of jobs and the cost of rent"). Words that open with a preposition
    or a subordinator (", despite A and B", ", whether in A or B") are an adjunct instead."""
    return words[0].pos_ not in ("ADP", "SCONJ") and \
        any(t.lower_ in ("and", "or") for t in words[1:-1])


def without_question_frames(doc: Doc, spans: list[tuple[int, int]],
                            cue: Span | None) -> list[tuple[int, int]]:
    """"Voss declined to comment when asked about the levy": a question put to the speaker is
    a statement of its own (by someone unnamed), not part of what the speaker said. Only a
    question on the cue's own clause is the speaker's: one in a clause the speaker reports
    ("said that “when asked if the team could go, the chief replied: ‘Yes’”", "said he would
    serve if asked") was put to someone in it, and is part of what was said."""
    tokens = tokens_of(doc, spans)
    own = range(cue.start, cue.end) if cue is not None else range(0)
    frames = {t.i for f in tokens if is_question_frame(f) and f.i not in own and
              _put_to_a_speaker(f, own) for t in f.subtree}
    if not frames:
        return spans
    return to_spans(doc, [t.i for t in tokens if t.i not in frames])


def _put_to_a_speaker(frame: Token, own: range) -> bool:
    """The question frame hangs on the cue or on an infinitive the cue governs ("declined to
    comment when asked"), or opens the sentence of a verb of saying ("Asked about it, Voss
    said “...”", in a statement whose quotation runs on over that sentence); not a frame on a
    clause the content reports."""
    head = frame.head
    while head.dep_ == "xcomp" and head.i not in own and head.head is not head:
        head = head.head
    return head.i in own or (frame.left_edge.i == frame.sent.start and is_speech_verb(head))


#: Words that open a clause describing the noun or the moment before it.
_RELATIVE_OPENERS = frozenset({"which", "who", "whose", "when", "where"})
#: Those of them that describe a person.
_PERSON_OPENERS = frozenset({"who", "whose"})


def without_trailing_gloss(doc: Doc, spans: list[tuple[int, int]],
                           speech: bool = False) -> list[tuple[int, int]]:
    """"... hoped to win the riding, which would have toppled the government": a relative
    clause after a comma that ends what a stance or a thought is about is the writer's gloss on
    the last thing named, not what the source holds; PolNeAR's annotators end the content
    before it. In reported ``speech`` only a clause on a person is cut ("... met Sen. Ann Ruiz,
    who is running for re-election"), or one on a thing in which someone else speaks: one on a
    thing or a moment is otherwise as often the speaker's own words (the Gender Gap Tracker's
    annotators keep it, and cutting it in speech lost six of its quotes at 0.8 coverage)."""
    if not spans:
        return spans
    last = last_piece(doc, spans)
    if last is None:
        return spans
    for clause in last:
        opener = clause.left_edge
        comma = _comma_before(doc, opener.i, last)
        if clause.dep_ not in ("relcl", "advcl") or comma is None or \
                clause.right_edge.i < last.end - 2 or not _opens_a_gloss(opener, clause, speech):
            continue
        return spans[:-1] + [(spans[-1][0], doc[comma].idx)]
    return spans


def _opens_a_gloss(opener: Token, clause: Token, speech: bool) -> bool:
    """Whether the clause ``opener`` opens is a gloss to cut: any relative word after a stance
    or a thought; in speech one on a person, or "which" when someone else speaks within the
    clause ("said he backs the bill, which the union argued would cost jobs"): that clause is a
    statement of its own, not the speaker's words (9 of 11 such contents in the kept training
    articles match better without it)."""
    word = opener.lower_
    if not speech:
        return word in _RELATIVE_OPENERS
    return word in _PERSON_OPENERS or (word == "which" and _holds_a_report(clause))


def _holds_a_report(clause: Token) -> bool:
    """A verb of saying in the clause with a subject of its own: not the thing the clause is on
    ("the council, which is considering a levy"), nor a passive that gives nobody's words
    ("which is expected to pass")."""
    opener = clause.left_edge
    return any(is_speech_verb(t) and any(c.dep_ in SUBJECTS and c != opener for c in t.children)
               for t in clause.subtree)


#: Prepositions that give the topic after the one told or asked: "asked her about the levy",
#: "reminded voters of the flood", "briefed them on the audit".
_TOPIC_PREPS = frozenset({"about", "of", "on"})
#: Verbs whose object may be the thing told or asked rather than the one addressed ("told
#: the story of ...", "asked a question about ..."): their object must name a party.
_TWO_OBJECT_VERBS = frozenset({"tell", "ask", "question", "press"})


def without_addressee(doc: Doc, spans: list[tuple[int, int]],
                      cue: Span | None) -> list[tuple[int, int]]:
    """"reminded voters of the flood", "asked the mayor about the levy": the one told or
    asked opens the content when the parser hangs the topic's preposition on that object, but
    it is the cue's addressee, not what was said; PolNeAR's annotators start the content at
    the preposition or its object (13 of 15 such contents in the kept training articles)."""
    first = first_piece(doc, spans) if cue is not None else None
    if first is None or not len(first):
        return spans
    verb = cue.root
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and
                      c.left_edge.i == first.start and _addressed(verb, c)), None)
    if addressee is None:
        return spans
    own = {t.i for t in addressee.subtree}
    prep = next((t for t in doc[addressee.i + 1:first.end] if t.dep_ == "prep"), None)
    if prep is None or prep.lower_ not in _TOPIC_PREPS or prep.head not in (addressee, verb) or \
            any(i not in own for i in range(first.start, prep.i)) or \
            (prep.lower_ != "about" and verb.lemma_.lower() in _TWO_OBJECT_VERBS):
        return spans
    return [(prep.idx, spans[0][1])] + spans[1:]


def _addressed(verb: Token, child: Token) -> bool:
    """The object is the one the verb tells or asks: any object of "remind" or "warn", and a
    pronoun or a named party for a verb that also takes the thing told or asked as object."""
    lemma = verb.lemma_.lower()
    if lemma in TELLING_VERBS - _TWO_OBJECT_VERBS:
        return child.pos_ in ("NOUN", "PROPN", "PRON")
    if lemma not in _TWO_OBJECT_VERBS:
        return False
    return (child.tag_ == "PRP" and child.lower_ != "it") or child.pos_ == "PROPN" or \
        child.ent_type_ in PARTY_ENTITIES


#: Clause heads: a content headed so (or by a verb with a subject, as in "the claim that the
#: pier is unsafe") is a clause of its own, not an infinitive or an object.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def head_of(words: Sequence[Token]) -> Token | None:
    """The one word of a content the parse hangs outside it, if there is just one."""
    inside = {t.i for t in words}
    tops = [t for t in words if t.head.i not in inside or t.head == t]
    return tops[0] if len(tops) == 1 else None


def closes_a_gerund_list(verb: Token) -> bool:
    """An "and" or "or" in the verb's phrase followed by a gerund (after any adverbs): the verb
    goes on a list of gerunds to its last item ("raising fees and selling the pier")."""
    phrase = list(verb.subtree)
    for n, token in enumerate(phrase[:-1]):
        if token.lower_ not in ("and", "or"):
            continue
        item = next((t for t in phrase[n + 1:] if t.pos_ != "ADV"), None)
        if item is not None and item.tag_ == "VBG":
            return True
    return False


def without_trailing_participle(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"sought to rally rural voters, contrasting her record with ...", "has rebuffed the
    protesters, calling them ...": a participle after a comma that ends an infinitive or an
    object content tells what the speaker did while taking the stance; the parser hangs it on
    the content's verb, but PolNeAR's annotators end the content before it (15 of 20 such
    contents in the kept training articles). After a clause ("said the pier is safe, citing
    ...") it is as often the speaker's own reasoning, and stays; so does one that goes on a
    list a gerund content opens ("backed closing the depot, raising fees and ...",
    ``tails._coordinated_gerund``)."""
    last = last_piece(doc, spans)
    if last is None or not len(last):
        return spans
    tops = [t for t in last if not (t.is_punct or t.is_space) and t.head.i not in
            range(last.start, last.end)]
    if len(tops) != 1 or tops[0].dep_ in _CLAUSE_DEPS or has_subject(tops[0]):
        return spans
    for verb in last:
        comma = _comma_before(doc, verb.i, last)
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.left_edge.i != verb.i or \
                verb.head.i not in range(last.start, last.end) or \
                verb.right_edge.i < last.end - 2 or comma is None or \
                (tops[0].tag_ == "VBG" and closes_a_gerund_list(verb)):
            continue
        return _ending_before(doc, spans, comma)
    return spans


def without_speakers_next_act(doc: Doc, spans: list[tuple[int, int]],
                              cue: Span | None) -> list[tuple[int, int]]:
    """"said the pier will stay open and urged residents to remain calm": a verb of saying the
    parser hangs on the reported clause that goes on with the acts of the cue's own speaker
    (``reporting_verb_over``), or any verb in the cue's form (``_cue_verbs_next_act``), ends
    the content; PolNeAR's annotators leave it out (13 of 19 such contents in the kept
    training articles)."""
    last = last_piece(doc, spans) if cue is not None else None
    if last is None or not len(last):
        return spans
    for verb in last:
        reporter = reporting_verb_over(verb) or _cue_verbs_next_act(verb, cue)
        if reporter is None or reporter.i not in range(cue.start, cue.end) or verb.i < cue.end:
            continue
        start = verb.left_edge.i
        while start - 1 > last.start and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
            start -= 1
        return _ending_before(doc, spans, start)
    return spans


def _cue_verbs_next_act(verb: Token, cue: Span) -> Token | None:
    """"proposed that the ferry be sold, and pushed to raise the fees", "urged the farmers to
    sell and tried to calm the markets": any verb the parser coordinates with the head of the
    content the cue takes, without a subject of its own, in the cue's form but not the content
    verb's, is the speaker's next act, which PolNeAR's annotators leave out (8 of the 9 such
    contents they draw either way in the kept training articles). After a pronoun subject
    ("said she could not back him but understood why") it is as often the reported speaker's
    own, and stays (5 of 7). Returns the cue's verb, else None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or has_subject(verb) or \
            head.dep_ not in ("ccomp", "xcomp") or head.head.i not in range(cue.start, cue.end):
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.tag_ == "PRP":
        return None
    return reporter_in_form(verb, head, FINITE_TAGS | {"VBG"})


def _ending_before(doc: Doc, spans: list[tuple[int, int]], index: int) -> list[tuple[int, int]]:
    """The spans with the last piece ending at the last word before token ``index``."""
    end = index - 1
    while end > 0 and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return ending_after(spans, doc[end])


def cue_up_to_content(doc: Doc, cue: Span, content: list[tuple[int, int]]) -> Span:
    """The cue with the words that complete its verb up to the content, which annotators draw
    as part of the cue: a noun object and the preposition that opens the content ("made no
    mention of ...", "raised questions about ..."), a document and the participle that opens
    it ("published a report detailing ..."), and an adjective the verb predicates, with its
    preposition ("made it clear that ...", "have become vocal about ..."). Without them the
    cue is a bare "made" or "were", and the words stand between cue and content in neither."""
    first = first_piece(doc, content)
    if first is None or first.start < cue.end:
        return cue
    end = _object_frame_end(cue, first.start) or _predicate_end(cue, first.start) or \
        _infinitive_end(cue, first.start)
    return doc[cue.start:end] if end else cue


def _object_frame_end(cue: Span, content_start: int) -> int | None:
    """Where the cue ends when a noun object right after it is followed by a preposition or a
    participle of the noun's own, and the content starts right after that word."""
    verb = cue.root
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == cue.end),
                None)
    if noun is None:
        return None
    opener = next((c for c in noun.children if c.i == noun.i + 1 and (
        c.dep_ == "prep" or (c.dep_ == "acl" and c.tag_ == "VBG"))), None)
    return opener.i + 1 if opener is not None and opener.i + 1 == content_start else None


def _predicate_end(cue: Span, content_start: int) -> int | None:
    """Where the cue ends when an adjective the verb predicates follows it, with the words
    before the adjective ("so vehemently opposed", "it clear") and a preposition right after
    it: the content must start right there, but after a copula, which says nothing without
    its adjective ("were optimistic", "was concerned about"), anywhere after it."""
    verb = cue.root
    adjective = next((c for c in verb.children if c.dep_ in ("acomp", "oprd", "ccomp") and
                      c.tag_ in ("JJ", "JJR", "VBN") and c.left_edge.i == cue.end), None)
    if adjective is None:
        return None
    end = adjective.i + 1
    if any(c.dep_ == "prep" and c.i == end for c in adjective.children):
        end += 1
    copula = verb.lemma_.lower() == "be" and adjective.dep_ == "acomp"
    return end if end == content_start or (copula and end < content_start) else None


def _infinitive_end(cue: Span, content_start: int) -> int | None:
    """Where the cue ends when the verb governs an infinitive right after it whose own
    complement is the content ("refused to say that ...", "sought to convey that ..."): the
    infinitive then frames the content as much as the verb does."""
    verb = cue.root
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and
                       c.pos_ in ("VERB", "AUX") and c.left_edge.i == cue.end), None)
    if infinitive is None or infinitive.i + 1 != content_start or any(
            t.head != infinitive or t.dep_ != "aux" for t in cue.doc[cue.end:infinitive.i]):
        return None
    return infinitive.i + 1


#: Tags of the word that carries a clause's tense (a verb or a modal).
_FINITE = FINITE_TAGS | {"MD"}


def with_extracted_subject(doc: Doc, spans: list[tuple[int, int]],
                           cue: Span | None) -> list[tuple[int, int]]:
    """"the levy, which the mayor said was unfair": the content clause right after its cue has
    lost its subject to the relative pronoun or free "what" that opens the cue's clause, or,
    with none, to the noun the clause modifies ("a plan the council said would fail").
    Annotators draw that word or noun phrase as the content's first piece, the subject of
    what was said, though the speaker and cue stand between."""
    first = _first_word(doc, spans) if cue is not None else None
    if first is None or first.i != cue.end or first.tag_ not in _FINITE:
        return spans
    verb = cue.root
    clause = first.head if first.dep_ in ("aux", "auxpass", "neg") else first
    if clause.head.i != verb.i or any(c.dep_ in SUBJECTS and c.i > verb.i
                                      for c in clause.children):
        return spans
    opener = verb.left_edge
    if not any(c.dep_ in SUBJECTS and c.i != opener.i for c in verb.children):
        return spans  # "who has said wants to ...": the opener is the speaker, not the subject
    if opener.tag_ in RELATIVE_PRONOUN_TAGS or (opener.lower_ == "that" and opener.tag_ == "IN"):
        extracted = doc[opener.i:opener.i + 1]
    elif verb.dep_ == "relcl" and verb.head.i < verb.i:
        extracted = doc[verb.head.left_edge.i:verb.head.i + 1]
    else:
        return spans
    return [(extracted.start_char, extracted.end_char)] + spans


#: Nouns a relative clause modifies without taking them as its object ("the day she said
#: she would quit", "the reason voters backed him"): a time, a reason, a manner or a degree.
_ADVERBIAL_NOUNS = frozenset({"time", "reason", "way", "extent", "day", "moment", "place"})

def with_extracted_object(doc: Doc, spans: list[tuple[int, int]],
                          cue: Span | None) -> list[tuple[int, int]]:
    """"exactly the kind of judge many senators fear the governor would pick", "the speech the
    members wanted to hear": a relative clause with no relative pronoun, whose own subject
    speaks, lost its object to the noun it modifies, and what was said ends without one.
    Annotators draw that noun with the words before it as the content's first piece. Where the
    gap is the cue's own object and what follows it only sets the scene ("an offer the board
    rebuffed at a meeting", "a plan she opposed as mayor"), the noun is all the content, as
    for "which the union opposed" (``reported._reported_relative``). On the kept training
    articles 16 contents this changes match only so, none the other way."""
    if cue is None or not spans or spans[0][0] < cue.end_char:
        return spans
    verb = cue.root
    noun = verb.head
    if verb.dep_ != "relcl" or noun.i > verb.i or noun.lemma_.lower() in _ADVERBIAL_NOUNS:
        return spans
    clause = doc[verb.left_edge.i:verb.i]
    if any(t.tag_ in RELATIVE_WORD_TAGS or t.lower_ == "that" for t in clause) or not any(
            c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return spans
    phrase = [t for t in noun.subtree if t.i < clause.start]
    innermost = _innermost_clause(verb, spans)
    if not phrase or phrase[-1].i + 1 != clause.start or any(t.is_punct for t in phrase) or \
            _has_object(innermost):
        return spans
    extracted = [(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))]
    return extracted if innermost == verb and _in_setting(verb, doc, spans) else extracted + spans


def _innermost_clause(verb: Token, spans: list[tuple[int, int]]) -> Token:
    """The last verb down the chain of clauses the cue governs inside the content ("fear" >
    "would pick", "wanted" > "to hear"): the one whose object the content may lack."""
    while True:
        inner = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and
                      within(c.idx, spans)), None)
        if inner is None:
            return verb
        verb = inner


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "attr", "oprd") for c in verb.children)


#: Prepositions that open a phrase setting the scene of an act (place, time, role, source).
_SCENE_PREPS = frozenset({"at", "in", "on", "as", "from", "during", "with", "after", "before",
                          "since"})


def _in_setting(verb: Token, doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """The content opens inside a phrase of the verb that sets the scene ("at a meeting")."""
    first = _first_word(doc, spans)
    return first is not None and any(a.dep_ == "prep" and a.head == verb and
                                     a.lower_ in _SCENE_PREPS for a in first.ancestors)


def _first_word(doc: Doc, spans: list[tuple[int, int]]) -> Token | None:
    """The first token of the spans with a word character in it."""
    piece = first_piece(doc, spans)
    return next((t for t in piece if _WORD.search(t.text)), None) if piece is not None else None


def whole_quotations(text: str, quotes: list[Quote],
                     spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content edge that falls between two words of a quotation moves to its mark: to the
    closing mark for the last word (who are “just flatly wrong – and ...”, cut where a
    sentence of the quotation ends), to the opening mark for the first. Annotators almost never
    cut a quotation in two: of 54 such edges in PolNeAR's kept training articles whose content
    has a gold counterpart, 45 gold edges lie at the quotation's mark."""
    if not spans:
        return spans
    start, end = spans[0][0], spans[-1][1]
    for quote in quotes:
        if _between_quoted_words(text, quote, end):
            spans = spans[:-1] + [(spans[-1][0], quote.end)]
        if _between_quoted_words(text, quote, start):
            spans = [(quote.start, spans[0][1])] + spans[1:]
    return spans


def whole_hyphenated_word(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"endorsed the re-election of the speaker": the tokenizer splits a hyphenated word at its
    hyphens and the small parser, taking the pieces for nouns of their own, can close the
    content on the first ("the re"). No content ends inside a word: the last piece goes on
    through the hyphenated word and what the parse hangs on its last part."""
    end = last_piece(doc, spans)
    if end is None or end.end + 1 >= len(doc):
        return spans
    last, hyphen, rest = doc[end.end - 1], doc[end.end], doc[end.end + 1]
    if hyphen.text != "-" or last.whitespace_ or hyphen.whitespace_ or not \
            (last.is_alpha and rest.is_alpha) or rest.sent != last.sent:
        return spans
    return ending_after(spans, rest.right_edge)


def without_open_aside(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"mentioned raising the wage (with far less zeal than his rival": a content whose last
    piece opens a parenthesis it never closes has run into the writer's aside and stopped
    inside it (the parse hangs the aside on the last noun, and trimming drops its closing
    bracket). Annotators end the content before the aside: the last piece ends at the last
    word before the first bracket left open."""
    piece = last_piece(doc, spans)
    if piece is None:
        return spans
    opened: list[Token] = []
    for token in piece:
        if token.text in _PAIRS:
            opened.append(token)
        elif opened and token.text == _PAIRS[opened[-1].text]:
            opened.pop()
    if not opened:
        return spans
    before = [t for t in doc[piece.start:opened[0].i] if not (t.is_punct or t.is_space)]
    return ending_after(spans, before[-1]) if before else spans


def without_concession(doc: Doc, spans: list[tuple[int, int]],
                       inside: set[int]) -> list[tuple[int, int]]:
    """"has long said she backs the plan, even as her party turned against it": a clause
    opened by "even as" that ends a content sets a contrary fact beside what was said or
    held, the writer's counterpoint rather than the source's; PolNeAR's annotators end the
    content before it (on the kept training articles 7 contents come to match exactly, 2 stop).
    A concession inside a quotation is the speaker's own words and stays."""
    piece = last_piece(doc, spans)
    if piece is None:
        return spans
    for even in piece[1:-1]:
        clause = doc[even.i + 1].head
        if even.lower_ == "even" and doc[even.i + 1].lower_ == "as" and \
                doc[even.i + 1].dep_ == "mark" and even.head == clause and \
                clause.right_edge.i >= piece.end - 2 and even.i not in inside:
            return _ending_before(doc, spans, even.i)
    return spans


def without_narrated_moment(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"refused to speak to reporters as she left the hall": an "as" clause in the past tense
    that ends an infinitive content narrates the moment the subject acted, as the writer
    tells it; what was refused or sought is the infinitive alone (3 contents in the kept
    training articles start to match, none stops). A present one may be part of what is
    expected ("expects the mayor to change as she enters office"), and stays."""
    piece = last_piece(doc, spans)
    if piece is None:
        return spans
    inside = range(piece.start, piece.end)
    tops = [t for t in piece if not (t.is_punct or t.is_space) and t.head.i not in inside]
    if len(tops) != 1 or not is_to_infinitive(tops[0]):
        return spans
    for clause in tops[0].rights:
        if clause.dep_ == "advcl" and clause.tag_ == "VBD" and \
                clause.right_edge.i >= piece.end - 2 and any(
                    m.dep_ == "mark" and m.lower_ == "as" and m.i == clause.left_edge.i
                    for m in clause.children):
            return _ending_before(doc, spans, clause.left_edge.i)
    return spans


def _between_quoted_words(text: str, quote: Quote, offset: int) -> bool:
    """Whether ``offset`` falls inside the quotation with a word of it on either side."""
    return (quote.start < offset < quote.end
            and _WORD.search(text, quote.start, offset) is not None
            and _WORD.search(text, offset, quote.end) is not None)


def within_framing_parentheses(doc: Doc, spans: list[tuple[int, int]],
                               cue: Span | None) -> list[tuple[int, int]]:
    """"Some fear an invasion (“It is an occupation,” Ida Berg wrote) and others ...": a cue
    inside a writer's parentheses frames only what the parentheses hold; the parse may hang the
    sentence around them on the cue, and the content stops at the brackets."""
    if cue is None or not spans:
        return spans
    opening = _bracket_around(doc, cue.start, -1)
    closing = _bracket_around(doc, cue.end - 1, 1)
    if opening is None or closing is None:
        return spans
    tokens = [t.i for t in tokens_of(doc, spans)]
    inside = [i for i in tokens if opening.i < i < closing.i]
    if len(inside) == len(tokens) or not any(not doc[i].is_punct for i in inside):
        return spans
    return to_spans(doc, inside)


def _bracket_around(doc: Doc, start: int, step: int) -> Token | None:
    """The round bracket left open before ``start`` (``step`` -1) or closed after it (1), in
    its paragraph."""
    wanted, other = ("(", ")") if step < 0 else (")", "(")
    depth = 0
    i = start + step
    while 0 <= i < len(doc):
        token = doc[i]
        if step < 0 and breaks_line_after(token):
            return None
        if token.text == wanted and depth == 0:
            return token
        depth += (token.text == other) - (token.text == wanted)
        if step > 0 and breaks_line_after(token):
            return None
        i += step
    return None
