"""Pass 2: reported speech, cue by cue — "X said (that) ...", naming verbs, appeals, stances,
intentions — with the content each cue attributes: what the verb governs (``complement``),
without its own speaker and frame, or the words around a frame set off by commas ("A, he said,
B"). Cues that are no verb ("according to X", polls, noun cues) are passed on to ``nominal``."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Draft
from ..channels import TELLING_VERBS
from ..lexicon import DEMAND_VERBS, INTENT_VERBS, OBJECT_VERBS, PREPOSITION_CUES, THOUGHT_VERBS
from ..speakers import speaker_phrase, summing_noun
from .complement import ASKING_VERBS, complement, nothing_after, when_or_how
from .nominal import according_to, attack_noun, in_finding, noun_cue, predicated_noun_cue
from .records import record_frame
from .spans import to_spans
from .words import (RELATIVE_PRONOUN_TAGS, SUBJECTS, cue_span, is_speech_verb, is_to_infinitive,
                    quoting_verb, relative_object, rest_after_frame, subject_of)


def reported(token: Token, inside: set[int]) -> Draft | None:
    """The draft a cue word outside quotations heads, or None. Dispatched on the kind of cue
    first ("according to", "In the latest poll, ...", "..., records show.", a noun, a listed
    verb), as each takes its speaker and content from a different place in the parse;
    ``inside`` are the words of quotations, which never speak."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
            token.doc[token.i + 1].lower_ == "to":
        return according_to(token)
    if token.lower_ == "in":
        return in_finding(token)
    framed = record_frame(token)
    if framed is not None:
        return framed
    wish = _conditional_wish(token)
    if not is_speech_verb(token) and not wish:
        return noun_cue(token) or predicated_noun_cue(token) or attack_noun(token, inside)
    if _comparing_participle(token):
        return None
    quoting = quoting_verb(token)
    if quoting is not None:  # a listed verb over "as" draws its own statement
        return None if is_speech_verb(quoting) else _quoted_as_saying(quoting, inside)
    subject = subject_of(token, inside)
    inverted = _inverted_frame(token)
    if inverted is not None:
        subject = inverted[0]
    if subject is None or subject.i in inside:
        return None
    lemma = token.lemma_.lower()
    answer = None if inverted else _pro_form(token, subject) or _reported_relative(token, subject)
    if answer is not None:
        return answer
    content = inverted[1] if inverted else complement(token) or wish or _framed_content(
        token, subject)
    if not content:
        return _reported_by_agent(token, subject, inside)
    content = without_frame(token, subject, content)
    summing = summing_noun(subject)
    if summing:  # "..., a move critics said would ...": "a move" stands for what they judged
        content = sorted(summing | {i for i in content if i > token.i})
    if not content:
        return None
    content = with_passive_topic(token, content, inside)
    content = _before_frame(token, subject, content) + content
    thought = lemma in THOUGHT_VERBS or bool(wish) or (
        lemma in INTENT_VERBS and not any(c.dep_ == "ccomp" for c in token.children))
    objects = {c.i for c in token.children if c.dep_ == "dobj" or (
        c.dep_ == "prep" and c.lower_ in PREPOSITION_CUES.get(lemma, ()))}
    stance = not any(c.dep_ == "ccomp" for c in token.children) and (
        lemma in OBJECT_VERBS or lemma in PREPOSITION_CUES) and lemma not in DEMAND_VERBS and any(
        i in objects or token.doc[i].head.i in objects for i in content)
    act = "thought" if thought else "stance" if stance else "speech"
    content += _coordinated_tail(token, content, act) or _after_frame(token, subject, content)
    spans = to_spans(token.doc, content)
    if not spans or sum(1 for i in set(content) if not token.doc[i].is_punct) < 2:
        return None
    return Draft("indirect", spans, cue=cue_span(token), cue_lemma=lemma, subject=subject,
                 confidence=0.8 if act == "speech" else 0.6, act=act)


def _comparing_participle(verb: Token) -> bool:
    """"capped it at 5 percent, as opposed to 8 percent": a participle after "as" that has no
    subject of its own and goes on with "to" sets two things side by side; no one holds the
    stance its verb would name elsewhere."""
    doc = verb.doc
    return verb.tag_ == "VBN" and 0 < verb.i < len(doc) - 1 and doc[verb.i - 1].lower_ == "as" \
        and doc[verb.i + 1].lower_ == "to" and not any(c.dep_ in SUBJECTS for c in verb.children)


#: Verbs of liking that, in the conditional, state a wish ("would like to", "'d love to").
_LIKING_VERBS = {"like", "love"}


def _conditional_wish(verb: Token) -> list[int]:
    """"The mayor would like to see the ferry run hourly", "she'd love to run again": a verb of
    liking in the conditional with an infinitive states a wish, as "wants to" does, and
    PolNeAR's annotators draw the infinitive as the content of the subject's thought (10 of the
    14 statements it adds on the kept training articles match one). Returns the infinitive's
    words, or [] for any other verb; "likes to run", a habit, attributes nothing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LIKING_VERBS or not any(
            c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children):
        return []
    return [t.i for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and
            is_to_infinitive(c) for t in c.subtree]


def _reported_by_agent(verb: Token, agent: Token, inside: set[int]) -> Draft | None:
    """"The meeting was first reported by the Gazette", "the levy, which was criticized by the
    union": a passive verb of saying whose agent is named and that governs nothing else
    reports its subject (PolNeAR's annotators draw it so in about two cases of three). A verb
    with more after it ("was portrayed by X as ...", "was criticized by X for ...") is left to
    the guesses, which take that in; one on a noun ("a plan criticized by ...") is not drawn."""
    if verb.dep_ == "acl" or not any(c.dep_ == "auxpass" for c in verb.children) or \
            not nothing_after(verb, "agent"):
        return None
    topic = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    spans = to_spans(verb.doc, [t.i for t in topic.subtree]) if topic is not None else []
    if not spans or topic.i in inside or agent.head.head != verb:
        return None
    lemma = verb.lemma_.lower()
    return Draft("indirect", spans, cue=cue_span(verb), cue_lemma=lemma, subject=agent,
                 confidence=0.6, act=_act_without_clause(lemma))


#: Words that stand for a whole clause after a verb of saying or thinking ("said no", "would
#: not say when").
_PRO_FORMS = {"so", "yes", "no", "when", "why", "whether", "how", "where"}


def _pro_form(verb: Token, subject: Token) -> Draft | None:
    """"Everyone but the mayor said yes", "Ortiz apparently thinks so, too", "the firm did not
    say why": a word right after the verb that stands for a whole clause is what was said (or
    left unsaid), and PolNeAR's annotators mark it as the content, one word though it is. Only
    where the word ends the clause ("said no to the plan" refuses something) and asks nothing
    ("You know why?")."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or verb.dep_ == "xcomp":
        return None
    word, after = doc[verb.i + 1], doc[verb.i + 2]
    if word.lower_ not in _PRO_FORMS or word.head != verb or not after.is_punct or \
            after.text == "?":
        return None
    lemma = verb.lemma_.lower()
    return Draft("indirect", to_spans(doc, [word.i]), cue=cue_span(verb), cue_lemma=lemma,
                 subject=subject, confidence=0.6,
                 act="thought" if lemma in THOUGHT_VERBS else "speech")


def _reported_relative(verb: Token, subject: Token) -> Draft | None:
    """"the levy, which the union opposed", "a plan which he has not introduced": a relative
    clause whose pronoun is the object of the verb and that says nothing after the verb (but
    when or where) reports that pronoun, which PolNeAR's annotators mark as the content. Not
    "which, he said, would ..." (the parser's object is the subject of what was said)."""
    doc = verb.doc
    pronoun = relative_object(verb)
    if verb.dep_ != "relcl" or pronoun is None or doc[pronoun.i + 1].is_punct or \
            not nothing_after(verb):
        return None
    lemma = verb.lemma_.lower()
    return Draft("indirect", to_spans(doc, [pronoun.i]), cue=cue_span(verb), cue_lemma=lemma,
                 subject=subject, confidence=0.6, act=_act_without_clause(lemma))


def _act_without_clause(lemma: str) -> str:
    """The act of a statement whose content is a noun phrase: a stance for a verb that takes
    an object as what it judges ("criticized"), else a thought or speech by the verb."""
    if lemma in OBJECT_VERBS or lemma in PREPOSITION_CUES:
        return "stance"
    return "thought" if lemma in THOUGHT_VERBS else "speech"


def _quoted_as_saying(verb: Token, inside: set[int]) -> Draft | None:
    """"The paper quoted an aide as saying the pier was unsafe": one report by the paper, cued
    by "quoted", of all that follows it (as PolNeAR draws it)."""
    subject = subject_of(verb, inside)
    if subject is None or subject.i in inside:
        return None
    content = [t.i for c in verb.rights if c.dep_ in ("dobj", "prep") for t in c.subtree]
    return Draft("indirect", to_spans(verb.doc, content), cue=cue_span(verb),
                 cue_lemma=verb.lemma_.lower(), subject=subject, confidence=0.8)


_FRAME_PUNCT = {",", "—", "–", ";"}
#: Dashes typed with hyphens, which set off a phrase as "—" does ("attacks -- attacks that").
_TYPED_DASHES = ("-", "--")


def _inverted_frame(verb: Token) -> tuple[Token, list[int]] | None:
    """"The contrast, said Ms. Ortiz, a planner, would be clear": a frame with the speaker after
    the verb, set off by commas between the content's subject and its predicate. The parser
    makes the content's subject the verb's and the speaker the subject of the predicate. Only a
    bare subject (no comma of its own) before the frame and a predicate right after the comma
    that closes the speaker count, so "Lee, a spokesman, said the plan, which ..., would" keeps
    Lee. Returns the speaker and the content (subject and predicate around the frame)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if before is None or clause is None or before.left_edge.i < verb.sent.start:
        return None
    opening = [t for t in before.subtree if t.i < verb.i - 1]
    if opening[-1].i != verb.i - 2 or any(t.text == "," for t in opening):
        return None
    speaker = next((c for c in clause.children if c.dep_ in SUBJECTS and
                    c.left_edge.i == verb.i + 1), None)
    if speaker is None:
        return None
    close = speaker.right_edge.i if speaker.right_edge.text == "," else speaker.right_edge.i + 1
    if close + 1 >= len(doc) or doc[close].text != ",":
        return None
    predicate = doc[close + 1]
    if predicate != clause and not (predicate.head == clause and predicate.dep_ in (
            "aux", "auxpass", "neg", "advmod")):
        return None
    return speaker, [t.i for t in opening] + [t.i for t in clause.subtree if t.i > close]


def without_frame(verb: Token, subject: Token, content: list[int]) -> list[int]:
    """Content never holds its own speaker or cue; words before the speaker count only when a
    comma or quote closes them off ("A, he said, B"), not when a misparse puts them there."""
    phrase = speaker_phrase(subject)
    frame = set(range(phrase.start, phrase.end)) | {verb.i}
    content = [i for i in content if i not in frame]
    start = min(phrase.start, verb.i)
    before = [i for i in content if i < start]
    marks = _FRAME_PUNCT | {"”", '"'}
    closed_off = any(t.text in marks for t in verb.doc[max(before, default=0):start])
    if before and any(i > verb.i for i in content) and not closed_off:
        content = [i for i in content if i >= start or i == _relative_opening(verb)]
    return content


def _relative_opening(verb: Token) -> int | None:
    """"a surge, which voters say could help him": the relative pronoun that opens the
    clause of the cue stands for the content's subject or object, so annotators keep it."""
    first = verb.doc[min(t.i for t in verb.subtree)]
    if verb.dep_ == "relcl" and first.tag_ in RELATIVE_PRONOUN_TAGS and first.i < verb.i:
        return first.i
    return None


def with_passive_topic(verb: Token, content: list[int], inside: set[int]) -> list[int]:
    """"Three councillors were charged with taking bribes", "Ms. Lund was named as the
    protester": the subject of a passive judgement is what is judged, so it opens the content;
    the speaker, if any, is the agent. Not before a clause of its own ("he was told that ..."),
    where the subject is only the one addressed."""
    if not content or not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.dep_ == "ccomp" and c.i in content for c in verb.children):
        return content
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.i in inside or subject.i in content or \
            subject == subject_of(verb, inside):
        return content  # "Lee was quoted as saying ...": the subject is the speaker
    if is_addressed(verb) and not any(c.dep_ == "xcomp" and c.i in content for c in verb.children):
        return content  # "Ms. Ruiz was asked about the audit": she is only the one asked
    return sorted({t.i for t in subject.subtree} | set(content))


#: Verbs whose object is the one spoken to.
_ADDRESSING_VERBS = frozenset(TELLING_VERBS | ASKING_VERBS)


def is_addressed(verb: Token) -> bool:
    """A verb whose object is the one spoken to ("asked her about ...", "warned them of ..."):
    in the passive its subject is that addressee, not what was said (but "was asked to
    resign" still asks something of the subject)."""
    return verb.lemma_.lower() in _ADDRESSING_VERBS


def _framed_content(verb: Token, subject: Token) -> list[int]:
    """"CONTENT, he said." and "CONTENT, said X, MORE.": the cue and its speaker stand between
    commas at the end or in the middle of the sentence. Used where the parser found no clause
    for the verb (it often makes the content's subject a second subject of "said"). The words
    before the frame are content however short ("For years, she said, ...", "The levy, they
    said, ..."), as annotators mark them; a leading connective is dropped later for all."""
    doc, sent = verb.doc, verb.sent
    if verb.dep_ == "acl":
        return []  # "a contractor accused of spying": the noun is the one the verb is about
    if subject.tag_ in _RELATIVE_TAGS:
        return []  # "... and “citizen reporters” who promote, debate ...": a relative clause
    if any((c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and not _addressee(verb, c))
           and not _relative_pronoun(c, verb) for c in verb.children):
        return []  # "he denied the request, ...": the verb has an object, it is no frame
    if _prepositional_object(verb):
        return []  # "asked for a longer term, calling ...": the same, through a preposition
    phrase = speaker_phrase(subject)
    if not (phrase.start > verb.i or phrase.end == verb.i or
            all(t.is_space for t in doc[phrase.end:verb.i])):
        return []
    left = min(phrase.start, verb.i) - 1
    if left <= sent.start or doc[left].text not in _FRAME_PUNCT | {"”", '"'}:
        return []
    right = max(phrase.end - 1, verb.i) + 1
    while right < sent.end and doc[right].text not in _FRAME_PUNCT and not \
            (doc[right].is_punct and right == sent.end - 1):
        if is_speech_verb(doc[right]) or doc[right].pos_ == "VERB" and doc[right].dep_ != "advcl" \
                and doc[right].head != verb and doc[right].head.i not in range(phrase.start, right):
            return []  # the clause goes on: not a frame
        right += 1
    before = [t.i for t in doc[_relative_phrase_start(doc, sent.start, left):left]
              if not t.is_space]
    after = [t.i for t in doc[right + 1:sent.end]] if right < sent.end and \
        doc[right].text in _FRAME_PUNCT else []
    content = before + after
    words = [i for i in content if doc[i].is_alpha]
    if len(words) < 3 or not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
        return []
    return content


def _prepositional_object(verb: Token) -> bool:
    """"In a letter, the senator asked for an audit, ...": a preposition right after the verb
    with an object of its own, that tells neither when nor how, gives what the verb is about,
    so the commas around the verb and its speaker set off no frame. Not "by", which gives the
    means ("the voters say by a wide margin, ...") and leaves the frame standing."""
    after = verb.i + 1
    return any(c.dep_ == "prep" and c.i == after and c.lower_ != "by" and
               not when_or_how(verb, c) and
               any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in verb.children)


def _addressee(verb: Token, child: Token) -> bool:
    """"The fix, the aide told them, was simple": the object of a verb of telling is the one
    spoken to, so a frame may hold it and still leave the clause around it as the content, if
    the frame ends with it ("warned the Fed against buying bonds, ..." says what was warned)."""
    doc, end = verb.doc, max(t.i for t in child.subtree) + 1
    return verb.lemma_.lower() in TELLING_VERBS and child.pos_ in ("NOUN", "PROPN", "PRON") \
        and end < len(doc) and (doc[end].text in _FRAME_PUNCT or doc[end].is_sent_end)


def _relative_pronoun(child: Token, verb: Token) -> bool:
    """"a surge, which, his aides believe, would ...": a relative pronoun that the parser made
    the object of a frame it stands before is the subject of what was said, not an object."""
    return child.i < verb.i and child.tag_ in _RELATIVE_TAGS


#: Tags of the words that open a relative clause ("which", "who", "whose", "that").
_RELATIVE_TAGS = RELATIVE_PRONOUN_TAGS + ("WP$",)


def _relative_phrase_start(doc: Doc, start: int, left: int) -> int:
    """"..., the existence of which, many Democrats say, represents ...": when the words right
    before a frame set off by commas open a relative clause, what was said is that clause, and
    annotators start the content with its relative phrase (after the comma or dash before it),
    not with the main clause the relative hangs on."""
    phrase = start
    for token in doc[start:left]:
        if token.text in _FRAME_PUNCT or token.text in _TYPED_DASHES:
            phrase = token.i + 1
    return phrase if any(t.tag_ in _RELATIVE_TAGS for t in doc[phrase:left]) else start


def _coordinated_tail(verb: Token, content: list[int], act: str) -> list[int]:
    """"telling media that A, and they face B": the parser often hangs "and B" on the main verb,
    but in reported speech B continues what was reported. Extends a content that ends at
    ", and|but" with a coordinated clause carrying no cue of its own, to the sentence end; a
    second that-clause (", and that they will B", or "but that B" without the comma) is the
    same verb's content whatever it holds.
    A clause with a subject of its own that is no pronoun (", and an audit found B") is the
    writer going on with the story, and so is any clause after a thought's or a stance's
    content ("has long opposed subsidies, and she voted against ...": annotators end 16 of 20
    such contents before it on the kept training articles, reported speech only 12 of 19)."""
    doc = verb.doc
    last = max(content)
    if last < verb.i:
        return []
    sent_end = doc[last].sent.end
    rest = [t for t in doc[last + 1:sent_end] if not t.is_space]
    joined = rest[1:] if rest and rest[0].text == "," else rest
    if len(joined) < 2 or joined[0].lower_ not in ("and", "but"):
        return []
    conj = next((t for t in rest if t.dep_ == "conj"), None)
    ancestors = {verb.i} | {a.i for a in verb.ancestors}
    second = joined[1].lower_ == "that" and joined[1].dep_ == "mark"
    if joined is rest and not second:
        return []  # "said A and B" without a comma: the parser already chose where B hangs
    if conj is None or conj.head.i not in ancestors or \
            (not second and any(is_speech_verb(t) for t in rest)):
        return []
    subject = next((c for c in conj.children if c.dep_ in SUBJECTS), None)
    if not second and (act != "speech" or subject is not None and subject.pos_ != "PRON"):
        return []
    return [t.i for t in rest]


def _after_frame(verb: Token, subject: Token, content: list[int]) -> list[int]:
    """"A levy would pay for the ferry, she said, but also for the lights": a frame between
    commas inside the sentence interrupts the content, which goes on after it to the end of
    the sentence, unless another speaker's report follows there or a participle of the cue
    verb, which tells what the speaker did next."""
    doc, phrase = verb.doc, speaker_phrase(subject)
    described = [t.i for t in subject.subtree]  # the speaker with appositions ("said X, the ...")
    first, last = min(phrase.start, verb.i), max(max(described), verb.i)
    if max(content) >= first or first == 0 or doc[first - 1].text != ",":
        return []
    return [t.i for t in rest_after_frame(verb, last)]


def _before_frame(verb: Token, subject: Token, content: list[int]) -> list[int]:
    """"While some firms buckle, Ortiz said, for others it can help": the parser hangs the
    clause before the frame on the cue verb, yet with the frame set off by commas on both sides
    it is the first part of what was said. Only a subordinate clause with its own subject and
    marker counts ("while", "if", "although"), so "When asked, she said ..." keeps its frame."""
    doc, phrase = verb.doc, speaker_phrase(subject)
    first, last = min(phrase.start, verb.i), max(phrase.end - 1, verb.i)
    if not content or min(content) <= last or first == 0 or doc[first - 1].text != "," or \
            last + 1 >= len(doc) or doc[last + 1].text != ",":
        return []
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i < first and
               any(g.dep_ == "mark" for g in c.children) and
               any(g.dep_ in SUBJECTS for g in c.children)]
    if not clauses:
        return []
    start = min(t.i for c in clauses for t in c.subtree)
    return [i for i in range(start, first - 1) if not doc[i].is_space]
