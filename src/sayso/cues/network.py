"""The network both learned parts share: hashed symbolic features beside the parser's context
vector, under a small head.

Each token is described by up to ``N_FEATURES`` strings (its word, its place in the parse, ...);
their hashed embeddings are summed and set beside ``doc.tensor``, the 96-wide vector spaCy's
small English pipeline computes anyway, so the learned parts cost almost nothing over the parse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy
from spacy.strings import hash_string
from spacy.tokens import Token
from thinc.api import HashEmbed, Model

#: How many symbolic features describe a token; shorter lists are padded.
N_FEATURES = 24
#: Width of the parser's context vector in en_core_web_sm; other pipelines score without it.
TENSOR_WIDTH = 96
EMBED_WIDTH = 64
HIDDEN_WIDTH = 64


#: The feature id that fills a row up to ``N_FEATURES``.
PAD = hash_string("<pad>")


def encode(tokens: Sequence[Token], features: Sequence[Sequence[str]]
           ) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The network's input: one row of hashed feature ids and one context vector per token."""
    ids = numpy.zeros((len(tokens), N_FEATURES), dtype="uint64")
    dense = numpy.zeros((len(tokens), TENSOR_WIDTH), dtype="float32")
    for row, (token, feats) in enumerate(zip(tokens, features)):
        feats = list(feats)[:N_FEATURES]
        ids[row, :len(feats)] = [hash_string(f) for f in feats]
        ids[row, len(feats):] = PAD
        tensor = token.doc.tensor
        if tensor is not None and tensor.ndim == 2 and tensor.shape[1] == TENSOR_WIDTH:
            dense[row] = tensor[token.i]
    return ids, dense


def pack(model: Model, **settings: float) -> bytes:
    """A trained network (or mean of networks) and its settings (a threshold) as the bytes
    ``sayso train`` writes."""
    import srsly

    if "members" in model.attrs:
        settings = {"members": model.attrs["members"], **settings}
    return srsly.msgpack_dumps({"model": model.to_bytes(), **settings})


def unpack(msg: dict, model: Model, **init: numpy.ndarray) -> dict:
    """Load packed weights (``pack``'s bytes, decoded: the caller may read the settings first
    to know what to build) into a freshly built ``model``; returns the settings packed with
    them. The blank input row gives the network its shapes before the weights arrive."""
    model.initialize(X=(numpy.zeros((1, N_FEATURES), dtype="uint64"),
                        numpy.zeros((1, TENSOR_WIDTH), dtype="float32")), **init)
    model.from_bytes(msg["model"])
    return {key: value for key, value in msg.items() if key != "model"}


#: How many networks, trained from consecutive seeds, score together in each learned part:
#: their mean steadies a part against the luck of one training run (see docs/accuracy.md).
MEMBERS = 3


def mean_of(name: str, members: Sequence[Model]) -> Model:
    """A model whose output is the mean output of ``members`` (networks of one shape)."""
    return Model(name, _mean_forward, layers=list(members), init=_init_members,
                 attrs={"members": len(members)})


def blank_for(msg: dict, build_member: Callable[[], Model],
              build_mean: Callable[[Sequence[Model]], Model]) -> Model:
    """A new model of the shape packed weights (``pack``'s bytes, decoded) hold, for
    ``unpack``: the mean of as many networks as were packed, or the single bare network that
    weights written before averaging hold."""
    if "members" not in msg:
        return build_member()
    return build_mean([build_member() for _ in range(int(msg["members"]))])


def _init_members(model: Model, X=None, Y=None) -> None:
    for member in model.layers:
        member.initialize(X=X, Y=Y)


def _mean_forward(model: Model, X, is_train: bool):
    outputs, backprops = zip(*(member(X, is_train) for member in model.layers))
    n = len(outputs)

    def backprop(d_scores):
        for member_backprop in backprops:
            member_backprop(d_scores / n)
        return X

    return sum(outputs) / n, backprop


def build(name: str, head: Model, rows: int, seed: int) -> Model:
    """Summed feature embeddings (``rows`` hash buckets) beside the context vector, into
    ``head``, whose input width is ``EMBED_WIDTH + TENSOR_WIDTH``."""
    embed = HashEmbed(nO=EMBED_WIDTH, nV=rows, seed=seed)
    return Model(name, _forward, init=_init, layers=[embed, head])


def _init(model: Model, X=None, Y=None) -> None:
    for layer in model.layers:
        layer.initialize()


def _forward(model: Model, inputs: tuple[numpy.ndarray, numpy.ndarray], is_train: bool):
    """Many slots of a row are padding (a cue candidate fills about ten of ``N_FEATURES``, an
    edge candidate about eighteen), so the features present are embedded and summed row by row
    and the padding added as one vector times its count: the same sum, up to rounding, for a
    quarter to well over half fewer lookups."""
    ids, dense = inputs
    embed, head = model.layers
    ops = model.ops
    present = ids != PAD
    lengths = present.sum(axis=1).astype("int32")
    pads = (ids.shape[1] - lengths).astype("float32")[:, None]
    vectors, backprop_embed = embed(ids[present], is_train)
    pad, backprop_pad = embed(numpy.asarray([PAD], dtype="uint64"), is_train)
    summed = ops.reduce_sum(vectors, lengths) + pads * pad
    scores, backprop_head = head(ops.xp.hstack([summed, dense]), is_train)

    def backprop(d_scores):
        d_summed = backprop_head(d_scores)[:, :summed.shape[1]]
        backprop_embed(ops.backprop_reduce_sum(ops.xp.ascontiguousarray(d_summed), lengths))
        backprop_pad((pads * d_summed).sum(axis=0, keepdims=True))
        return inputs

    return scores, backprop
