"""What the corpus store's queries take, checked alike by the command line, the store's Python
API and the web app, each of which reports a refusal its own way (a usage error, ``StoreError``,
a 422). Its only import is ``datetime``: the command line checks its arguments before it loads
DuckDB and pyarrow, which ``sayso.corpus`` imports with the store, hence this module's place
outside that package.
"""

from __future__ import annotations

from datetime import date

#: The largest row count DuckDB takes for LIMIT and OFFSET (a signed 64-bit integer).
MAX_ROWS = 2**63 - 1


def iso_day(text: str) -> str:
    """``text`` as a ``YYYY-MM-DD`` date, or ValueError saying it is not one; checked before a
    query, as DuckDB's own cast would fail from inside it in the words of SQL."""
    try:
        return date.fromisoformat(str(text)).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date of the form YYYY-MM-DD") from None
