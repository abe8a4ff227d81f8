"""A learned cue detector: which words attribute, beyond what the lexicon lists.

News attributes with a long tail of words no hand list covers ("touted", "mocked", "is backing",
"pushed for"): in PolNeAR's training split a third of the cues are words outside the lexicon. This
model scores every verb, noun and adjective by how likely it is the head of an attribution cue,
from its words, its place in the parse and the parser's own context vector (``doc.tensor``), so
that a word is a cue in one sentence and not in another.

The model is a small thinc network trained by ``sayso train`` on PolNeAR's training split only;
its weights ship in the package (``sayso/weights/cues.bin``). Without them sayso runs on its
rules alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy
import srsly
from spacy.tokens import Token
from thinc.api import Model, Relu, Softmax, chain

from .network import (EMBED_WIDTH, HIDDEN_WIDTH, TENSOR_WIDTH, blank_for, build, encode,
                      mean_of, pack, unpack)
from .words import SUBJECTS

#: Where ``sayso train`` writes the weights and where sayso reads them.
WEIGHTS = Path(__file__).resolve().parent.parent / "weights" / "cues.bin"

#: Parts of speech a cue's head word takes (verbs nearly always; "criticism", "critical").
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})

#: Score at or above which a word counts as a cue (set from held-out training data).
THRESHOLD = 0.5

#: Score at or above which a verb joined by "and"/"but" to a drafted cue, sharing its subject,
#: counts as a cue too ("endorsed the mayor but also has praise for ..."): the drafted cue is
#: evidence the model's own score leaves out. In PolNeAR's kept training articles (which the
#: scorer learned from, so its scores there run high) the verbs between this score and
#: ``THRESHOLD`` drafted 40 statements, 22 matching a gold content; in the held-out ones 1 of 1.
LEANING = 0.25


class Verdicts(NamedTuple):
    """Indices of a Doc's scored tokens by what the scorer makes of them."""
    picked: set[int]    # cue heads
    leaning: set[int]   # not picked, but scored at or above ``LEANING``
    doubted: set[int]   # verbs scored below the scorer's ``doubt``


def candidates(tokens: Iterable[Token]) -> list[Token]:
    """The tokens the model scores (of a Doc, or of any tokens): content words that can head a
    cue."""
    return [t for t in tokens if t.pos_ in CANDIDATE_POS and t.is_alpha]


def token_features(token: Token) -> list[str]:
    """What the model knows of a token besides the context vector: its word, the words around
    it and its place in the parse (whose subject it has, what clause or object hangs on it)."""
    lemma = token.lemma_.lower()
    head = token.head
    feats = [f"L={lemma}", f"T={token.tag_}", f"D={token.dep_}", f"LD={lemma}|{token.dep_}",
             f"H={head.lemma_.lower()}|{token.dep_}", f"HP={head.pos_}",
             f"PREV={token.nbor(-1).lower_ if token.i > 0 else '<s>'}",
             f"NEXT={token.nbor(1).lower_ if token.i + 1 < len(token.doc) else '</s>'}"]
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        feats.append("S=none")
    else:
        kind = subject.ent_type_ or ("PRON" if subject.pos_ == "PRON" else subject.pos_)
        feats += [f"S={subject.dep_}|{kind}", f"LS={lemma}|{kind}"]
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "dobj", "prep", "prt", "mark", "neg", "dative",
                          "acomp", "attr", "advcl", "agent"):
            word = child.lower_ if child.dep_ in ("prep", "prt", "mark") else child.pos_
            feats += [f"C={child.dep_}", f"LC={lemma}|{child.dep_}|{word}"]
    return feats  # the network keeps the first N_FEATURES


def featurize(tokens: Sequence[Token]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The model's input for ``tokens``."""
    return encode(tokens, [token_features(t) for t in tokens])


def build_member() -> Model:
    """The shared network under one hidden layer and two classes (cue head or not)."""
    head = chain(Relu(nO=HIDDEN_WIDTH, nI=EMBED_WIDTH + TENSOR_WIDTH, dropout=0.2),
                 Softmax(nO=2, nI=HIDDEN_WIDTH))
    return build("cue_scorer", head, rows=2 ** 14, seed=7)


def build_model(members: Sequence[Model]) -> Model:
    """The mean probabilities of ``members`` networks."""
    return mean_of("cue_ensemble", members)


class CueScorer:
    """Scores a Doc's candidate tokens with trained weights."""

    def __init__(self, model: Model, threshold: float = THRESHOLD, doubt: float = 0.0):
        self.model = model
        self.threshold = threshold
        #: Score below which a listed verb with no clause of its own (a stance, "criticized
        #: the plan", or a guess, "mentioned the repeal") is no cue; 0 trusts the lexicon
        #: everywhere. Chosen in training, like the threshold.
        self.doubt = doubt

    @classmethod
    def from_bytes(cls, data: bytes) -> CueScorer:
        msg = srsly.msgpack_loads(data)
        model = blank_for(msg, build_member, build_model)
        settings = unpack(msg, model, Y=numpy.zeros((1, 2), dtype="float32"))
        return cls(model, float(settings["threshold"]), float(settings.get("doubt", 0.0)))

    def to_bytes(self) -> bytes:
        return pack(self.model, threshold=self.threshold, doubt=self.doubt)

    def probabilities(self, tokens: Sequence[Token]) -> numpy.ndarray:
        """For each token, how likely it heads a cue."""
        if not tokens:
            return numpy.zeros(0, dtype="float32")
        scores = self.model.predict(featurize(tokens))
        return numpy.asarray(scores)[:, 1]

    def verdicts(self, tokens: Sequence[Token]) -> Verdicts:
        """What the model makes of each of ``tokens``: a cue head, a leaning, a doubted verb."""
        scored = list(zip(tokens, self.probabilities(tokens)))
        return Verdicts({t.i for t, p in scored if p >= self.threshold},
                        {t.i for t, p in scored if LEANING <= p < self.threshold},
                        {t.i for t, p in scored if p < self.doubt and t.pos_ == "VERB"})


@lru_cache(maxsize=1)
def load_scorer(path: Path = WEIGHTS) -> CueScorer | None:
    """The shipped cue scorer, or None when the package carries no weights."""
    if not path.is_file():
        return None
    return CueScorer.from_bytes(path.read_bytes())
