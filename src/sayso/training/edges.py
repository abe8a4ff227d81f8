"""Training the content edge model: where a content begins and ends.

It learns from the statements sayso itself finds (with the cue scorer just trained), so that it
corrects the edges the rules actually draw: each content that overlaps a gold content (Jaccard of
words at least one half) gives one example per edge, a choice among the words near the rules'
edge, labelled with the gold content's first or last word.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc

from ..analysis import Analysis, Draft
from ..cues.edges import KINDS, EdgeModel, build_model, edges, featurize, words_of
from ..cues.learned import CueScorer
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


def examples(docs: Sequence, gold: Sequence[BratDoc], scorer: CueScorer | None) -> list[Choice]:
    """The edges of the contents sayso finds in parsed articles, labelled from the gold."""
    choices = []
    for doc, g in zip(docs, gold):
        targets = [words for words in (set(words_of(doc, s)) for s in g.spans["Content"])
                   if words]
        for draft in unplaced_drafts(doc, scorer):
            found = set(words_of(doc, draft.content))
            match = _best_match(found, targets) if draft.kind in KINDS else None
            if match is None:
                continue
            for edge in edges(doc, draft):
                word = min(match) if edge.side == "start" else max(match)
                label = next((n for n, t in enumerate(edge.candidates) if t.i == word), None)
                if label is not None:
                    choices.append(Choice(*featurize(edge, draft), label, edge.current))
    return choices


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


def accuracy(model, choices: Sequence[Choice]) -> float:
    """Share of edges placed on the gold word."""
    right = 0
    for c in choices:
        scores = numpy.asarray(model.predict((c.ids, c.dense)))[:, 0]
        right += int(scores.argmax()) == c.gold
    return right / max(len(choices), 1)


def fit(train: Sequence[Choice], held: Sequence[Choice], epochs: int = 4, seed: int = 0,
        batch_size: int = 32) -> EdgeModel:
    """Train with Adam on a softmax over each edge's candidates; keep the epoch with the best
    held-out accuracy."""
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(seed)
    model = build_model()
    model.initialize(X=(train[0].ids, train[0].dense))
    optimizer = Adam(0.001)
    rng = numpy.random.default_rng(seed)
    rules = sum(c.current == c.gold for c in held) / max(len(held), 1)
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
        print(f"sayso train: edges epoch {epoch}: held-out edges placed right "
              f"{100 * held_accuracy:.1f}% (rules {100 * rules:.1f}%)", file=sys.stderr)
        if held_accuracy > best_accuracy:
            best_accuracy, best_bytes = held_accuracy, model.to_bytes()
    model.from_bytes(best_bytes)
    return EdgeModel(model)


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
