"""Training the learned cue scorer: which words head a cue, beyond the lexicon."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from thinc.api import Model

from ..cues.edges import EdgeModel
from ..cues.learned import CueScorer, build_member, build_model, candidates, featurize
from ..cues.network import MEMBERS
from ..cues.words import is_speech_verb
from ..evaluate.brat import BratDoc
from ..model import RawArticle

#: Thresholds tried, end to end on the held-out articles; 1.0 means the rules alone.
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
#: Doubts tried after the threshold is set (0 trusts the lexicon everywhere).
DOUBTS = (0.0, 0.05, 0.1, 0.2, 0.3)


@dataclass
class Examples:
    """Candidate tokens as model input, with their labels (1 for a gold cue's head word) and
    whether the lexicon already lists them (the epoch is chosen on the others, the words only
    the scorer can find)."""

    ids: numpy.ndarray
    dense: numpy.ndarray
    labels: numpy.ndarray
    listed: numpy.ndarray

    def __len__(self) -> int:
        return len(self.labels)


def cue_heads(doc, cue_spans: Sequence[Sequence[tuple[int, int]]]) -> set[int]:
    """The head word of every gold cue: the token of the cue whose syntactic head lies outside
    it ("has" and "not" hang on "criticized" in "has not criticized")."""
    heads = set()
    for fragments in cue_spans:
        tokens = set()
        for start, end in fragments:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                tokens.update(t.i for t in span)
        roots = [i for i in sorted(tokens) if doc[i].head.i not in tokens or doc[i].head.i == i]
        if roots:
            heads.add(roots[0])
    return heads


def examples(docs: Sequence, gold: Sequence[BratDoc]) -> Examples:
    """The candidate tokens of parsed articles as labelled examples."""
    ids, dense, labels, listed = [], [], [], []
    for doc, g in zip(docs, gold):
        tokens = candidates(doc)
        if tokens:
            heads = cue_heads(doc, g.spans["Cue"])
            i, d = featurize(tokens)
            ids.append(i)
            dense.append(d)
            labels.append(numpy.array([t.i in heads for t in tokens], dtype="int64"))
            listed.append(numpy.array([is_speech_verb(t) for t in tokens], dtype=bool))
    return Examples(*(numpy.concatenate(a) for a in (ids, dense, labels, listed)))


def end_to_end(scorer: CueScorer | None, docs: Sequence, gold: Sequence[BratDoc],
               edges: EdgeModel | None = None) -> float:
    """Mean exact F1 of source, cue and content when sayso runs with ``scorer`` (and ``edges``)
    on parsed articles: what the threshold is chosen by, and what training reports."""
    from ..component import Sayso
    from ..evaluate import polnear
    from ..pipeline import to_article

    stage = Sayso(learned=False, cue_scorer=scorer, edge_model=edges)
    pairs = [(g, polnear.from_article(to_article(RawArticle(id=g.id, text=g.text), stage(doc))))
             for doc, g in zip(docs, gold)]
    total, _ = polnear.score(pairs)
    return sum(total.prf[(label, "exact")].f1 for label in ("Source", "Cue", "Content")) / 3


def _f1_at_best_threshold(probs: numpy.ndarray, labels: numpy.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for threshold in numpy.arange(0.2, 0.81, 0.05):
        predicted = probs >= threshold
        tp = int((predicted & (labels == 1)).sum())
        if tp:
            p, r = tp / predicted.sum(), tp / (labels == 1).sum()
            best = max(best, (2 * p * r / (p + r), round(float(threshold), 2)))
    return best


def fit(train: Examples, held: Examples, epochs: int = 4, seed: int = 0,
        batch_size: int = 256) -> tuple[CueScorer, float]:
    """Train ``MEMBERS`` networks from consecutive seeds and average them; the threshold is the
    one with the best held-out F1 on unlisted words (the end-to-end choice comes later)."""
    model = build_model([_fit_member(train, held, epochs, seed + n, batch_size)
                         for n in range(MEMBERS)])
    f1, threshold = _f1_at_best_threshold(_unlisted_probabilities(model, held),
                                          held.labels[~held.listed])
    print(f"sayso train: cue scorer, {MEMBERS} networks together: held-out F1 on unlisted "
          f"words {100 * f1:.1f} at threshold {threshold}", file=sys.stderr)
    return CueScorer(model, threshold), f1


def _fit_member(train: Examples, held: Examples, epochs: int, seed: int,
                batch_size: int) -> Model:
    """Train one network with Adam; keep the epoch with the best held-out F1 on words outside
    the lexicon."""
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(seed)
    model = build_member()
    targets = numpy.eye(2, dtype="float32")[train.labels]
    model.initialize(X=(train.ids[:8], train.dense[:8]), Y=targets[:8])
    optimizer = Adam(0.001)
    order = numpy.arange(len(train))
    rng = numpy.random.default_rng(seed)
    best_f1, best_bytes = -1.0, b""
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            scores, backprop = model.begin_update((train.ids[batch], train.dense[batch]))
            backprop((scores - targets[batch]) / len(batch))
            model.finish_update(optimizer)
        f1, threshold = _f1_at_best_threshold(_unlisted_probabilities(model, held),
                                              held.labels[~held.listed])
        print(f"sayso train: cue scorer, seed {seed}, epoch {epoch}: held-out F1 on unlisted "
              f"words {100 * f1:.1f} at threshold {threshold}", file=sys.stderr)
        if f1 > best_f1:
            best_f1, best_bytes = f1, model.to_bytes()
    model.from_bytes(best_bytes)
    return model


def _unlisted_probabilities(model: Model, held: Examples) -> numpy.ndarray:
    unlisted = ~held.listed
    return numpy.asarray(model.predict((held.ids[unlisted], held.dense[unlisted])))[:, 1]


def choose_threshold(scorer: CueScorer, docs: Sequence, gold: Sequence[BratDoc]) -> float:
    """Set the scorer's threshold, then its doubt, to those with the best held-out end-to-end
    F1 (a threshold of 1.0 and no doubt are the rules alone, kept when nothing beats them);
    returns the held-out F1 of the rules alone."""
    rules = end_to_end(None, docs, gold)
    best = (rules, 1.0)
    for threshold in THRESHOLDS:
        scorer.threshold = threshold
        f1 = end_to_end(scorer, docs, gold)
        print(f"sayso train: threshold {threshold}: held-out mean exact F1 {100 * f1:.1f} "
              f"(rules alone {100 * rules:.1f})", file=sys.stderr)
        best = max(best, (f1, threshold))
    scorer.threshold = best[1]
    if scorer.threshold < 1.0:
        best = (best[0], 0.0)
        for doubt in DOUBTS[1:]:
            scorer.doubt = doubt
            f1 = end_to_end(scorer, docs, gold)
            print(f"sayso train: doubt {doubt}: held-out mean exact F1 {100 * f1:.1f}",
                  file=sys.stderr)
            best = max(best, (f1, doubt))
        scorer.doubt = best[1]
    return rules
