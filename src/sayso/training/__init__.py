"""Training sayso's learned parts on a PolNeAR-style brat folder (``sayso train``).

Only the training split is ever read: one article in ten of it is held out to choose epochs and
thresholds, so the development split stays unseen. First the cue scorer learns which words head
a cue (``cues``); then, on the statements sayso finds with that scorer, the edge model learns
where a content begins and ends (``edges``). The run is seeded and reproducible on a CPU in a few
minutes; the weights it writes are what the package ships.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..cues import edges as edge_model
from ..cues import learned as cue_model
from ..errors import InputError
from ..evaluate.brat import BratDoc, read_brat
from ..model import RawArticle
from . import cues, edges

__all__ = ["train", "HOLDOUT_EVERY"]

#: Every how many articles one is held out for choosing epochs and thresholds.
HOLDOUT_EVERY = 10
#: Where the package reads its weights, and where training writes them by default.
WEIGHTS_DIR = cue_model.WEIGHTS.parent


def parse(nlp, gold: Sequence[BratDoc]) -> list:
    """Parse the articles the way ``analyze`` does, without sayso's own stage."""
    from ..pipeline import prepare_doc

    docs = []
    raws = (prepare_doc(nlp, RawArticle(id=g.id, text=g.text)) for g in gold)
    with nlp.select_pipes(disable=["sayso"]):
        for done, doc in enumerate(nlp.pipe(raws, batch_size=16), 1):
            docs.append(doc)
            if done % 100 == 0:
                print(f"sayso train: parsed {done} of {len(gold)} articles", file=sys.stderr)
    return docs


def train(directory: Path, out: Path = WEIGHTS_DIR, *, model: str | None = None,
          epochs: int = 4, seed: int = 0) -> tuple[float, float]:
    """Train on the annotated articles under ``directory`` and write ``cues.bin`` and
    ``edges.bin`` into the folder ``out``.

    Returns the held-out mean exact F1 of source, cue and content with the rules alone and with
    both learned parts."""
    from ..nlp import load_model

    gold, warnings = read_brat(directory)
    for warning in warnings:
        print(f"sayso train: {warning}", file=sys.stderr)
    held = [g for n, g in enumerate(gold) if n % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    kept = [g for n, g in enumerate(gold) if n % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    if not held or not kept:
        raise InputError(f"{directory}: too few annotated articles to train on "
                         f"(need at least {HOLDOUT_EVERY})")
    nlp = load_model(model)
    held_docs, kept_docs = parse(nlp, held), parse(nlp, kept)
    scorer, _ = cues.fit(cues.examples(kept_docs, kept), cues.examples(held_docs, held),
                         epochs=epochs, seed=seed)
    rules = cues.choose_threshold(scorer, held_docs, held)
    placer = edges.fit(edges.examples(kept_docs, kept, scorer),
                       edges.examples(held_docs, held, scorer), epochs=epochs, seed=seed)
    learned = cues.end_to_end(scorer, held_docs, held, placer)
    print(f"sayso train: with content and cue edges: held-out mean exact F1 "
          f"{100 * learned:.1f}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    (out / cue_model.WEIGHTS.name).write_bytes(scorer.to_bytes())
    (out / edge_model.WEIGHTS.name).write_bytes(placer.to_bytes())
    return rules, learned
