"""Pass 1: each quotation and its cue — after the quote (``after_quote``), before it across a
colon, or before it through content words (then the quote is a fragment of reported speech:
mixed, and ``quote_content`` gathers the words around it that it goes on with)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from ..channels import MEDIUM_PREPS, TELLING_VERBS
from ..lexicon import DOCUMENT_NOUNS, NOUN_CUES, SPEECH_VERBS, THOUGHT_VERBS
from ..quotes import Quote
from .after_quote import right_cue, right_subject
from .complement import complement
from .quote_content import (around_aside, lead_in, mixed_from_left, object_after_quote,
                            rest_of_clause, resumes_in_lower_case, tail_after_frame,
                            tail_before_frame)
from .spans import BREAKS, breaks_line_after, merge_adjacent, to_spans, word_count
from .words import cue_span, is_speech_verb, relative_object, subject_of


def attribute_quote(doc: Doc, quote: Quote, span: Span, inside: set[int],
                     used: set[int]) -> Draft | None:
    """The draft for one quotation, or None for a nickname or a title in quotation marks. The
    cue after the quote is tried with the one before it, since news puts either ("..., she
    said", "She said: ..."); a cue before it that runs into the quote through content words
    makes the quote a fragment of reported speech. ``inside`` are the words of every quotation,
    where no cue or speaker is sought; ``used`` the cues other quotations have taken."""
    if _is_nickname(doc, span) or _is_title(doc, span):
        return None
    signature = _signature(doc, span)
    if signature is not None:
        dash, name = signature
        return Draft("direct", [(quote.start, quote.end)], cue=doc[dash.i:dash.i + 1],
                     cue_lemma="-", subject=name, quote=quote, confidence=0.9)
    left = _left_cue(doc, span, inside)
    right = right_cue(doc, span, inside)
    colon = _colon_before(doc, span)
    introducer = _introducing_verb(doc, colon, inside) if colon is not None else None
    if left is not None and (left.i in used or _in_frame(left, span) or
                             _thought_before_a_frame(left, right) or
                             _in_other_clause(left, span) or
                             _in_adverbial_of(introducer, left) or
                             _resumed_quotation(left, span, inside)):
        left = None
    if left is not None and _is_fragment(left, span):
        return mixed_from_left(doc, quote, span, left, used, inside)
    lead = lead_in(doc, span, inside) if right is not None else []
    if lead and word_count(span) < 3 and _opens_next_quote(right):
        right, lead = None, []  # "Recalling his “fine record,” she said, “...”"
    if right is not None and not lead and word_count(span) < 3 and not _ends_like_speech(span):
        right = None  # "In the “phishing” scheme, the scammers threatened ...": a scare quote
    if right is not None and _answered(right):
        right = None
    if right is not None:
        used.add(right.i)
        kind, content = "direct", [(quote.start, quote.end)]
        subject = right_subject(right, span, inside)
        if lead:  # "objected to the word “mega-port,” Vale said"
            tail = tail_before_frame(doc, span, right, inside)
            after = tail_after_frame(right, subject, inside)
            kind, content = "mixed", merge_adjacent(doc, to_spans(doc, lead) + content +
                                                    to_spans(doc, tail) + to_spans(doc, after))
        return Draft(kind, content, cue=cue_span(right), cue_lemma=right.lemma_.lower(),
                     subject=subject, quote=quote, confidence=0.95)
    if left is not None:
        kind, content = "direct", [(quote.start, quote.end)]
        before = span.start - 1
        aside = around_aside(doc, span, left, inside)
        if aside:  # "The plan, she said, “is a gamble.”", "The catch, she said, is that “...”"
            kind, content = "mixed", merge_adjacent(doc, to_spans(doc, aside) + content)
        elif before > left.i and doc[before].lower_ == "that":  # "says that “...”"
            kind, content = "mixed", [(doc[before].idx, quote.end)]
        elif (opening := _that_before(doc, span, left, inside, introducer)) is not None:
            # "said that a deal was possible: “...”"
            kind, content = "mixed", [(opening.idx, quote.end)]
        elif not _ends_like_speech(span) and \
                (run_on := object_after_quote(span, left, inside)):  # "pledged “calm” to ..."
            kind, content = "mixed", merge_adjacent(doc, content + to_spans(doc, run_on))
        if kind == "mixed":
            rest = to_spans(doc, rest_of_clause(span, inside))
            content = merge_adjacent(doc, content + rest)
        pronoun = relative_object(left)
        if pronoun is not None:  # "which the mayor called “a disgrace”"
            kind, content = "mixed", [(pronoun.idx, pronoun.idx + len(pronoun))] + content
        if kind == "direct" and _scare_quote(span) and left.lemma_.lower() not in SPEECH_VERBS:
            return None  # "condemned “greed”": the stance's object, not words it quotes
        used.add(left.i)
        return Draft(kind, content, cue=cue_span(left), cue_lemma=left.lemma_.lower(),
                     subject=subject_of(left, inside), quote=quote, confidence=0.9)
    verb = _comma_frame(doc, span, inside) if colon is None else \
        introducer or _verb_of_object_before(doc, colon, inside)
    if colon is None and verb is None:
        return None
    if verb is not None and verb.i not in used:
        used.add(verb.i)
        return Draft("direct", [(quote.start, quote.end)], cue=cue_span(verb),
                     cue_lemma=verb.lemma_.lower(), subject=subject_of(verb, inside),
                     quote=quote, confidence=0.8)
    introducer = _colon_subject(doc, colon) if colon is not None else None
    if introducer is not None:
        return Draft("direct", [(quote.start, quote.end)], subject=introducer, quote=quote,
                     confidence=0.7)
    return None


def _that_before(doc: Doc, span: Span, verb: Token, inside: set[int],
                 introducer: Token | None) -> Token | None:
    """"added that, “...”", "said that a deal was possible: “...”": the "that" opening the
    verb's clause, which runs on into the quote. None when another cue or quote stands between
    them, or a verb of its own introduces the quote ("said that ..., to which Lee replied:
    “...”"; ``introducer``, the verb before a colon ahead of the quote)."""
    if introducer not in (None, verb):
        return None
    for token in doc[verb.i + 1:span.start]:
        if token.i in inside or (is_speech_verb(token) and
                                 subject_of(token, inside) is not None):
            return None
        if token.lower_ == "that" and token.dep_ == "mark":
            clause = {t.i for t in token.head.subtree}
            rest = doc[token.i + 1:span.start]
            return token if all(t.i in clause or t.is_punct or t.is_space for t in rest) \
                else None
    return None


def _answered(verb: Token) -> bool:
    """'Asked whether the mayor “can be trusted,” 61 percent said yes': a verb followed by its
    own answer word ("yes", "no") reports that answer; the quote before it is the question,
    which it does not frame."""
    doc = verb.doc
    return verb.i + 1 < len(doc) and doc[verb.i + 1].tag_ == "UH" and \
        doc[verb.i + 1].head == verb


def _in_other_clause(verb: Token, span: Span) -> bool:
    """"when Rubio said it was great to be home, a man yelled “Stay there!”": the quote lies in
    a clause with a subject and verb of its own that stand between the cue and the quote, and
    outside the cue's reach; that clause, not the cue, frames it."""
    own = {t.i for t in verb.subtree}
    if span.start in own or span.root.i in own:
        return False
    head = span.root
    while head.head.i != head.i and not (head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children)):
        head = head.head
    return verb.i < head.i < span.start and head.i not in own and any(
        c.dep_ in ("nsubj", "nsubjpass") and verb.i < c.i < span.start for c in head.children)


def _in_adverbial_of(introducer: Token | None, verb: Token) -> bool:
    """"When Lee suggested the city would sue, Park fired back: “...”": the cue lies in an
    adverbial clause of the main verb that ends before the colon (``introducer``); that verb,
    not the cue in the clause that sets the scene, introduces the quote."""
    if introducer is None or introducer.i == verb.i:
        return False
    token = verb
    while token.i != introducer.i and token.head.i != token.i:
        if token.dep_ == "advcl" and token.head.i == introducer.i:
            return True
        token = token.head
    return False


def _thought_before_a_frame(left: Token, right: Token | None) -> bool:
    """"... parents thought the board was “thumbing its nose,” he said": a verb of thinking
    inside the sentence is part of what a frame after the quote (``right``) reports."""
    return right is not None and left.lemma_.lower() in THOUGHT_VERBS and \
        left.lemma_.lower() not in SPEECH_VERBS


def _comma_frame(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """"She continued, “...”", "Voss cracked, “...”": a verb the lexicon does not list that
    ends a main clause of its own right before a comma and the quote frames the quote, as a
    colon does. In PolNeAR's training split such an unlisted verb is the cue 20 times in 25
    ("continued" most often; "titled," and "a sign read," are among the others)."""
    comma = span.start - 1
    if comma < 2 or doc[comma].text != ",":
        return None
    verb = doc[comma - 1]
    if verb.dep_ in ("prt", "advmod") and verb.head.i < verb.i:
        verb = verb.head  # "cried out, “...”"
    if verb.pos_ != "VERB" or verb.tag_ == "VBN" or verb.i in inside or \
            verb.dep_ in ("relcl", "acl", "advcl", "amod", "pcomp", "xcomp") or any(
                c.dep_ in ("mark", "auxpass", "dobj", "ccomp", "xcomp") and c.i < span.start
                for c in verb.children):
        return None
    return verb if subject_of(verb, inside) is not None else None


def _colon_before(doc: Doc, span: Span) -> int | None:
    """The colon that introduces the quote, in its paragraph or at the end of the one before
    ("Roy echoed:" on a line of its own, the quote below it)."""
    before = _mark_before(doc, span)
    return before if before >= 1 and doc[before].text == ":" else None


def _mark_before(doc: Doc, span: Span) -> int:
    """The index of the last token before the quote that is not space (-1 at the start)."""
    before = span.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return before


def _introducing_verb(doc: Doc, colon: int, inside: set[int]) -> Token | None:
    """"Mr. Dube continued: “...”": the verb that ends the clause before the colon, with a
    subject of its own, introduces the quote whatever the verb."""
    verb = doc[colon - 1]
    while verb.dep_ == "prt" or (verb.dep_ == "advmod" and verb.head.i < verb.i):
        verb = verb.head  # "spoke out:", "continued loudly:"
    if verb.pos_ != "VERB" or verb.i in inside:
        return None
    return verb if subject_of(verb, inside) is not None else None


def _verb_of_object_before(doc: Doc, colon: int, inside: set[int]) -> Token | None:
    """"Lee issued the following statement: “...”", "Ruiz replied to his critics: “...”": a
    verb whose object (or its preposition's object) ends right before the colon introduces the
    quote as a verb before the colon does; the object only names what follows. PolNeAR's
    annotators take the quote, not the object, as the content (all 5 such objects drafted as
    contents in the kept training articles). A preposition of place, time or
    medium ("writing at the Herald:") says where the words appeared, not what they answer."""
    token = _outer_object(doc[colon - 1])
    prep = token.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None
    if prep is not None and prep.lower_ in MEDIUM_PREPS:
        return None
    verb = token.head if prep is None else prep.head
    if token.dep_ not in ("dobj", "pobj") or _last_word(token) != colon - 1 or \
            verb.pos_ != "VERB" or verb.i in inside or verb.i > token.i or not _of_words(verb):
        return None  # "Two entries also made it: “...” and “...”" introduces no words
    return verb if subject_of(verb, inside) is not None else None


def _outer_object(token: Token) -> Token:
    """The object, of the verb or of a preposition on it, whose phrase ``token`` ends: "said
    about its inclusion of the clinics in the draft of its platform:" ends the object of
    "about", not of "of" or "in", which only describe nouns inside it."""
    token = _object_over(token)
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and \
            token.head.head.pos_ in ("NOUN", "PROPN"):
        token = _object_over(token.head.head)
    return token


def _object_over(token: Token) -> Token:
    """The nearest object (of a verb or a preposition) that holds ``token``, or the root."""
    while token.head.i != token.i and token.dep_ not in ("dobj", "pobj"):
        token = token.head
    return token


def _of_words(verb: Token) -> bool:
    """A verb of saying or quoting, or one whose object is a statement or a document ("issued
    the following statement", "delivered a blunt message to the council")."""
    return is_speech_verb(verb) or verb.lemma_.lower() == "quote" or any(
        c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS | NOUN_CUES for c in verb.children)


def _last_word(token: Token) -> int:
    """The index of the last word of the token's phrase; the parser may hang the colon and
    what follows it on the phrase."""
    return max(t.i for t in token.subtree if not (t.is_punct or t.is_space))


def _colon_subject(doc: Doc, colon: int) -> Token | None:
    """"Vale is more direct: “...”": a quote after a colon belongs to the subject of the
    clause that introduces it, when that subject is a person or a pronoun for one."""
    sent = doc[colon - 1].sent
    subject = next((t for t in doc[sent.start:colon] if t.dep_ == "nsubj"
                    and sent.start <= t.head.i < colon), None)
    if subject is None:
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "they"):
        return subject
    return None


#: The most words a signature line under a quotation may hold ("- Ida Berg, mayor of Vale.").
_SIGNATURE_LENGTH = 10
#: Dashes that open a signature line.
_DASHES = ("-", "—", "–")


def _signature(doc: Doc, span: Span) -> tuple[Token, Token] | None:
    """'"The pier is unsafe."' then, on a line of its own, '- Ida Berg.': a quotation that
    fills its paragraph and is signed on the next with a dash and a name (fact checks and
    collections of quotes set them so) is the named person's; the dash is its cue. Returns
    the dash (which the tokenizer may join to the first word) and the name, a capitalized word
    (the tagger takes some surnames for common nouns)."""
    if not _fills_paragraph(doc, span):
        return None
    first = span.end
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or not doc[first].text.startswith(_DASHES):
        return None
    word = doc[first + 1] if doc[first].is_punct and first + 1 < len(doc) else doc[first]
    name = word.sent.root
    line = [t for t in doc[first:word.sent.end] if not t.is_space]
    if len(line) > _SIGNATURE_LENGTH or not (name.pos_ == "PROPN" or name.is_title) or \
            name.i < first or any(breaks_line_after(t) for t in doc[first:name.i]):
        return None
    return doc[first], name


def _fills_paragraph(doc: Doc, span: Span) -> bool:
    """Whether a line break comes right before the quotation and right after it."""
    opens = span.start == 0 or breaks_line_after(doc[span.start - 1])
    last = doc[span.end - 1]
    closes = span.end == len(doc) or breaks_line_after(last) or \
        (doc[span.end].is_space and "\n" in doc[span.end].text)
    return opens and closes


def _after_break(doc: Doc, span: Span) -> bool:
    """The quote follows a dash, colon or semicolon: it does not continue the clause before."""
    before = _mark_before(doc, span)
    return before >= 0 and doc[before].text in BREAKS


def _sentence_after_comma(verb: Token, span: Span) -> bool:
    """"said, and I quote, “We ...”", "was asked by the host, who ..., “Now, ...”": a quote
    that opens with a capital after a comma is a sentence of its own, introduced like a direct
    quote; the words between cue and quote are the writer's frame, not part of what was said.
    After a "that" ("tells them that after all these years, “It's time.”") the quote ends the
    reported clause."""
    doc = verb.doc
    before = _mark_before(doc, span)
    first = next((t for t in span if t.is_alpha), None)
    return before >= 0 and doc[before].text == "," and first is not None and \
        first.text[0].isupper() and _ends_like_speech(span) and \
        not any(t.lower_ == "that" for t in doc[verb.i + 1:before])


def _resumed_quotation(verb: Token, span: Span, inside: set[int]) -> bool:
    """"“A,” she wrote in a letter explaining her vote, “but B.”": a quote that opens in lower
    case after a comma, in a sentence that opens with a quotation closed on a comma, resumes
    that quotation after its attribution; the verb in the attribution is no cue of it, unless
    its clause runs on into the quote ("“A,” she said, noting that she and her son, “have
    ...”"). A title in quotes inside the sentence ("the book “Lost Causes,” adding, “because
    ...”") is no quotation to resume."""
    doc = verb.doc
    mark = _mark_before(doc, span)
    if mark < 0 or doc[mark].text != ",":
        return False
    words = [t for t in doc[doc[span.start].sent.start:span.start] if not t.is_space]
    if not words or words[0].i not in inside:
        return False
    closing = next((t for t in words if t.i not in inside), None)
    return closing is not None and doc[closing.i - 1].is_quote and \
        doc[closing.i - 2].text == "," and resumes_in_lower_case(span, [verb])


def _in_frame(verb: Token, span: Span) -> bool:
    """A quotation inside the cue's object or adverbials ("told NBC’s “Today” show that ...",
    "said on Harbour Radio’s “Morning Tide”") is a title, not what was said."""
    telling = verb.lemma_.lower() in TELLING_VERBS
    for child in verb.children:
        if span.start <= child.i < span.end:
            continue  # a word of the quote the parser hung on the cue ("yelled, “Out!”")
        if child.dep_ in ("dative", "prep", "npadvmod", "advmod") or \
                (telling and child.dep_ == "dobj"):
            subtree = {t.i for t in child.subtree}
            if span.start in subtree or span.root.i in subtree:
                return True
    return False


def _opens_next_quote(verb: Token) -> bool:
    """A quotation opens after a comma or colon past the verb, before its sentence ends in the
    same paragraph: the verb frames that quotation ("..., she joked, again in an accent,
    “...”"); a scare quote in the speaker's description ("says Ann Lee, who runs the “Go”
    project") does not count."""
    doc = verb.doc
    for token in doc[verb.i + 1:]:
        if breaks_line_after(token) or token.text in (".", "!", "?"):
            return False
        if token.is_quote and token.is_left_punct and doc[token.i - 1].text in (",", ":"):
            return True
    return False


def _scare_quote(span: Span) -> bool:
    """A word or two in quotation marks with no punctuation of speech inside them quotes a
    term, not something said: after a verb of stance ("condemned “greed”") it is the verb's
    object; a verb of saying still quotes it ("wrote “stay safe”")."""
    return word_count(span) < 3 and not _ends_like_speech(span)


def _ends_like_speech(span: Span) -> bool:
    """“No.” and “Absolutely,” end with punctuation inside the marks; scare quotes do not."""
    inner = span.text.rstrip("”\"»’' ")
    return bool(inner) and inner[-1] in ",.!?…"


def _is_nickname(doc: Doc, span: Span) -> bool:
    """Tomas “Tom” Reyes: a short quote between two parts of a name."""
    if word_count(span) > 2 or span.start == 0 or span.end >= len(doc):
        return False
    return doc[span.start - 1].pos_ == "PROPN" and doc[span.end].pos_ == "PROPN"


#: Words a title may leave in lower case ("Fox and Friends").
TITLE_FUNCTION_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to",
                                  "with"})


def _is_title(doc: Doc, span: Span) -> bool:
    """"on Harbour Radio’s “Morning Desk,”", "told “Morning Desk”": a few capitalised words
    quoted after a possessive, "on" or a verb of telling name a programme or a work; they are
    the channel, not what was said."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 6 or not all(
            t.text[0].isupper() or t.lower_ in TITLE_FUNCTION_WORDS for t in words) or \
            not words[0].text[0].isupper():
        return False
    before = _mark_before(doc, span)
    if before < 0:
        return False
    prev = doc[before]
    return prev.lower_ in ("'s", "’s", "on") or prev.tag_ == "POS" or \
        (prev.pos_ == "VERB" and prev.lemma_.lower() in TELLING_VERBS)


def _left_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """The last speech verb before the quote in its sentence, with a subject of its own."""
    sent = doc[span.start].sent
    for token in reversed(doc[sent.start:span.start]):
        if token.i in inside:
            return None
        if is_speech_verb(token) and subject_of(token, inside) is not None:
            return token
    return None


def _is_fragment(verb: Token, span: Span) -> bool:
    """True when part of the verb's complement stands between the cue and the quote, or goes on
    after it: the quote is a fragment of reported speech. The cue's own addressee, adverbials
    and particles ("told reporters on Monday: “...”") do not count."""
    frame: set[int] = set()
    telling = verb.lemma_.lower() in TELLING_VERBS
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "prt", "punct", "dative", "agent") or \
                (telling and child.dep_ == "dobj") or _aside_participle(child):
            frame.update(t.i for t in child.subtree)
    if _after_break(verb.doc, span) or _sentence_after_comma(verb, span):
        return False  # "praised the premier - “He would ...,” Pike said -", "added: “...”"
    gap = [t for t in verb.doc[verb.i + 1:span.start]
           if not t.is_punct and not t.is_space and t.i not in frame and t.lower_ != "that"]
    subtree = {t.i for t in verb.subtree}
    return (bool(gap) and gap[-1].i in subtree) or _clause_goes_on(verb, span)


def _aside_participle(child: Token) -> bool:
    """"joked, again putting on an accent, “...”": a participle set off by a comma after the
    cue says how the words were spoken; it is no part of them."""
    first = child.left_edge.i
    return child.dep_ == "advcl" and child.tag_ == "VBG" and first > 0 and \
        child.doc[first - 1].text == ","


def _clause_goes_on(verb: Token, span: Span) -> bool:
    """"argued that “outsiders” had stalled the project": the quote opens the verb's clause,
    which goes on after it in words of its own."""
    clause = set(complement(verb))
    if span.root.i not in clause and span.start not in clause:
        return False
    return any(i in clause and verb.doc[i].is_alpha for i in range(span.end, verb.sent.end))
