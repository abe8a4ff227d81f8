"""Cues: find the words that attribute, and the content each one attributes.

Three passes over the parse, in this order because each consumes what the next must not see:

1. quotations, quote by quote: a cue right after the quote ("...,” he said), a cue before it
   that governs it through content words (mixed: "added that those who fled “really ...”"), or
   a cue before it across a colon or comma (direct: "X said: “...”");
2. reported speech, cue by cue: a speech verb with a subject and a clause ("X says (that) ..."),
   a naming verb ("dubbed the rescue a ..."), an appeal ("appealed to the UN to save ..."),
   "according to X"; a trailing "..., X reported" relays the statement it follows;
3. floating quotes: a quoted sentence with no cue of its own continues the previous speaker.

Speakers are only found here as the subject token of the cue; ``speakers`` expands and resolves
them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, Draft
from .lexicon import (APPEAL_VERBS, DEMAND_VERBS, INTENT_VERBS, NAMING_VERBS, NOUN_CUES,
                      OBJECT_VERBS, PREPOSITION_CUES, RELAY_VERBS, SPEECH_VERBS, THOUGHT_VERBS)
from .quotes import Quote
from .speakers import speaker_phrase

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
_EDGE_PUNCT = set(",;:.—–-()[]") | {"--"}
#: A quote of fewer words, inside a sentence and with no cue, is a scare quote, not a statement.
MIN_FLOATING_WORDS = 5
#: How many words after a quote its cue may start ("...,” the mayor of the city said).
RIGHT_WINDOW = 8


def attribute(doc: Doc, analysis: Analysis) -> None:
    """Stage: draft every statement with its cue, content, kind and subject token."""
    quote_tokens = _quote_tokens(doc, analysis.quotes)
    inside_quote = {i for span in quote_tokens.values() for i in range(span.start, span.end)}
    used: set[int] = set()
    drafts: list[Draft] = []
    pending: list[Quote] = []
    for quote in analysis.quotes:
        draft = _attribute_quote(doc, quote, quote_tokens[quote], inside_quote, used)
        if draft:
            drafts.append(draft)
        else:
            pending.append(quote)
    for token in doc:
        if token.i in used or token.i in inside_quote or analysis.in_chrome(token.idx, token.idx + 1):
            continue
        draft = _reported(token, inside_quote)
        if draft:
            drafts.append(draft)
    drafts = _resolve_relays(drafts)
    pending = _absorb_quotes(drafts, pending)
    drafts.sort(key=lambda d: d.anchor)
    drafts += _floating(doc, pending, quote_tokens, drafts)
    drafts.sort(key=lambda d: d.anchor)
    analysis.drafts = _drop_nested(drafts)


# --- tokens and spans ----------------------------------------------------------------------

def _quote_tokens(doc: Doc, quotes: list[Quote]) -> dict[Quote, Span]:
    spans = {}
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and len(span):
            spans[q] = span
    return spans


def to_spans(doc: Doc, indices: Iterable[int]) -> list[tuple[int, int]]:
    """Character spans covering the tokens, merged where only whitespace separates them, with
    punctuation trimmed from both edges (quotation marks that close a quote are kept)."""
    tokens = sorted(set(indices))
    while tokens and _edge(doc[tokens[0]]):
        tokens.pop(0)
    while tokens and _edge(doc[tokens[-1]]):
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


def _edge(token: Token) -> bool:
    return token.is_space or token.text in _EDGE_PUNCT or (token.is_punct and token.text in "'`")


def _words(span: Span) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


# --- cue words ------------------------------------------------------------------------------

def is_speech_verb(token: Token) -> bool:
    """A verb of saying (or believing) by its lemma, excluding idioms that say nothing."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or not (lemma in SPEECH_VERBS or lemma in NAMING_VERBS
                                                  or lemma in APPEAL_VERBS
                                                  or lemma in THOUGHT_VERBS
                                                  or lemma in OBJECT_VERBS
                                                  or lemma in INTENT_VERBS
                                                  or lemma in PREPOSITION_CUES):
        return False
    if lemma == "point" and not any((c.dep_ == "prt" and c.lower_ == "out") or
                                    (c.dep_ == "prep" and c.lower_ == "to") for c in token.children):
        return False
    if lemma in PREPOSITION_CUES and not (lemma in SPEECH_VERBS or lemma in NAMING_VERBS or
                                          lemma in APPEAL_VERBS or lemma in OBJECT_VERBS):
        return any(c.dep_ == "prep" and c.lower_ in PREPOSITION_CUES[lemma]
                   for c in token.children)
    return True


def subject_of(verb: Token, quoted: Collection[int] = ()) -> Token | None:
    """The subject of a cue verb, inherited through participles and coordination ("Assad upped
    the ante, telling Russian media ..."; "..., and added that ..."), never from inside a
    quotation (``quoted`` token indices), where the parser sometimes hangs a cue."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return _agent(verb)  # "was told that ...": the one told is not the speaker
    head = verb
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS and not c.is_punct
                    and (head is verb or c.i not in quoted)]
        for child in subjects[-1:]:
            if child.dep_ in _SUBJECTS:
                if child.dep_ == "nsubjpass":
                    return _agent(verb) if head is verb else None
                if child.lower_ in _RELATIVE and head.dep_ == "relcl" and head is not verb:
                    return head.head  # inherited through "who ... and said": the noun
                return child
        if head.dep_ == "relcl":
            return head.head
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head
        if head.dep_ not in ("advcl", "conj", "xcomp") or head.head is head:
            return _name_before(verb)
        head = head.head
    return None


def _name_before(verb: Token) -> Token | None:
    """A person named right before a finite verb that the parser left without a subject
    ("... advocate Josh Matlow told HuffPost ..." parsed with Matlow as an object)."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    prev = verb.doc[verb.i - 1]
    return prev if prev.ent_type_ == "PERSON" else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _cue_span(verb: Token) -> Span:
    """The cue as written: the verb with the auxiliaries, negation and adverbs right before it
    and a particle after it ("has also said", "did not deny", "pointed out")."""
    start = verb.i
    while start > 0 and verb.doc[start - 1].head == verb and \
            verb.doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        start -= 1
    end = verb.i + 1
    for child in verb.children:
        if child.i == end and (child.dep_ == "prt" or (
                child.dep_ == "prep" and child.lower_ in PREPOSITION_CUES.get(verb.lemma_.lower(), ()))):
            end += 1
    return verb.doc[start:end]


# --- pass 1: quotations ---------------------------------------------------------------------

def _attribute_quote(doc: Doc, quote: Quote, span: Span, inside: set[int],
                     used: set[int]) -> Draft | None:
    if _is_nickname(doc, span):
        return None
    left = _left_cue(doc, span, inside)
    if left is not None and (left.i in used or _in_frame(left, span)):
        left = None
    if left is not None and _governs_through_words(left, span):
        return _mixed_from_left(doc, quote, span, left, used, inside)
    right = _right_cue(doc, span, inside)
    lead = _lead_in(doc, span, inside) if right is not None else []
    if right is not None and not lead and _words(span) < 3 and not _ends_like_speech(span):
        right = None  # "In the “sextortion” case, the senders threatened ...": a scare quote
    if right is not None:
        used.add(right.i)
        kind, content = "direct", [(quote.start, quote.end)]
        if lead:  # "objected to the inclusion of “three-peat,” Shibley said"
            kind, content = "mixed", _merge_adjacent(doc.text, to_spans(doc, lead) + content)
        return Draft(kind, content, cue=_cue_span(right), cue_lemma=right.lemma_.lower(),
                     subject=_right_subject(right, inside), quote=quote, confidence=0.95)
    if left is not None:
        used.add(left.i)
        return Draft("direct", [(quote.start, quote.end)], cue=_cue_span(left),
                     cue_lemma=left.lemma_.lower(), subject=subject_of(left, inside), quote=quote,
                     confidence=0.9)
    introducer = _colon_subject(doc, span)
    if introducer is not None:
        return Draft("direct", [(quote.start, quote.end)], subject=introducer, quote=quote,
                     confidence=0.7)
    return None


def _colon_subject(doc: Doc, span: Span) -> Token | None:
    """"Martell is more blunt: “...”": a quote after a colon belongs to the subject of the
    clause that introduces it, when that subject is a person or a pronoun for one."""
    before = span.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 1 or doc[before].text != ":":
        return None
    sent = doc[before - 1].sent
    subject = next((t for t in doc[sent.start:before] if t.dep_ == "nsubj"
                    and sent.start <= t.head.i < before), None)
    if subject is None:
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "they"):
        return subject
    return None


#: A quote with at least this many words before it in its sentence is a fragment of that
#: sentence, which is then the statement's content.
LEAD_IN_WORDS = 3


def _lead_in(doc: Doc, span: Span, inside: set[int]) -> list[int]:
    """The words of the quote's sentence before it, when the quote is only a fragment."""
    sent = doc[span.start].sent
    start = sent.start
    for token in doc[sent.start:span.start]:
        if token.i in inside:
            start = token.i + 1
    lead = [t.i for t in doc[start:span.start] if not t.is_space]
    return lead if sum(1 for i in lead if doc[i].is_alpha) >= LEAD_IN_WORDS else []


def _in_frame(verb: Token, span: Span) -> bool:
    """A quotation inside the cue's object or adverbials ("told NBC’s “Today” show that ...",
    "said on CBS’ “Face the Nation”") is a title, not what was said."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod"):
            subtree = {t.i for t in child.subtree}
            if span.start in subtree or span.root.i in subtree:
                return True
    return False


def _ends_like_speech(span: Span) -> bool:
    """“No.” and “Absolutely,” end with punctuation inside the marks; scare quotes do not."""
    inner = span.text.rstrip("”\"»’' ")
    return bool(inner) and inner[-1] in ",.!?…"


def _is_nickname(doc: Doc, span: Span) -> bool:
    """Riefian “Ifan” Fajarsyah: a short quote between two parts of a name."""
    if _words(span) > 2 or span.start == 0 or span.end >= len(doc):
        return False
    return doc[span.start - 1].pos_ == "PROPN" and doc[span.end].pos_ == "PROPN"


def _right_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """A speech verb within a few words after the quote, in the sentence that follows the quote
    in its paragraph (the parser often ends a sentence at a closing quotation mark)."""
    after = span.end
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after >= len(doc) or "\n" in doc[after].text:
        return None
    words = 0
    for token in doc[after:doc[after].sent.end]:
        if token.i in inside:
            return None
        if is_speech_verb(token) and token.lemma_.lower() in SPEECH_VERBS and \
                (subject_of(token, inside) is not None or _inverted(token)):
            if _introduces_next(token):
                return None
            # in the next sentence only as a bare frame ("Moore said."), not "Moore said the ..."
            own_sentence = token.sent == doc[span.end - 1].sent
            return token if own_sentence or not _complement(token) else None
        if not token.is_punct and not token.is_space:
            words += 1
            if words > RIGHT_WINDOW:
                return None
    return None


def _introduces_next(verb: Token) -> bool:
    """"... and added: “...”": a cue followed by a colon or a quotation introduces what follows."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or doc[i].is_space):
        i += 1
    return i < len(doc) and (doc[i].text == ":" or doc[i].text in ("“", "«"))


def _inverted(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
               and c.ent_type_ in ("PERSON", "ORG") for c in verb.children)


def _right_subject(verb: Token, inside: set[int]) -> Token | None:
    subject = subject_of(verb, inside)
    if subject is not None:
        return subject
    return next((c for c in verb.children if c.i > verb.i and c.ent_type_ in ("PERSON", "ORG")),
                None)


def _left_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """The last speech verb before the quote in its sentence, with a subject of its own."""
    sent = doc[span.start].sent
    for token in reversed(doc[sent.start:span.start]):
        if token.i in inside:
            return None
        if is_speech_verb(token) and subject_of(token, inside) is not None:
            return token
    return None


def _governs_through_words(verb: Token, span: Span) -> bool:
    """True when part of the verb's complement stands between the cue and the quote: the quote
    is a fragment of reported speech. The cue's own addressee, adverbials and particles ("told
    reporters on Monday: “...”") do not count."""
    frame: set[int] = set()
    telling = verb.lemma_.lower() in ("tell", "inform", "assure", "remind", "warn")
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "prt", "punct", "dative", "agent") or \
                (telling and child.dep_ == "dobj"):
            frame.update(t.i for t in child.subtree)
    gap = [t for t in verb.doc[verb.i + 1:span.start]
           if not t.is_punct and not t.is_space and t.i not in frame and t.lower_ != "that"]
    subtree = {t.i for t in verb.subtree}
    return bool(gap) and gap[-1].i in subtree


def _mixed_from_left(doc: Doc, quote: Quote, span: Span, verb: Token, used: set[int],
                     inside: set[int]) -> Draft:
    """Reported speech ending in a quoted fragment: the content is the verb's complement (or
    the words between cue and quote) together with the quote."""
    used.add(verb.i)
    complement = [i for i in _complement(verb) if i > verb.i]
    if not complement or not (min(complement) <= span.start <= max(complement) + 1):
        start = verb.i + 1
        while start < span.start and (doc[start].dep_ == "prt" or doc[start].is_punct
                                      or _is_addressee(doc[start], verb)):
            start = _skip_addressee(doc, start, verb)
        complement = list(range(start, span.start))
    content = to_spans(doc, [i for i in complement if not span.start <= i < span.end])
    merged = _merge_adjacent(doc.text, content + [(quote.start, quote.end)])
    return Draft("mixed", merged, cue=_cue_span(verb), cue_lemma=verb.lemma_.lower(),
                 subject=subject_of(verb, inside), quote=quote, confidence=0.85)


def _is_addressee(token: Token, verb: Token) -> bool:
    return token.head == verb and token.dep_ in ("dobj", "dative") and verb.lemma_ in (
        "tell", "inform", "assure", "remind", "warn")


def _skip_addressee(doc: Doc, i: int, verb: Token) -> int:
    token = doc[i]
    if _is_addressee(token, verb):
        return max(t.i for t in token.subtree) + 1
    return i + 1


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and not text[merged[-1][1]:s].strip():
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# --- pass 2: reported speech ----------------------------------------------------------------

def _reported(token: Token, inside: set[int]) -> Draft | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
            token.doc[token.i + 1].lower_ == "to":
        return _according_to(token)
    if not is_speech_verb(token):
        return _noun_cue(token)
    subject = subject_of(token, inside)
    if subject is None or subject.i in inside:
        return None
    lemma = token.lemma_.lower()
    content = _without_frame(token, subject,
                             _complement(token) or _framed_content(token, subject))
    if not content:
        return None
    content += _coordinated_tail(token, content)
    spans = to_spans(token.doc, content)
    if not spans or sum(1 for i in set(content) if not token.doc[i].is_punct) < 2:
        return None
    thought = lemma in THOUGHT_VERBS or (lemma in INTENT_VERBS and not any(
        c.dep_ == "ccomp" for c in token.children))
    objects = {c.i for c in token.children if c.dep_ == "dobj" or (
        c.dep_ == "prep" and c.lower_ in PREPOSITION_CUES.get(lemma, ()))}
    stance = not any(c.dep_ == "ccomp" for c in token.children) and (
        lemma in OBJECT_VERBS or lemma in PREPOSITION_CUES) and lemma not in DEMAND_VERBS and any(
        i in objects or token.doc[i].head.i in objects for i in content)
    act = "thought" if thought else "stance" if stance else "speech"
    return Draft("indirect", spans, cue=_cue_span(token), cue_lemma=lemma, subject=subject,
                 confidence=0.8 if act == "speech" else 0.6, act=act)


def _complement(verb: Token) -> list[int]:
    """Token indices of what the verb reports, or [] when it reports nothing we can bound."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp" and not _is_relay(c, verb)]
    if not clauses and lemma in ("tell", "inform", "assure", "remind", "warn"):
        # "told NBC's show that he ...": the parser hangs the that-clause on the addressee
        clauses = [g for c in children if c.dep_ in ("dobj", "dative") for g in c.children
                   if g.dep_ in ("acl", "relcl", "ccomp") and any(
                       m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
    if clauses:
        return [t.i for c in clauses for t in c.subtree]
    if lemma in NAMING_VERBS and any(c.dep_ in ("oprd", "ccomp") or
                                     (c.dep_ == "prep" and c.lower_ == "as") for c in children):
        right = [c for c in children if c.i > verb.i and c.dep_ in
                 ("dobj", "oprd", "ccomp", "attr", "acomp", "xcomp", "prep", "advcl")
                 and not (c.dep_ == "prep" and c.lower_ not in ("as",))]
        return [t.i for c in right for t in c.subtree]
    if lemma in INTENT_VERBS:
        infinitives = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i
                       and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)]
        if infinitives:
            return [t.i for c in infinitives for t in c.subtree]
    if lemma in APPEAL_VERBS and (lemma != "call" or any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in children)):
        infinitives = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                       and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)]
        if infinitives:
            return [t.i for c in infinitives for t in c.subtree]
    preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i
             and c.lower_ in PREPOSITION_CUES.get(lemma, ())]
    if preps and not any(c.dep_ in ("dobj", "xcomp") for c in children):
        return [t.i for c in preps for g in c.children if g.dep_ in ("pobj", "pcomp")
                for t in g.subtree]
    if lemma in OBJECT_VERBS:
        objects = [c for c in children if c.dep_ in ("dobj", "prep") and c.i > verb.i
                   and not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME")
                                                      for g in c.children))]
        if any(c.dep_ == "dobj" for c in objects) or (lemma == "refer" and objects):
            return [t.i for c in objects for t in c.subtree]
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.head.i < verb.i \
            and _comma_before(verb):
        own = {t.i for t in verb.subtree}
        return [t.i for t in verb.head.subtree if t.i not in own and t.i < verb.i]
    return []


_FRAME_PUNCT = {",", "—", "–", ";"}


def _without_frame(verb: Token, subject: Token, content: list[int]) -> list[int]:
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
        content = [i for i in content if i >= start]
    return content


def _framed_content(verb: Token, subject: Token) -> list[int]:
    """"CONTENT, he said." and "CONTENT, said X, MORE.": the cue and its speaker stand between
    commas at the end or in the middle of the sentence. Used where the parser found no clause
    for the verb (it often makes the content's subject a second subject of "said")."""
    doc, sent = verb.doc, verb.sent
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []  # "he denied the request, ...": the verb has an object, it is no frame
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
    before = [t.i for t in doc[sent.start:left] if not t.is_space]
    if sum(1 for i in before if doc[i].is_alpha) < 3:
        before = []  # "Still, he said, ..." : an adverb, not content
    after = [t.i for t in doc[right + 1:sent.end]] if right < sent.end and \
        doc[right].text in _FRAME_PUNCT else []
    content = before + after
    words = [i for i in content if doc[i].is_alpha]
    if len(words) < 3 or not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
        return []
    return content


def _coordinated_tail(verb: Token, content: list[int]) -> list[int]:
    """"telling media that A, and they face B": the parser often hangs "and B" on the main verb,
    but in reported speech B continues what was reported. Extends a content that ends at
    ", and|but" with a coordinated clause carrying no cue of its own, to the sentence end."""
    doc = verb.doc
    last = max(content)
    if last < verb.i:
        return []
    sent_end = doc[last].sent.end
    rest = [t for t in doc[last + 1:sent_end] if not t.is_space]
    if len(rest) < 3 or rest[0].text != "," or rest[1].lower_ not in ("and", "but"):
        return []
    conj = next((t for t in rest if t.dep_ == "conj"), None)
    ancestors = {verb.i} | {a.i for a in verb.ancestors}
    if conj is None or conj.head.i not in ancestors or \
            any(is_speech_verb(t) for t in rest):
        return []
    return [t.i for t in rest]


def _comma_before(verb: Token) -> bool:
    """True when the verb's clause follows a comma, dash or closing quote: a parenthetical."""
    first = min((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    return first > 0 and verb.doc[first - 1].text in (",", "”", '"', "—", "–")


def _is_relay(clause: Token, verb: Token) -> bool:
    """A clause after a comma with a speech verb and subject of its own ("..., X reported")."""
    return clause.i > verb.i and is_speech_verb(clause) and _comma_before(clause) and \
        any(c.dep_ == "nsubj" for c in clause.children) and \
        not any(c.dep_ == "ccomp" for c in clause.children)


def _according_to(token: Token) -> Draft | None:
    """"according to X, ..." and "..., according to X": X is the source of the clause."""
    doc = token.doc
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None:
        source = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if source is None:
        return None
    clause = token.head if token.head is not token else None
    if clause is None:
        return None
    frame = {t.i for t in token.subtree} | {to.i} | {t.i for t in source.subtree}
    sent = token.sent
    content = [t.i for t in clause.subtree if t.i not in frame and sent.start <= t.i < sent.end]
    if clause.dep_ != "ROOT" and not any(clause.dep_ == d for d in ("ccomp", "conj")):
        root = sent.root
        content = [t.i for t in root.subtree if t.i not in frame]
    spans = to_spans(doc, content)
    if not spans:
        return None
    cue = doc[token.i:token.i + 2]
    return Draft("indirect", spans, cue=cue, cue_lemma="according to", subject=source,
                 confidence=0.8)


def _noun_cue(token: Token) -> Draft | None:
    """"his allegation that ...": a cue noun with a possessor and a that-clause."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "advcl")
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ == "that":
            clause = nxt.head if nxt.head.i > token.i else None
    if owner is None or clause is None:
        return None
    spans = to_spans(token.doc, [t.i for t in clause.subtree])
    if not spans:
        return None
    return Draft("indirect", spans, cue=token.doc[token.i:token.i + 1],
                 cue_lemma=token.lemma_.lower(), subject=owner, confidence=0.5)


# --- relays, nesting and floating quotes ----------------------------------------------------

def _resolve_relays(drafts: list[Draft]) -> list[Draft]:
    """"A says X, Russian media reported": the reporter becomes a via channel of A's statement.

    A relay is a speech act whose content holds another statement's cue and speaker; when it
    stands after the statement it relays, the outer speaker is the channel, not a speaker.
    """
    kept = []
    for outer in drafts:
        inner = _relayed(outer, drafts)
        if inner is not None:
            inner.channels.append((speaker_phrase(outer.subject), "via"))
            continue
        kept.append(outer)
    return kept


def _relayed(outer: Draft, drafts: list[Draft]) -> Draft | None:
    if outer.cue is None or outer.subject is None:
        return None
    if outer.cue_lemma not in RELAY_VERBS and outer.cue_lemma != "according to":
        return None
    for inner in drafts:
        if inner is outer or inner.cue is None or inner.subject is None:
            continue
        if inner.cue.start_char >= outer.cue.start_char and outer.cue_lemma != "according to":
            continue  # a relay follows what it relays
        if outer.cue_lemma == "according to" and inner.start > outer.cue.start_char + 200:
            continue
        if inner.cue.sent != outer.cue.sent:
            continue
        if outer.cue_lemma == "according to" or _within(inner.cue.start_char, outer.content):
            return inner
    return None


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _absorb_quotes(drafts: list[Draft], pending: list[Quote]) -> list[Quote]:
    """A pending quote inside an indirect statement's content makes that statement mixed."""
    left = []
    for quote in pending:
        owner = next((d for d in drafts if d.start <= quote.start and quote.end <= d.end + 2), None)
        if owner is None:
            left.append(quote)
            continue
        if owner.kind == "indirect":
            owner.kind = "mixed"
            owner.content = _merge_adjacent(owner.cue.doc.text,
                                            owner.content + [(quote.start, quote.end)])
    return left


def _floating(doc: Doc, pending: list[Quote], spans: dict[Quote, Span],
              drafts: list[Draft]) -> list[Draft]:
    """Quoted sentences with no cue continue the closest statement before them: as more of its
    content when only its attribution stands between them in the paragraph ("“A,” she said,
    “B.”"), else as a statement of their own by the same speaker."""
    floating: list[Draft] = []
    for quote in pending:
        span = spans.get(quote)
        if span is None:
            continue
        before = [d for d in drafts + floating if d.end <= quote.start]
        previous = max(before, key=lambda d: d.end) if before else None
        if previous is not None and _interrupted(doc.text, previous, quote):
            previous.content = previous.content + [(quote.start, quote.end)]
            continue
        sent = doc[span.start].sent
        starts_sentence = all(t.is_punct or t.is_space for t in doc[sent.start:span.start])
        if _words(span) < MIN_FLOATING_WORDS or not starts_sentence or previous is None:
            continue
        if doc.text.count("\n", previous.end, quote.start) > 2:
            continue
        floating.append(Draft("direct", [(quote.start, quote.end)], inherits=previous,
                              quote=quote, confidence=0.7))
    return floating


#: The longest attribution that may interrupt a quotation ("“A,” the union's president said
#: on Tuesday, “B”"), in characters.
MAX_INTERRUPTION = 160


def _interrupted(text: str, previous: Draft, quote: Quote) -> bool:
    """True when the quote goes on with the previous quotation after its cue, in one paragraph."""
    if previous.quote is None or previous.cue is None or previous.kind == "indirect":
        return False
    gap = text[previous.end:quote.start]
    return previous.content[0][1] <= previous.cue.start_char < quote.start and "\n" not in gap \
        and len(gap) <= MAX_INTERRUPTION and gap.rstrip()[-1:] in (",", ".", ":", ";")


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A statement whose cue lies inside another statement's content is part of that content."""
    kept = []
    for d in drafts:
        if d.cue is not None and any(o is not d and o.cue is not None and
                                     _within(d.cue.start_char, o.content) and
                                     not _within(o.cue.start_char, d.content)
                                     for o in drafts):
            continue
        kept.append(d)
    return kept
