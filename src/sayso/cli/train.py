"""``sayso train DIR``: train the learned cue scorer and the content and cue edges on a
PolNeAR-style training split.

Writes the weights the package ships (or into ``--out DIR``) and prints the held-out figures the
epochs and threshold were chosen by. Exit code 0 on success, 3 when the folder holds too few
annotated articles, 4 when the spaCy pipeline cannot be loaded.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .options import add_model_option, whole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train", help="train the learned cue scorer and the content and cue edges on annotated "
                      "articles",
        description="Train the learned cue scorer and the content and cue edge models on a "
                    "PolNeAR-style folder (text/*.txt and attributions/*.ann). Use the training "
                    "split only: the development split is for measuring. One article in ten is "
                    "held out to choose the number of epochs and the threshold. See "
                    "docs/accuracy.md.")
    parser.add_argument("directory", type=Path, metavar="DIR")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="folder to write cues.bin and edges.bin into "
                             "(default: the package's own)")
    parser.add_argument("--epochs", type=whole(1), default=4, help="epochs (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    add_model_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..training import WEIGHTS_DIR, train  # spaCy and thinc: only when training

    out = args.out or WEIGHTS_DIR
    rules, learned = train(args.directory, out, model=args.model, epochs=args.epochs,
                           seed=args.seed)
    print(f"sayso train: wrote {out}; held-out mean exact F1 of source, cue and content: "
          f"{100 * rules:.1f} with the rules alone, {100 * learned:.1f} with the learned parts")
    return 0
