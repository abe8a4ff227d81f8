"""Options several commands share, declared once so that they read and default the same."""

from __future__ import annotations

import argparse

from ..nlp import DEFAULT_MODEL

#: The store a corpus command uses when ``--store`` is not given.
DEFAULT_STORE = "corpus.duckdb"


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=DEFAULT_STORE,
                        help="store file (default: %(default)s)")


def add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help=f"spaCy pipeline to use (default: {DEFAULT_MODEL})")
