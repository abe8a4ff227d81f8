"""Speakers: the speaker mention as written, and the person or group it refers to.

No neural coreference model installs from a package registry, so this is a resolver on the parse
and the article's person index (``people``): a named speaker is the person of that name; a
document speaks for whoever made or sent it; a pronoun speaker goes to the best-scoring person
before it, by agreement, binding (never someone its own content names), recency, being the
subject of the sentence before and having been quoted; "they" and "it" to a plural subject, a
group speaker or the nearest organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, Draft
from .chrome import dateline_end
from .lexicon import DOCUMENT_NOUNS, PRONOUNS
from .names import gender_of
from .people import (FEMALE_TITLES, MALE_TITLES, TITLES, People, Person, modifies, name_words,
                     settled_gender, trim_entity)
from .quotes import QUOTE_EDGES

#: What a study or a database "says" is said by its maker; unlike a statement (``DOCUMENT_NOUNS``)
#: the phrase stays the speaker mention as written.
WORK_NOUNS = {"study", "survey", "poll", "paper", "analysis", "database", "data", "research",
              "review", "audit", "investigation", "inquiry", "assessment", "estimate"}
#: Documents that carry their sender's own words: one that names no sender continues the
#: statement just before it.
MESSAGE_NOUNS = {"statement", "release", "letter", "email", "e-mail", "post", "tweet", "memo",
                 "note", "message"}
#: How many sentences back "the report" looks for the report introduced with its maker.
DOCUMENT_WINDOW = 3
RELATIVE_PRONOUNS = {"who", "which", "that"}
#: Preference for a person quoted earlier in the article, and against one named in parentheses.
QUOTED_BONUS = 2.0
#: Preference for the subject of the pronoun's sentence or the one before: the centre of
#: attention pulls as hard as having been quoted ("Lund was stacking shelves. “...,” she said").
RECENT_SUBJECT_BONUS = 2.0
#: How much a known matching gender outweighs recency (in sentences) when choosing an antecedent.
GENDER_MATCH_BONUS = 0.5
#: Longest line, in words, that can be a heading; and how a line of prose ends.
HEADING_WORDS = 12
_CLOSING_STOPS = (".", "?", "!", "”", '"', "’", "'", ":")


# --- the stage ------------------------------------------------------------------------------

def resolve(doc: Doc, analysis: Analysis) -> None:
    """Stage: speaker mentions, descriptors and the person each speaker refers to."""
    people = People(doc)
    analysis.people = people
    cues = frozenset(d.cue.root.i for d in analysis.drafts if d.cue is not None)
    for draft in analysis.drafts:
        if draft.inherits is not None:
            source = draft.inherits
            draft.speaker, draft.core = source.speaker, source.core
            draft.source, draft.joint = source.source, source.joint
            continue
        if draft.subject is None:
            continue
        subject = _document_author(draft.subject) or _quantified(draft.subject)
        if draft.speaker is None:  # a cue pass that knows the mention as written set it
            draft.speaker = _before_cue(_outside_quotes(
                speaker_phrase(subject, appositive=True, cues=cues), subject, analysis), draft)
            draft.core = _before_cue(_outside_quotes(speaker_phrase(subject), subject, analysis),
                                     draft)
        else:
            draft.core = draft.speaker
        conjuncts = _conjuncts(subject, analysis)
        draft.joint = [speaker_phrase(c, with_conj=False, appositive=True, cues=cues)
                       for c in conjuncts]
        if len(draft.joint) < 2 or not all(c.pos_ in ("NOUN", "PROPN") or c.lower_ in PRONOUNS
                                           for c in conjuncts):
            draft.joint = []  # "All this and more ... indicate": no joint speakers
        owner = _document_owner(subject)
        if subject.pos_ == "PRON" and subject.lower_ in PRONOUNS:
            draft.source = _antecedent(subject, draft, analysis)
        elif owner is not None and owner.lower_ in PRONOUNS:  # "her statement said"
            draft.source = _antecedent(owner, draft, analysis)
        elif (noun := _relative_antecedent(subject)) is not None:
            # "Smith, who said ...": the mention is "who", the speaker the noun it refers to
            draft.core = speaker_phrase(noun)
            draft.source = _named_part(draft.core, people)
        else:
            draft.source = _named_part(draft.speaker, people)
        _credit_work(draft, subject, people)
        _continue_issuer(draft, subject, analysis)


def _relative_antecedent(subject: Token) -> Token | None:
    """The noun a relative clause's subject refers to: "Smith, who said ..." (the pronoun is the
    subject) or "Smith, whose criticism of ..." (it owns the subject noun). The clause hangs on
    that noun."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head
    if subject.tag_ == "WP$" and subject.dep_ == "poss" and subject.head.head.dep_ == "relcl":
        return subject.head.head.head
    return None


def _before_cue(mention: Span, draft: Draft) -> Span:
    """"super PACs backing Mr. Cruz", "donors wary of the levy": the mention of a noun that a
    participle or adjective cue describes runs on through it; the speaker is the noun's phrase
    before it. So too where the cue stands deeper in a clause on the noun ("released a
    statement saying that ..., calling it ...": the speaker is "a statement", not the clause
    that holds the cue)."""
    if draft.cue is None or not mention.start < draft.cue.start < mention.end:
        return mention
    end = draft.cue.start
    token = draft.cue.root
    while token.head.i != token.i and mention.start <= token.head.i < mention.end:
        if token.dep_ in ("acl", "relcl") and token.i > mention.root.i:
            end = min(end, token.left_edge.i)
        token = token.head
    if end == draft.cue.start and not _describes_after(draft.cue.root, mention.root):
        return mention
    doc = mention.doc
    while end > mention.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[mention.start:end]


def _describes_after(cue: Token, head: Token) -> bool:
    """A cue that describes the mention's noun from after it: a participle ("super PACs backing
    Mr. Cruz") or an adjective of attitude ("donors wary of the levy")."""
    return cue.dep_ == "acl" or (cue.dep_ == "amod" and cue.head == head and cue.i > head.i)


def _quantified(subject: Token) -> Token:
    """"WestJet and Harbour Air both said": where the parser makes "both" the subject and the
    names its modifiers, the names speak."""
    if subject.pos_ == "PRON" and subject.lower_ in ("both", "all", "each"):
        named = next((c for c in subject.lefts if c.pos_ in ("PROPN", "NOUN") and c.dep_ in (
            "nmod", "compound", "npadvmod", "appos")), None)
        if named is not None:
            return named
    return subject


def _outside_quotes(mention: Span, head: Token, analysis: Analysis) -> Span:
    """"“... was a real eye-opener” Vale says": where the parser made the last words of a
    quotation part of the speaker's phrase, the mention starts after the quotation. A title in
    quotation marks stays ("the star of “Harbour Lights”", "“Harbour Lights” star Ana Ruiz"):
    a quotation counts when it ends like speech, runs over four words, or the mention starts
    after its first word, where no title starts."""
    doc, start = mention.doc, mention.start
    for quote in analysis.quotes:
        if not quote.start < mention.start_char < quote.end <= head.idx:
            continue
        text = analysis.text[quote.start:quote.end]
        words = text.strip(QUOTE_EDGES)
        first_word = quote.end - len(text.lstrip(QUOTE_EDGES))
        if words[-1:] in (",", ".", "!", "?") or len(words.split()) > 4 or \
                mention.start_char > first_word:
            start = max(start, next(t.i for t in doc[start:head.i + 1] if t.idx >= quote.end))
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:mention.end]


def _credit_work(draft: Draft, subject: Token, people: People) -> None:
    """"A 2019 study by the Harbour Board found ...", "the agency's database shows ...": a
    study, survey or database speaks for whoever made it. The mention stays as written, for
    attribution marks the whole phrase as the source, and the maker names the speaker. "The
    report said", naming no maker, is the document last introduced with one."""
    author = _document_author(subject, WORK_NOUNS) or _earlier_document_author(subject)
    if author is not None:
        draft.core = speaker_phrase(author)
        draft.source = _named_part(draft.core, people)


def _continue_issuer(draft: Draft, subject: Token, analysis: Analysis) -> None:
    """"The Oxley Trust said its director died. A statement said the trust was shocked": a
    message that names no sender, right after someone's statement, is theirs. A report or a
    study is not: it is more often someone else's work brought in."""
    if draft.source is not None or subject.lemma_.lower() not in MESSAGE_NOUNS or \
            not any(c.lower_ in ("a", "an") for c in subject.children) or \
            _document_author(subject) is not None or \
            any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in subject.children):
        return  # "A statement from the fire department" names its sender, named or not
    last = _last_speaker_before(analysis.drafts, draft)
    if last is not None and last.core is not None and \
            analysis.sentences_between(last.core.sent.start, subject.sent.start) <= 1:
        draft.core, draft.source = last.core, last.source


def speaker_phrase(head: Token, with_conj: bool = True, appositive: bool = False,
                   cues: frozenset[int] = frozenset()) -> Span:
    """The phrase a token heads as written, without, unless asked, further conjuncts; a name the
    parser split is kept whole. Appositions ("Ines Dalby, one of the founders", "Jo Banks,
    35,", "Ida Berg (D-Va.)") and relative clauses ("Tom Hale, who ran the harbour,") are
    kept only when ``appositive``: the mention as written, which attribution annotators mark
    whole; the core that names the speaker leaves them out. A relative clause holding one of
    ``cues`` (token indices) is a statement of its own ("Hale, who announced a plan,") and is
    left out of the mention too."""
    doc = head.doc
    cut = {"advcl", "parataxis"} | (set() if appositive else {"relcl"}) | \
        (set() if with_conj else {"conj", "cc"})
    heads = [head] + ([t for t in _entity_of(head) if t.head not in _entity_of(head)
                       and t is not head] if head.ent_type_ else [])
    heads += _hyphenated_pieces_before(head)
    keep = list(heads)
    for h in heads:
        summing = summing_noun(h)
        adverbial = _dangling_coordinator_end(h)
        for child in h.children:
            if child.dep_ in cut or is_punctuation(child) or child.i in summing or \
                    h.i < child.i <= adverbial or (
                    not appositive and _floating_quantifier(child, h)) or (
                    child.i < h.i and any(
                        doc[i].is_quote and doc[i - 1].text in (",", ".", "?", "!")
                        for i in range(child.i + 1, h.i))):
                continue  # "...hunky-dory,” Gene Marlow": the parser hung the quote on him
            aside = child.dep_ in ("appos", "npadvmod", "nummod", "amod") and child.i > head.i
            if aside and appositive and _after_comma(child):
                keep.extend(child.subtree)
                continue
            if child.dep_ in ("acl", "prep", "appos") and _after_comma(child) or \
                    _time_after(child, h) or _prep_after_bracket(child, h):
                continue
            keep.extend(child.subtree)
    # the mention's own head is never a clause to cut, even where the parser labels it one
    clauses = {t.i for k in keep if k.dep_ == "relcl" and k not in heads
               and (not appositive or any(t.i in cues for t in k.subtree)) for t in k.subtree}
    idx = sorted(t.i for t in keep if t.i not in clauses)
    start, end = idx[0], idx[0] + 1
    kept = set(idx)
    while end in kept or (end < len(doc) and (doc[end].is_punct or doc[end].is_space)
                          and (end + 1 in kept or end + 2 in kept)):
        end += 1  # the contiguous run from the first token: a relative clause ends it
    if appositive:
        end = _closing_bracket(doc, start, end)
    else:
        stop = next((t.i for t in doc[head.i + 1:end] if t.text in (",", "(", "—", "–")), None)
        if stop is not None:
            end = stop
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and \
            doc[end].ent_type_ not in ("DATE", "TIME") or \
            (end < len(doc) and doc[end].lower_ == "today" and doc[end].is_title):
        end += 1
    while end > start + 1 and (is_punctuation(doc[end - 1]) or doc[end - 1].is_space) and not (
            doc[end - 1].text == ")" and "(" in doc[start:end - 1].text):
        end -= 1   # but a bracket closes what it opened: "Ida Berg (D-Va.)"
    after = dateline_end(doc, start)
    if after is not None and after <= head.i:
        start = after  # "CEDAR FALLS — State Sen. Ida Berg said": the place is no speaker
    while start < head.i and (doc[start].is_punct or doc[start].is_space or
                              doc[start].lower_ in ("both", "either")):
        start += 1
    return doc[start:end]


def is_punctuation(token: Token) -> bool:
    """Punctuation, but not the percent sign the tokenizer splits from its number: in "42% said"
    or "a 54% majority of voters said" it is a word of the speaker's phrase, its head even."""
    return token.is_punct and token.text != "%"


def _hyphenated_pieces_before(head: Token) -> list[Token]:
    """"The non-profit is seeking ...": the tokenizer splits a hyphenated word at its hyphens
    and the parser can hang each piece on the verb, as a subject of its own or a modifier, the
    article on the verb too; the speaker is the whole word, not its last piece."""
    doc, pieces, i = head.doc, [], head.i
    while i >= 2 and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "" and \
            doc[i - 2].whitespace_ == "" and all(doc[j].head == head.head for j in (i - 1, i - 2)):
        pieces += [doc[i - 1], doc[i - 2]]
        i -= 2
    if pieces and i >= 1 and doc[i - 1].dep_ == "det" and doc[i - 1].head == head.head:
        pieces.append(doc[i - 1])
    return pieces


def _closing_bracket(doc: Doc, start: int, end: int) -> int:
    """A bracket the mention opened is closed with it, over the points the tokenizer split off
    an abbreviation before it ("Ida Berg (D-Vt.)": "Vt", ".", ")")."""
    if "(" not in doc[start:end].text or ")" in doc[start:end].text:
        return end
    close = end
    while close < len(doc) and doc[close].text == ".":
        close += 1
    return close + 1 if close < len(doc) and doc[close].text == ")" else end


def summing_noun(head: Token) -> set[int]:
    """"..., a move critics called reckless": the small model reads "a move critics" as one
    noun, but "a" cannot go with a plural; the singular noun before it sums up the clause
    before, and the speaker is the plural noun, the subject of a relative clause that hangs
    on the summing noun. Returns the words of "a move", to leave out of the speaker."""
    if head.tag_ not in ("NNS", "NNPS") or head.dep_ != "nsubj":
        return set()  # "according to a fact sheet lawmakers released": the sheet is the source
    article = next((c for c in head.children if c.dep_ == "det" and c.lower_ in ("a", "an")),
                   None)
    noun = next((c for c in head.children if c.dep_ == "compound" and c.tag_ == "NN"), None)
    if article is None or noun is None or not article.i < noun.i < head.i:
        return set()
    return {article.i, *(t.i for t in noun.subtree)}


def _time_after(child: Token, head: Token) -> bool:
    """"A federal judge on Friday blocked ...": the parser hangs the time on the subject, but
    it says when, not who."""
    return child.dep_ == "prep" and child.i > head.i and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children)


def _prep_after_bracket(child: Token, head: Token) -> bool:
    """"said Ida Berg (D-Va.) in an interview": the bracket closes the name with its party and
    state; a phrase after it says where or how she spoke, not who she is."""
    first = min(t.i for t in child.subtree)
    return child.dep_ == "prep" and child.i > head.i and first > 0 and \
        head.doc[first - 1].text == ")"


def _dangling_coordinator_end(head: Token) -> int:
    """"Lund all but begged reporters", "Lund more or less admitted": a coordinator the parser
    hangs on the speaker with nothing coordinated after it belongs to an adverbial before the
    verb; the words from the speaker up to it are no part of the mention. The index of that
    coordinator, or -1."""
    if any(c.dep_ == "conj" for c in head.children):
        return -1
    return next((c.i for c in head.rights if c.dep_ == "cc"
                 and not any(t.dep_ == "conj" for t in c.subtree)), -1)


def _floating_quantifier(child: Token, head: Token) -> bool:
    """"They both said", "the unions all said": the quantifier after the speaker is part of
    the mention as written, but not of the core that names the speaker."""
    return child.i > head.i and child.lower_ in ("both", "all", "each") and \
        child.pos_ in ("PRON", "DET") and not list(child.children)


def _entity_of(token: Token) -> Span:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _after_comma(token: Token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in (",", "(", "—", "–")


def _conjuncts(head: Token, analysis: Analysis) -> list[Token]:
    """The speakers of a joint subject ("the mayor and the police said"); a word inside a
    quotation is none ("Tom Walsh, who lost 9 kilograms “and three shirt sizes”, says": the
    parser coordinates the quoted words with the name)."""
    if not any(c.dep_ == "conj" for c in head.children) or _titles_of_one(head):
        return [head]
    return [head] + [c for c in head.conjuncts
                     if c.i > head.i and not _in_quote(c, analysis)]


def _titles_of_one(head: Token) -> bool:
    """"Fox News Vice President and Washington Managing Editor Bill Sammon": a title in
    capitals without an article, joined to a name, is another office of that person, not a
    speaker of its own ("The mayor and Councillor Ann Lee", "Police and Mayor Ann Lee" are
    two)."""
    others = [c for c in head.conjuncts if c.i > head.i]
    if len(others) != 1:
        return False
    titled = others[0].ent_type_ == "PERSON" and head.is_title and head.lower_ in TITLES and \
        head.ent_type_ != "PERSON" and not any(
            c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.ent_type_ == "PERSON"
            for c in head.children)
    return titled or _bare_roles_before_name(head, others[0])


def _bare_roles_before_name(head: Token, other: Token) -> bool:
    """"Real estate mogul and reality television star Dana Voss tweeted": singular nouns with
    no article, joined right before a name, are two roles of the one person so named; a noun
    without an article in the singular cannot be a speaker of its own."""
    doc = head.doc
    return all(t.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in t.children)
               for t in (head, other)) and other.i + 1 < len(doc) and \
        doc[other.i + 1].ent_type_ == "PERSON"


#: Verbs by which a document reaches someone other than its author ("a memo obtained by the
#: Gazette", "a letter seen by Reuters"): the one named is a channel, not who wrote it.
_COME_BY = {"obtain", "see", "review", "receive", "acquire", "get", "view", "examine", "read",
            "leak"}


def _document_author(subject: Token, nouns: set[str] = DOCUMENT_NOUNS) -> Token | None:
    """"A statement e-mailed by Tomas Reyes said ...": the author speaks, not the statement."""
    if subject.lemma_.lower() not in nouns:
        return None
    for t in subject.subtree:
        if t.lower_ in ("by", "from") and t.head != subject.head and \
                t.head.lemma_.lower() not in _COME_BY:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("PERSON", "ORG"):
                return obj
    owner = _document_owner(subject, nouns)
    return owner if owner is not None and owner.pos_ == "PROPN" else None


def _earlier_document_author(subject: Token) -> Token | None:
    """The maker of the document a definite, authorless "the report" or "the study" takes up:
    the nearest one before it in the last few sentences introduced with its maker ("a study by
    the Harbour Board", "Lee wrote in a recent report"), of the same kind: "the report" takes
    up a study, not a letter."""
    nouns = DOCUMENT_NOUNS | WORK_NOUNS
    kind = MESSAGE_NOUNS if subject.lemma_.lower() in MESSAGE_NOUNS else nouns - MESSAGE_NOUNS
    if subject.lemma_.lower() not in nouns or _document_author(subject, nouns) is not None \
            or not any(c.lower_ == "the" for c in subject.children):
        return None
    sents = list(subject.doc.sents)
    here = next(k for k, sent in enumerate(sents) if sent.start <= subject.i < sent.end)
    start = sents[max(0, here - DOCUMENT_WINDOW)].start
    for t in reversed(subject.doc[start:subject.i]):
        if t.lemma_.lower() in kind:
            author = _document_author(t, nouns) or _writer_in(t)
            if author is not None:
                return author
    return None


def _writer_in(document: Token) -> Token | None:
    """"Lee wrote in a recent report": the subject of the verb the document is the place of."""
    prep = document.head
    if document.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)


def _document_owner(subject: Token, nouns: set[str] = DOCUMENT_NOUNS) -> Token | None:
    """The possessor of a document that speaks: "Orr's statement" (then Orr is the speaker) or
    "her statement read" (the mention stays as written, and "her" says whose it is). A date
    ("Thursday's memo", "last year's report") says when, not whose."""
    if subject.lemma_.lower() not in nouns:
        return None
    return next((c for c in subject.children if c.dep_ == "poss" and
                 c.ent_type_ not in ("DATE", "TIME")), None)


def _people_within(span: Span, people: People) -> list[Span]:
    """The PERSON entities that lie wholly inside the span, read from its tokens (``Span.ents``
    builds every entity of the Doc anew on each call, and this is asked for every speaker),
    and the names the person index holds there under another tag ("The union's president,
    Marcus Bell", with "Marcus Bell" tagged as an organisation)."""
    found = _person_entities_within(span)
    for person in people.people:
        found += [m for m in person.mentions if span.start <= m.start and m.end <= span.end
                  and not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(found, key=lambda m: m.start)


def _person_entities_within(span: Span) -> list[Span]:
    doc, found, i = span.doc, [], span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end and doc[i].ent_type_ == "PERSON":
            found.append(doc[i:end])
        i = end
    return found


def _named_part(span: Span, people: People) -> Span | None:
    """The named person inside a speaker mention: the person whose name holds the phrase's
    head ("Syrian President Bashar al-Assad" names Bashar al-Assad), also where the entity
    recogniser missed the name but the article names that person elsewhere."""
    head = span.root
    persons = [e for e in _people_within(span, people) if not modifies(e.root, head)]
    holding = [e for e in persons if e.start <= head.i < e.end]
    if holding or persons:
        return trim_entity((holding or persons)[-1])
    # A capital is no sign of a name at a sentence's start, unless the word is the surname of
    # someone the article names ("Price said ..." after "Alan Price"), which the tagger may
    # take for a common noun there.
    if not (head.pos_ == "PROPN" or head.is_title and (
            head.i > head.sent.start or people.find(head.text) is not None)):
        return None
    start = head.i
    while start > span.start and span.doc[start - 1].pos_ == "PROPN":
        start -= 1
    name = span.doc[start:head.i + 1]
    if people.find(name.text) is None and not _unlisted_name(name, span):
        return None
    person = people.add(name)
    person.gender = settled_gender(person)
    return name


def _unlisted_name(name: Span, mention: Span) -> bool:
    """A speaker named by given name and surname the entity recogniser missed ("Wiro Sutanto,
    an independent analyst, noted ..."): two or three capitalised proper nouns, none a title
    and none tagged as an organisation or place, that begin with a common given name or are
    described in apposition (as a newcomer to the story is), name a person. An untagged
    organisation ("Harbour Canada said") is seldom either."""
    described = mention.end > name.end + 1 and name.doc[name.end].text == ","
    return 2 <= len(name) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ in ("", "PERSON")
        and t.lower_ not in TITLES for t in name) and \
        (described or gender_of(name[0].text) is not None)


def _antecedent(pronoun: Token, draft: Draft, analysis: Analysis) -> Span | None:
    """The person (or group) a pronoun speaker refers to."""
    gender, number = PRONOUNS[pronoun.lower_]
    people: People = analysis.people
    sent_start = pronoun.sent.start
    best, best_score = None, float("-inf")
    prose = [d for d in analysis.drafts if not _in_heading(d, analysis.text)]
    last = _last_speaker_before(prose, draft)
    quoted = {id(people.of_span(d.source)) for d in prose
              if d.source is not None and d.end <= draft.anchor}
    if pronoun.lower_ in ("i", "we") and not _in_quote(pronoun, analysis):
        # "I think both sides have a point", "Yes, we know that ...": the writer (and the
        # outlet), whom the text does not name, not the last place or group named
        return None
    if gender in ("m", "f") or pronoun.lower_ == "i":
        governor = _governing_subject(pronoun)
        if governor is not None and _may_mean(governor, gender, people):
            return speaker_phrase(governor)
        for person in people.people:
            if gender and person.gender and person.gender != gender or \
                    gender and _bound_elsewhere(person, pronoun, draft):
                continue
            before = [m for m in person.mentions if m.end <= pronoun.i
                      and not _in_quote(m[0], analysis)]
            if not before:
                continue
            mention = max(before, key=lambda m: m.start)
            distance = analysis.sentences_between(mention.start, sent_start)
            score = -distance
            if last is not None and last.source is not None and \
                    people.of_span(last.source) is person:
                score += 2.0
            if mention.root.dep_ in ("nsubj", "nsubjpass"):
                recent = analysis.sentences_between(mention.sent.start, sent_start) <= 1
                score += 0.5 + (RECENT_SUBJECT_BONUS if recent else 0)
            if person.gender == gender:
                score += GENDER_MATCH_BONUS
            if id(person) in quoted:
                score += QUOTED_BONUS

            if score > best_score:
                best, best_score = mention, score
        role = _role_subject_before(pronoun, gender)
        if role is not None and (best is None or analysis.sentences_between(
                best.sent.start, sent_start) > 1):
            return speaker_phrase(role)   # no one named lately: the role it is
        relative = _kin_subject_since(pronoun, gender, best, analysis)
        return speaker_phrase(relative) if relative is not None else best
    # they / it / we: a plural subject before it in its sentence, the last speaker that is a
    # group, or the nearest organisation
    if pronoun.lower_ == "they":
        group = _plural_subject_before(pronoun, analysis)
        if group is not None:
            return speaker_phrase(group)
    singular = pronoun.lower_ == "it"
    if last is not None and last.speaker is not None and last.source is None and \
            last.speaker[0].lower_ not in _NEGATIVE and \
            not (singular and _plural(last.speaker)) and \
            not (pronoun.lower_ == "they" and _one_person(last.speaker)) and \
            analysis.sentences_between(last.speaker.start, sent_start) <= 3:
        return _group_named(last)
    groups = ("ORG", "NORP") if pronoun.lower_ == "they" else ("ORG", "GPE", "NORP")
    for ent in reversed([e for e in pronoun.doc.ents if e.end <= pronoun.i]):
        if ent.label_ in groups and not (singular and _plural(ent)) and \
                analysis.sentences_between(ent.start, sent_start) <= 3:
            return trim_entity(ent)  # a place is "it" ("Ottawa says"), its people not "they"
    return None


def _governing_subject(pronoun: Token) -> Token | None:
    """"Lee was asked what he thought", "Lee hopes he can win", "Lee added the port to a list
    of projects he said were late", "Lee was criticized, though he later said ...": the named
    subject of a verb that the pronoun's clause is subordinate to (a complement, relative or
    adverbial clause, at any depth, but not a coordinated one). The person it names is the one
    the pronoun means, whoever spoke last and however long ago they were named in full."""
    if pronoun.dep_ != "nsubj":
        return None
    clause = pronoun.head
    while clause.dep_ not in ("ROOT", "conj") and clause.head.i != clause.i:
        clause = clause.head
        if clause.i > pronoun.i or clause.dep_ == "pcomp":
            # "she issued a plan: Obama later adopted it" is no clause of Obama's; "with Kim
            # standing behind him as he spoke": the subject of an absolute phrase is a bystander
            continue
        named = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                      and c.pos_ == "PROPN" and c.i < pronoun.i), None)
        if named is not None:
            return named
    return None


def _may_mean(name: Token, gender: str | None, people: People) -> bool:
    """Whether a pronoun of ``gender`` can mean the person a name names (the recogniser may
    have tagged the name as no person: the index finds it by its words)."""
    person = people.find(name.text)
    return person is not None and not (gender and person.gender and person.gender != gender)


def _plural(phrase: Span) -> bool:
    """"Democrats", "the county chairs": a phrase headed by a plural noun, which "it" cannot
    take up."""
    return phrase.root.tag_ in ("NNS", "NNPS")


def _one_person(phrase: Span) -> bool:
    """"the admiral", "his daughter", "Ana Ruiz": a phrase for one person, by role, kinship or
    name, which "they" cannot take up (the writer's "they" for a group is for its members)."""
    root = phrase.root
    return root.tag_ in ("NN", "NNP") and (root.ent_type_ == "PERSON" or root.lemma_.lower() in
                                           ROLE_NOUNS | KIN_NOUNS["m"] | KIN_NOUNS["f"])


#: First words of a speaker that names no one a later pronoun could take up ("No one objected").
_NEGATIVE = {"no", "nobody", "none", "neither", "nothing"}


def _group_named(draft: Draft) -> Span:
    """The phrase naming a group that spoke last: the noun a relative pronoun stands for
    ("farmers who believe ...; They acknowledge ...": the farmers, not "who")."""
    if draft.core is not None and draft.speaker.root.lower_ in RELATIVE_PRONOUNS:
        return draft.core
    return draft.speaker


#: Nouns for a person by role, beside the titles ("the official", "the candidate").
ROLE_NOUNS = TITLES | {"official", "candidate", "nominee", "lawmaker", "critic", "witness"}

#: Role words that say whether a man or a woman holds the role.
_GENDERED_ROLES = {"m": MALE_TITLES | {"chairman", "spokesman", "father"},
                   "f": FEMALE_TITLES | {"chairwoman", "spokeswoman"}}


def _role_subject_before(pronoun: Token, gender: str | None) -> Token | None:
    """"The president has long argued ..., and he repeated the claim": the subject of a main
    clause joined to the pronoun's, where a role names the person rather than a name ("the
    director, Ana Ruiz," is Ana Ruiz to the person index), is the one the pronoun means where
    no one was named lately: the person index knows only names."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or \
            verb.head.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ != "NN" or subject.lemma_.lower() not in ROLE_NOUNS or \
            any(t.ent_type_ == "PERSON" for t in subject.subtree):
        return None
    opposite = {"m": "f", "f": "m"}.get(gender or "")
    return None if opposite and subject.lower_ in _GENDERED_ROLES[opposite] else subject


#: Nouns that name a person by sex, kinship or family role ("his daughter", "the widow").
KIN_NOUNS = {"m": {"man", "boy", "son", "husband", "father", "brother", "grandfather", "grandson",
                   "uncle", "nephew", "widower", "boyfriend", "dad"},
             "f": {"woman", "girl", "daughter", "wife", "mother", "sister", "grandmother",
                   "granddaughter", "aunt", "niece", "widow", "girlfriend", "mom", "mum"}}


def _kin_subject_since(pronoun: Token, gender: str | None, named: Span | None,
                       analysis: Analysis) -> Token | None:
    """"For Ed Carver, 71, ... His daughter worries about winter. “...,” she said": a person
    named by kinship or sex ("his daughter", "a woman") as the subject of a main clause in the
    pronoun's sentence or the one before, after anyone of the pronoun's gender was last named,
    is the one the pronoun means; the person index knows only names, and would reach back to
    the last woman named and quoted. A subject inside a relative or adverbial clause ("a man
    whose mother ...", "while her husband ...") is only described there."""
    if gender not in KIN_NOUNS:
        return None
    doc = pronoun.doc
    start = pronoun.sent.start
    previous = doc[start - 1].sent.start if start > 0 else start
    window_start = max(named.end if named is not None else 0, previous)
    return next((t for t in reversed(doc[window_start:pronoun.i])
                 if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and
                 (t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT") and
                 t.lemma_.lower() in KIN_NOUNS[gender] and not t.ent_type_ and
                 not _in_quote(t, analysis)), None)


def _plural_subject_before(pronoun: Token, analysis: Analysis) -> Token | None:
    """The nearest plural common noun that is a subject earlier in the pronoun's sentence
    ("members objected to what they said was ..."): "they" agrees with it in number,
    and an organisation named before it is grammatically singular. Not one inside a quotation
    ("“These rules hurt us,” they said"): the speakers' words do not name the speakers."""
    return next((t for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i])
                 if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass")
                 and not _in_quote(t, analysis)), None)


def _bound_elsewhere(person: Person, pronoun: Token, draft: Draft) -> bool:
    """Whether the grammar rules the person out as the pronoun's referent: the statement's
    content names them ("Lee hid under a desk, he said" is not Lee speaking of himself: a name
    cannot take a pronoun that governs it as its antecedent, binding Principle C), or the
    pronoun stands in a relative clause on the person's name ("Lee, who he calls a friend":
    the relative pronoun is Lee, and a co-argument of it is someone else)."""
    noun = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
    in_content = any(start <= m.start_char < end for m in person.mentions
                     for start, end in draft.content)
    return in_content or noun is not None and (
        any(m.start <= noun.i < m.end for m in person.mentions)
        or noun.pos_ == "PROPN" and noun.lower_ in {w.lower() for w in name_words(person.name)})


def _in_heading(draft: Draft, text: str) -> bool:
    """A statement on a short line without a closing stop ("Mayor vows fast repairs"): a
    heading sums up what follows, so who it names is no guide to whom the prose's pronouns
    mean."""
    if draft.cue is None:
        return False
    start = text.rfind("\n", 0, draft.cue.start_char) + 1
    end = text.find("\n", draft.cue.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return len(line.split()) <= HEADING_WORDS and not line.endswith(_CLOSING_STOPS)


def _last_speaker_before(drafts: list[Draft], draft: Draft) -> Draft | None:
    before = [d for d in drafts
              if d is not draft and d.end <= draft.anchor and d.speaker is not None]
    return max(before, key=lambda d: d.end) if before else None


def _in_quote(token: Token, analysis: Analysis) -> bool:
    """Whether the word stands inside one of the article's quotations."""
    return any(q.start <= token.idx < q.end for q in analysis.quotes)

