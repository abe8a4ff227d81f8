"""After the passes: relays ("..., X reported" makes X a channel), quotes inside reported speech,
quotations that continue an earlier statement, and statements nested in another's content."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from ..lexicon import RELAY_VERBS, SPEECH_VERBS
from ..quotes import QUOTE_EDGES, Quote
from ..speakers import speaker_phrase
from .quote_content import resumes_in_lower_case
from .spans import last_piece, merge_adjacent, to_spans, tokens_of, within, word_count
from .words import FINITE_TAGS, cue_span, has_subject, is_speech_verb

#: A quote of fewer words, inside a sentence and with no cue, is a scare quote, not a statement.
MIN_FLOATING_WORDS = 5
#: The kinds of statement that quote.
QUOTING = ("direct", "mixed")


def resolve_relays(drafts: list[Draft]) -> list[Draft]:
    """"A says X, Russian media reported": the reporter becomes a via channel of A's statement.

    A relay is a speech act whose content holds another statement's cue and speaker; when it
    stands after the statement it relays, the outer speaker is the channel, not a speaker. Only
    a report is relayed (see ``_a_report``): of "A urged people to stay home, Radio B reported"
    PolNeAR attributes the whole to Radio B, and the urging is part of what was reported.
    """
    kept = []
    for outer in drafts:
        inner = _relayed(outer, drafts)
        if inner is not None:
            inner.channels.append((speaker_phrase(outer.subject), "via"))
            if outer.cue_lemma == "according to":
                inner.content = _without_relay(inner, outer)
            continue
        kept.append(outer)
    return kept


def _relayed(outer: Draft, drafts: list[Draft]) -> Draft | None:
    if outer.cue is None or outer.subject is None:
        return None
    if outer.cue_lemma not in RELAY_VERBS and outer.cue_lemma != "according to":
        return None
    for inner in drafts:
        if inner is outer or inner.cue is None or inner.subject is None or not (
                _a_report(inner) or outer.cue_lemma == "according to" and _says_that(inner)):
            continue
        if inner.cue.start_char >= outer.cue.start_char and outer.cue_lemma != "according to":
            continue  # a relay follows what it relays
        if outer.cue_lemma == "according to" and inner.start > outer.cue.start_char + 200:
            continue
        if inner.cue.sent != outer.cue.sent:
            continue
        if outer.cue_lemma == "according to" or within(inner.cue.start_char, outer.content):
            return inner
    return None


def _without_relay(inner: Draft, outer: Draft) -> list[tuple[int, int]]:
    """"The minister said the contract was fair, according to the Courier": the parser hangs
    the relay that ends the sentence inside the clause said, but it is the channel, not part
    of what was said. One inside the clause ("said that, according to its count, ...") is."""
    doc = inner.cue.doc
    relay = {*range(outer.cue.start, outer.cue.end), *(t.i for t in outer.subject.subtree)}
    last = last_piece(doc, inner.content)
    if last is None or any(t.is_alpha for t in last if t.i > max(relay)):
        return inner.content  # "said that, according to its count, ...": the count is said
    return _before(inner, doc[min(relay)])


def _says_that(inner: Draft) -> bool:
    """"The minister denied that the contract was rigged, according to the Courier": a verb of
    speech with a clause of its own, as the sentence's main verb (not "... if their candidate
    announced he would ..."), is a statement the outlet passes on, as "said" is, whatever its
    verb."""
    verb = inner.cue.root
    return inner.act == "speech" and inner.cue_lemma in SPEECH_VERBS and verb.dep_ == "ROOT" \
        and any(c.dep_ == "ccomp" for c in verb.children)


def _a_report(inner: Draft) -> bool:
    """A statement that passes on words: a quotation, or a verb of reporting ("A said ...")."""
    return inner.kind != "indirect" or inner.cue_lemma in RELAY_VERBS


def absorb_quotes(text: str, drafts: list[Draft], pending: list[Quote]) -> list[Quote]:
    """A pending quote inside an indirect statement's content makes that statement mixed; one
    joined by "and" or "or" to the quotation a quoting statement ends with extends it."""
    left = []
    for quote in pending:
        owner = next((d for d in drafts if _opens_by(text, d, quote) and
                      quote.end <= d.end + 2), None)
        if owner is None:
            owner = _closing_sentence_owner(drafts, quote)
            if owner is not None:
                owner.content = merge_adjacent(owner.cue.doc,
                                               owner.content + [(quote.start, quote.end)])
                continue
            owner = _joined_quote_owner(text, drafts, quote)
            if owner is not None:  # the joining word too, so that the content stays whole
                owner.content = owner.content[:-1] + [(owner.content[-1][0], quote.end)]
                continue
            left.append(quote)
            continue
        if owner.kind == "indirect":
            owner.kind = "mixed"
            owner.content = merge_adjacent(owner.cue.doc,
                                           owner.content + [(quote.start, quote.end)])
    return left


def _opens_by(text: str, draft: Draft, quote: Quote) -> bool:
    """The content starts at or before the quote, or just inside its opening mark: the parser
    leaves a mark opening a paragraph in the sentence before ("...,” he said.¶“A,” and B, she
    said."), and the content drawn from the frame's sentence then starts after it."""
    return draft.start <= quote.start or \
        (draft.start <= quote.end and not text[quote.start:draft.start].strip(QUOTE_EDGES))


def _joined_quote_owner(text: str, drafts: list[Draft], quote: Quote) -> Draft | None:
    """"told them “A,” and, “B.”": a quotation joined by "and" or "or" to the quotation that
    ends a quoting statement is more of what that statement quotes, the joining word with it."""
    return next((d for d in drafts if d.kind in QUOTING and d.end < quote.start and
                 text[d.end - 1] in QUOTE_EDGES and
                 text[d.end:quote.start].strip(" ,").lower() in ("and", "or")), None)


def _closing_sentence_owner(drafts: list[Draft], quote: Quote) -> Draft | None:
    """"“A. B,” according to the union.": a statement cued after a quotation of several
    sentences whose content is only the quotation's last sentence reports all of it; left
    pending, the first sentences would float to the speaker before as a second statement."""
    return next((d for d in drafts if d.cue is not None and quote.start < d.start and
                 d.end <= quote.end + 2 and d.cue.start_char >= quote.end), None)


def floating(doc: Doc, text: str, pending: list[Quote], spans: dict[Quote, Span],
              drafts: list[Draft]) -> list[Draft]:
    """Quoted sentences with no cue continue the closest statement before them: as more of its
    content when only its attribution stands between them ("“A,” she said, “B.”") or when they
    follow it in its paragraph ("She said the plan had failed. “We ran out of time.”"), as
    annotators draw it; after a paragraph break, as a statement of their own by the same
    speaker."""
    floating: list[Draft] = []
    for quote in pending:
        span = spans.get(quote)
        if span is None:
            continue
        before = [d for d in drafts + floating if d.end <= quote.start]
        previous = max(before, key=lambda d: d.end) if before else None
        interrupted = _interrupted_quotation(text, before, quote, span)
        if interrupted is not None:
            start = _continuation_start(quote, span, interrupted)
            interrupted.content = interrupted.content + [(start, quote.end)]
            continue
        sent = doc[span.start].sent
        lead = [t for t in doc[sent.start:span.start] if not (t.is_punct or t.is_space)]
        cue = lead[0] if len(lead) == 1 and _bare_participle(lead[0]) else None
        if lead and cue is None and _later_in_sentence(previous, span):
            previous.content = _through(doc, previous.content, quote)
            if previous.kind == "indirect":
                previous.kind = "mixed"
            continue
        if lead and cue is None and _led_into(text, previous, quote, span, lead):
            previous = _frame_host(previous, before)
            previous.content = previous.content + [(lead[0].idx, quote.end)]
            previous.kind = "mixed"
            continue
        if word_count(span) < MIN_FLOATING_WORDS or (lead and cue is None) or previous is None:
            continue
        if cue is None and "\n" not in text[previous.end:quote.start]:
            previous = _frame_host(previous, before)
            previous.content = previous.content + [(quote.start, quote.end)]
            if previous.kind == "indirect":
                previous.kind = "mixed"
            continue
        if text.count("\n", previous.end, quote.start) > 2:
            continue
        if cue is None and _goes_on_after_break(doc, text, previous, quote):
            previous.content = previous.content + [(quote.start, quote.end)]
            continue
        floating.append(Draft("direct", [(quote.start, quote.end)], inherits=previous,
                              quote=quote, confidence=0.7,
                              cue=cue_span(cue) if cue is not None else None,
                              cue_lemma=cue.lemma_.lower() if cue is not None else ""))
    return floating


#: The most words before a quotation, in a sentence of its own, that still only lead into it.
MAX_LEAD_WORDS = 3


def _led_into(text: str, previous: Draft | None, quote: Quote, span: Span,
              lead: list[Token]) -> bool:
    """“A,” she said. It is “B.”: a sentence after a quoting statement, in its paragraph,
    that a few words of no speech lead into a quotation running to its end goes on with that
    statement, as annotators draw it ("But “B.”", "That makes him “B.”")."""
    if previous is None or previous.kind not in QUOTING or "\n" in text[previous.end:quote.start]:
        return False
    sent = span.sent
    return sent.start_char >= previous.end and word_count(span) >= MIN_FLOATING_WORDS and \
        sum(1 for t in lead if t.is_alpha) <= MAX_LEAD_WORDS and \
        not any(is_speech_verb(t) for t in lead) and \
        not text[quote.end:sent.end_char].strip(" .\"”’'\n")


def _goes_on_after_break(doc: Doc, text: str, previous: Draft, quote: Quote) -> bool:
    """“A,” she said.¶“B.”: a quotation opening the paragraph after a quoting statement whose
    sentence closed its own paragraph is more of that statement's content, as annotators draw
    it (39 of 51 such quotes in PolNeAR's kept training articles). Not after a sentence of other
    matter ("“A,” he said. He then turned to the crowd.¶“B?”", 5 of 21), and not when the quote
    ends on a comma, waiting for an attribution of its own (none of 25)."""
    if previous.kind not in QUOTING or text[:quote.end].rstrip("\"”’' ").endswith(","):
        return False
    last = doc.char_span(previous.end - 1, previous.end, alignment_mode="expand")
    ends = [last[0].sent.end_char] if last is not None else []
    if previous.cue is not None:
        ends += [previous.cue.end_char, previous.cue.sent.end_char]
    return not text[max(ends, default=previous.end):quote.start].strip(" \n\xa0\"“”’.")


def _later_in_sentence(previous: Draft | None, quote: Span) -> bool:
    """"called the protesters “illegals” and “thugs”": a quotation later in the sentence that
    a quoting statement's content ends in, with no verb of speech between the statement's cue
    and it, is more of that content. Not after the statement's own attribution ("“...,” she
    told “Morning Edition”"): a quote there names a programme or a title."""
    if previous is None or previous.kind not in QUOTING or previous.cue is None or \
            previous.cue.start_char > previous.start or previous.end <= quote.sent.start_char:
        return False
    between = quote.doc[previous.cue.end:quote.start]
    return not any(is_speech_verb(t) for t in between) and \
        _governed_by(quote.root, previous.cue.root)


def _governed_by(word: Token, verb: Token) -> bool:
    """The word hangs under the verb itself, not under a predicate coordinated with it without
    a subject of its own ("called the merger “a disaster” and ranked her among “the worst”":
    the ranking is the speaker's next act, not more of the calling)."""
    for ancestor in word.ancestors:
        if ancestor == verb:
            return True
        if ancestor.dep_ == "conj" and ancestor.head == verb and not has_subject(ancestor):
            return False
    return False


def _through(doc: Doc, content: list[tuple[int, int]], quote: Quote) -> list[tuple[int, int]]:
    """The content run on over the words after it to the end of the quote."""
    after = doc.char_span(content[-1][1], quote.end, alignment_mode="expand")
    words = [t.i for t in after if not t.is_space] if after is not None else []
    return merge_adjacent(doc, content + to_spans(doc, words)) if words else content


def _frame_host(previous: Draft, before: list[Draft]) -> Draft:
    """"“A,” she said, noting that B. “C.”": a report cued in the attribution of the quotation
    before it is an aside of that quotation's frame; the quote after the sentence goes on with
    the quotation, not with the aside. So is one hung lower in the frame ("said Ms. X, who
    noted that B") and one that quotes a word of its own ("noting that costs had “doubled”").
    "Adding" is no aside but the next thing said."""
    if previous.kind == "direct" or previous.cue is None or previous.cue_lemma == "add":
        return previous  # "“A,” she said, adding that B. “C.”": C goes on with the adding
    verb = previous.cue.root
    for host in before:
        if host.quote is not None and host.cue is not None and host.kind != "indirect" and \
                host.end <= previous.start and host.content[-1][1] <= host.cue.start_char and \
                host.cue.sent.start == verb.sent.start and host.cue.root in verb.ancestors:
            return host
    return previous


def _bare_participle(token: Token) -> bool:
    """"Adding, “...”": a speech verb that opens the sentence without a subject of its own
    continues the speaker before it, as a quote without a cue does."""
    return token.tag_ == "VBG" and is_speech_verb(token) and \
        not has_subject(token)


#: The longest attribution that may interrupt a quotation ("“A,” the union's president said
#: on Tuesday, “B”"), in characters: long enough for a speaker described at length and the
#: statements the description holds ("..., who has long pushed for a second pier").
MAX_INTERRUPTION = 300


def _interrupted_quotation(text: str, before: list[Draft], quote: Quote,
                           span: Span) -> Draft | None:
    """The quotation the quote goes on with: the last statement before it, or the quotation
    before the statements that its own attribution holds ("“A,” she said, referring to the
    audit. “B.”": "referring to" is a statement of its own, and "B" still goes on with "A")."""
    framed: list[Draft] = []
    for previous in sorted(before, key=lambda d: -d.end):
        if _interrupted(text, previous, quote, span):
            resumed = all(_in_frame(d, previous) for d in framed) or \
                _resumes_in_lower_case(span, framed)
            return previous if resumed else None
        if previous.quote is not None:
            return None
        framed.append(previous)
    return None


def _resumes_in_lower_case(span: Span, framed: list[Draft]) -> bool:
    """"“A,” she wrote, explaining why she ran, “but B.”": a quote opening in lower case goes on
    with the sentence of the quotation before it, whatever its attribution holds, unless the
    clause of a statement in the attribution runs on into it ("“A,” she said, noting that she
    and her son, “have ...”")."""
    return resumes_in_lower_case(span, [d.cue.root for d in framed if d.cue is not None])


def _in_frame(statement: Draft, quotation: Draft) -> bool:
    """The statement is part of the quotation's attribution: after the quotation and cued in
    its cue's sentence ("she said, referring to the audit"). A sentence of its own between the
    two quotes ("She added that ...") is a new statement, which the next quote goes on with;
    so is the speaker's next report of a clause ("she said, adding that ...")."""
    verb = statement.cue.root if statement.cue is not None else None
    return verb is not None and statement.start >= quotation.end and \
        verb.sent.start == quotation.cue.sent.start and \
        not (verb.head == quotation.cue.root and any(c.dep_ == "ccomp" for c in verb.children))


def _interrupted(text: str, previous: Draft, quote: Quote, span: Span) -> bool:
    """True when the quote goes on with the previous quotation after its cue, in one paragraph."""
    if previous.quote is None or previous.cue is None or previous.kind == "indirect":
        return False
    gap = text[previous.end:quote.start]
    joined = gap.rstrip()[-1:] in (",", ".", ":", ";") or \
        _coordinator_before(span, previous) is not None
    return previous.content[0][1] <= previous.cue.start_char < quote.start and "\n" not in gap \
        and len(gap) <= MAX_INTERRUPTION and joined


def _continuation_start(quote: Quote, span: Span, quotation: Draft) -> int:
    """Where the quote's piece of the quotation starts: at the conjunction that joins it to the
    attribution, as annotators draw it ("she said, and “B.”"), except "or", which glosses the
    quote before rather than adding to it ("“Adieu,” he said, or “Farewell.”")."""
    joint = _coordinator_before(span, quotation)
    return joint.idx if joint is not None and joint.lower_ != "or" else quote.start


def _coordinator_before(span: Span, previous: Draft) -> Token | None:
    """"“A,” she said, and “B.”": a conjunction set off by a comma that joins the quote to the
    verb of the quotation's attribution; the quote goes on with that quotation."""
    doc = span.doc
    if span.start < 2 or previous.cue is None:
        return None
    joint = doc[span.start - 1]
    return joint if joint.dep_ == "cc" and joint.head == previous.cue.root and \
        doc[span.start - 2].text == "," else None


def drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A statement whose cue lies inside another statement's content is part of that content,
    as annotators draw it ("hailed the news that the premier planned ..."), unless ``_hides``
    says the outer one leaves it standing."""
    kept = []
    for d in drafts:
        if d.cue is not None and any(o is not d and o.cue is not None and _hides(o, d) and
                                     within(d.cue.start_char, o.content) and
                                     not within(o.cue.start_char, d.content)
                                     for o in drafts):
            continue
        kept.append(d)
    return kept


def _hides(outer: Draft, inner: Draft) -> bool:
    """Whether ``outer``, whose content holds ``inner``'s cue, takes the place of ``inner``.
    No outer statement hides a relative clause set off by a comma (``_set_off_relative``). A
    guess (``unlisted``) or a statement that names no source hides a thought or a stance, but
    not a speech act: "Voters backed a levy the treasurer said would fix the roads" keeps what
    the treasurer said, the reader's reason to look, beside an outer statement that is itself
    uncertain. In PolNeAR's kept training articles, dropping the thoughts and stances such
    outer statements hold took 178 statements and 35 matched gold contents (held-out 19 and 4);
    dropping the speech acts too would take 102 statements and 19 matches more (7 and 0):
    annotators mostly leave those inside the outer content as well."""
    if _set_off_relative(inner):
        return False
    return inner.act != "speech" if outer.guessed or outer.unattributed else True


def _set_off_relative(inner: Draft) -> bool:
    """"the mayor said the levy, which the union called “a tax on renters,” would pass": a
    relative clause set off by a comma adds a statement of its own to its noun rather than
    restricting it, and annotators draw it as a separate event (11 of the 22 such statements
    dropped in PolNeAR's kept training articles matched a gold content no other statement
    matched, 2 of 3 in the held ones, against 14 % of all dropped statements). A guess
    (``unlisted``) there stays dropped: its cue is the learned scorer's pick, whose rate on the
    articles it was trained on promises more than it holds."""
    if inner.cue is None or inner.guessed or inner.cue.root.dep_ != "relcl":
        return False
    start = inner.cue.root.left_edge.i
    return start > 0 and inner.cue.doc[start - 1].text == ","


def cut_at_next_reports(drafts: list[Draft]) -> None:
    """"said that he will “try to form a government” and insisted that ...": the parser hangs
    the second verb of speech (or a participle cue, ``_participle_report``) inside the first
    one's clause, but it is the same speaker's next statement. The outer content ends before
    its conjunction or comma, and the inner statement, which the parse gives the clause's
    subject, takes the outer one's speaker."""
    for outer in drafts:
        for inner in drafts:
            cut = _next_report(outer, inner) or _participle_report(outer, inner)
            if cut is not None:
                outer.content = _before(outer, cut)
                inner.subject = outer.subject


def _next_report(outer: Draft, inner: Draft) -> Token | None:
    """The conjunction opening ``inner`` when it is the outer speaker's next statement: its cue
    a verb of speech in the outer content, coordinated there without a subject of its own. One
    of the two must quote, or both report speech in a finite verb (``_speaks_again``): between
    two reported clauses the coordinated verb is as often the reported speaker's own ("said she
    was tired and wanted a change")."""
    if inner is outer or outer.cue is None or inner.cue is None or \
            (outer.kind == inner.kind == "indirect" and not _speaks_again(outer, inner)) or \
            not within(inner.cue.start_char, outer.content):
        return None
    verb = inner.cue.root
    if verb.dep_ != "conj" or not is_speech_verb(verb) or verb.i <= outer.cue.root.i or \
            has_subject(verb):
        return None
    conjunction = verb.doc[verb.left_edge.i - 1]
    if conjunction.dep_ != "cc" or conjunction.head != verb.head or \
            conjunction.i <= outer.cue.root.i:
        return None
    return conjunction


def _speaks_again(outer: Draft, inner: Draft) -> bool:
    """"said the pier was safe and warned that repairs would take a year": a reported speech act
    whose content holds a second verb of speech, in the past or present tense like the cue, is
    the speaker going on to the next statement; annotators draw two (4 of the 5 such pairs in
    PolNeAR's kept training articles). A thought or an intention ("and wanted a change"), an
    infinitive or a participle ("would expand ... and push for", "demanding that") stays in
    the reported clause (of the 6 more pairs those would add, annotators split none), and so
    does a verb joined to one deeper inside it ("pushing a conversation that humanizes people
    and demands respect"): the next statement is joined to the reported clause's own verb."""
    verb = inner.cue.root
    return outer.act == inner.act == "speech" and verb.tag_ in FINITE_TAGS and \
        verb.dep_ == "conj" and verb.head.head == outer.cue.root


def _participle_report(outer: Draft, inner: Draft) -> Token | None:
    """The comma before ``inner`` when it is the outer speaker's next act: "said the pier is
    safe, while stressing that repairs go on". A participle set off by a comma, with no subject
    of its own, whose verb is a cue, hangs in the outer content in the parse; PolNeAR's
    annotators end the content before it and draw the participle as a statement of its own
    (11 of the 12 such statements in the kept training articles that changed a match)."""
    if inner is outer or outer.cue is None or inner.cue is None or \
            not within(inner.cue.start_char, outer.content):
        return None
    verb = inner.cue.root
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or has_subject(verb) or \
            verb.i <= outer.cue.root.i:
        return None
    start = verb.left_edge.i
    if start != verb.i and not (start == verb.i - 1 and verb.doc[start].dep_ == "mark"):
        return None
    comma = verb.doc[start - 1]
    return comma if comma.text == "," and comma.i > outer.cue.root.i else None


def _before(draft: Draft, cut: Token) -> list[tuple[int, int]]:
    """The draft's content up to the word ``cut``."""
    doc = cut.doc
    words = [t.i for t in tokens_of(doc, draft.content) if t.i < cut.i]
    return to_spans(doc, words) or draft.content
