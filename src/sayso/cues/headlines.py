"""Headlines, read where the parser misreads them: "Mayor demands ferry audit", "Union presses
for vote on pay", "Fares must rise, board rules".

A headline drops the articles and auxiliaries that tell the tagger a verb from a noun, and
spaCy's small English pipeline often reads its present-tense verb as a plural noun
("demands", "calls", "presses", "rules"), so no cue is drawn from the article's most compressed
statement. On the first line of an article, when it is as short as a headline:

- a present-tense form of a listed cue verb (the third person singular, or the plain form
  after a plural noun: "Unions urge ...") that the parse gives no subject is read as that verb
  where a noun phrase that opens the line (or follows a label's colon) stands right before it
  and the line goes on after it with neither a verb nor the line's end (then the word is a
  noun: "Mayor's plans stall", "Council demands."). The noun phrase speaks, the rest of the
  line is what it says, and a preposition right after the verb ("calls for", "presses for",
  "calls on") is part of the cue;
- a line that ends in a comma, a noun phrase and such a verb ("..., federal judge rules"),
  with at most the one told after it ("..., mayor tells council"), reports all before the comma,
  as "..., X said" does in a sentence;
- a content that stops before the line's end, with only words and no verb, comma or dash
  after it, runs to the end: a headline has no room for asides, and PolNeAR's annotators take
  its prepositional phrases in ("promises action on housing in first 100 days"). Not for verbs
  that judge their object ("mocks Ortiz on Twitter"), whose content is the object alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Draft
from ..channels import TELLING_VERBS
from ..lexicon import DEMAND_VERBS, OBJECT_VERBS, PREPOSITION_CUES, THOUGHT_VERBS
from .spans import breaks_line_after, to_spans
from .words import SUBJECTS, is_listed_verb, needs_own_preposition

#: At most this many words on a first line read as a headline.
MAX_HEADLINE_WORDS = 20
#: Lemmas whose verb says something only with a particular complement ("put it", "point to"),
#: which ``words.is_speech_verb`` checks on the parse; a misread headline has no such parse.
_CONDITIONAL = frozenset({"put", "point"})
#: Parts of speech of the words of a noun phrase that may speak.
_NOUN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})
#: Marks that may open what follows the verb: a quotation ("issues ‘deep apology’").
_OPENING_QUOTES = frozenset({"‘", "“", "'", '"'})
#: Marks after a content that set off an aside or another clause, which it does not run over.
_ASIDE_MARKS = frozenset({",", ";", ":", "-", "–", "—"})


def headline_verbs(doc: Doc, inside: set[int]) -> list[Draft]:
    """The statement of the article's headline whose verb the parse misreads, if any;
    ``inside`` are the words of quotations."""
    line = headline_line(doc)
    for token in line[1:-1]:
        draft = _misread_verb(doc, line, token)
        if draft is not None:
            return [draft]
    draft = _closing_frame(doc, line, inside)
    return [draft] if draft is not None else []


def headline_line(doc: Doc) -> list[Token]:
    """The first line's tokens, when it is short enough for a headline (else none)."""
    tokens = []
    for token in doc:
        if not token.is_space:
            tokens.append(token)
        if breaks_line_after(token):
            break
    words = [t for t in tokens if not t.is_punct]
    return tokens if len(words) <= MAX_HEADLINE_WORDS else []


def verb_lemma(word: str) -> str | None:
    """The listed cue verb whose third person singular ``word`` is ("presses" -> "press",
    "denies" -> "deny"), or None."""
    word = word.lower()
    if not word.endswith("s"):
        return None
    bases = [word[:-1]]
    if word.endswith("ies"):
        bases.append(word[:-3] + "y")
    if word.endswith("es"):
        bases.append(word[:-2])
    return next((b for b in bases if attributes_alone(b)), None)


def attributes_alone(lemma: str) -> bool:
    """A verb of the cue lexicon that attributes without a particular complement."""
    return is_listed_verb(lemma) and lemma not in _CONDITIONAL


def _present_lemma(token: Token) -> str | None:
    """The listed verb a headline word is the present tense of, by its form: the third person
    singular, or the plain form right after a plural noun ("Unions urge")."""
    lemma = verb_lemma(token.text)
    if lemma is None and attributes_alone(token.lower_) and \
            token.i > 0 and token.doc[token.i - 1].tag_ in ("NNS", "NNPS"):
        return token.lower_
    return lemma


def _misread_verb(doc: Doc, line: list[Token], token: Token) -> Draft | None:
    """The draft of a headline word that is a listed verb's present tense between a subject
    and what it says, which the parse reads as a noun or as a verb without a subject; or None."""
    lemma = _present_lemma(token)
    if lemma is None or (token.pos_ == "VERB" and any(c.dep_ in SUBJECTS
                                                      for c in token.children)):
        return None
    subject = _subject_phrase(doc, line, token)
    return None if subject is None else misread_draft(doc, line, token, lemma, subject,
                                                      subject[-1])


def misread_draft(doc: Doc, line: list[Token], token: Token, lemma: str, speaker: Span,
                  subject: Token) -> Draft | None:
    """The draft of ``token`` read as the listed verb ``lemma`` of ``subject`` (in ``speaker``),
    saying the rest of ``line``; None where the word after it shows it a noun after all."""
    after = doc[token.i + 1]
    if (after.pos_ in ("VERB", "AUX") and not after.ent_type_) or \
            (after.is_punct and after.text not in _OPENING_QUOTES):
        return None  # a name the tagger reads as a verb ("blasts Ortiz") is still an object
    cue_end = token.i + 1
    preps = PREPOSITION_CUES.get(lemma, set())
    if after.lower_ in preps or (after.pos_ == "ADP" and not needs_own_preposition(lemma)):
        cue_end += 1
    elif needs_own_preposition(lemma):
        return None  # "talks" says something only with its preposition ("talks about")
    spans = to_spans(doc, [t.i for t in line if t.i >= cue_end])
    if not spans:
        return None
    stance = lemma in OBJECT_VERBS and lemma not in DEMAND_VERBS
    act = "thought" if lemma in THOUGHT_VERBS else "stance" if stance else "speech"
    return Draft("indirect", spans, cue=doc[token.i:cue_end], cue_lemma=lemma,
                 subject=subject, speaker=speaker, confidence=0.6, act=act)


def _subject_phrase(doc: Doc, line: list[Token], verb: Token) -> Span | None:
    """The noun phrase from the line's start (or a label's colon) to right before ``verb``,
    ending in a noun or name ("DNC", "Senate Democrats", "Mayor and council"), or None."""
    start = verb.i
    while start > line[0].i and in_noun_phrase(doc, start - 1):
        start -= 1
    opens_line = start == line[0].i or doc[start - 1].text == ":"
    if not opens_line or start == verb.i or doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[start:verb.i]


def in_noun_phrase(doc: Doc, i: int) -> bool:
    """The word can be part of a subject noun phrase: a noun-phrase word, a possessive, a
    hyphen, or a comma or "and" between two nouns ("Ortiz, Hale", "Mayor and council")."""
    token = doc[i]
    if token.pos_ in _NOUN_PHRASE or token.tag_ == "POS" or token.text == "-":
        return True
    if token.text == "," or token.pos_ == "CCONJ":
        return 0 < i < len(doc) - 1 and doc[i - 1].pos_ in ("NOUN", "PROPN") and \
            doc[i + 1].pos_ in ("NOUN", "PROPN")
    return False


def _closing_frame(doc: Doc, line: list[Token], inside: set[int]) -> Draft | None:
    """"Fares must rise, ferry board rules": a headline that ends in a comma (not one inside a
    quotation), a noun phrase and a listed verb, with at most the one told after it ("...,
    mayor tells council"), reports all before the comma."""
    words = [t for t in line if not t.is_punct]
    commas = [t for t in line if t.text == ","]
    if len(words) < 4 or not commas or commas[-1].i in inside:
        return None
    comma, last = commas[-1], words[-1]
    start = comma.i + 1
    while start < last.i and doc[start].is_punct:
        start += 1  # the mark that closes a quotation after its comma
    verb = next((t for t in doc[start:last.i + 1]
                 if not in_noun_phrase(doc, t.i) or verb_lemma(t.text) is not None), None)
    if verb is None or verb.i == start or doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = verb.lemma_.lower() if verb.pos_ == "VERB" else verb_lemma(verb.text)
    if lemma is None or not attributes_alone(lemma) or \
            (verb.i < last.i and lemma not in TELLING_VERBS) or \
            not all(in_noun_phrase(doc, t.i) for t in doc[verb.i + 1:last.i + 1]):
        return None
    spans = to_spans(doc, [t.i for t in line if t.i < comma.i])
    if not spans:
        return None
    return Draft("indirect", spans, cue=doc[verb.i:verb.i + 1], cue_lemma=lemma,
                 subject=doc[verb.i - 1], speaker=doc[start:verb.i], confidence=0.6,
                 act="thought" if lemma in THOUGHT_VERBS else "speech")


def to_headline_end(doc: Doc, drafts: list[Draft]) -> None:
    """Runs each headline content that stops short of the line's end, with only words after
    it, to the end (see the module's note); in place."""
    words = [t for t in headline_line(doc) if not t.is_punct]
    if not words:
        return
    first, last = words[0], words[-1]
    for draft in drafts:
        if draft.kind == "direct" or draft.cue is None or len(draft.content) != 1 or \
                _judges_object(draft.cue_lemma) or not first.i <= draft.cue.start < last.i:
            continue
        content = doc.char_span(*draft.content[0], alignment_mode="expand")
        if content is None or content.start < draft.cue.end or content.end > last.i or any(
                t.pos_ in ("VERB", "AUX") or t.text in _ASIDE_MARKS
                for t in doc[content.end:last.i + 1]):
            continue
        draft.content = to_spans(doc, range(content.start, last.i + 1))


def _judges_object(lemma: str) -> bool:
    """A verb whose content is its object alone ("criticized the plan"), as a stance."""
    return (lemma in OBJECT_VERBS or lemma in PREPOSITION_CUES) and lemma not in DEMAND_VERBS
