"""Running sayso over an annotated folder: batched through ``analyze_records``, with progress."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence

from ..model import Article, Failure, RawArticle


def analyze_texts(items: Sequence[tuple[str, str]], *, model: str | None = None,
                  batch_size: int = 16) -> Iterator[Article | Failure]:
    """Analyse (id, text) pairs in order; a progress bar on stderr when it is a terminal.

    An article sayso cannot analyse comes back as a ``Failure`` and the others go on.
    """
    from tqdm import tqdm

    from ..api import analyze_records

    records = (RawArticle(id=article_id, text=text, source=article_id)
               for article_id, text in items)
    results = analyze_records(records, model=model, batch_size=batch_size)
    yield from tqdm(results, total=len(items), unit="article", file=sys.stderr,
                    disable=not sys.stderr.isatty(), leave=False)
