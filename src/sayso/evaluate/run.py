"""Running sayso over an annotated folder: batched through ``analyze_records``, with progress."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..model import Article, Failure, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language

#: Seconds between progress lines when standard error is not a terminal (a log, CI).
PROGRESS_EVERY = 15.0


def analyze_texts(items: Sequence[tuple[str, str]], *, model: str | Language | None = None,
                  batch_size: int = 16) -> Iterator[Article | Failure]:
    """Analyse (id, text) pairs in order, showing progress on stderr.

    A progress bar on a terminal; otherwise a line every ``PROGRESS_EVERY`` seconds, so that a
    long run in a log still shows it is alive. An article sayso cannot analyse comes back as a
    ``Failure`` and the others go on.
    """
    from ..api import analyze_records

    records = (RawArticle(id=article_id, text=text, source=article_id)
               for article_id, text in items)
    results = analyze_records(records, model=model, batch_size=batch_size)
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(results, total=len(items), unit="article", file=sys.stderr, leave=False)
        return
    last = time.monotonic()
    for done, result in enumerate(results, 1):
        if time.monotonic() - last >= PROGRESS_EVERY and done < len(items):
            print(f"sayso: analysed {done} of {len(items)} articles", file=sys.stderr)
            last = time.monotonic()
        yield result
