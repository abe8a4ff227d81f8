"""Scoring quotations against Gender Gap Tracker gold (``<id>.txt`` beside ``<id>.gold.json``).

The protocol is the anchor's, so that sayso's figures can be set beside the Gender Gap Tracker's
published ones: a prediction matches a gold quote when the word characters they share cover more
than 0.3 (and, stricter, 0.8) of the gold quote's word characters, one-to-one and greedy in gold
order. For matched quotes it asks whether the speaker is right, as written (span) and as a person
(canonical name); per article, whether the right people are listed as quoted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .files import read_text, require_directory
from .report import context, prf_table
from .scoring import (PRF, Ratio, Span, coverage, match_greedy, name_match, overlaps, score_pairs,
                      same_person, word_chars)

#: Coverage a prediction must exceed to match a gold quote: lenient and strict.
THRESHOLDS = (0.3, 0.8)


@dataclass
class GoldQuote:
    """One annotated quote: where it is, who said it (mention and canonical name)."""

    start: int
    end: int
    reference: str | None
    speaker: Span | None = None
    cue: str | None = None


@dataclass
class GoldArticle:
    """An article's text with its annotated quotes and the people it quotes."""

    id: str
    text: str
    quotes: list[GoldQuote]
    sources: list[str] | None = None   # None: not annotated, left out of the people figure
    relocated: int = 0                 # speaker mentions moved by ``_relocate``


@dataclass
class PredictedQuote:
    """What a tool says about one statement: its content spans and its speaker."""

    spans: list[Span]
    speaker: Span | None = None
    name: str | None = None
    kind: str | None = None   # the tool's own kind (direct, indirect, mixed), for the breakdown


@dataclass
class Prediction:
    """A tool's reading of one article: its statements and the named people it lists as quoted."""

    quotes: list[PredictedQuote]
    people: list[str] = field(default_factory=list)


def from_article(article: Article) -> Prediction:
    """sayso's statements as a ``Prediction``; people are speakers resolved to a PERSON entity.

    Only speech counts: the Gender Gap Tracker annotates quotations, not the beliefs and
    findings (``act`` "thought") or stances (``act`` "stance") that sayso also reports. A
    statement whose content its attribution interrupts ("“A,” she said, “B.”") is one quotation
    per piece, as the Gender Gap Tracker annotates it.
    """
    quotes, people = [], []
    for s in article.statements:
        if s.act != "speech":
            continue
        sp = s.speaker
        for span in s.content.spans:
            quotes.append(PredictedQuote(spans=[span], speaker=(sp.start, sp.end) if sp else None,
                                         name=sp.name if sp else None, kind=s.kind))
        entity = article.entity(sp.entity) if sp else None
        if sp and entity is not None and entity.type == "PERSON" and sp.name not in people:
            people.append(sp.name)
    return Prediction(quotes=quotes, people=people)


# --- reading -----------------------------------------------------------------------------------

def read_ggt(directory: Path) -> tuple[list[GoldArticle], list[str]]:
    """Every ``<id>.txt`` with its ``<id>.gold.json``, and one-line warnings for what was skipped.

    Raises ``InputError`` when the folder is missing or holds no usable article.
    """
    require_directory(directory)
    articles, warnings = [], []
    for gold_path in sorted(directory.glob("*.gold.json")):
        article_id = gold_path.name[: -len(".gold.json")]
        text_path = gold_path.with_name(f"{article_id}.txt")
        if not text_path.is_file():
            warnings.append(f"{gold_path}: no {text_path.name} beside it; skipped")
            continue
        try:
            text = read_text(text_path)
            data = json.loads(gold_path.read_text(encoding="utf-8"))
            gold, problems = _parse_gold(article_id, text, data)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            warnings.append(f"{gold_path}: unreadable gold ({exc}); skipped")
            continue
        warnings += [f"{gold_path}: {p}" for p in problems]
        articles.append(gold)
    warnings += [f"{t}: no {t.stem}.gold.json beside it; skipped"
                 for t in sorted(directory.glob("*.txt"))
                 if not t.with_name(f"{t.stem}.gold.json").is_file()]
    if not articles:
        raise InputError(f"{directory}: no <id>.txt with a readable <id>.gold.json")
    return articles, warnings


def _span(value: Any, text: str) -> Span:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise ValueError(f"start/end {start!r}/{end!r} not within the text")
    return start, end


def _misplaced(text: str, speaker: Span, quote: Span) -> bool:
    """A speaker mention inside its own quote, or cutting a word ("he" in "the"), is misplaced."""
    start, end = speaker
    cuts = (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())
    return cuts or overlaps(speaker, quote)


def _relocate(text: str, speaker: Span, quote: Span) -> Span:
    """The whole-word occurrence of the mention's text nearest the quote and outside it.

    Some gold files place a mention by searching for its text, which can land inside a word
    or inside the quote; the mention the annotator meant is the nearest one around the quote.
    """
    mention = re.escape(text[speaker[0]:speaker[1]])
    found = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){mention}(?!\w)", text)
             if not overlaps((m.start(), m.end()), quote)]
    if not found:
        return speaker
    return min(found, key=lambda s: min(abs(s[0] - quote[1]), abs(quote[0] - s[1])))


def _parse_gold(article_id: str, text: str, data: Any) -> tuple[GoldArticle, list[str]]:
    """The gold of one article; a malformed quote is skipped with a warning, not the article."""
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise ValueError("expected an object with a 'quotes' list")
    quotes, problems, relocated = [], [], 0
    for i, q in enumerate(data["quotes"]):
        try:
            start, end = _span(q, text)
            speaker = _span(q["speaker"], text) if q.get("speaker") is not None else None
        except ValueError as exc:
            problems.append(f"quote {i}: {exc}; skipped")
            continue
        if speaker and speaker[0] < speaker[1] and _misplaced(text, speaker, (start, end)):
            moved = _relocate(text, speaker, (start, end))
            relocated += moved != speaker
            speaker = moved
        reference = q.get("reference")
        quotes.append(GoldQuote(start=start, end=end, speaker=speaker, cue=q.get("cue"),
                                reference=reference if isinstance(reference, str) else None))
    sources = data.get("sources")
    if sources is not None and not (isinstance(sources, list)
                                    and all(isinstance(s, str) for s in sources)):
        problems.append("'sources' is not a list of names; left out of the people figure")
        sources = None
    return GoldArticle(id=article_id, text=text, quotes=quotes, sources=sources,
                       relocated=relocated), problems


# --- scoring -----------------------------------------------------------------------------------

@dataclass
class ArticleResult:
    """How one article's predictions line up with its gold, kept for the totals and error report."""

    gold: GoldArticle
    prediction: Prediction
    #: For each threshold, the index of the prediction matched to each gold quote (or None).
    matches: dict[float, list[int | None]]
    #: For each threshold, per matched gold quote index: (speaker span right, canonical right).
    speakers: dict[float, dict[int, tuple[bool, bool]]]
    #: The index in ``prediction.people`` matched to each gold source (or None).
    people: list[int | None] | None


def _speaker_right(gold: GoldQuote, pred: PredictedQuote) -> tuple[bool, bool]:
    canonical = bool(pred.name and gold.reference and same_person(pred.name, gold.reference))
    if gold.speaker is None:   # floating quote: only the person can be checked
        return canonical, canonical
    return bool(pred.speaker and overlaps(pred.speaker, gold.speaker)), canonical


def score_article(gold: GoldArticle, prediction: Prediction) -> ArticleResult:
    """Match one article's predictions to its gold under every threshold."""
    text = gold.text
    gold_sets = [word_chars(text, [(q.start, q.end)]) for q in gold.quotes]
    pred_sets = [word_chars(text, p.spans) for p in prediction.quotes]
    matches: dict[float, list[int | None]] = {}
    speakers: dict[float, dict[int, tuple[bool, bool]]] = {}
    for threshold in THRESHOLDS:
        pairs = match_greedy(gold_sets, pred_sets, coverage, lambda c, t=threshold: c > t)
        matches[threshold] = pairs
        speakers[threshold] = {g: _speaker_right(gold.quotes[g], prediction.quotes[p])
                               for g, p in enumerate(pairs) if p is not None}
    people = None
    if gold.sources is not None:
        people = match_greedy(gold.sources, prediction.people, name_match, lambda s: s > 0)
    return ArticleResult(gold=gold, prediction=prediction, matches=matches, speakers=speakers,
                         people=people)


#: Characters that open a quotation: a gold quote starting with one is "quoted", else "unquoted".
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a"


def gold_kind(gold: GoldArticle, quote: GoldQuote) -> str:
    """ "quoted" for a gold quote in quotation marks, "unquoted" for reported speech."""
    return "quoted" if gold.text[quote.start:quote.end].lstrip()[:1] in QUOTE_MARKS else "unquoted"


@dataclass
class GgtScore:
    """The totals over a set of articles.

    Besides the protocol's figures it breaks the lenient match down by kind (recall of quoted and
    unquoted gold quotes, precision of each kind of prediction), to show where errors come from.
    """

    articles: int = 0
    quotes: dict[float, PRF] = field(default_factory=lambda: {t: PRF() for t in THRESHOLDS})
    speaker_span: dict[float, Ratio] = field(
        default_factory=lambda: {t: Ratio() for t in THRESHOLDS})
    canonical: dict[float, Ratio] = field(
        default_factory=lambda: {t: Ratio() for t in THRESHOLDS})
    people: PRF = field(default_factory=PRF)
    recall_by_gold_kind: dict[str, Ratio] = field(default_factory=dict)
    precision_by_kind: dict[str, Ratio] = field(default_factory=dict)

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        pairs = result.matches[THRESHOLDS[0]]
        for q, p in zip(result.gold.quotes, pairs):
            ratio = self.recall_by_gold_kind.setdefault(gold_kind(result.gold, q), Ratio())
            ratio.right += p is not None
            ratio.total += 1
        used = set(pairs)
        for i, q in enumerate(result.prediction.quotes):
            ratio = self.precision_by_kind.setdefault(q.kind or "unknown", Ratio())
            ratio.right += i in used
            ratio.total += 1
        n_pred, n_gold = len(result.prediction.quotes), len(result.gold.quotes)
        for t in THRESHOLDS:
            matched = result.speakers[t]
            self.quotes[t].add(len(matched), n_pred, n_gold)
            for span_ok, canonical_ok in matched.values():
                self.speaker_span[t].right += span_ok
                self.canonical[t].right += canonical_ok
            self.speaker_span[t].total += len(matched)
            self.canonical[t].total += len(matched)
        if result.people is not None:
            self.people.add(sum(p is not None for p in result.people),
                            len(result.prediction.people), len(result.people))

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotes": {f">{t}": self.quotes[t].to_dict() for t in THRESHOLDS},
            "speaker_span": {f">{t}": self.speaker_span[t].to_dict() for t in THRESHOLDS},
            "canonical_speaker": {f">{t}": self.canonical[t].to_dict() for t in THRESHOLDS},
            "people_quoted": self.people.to_dict(),
            "breakdown": {f">{THRESHOLDS[0]}": {
                "recall_by_gold_kind": {k: r.to_dict()
                                        for k, r in sorted(self.recall_by_gold_kind.items())},
                "precision_by_kind": {k: r.to_dict()
                                      for k, r in sorted(self.precision_by_kind.items())}}},
        }

    def table(self) -> str:
        rows = [(f"quotes (coverage > {t})", self.quotes[t]) for t in THRESHOLDS]
        rows.append(("people quoted", self.people))
        lines = [prf_table(rows), ""]
        for t in THRESHOLDS:
            span, canon = self.speaker_span[t], self.canonical[t]
            lines.append(f"of the {span.total} quotes matched at > {t}: speaker span "
                         f"{span.value:.1%} ({span.right}), canonical speaker {canon.value:.1%} "
                         f"({canon.right})")
        lines.append("")
        lines.append(f"at > {THRESHOLDS[0]}, recall of " + ", ".join(
            f"{k} gold quotes {r.value:.1%} ({r.right}/{r.total})"
            for k, r in sorted(self.recall_by_gold_kind.items())))
        lines.append(f"at > {THRESHOLDS[0]}, precision of " + ", ".join(
            f"{k} {r.value:.1%} ({r.right}/{r.total})"
            for k, r in sorted(self.precision_by_kind.items())))
        return "\n".join(lines)


def score(pairs: list[tuple[GoldArticle, Prediction]]) -> tuple[GgtScore, list[ArticleResult]]:
    """Score every (gold, prediction) pair; the per-article results feed the error report."""
    return score_pairs(pairs, score_article, GgtScore())


# --- error report ------------------------------------------------------------------------------

def _describe(text: str, q: PredictedQuote) -> str:
    speaker = f"{text[q.speaker[0]:q.speaker[1]]!r} -> {q.name!r}" if q.speaker else "none"
    return f"speaker {speaker}"


def error_lines(result: ArticleResult, threshold: float = THRESHOLDS[0]) -> list[str]:
    """Every missed gold quote, false positive and wrong speaker of one article, with context."""
    gold, pred, text = result.gold, result.prediction, result.gold.text
    pairs = result.matches[threshold]
    lines = []
    for g, p in enumerate(pairs):
        q = gold.quotes[g]
        gold_speaker = (f"{text[q.speaker[0]:q.speaker[1]]!r}" if q.speaker else "floating")
        where = f"{gold.id} [{q.start}:{q.end}]"
        if p is None:
            lines.append(f"MISS {where} gold speaker {gold_speaker} -> {q.reference!r}, "
                         f"cue {q.cue!r}\n    {context(text, q.start, q.end)}")
            continue
        span_ok, canonical_ok = result.speakers[threshold][g]
        if not (span_ok and canonical_ok):
            wrong = " and ".join(w for w, ok in (("span", span_ok), ("name", canonical_ok))
                                 if not ok)
            lines.append(f"SPEAKER ({wrong}) {where} gold {gold_speaker} -> {q.reference!r}, "
                         f"predicted {_describe(text, pred.quotes[p])}\n"
                         f"    {context(text, q.start, q.end)}")
    used = {p for p in pairs if p is not None}
    for i, q in enumerate(pred.quotes):
        if i not in used:
            start, end = (q.spans[0][0], q.spans[-1][1]) if q.spans else (0, 0)
            lines.append(f"FALSE POSITIVE ({q.kind}) {gold.id} {q.spans} {_describe(text, q)}\n"
                         f"    {context(text, start, end)}")
    if result.people is not None and gold.sources is not None:
        matched = {p for p in result.people if p is not None}
        lines += [f"PERSON MISSED {gold.id} {name!r}"
                  for name, p in zip(gold.sources, result.people) if p is None]
        lines += [f"PERSON EXTRA {gold.id} {name!r}"
                  for i, name in enumerate(pred.people) if i not in matched]
    return lines
