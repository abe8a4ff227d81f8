"""What the corpus store's queries take, checked alike by the command line, the store's Python
API and the web app, each of which reports a refusal its own way (a usage error, ``StoreError``,
a 422). Its only import is ``datetime``: the command line checks its arguments before it loads
DuckDB and pyarrow, which ``sayso.corpus`` imports with the store, hence this module's place
outside that package.
"""

from __future__ import annotations

import re
from datetime import date

#: The largest row count DuckDB takes for LIMIT and OFFSET (a signed 64-bit integer).
MAX_ROWS = 2**63 - 1


def iso_day(text: str) -> str:
    """``text`` as a ``YYYY-MM-DD`` date, or ValueError saying it is not one; checked before a
    query, as DuckDB's own cast would fail from inside it in the words of SQL."""
    # fromisoformat alone would also take "20260101" and "2026-W01-1", which the message and
    # the web app's own date fields refuse.
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(text)):
            return date.fromisoformat(str(text)).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date of the form YYYY-MM-DD")
