"""Scoring source, cue and content spans against PolNeAR-style brat annotations.

Each label is scored on its own, as the PolNeAR literature does: a predicted span matches a gold
span of the same label exactly (the same word characters) or by overlap (Jaccard of word characters
at least 0.5), one-to-one and greedy in gold order. A sayso statement gives its speaker mention as
the source, its cue as the cue and its content spans as one (possibly discontinuous) content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from .brat import LABELS, BratDoc
from .report import context, prf_table
from .scoring import PRF, Span, jaccard, match_greedy, score_pairs, word_chars

#: Jaccard of word characters an overlapping match needs.
OVERLAP = 0.5
MODES = ("exact", "overlap")

SpansByLabel = dict[str, list[list[Span]]]


def from_article(article: Article) -> SpansByLabel:
    """sayso's statements as Source, Cue and Content spans."""
    spans: SpansByLabel = {label: [] for label in LABELS}
    for s in article.statements:
        if s.speaker:
            spans["Source"].append([(s.speaker.start, s.speaker.end)])
        if s.cue:
            spans["Cue"].append([(s.cue.start, s.cue.end)])
        spans["Content"].append(list(s.content.spans))
    return spans


@dataclass
class ArticleResult:
    """One article's gold and predicted span sets per label and the matches under each mode."""

    doc: BratDoc
    gold: dict[str, list[frozenset[int]]]
    predicted: dict[str, list[frozenset[int]]]
    pred_spans: SpansByLabel
    matches: dict[tuple[str, str], list[int | None]]


def _distinct(text: str, spans: list[list[Span]]) -> tuple[list[frozenset[int]], list[list[Span]]]:
    """Word-character sets of the spans, a set given twice counted once (one mention, one span)."""
    sets, kept = [], []
    for s in spans:
        chars = word_chars(text, s)
        if chars and chars not in sets:
            sets.append(chars)
            kept.append(s)
    return sets, kept


def score_article(doc: BratDoc, predicted: SpansByLabel) -> ArticleResult:
    """Match one article's predicted spans to its gold, per label, exactly and by overlap."""
    gold_sets = {label: [word_chars(doc.text, s) for s in doc.spans[label]] for label in LABELS}
    pred_sets, pred_spans = {}, {}
    for label in LABELS:
        pred_sets[label], pred_spans[label] = _distinct(doc.text, predicted.get(label, []))
    matches = {}
    for label in LABELS:
        g, p = gold_sets[label], pred_sets[label]
        matches[(label, "exact")] = match_greedy(g, p, lambda a, b: float(a == b and bool(a)),
                                                 lambda s: s > 0)
        matches[(label, "overlap")] = match_greedy(g, p, jaccard, lambda s: s >= OVERLAP)
    return ArticleResult(doc=doc, gold=gold_sets, predicted=pred_sets, pred_spans=pred_spans,
                         matches=matches)


@dataclass
class SpanScore:
    """Totals per (label, mode) over a set of articles."""

    articles: int = 0
    prf: dict[tuple[str, str], PRF] = field(
        default_factory=lambda: {(label, mode): PRF() for label in LABELS for mode in MODES})

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        for (label, mode), pairs in result.matches.items():
            self.prf[(label, mode)].add(sum(p is not None for p in pairs),
                                        len(result.predicted[label]), len(pairs))

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles,
                **{label.lower(): {mode: self.prf[(label, mode)].to_dict() for mode in MODES}
                   for label in LABELS}}

    def table(self) -> str:
        return prf_table([(f"{label.lower()} {mode}", self.prf[(label, mode)])
                          for label in LABELS for mode in MODES])


def score(pairs: list[tuple[BratDoc, SpansByLabel]]) -> tuple[SpanScore, list[ArticleResult]]:
    """Score every (gold, prediction) pair; the per-article results feed the error report."""
    return score_pairs(pairs, score_article, SpanScore())


def error_lines(result: ArticleResult, mode: str = "overlap") -> list[str]:
    """Every gold span missed and every predicted span unmatched under ``mode``, with context."""
    doc, lines = result.doc, []
    for label in LABELS:
        pairs = result.matches[(label, mode)]
        for gold, p in zip(doc.spans[label], pairs):
            if p is None:
                lines.append(f"MISS {label.lower()} {doc.id} {gold}\n"
                             f"    {context(doc.text, gold[0][0], gold[-1][1])}")
        used = {p for p in pairs if p is not None}
        for i, spans in enumerate(result.pred_spans[label]):
            if i not in used:
                lines.append(f"FALSE POSITIVE {label.lower()} {doc.id} {spans}\n"
                             f"    {context(doc.text, spans[0][0], spans[-1][1])}")
    return lines
