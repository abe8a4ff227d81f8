"""Channels: how a statement travelled from its speaker to the article.

``via`` is an outlet or intermediary that relays it ("..., Russian media outlets reported",
"said according to Russia Today"; found with the relays in ``cues``), ``addressee`` the one it
was told to ("told the Harbour Press Foundation", "appealed to the United Nations"), ``medium``
how ("by phone", "in an interview", "on Twitter").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, Draft
from .lexicon import MEDIUM_NOUNS
from .speakers import speaker_phrase

TELLING_VERBS = {"tell", "inform", "assure", "reassure", "remind", "brief", "notify", "warn"}
ADDRESSEE_PREPS = {"to"}
MEDIUM_PREPS = {"by", "in", "on", "via", "over", "during", "at", "through"}


def attach(doc: Doc, analysis: Analysis) -> None:
    """Stage: the addressee and medium of each statement, from the dependents of its cue."""
    for draft in analysis.drafts:
        if draft.cue is None or draft.cue_lemma == "according to":
            continue
        verb = draft.cue.root
        for span, role in _merged(_from_cue(verb, draft), draft):
            if not any(s.start < span.end and span.start < s.end for s, _ in draft.channels):
                draft.channels.append((span, role))
        draft.channels.sort(key=lambda c: c[0].start)


def _from_cue(verb: Token, draft: Draft) -> list[tuple[Span, str]]:
    found: list[tuple[Span, str]] = []
    for child in verb.children:
        role = channel_role(verb, child)
        if role is None or _inside(child, draft.content):
            continue
        if role == "medium":
            found.append((_medium(child), role))
        elif role == "via":
            found.append((speaker_phrase(_object(_according_to(child))), role))
        elif child.lower_ in ADDRESSEE_PREPS:
            obj = _object(child)
            if not _inside(obj, draft.content):
                found.append((speaker_phrase(obj), role))
        else:
            found.append((speaker_phrase(child), role))
    return found


def channel_role(verb: Token, child: Token) -> str | None:
    """The channel a dependent of a cue verb names ("addressee", "medium", "via"), if any: the
    object of a telling verb, "to the UN", "in an interview", "according to Reuters"."""
    if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() in TELLING_VERBS \
            and child.pos_ in ("NOUN", "PROPN", "PRON"):
        return "addressee"
    if child.dep_ in ("prep", "dative") and child.lower_ in ADDRESSEE_PREPS:
        return "addressee" if _object(child) is not None else None
    if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPS:
        return "medium" if _medium(child) is not None else None
    if child.dep_ == "prep" and child.lower_ == "according":
        to = _according_to(child)
        return "via" if to is not None and _object(to) is not None else None
    return None


def _according_to(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.lower_ == "to"), None)


def _merged(found: list[tuple[Span, str]], draft: Draft) -> list[tuple[Span, str]]:
    """Channel phrases cut where the content starts, and pieces of one phrase that a misparse
    split ("NBC" and "’s “Today” show") joined again."""
    start = draft.start
    out: list[tuple[Span, str]] = []
    for span, role in sorted(found, key=lambda c: c[0].start):
        doc = span.doc
        if span.start_char < start < span.end_char:
            span = doc[span.start:next(t.i for t in span if t.idx >= start)]
            while len(span) and (span[-1].is_punct or span[-1].lower_ == "that"):
                span = span[:-1]
        if not len(span):
            continue
        if out and out[-1][1] == role == "addressee" and all(
                t.is_punct or t.is_space or t.lower_ in ("’s", "'s")
                for t in doc[out[-1][0].end:span.start]):
            prev = out.pop()[0]
            span = doc[prev.start:max(prev.end, span.end)]
        out.append((span, role))
    return out


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_medium_noun(token: Token) -> bool:
    """A noun naming a way of saying something ("tweet", "interview", "statement")."""
    return token.lemma_.lower() in MEDIUM_NOUNS or token.lower_ in MEDIUM_NOUNS


def _medium(prep: Token) -> Span | None:
    """"by phone", "in an interview" (without "with CNN"), "on Twitter", and through a part
    or a count of them: "in one of his tweets", "in a series of messages"."""
    obj = _object(prep)
    for _ in range(2):
        if obj is None or _is_medium_noun(obj):
            break
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = _object(of) if of is not None else None
    if obj is None or not _is_medium_noun(obj):
        return None
    end = obj.i + 1
    return prep.doc[prep.i:end]


def _inside(token: Token, content: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in content)
