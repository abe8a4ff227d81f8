"""Errors a user can act on, each with the exit code the command line documents for it.

Anything raised from here is reported as one line (``sayso: error: ...``), never as a traceback.
"""

from __future__ import annotations

# Exit codes, documented in docs/cli.md.
EXIT_OK = 0
EXIT_PARTIAL = 1      # some inputs could not be analysed; the others were
EXIT_USAGE = 2        # wrong arguments
EXIT_NO_INPUT = 3     # nothing could be analysed: missing, empty or unreadable input
EXIT_MODEL = 4        # the spaCy pipeline could not be loaded
EXIT_STORE = 5        # the corpus store could not be opened or written
EXIT_FILE = 6         # a file or folder could not be read or written: a folder that is a file,
                      # no permission, a full disk
EXIT_INTERRUPTED = 130


class SaysoError(Exception):
    """Base of the errors sayso reports as one line."""

    exit_code = EXIT_PARTIAL


class UsageError(SaysoError):
    """Settings a command cannot run with that argparse cannot see alone, such as a port
    already in use or an output that does not fit the format."""

    exit_code = EXIT_USAGE


class InputError(SaysoError):
    """An input that cannot be read as an article."""

    exit_code = EXIT_NO_INPUT


class ModelError(SaysoError):
    """A spaCy pipeline that cannot be loaded or lacks what sayso needs."""

    exit_code = EXIT_MODEL


class FileError(SaysoError):
    """A file or folder sayso is asked to write that cannot be."""

    exit_code = EXIT_FILE


class StoreError(SaysoError):
    """A corpus store that cannot be opened, read or written."""

    exit_code = EXIT_STORE
