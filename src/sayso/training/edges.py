"""Training the edge model: where a content, and a cue, begins and ends.

It learns from the statements sayso itself finds (with the cue scorer just trained), so that it
corrects the edges the rules actually draw: each content that overlaps a gold content (Jaccard of
words at least one half) gives one example per edge, a choice among the words near the rules'
edge, labelled with the gold content's first or last word; each cue that shares a word with a
gold cue gives one example per cue edge in the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc
from thinc.api import Model

from ..analysis import Analysis, Draft
from ..cues.edges import (KINDS, EdgeModel, build_member, build_model, cue_edges, cue_words,
                          edges, featurize, words_of)
from ..cues.learned import CueScorer
from ..cues.network import MEMBERS
from ..evaluate.brat import BratDoc

#: Word overlap a found content needs with a gold content to learn from it.
OVERLAP = 0.5


@dataclass
class Choice:
    """One edge to place: the candidates as model input, the gold word and the rules' word."""

    ids: numpy.ndarray
    dense: numpy.ndarray
    gold: int
    current: int
    side: str


def examples(docs: Sequence, gold: Sequence[BratDoc], scorer: CueScorer | None) -> list[Choice]:
    """The edges of the contents sayso finds in parsed articles, labelled from the gold."""
    choices = []
    for doc, g in zip(docs, gold):
        targets = [words for words in (set(words_of(doc, s)) for s in g.spans["Content"])
                   if words]
        cues = [words for words in (set(words_of(doc, s)) for s in g.spans["Cue"]) if words]
        drafts = unplaced_drafts(doc, scorer)
        fences = cue_words(drafts)
        for draft in drafts:
            found = set(words_of(doc, draft.content))
            match = _best_match(found, targets) if draft.kind in KINDS else None
            to_place = edges(doc, draft, fences) if match is not None else []
            cue = _cue_match(draft, cues)
            if cue is not None:
                to_place += cue_edges(doc, draft)
            for edge in to_place:
                gold = match if edge.side in ("start", "end") else cue
                word = min(gold) if edge.side.endswith("start") else max(gold)
                label = next((n for n, t in enumerate(edge.candidates) if t.i == word), None)
                if label is not None:
                    choices.append(Choice(*featurize(edge, draft), label, edge.current,
                                          edge.side))
    return choices


def _cue_match(draft: Draft, cues: list[set[int]]) -> set[int] | None:
    """The gold cue that shares the most words with the draft's cue, if any does."""
    if draft.cue is None:
        return None
    found = {t.i for t in draft.cue if not (t.is_punct or t.is_space)}
    best = max(cues, key=lambda c: len(c & found), default=None)
    return best if best is not None and best & found else None


def unplaced_drafts(doc: Doc, scorer: CueScorer | None) -> list[Draft]:
    """The statements sayso drafts with ``scorer``, before any edge is placed: what the edge
    model learns to correct."""
    from .. import cues, quotes

    analysis = Analysis.for_doc(doc, scorer)
    quotes.mark(doc, analysis)
    cues.attribute(doc, analysis)
    return analysis.drafts


def _best_match(found: set[int], targets: list[set[int]]) -> set[int] | None:
    best = max(targets, key=lambda t: len(t & found) / len(t | found), default=None)
    if best is None or len(best & found) < OVERLAP * len(best | found):
        return None
    return best


def accuracy(model: Model, choices: Sequence[Choice]) -> float:
    """Share of edges placed on the gold word."""
    right = 0
    for c in choices:
        scores = numpy.asarray(model.predict((c.ids, c.dense)))[:, 0]
        right += int(scores.argmax()) == c.gold
    return right / max(len(choices), 1)


def fit(train: Sequence[Choice], held: Sequence[Choice], epochs: int = 4, seed: int = 0,
        batch_size: int = 32) -> EdgeModel:
    """Train the content and the cue model, each on its own edges."""
    def is_cue(c: Choice) -> bool:
        return c.side.startswith("cue")

    return EdgeModel(*(_fit([c for c in train if is_cue(c) == cue],
                            [c for c in held if is_cue(c) == cue],
                            "cue" if cue else "content", epochs, seed, batch_size)
                       for cue in (False, True)))


def _fit(train: Sequence[Choice], held: Sequence[Choice], kind: str, epochs: int, seed: int,
         batch_size: int) -> Model | None:
    """Train ``MEMBERS`` networks from consecutive seeds and average them; None when there is
    no edge of the kind to learn from."""
    if not train:
        print(f"sayso train: no {kind} edges to learn from", file=sys.stderr)
        return None
    rules = sum(c.current == c.gold for c in held) / max(len(held), 1)
    members = [_fit_member(train, held, kind, epochs, seed + n, batch_size)
               for n in range(MEMBERS)]
    model = build_model(members)
    print(f"sayso train: {kind} edges, {MEMBERS} networks together: held-out edges placed right "
          f"{100 * accuracy(model, held):.1f}% (rules {100 * rules:.1f}%)", file=sys.stderr)
    return model


def _fit_member(train: Sequence[Choice], held: Sequence[Choice], kind: str, epochs: int,
                seed: int, batch_size: int) -> Model:
    """Train one network with Adam on a softmax over each edge's candidates; keep the epoch
    with the best held-out accuracy."""
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(seed)
    model = build_member()
    model.initialize(X=(train[0].ids, train[0].dense))
    optimizer = Adam(0.001)
    rng = numpy.random.default_rng(seed)
    best_accuracy, best_bytes = -1.0, model.to_bytes()
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(train))
        for start in range(0, len(order), batch_size):
            batch = [train[i] for i in order[start:start + batch_size]]
            scores, backprop = model.begin_update(
                (numpy.concatenate([c.ids for c in batch]),
                 numpy.concatenate([c.dense for c in batch])))
            backprop(_softmax_gradient(numpy.asarray(scores)[:, 0], batch))
            model.finish_update(optimizer)
        held_accuracy = accuracy(model, held)
        print(f"sayso train: {kind} edges, seed {seed}, epoch {epoch}: held-out edges placed "
              f"right {100 * held_accuracy:.1f}%", file=sys.stderr)
        if held_accuracy > best_accuracy:
            best_accuracy, best_bytes = held_accuracy, model.to_bytes()
    model.from_bytes(best_bytes)
    return model


def _softmax_gradient(scores: numpy.ndarray, batch: Sequence[Choice]) -> numpy.ndarray:
    """Gradient of the mean cross-entropy of a softmax taken over each edge's candidates."""
    gradient = numpy.zeros_like(scores)
    offset = 0
    for c in batch:
        n = len(c.ids)
        group = numpy.exp(scores[offset:offset + n] - scores[offset:offset + n].max())
        group /= group.sum()
        group[c.gold] -= 1.0
        gradient[offset:offset + n] = group / len(batch)
        offset += n
    return gradient[:, None].astype("float32")
