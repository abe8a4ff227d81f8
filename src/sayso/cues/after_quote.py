"""The cue after a quotation ("...,” the mayor said", "...,” said Ida Berg, an economist") and
its speaker, which the parser often hangs inside the quotation or leaves without a subject. A
verb counts only in the few words after the quote, with nothing between them but its speaker
and its own adverbs, and not when it introduces the next quotation instead."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import SPEECH_VERBS
from .complement import complement
from .reported import is_addressed
from .words import (RELATIVE_PRONOUN_TAGS, RELATIVE_WORD_TAGS, SUBJECTS, is_speech_verb,
                    subject_of)


#: How many words after a quote its cue may start ("...,” the mayor of the city said).
RIGHT_WINDOW = 8


def right_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """A speech verb within a few words after the quote, in the sentence that follows the quote
    in its paragraph (the parser often ends a sentence at a closing quotation mark)."""
    after = _first_after(span)
    if after >= len(doc) or "\n" in doc[after].text:
        return None
    words = 0
    comma_ended = span.text.rstrip("”\"»’' ").endswith(",") or \
        _exclaims_into_frame(doc, span, after)
    for token in doc[after:doc[after].sent.end]:
        if token.i in inside:
            return None
        framing = (is_speech_verb(token) and token.lemma_.lower() in SPEECH_VERBS or
                   comma_ended and (_bare_frame(token) or _object_speaker(token, after)
                                    is not None)) and not _goes_on(token)
        subject = subject_of(token, inside) if framing else None
        described = framing and _speaker_of_clause_after(token, after) is not None
        if framing and (subject is not None or _inverted(token) or
                        _object_speaker(token, after) is not None or
                        _stranded_speaker(doc, after, token) is not None or
                        _name_after(token) is not None or described):
            if _introduces_next(token) or not _only_frame_between(doc, after, token) or \
                    _describes_speaker(span, subject):
                return None
            # in the next sentence only as a bare frame ("Moore said."), not "Moore said the ..."
            own_sentence = token.sent == doc[span.end - 1].sent
            bare = not complement(token) and not _object_after(token)
            if own_sentence and _reports_clause_after(token, span, inside):
                return None
            return token if own_sentence or bare or described else None
        if not token.is_punct and not token.is_space and not _in_apposition(token):
            words += 1
            if words > RIGHT_WINDOW:
                return None
    return None


#: Dependents that may stand between a verb and the clause it reports ("said on Monday in an
#: interview that ...", "told reporters that ...").
_BEFORE_CLAUSE = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj", "prt"})


def _reports_clause_after(verb: Token, span: Span, inside: set[int]) -> bool:
    """"Ruiz, citing “the spirit of the harbor,” said the ferry could run": a verb with its
    subject before it and a finite clause of its own right after it (past its adverbials and
    addressee) reports that clause; a quotation before it, in a participle or an apposition
    of the subject, is no part of what it reports. A quotation resumed after the verb ("“A,”
    she said, “B.”"), a participle ("recalled him saying") and a relative clause the parser
    takes for the verb's ("told a crowd that police put at 300") are no such clause."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return False
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        first = doc[clause.left_edge.i]
        between = [t for t in doc[verb.i + 1:first.i] if not _under(t, verb, _BEFORE_CLAUSE)]
        if not between and first.i not in inside and _whole_clause(clause) and \
                span.root.i not in {t.i for t in clause.subtree}:
            return True
    return False


def _whole_clause(clause: Token) -> bool:
    """A finite clause with a subject of its own, opened by its subject's words or by a "that"
    that marks it; not one opened by punctuation, a subordinator ("as the crowd cheered") or a
    relative word ("who could guess", "whose rights were restored")."""
    first = clause.doc[clause.left_edge.i]
    opening = (first.lower_ == "that" and first.dep_ == "mark") or \
        (not first.is_punct and first.tag_ != "IN" and first.tag_ not in RELATIVE_WORD_TAGS)
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.tag_ not in RELATIVE_PRONOUN_TAGS
                  for c in clause.children)
    return opening and subject and _finite(clause)


def _finite(verb: Token) -> bool:
    """A verb that makes a clause of its own: not a bare participle ("him saying")."""
    return verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass")
                                                  for c in verb.children)


def _under(token: Token, verb: Token, deps: frozenset[str]) -> bool:
    """Whether the token lies in the subtree of a dependent of the verb of one of ``deps``."""
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    return token.head.i == verb.i and token.dep_ in deps


def _object_after(verb: Token) -> bool:
    """"“...” She noted a rally planned for Saturday.": a verb in the sentence after a quote
    with an object of its own reports that object; it is no frame of the quote before it. The
    object of a verb of telling or asking, or a personal pronoun, is whom the words went to
    ("“...?” he asked reporters.", "“...” she urged them."), and the verb frames the quote."""
    if is_addressed(verb):
        return False
    return any(c.dep_ == "dobj" and c.i > verb.i and c.tag_ != "PRP" for c in verb.children)


def _first_after(span: Span) -> int:
    """The index of the first word after the quote on its line (spaces skipped)."""
    doc, after = span.doc, span.end
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    return after


def _exclaims_into_frame(doc: Doc, span: Span, after: int) -> bool:
    """"“Move here!” a message on the site reads.": a quote that ends in "!" or "?" and is
    followed by a lower-case word does not end its sentence; the clause after it frames it as
    a comma would."""
    return span.text.rstrip("”\"»’' ").endswith(("!", "?")) and doc[after].is_lower


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
        if token.head == verb and token.dep_ in ("aux", "auxpass", "advmod", "neg", "npadvmod") \
                and not _opens_subordinate(token):
            continue
        named = bool(token.ent_type_) or token.pos_ == "PROPN"
        if (named and not _pronoun(subject)) or _in_apposition(token):
            continue  # a speaker the parser did not hang on the cue
        return False
    return True


def _opens_subordinate(adverb: Token) -> bool:
    """'... “well, maybe” when Lee accused him of ...': a wh-adverb before the verb makes its
    clause a subordinate one on the quote's sentence (the time of it), no frame of the quote."""
    return adverb.tag_ == "WRB"


def _pronoun(subject: Token | None) -> bool:
    """"“...” South Carolina, he said, was ...": a verb whose own subject is a pronoun names its
    speaker there; a name before it is no stranded speaker but a clause of its own."""
    return subject is not None and subject.pos_ == "PRON"


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


def _object_speaker(verb: Token, after: int) -> Token | None:
    """"“...,” exhorted the mayor's aide, Ana Ruiz.": a verb at ``after``, right after a quote
    closed on a comma, with no subject, governing the quote's clause before it, whose object is
    a noun phrase that ends the clause: the parser read the inverted speaker as the verb's
    object. A pronoun ("“...,” put it") is no speaker."""
    if verb.i != after or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or \
            any(c.dep_ in SUBJECTS for c in verb.children) or \
            not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    speaker = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if speaker is None or speaker.pos_ == "PRON" or speaker.left_edge.i != verb.i + 1:
        return None
    doc, end = verb.doc, speaker.right_edge.i + 1
    return speaker if end >= len(doc) or doc[end].is_punct else None


def _bare_frame(verb: Token) -> bool:
    """"“...,” Ms. Bell continued." or "“...,” he went on, “...”": any verb that stands alone
    after a quote ending in a comma frames it, whether or not it is a verb of saying (the
    caller checks the comma); a lone adverb of manner on it ("he wondered aloud") is part of
    the frame."""
    if verb.pos_ != "VERB":
        return False
    doc, after = verb.doc, verb.i + 1
    while after < len(doc) and (doc[after].dep_ == "prt" or doc[after].is_space or
                                _lone_adverb_of(doc[after], verb)):
        after += 1
    return after >= len(doc) or doc[after].text in (".", ",", "!", "?") or doc[after].is_quote


def _lone_adverb_of(token: Token, verb: Token) -> bool:
    """A one-word adverb on the verb ("aloud", "quietly"), which the tagger may call an
    adjective."""
    return token.dep_ == "advmod" and token.head == verb and not any(token.children)


def right_subject(verb: Token, span: Span, inside: set[int]) -> Token | None:
    subject = subject_of(verb, inside)
    if subject is not None:
        return subject
    inverted = next((c for c in verb.children if c.i > verb.i and
                     c.ent_type_ in ("PERSON", "ORG")), None)
    after = _first_after(span)
    return inverted or _object_speaker(verb, after) or \
        _stranded_speaker(span.doc, span.end, verb) or _name_after(verb) or \
        _speaker_of_clause_after(verb, after)


def _speaker_of_clause_after(verb: Token, after: int) -> Token | None:
    """"“...,” said the woman, who did not want to be named." or "said Dr. Ruiz, asked about
    ...": a verb right after the quote, with no subject, whose speaker the parser made the
    subject of the clause that follows the comma after it. That clause describes the speaker;
    the quote is what was said."""
    if verb.i != after or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return None
    speaker = next((c for c in clause.children if c.dep_ in SUBJECTS and
                    c.left_edge.i == verb.i + 1), None)
    doc = verb.doc
    if speaker is None or speaker.pos_ == "PRON" or speaker.i + 1 >= len(doc) or \
            doc[speaker.i + 1].text != ",":
        return None
    return speaker


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
