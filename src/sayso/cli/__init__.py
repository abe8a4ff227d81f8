"""The ``sayso`` command: a thin shell over the Python API.

Each sub-command lives in its own module with ``register(subparsers)``, which adds its parser and
sets ``func`` to a function taking the parsed arguments and returning an exit code. Modules import
their heavy dependencies inside that function, so ``sayso --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from ..errors import EXIT_FILE, EXIT_INTERRUPTED, EXIT_USAGE, SaysoError

#: Sub-command modules, in the order ``sayso --help`` lists them.
COMMAND_MODULES = ["analyze", "evaluate", "train", "run", "query", "export", "serve"]


class _Parser(argparse.ArgumentParser):
    """Reports a usage error in one line, as every other error is reported, with where to look
    for the usage; sub-command parsers are of the same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sayso",
        description="Who said what, according to whom: attributed statements from news articles.",
        epilog="Exit codes: 0 ok, 1 some inputs failed, 2 usage, 3 no usable input, "
               "4 model not loadable, 5 store error, 6 file or folder not readable or writable, "
               "130 interrupted.")
    from .. import __version__
    parser.add_argument("--version", action="version", version=f"sayso {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except SaysoError as exc:
        print(f"sayso: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("sayso: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except OSError as exc:  # an output folder that is a file, no permission, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"sayso: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_FILE
