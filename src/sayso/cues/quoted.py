"""Pass 1: each quotation and its cue — after the quote, before it across a colon, or before it
through content words (then the quote is a fragment of reported speech: mixed)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from ..channels import TELLING_VERBS
from ..lexicon import SPEECH_VERBS, THOUGHT_VERBS
from ..quotes import Quote
from .reported import complement
from .spans import CONNECTIVES, breaks_line_after, merge_adjacent, to_spans, word_count
from .words import SUBJECTS, cue_span, is_speech_verb, subject_of

#: How many words after a quote its cue may start ("...,” the mayor of the city said).
RIGHT_WINDOW = 8


def attribute_quote(doc: Doc, quote: Quote, span: Span, inside: set[int],
                     used: set[int]) -> Draft | None:
    """The draft for one quotation, or None for a nickname or a title in quotation marks. The
    cue after the quote is tried with the one before it, since news puts either ("..., she
    said", "She said: ..."); a cue before it that runs into the quote through content words
    makes the quote a fragment of reported speech. ``inside`` are the words of every quotation,
    where no cue or speaker is sought; ``used`` the cues other quotations have taken."""
    if _is_nickname(doc, span) or _is_title(doc, span):
        return None
    left = _left_cue(doc, span, inside)
    right = _right_cue(doc, span, inside)
    if left is not None and (left.i in used or _in_frame(left, span) or
                             _thought_before_a_frame(left, right) or
                             _in_other_clause(left, span)):
        left = None
    if left is not None and _is_fragment(left, span):
        return _mixed_from_left(doc, quote, span, left, used, inside)
    lead = _lead_in(doc, span, inside) if right is not None else []
    if lead and word_count(span) < 3 and _opens_next_quote(right):
        right, lead = None, []  # "Recalling his “fine record,” she said, “...”"
    if right is not None and not lead and word_count(span) < 3 and not _ends_like_speech(span):
        right = None  # "In the “phishing” scheme, the scammers threatened ...": a scare quote
    if right is not None:
        used.add(right.i)
        kind, content = "direct", [(quote.start, quote.end)]
        if lead:  # "objected to the word “mega-port,” Vale said"
            tail = _tail_before_frame(doc, span, right, inside)
            kind, content = "mixed", merge_adjacent(doc, to_spans(doc, lead) + content +
                                                    to_spans(doc, tail))
        return Draft(kind, content, cue=cue_span(right), cue_lemma=right.lemma_.lower(),
                     subject=_right_subject(right, span, inside), quote=quote, confidence=0.95)
    if left is not None:
        used.add(left.i)
        kind, content = "direct", [(quote.start, quote.end)]
        before = span.start - 1
        aside = _around_aside(doc, span, left, inside)
        if before > left.i and doc[before].lower_ == "that":  # "says that “...”"
            kind, content = "mixed", [(doc[before].idx, quote.end)]
        elif (opening := _that_before(doc, span, left, inside)) is not None:
            # "said that a deal was possible: “...”"
            kind, content = "mixed", [(opening.idx, quote.end)]
        elif aside:  # "The plan, she said, “is a gamble.”"
            kind, content = "mixed", merge_adjacent(doc, to_spans(doc, aside) + content)
        if kind == "mixed":
            rest = to_spans(doc, _rest_of_clause(span, inside))
            content = merge_adjacent(doc, content + rest)
        pronoun = _relative_object(left)
        if pronoun is not None:  # "which the mayor called “a disgrace”"
            kind, content = "mixed", [(pronoun.idx, pronoun.idx + len(pronoun))] + content
        return Draft(kind, content, cue=cue_span(left), cue_lemma=left.lemma_.lower(),
                     subject=subject_of(left, inside), quote=quote, confidence=0.9)
    colon = _colon_before(doc, span)
    verb = _comma_frame(doc, span, inside) if colon is None else \
        _introducing_verb(doc, colon, inside)
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


def _relative_object(verb: Token) -> Token | None:
    """"a plan which the mayor called “a giveaway”", "a rival whom she dubbed “the little
    senator”": the relative pronoun the cue takes as its object stands for what was said, and
    annotators keep it with the quote; "that" and the free relative "what" they leave out as
    often as not."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and
                 c.lower_ in ("which", "who", "whom")), None)


def _that_before(doc: Doc, span: Span, verb: Token, inside: set[int]) -> Token | None:
    """"added that, “...”", "said that a deal was possible: “...”": the "that" opening the
    verb's clause, which runs on into the quote. None when another cue or quote stands between
    them, or a verb of its own introduces the quote ("said that ..., to which Lee replied:
    “...”")."""
    colon = _colon_before(doc, span)
    if colon is not None and _introducing_verb(doc, colon, inside) not in (None, verb):
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


def _tail_before_frame(doc: Doc, span: Span, verb: Token, inside: set[int]) -> list[int]:
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


def _thought_before_a_frame(left: Token, right: Token | None) -> bool:
    """"... parents thought the board was “thumbing its nose,” he said": a verb of thinking
    inside the sentence is part of what a frame after the quote (``right``) reports."""
    return right is not None and left.lemma_.lower() in THOUGHT_VERBS and \
        left.lemma_.lower() not in SPEECH_VERBS


def _around_aside(doc: Doc, span: Span, verb: Token, inside: set[int]) -> list[int]:
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
        if token.i in inside or token.text in BREAKS or "\n" in token.text:
            opening = token.i + 1
    words = [i for i in range(opening, first - 1) if not doc[i].is_space]
    opens_clause = any(doc[i].dep_ in SUBJECTS and doc[i].head.i not in words for i in words)
    goes_on = _continues(span) and any(doc[i].is_alpha and doc[i].lower_ not in CONNECTIVES
                                       for i in words)  # "Still, he said, “...”" does not
    if not opens_clause and not goes_on:
        return []  # "At the rally, she said, “...”": a setting, not the start of a clause
    return words + [i for i in range(last + 2, span.start) if not doc[i].is_space]


def _rest_of_clause(span: Span, inside: set[int]) -> list[int]:
    """"The fund, she said, “is a gamble” for the town": the words after a quoted fragment
    that finish its sentence are part of what was said, unless a cue of their own follows."""
    doc = span.doc
    tail = [t.i for t in doc[span.end:doc[span.end - 1].sent.end] if not t.is_space]
    if not any(doc[i].is_alpha for i in tail) or any(
            i in inside or (is_speech_verb(doc[i]) and subject_of(doc[i], inside) is not None)
            for i in tail):
        return []
    return tail


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


#: A quote with at least this many words before it in its sentence is a fragment of that
#: sentence, which is then the statement's content.
LEAD_IN_WORDS = 3


def _lead_in(doc: Doc, span: Span, inside: set[int]) -> list[int]:
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


#: Marks after which a quote starts afresh rather than continuing the clause before it.
BREAKS = frozenset({"-", "--", "—", "–", ":", ";"})


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


def _right_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """A speech verb within a few words after the quote, in the sentence that follows the quote
    in its paragraph (the parser often ends a sentence at a closing quotation mark)."""
    after = span.end
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after >= len(doc) or "\n" in doc[after].text:
        return None
    words = 0
    comma_ended = span.text.rstrip("”\"»’' ").endswith(",")
    for token in doc[after:doc[after].sent.end]:
        if token.i in inside:
            return None
        framing = (is_speech_verb(token) and token.lemma_.lower() in SPEECH_VERBS or
                   comma_ended and _bare_frame(token)) and not _goes_on(token)
        subject = subject_of(token, inside) if framing else None
        if framing and (subject is not None or _inverted(token) or
                        _stranded_speaker(doc, after, token) is not None or
                        _name_after(token) is not None):
            if _introduces_next(token) or not _only_frame_between(doc, after, token) or \
                    _describes_speaker(span, subject):
                return None
            # in the next sentence only as a bare frame ("Moore said."), not "Moore said the ..."
            own_sentence = token.sent == doc[span.end - 1].sent
            return token if own_sentence or not complement(token) else None
        if not token.is_punct and not token.is_space and not _in_apposition(token):
            words += 1
            if words > RIGHT_WINDOW:
                return None
    return None


def _goes_on(token: Token) -> bool:
    """'... reminds him of the “Cedar Accord,” explaining that ...': a participle with no subject
    of its own after a quote goes on with the statement the quote is part of; it frames nothing."""
    return token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                           for c in token.children)


def _describes_speaker(span: Span, subject: Token | None) -> bool:
    """"Ana Ruiz, who lost 7 kilograms “and a lot of stress” in a year, says ...": a quote
    inside the phrase of the cue's own subject describes the speaker; the cue reports what
    follows it."""
    return subject is not None and subject.left_edge.i <= span.start and \
        span.end - 1 <= subject.right_edge.i


def _in_apposition(token: Token) -> bool:
    """A word of an apposition or a relative clause on a noun ("Ms. Tanzer, the club's owner,
    said"): it describes the speaker and does not move the cue away from the quote."""
    while token.dep_ not in ("ROOT", "appos", "relcl") and token.head.i != token.i:
        if token.head.pos_ in ("VERB", "AUX"):
            return False
        token = token.head
    return token.dep_ in ("appos", "relcl")


def _only_frame_between(doc: Doc, after: int, verb: Token) -> bool:
    """Between the quote and a cue after it stand only the cue's subject and its own adverbs
    ("...,” Dube, the mayor, also said); "...” had stalled the project, but suggested" is the
    quote's sentence going on, and its verb is no frame."""
    # the last subject: the parser may hang a word of the quote on the verb as another one
    subject = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                  key=lambda c: c.i, default=None)
    own = {t.i for t in subject.subtree} if subject is not None else set()
    for token in doc[after:verb.i]:
        if token.is_punct or token.is_space or token.i in own:
            continue
        if token.head == verb and token.dep_ in ("aux", "auxpass", "advmod", "neg", "npadvmod"):
            continue
        if token.ent_type_ or token.pos_ == "PROPN" or _in_apposition(token):
            continue  # a speaker the parser did not hang on the cue
        return False
    return True


def _introduces_next(verb: Token) -> bool:
    """"... and added: “...”", "..., adding, “...”": a cue followed by a colon or a quotation
    introduces what follows."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or doc[i].is_space):
        i += 1
    if i < len(doc) and doc[i].text == ":":
        return True
    if i + 1 < len(doc) and doc[i].text == "," and verb.tag_ == "VBG":
        i += 1
    return i < len(doc) and doc[i].text in ("“", "«", "''", "``")


def _inverted(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
               and c.ent_type_ in ("PERSON", "ORG") for c in verb.children)


def _bare_frame(verb: Token) -> bool:
    """"“...,” Ms. Bell continued." or "“...,” he went on, “...”": any verb that stands alone
    after a quote ending in a comma frames it, whether or not it is a verb of saying (the
    caller checks the comma)."""
    if verb.pos_ != "VERB":
        return False
    doc, after = verb.doc, verb.i + 1
    while after < len(doc) and (doc[after].dep_ == "prt" or doc[after].is_space):
        after += 1
    return after >= len(doc) or doc[after].text in (".", ",", "!", "?") or doc[after].is_quote


def _right_subject(verb: Token, span: Span, inside: set[int]) -> Token | None:
    subject = subject_of(verb, inside)
    if subject is not None:
        return subject
    inverted = next((c for c in verb.children if c.i > verb.i and
                     c.ent_type_ in ("PERSON", "ORG")), None)
    return inverted or _stranded_speaker(span.doc, span.end, verb) or _name_after(verb)


def _name_after(verb: Token) -> Token | None:
    """"“The risk,” said Ida Berg, an economist, “is ...”": a name right after a verb without a
    subject, which the parser hung on the quotation after it. The name's last word speaks."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    first = doc[verb.i + 1]
    if first.ent_type_ not in ("PERSON", "ORG") or first.ent_iob_ != "B":
        return None
    return _entity_end(first, len(doc))


def _entity_end(first: Token, limit: int) -> Token:
    """The last word, before index ``limit``, of the entity that ``first`` begins."""
    doc, end = first.doc, first.i
    while end + 1 < limit and doc[end + 1].ent_iob_ == "I":
        end += 1
    return doc[end]


def _stranded_speaker(doc: Doc, after: int, verb: Token) -> Token | None:
    """"“...,” Gene Marlow, an adviser, said": a name right after the quote that the parser
    hung inside the quotation, leaving the verb after it without a subject. The name (its last
    word) is the speaker when only it, its apposition and the verb's own adverbs stand between
    the quote and the verb."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    first = next((t for t in doc[after:verb.i] if not (t.is_punct or t.is_space)), None)
    if first is None or first.ent_type_ not in ("PERSON", "ORG") or first.ent_iob_ != "B" or \
            not _only_frame_between(doc, after, verb):
        return None
    return _entity_end(first, verb.i)


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


def _mixed_from_left(doc: Doc, quote: Quote, span: Span, verb: Token, used: set[int],
                     inside: set[int]) -> Draft:
    """Reported speech ending in a quoted fragment: the content is the verb's complement (or
    the words between cue and quote) together with the quote."""
    used.add(verb.i)
    clause = [i for i in complement(verb) if i > verb.i]
    if not clause or not (min(clause) <= span.start <= max(clause) + 1):
        start = verb.i + 1
        while start < span.start and (doc[start].dep_ == "prt" or doc[start].is_punct
                                      or _is_addressee(doc[start], verb)):
            start = _skip_addressee(doc, start, verb)
        clause = list(range(start, span.start))
    content = to_spans(doc, [i for i in clause if not span.start <= i < span.end])
    merged = merge_adjacent(doc, content + [(quote.start, quote.end)])
    return Draft("mixed", merged, cue=cue_span(verb), cue_lemma=verb.lemma_.lower(),
                 subject=subject_of(verb, inside), quote=quote, confidence=0.85)


def _is_addressee(token: Token, verb: Token) -> bool:
    return token.head == verb and token.dep_ in ("dobj", "dative") and \
        verb.lemma_ in TELLING_VERBS


def _skip_addressee(doc: Doc, i: int, verb: Token) -> int:
    token = doc[i]
    if _is_addressee(token, verb):
        return max(t.i for t in token.subtree) + 1
    return i + 1
