"""Cue words: which verbs attribute, who their subject is, and the cue as written."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from ..chrome import dateline_end
from ..lexicon import (APPEAL_VERBS, DOCUMENT_NOUNS, INTENT_VERBS, NAMING_VERBS, OBJECT_VERBS,
                       PREPOSITION_CUES, RELAY_VERBS, SIDE_VERBS, SPEECH_VERBS, THOUGHT_VERBS)
from ..speakers import is_punctuation

#: Dependencies that attach a verb's subject.
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}


def is_speech_verb(token: Token) -> bool:
    """A verb of saying (or believing) by its lemma, excluding idioms that say nothing."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or not is_listed_verb(lemma):
        return False
    if lemma == "point" and not any((c.dep_ == "prt" and c.lower_ == "out") or
                                    (c.dep_ == "prep" and c.lower_ == "to")
                                    for c in token.children):
        return False
    if lemma == "put" and not _puts_it(token):
        return False
    if needs_own_preposition(lemma):
        return any(c.dep_ == "prep" and c.lower_ in PREPOSITION_CUES[lemma]
                   for c in token.children)
    return True


def makes_clear(token: Token) -> bool:
    """"..., making it clear that the levy would stay", "and made clear that ...": "make (it)
    clear" governing a "that" clause says the clause whatever form the verb takes. The scorer
    mostly takes it as a main verb but doubts it as a participle or the second of two verbs,
    where annotators draw it all the same (of the 7 statements this adds in PolNeAR's kept
    training articles, 4 match a gold content exactly)."""
    if token.lemma_.lower() != "make" or token.pos_ != "VERB":
        return False
    adjective = next((c for c in token.children if c.lower_ == "clear" and
                      c.dep_ in ("ccomp", "oprd", "acomp")), None)
    return adjective is not None and any(
        c.dep_ in ("advcl", "ccomp") and c.i > adjective.i and
        any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in list(adjective.children) + list(token.children))


def takes_a_side(token: Token) -> bool:
    """"Most voters support the levy", "she has not endorsed anyone": a verb of taking a side
    (``SIDE_VERBS``) with its subject states the subject's stance toward its object whatever
    the scorer makes of it. Not in a question ("Do you support Ruiz?") nor under "if" or
    "whether" ("asked whether she would endorse Ruiz"), which ask for a stance, nor in a
    relative clause that tells who someone is ("Ruiz, who supports the levy, said ..."), which
    annotators left unannotated 29 times of 41 on the kept training articles. On those articles
    the rule adds 34 statements, 23 of them a gold content; "back" and "oppose" add 6, 1 of
    them one."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SIDE_VERBS or \
            token.dep_ == "relcl" or not any(c.dep_ == "nsubj" for c in token.children):
        return False
    asks = token.sent.text.rstrip().endswith("?") or any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in token.children)
    return not asks


def is_listed_verb(lemma: str) -> bool:
    """Whether the cue lexicon lists the lemma as a verb of any kind. Read at each call, as
    a user may extend the lexicon after import."""
    return (lemma in SPEECH_VERBS or lemma in NAMING_VERBS or lemma in APPEAL_VERBS
            or lemma in THOUGHT_VERBS or lemma in OBJECT_VERBS or lemma in INTENT_VERBS
            or lemma in PREPOSITION_CUES)


def needs_own_preposition(lemma: str) -> bool:
    """A verb that attributes only with its own preposition ("talks about", "focused on")."""
    return lemma in PREPOSITION_CUES and not (lemma in SPEECH_VERBS or lemma in NAMING_VERBS or
                                              lemma in APPEAL_VERBS or lemma in OBJECT_VERBS)


def is_put_it(token: Token) -> bool:
    """The "it" of "as she put it": part of the cue, not an object with content."""
    return token.dep_ == "dobj" and token.lower_ == "it" and token.head.lemma_.lower() == "put"


def _puts_it(verb: Token) -> bool:
    """"as she put it", "put it this way": "put" says something only with "it" as its object
    and nowhere to put it ("put it into play", "put it on hold" say nothing; "put it in her
    memoir" and "put it on Monday" do say)."""
    return any(is_put_it(c) for c in verb.children) and \
        not any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ not in ("in", "during") and
                                    not any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
                for c in verb.rights) and \
        not is_to_infinitive(verb)


#: Tags of a verb that carries its own tense.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: The tags of the relative pronouns "who", "which" and "that" (as a relative clause opens).
RELATIVE_PRONOUN_TAGS = ("WP", "WDT")
#: Tags of the words that open a relative clause or a clause of time or place.
RELATIVE_WORD_TAGS = RELATIVE_PRONOUN_TAGS + ("WP$", "WRB")


def is_to_infinitive(verb: Token) -> bool:
    """Whether "to" marks the verb as an infinitive ("to resign", "to see the ferry run")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: Verbs of phase and effort: their infinitive or gerund is the act their subject takes up,
#: goes on with or sets out to do ("began dismissing the idea", "tried to defend the plan",
#: "spent the week mocking the levy").
PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "proceed", "keep", "try",
                         "spend"})


def takes_up_the_act(verb: Token) -> bool:
    """"went on to criticize the board", "began dismissing the idea", "were quick to condemn
    the vote": a listed verb governed by a verb of phase or effort, by "go on" or by "quick"
    is the subject's own act, however the learned scorer doubts it in that frame (PolNeAR's
    kept training articles draw such a stance 13 times in 18)."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i > verb.i:
        return False
    lemma = head.lemma_.lower()
    return lemma in PHASE_VERBS or (lemma == "quick" and head.dep_ == "acomp") or (
        lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children))


def reporting_verb_over(verb: Token) -> Token | None:
    """"said the pier will stay open and urged calm", "insists it will strike and refuses to
    ..." : a verb of saying coordinated with the verb of a reported clause, without a subject of
    its own, in the tense of the verb that reports the clause but not in the clause's own, goes
    on with the reporter's acts (the parser hangs it on the clause). In the clause's own tense
    only a verb of telling or appealing does ("said the levy was fair and urged ..."), outside
    a quotation (``_tells_on``). Returns that reporting verb, else None."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or head.dep_ != "ccomp" or \
            has_subject(verb) or not is_speech_verb(verb):
        return None
    reporter = reporter_in_form(verb, head, FINITE_TAGS, clause_form_too=True)
    if reporter is None or (_finite_tag(verb) == _finite_tag(head) and
                            not _tells_on(reporter, verb)):
        return None
    return reporter


def _tells_on(reporter: Token, verb: Token) -> bool:
    """"announced that he was stepping down and vowed to ...", "said the party was not in
    crisis and urged calm": in a past-tense report the clause and the verb after it share a
    tense, yet a verb of telling or appealing (``RELAY_VERBS``, ``APPEAL_VERBS``) with no
    particle ("wrote in a candidate" is a vote) is the reporter's next act, not what was
    reported: PolNeAR's annotators end the content before it in 5 of the 7 such contents
    outside quotations in the kept training articles, and keep it in none. Inside a quotation
    ("“One man came in and said ...”") it is the quoted speaker's story."""
    doc = verb.doc
    return verb.lemma_.lower() in RELAY_VERBS | APPEAL_VERBS and \
        not any(c.dep_ == "prt" for c in verb.children) and \
        not any(t.is_quote for t in doc[min(reporter.i, verb.i):max(reporter.i, verb.i)])


def reporter_in_form(verb: Token, head: Token, forms: frozenset[str], *,
                     clause_form_too: bool = False) -> Token | None:
    """The verb that reports ``head``'s clause when ``verb``, coordinated with ``head``, is in
    the reporter's form (one of ``forms``) and, unless ``clause_form_too``, not in ``head``'s:
    then it goes on with the reporter's acts, not the clause's. The form of "continues to
    insist that ..." is on "continues"."""
    reporter = head.head
    while reporter.dep_ == "xcomp" and reporter.head is not reporter:
        reporter = reporter.head
    form = _finite_tag(verb)
    if form not in forms or form != _finite_tag(reporter) or \
            (form == _finite_tag(head) and not clause_form_too):
        return None
    return reporter


def _finite_tag(verb: Token) -> str:
    """The tag of the word that carries the verb's tense: its first auxiliary, if any ("will
    stay": MD, "has delivered": VBZ), else its own."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and
                c.tag_ != "TO"), None)
    return aux.tag_ if aux is not None else verb.tag_


def _named_by(noun: Token) -> Token:
    """"Ms. Ruiz was the first candidate to weigh in, tweeting ...": a predicate noun is the
    subject of its copula under another description, and the subject is the one that names
    the speaker."""
    if noun.dep_ != "attr":
        return noun
    return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), noun)


def _occasion_holder(noun: Token, infinitive: Token) -> Token | None:
    """"Ruiz had a rare chance to explain ...", "In an effort to clarify ..., Ruiz said ...":
    a common noun with an infinitive, the object of a verb or of a preposition on it, is the
    occasion or means of saying, not who says; the subject of that verb is."""
    if infinitive.tag_ != "VB" or not is_to_infinitive(infinitive) or \
            noun.pos_ != "NOUN" or any(c.dep_ == "poss" for c in noun.children):
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _passive_quoted_speaker(verb: Token) -> Token | None:
    """"Lee was quoted as saying ...": unlike other passives ("was told that ..."), the subject
    of a passive "quoted as saying" is the one who said it."""
    if verb.lemma_.lower() != "quote" or not any(c.dep_ == "auxpass" for c in verb.children) or \
            not any(c.dep_ == "prep" and c.lower_ == "as" and
                    any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                    for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _past_dateline(subject: Token) -> Token:
    """"CEDAR FALLS — State Sen. Ida Berg said": the parser can make the dateline's place the
    subject and the speaker an apposition to it; the speaker is the apposition."""
    after = dateline_end(subject.doc, subject.left_edge.i)
    if after is None or subject.i >= after:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i >= after), subject)


def subject_of(verb: Token, quoted: Collection[int] = ()) -> Token | None:
    """The subject of a cue verb, inherited through participles, coordination and infinitives
    ("Assad upped the ante, telling Russian media ..."; "..., and added that ..."; "After
    blasting the plan, the council ..."; "was quick to point out"), never from inside a
    quotation (``quoted`` token indices), where the parser sometimes hangs a cue; a verb hung
    on a word of a quotation inherits from the verb that governs the quotation ("said “...,”
    and added: ..."). A participle of a document speaks for whoever put the document out ("The
    council issued a statement saying ...": the council)."""
    if is_question_frame(verb):
        return None  # "Asked if ..., Voss said": Voss was asked; who asked goes unnamed
    issuer = document_verb(verb, quoted) or _reporter_over(verb) or reporting_verb_over(verb)
    if issuer is not None:
        return subject_of(issuer, quoted)
    quoted_one = _passive_quoted_speaker(verb)
    if quoted_one is not None:
        return quoted_one
    if any(c.dep_ == "auxpass" for c in verb.children) or _misread_participle(verb) or \
            _bare_passive_with_agent(verb):
        return _agent(verb)  # "was told that ...": the one told is not the speaker
    head = verb
    for _ in range(4):
        if head is not verb and head.i in quoted and head.head is not head:
            head = head.head  # "said “...,” and added:": hung on a word of the quotation
            continue
        subjects = [c for c in head.children if c.dep_ in SUBJECTS and not is_punctuation(c)
                    and (head is verb or c.i not in quoted)]
        for child in subjects[-1:]:
            if child.dep_ in SUBJECTS:
                if child.dep_ == "nsubjpass":
                    if head is verb:
                        return _agent(verb)
                    return child if _controlled_by_passive(verb, head) else None
                if child.lower_ in _RELATIVE and head.dep_ == "relcl" and head is not verb:
                    return head.head  # inherited through "who ... and said": the noun
                return _noun_before_aside(child) or _past_dateline(child)
        if head.dep_ == "relcl":
            return _occasion_holder(head.head, head) or head.head
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            # A past participle on a noun is passive ("a plan described as reckless by two
            # engineers", "the union, called ..."): its agent speaks, never the noun. The tagger
            # often reads such a participle as a past tense.
            if head.tag_ in ("VBN", "VBD"):
                return _agent(head)
            return _occasion_holder(head.head, head) or _named_by(head.head)
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.tag_ == "VBG":
            if quoting_verb(head) is not None:
                return None
            head = head.head.head  # "After blasting the plan, the council ...": the council
            continue
        participle = _participle_clause_over(head)
        if participle is not None:
            head = participle
            continue
        if head.dep_ not in ("advcl", "conj", "xcomp", "acomp") or head.head is head:
            return _name_before(verb) or _opening_phrase_apposition(verb) or \
                _name_read_as_adverb(head) or _name_after(head)
        head = head.head
    return None


#: Dashes that set off an aside (a plain hyphen as often joins the words of one).
_ASIDE_DASHES = ("—", "–", "--")


def _noun_before_aside(subject: Token) -> Token | None:
    """"Party donors — what is left of the old guard — are backing ...": the parser can take
    the aside between dashes for the subject and leave the noun before it hanging on the verb
    unlabelled; the noun is the subject, the aside describes it."""
    doc, first = subject.doc, subject.left_edge.i
    if first < 2 or doc[first - 1].text not in _ASIDE_DASHES or \
            not any(t.text in _ASIDE_DASHES for t in doc[subject.right_edge.i + 1:subject.head.i]):
        return None
    return next((c for c in subject.head.children if c.dep_ == "dep" and
                 c.pos_ in ("NOUN", "PROPN") and c.right_edge.i == first - 2), None)


def _participle_clause_over(verb: Token) -> Token | None:
    """"..., warning voters that the fund could collapse and implying that ...": a participle
    with no auxiliary cannot be coordinated with a verb that has a subject and an auxiliary or
    a tense of its own; the parser joined it to the verb of a clause it follows, and it
    continues the participle clause that holds that clause. That participle, or None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or \
            any(c.dep_ in ("aux", "auxpass") for c in verb.children) or \
            not has_subject(head) or not (head.tag_ in FINITE_TAGS or
                                          any(c.dep_ == "aux" for c in head.children)):
        return None
    return next((t for t in head.ancestors if t.tag_ == "VBG" and t.dep_ in ("advcl", "conj")
                 and not has_subject(t)), None)


def _controlled_by_passive(verb: Token, passive: Token) -> bool:
    """"Voters were left wondering whether ...": a participle right under a passive verb is
    done by that verb's subject, the ones left, seen or kept doing it."""
    return verb.dep_ == "xcomp" and verb.head == passive and verb.tag_ == "VBG"


def has_subject(verb: Token) -> bool:
    """The verb has a subject of its own in the parse, rather than sharing one ("and said ...",
    "..., responding to the audit")."""
    return any(c.dep_ in SUBJECTS for c in verb.children)


def is_question_frame(verb: Token) -> bool:
    """"Asked if the pier was safe, Voss said ...", "declined to comment when asked about the
    levy": "asked" as a bare participle framing the sentence, whose subject is the one asked."""
    if verb.lemma_.lower() != "ask" or verb.dep_ != "advcl" or \
            any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    first = verb.sent.start
    while verb.doc[first].tag_ == "WRB" and first < verb.i:
        first += 1
    return verb.tag_ == "VBN" or first == verb.i


def _reporter_over(participle: Token) -> Token | None:
    """"Berg said the pier was safe, adding ...": a participle of saying after a comma goes on
    with the speaker's own statement, but the parser often hangs it on the reported clause,
    whose subject ("the pier") then seemed to speak; the verb of saying over that clause is the
    one it goes on from."""
    if participle.tag_ != "VBG" or participle.lemma_.lower() not in SPEECH_VERBS \
            or participle.dep_ not in ("advcl", "conj") or not _after_comma(participle):
        return None
    head, crossed = participle.head, False
    for _ in range(4):
        if crossed and is_speech_verb(head):
            return head
        if head.dep_ == "ccomp":
            crossed = True
        elif head.dep_ not in ("conj", "advcl"):
            return None
        head = head.head
    return None


def _after_comma(token: Token) -> bool:
    """Right after a comma, or after a quotation closed on one ('..., adding', '"...," adding')."""
    before = token.i - 1
    if before > 0 and token.doc[before].is_quote:
        before -= 1
    return before >= 0 and token.doc[before].text == ","


def quoting_verb(participle: Token) -> Token | None:
    """"The paper quoted an aide as saying ...": the verb over "as", whose object, not its
    subject, is the one saying; PolNeAR takes that verb as the cue of the whole report."""
    prep = participle.head
    if participle.dep_ == "pcomp" and prep.lower_ == "as" and \
            any(c.dep_ == "dobj" for c in prep.head.children):
        return prep.head
    return None


def document_verb(participle: Token, quoted: Collection[int] = ()) -> Token | None:
    """The verb that put out the document a participle reports from ("issued a statement
    saying", "released a letter Thursday condemning"), when that verb has a subject; else None
    (a statement that names no author speaks as the document)."""
    if participle.tag_ != "VBG":
        return None
    if participle.dep_ == "acl" and participle.head.dep_ == "dobj":
        issuer = participle.head.head  # the parser hangs the participle on the document ...
    elif participle.dep_ == "advcl":
        issuer = participle.head  # ... or on the verb, after the document and a time
    else:
        return None
    documents = [c for c in issuer.children if c.dep_ == "dobj" and c.i < participle.i and
                 c.lemma_.lower() in DOCUMENT_NOUNS]
    if not documents or issuer.pos_ != "VERB" or subject_of(issuer, quoted) is None:
        return None
    return issuer


def _name_before(verb: Token) -> Token | None:
    """A person named right before a finite verb that the parser left without a subject
    ("... advocate Lena Brandt told the Ledger ..." parsed with Brandt as an object)."""
    if verb.i == 0 or verb.tag_ not in FINITE_TAGS:
        return None
    prev = verb.doc[verb.i - 1]
    return prev if prev.ent_type_ == "PERSON" else None


def _opening_phrase_apposition(verb: Token) -> Token | None:
    """"At the town hall in Dover, a retired nurse who ... asked the mayor ...": a finite verb
    the parser left without a subject, the noun phrase before it read as an apposition to the
    last noun of the opening phrase; that phrase hangs on the verb, so the noun phrase that
    runs up to the verb is its subject."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    last = verb.doc[verb.i - 1]
    noun = next((t for t in [last, *last.ancestors]
                 if t.dep_ == "appos" and t.right_edge.i == verb.i - 1), None)
    if noun is None or noun.head.dep_ != "pobj" or verb.doc[noun.left_edge.i - 1].text != ",":
        return None
    opening = noun.head.head
    while opening.dep_ == "pobj" or (opening.dep_ == "prep" and opening.head.dep_ == "pobj"):
        opening = opening.head
    return noun if opening.dep_ == "prep" and opening.head == verb else None


def _name_after(verb: Token) -> Token | None:
    """"“The file is valuable,” said Skelly.": after a quotation the verb comes before its
    subject, and the parser, not knowing the name, may read it as an adverb or an object (a
    word in capitals inside a sentence, not a date or a place, is a name there). Only a name
    of a few words that ends the clause or opens an apposition ("said Skelly, a former aide"):
    "..., credits his terrier Chloe and ..." has an object, and "Quotes Bible on ..." too."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP") or \
            doc[verb.i - 1].text not in (",", "”", '"', "’", "'"):
        return None
    name = next((c for c in verb.rights if c.left_edge.i == verb.i + 1), None)
    if name is None or name.i + 1 >= len(doc) or not doc[name.i + 1].is_punct or \
            name.i - verb.i > 4 or not all(w.is_title for w in doc[verb.i + 1:name.i + 1]):
        return None
    return name if name.pos_ in ("PROPN", "NOUN", "ADV") and \
        name.ent_type_ not in ("DATE", "TIME", "GPE", "LOC") else None


def _misread_participle(verb: Token) -> bool:
    """"The union, officially called the ..., represents ...": a participle set off by commas
    after a noun, which the parser sometimes reads as a past tense with the noun for its
    subject, the whole a clausal subject of the main verb. The noun is what is named, not who
    names it."""
    if verb.dep_ != "csubj" or verb.tag_ not in ("VBD", "VBN"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return False
    start = min([verb.i] + [c.left_edge.i for c in verb.children
                            if c.i < verb.i and c.i != subject.i])
    return start > subject.i and verb.doc[start - 1].text == ","


def _bare_passive_with_agent(verb: Token) -> bool:
    """"As reported by the Herald, Dayton became ...": a past participle with no subject or
    auxiliary of its own but a "by" agent is passive; the agent speaks, not the subject of the
    clause the parser hangs the participle on."""
    return verb.tag_ == "VBN" and _agent(verb) is not None and \
        not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def cue_span(verb: Token) -> Span:
    """The cue as written: the verb with the auxiliaries, negation and adverbs right before it
    and a particle after it ("has also said", "did not deny", "pointed out"); a document's
    participle from the verb that put the document out ("issued a statement saying"); a
    listed verb from the word that governs it as an infinitive ("continued to question")."""
    issuer = document_verb(verb)
    if issuer is not None:
        return verb.doc[_verb_span(issuer).start:_verb_span(verb).end]
    span = _verb_span(verb)
    if is_speech_verb(verb):
        return verb.doc[_catenative_start(verb, span.start):span.end]
    return span


def _catenative_start(verb: Token, start: int) -> int:
    """Where the cue of a listed verb starts when an unlisted verb or adjective right before
    it governs it as an infinitive ("has continued to question", "seemed to confirm", "was
    quick to point out"): that word says nothing itself, and PolNeAR's training split draws
    the cue from it five times in six (against one in four when the governing verb is listed:
    "refused | to say ..."). Only a verb group in one piece counts: words between ("forced the
    chief to admit", "gathered Friday to discuss") name another speaker or another purpose.
    ``start`` is where the verb's own group starts."""
    for _ in range(3):
        head = verb.head
        if verb.dep_ != "xcomp" or head.i > verb.i or is_speech_verb(head):
            break
        link = start
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.i + 1 == start:
            link, head = head.i, head.head  # "was quick to point out": from the copula
        elif head.pos_ not in ("VERB", "AUX"):
            break
        group = _verb_span(head)
        if group.end != link:
            break
        start, verb = group.start, head
    return start


def _manner(child: Token) -> bool:
    """An adverb right after the verb is part of the cue ("said twice", "asked specifically",
    "said only that"): so PolNeAR's training split draws it three times in four. The tagger
    calls some adverbs closing the clause adjectives ("he wondered aloud.")."""
    return child.dep_ == "advmod" and (child.tag_ == "RB" or _closing_adjective(child)) \
        and child.lower_ not in ("as", "so") \
        and not child.is_title  # "said Skelly": a name the tagger took for an adverb


def _closing_adjective(child: Token) -> bool:
    """An adverb tagged as an adjective, right before punctuation ("wondered aloud,"): where
    more follows ("said much over the years") it is the verb's object misread."""
    doc = child.doc
    return child.tag_ == "JJ" and child.i + 1 < len(doc) and doc[child.i + 1].is_punct


def _verb_span(verb: Token) -> Span:
    start = verb.i
    while start > 0 and verb.doc[start - 1].head == verb and \
            verb.doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and \
            verb.doc[start - 1].tag_ != "WRB":  # "when asked": the clause's, not the cue's
        start -= 1
    end = verb.i + 1
    linking = PREPOSITION_CUES.get(verb.lemma_.lower(), ())
    for child in verb.children:
        if child.i == end and (child.dep_ == "prt" or (
                child.dep_ == "prep" and child.lower_ in linking) or _manner(child) or
                is_put_it(child)):
            end += 1
    after = verb.doc[end] if end < len(verb.doc) else None
    if after is not None and after.dep_ == "mark" and after.lower_ in linking and \
            after.head.head == verb:
        end += 1  # "calling for the province to pay": the parser's mark of the clause
    return verb.doc[start:end]


def relative_object(verb: Token) -> Token | None:
    """"a plan which the mayor called “a giveaway”", "the levy, which the union opposed": the
    relative pronoun the verb takes as its object stands for what was said or judged, and
    annotators mark it with the content; "that" and the free relative "what" they leave out as
    often as not."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and
                 c.lower_ in ("which", "who", "whom")), None)


def _name_read_as_adverb(verb: Token) -> Token | None:
    """"And Skelly called the plan ...", "Informed of the vote, Early said ...": a surname the
    parser does not know (often one ending in "-ly") is read as an adverb of the verb before
    it, leaving the verb without a subject. A word in capitals there is the name when the
    tagger still calls it a proper noun or when a conjunction or comma precedes it, where no
    sentence-opening adverb stands."""
    doc = verb.doc
    for word in verb.lefts:
        if word.dep_ != "advmod" or not word.is_title or word.i == 0:
            continue
        before = doc[word.i - 1]
        if word.pos_ == "PROPN" or (word.i > word.sent.start and
                                    (before.dep_ == "cc" or before.text == ",")):
            return word
    return None


def rest_after_frame(verb: Token, last: int, inside: Collection[int] = ()) -> list[Token]:
    """"A levy would pay for the ferry, she said, but also for the lights": the words after a
    frame set off by commas inside a sentence (``last`` its last word), with which the clause
    it interrupts goes on to the sentence's end. None where no comma closes the frame, where
    the speaker's next act follows ("..., she said, raising ..."), where fewer than two words
    outside quotations are left, or where another speaker's report follows there."""
    doc, right = verb.doc, last + 1
    while right < len(doc) and doc[right].head == verb and \
            doc[right].dep_ in ("advmod", "npadvmod", "prt"):
        right += 1  # past the frame's own adverbs: "she said on Monday,"
    end = verb.sent.end
    if right + 1 >= end or doc[right].text != "," or right + 1 in inside:
        return []
    tail = [t for t in doc[right + 1:end] if not t.is_space]
    if sum(1 for t in tail if t.is_alpha and t.i not in inside) < 2 or \
            (tail[0].tag_ == "VBG" and tail[0].head == verb) or \
            any(is_speech_verb(t) and subject_of(t, inside) is not None for t in tail):
        return []
    return tail
