"""The working state of one article's analysis, shared by the stages.

Stages pass spaCy tokens and spans between them (``Draft``); only the last stage turns them into
the plain data model, so the stages can reason on the parse without re-finding what an earlier
stage found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from .model import Chrome, Entity, Statement
from .quotes import Quote

if TYPE_CHECKING:
    from .cues.edges import EdgeModel
    from .cues.learned import CueScorer


@dataclass
class Draft:
    """A statement being built: the cue and content first, then speaker, channels and names."""

    kind: str
    content: list[tuple[int, int]]
    act: str = "speech"
    cue: Span | None = None
    cue_lemma: str = ""
    subject: Token | None = None          # head of the speaker phrase, from the parse
    speaker: Span | None = None           # the speaker mention as written
    core: Span | None = None              # the mention without appositions, for naming
    source: Span | None = None            # the named mention the speaker resolves to
    joint: list[Span] = field(default_factory=list)   # conjuncts of a joint speaker
    inherits: Draft | None = None          # a floating quote continues this statement
    channels: list[tuple[Span, str]] = field(default_factory=list)
    quote: Quote | None = None
    confidence: float = 0.9
    name: str = ""
    entity: str | None = None
    guessed: bool = False                  # a construction the rules do not know (unlisted)
    unattributed: bool = False             # the text names no source ("is expected to")

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def anchor(self) -> int:
        """Where the statement sits in the text, for ordering: its cue, else its content."""
        return min(self.start, self.cue.start_char) if self.cue is not None else self.start


@dataclass
class Analysis:
    """Everything the stages know about one Doc."""

    doc: Doc
    text: str                             # doc.text, which spaCy joins anew on every access
    chrome: list[Chrome]
    excluded: list[tuple[int, int]]
    quotes: list[Quote] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cue_scorer: CueScorer | None = None    # the learned scorer, or None for the rules alone
    edge_model: EdgeModel | None = None    # the learned content and cue edges, or None
    people: Any = None                    # people.People, the article's person index
    entity_at: dict[int, Entity] = field(default_factory=dict)   # token index -> entity
    _sentence_starts: list[int] | None = field(default=None, repr=False)

    @classmethod
    def for_doc(cls, doc: Doc, cue_scorer: CueScorer | None = None,
                edge_model: EdgeModel | None = None) -> Analysis:
        found = list(doc._.chrome or [])
        return cls(doc=doc, text=doc.text, chrome=found,
                   excluded=[(c.start, c.end) for c in found],
                   cue_scorer=cue_scorer, edge_model=edge_model)

    def in_chrome(self, start: int, end: int) -> bool:
        """Whether the characters overlap chrome; asked of every word, and most articles have
        none."""
        return bool(self.excluded) and any(s < end and start < e for s, e in self.excluded)

    def sentences_between(self, start: int, end: int) -> int:
        """How many sentences start among the tokens ``start`` to ``end - 1``: the distance the
        speaker resolver weighs, asked for every pronoun and person, so counted once per Doc."""
        if self._sentence_starts is None:
            counts, seen = [0], 0
            for token in self.doc:
                seen += bool(token.is_sent_start)
                counts.append(seen)
            self._sentence_starts = counts
        return max(0, self._sentence_starts[end] - self._sentence_starts[start])
