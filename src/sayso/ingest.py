"""Ingest: turn files, folders, JSON Lines and standard input into ``RawArticle`` records.

Reading is separated from analysis (as trafilatura separates extraction from output) so that every
shell reads inputs the same way. A bad input never raises out of ``read_inputs``: it becomes a
``Failure`` with a one-line reason, and the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from .errors import InputError
from .model import Failure, RawArticle

#: Articles longer than this are refused: spaCy's parser needs memory in proportion to the
#: length, and no news article comes near it. Override with ``--max-chars``.
MAX_CHARS = 1_000_000

#: Legacy encodings of English-language news pages, preferred when detection is unsure.
USUAL_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16", "utf_16_le", "utf_16_be",
                   "mac_roman")
#: Extracted HTML with fewer words than this is navigation, not an article.
MIN_ARTICLE_WORDS = 5
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
WARC_SUFFIXES = {".warc", ".arc"}

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer detects; refuse binary."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    # UTF-16 and UTF-32 (Windows' "Unicode" text) hold NUL bytes but say so in their byte order
    # mark; UTF-32's marks come first, as its little-endian one starts like UTF-16's. Bytes that
    # do not decode, or decode to NULs, are binary after all.
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if "\x00" not in text[:8192]:
                return text
            break
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(f"{name}: not valid UTF-8 and no text encoding could be detected")
    # Near-ties are common on mostly-ASCII text; prefer the encodings news sites actually use.
    # charset-normalizer names one encoding per group that decodes the bytes alike (cp1250 for
    # cp1252 text, say), so look for a usual one among each near-best match's equivalents.
    low = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= low + 0.05]
    for encoding in USUAL_ENCODINGS:
        for match in near:
            if encoding in match.could_be_from_charset:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return str(near[0])


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document."""
    return bool(_HTML_START.match(text[:2048].encode("utf-8", "ignore")))


def extract_html(raw: RawArticle) -> RawArticle:
    """Fill ``raw.text`` and missing metadata from ``raw.html`` with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(raw.html or "", url=raw.url, with_metadata=True,
                                      include_comments=False)
    text = (doc.text if doc else None) or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{raw.source or raw.id}: HTML page with no article text")
    raw.text = text
    raw.title = raw.title or doc.title
    raw.published = raw.published or doc.date
    raw.outlet = raw.outlet or doc.sitename
    raw.url = raw.url or doc.url
    if not raw.authors and doc.author:
        raw.authors = [a.strip() for a in re.split(r";|\band\b", doc.author) if a.strip()]
    return raw


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_unicode(raw: RawArticle) -> None:
    """Refuse lone surrogates, which a JSON escape such as ``"\\ud800"`` can spell: they are
    not text, and neither spaCy nor a JSON writer can encode them, so they would otherwise
    fail the analysis or its output far from their cause."""
    fields = [("id", raw.id), ("text", raw.text), ("html", raw.html), ("title", raw.title),
              ("url", raw.url), ("outlet", raw.outlet), ("published", raw.published),
              *(("authors", author) for author in raw.authors)]
    for key, value in fields:
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InputError(f"{raw.source or raw.id}: '{key}' is not valid Unicode text "
                             f"(a lone surrogate such as \\ud800)")


def check_text(raw: RawArticle, max_chars: int = MAX_CHARS) -> RawArticle:
    """Refuse texts sayso cannot analyse; HTML is extracted first."""
    check_unicode(raw)
    if raw.text is None and raw.html is not None:
        extract_html(raw)
    text = raw.text or ""
    name = raw.source or raw.id
    if not text.strip():
        raise InputError(f"{name}: empty text")
    if len(text) > max_chars:
        raise InputError(f"{name}: text of {len(text):,} characters is over the limit of "
                         f"{max_chars:,} (--max-chars)")
    if not looks_english(text):
        raw.warnings.append("the text does not look like English; statements may be missed")
    return raw


_ENGLISH = {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with",
            "he", "she", "as", "said", "at", "by", "his", "her", "from", "are", "be", "this",
            "have", "has", "not", "they", "we", "an", "or", "but", "who", "will", "would"}


def looks_english(text: str) -> bool:
    """A cheap check on the share of common English words, so that a user analysing another
    language hears why nothing is found; short texts pass."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 20:
        return True
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.08


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "a number", float: "a number", type(None): "null"}


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages a user of JSON understands."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _as_text(value: Any) -> str | None:
    """A metadata value as text: a string as it is, a number written out (a year, a numeric
    id); None for anything else, which no metadata field can hold."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _from_record(record: Any, default_id: str, source: str,
                 what: str = "a JSON line") -> RawArticle:
    """A record's article. Metadata of the wrong type (an object as ``published``, a number as
    ``authors``) is left out with a warning rather than failing the article or, later, the
    store's string columns."""
    if not isinstance(record, dict):
        raise InputError(f"{source}: {what} must be an object, not {_json_type(record)}")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        field_kind = "column" if what == "a CSV row" else "string"
        raise InputError(f"{source}: {what} needs a 'text' or 'html' {field_kind}")
    warnings: list[str] = []
    meta: dict[str, str | None] = {}
    for key in ("id", "title", "url", "outlet", "published"):
        value = record.get(key)
        meta[key] = _as_text(value)
        if value is not None and meta[key] is None:
            warnings.append(f"'{key}' is {_json_type(value)}, not text; left out")
    authors = record.get("authors")
    items = authors if isinstance(authors, list) else [] if authors is None else [authors]
    names = [_as_text(a) for a in items]
    if any(n is None and a is not None for n, a in zip(names, items)):
        warnings.append("'authors' must be a string or an array of strings; "
                        "what is not text is left out")
    return RawArticle(
        id=meta.pop("id") or default_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        source=source, authors=[n for n in names if n], warnings=warnings, **meta)


def read_jsonl(lines: Iterable[str], stem: str, source: str) -> Iterator[RawArticle | Failure]:
    """One article per JSON line; a malformed line is a Failure, the others still count."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _from_record(json.loads(line), f"{stem}-{number}", where)
        except json.JSONDecodeError as exc:
            yield Failure(f"{stem}-{number}", where, f"{where}: malformed JSON ({exc.msg})")
        except InputError as exc:
            yield Failure(f"{stem}-{number}", where, str(exc))


def read_bytes(data: bytes, name: str, suffix: str = "") -> Iterator[RawArticle | Failure]:
    """Articles in one file's bytes, by its suffix, else by a look at its content."""
    stem = Path(name).stem if name != "-" else "stdin"
    try:
        text = decode(data, name)
    except InputError as exc:
        yield Failure(stem, name, str(exc))
        return
    if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES | TEXT_SUFFIXES
                                     and text.lstrip().startswith("{")) \
            or (name == "-" and _first_line_is_json_object(text)):
        yield from read_jsonl(text.splitlines(), stem, name)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(text, stem, name)
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield RawArticle(id=stem, html=text, source=name)
    else:
        yield RawArticle(id=stem, text=text, source=name)


def _first_line_is_json_object(text: str) -> bool:
    """True when standard input opens with a JSON object on a line of its own (JSON Lines),
    which no article does: ``cat feed.jsonl | sayso analyze -`` reads records, not text."""
    line = text.lstrip().split("\n", 1)[0]
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _files(path: Path) -> Iterator[Path]:
    """The files of a folder, recursively, hidden ones left out; a link to nothing is kept, so
    that reading it reports it as a missing file would be."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if (child.is_file() or (child.is_symlink() and not child.exists())) \
                    and not child.name.startswith("."):
                yield child
    else:
        yield path


def read_inputs(inputs: Iterable[str]) -> Iterator[RawArticle | Failure]:
    """Every article in the inputs: files, folders (recursively) and ``-`` for standard input.

    ``inputs`` is a list of them: one path given alone raises ``TypeError`` when this is
    called, as its letters would otherwise be read as paths, "/" the whole file system.
    """
    if isinstance(inputs, (str, bytes, Path)):
        raise TypeError(f"inputs must be a list of paths, not one {type(inputs).__name__} "
                        f"(write [{str(inputs)!r}])")
    return _read_inputs(inputs)


def _read_inputs(inputs: Iterable[str]) -> Iterator[RawArticle | Failure]:
    """``read_inputs`` once its argument is checked."""
    for item in inputs:
        if item == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "-")
            continue
        path = Path(item)
        if not path.exists():
            yield Failure(path.stem, item, f"{item}: no such file or directory")
            continue
        found = False
        for file in _files(path):
            found = True
            yield from read_file(file)
        if not found:  # else an empty folder would end a command with no word of why
            yield Failure(path.name or item, item,
                          f"{item}: no files in this folder (hidden files are skipped)")


def read_file(file: Path) -> Iterator[RawArticle | Failure]:
    """Articles in one file: WARC and JSON Lines (both optionally gzipped) streamed, other
    gzipped files by their inner suffix, anything else by ``read_bytes``."""
    suffix = file.suffix.lower()
    inner = Path(file.stem).suffix.lower() if suffix == ".gz" else ""
    if suffix in WARC_SUFFIXES or inner in WARC_SUFFIXES:
        yield from read_warc(file)
        return
    if suffix in JSONL_SUFFIXES or inner in JSONL_SUFFIXES:
        yield from stream_jsonl(file)
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Failure(file.stem, str(file), f"{file}: cannot read ({exc.strerror})")
        return
    if suffix == ".gz":
        data, failure = gunzip(data, str(file))
        if data.strip() or failure is None:
            yield from read_bytes(data, str(file)[:-3], inner)
        if failure is not None:
            yield failure
        return
    yield from read_bytes(data, str(file), suffix)


def stream_jsonl(file: Path) -> Iterator[RawArticle | Failure]:
    """A JSON Lines file (gzipped or not) read line by line, so that a dump of millions of
    articles never sits in memory whole. JSON is UTF-8: bytes that are not become U+FFFD. A
    truncated or corrupt gzip file keeps the lines before the damage and adds a Failure."""
    name, gz = str(file), file.suffix.lower() == ".gz"
    stem = Path(name[:-3] if gz else name).stem
    lines_read, damage = 0, ""

    def lines() -> Iterator[str]:
        nonlocal lines_read, damage
        try:
            with file.open("rb") as fh:
                for line in (_gunzip_lines(fh) if gz else fh):
                    lines_read += 1
                    yield line.decode("utf-8", "replace").lstrip("\ufeff")
        except EOFError:
            damage = "truncated gzip file"
        except zlib.error as exc:
            damage = f"corrupt gzip file ({exc})"
        except OSError as exc:
            damage = f"cannot read ({exc.strerror or exc})"

    found = False
    for item in read_jsonl(lines(), stem, name):
        found = True
        yield item
    if damage:
        yield Failure(f"{stem}-end", name, f"{name}: {damage}; {lines_read} complete lines "
                                           "read before the damage")
    elif not found:
        yield Failure(stem, name, f"{name}: empty input")


def _gunzip_lines(fh: BinaryIO, chunk: int = 1 << 20) -> Iterator[bytes]:
    """Complete lines of a gzip stream (several members allowed), each as soon as it is
    decompressed; raises EOFError after the last complete line of a truncated stream."""
    inflater, rest = zlib.decompressobj(wbits=31), b""
    while True:
        data = inflater.unused_data or fh.read(chunk)
        if not data:
            break
        if inflater.eof:  # the next gzip member
            inflater = zlib.decompressobj(wbits=31)
        rest += inflater.decompress(data)
        *lines, rest = rest.split(b"\n")
        for line in lines:
            yield line + b"\n"
    if not inflater.eof:
        raise EOFError("truncated gzip stream")
    if rest.strip():
        yield rest


def gunzip(data: bytes, name: str) -> tuple[bytes, Failure | None]:
    """Decompress gzip data; a truncated or corrupt file keeps its complete lines and adds a
    Failure for the rest, so one damaged download does not lose the articles before the damage."""
    out, rest = b"", data
    try:
        while rest.strip(b"\0"):  # a file may hold several gzip members
            inflater = zlib.decompressobj(wbits=31)
            out += inflater.decompress(rest)
            if not inflater.eof:
                break
            rest = inflater.unused_data
        else:
            return out, None
        reason = "truncated gzip file"
    except zlib.error as exc:
        reason = f"corrupt gzip file ({exc})"
    kept = out[: out.rfind(b"\n") + 1]
    stem = Path(name[:-3] if name.endswith(".gz") else name).stem
    lines = kept.count(b"\n")
    return kept, Failure(f"{stem}-end", name,
                         f"{name}: {reason}; {lines} complete lines read before the damage")


def read_csv(text: str, stem: str, source: str) -> Iterator[RawArticle | Failure]:
    """One article per CSV row with a ``text`` (or ``html``) column and the JSON Lines
    metadata columns; a row without text is a Failure, the others still count."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CHARS * 4))  # article-sized cells
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
        yield Failure(stem, source, f"{source}: a CSV file needs a 'text' or 'html' column")
        return
    number = 1
    try:
        for number, row in enumerate(reader, 2):
            where = f"{source}:{number}"
            try:
                cells = {k: v for k, v in row.items() if v not in ("", None)}  # empty = absent
                yield _from_record(cells, f"{stem}-{number}", where, what="a CSV row")
            except InputError as exc:
                yield Failure(f"{stem}-{number}", where, str(exc))
    except csv.Error as exc:
        yield Failure(f"{stem}-{number + 1}", f"{source}:{number + 1}",
                      f"{source}:{number + 1}: malformed CSV ({exc}); "
                      "the rest of the file is skipped")


def _warc_records(fh: BinaryIO, arc: bool) -> Iterator[Any]:
    """warcio's records of an open WARC file, or ARC file when ``arc``. For a WARC file warcio
    is told the format: left to guess, it reads any line of five words as an ARC header, and so
    a text file named ``.warc`` as a record. A record without the headers
    warcio needs (a response with no target URI) makes warcio fail inside itself on None, and
    a file cut off inside a record's headers makes warcio stop as if the file had ended there;
    both are raised as the unreadable record they are."""
    from warcio.archiveiterator import ArchiveIterator, WARCIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = ArchiveIterator(fh) if arc else WARCIterator(fh)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (AttributeError, TypeError):
            raise ArchiveLoadFailed("a record without the headers it needs") from None
        yield record
    fh.seek(archive.offset)
    if fh.read(4096).strip():
        raise ArchiveLoadFailed("the file ends inside it")


def read_warc(file: Path) -> Iterator[RawArticle | Failure]:
    """HTML responses of a WARC file, each through the HTML path. Requests, metadata and
    other bookkeeping records are not articles and are passed over; a response that is not an
    HTML page (an image, a PDF) becomes a Failure."""
    from warcio.exceptions import ArchiveLoadFailed

    number = found = 0
    arc = ".arc" in (file.suffix.lower(), Path(file.stem).suffix.lower())
    try:
        with file.open("rb") as fh:
            for number, record in enumerate(_warc_records(fh, arc), 1):
                if record.rec_type != "response":
                    continue
                found += 1
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                rid = record_id.removeprefix("urn:uuid:") or f"{file.stem}-{number}"
                where, url = f"{file}#{number}", record.rec_headers.get_header("WARC-Target-URI")
                ctype = (record.http_headers.get_header("Content-Type") or ""
                         if record.http_headers else "")
                if "html" not in ctype.lower():
                    what = ctype or "no content type"
                    yield Failure(rid, where, f"{where}: not an HTML page ({what}"
                                              f"{', ' + url if url else ''})")
                    continue
                body = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:  # bytes promised, never read
                    yield Failure(rid, where, f"{where}: truncated WARC record "
                                              f"({url or 'no URI'}): the file ends inside it")
                    continue
                for item in read_bytes(body, where, ".html"):
                    if isinstance(item, RawArticle):
                        item.id, item.url = rid, url
                    else:
                        item.id = rid
                    yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        yield _warc_failure(file, number, exc)
        return
    if not found:  # else a WARC file of nothing to analyse would pass without a word
        what = f"no response records among its {number}" if number else "empty input"
        yield Failure(file.stem, str(file), f"{file}: {what}")


def _warc_failure(file: Path, number: int, exc: Exception) -> Failure:
    """One line for what stopped the reading of a WARC file after ``number`` records. warcio
    says "Invalid WARC record" of a file whose very first line is no WARC header, that is of a
    file that is no WARC at all, and explains a WARC gzipped as one stream (of which only the
    first record can be read) in a screenful of text."""
    text = str(exc).strip()
    if number == 0 and text.startswith("Invalid WARC record"):
        return Failure(file.stem, str(file), f"{file}: not a WARC file (it does not start "
                                             "with a WARC header line such as WARC/1.0)")
    if "non-chunked gzip" in text:
        return Failure(file.stem, str(file), f"{file}: gzipped as one stream, so only its "
                       f"first record was read; a WARC must be gzipped record by record "
                       f"(`warcio recompress {file} FIXED.warc.gz` rewrites it so)")
    first = text.splitlines()[0] if text else type(exc).__name__
    return Failure(f"{file.stem}-{number + 1}", f"{file}#{number + 1}",
                   f"{file}#{number + 1}: unreadable WARC record ({first}); the rest of the "
                   "file is skipped")
