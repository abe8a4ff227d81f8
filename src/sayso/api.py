"""The Python API: analyse one article or a stream of them.

The command line, the server and the corpus runner all go through these two functions, so the
same input gives the same statements whichever shell a user runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .errors import InputError
from .ingest import MAX_CHARS, check_text, looks_like_html
from .model import Article, Failure, RawArticle
from .nlp import load_model
from .pipeline import prepare_doc, to_article


def analyze(text_or_html: str, *, id: str = "article", html: bool | None = None,
            model: str | Language | None = None, **metadata: object) -> Article:
    """Analyse one article given as plain text or HTML (detected unless ``html`` says).

    Metadata keywords (``title``, ``url``, ``outlet``, ``published``, ``authors``, ``source``)
    are copied to the result; each is a string (``authors`` a list of them, or one name).
    Raises ``InputError`` for text that cannot be analysed (empty, over ``MAX_CHARS``, a lone
    surrogate), ``ModelError`` for a pipeline that cannot be loaded, and ``TypeError`` for an
    argument of the wrong type (bytes must be decoded first).
    """
    if not isinstance(text_or_html, str):
        raise TypeError(f"analyze() takes the article's text or HTML as a str, not "
                        f"{type(text_or_html).__name__}")
    is_html = looks_like_html(text_or_html) if html is None else html
    raw = RawArticle(id=id, text=None if is_html else text_or_html,
                     html=text_or_html if is_html else None, **metadata)  # type: ignore[arg-type]
    result = next(analyze_records([raw], model=model))
    if isinstance(result, Failure):
        raise InputError(result.reason)
    return result


def analyze_records(records: Iterable[RawArticle | Failure], *,
                    model: str | Language | None = None, batch_size: int = 16,
                    max_chars: int = MAX_CHARS) -> Iterator[Article | Failure]:
    """Analyse a stream of articles in input order; a failure passes through as a ``Failure``.

    Articles are batched through ``nlp.pipe``. One article that breaks analysis becomes a
    ``Failure`` with a one-line reason and never stops the others. The arguments and the model
    are checked when this is called, not at the first result (``TypeError``, ``ValueError``,
    ``ModelError``); a record that is neither a ``RawArticle`` nor a ``Failure`` raises
    ``TypeError`` when the stream reaches it.
    """
    if isinstance(records, (str, bytes, dict, RawArticle)) or \
            not isinstance(records, Iterable):
        raise TypeError(f"analyze_records() takes an iterable of RawArticle records, not "
                        f"{type(records).__name__} (sayso.analyze analyses one text)")
    for name, value in (("batch_size", batch_size), ("max_chars", max_chars)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
    nlp = model if isinstance(model, Language) else load_model(model)
    return _analyze(records, nlp, batch_size, max_chars)


def _analyze(records: Iterable[RawArticle | Failure], nlp: Language, batch_size: int,
             max_chars: int) -> Iterator[Article | Failure]:
    """``analyze_records`` once its arguments are checked: a generator runs none of its body
    until the first result is asked for."""
    ready: list[RawArticle | Failure] = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, (RawArticle, Failure)):
            raise TypeError(f"record {number} is a {type(record).__name__}, not a RawArticle "
                            f"(sayso.RawArticle(id=..., text=...))")
        if isinstance(record, RawArticle):
            try:
                record = check_text(record, max_chars)
            except InputError as exc:
                record = Failure(record.id, record.source, str(exc))
        ready.append(record)
        if len(ready) >= batch_size:
            yield from _run_batch(nlp, ready)
            ready = []
    if ready:
        yield from _run_batch(nlp, ready)


def _run_batch(nlp: Language, batch: list[RawArticle | Failure]) -> Iterator[Article | Failure]:
    raws = [r for r in batch if isinstance(r, RawArticle)]
    docs = [prepare_doc(nlp, r) for r in raws]
    try:
        analysed = dict(zip((id(r) for r in raws), nlp.pipe(docs)))
    except Exception:  # one bad article must not sink the batch: retry one by one, afresh
        analysed = {}
        for raw in raws:
            try:
                analysed[id(raw)] = nlp(prepare_doc(nlp, raw))
            except Exception as exc:  # noqa: BLE001 - reported as the article's failure
                analysed[id(raw)] = Failure(raw.id, raw.source,
                                            f"{raw.source or raw.id}: analysis failed ({exc!r})")
    for record in batch:
        if isinstance(record, Failure):
            yield record
            continue
        result = analysed[id(record)]
        yield result if isinstance(result, Failure) else to_article(record, result)
