"""Output: turn the drafts into the data model and put the results on the Doc."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .analysis import Analysis, Draft
from .model import Channel, Content, Cue, Speaker, Statement

#: Separator between the pieces of a content interrupted by its attribution.
GAP = " … "


def finish(doc: Doc, analysis: Analysis) -> None:
    """Stage: number the statements in text order and expose everything on ``doc._``."""
    drafts = sorted((d for d in analysis.drafts if d.speaker is not None or d.unattributed),
                    key=lambda d: (d.start, d.anchor))
    analysis.statements = [_statement(analysis.text, n, d, analysis)
                           for n, d in enumerate(drafts, 1)]
    doc._.statements = analysis.statements
    doc._.sayso_entities = analysis.entities
    doc._.sayso_warnings = analysis.warnings


def _statement(text: str, n: int, draft: Draft, analysis: Analysis) -> Statement:
    sp = draft.speaker
    speaker = None if sp is None else Speaker(sp.start_char, sp.end_char, sp.text,
                                              draft.name or sp.text, draft.entity)
    cue = None
    if draft.cue is not None:
        cue = Cue(draft.cue.start_char, draft.cue.end_char, draft.cue.text, draft.cue_lemma)
    spans = _quote_closed(text, _without_leading_commas(text, list(draft.content)))
    content = Content(spans=spans, text=GAP.join(text[s:e] for s, e in spans))
    channels = [Channel(span.start_char, span.end_char, span.text, role,  # type: ignore[arg-type]
                        _entity_id(span, analysis)) for span, role in draft.channels]
    return Statement(id=f"S{n}", kind=draft.kind, speaker=speaker, cue=cue,
                     content=content, channels=channels, confidence=draft.confidence,
                     act=draft.act)  # type: ignore[arg-type]


def _entity_id(span: Span, analysis: Analysis) -> str | None:
    entity = analysis.entity_at.get(span.root.i)
    return entity.id if entity is not None else None


#: A comma or semicolon, with the space after it, at the start of a content piece.
_LEADING_COMMA = re.compile(r"[,;]\s*")


def _without_leading_commas(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"According to the report, he could ...", "A, he said, B": where the cue or frame is cut
    out of a sentence, the comma that closed it off may be left opening a piece of the content;
    it is no part of what was said."""
    trimmed = []
    for start, end in spans:
        comma = _LEADING_COMMA.match(text, start, end)
        trimmed.append((comma.end(), end) if comma and comma.end() < end else (start, end))
    return trimmed


#: A quotation's closing mark right after a content, with the full stop or comma it holds.
_CLOSING = re.compile(r'[.,!?]?["”]')


def _quote_closed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content that opens a quotation it does not close ends with the closing mark after it:
    'would "look at all options."', where the parse ended the content before the full stop."""
    if not spans:
        return spans
    start, end = spans[-1]
    written = text[spans[0][0]:end]
    closing = _CLOSING.match(text, end)
    if closing and (written.count("“") > written.count("”") or written.count('"') % 2):
        spans[-1] = (start, closing.end())
    return spans
