"""A learned placement of the first and last word of a content, and of a cue.

The parse bounds a content by subtrees, and annotators bound it by meaning: PolNeAR keeps the
"that" of "said that ...", leaves out a trailing "before sketching out ...", takes the addressee
into "urged Americans to join ..." and stops at a sentence the parser ran on into. Such edges
follow no single rule, so this model learns them: for each edge of a statement's content it
scores the words near the edge the rules chose, from their words, their place in the parse and
the parser's context vector, and the best-scoring word becomes the edge.

A cue has edges too: annotators take in what frames the verb ("said in an interview", "said
twice", "will have to keep stressing") where the parse gives the bare verb, and leave
out some words the rules take in ("when asked"). A second model of the same kind places the
first and last word of every statement's cue, among the words of the rules' cue and the words
next to it that belong neither to the content nor to the speaker.

Each model is the mean score of ``network.MEMBERS`` small thinc networks, trained by ``sayso train``
from consecutive seeds on PolNeAR's training split; their weights ship in the package
(``sayso/weights/edges.bin``). Without them the edges stay where the rules put them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
import srsly
from spacy.tokens import Doc, Token
from thinc.api import Linear, Model, Relu, chain

from ..analysis import Draft
from ..channels import channel_role
from .network import (EMBED_WIDTH, HIDDEN_WIDTH, TENSOR_WIDTH, blank_for, build, encode,
                      mean_of, pack, unpack)
from .spans import breaks_line_after, to_spans
from .words import SUBJECTS

#: Where ``sayso train`` writes the weights and where sayso reads them.
WEIGHTS = Path(__file__).resolve().parent.parent / "weights" / "edges.bin"

#: The statements whose content edges the model places. A direct quotation keeps the edges of
#: its marks; a mixed one's edges may move, as annotators take in or leave out the words around
#: the quoted part ("it | “absolute chaos”", "said | that “...”").
KINDS = ("indirect", "mixed")
#: How many words either side of the rules' edge may become the edge.
REACH = 10
#: How many words a cue may grow by on either side.
CUE_REACH = 8


@dataclass
class Edge:
    """One edge to place: the words it may fall on, and the one the rules chose."""

    side: str
    candidates: list[Token]
    current: int          # index into candidates
    role: str = ""        # how the rules' content hangs in the parse ("ccomp", "dobj", ...)


def words_of(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the word tokens (no punctuation, no space) the character spans cover."""
    indices = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            indices += [t.i for t in span if not (t.is_punct or t.is_space)]
    return sorted(set(indices))


def edges(doc: Doc, draft: Draft, fences: Collection[int] = ()) -> list[Edge]:
    """The start and end edges of a draft's content, each with the words it may move to: near
    the rules' edge, within its paragraph, never past the other edge, never taking in the cue or
    another of its arguments (the speaker, the addressee of "appealed to the city to ...":
    sayso reports those as speaker and channel, not as content), never over ``fences`` (the
    words of the article's cues, ``cue_words``: "..., while 22 percent said ..." stands apart), and
    never dropping a whole piece of a content in several pieces (a quotation the rules joined
    to a reported sentence stays joined: each edge moves within its own piece)."""
    words = words_of(doc, draft.content)
    if not words:
        return []
    first, last = words[0], words[-1]
    first_piece, last_piece = (words, words) if len(draft.content) == 1 else (
        words_of(doc, draft.content[:1]) or words, words_of(doc, draft.content[-1:]) or words)
    role = _role(doc, words)
    cue = range(draft.cue.start, draft.cue.end) if draft.cue is not None else range(0)
    stops = [*cue, *fences, *_channels_apart(draft, set(words)), *_predicate_of_subject(draft)]
    low = max([first - REACH, _paragraph_start(doc, first)] + [i + 1 for i in stops if i < first])
    high = min([last + REACH, _paragraph_end(doc, last)] + [i - 1 for i in stops if i > last])
    blocked = _other_arguments(draft, set(words))
    found = []
    for side, anchor, start, end in (
            ("start", first, low, min(first + REACH, first_piece[-1])),
            ("end", last, max(last - REACH, last_piece[0]), high)):
        tokens = [t for t in doc[start:end + 1]
                  if not (t.is_punct or t.is_space or t.i in blocked)]
        current = next((n for n, t in enumerate(tokens) if t.i == anchor), None)
        if current is not None:
            found.append(Edge(side, tokens, current, role))
    return found


def cue_words(drafts: Sequence[Draft]) -> set[int]:
    """The words of every statement's cue, which no content edge crosses: counted once per
    article, as a statement's own cue is a fence for it anyway."""
    return {i for d in drafts if d.cue is not None for i in range(d.cue.start, d.cue.end)}


def cue_edges(doc: Doc, draft: Draft) -> list[Edge]:
    """The first and last word of a draft's cue, each with the words it may move to: back
    towards the cue's head, dropping words of the rules' cue ("when asked"), or out within the
    sentence, never into the content, the speaker, an addressee or relay, or a quotation."""
    if draft.cue is None or not any(t.is_alpha for t in draft.cue) or _unowned_noun(draft):
        return []
    blocked = set(words_of(doc, draft.content)) | _beside_cue(draft)
    sent, root = draft.cue.sent, draft.cue.root.i
    found = []
    for side, anchor, step in (("cue-start", draft.cue.start, -1),
                               ("cue-end", draft.cue.end - 1, 1)):
        # the words of the cue between its head and this edge, which the edge may drop
        # ("when asked": "asked"), then the words beyond it, which it may take in
        inner = range(root, anchor + step, step) if (anchor - root) * step >= 0 else []
        reach = [doc[i] for i in inner if not (doc[i].is_punct or doc[i].is_space)]
        i = anchor + step
        while sent.start <= i < sent.end and len(reach) <= CUE_REACH + len(inner):
            token = doc[i]
            if i in blocked or token.is_quote or "\n" in token.text:
                break
            if not (token.is_punct or token.is_space):
                reach.append(token)
            i += step
        tokens = sorted(reach, key=lambda t: t.i)
        current = next((n for n, t in enumerate(tokens) if t.i == anchor), None)
        if current is not None and len(tokens) > 1:
            found.append(Edge(side, tokens, current, "cue"))
    return found


def _unowned_noun(draft: Draft) -> bool:
    """"amid complaints that ...", "stoked speculation that ...": a noun of saying that no one
    in the sentence owns is the whole cue, as annotators draw it; the model, which learned its
    edges from cues that have a speaker, would take in the verb or the preposition before the
    noun ("was drawing complaints", "Despite complaints")."""
    return draft.unattributed and draft.cue.root.pos_ == "NOUN"


def _arguments(verb: Token, channels: tuple[str, ...]) -> list[Token]:
    """The cue verb's dependents that name its speaker (subject, agent) or one of its channels
    of the roles ``channels``: sayso reports those apart from the cue and the content."""
    return [c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "agent" or
            channel_role(verb, c) in channels]


def _beside_cue(draft: Draft) -> set[int]:
    """Words a cue never takes in: the speaker, the channels sayso reports apart from the
    cue (an addressee, "according to Reuters") and the topic of a verb ("said of the plan",
    which PolNeAR's training split leaves out of the cue three times in four). A medium may
    join the cue ("said in an interview"), as annotators draw it; it is still reported as a
    channel too."""
    verb = draft.cue.root
    words = {t.i for c in _arguments(verb, ("addressee", "via")) + [
        c for c in verb.children if c.lower_ == "according" or _topic(c)] for t in c.subtree}
    if draft.subject is not None:
        words |= {t.i for t in draft.subject.subtree}
    return words


def _topic(child: Token) -> bool:
    """"said of the plan": the phrase that names what a verb's statement is about."""
    return child.dep_ == "prep" and child.lower_ == "of" and child.head.pos_ == "VERB"


def _paragraph_start(doc: Doc, i: int) -> int:
    while i > 0 and not breaks_line_after(doc[i - 1]):
        i -= 1
    return i


def _paragraph_end(doc: Doc, i: int) -> int:
    while i + 1 < len(doc) and not breaks_line_after(doc[i]):
        i += 1
    return i


def _other_arguments(draft: Draft, content: set[int]) -> set[int]:
    """Words under the cue's subject and channels (addressee, medium, source relayed through)
    that hold no word of the content."""
    if draft.cue is None:
        return set()
    blocked = set()
    for child in _arguments(draft.cue.root, ("addressee", "medium", "via")):
        subtree = {t.i for t in child.subtree}
        if not subtree & content:
            blocked |= subtree
    return blocked


def _predicate_of_subject(draft: Draft) -> list[int]:
    """"Delgado's plan to shift workers into new accounts ran into opposition", "Donors opposing
    the levy packed the hall": a cue noun that is a clause's subject, or a participle that
    describes that subject, holds its content before the clause's verb, which says what befell
    the plan or what the donors did, not what was planned or opposed."""
    word = draft.cue.root if draft.cue is not None else None
    if word is not None and word.dep_ == "acl" and word.tag_ == "VBG" and \
            word.head.pos_ in ("NOUN", "PROPN"):
        word = word.head
    elif word is not None and word.pos_ != "NOUN":
        return []
    if word is None or word.dep_ not in ("nsubj", "nsubjpass") or word.head.i < word.i:
        return []
    return [word.head.i]


def _channels_apart(draft: Draft, content: set[int]) -> set[int]:
    """The words of the statement's channels outside its content, with the phrase that brings
    them in ("according to the Courier", "in an interview"): sayso reports a channel apart, so
    a content edge never crosses it."""
    words: set[int] = set()
    for span, _ in draft.channels:
        top = span.root
        if {t.i for t in top.subtree} & content:
            continue
        while top.head is not top and not {t.i for t in top.head.subtree} & content:
            top = top.head
        words |= {t.i for t in top.subtree}
    return words


def _role(doc: Doc, words: list[int]) -> str:
    """The dependency of the content's top word: a clause ("ccomp") ends where its sentence
    does far more often than an object ("dobj") does."""
    inside = set(words)
    tops = [i for i in words if doc[i].head.i not in inside or doc[i].head.i == i]
    return doc[tops[0]].dep_ if len(tops) == 1 else "many"


def edge_features(token: Token, edge: Edge, draft: Draft,
                  cue_children: Sequence[tuple[int, int, str]]) -> list[str]:
    """What the model knows of a word that could be an edge: how far it is from the rules'
    edge, its words and parse, how it hangs on the cue, whether a sentence starts or ends at
    it, and how the rules' content hangs in the parse. ``cue_children`` is
    ``_cue_children(draft)``, read once for all the words of one draft."""
    doc, side = token.doc, edge.side
    offset = max(-REACH, min(REACH, token.i - edge.candidates[edge.current].i))
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    cue = draft.cue.root if draft.cue is not None else None
    ends = _ends_sentence(token)
    feats = [f"O={offset}", f"W={token.lower_}",
             f"P={token.pos_}", f"D={token.dep_}", f"PD={token.pos_}|{token.dep_}",
             f"PW={prev.lower_ if prev is not None else '<s>'}",
             f"NW={nxt.lower_ if nxt is not None else '</s>'}",
             f"PP={prev.pos_ if prev is not None else '<s>'}",
             f"NP={nxt.pos_ if nxt is not None else '</s>'}",
             f"SS={token.is_sent_start}",
             f"SE={ends}", f"A={draft.act}",
             f"G={edge.role}|{(offset > 0) - (offset < 0)}",
             f"GE={edge.role}|{ends}", f"LE={token.left_edge.i == token.i}",
             f"RE={token.right_edge.i == token.i}"]
    if cue is not None:
        feats += [f"R={'after' if token.i > cue.i else 'before'}|{offset == 0}",
                  f"C={cue.lemma_.lower()}|{offset == 0}"]
        for left, right, dep in cue_children:
            if left == token.i:
                feats.append(f"CL={dep}")
            if right == token.i:
                feats.append(f"CR={dep}")
        if token.head.i == cue.i:
            feats.append(f"HC={token.dep_}")
    return [f"{side}|{f}" for f in feats]


def _cue_children(draft: Draft) -> list[tuple[int, int, str]]:
    """The first and last word of each phrase that hangs on the cue's head, with its
    dependency: read once per draft, not once per candidate word."""
    if draft.cue is None:
        return []
    return [(c.left_edge.i, c.right_edge.i, c.dep_) for c in draft.cue.root.children]


def _ends_sentence(token: Token) -> bool:
    """The last word of its sentence, or the last before the sentence's closing punctuation."""
    doc, after = token.doc, token.i + 1
    while after < len(doc) and doc[after].is_punct and not doc[after].is_sent_start:
        after += 1
    return after >= len(doc) or bool(doc[after].is_sent_start)


def featurize(edge: Edge, draft: Draft) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The model's input for an edge's candidate words."""
    cue_children = _cue_children(draft)
    return encode(edge.candidates,
                  [edge_features(t, edge, draft, cue_children) for t in edge.candidates])


def build_member() -> Model:
    """The shared network under one hidden layer and one score per candidate word."""
    head = chain(Relu(nO=HIDDEN_WIDTH, nI=EMBED_WIDTH + TENSOR_WIDTH, dropout=0.3),
                 Linear(nO=1, nI=HIDDEN_WIDTH))
    return build("edge_scorer", head, rows=2 ** 12, seed=11)


def build_model(members: Sequence[Model]) -> Model:
    """The mean score of ``members`` networks."""
    return mean_of("edge_ensemble", members)


class EdgeModel:
    """Places content and cue edges with trained weights: one model for each, since the two
    kinds of edge follow different conventions and share little."""

    def __init__(self, content: Model | None, cue: Model | None):
        self.content = content  # None where training saw no edge of the kind
        self.cue = cue

    @classmethod
    def from_bytes(cls, data: bytes) -> EdgeModel:
        models = {}
        for kind, packed in srsly.msgpack_loads(data).items():
            if packed is not None:
                msg = srsly.msgpack_loads(packed)
                models[kind] = blank_for(msg, build_member, build_model)
                unpack(msg, models[kind])
        return cls(models.get("content"), models.get("cue"))

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps({kind: _pack(model) for kind, model in
                                    (("content", self.content), ("cue", self.cue))})

    def refine(self, doc: Doc, drafts: Sequence[Draft]) -> None:
        """Move the content edges of indirect and mixed statements, and the cue edges of all,
        where the models place them; each scores all of a document's edges of its kind at once."""
        fences = cue_words(drafts)
        todo = [(d, (edges(doc, d, fences) if d.kind in KINDS else []) + cue_edges(doc, d))
                for d in drafts]
        todo = [(d, found) for d, found in todo if found]
        if not todo:
            return
        placed: dict[int, dict[str, int]] = {id(d): {} for d, _ in todo}
        for model, is_cue in ((self.content, False), (self.cue, True)):
            batch = [(d, e) for d, found in todo for e in found
                     if e.side.startswith("cue") == is_cue]
            if model is None or not batch:
                continue
            inputs = [featurize(e, d) for d, e in batch]
            scores = numpy.asarray(model.predict(
                (numpy.concatenate([i for i, _ in inputs]),
                 numpy.concatenate([v for _, v in inputs]))))[:, 0]
            offset = 0
            for draft, edge in batch:
                own = scores[offset:offset + len(edge.candidates)]
                placed[id(draft)][edge.side] = edge.candidates[int(own.argmax())].i
                offset += len(edge.candidates)
        for draft, _ in todo:
            _move(doc, draft, placed[id(draft)])


def _pack(model: Model | None) -> bytes | None:
    return None if model is None else pack(model)


def _move(doc: Doc, draft: Draft, placed: dict[str, int]) -> None:
    """Redraw the draft's cue and content between their placed first and last words."""
    if draft.cue is not None:
        first = placed.get("cue-start", draft.cue.start)
        last = placed.get("cue-end", draft.cue.end - 1)
        if first <= draft.cue.root.i <= last:
            draft.cue = doc[first:last + 1]
    if "start" not in placed and "end" not in placed:
        return
    words = words_of(doc, draft.content)
    first, last = placed.get("start", words[0]), placed.get("end", words[-1])
    if last < first or (first == words[0] and last == words[-1]):
        return
    inner = set(words)  # words the rules left out inside the content stay out
    chosen = [i for i in range(first, last + 1) if i in inner or i < words[0] or i > words[-1]]
    spans = to_spans(doc, _with_inner_punct(doc, chosen))
    if spans:
        draft.content = spans


def _with_inner_punct(doc: Doc, indices: list[int]) -> list[int]:
    """Fill the punctuation and space between consecutive words, so that a content reads as
    written ("a, b" stays one span)."""
    filled = set(indices)
    for a, b in zip(indices, indices[1:]):
        if all(doc[j].is_punct or doc[j].is_space for j in range(a + 1, b)):
            filled.update(range(a + 1, b))
    return sorted(filled)


@lru_cache(maxsize=1)
def load_edges(path: Path = WEIGHTS) -> EdgeModel | None:
    """The shipped edge model, or None when the package carries no weights."""
    if not path.is_file():
        return None
    return EdgeModel.from_bytes(path.read_bytes())

