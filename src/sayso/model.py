"""The data model of sayso, in one place.

Every stage of the pipeline produces or refines these objects, and every shell (command line,
server, corpus runner) consumes them. ``Article.to_dict()`` is the ``sayso/article@1`` contract
published in ``schema/article-1.schema.json``; ``Article.from_dict()`` reads it back so that stored
results can be handled with the same types. Offsets are Python string indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "sayso/article@1"

StatementKind = Literal["direct", "indirect", "mixed"]
ChannelRole = Literal["via", "addressee", "medium"]
StatementAct = Literal["speech", "thought", "stance"]
ChromeKind = Literal["video", "related", "promo", "comments", "credit", "caption", "share", "other"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]


class _Flat:
    """Plain records whose JSON form is their fields, as they are."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Chrome(_Flat):
    """A line of page furniture (a video teaser, a newsletter prompt) that is not article prose."""

    start: int
    end: int
    kind: ChromeKind


@dataclass
class Entity:
    """A person, organisation or place, with every way the article names it."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "descriptors": list(self.descriptors),
            "mentions": [[s, e] for s, e in self.mentions],
        }


@dataclass
class Speaker(_Flat):
    """Who made a statement: the mention as written and the canonical name it resolves to."""

    start: int
    end: int
    text: str
    name: str
    entity: str | None = None


@dataclass
class Cue(_Flat):
    """The word or phrase that signals attribution ("said", "according to", "allegation")."""

    start: int
    end: int
    text: str
    lemma: str


@dataclass
class Content:
    """What was said; several spans when the content is interrupted by its own attribution."""

    spans: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {"spans": [[s, e] for s, e in self.spans], "text": self.text}


@dataclass
class Channel(_Flat):
    """How a statement travelled: relayed via an outlet, told to an addressee, or by a medium."""

    start: int
    end: int
    text: str
    role: ChannelRole
    entity: str | None = None


@dataclass
class Statement:
    """One attributed statement: speaker, cue, content, kind and channels.

    ``act`` is "speech" when the cue reports what was communicated (said, told, wrote, called),
    "thought" when it reports a belief, finding or expectation (believes, found, expects), and
    "stance" when it reports a position taken on something without its content (criticized
    the accord, cited a poll): PolNeAR annotates all three, the Gender Gap Tracker only speech.
    """

    id: str
    kind: StatementKind
    speaker: Speaker | None
    cue: Cue | None
    content: Content
    channels: list[Channel] = field(default_factory=list)
    confidence: float = 1.0
    act: StatementAct = "speech"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "channels": [c.to_dict() for c in self.channels],
            "confidence": round(self.confidence, 3),
            "act": self.act,
        }


@dataclass
class Article:
    """An analysed article: its text and metadata, page chrome, entities and statements."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    chrome: list[Chrome] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "authors": list(self.authors),
            "text": self.text,
            "chrome": [c.to_dict() for c in self.chrome],
            "credits": list(self.credits),
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Read an ``sayso/article@1`` object back into typed objects."""

        def spans(rows: list[list[int]]) -> list[tuple[int, int]]:
            return [(int(s), int(e)) for s, e in rows]

        statements = []
        for s in data.get("statements", []):
            sp, cue = s.get("speaker"), s.get("cue")
            statements.append(Statement(
                id=s["id"], kind=s["kind"],
                speaker=Speaker(**sp) if sp else None,
                cue=Cue(**cue) if cue else None,
                content=Content(spans=spans(s["content"]["spans"]), text=s["content"]["text"]),
                channels=[Channel(**c) for c in s.get("channels", [])],
                confidence=float(s.get("confidence", 1.0)),
                act=s.get("act", "speech"),
            ))
        return cls(
            id=data["id"], text=data["text"], source=data.get("source"),
            title=data.get("title"), outlet=data.get("outlet"),
            published=data.get("published"), url=data.get("url"),
            authors=list(data.get("authors", [])),
            chrome=[Chrome(**c) for c in data.get("chrome", [])],
            credits=list(data.get("credits", [])),
            entities=[Entity(id=e["id"], name=e["name"], type=e["type"],
                             aliases=list(e.get("aliases", [])),
                             descriptors=list(e.get("descriptors", [])),
                             mentions=spans(e.get("mentions", [])))
                      for e in data.get("entities", [])],
            statements=statements,
            warnings=list(data.get("warnings", [])),
        )


@dataclass
class RawArticle:
    """An article as read from its input, before analysis: text (or HTML) and what is known
    of it."""

    id: str
    text: str | None = None
    html: str | None = None
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Refuse fields of the wrong type with a ``TypeError`` naming the field: records built
        in Python go straight to the analysis and the ``sayso/article@1`` output, where an int
        ``text`` would fail deep inside spaCy and a None ``id`` or an int ``title`` would break
        the contract silently. One author's name given as a string is that one author, as in
        JSON Lines (``authors="Ann Lee"``, not four letters)."""
        if isinstance(self.authors, str):
            self.authors = [self.authors]
        if not isinstance(self.id, str):
            raise TypeError(f"article id must be a str, not {type(self.id).__name__}")
        for name in ("text", "html", "source", "title", "outlet", "published", "url"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"article {name} must be a str or None, not "
                                f"{type(value).__name__}")
        for name in ("authors", "warnings"):
            items = getattr(self, name)
            if not isinstance(items, (list, tuple)) or \
                    not all(isinstance(item, str) for item in items):
                raise TypeError(f"article {name} must be a list of str")
            setattr(self, name, list(items))


@dataclass
class Failure:
    """An input that could not be analysed, and why; a batch records it and goes on."""

    id: str
    source: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "reason": self.reason}
