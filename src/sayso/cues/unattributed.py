"""Attributions that name no source: "Trump is expected to win", "the plan seems to falter".

News often reports an expectation or an impression without saying whose it is. The cue is the
raising or passive verb ("seems", "appears", "is widely expected", "is said"), the content the
proposition it frames: its subject and the infinitive or clause that follows, which the verb
splits in two. They become statements without a speaker, as acts of thought: nobody is
quoted, but somebody's view is reported.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..analysis import Draft
from .spans import to_spans
from .words import cue_span

#: Verbs that lift their clause's subject: "X seems to ...", "it appears that ...".
RAISING_VERBS = frozenset({"seem", "appear"})
#: Verbs whose agentless passive reports someone's view: "X is expected to ...".
PASSIVE_VIEW_VERBS = frozenset({"expect", "say", "believe", "think", "rumor", "rumour",
                                "report", "consider", "predict", "project", "forecast"})


def unattributed(token: Token) -> Draft | None:
    """A sourceless draft for a raising verb or an agentless passive of a view, else None."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return None
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
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.lower_ not in ("it", "there")), None)
    if subject is None and clause.dep_ == "xcomp":
        return None  # "to be expected to ...": the proposition has no subject to report
    content = [t.i for t in clause.subtree]
    if subject is not None:
        content = [t.i for t in subject.subtree] + content
    spans = to_spans(token.doc, content)
    if not spans:
        return None
    return Draft("indirect", spans, cue=cue_span(token), cue_lemma=lemma, confidence=0.5,
                 act="thought", unattributed=True)
