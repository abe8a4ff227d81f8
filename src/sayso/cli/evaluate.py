"""``sayso eval ggt|polnear|brat DIR``: score sayso against an annotated folder.

Prints the tables (or ``--json``), writes every miss and false positive to ``--errors FILE``.
Exit code 0 when every article was read and analysed, 1 when some were skipped or failed (the
figures cover the rest), 3 when the folder holds nothing to score.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import EXIT_OK, EXIT_PARTIAL, FileError
from .options import add_model_option

FORMATS = {
    "ggt": "Gender Gap Tracker gold: <id>.txt and <id>.gold.json",
    "polnear": "PolNeAR split: text/*.txt and attributions/*.ann (brat standoff)",
    "brat": "any brat folder in PolNeAR's labels (Source, Cue, Content), e.g. corrected "
            "'sayso export --format brat' output; .txt and .ann side by side or PolNeAR's layout",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score sayso against annotated articles",
        description="Run sayso on an annotated folder and print precision, recall and F1. "
                    "See docs/evaluation.md for the metrics.")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for name, help_text in FORMATS.items():
        sub = formats.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("directory", type=Path, metavar="DIR")
        sub.add_argument("--errors", type=Path, metavar="FILE",
                         help="write every miss and false positive, with context, to FILE")
        sub.add_argument("--json", action="store_true", help="print the figures as JSON")
        sub.add_argument("--rules-only", action="store_true",
                         help="leave out the learned cue scorer and the content and cue edges "
                              "(for the ablation)")
        add_model_option(sub)
        sub.set_defaults(func=run)


def _warn(message: str) -> None:
    print(f"sayso: warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..model import Article
    from ..nlp import DEFAULT_MODEL, load_model
    from ..evaluate import brat, ggt, polnear
    from ..evaluate.run import analyze_texts

    started = time.perf_counter()
    if args.format == "ggt":
        gold, warnings = ggt.read_ggt(args.directory)
        module: Any = ggt
        convert = ggt.from_article
        empty: Any = ggt.Prediction(quotes=[])
    else:
        gold, warnings = brat.read_brat(args.directory,
                                        "polnear" if args.format == "polnear" else "auto")
        module, convert, empty = polnear, polnear.from_article, {}
    for w in warnings:
        _warn(w)
    relocated = sum(getattr(d, "relocated", 0) for d in gold)
    if relocated:
        print(f"sayso: note: {relocated} gold speaker mentions sat inside their quote or a word; "
              "scored at the nearest whole-word occurrence outside the quote", file=sys.stderr)

    pairs, failed, statements = [], [], 0
    nlp = load_model(args.model, learned=not args.rules_only)
    for doc, result in zip(gold, analyze_texts([(d.id, d.text) for d in gold], model=nlp)):
        if isinstance(result, Article):
            statements += len(result.statements)
            pairs.append((doc, convert(result)))
        else:   # scored as finding nothing: a failure must cost sayso, not vanish from the figures
            _warn(f"{result.reason}; scored as no statements")
            failed.append(doc.id)
            pairs.append((doc, empty))
    total, results = module.score(pairs)
    elapsed = time.perf_counter() - started

    if args.json:
        print(json.dumps({"format": args.format, "directory": str(args.directory),
                          "model": args.model or DEFAULT_MODEL,
                          "learned": not args.rules_only, "statements": statements,
                          "failed": failed, "seconds": round(elapsed, 1),
                          **total.to_dict()}, indent=2))
    else:
        scored = (f" ({sum(len(p.quotes) for _, p in pairs)} quotations scored: speech only, "
                  "one per content piece)" if args.format == "ggt" else "")
        print(f"sayso eval {args.format} {args.directory}: {total.articles} articles, "
              f"{statements} statements{scored}; {args.model or DEFAULT_MODEL}"
              f"{', rules only' if args.rules_only else ''}, "
              f"{elapsed:.1f} s\n")
        print(total.table())
    if args.errors:
        _write_errors(args.errors, module, results, args)
    return EXIT_PARTIAL if warnings or failed else EXIT_OK


def _write_errors(path: Path, module: Any, results: list[Any], args: argparse.Namespace) -> None:
    mode = ("misses and false positives at coverage > 0.3, and wrong speakers of matched quotes"
            if args.format == "ggt" else "misses and false positives by overlap (Jaccard >= 0.5)")
    try:
        with path.open("w", encoding="utf-8") as f:
            f.write(f"# sayso eval {args.format} {args.directory}: {mode}\n")
            for result in results:
                for line in module.error_lines(result):
                    f.write(line + "\n")
    except OSError as exc:
        raise FileError(f"{path}: cannot write the error report ({exc.strerror})") from None
