"""Attributions that name no source: "Trump is expected to win", "the plan seems to falter".

News often reports an expectation or an impression without saying whose it is. The cue is the
raising or passive verb ("seems", "appears", "is widely expected", "is said"), the content the
proposition it frames: its subject and the infinitive or clause that follows, which the verb
splits in two. "Reportedly" does the same from inside the clause ("the board reportedly met"):
it is the cue, and the clause around it the content. A main clause whose verb of saying is
passive, agentless and has nothing after it reports its subject ("Further cuts were
announced"), and so does an agentless participle of making public on its noun ("the deal,
announced Friday, ..."). They become statements without a speaker, as acts of thought: nobody is
quoted, but somebody's view is reported. A question put to the speaker by someone unnamed
("Asked if ..., Voss said") is one too, as an act of speech.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..analysis import Draft
from ..lexicon import THOUGHT_VERBS
from .complement import nothing_after
from .spans import to_spans
from .words import cue_span, is_question_frame, is_speech_verb

#: Verbs that lift their clause's subject: "X seems to ...", "it appears that ...".
RAISING_VERBS = frozenset({"seem", "appear"})
#: Verbs whose agentless passive reports someone's view: "X is expected to ...".
PASSIVE_VIEW_VERBS = frozenset({"expect", "say", "believe", "think", "rumor", "rumour",
                                "report", "consider", "predict", "project", "forecast"})
#: Verbs that make a plan or a deal public: "the deal announced Friday" reports the deal.
MADE_PUBLIC_VERBS = frozenset({"announce", "unveil"})
#: Adverbs that give their clause as heard from others: "the board reportedly met".
REPORT_ADVERBS = frozenset({"reportedly"})


def unattributed(token: Token) -> Draft | None:
    """A sourceless draft for a raising verb, an agentless passive of a view or of saying, or
    a question put by someone unnamed, else None."""
    lemma = token.lemma_.lower()
    if token.lower_ in REPORT_ADVERBS:
        return _reported_clause(token)
    if is_question_frame(token):
        return _question(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    bare = _bare_passive(token) if is_speech_verb(token) else None
    if bare is not None:
        return bare
    if lemma in MADE_PUBLIC_VERBS:
        return _announced_noun(token)
    children = list(token.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    if not ((lemma in RAISING_VERBS and not passive) or
            (lemma in PASSIVE_VIEW_VERBS and passive and
             not any(c.dep_ == "agent" for c in children))):
        return None
    clause = next((c for c in children if c.i > token.i and (
        (c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
        or (c.dep_ == "ccomp" and lemma in RAISING_VERBS))), None)
    if clause is None:
        return None
    # every subject: where a hyphenated name closes the subject ("the idea of reviving
    # Dodd-Frank seems ...") the small parser gives the verb a second one, the name
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
                and c.lower_ not in ("it", "there")]
    if not subjects and clause.dep_ == "xcomp":
        return None  # "to be expected to ...": the proposition has no subject to report
    content = [t.i for s in subjects for t in s.subtree] + [t.i for t in clause.subtree]
    if len(subjects) > 1:  # and the hyphen between them, which the parser hangs elsewhere
        content += range(subjects[0].right_edge.i, subjects[-1].left_edge.i)
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=cue_span(token), cue_lemma=lemma, confidence=0.5,
                 act="thought", unattributed=True)


def _reported_clause(adverb: Token) -> Draft | None:
    """"The board reportedly met on Friday": the clause the adverb modifies, from its subject
    on and without the adverb.

    On a verb of speech it is part of that verb's cue instead ("reportedly said"). What comes
    before the subject only joins the clause to the sentence ("With the board reportedly
    meeting, ...", "When the vote came, the board reportedly left") and was not reported."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.i == adverb.i or is_speech_verb(verb):
        return None
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = subject.left_edge.i if subject is not None else verb.left_edge.i
    content = [t.i for t in verb.subtree if t.i >= first and t.i != adverb.i]
    spans = to_spans(adverb.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=adverb.doc[adverb.i:adverb.i + 1],
                 cue_lemma=adverb.lower_, confidence=0.5, act="thought", unattributed=True)


def _question(asked: Token) -> Draft | None:
    """"Asked if the pier was safe, ...", "when asked about the levy": the question put, whose
    asker goes unnamed (PolNeAR draws the cue "Asked", or "Asked about", with no source)."""
    for child in asked.rights:
        if child.dep_ in ("ccomp", "advcl", "xcomp"):
            content, cue = [t.i for t in child.subtree], cue_span(asked)
        elif child.dep_ == "prep" and child.lower_ in ("about", "on") and child.i == asked.i + 1:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if any(g.ent_type_ in ("DATE", "TIME") for g in objects):
                continue  # "Asked on Friday whether ...": when, not what; the clause follows
            content = [t.i for g in objects for t in g.subtree]
            cue = asked.doc[cue_span(asked).start:child.i + 1]
        else:
            continue
        spans = to_spans(asked.doc, content)
        if spans:
            return Draft("indirect", spans, cue=cue, cue_lemma="ask", confidence=0.5,
                         act="speech", unattributed=True)
    return None


def _announced_noun(verb: Token) -> Draft | None:
    """"The tentative deal, announced Friday, would last four years": a past participle of
    making public, with no agent, set on its noun reports that noun, made public by someone
    unnamed; PolNeAR's annotators draw the noun phrase as the content (5 of the 5 such
    participles in the kept training articles; with an agent, "announced by the ministry",
    none of 1)."""
    noun = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or \
            any(c.dep_ == "agent" for c in verb.children):
        return None
    participle = range(verb.left_edge.i, verb.right_edge.i + 1)
    words = [t.i for t in noun.subtree if t.i not in participle]
    while words and verb.doc[words[-1]].is_punct:
        words.pop()
    spans = to_spans(verb.doc, words)
    if not spans:
        return None
    return Draft("indirect", spans, cue=cue_span(verb), cue_lemma=verb.lemma_.lower(),
                 confidence=0.5, act="speech", unattributed=True)


def _bare_passive(verb: Token) -> Draft | None:
    """"Further cuts were announced", "The cold facts have been stated many times": a main
    clause whose verb of saying is passive, names no agent and says nothing after it (but when
    or how) reports its subject, said by someone unnamed; PolNeAR's annotators draw most such
    clauses so. Not one with a modal ("The poll can be found here"), which tells what may be
    done, nor one inside a sentence, whose passive is more often a time or a condition ("before
    the deal was announced")."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if verb.dep_ != "ROOT" or subject is None or not any(c.dep_ == "auxpass" for c in children) \
            or any(c.dep_ == "aux" and c.tag_ == "MD" for c in children) or \
            not nothing_after(verb, "cc", "conj"):
        return None
    spans = to_spans(verb.doc, [t.i for t in subject.subtree])
    if not spans:
        return None
    lemma = verb.lemma_.lower()
    return Draft("indirect", spans, cue=cue_span(verb), cue_lemma=lemma, confidence=0.5,
                 act="thought" if lemma in THOUGHT_VERBS else "speech", unattributed=True)
