"""Options several commands share, declared once so that they read and default the same."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..nlp import DEFAULT_MODEL
from ..query_args import iso_day

#: The store a corpus command uses when ``--store`` is not given.
DEFAULT_STORE = "corpus.duckdb"


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=DEFAULT_STORE,
                        help="store file (default: %(default)s)")


def add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help=f"spaCy pipeline to use (default: {DEFAULT_MODEL})")


def whole(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse type for a whole number in a range, so that "--limit -5" is a usage error
    in one line rather than a failure deep inside the command."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else \
                f"at least {minimum}"
            raise argparse.ArgumentTypeError(f"{value} is out of range: it must be {bounds}")
        return value

    return parse


def iso_date(text: str) -> str:
    """An argparse type for a ``YYYY-MM-DD`` date, so that "--since yesterday" is a usage error
    in one line rather than a failed cast inside the store's query."""
    try:
        return iso_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
