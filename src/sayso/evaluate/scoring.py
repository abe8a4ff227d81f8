"""What every scorer shares: word-character span sets, one-to-one greedy matching, name matching.

Spans are compared on their word characters only, so that a prediction that includes or leaves out
a quotation mark, a comma or a space is not penalised: annotators disagree on exactly those.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")
R = TypeVar("R")

Span = tuple[int, int]

_WORD = re.compile(r"\w")
_NON_SPACE = re.compile(r"\S")


def word_chars(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """The offsets of the word characters (letters, digits, underscore) covered by ``spans``.

    A span of punctuation alone (PolNeAR annotates the colon of "Trump: ..." as a cue) falls back
    to its non-space characters, so that it can still be matched.
    """
    spans = list(spans)
    found = frozenset(m.start() for start, end in spans for m in _WORD.finditer(text, start, end))
    return found or frozenset(m.start() for start, end in spans
                              for m in _NON_SPACE.finditer(text, start, end))


def coverage(gold: frozenset[int], pred: frozenset[int]) -> float:
    """The share of the gold word characters that the prediction covers (0 for an empty gold)."""
    return len(gold & pred) / len(gold) if gold else 0.0


def jaccard(gold: frozenset[int], pred: frozenset[int]) -> float:
    """Shared word characters over the word characters of either (0 when both are empty)."""
    union = len(gold | pred)
    return len(gold & pred) / union if union else 0.0


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_greedy(gold: Sequence[G], pred: Sequence[P], score: Callable[[G, P], float],
                 accept: Callable[[float], bool]) -> list[int | None]:
    """Pair each gold item, in gold order, with the best unused prediction that ``accept`` allows.

    Returns, for each gold item, the index of its prediction or None. One-to-one: a prediction
    serves at most one gold item. Ties go to the earlier prediction.
    """
    used: set[int] = set()
    pairs: list[int | None] = []
    for g in gold:
        best: int | None = None
        best_score = 0.0
        for i, p in enumerate(pred):
            if i in used:
                continue
            s = score(g, p)
            if accept(s) and (best is None or s > best_score):
                best, best_score = i, s
        if best is not None:
            used.add(best)
        pairs.append(best)
    return pairs


@dataclass
class PRF:
    """Counts behind precision, recall and F1, summed over articles (micro-averaged)."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"matched": self.matched, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Ratio:
    """A share of cases that came out right (speaker accuracy), with its counts."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


# Titles and suffixes that say nothing about which person a name is.
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
           "lady", "rev", "hon", "sen", "senator", "rep", "gov", "governor", "president",
           "premier", "prime", "minister", "mayor", "chief", "justice", "judge", "gen", "col",
           "capt", "sgt", "lt", "det", "const", "insp", "supt"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md"}


def name_tokens(name: str) -> list[str]:
    """A name folded for comparison: accents and case removed, a leading "the", titles and
    suffixes dropped ("The J.R. Lyle Institute" and "J.R. Lyle Institute" are one name), and
    joint names compared without their separator ("A and B", "A; B")."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    tokens = [t for t in re.findall(r"[\w'-]+", folded.replace(".", " ")) if t != "and"]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree where both have one: equal, or one is the other's initial."""
    return all(x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(a, b))


def name_match(a: str, b: str) -> float:
    """How surely two names denote one person: 2 equal after folding, 1 compatible, 0 not.

    Compatible means the same surname (last word) and given names that do not contradict each
    other: "Tallis" and "R. Tallis" are compatible with "Justice Rhea Tallis", "J. Tallis" is not.
    A missing given name never contradicts, since articles often name a person by surname alone.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 2.0
    if ta[-1] == tb[-1] and _given_compatible(ta[:-1], tb[:-1]):
        return 1.0
    return 0.0


def same_person(a: str, b: str) -> bool:
    """Whether two canonical names denote the same person (see ``name_match``)."""
    return name_match(a, b) > 0


def score_pairs(pairs: Iterable[tuple[Any, Any]], score_article: Callable[[Any, Any], R],
                total: Any) -> tuple[Any, list[R]]:
    """Score each (gold, prediction) pair and add it to ``total`` (an object with ``add``);
    returns the total and the per-article results, which feed the error report."""
    results = [score_article(gold, pred) for gold, pred in pairs]
    for result in results:
        total.add(result)
    return total, results
