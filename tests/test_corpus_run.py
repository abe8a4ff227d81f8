"""``sayso run`` on a corpus mixing good articles with every kind of bad input.

The run must finish, store every good article, give every bad input an error row that
``sayso errors`` lists, and print no traceback.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus_articles import corpus  # noqa: E402

from sayso.corpus import Store  # noqa: E402

SAYSO = str(Path(sys.executable).with_name("sayso"))

PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article>
<h1>{title}</h1><p>{p1}</p><p>{p2}</p><p>{p3}</p></article></body></html>"""


def _warc(path: Path, articles: list[dict]) -> None:
    """A WARC with HTML responses for ``articles``, plus an image response, a request record
    and a warcinfo record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        for n, art in enumerate(articles):
            paras = str(art["text"]).split("\n")
            html = PAGE.format(title=art["title"], p1=paras[0], p2=paras[1], p3=paras[2])
            url = f"https://news.example/story-{n}"
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], protocol="")))
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()),
                http_headers=StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")],
                    protocol="HTTP/1.1")))
        writer.write_record(writer.create_warc_record(
            "https://news.example/photo.jpg", "response",
            payload=io.BytesIO(b"\xff\xd8\xff\xe0JFIF"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")],
                                          protocol="HTTP/1.1")))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("mixed")
    inputs = root / "in"
    inputs.mkdir()
    arts = corpus(24, seed=11)
    good: set[str] = set()
    bad: set[str] = set()  # sources expected in the errors table

    # JSON Lines with two malformed lines, a line without text, a duplicate id with another
    # text (an error), the same article again (skipped) and the same text under a new id.
    lines = [json.dumps(a) for a in arts[:8]]
    good |= {str(a["id"]) for a in arts[:8]}
    lines.insert(3, '{"id": "broken", "text": "unterminated')
    lines.insert(6, "[1, 2, 3]")
    lines.append(json.dumps({"id": "notext", "title": "No text here"}))
    lines.append(json.dumps({**arts[9], "id": arts[0]["id"]}))
    lines.append(json.dumps(arts[1]))
    lines.append(json.dumps({**arts[2], "id": "copy-of-2", "outlet": "Copycat Daily"}))
    (inputs / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad |= {f"{inputs / 'feed.jsonl'}:{n}" for n in (4, 7, 11, 12)}

    # gzip-compressed JSON Lines, and a truncated one whose first complete lines still count.
    with gzip.open(inputs / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a) + "\n" for a in arts[10:13])
    good |= {str(a["id"]) for a in arts[10:13]}
    whole = gzip.compress("".join(json.dumps(a) + "\n" for a in arts[13:16]).encode())
    (inputs / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])
    bad.add(str(inputs / "cut.jsonl.gz"))

    # CSV with a text column, one row without text.
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["id", "title", "outlet", "published", "text"])
    writer.writeheader()
    for a in arts[16:19]:
        writer.writerow({k: a[k] for k in writer.fieldnames})
    writer.writerow({"id": "empty-row", "title": "Nothing", "outlet": "", "published": "",
                     "text": ""})
    (inputs / "sheet.csv").write_text(buf.getvalue(), encoding="utf-8")
    good |= {str(a["id"]) for a in arts[16:19]}
    bad.add(f"{inputs / 'sheet.csv'}:5")

    # WARC: two HTML responses (good), an image response (error), requests and warcinfo (skipped).
    _warc(inputs / "crawl.warc", arts[19:21])
    bad.add(f"{inputs / 'crawl.warc'}#6")  # warcinfo, 2 x (request, response), then the image

    # Single files: two good texts and the bad inputs of the core issue.
    for a in arts[21:23]:
        (inputs / f"{a['id']}.txt").write_text(str(a["text"]), encoding="utf-8")
        good.add(str(a["id"]))
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (inputs / "huge.txt").write_bytes(b"the harbour stays shut " * 900_000)  # ~20 MB, one line
    (inputs / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    bad |= {str(inputs / n) for n in ("empty.txt", "binary.txt", "huge.txt", "nav.html")}
    (inputs / "latin.txt").write_bytes(bytes(range(128, 256)) * 4)  # invalid UTF-8, no encoding
    # Stored with a warning, as a best-effort result: unbalanced quotes, a text not in English.
    (inputs / "unbalanced.txt").write_text(
        "Dock workers gathered at the gate on Friday morning.\n“We will not move until the "
        "offer changes, said Tomas Reyes, the union president.\nThe port was quiet.\n",
        encoding="utf-8")
    (inputs / "german.txt").write_text(
        "Die Bürgermeisterin sagte am Dienstag, dass der Hafen bis zum Ende der Woche "
        "geschlossen bleibe. Die Gewerkschaft wolle weiter verhandeln, sagte ihr Sprecher. "
        "Viele Familien warten seit Wochen auf eine Lösung und die Geschäfte in der Stadt "
        "haben kaum noch Waren in den Regalen.\n", encoding="utf-8")

    store = root / "corpus.duckdb"
    proc = subprocess.run([SAYSO, "run", str(inputs), "--store", str(store), "--workers", "2"],
                          capture_output=True, text=True, timeout=240)
    return {"proc": proc, "store": store, "good": good, "bad": bad, "inputs": inputs,
            "arts": arts}


def test_run_completes_with_partial_exit_code_and_no_traceback(mixed: dict) -> None:
    proc = mixed["proc"]
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "articles analysed" in proc.stderr and "statements" in proc.stderr


def test_every_good_article_is_stored_once(mixed: dict) -> None:
    with Store(mixed["store"], read_only=True) as store:
        ids = [r[0] for r in store.sql("SELECT id FROM articles WHERE duplicate_of IS NULL")[1]]
        assert len(ids) == len(set(ids))
        assert mixed["good"] <= set(ids)
        # The same text under another id is recorded as a duplicate, not analysed again.
        dup = store.sql("SELECT duplicate_of, outlet FROM articles WHERE id = 'copy-of-2'")[1]
        assert dup == [(mixed["arts"][2]["id"], "Copycat Daily")]
        # HTML from the WARC went through extraction and analysis.
        warc_rows = store.sql("SELECT count(*), sum(n_statements) FROM articles "
                              "WHERE source LIKE '%crawl.warc#%'")[1][0]
        assert warc_rows[0] == 2 and warc_rows[1] > 0
        assert store.summary()["statements"] > 0


def test_every_bad_input_has_an_error_row(mixed: dict) -> None:
    with Store(mixed["store"], read_only=True) as store:
        errors = store.errors()
        sources = {e["source"] for e in errors}
        assert mixed["bad"] <= sources
        assert all(e["reason"] and "\n" not in e["reason"] for e in errors)
        stored = {r[0] for r in store.sql("SELECT source FROM articles")[1]}
    assert "image/jpeg" in next(e["reason"] for e in errors if "crawl.warc#" in e["source"])
    latin = str(mixed["inputs"] / "latin.txt")
    assert latin in sources | stored  # undecodable: an error, or a best-effort article
    with Store(mixed["store"], read_only=True) as store:
        for name, warning in (("unbalanced", "quotation mark"), ("german", "English")):
            article = store.article(name)
            assert article is not None, name
            assert any(warning in w for w in article.warnings), (name, article.warnings)
    # The duplicate id with another text is an error; the exact repeat of an article is not.
    dup_reason = next(e["reason"] for e in errors if e["source"].endswith("feed.jsonl:12"))
    assert "duplicate id" in dup_reason
    assert not any(e["source"].endswith("feed.jsonl:13") for e in errors)


def test_sayso_errors_lists_them(mixed: dict) -> None:
    out = subprocess.run([SAYSO, "errors", "--store", str(mixed["store"]), "--limit", "100"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for source in mixed["bad"]:
        assert source in out.stdout


def test_a_page_cut_short_says_more_rows_follow(mixed: dict) -> None:
    """`sayso errors` showed its first rows (20 by default) as if they were all; a cut page now
    says how to see the next, and the last page says nothing."""
    store = ["--store", str(mixed["store"])]
    with Store(mixed["store"], read_only=True) as opened:
        total = len(opened.errors())
    assert total >= 3
    first = subprocess.run([SAYSO, "errors", *store, "--limit", "2"],
                           capture_output=True, text=True, timeout=60)
    assert first.returncode == 0 and len(first.stdout.splitlines()) == 2
    assert first.stderr == "sayso: more rows follow; --offset 2 shows the next 2\n"
    rest = subprocess.run([SAYSO, "errors", *store, "--offset", "2", "--limit", str(total)],
                          capture_output=True, text=True, timeout=60)
    assert rest.stderr == "" and len(rest.stdout.splitlines()) == total - 2
    listed = subprocess.run([SAYSO, "statements", *store, "--limit", "1", "--json"],
                            capture_output=True, text=True, timeout=60)
    assert len(listed.stdout.splitlines()) == 1 and "more rows follow" in listed.stderr


def test_second_run_does_nothing_new(mixed: dict, tmp_path: Path) -> None:
    with Store(mixed["store"], read_only=True) as store:
        before = store.snapshot()
    proc = subprocess.run([SAYSO, "run", str(mixed["inputs"]), "--store", str(mixed["store"]),
                           "--workers", "1"], capture_output=True, text=True, timeout=240)
    assert "0 articles analysed" in proc.stderr, proc.stderr
    with Store(mixed["store"], read_only=True) as store:
        assert store.snapshot() == before


def test_store_errors_are_one_line(tmp_path: Path) -> None:
    missing = subprocess.run([SAYSO, "statements", "--store", str(tmp_path / "none.duckdb")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 5
    assert missing.stderr.startswith("sayso: error:") and missing.stderr.count("\n") == 1
    notastore = tmp_path / "notes.duckdb"
    notastore.write_text("just some notes\n")
    wrong = subprocess.run([SAYSO, "speakers", "--store", str(notastore)],
                           capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 5 and "Traceback" not in wrong.stderr


def test_metadata_of_the_wrong_type_does_not_stop_a_run(tmp_path: Path) -> None:
    from sayso.corpus.runner import run

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "odd", "published": {"day": 3}, "title": ["T"],
                                "text": "Mayor Lina Cho said the ferry would run all winter."})
                    + "\n" + json.dumps({"id": "fine", "published": "2026-02-01",
                                         "text": "Harbour chief Tom Reyes said the cranes "
                                                 "were fixed."}) + "\n")
    stats = run([str(feed)], tmp_path / "s.duckdb", workers=1, progress=False)
    assert (stats.analysed, stats.errors) == (2, 0)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.sql("SELECT id, title, published FROM articles ORDER BY id")[1]
    assert rows == [("fine", None, "2026-02-01"), ("odd", None, None)]


@pytest.mark.parametrize("command", [["run", "-", "--workers", "1"], ["statements"],
                                     ["export", "-o", "out.jsonl", "--format", "jsonl"]])
def test_another_applications_duckdb_file_is_not_a_store(tmp_path: Path, command: list) -> None:
    """A DuckDB file whose tables share sayso's names but not its columns is refused in one
    line, before a run writes to it or a query reads it."""
    import duckdb

    path = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE articles (headline VARCHAR); CREATE TABLE statements (n INT)")
    proc = subprocess.run([SAYSO, *command, "--store", str(path)], input="", cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 5, proc.stderr
    assert proc.stderr == (f"sayso: error: {path}: not a sayso store (its articles table has "
                           "no column authors, cluster, doc, ...)\n")


@pytest.fixture(scope="module")
def ray_output():
    """Parquet rows as `sayso run --engine ray` writes them, made by the engine's own analyser
    (no Ray needed): an article ``ok`` and an error row for ``gone``, whose text is blank."""
    import pyarrow as pa

    from sayso.corpus.ray_engine import Analyser
    from sayso.ingest import MAX_CHARS

    texts = {"ok": "Mayor Lina Cho said the ferry would run all winter.", "gone": "   "}
    raw = {"id": list(texts), "text": list(texts.values()), "html": [None, None],
           "source": [f"{name}.txt" for name in texts], "title": [None, None],
           "outlet": [None, None], "published": [None, None], "url": [None, None],
           "authors": [[], []], "text_hash": list(texts)}
    return Analyser(None, MAX_CHARS)(pa.table(raw))


def test_load_of_error_rows_warns_and_exits_as_run_does(tmp_path: Path, ray_output) -> None:
    """Parquet holding articles that failed loaded with exit 0, whereas `sayso run` exits 1
    for them; a second load of the same file ends as the first did."""
    import pyarrow.parquet as pq

    pq.write_table(ray_output, tmp_path / "out.parquet")
    store = tmp_path / "s.duckdb"
    for _ in range(2):
        proc = subprocess.run([SAYSO, "load", "out.parquet", "--store", str(store)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.count("sayso: warning:") == 1 and "Traceback" not in proc.stderr
    assert "sayso: warning: 0 error rows loaded" in proc.stderr  # the first load stored it
    with Store(store, read_only=True) as loaded:
        assert [e["id"] for e in loaded.errors()] == ["gone"]
        assert loaded.summary()["articles"] == 1
    first = tmp_path / "first.duckdb"
    proc = subprocess.run([SAYSO, "load", "out.parquet", "--store", str(first)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert "sayso: warning: 1 error rows loaded (articles that could not be analysed); the " \
           "store holds 1:" in proc.stderr


def test_load_skips_what_is_not_sayso_parquet_and_creates_no_store_for_nothing(
        tmp_path: Path, ray_output) -> None:
    """Each PARQUET argument is checked before anything is written: a missing path, a folder
    without Parquet or another program's Parquet is a warning, the rest is loaded; with
    nothing left to load, no store file is left behind."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ours, theirs = tmp_path / "ours.parquet", tmp_path / "theirs.parquet"
    pq.write_table(ray_output.filter(pa.compute.equal(ray_output["id"], "ok")), ours)
    pq.write_table(pa.table({"headline": ["Ferry to run all winter"]}), theirs)
    (tmp_path / "empty").mkdir()
    store = tmp_path / "s.duckdb"
    for inputs in (["empty"], ["theirs.parquet"], ["missing", "empty"]):
        proc = subprocess.run([SAYSO, "load", *inputs, "--store", str(store)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3 and not store.exists(), proc.stderr
        assert proc.stderr.count("sayso: warning:") == len(inputs), proc.stderr
    proc = subprocess.run([SAYSO, "load", "theirs.parquet", "ours.parquet", "missing",
                           "--store", str(store)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "theirs.parquet: not sayso Parquet output (no column id" in proc.stderr
    assert "missing: no such file" in proc.stderr and "Traceback" not in proc.stderr
    with Store(store, read_only=True) as loaded:
        assert [a["id"] for a in loaded.articles()] == ["ok"]


def test_load_skips_a_file_whose_data_is_damaged_and_still_finalizes(tmp_path: Path,
                                                                      ray_output) -> None:
    """A file whose schema reads but whose data does not stopped `sayso load` with an error
    after earlier arguments were written, leaving their speakers unlinked; it is now skipped
    with a warning naming it, and the rest is loaded and finalized."""
    import pyarrow.parquet as pq

    pq.write_table(ray_output, tmp_path / "good.parquet")
    damaged = tmp_path / "later" / "damaged.parquet"
    damaged.parent.mkdir()
    pq.write_table(ray_output, damaged, compression="none")
    data = bytearray(damaged.read_bytes())
    data[8:len(data) // 2] = b"\xff" * (len(data) // 2 - 8)  # the data pages, not the footer
    damaged.write_bytes(bytes(data))
    assert pq.read_schema(damaged).names  # the check before loading cannot see the damage
    store = tmp_path / "s.duckdb"
    proc = subprocess.run([SAYSO, "load", "good.parquet", "later", "--store", str(store)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"sayso: warning: {Path('later/damaged.parquet')}: unreadable Parquet data (" \
        in proc.stderr
    with Store(store, read_only=True) as loaded:
        assert [a["id"] for a in loaded.articles()] == ["ok"]
        assert [s["name"] for s in loaded.speakers()] == ["Lina Cho"]


def test_load_skips_only_the_foreign_file_of_a_folder(tmp_path: Path, ray_output) -> None:
    """Another program's Parquet, or a damaged file, inside a folder of Ray output made the
    whole folder be skipped; it costs only itself, named in its warning."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out" / "chunk-1"
    out.mkdir(parents=True)
    pq.write_table(ray_output.filter(pa.compute.equal(ray_output["id"], "ok")),
                   out / "part-0.parquet")
    pq.write_table(pa.table({"headline": ["Ferry to run all winter"]}), out / "theirs.parquet")
    (out / "cut.parquet").write_bytes(b"PAR1 and then nothing")
    store = tmp_path / "s.duckdb"
    proc = subprocess.run([SAYSO, "load", "out", "--store", str(store)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("sayso: warning:")]
    assert len(warnings) == 2 and "Traceback" not in proc.stderr
    assert warnings[0].startswith(f"sayso: warning: {Path('out/chunk-1/cut.parquet')}: "
                                  "not sayso Parquet output (")
    assert warnings[1] == (f"sayso: warning: {Path('out/chunk-1/theirs.parquet')}: not sayso "
                           "Parquet output (no column id, source, text_hash, doc, error, "
                           "minhash)")
    with Store(store, read_only=True) as loaded:
        assert [a["id"] for a in loaded.articles()] == ["ok"] and not loaded.errors()
