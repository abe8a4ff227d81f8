"""The store's query API, near-duplicate linking and export, on a small fictional corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus_articles import corpus, write_jsonl  # noqa: E402

from sayso import Article  # noqa: E402
from sayso.corpus import Store  # noqa: E402
from sayso.corpus.runner import run  # noqa: E402
from sayso.errors import EXIT_FILE, StoreError  # noqa: E402

SAYSO = str(Path(sys.executable).with_name("sayso"))

COUNCIL = """Millbrook council member Amara Ndiaye said on Thursday that Rafael Moreno had ignored \
three warnings about the old fire station.
The station, built in 1961, has been closed since a storm damaged its roof in March.
“Rafael Moreno knew the roof was failing and did nothing,” Ndiaye told the Valley Ledger.
Moreno, the fire chief, denied the claim in a statement, saying the repairs had been ordered in \
January."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("store")
    arts = corpus(30, seed=5)
    original = arts[4]
    reprint = {**original, "id": "reprint-4", "outlet": "Northern Star" if original["outlet"]
               != "Northern Star" else "Coastal Courier",
               "text": str(original["text"]) + "\nThis story first appeared in another paper."}
    council = {"id": "council", "outlet": "Valley Ledger", "published": "2026-12-30",
               "title": "Fire station", "text": COUNCIL}
    write_jsonl(arts + [reprint, council], root / "news.jsonl")
    path = root / "corpus.duckdb"
    run([str(root / "news.jsonl")], path, workers=1, progress=False)
    return {"path": path, "original": original, "reprint": reprint, "root": root}


@pytest.fixture()
def store(built: dict):  # noqa: ANN201
    with Store(built["path"], read_only=True) as s:
        yield s


def _count(store: Store, sql: str) -> int:
    return store.sql(sql)[1][0][0]


def test_speakers_are_ranked_with_counts_by_outlet(store: Store) -> None:
    top = store.speakers(limit=50)
    assert len(top) >= 5
    assert [t["statements"] for t in top] == sorted((t["statements"] for t in top), reverse=True)
    for t in top:
        assert t["statements"] == _count(
            store, f"SELECT count(*) FROM statements WHERE speaker_id = '{t['id']}'")
        assert sum(t["outlets"].values()) == t["statements"]
    ids = {t["id"] for t in top}
    assert "person:helen-okafor" in ids and "person:samuel-okafor" in ids  # namesakes apart


def test_statement_filters(store: Store) -> None:
    lin = store.statements(speaker="Margaret Lin", limit=500)
    assert lin and all(s["speaker_id"] == "person:margaret-lin" for s in lin)
    assert len(lin) == store.count_statements(speaker="Margaret Lin")

    ledger = store.statements(outlet="valley ledger", limit=500)
    assert ledger and all(s["outlet"] == "Valley Ledger" for s in ledger)
    assert len(ledger) == _count(store, "SELECT count(*) FROM statements "
                                        "WHERE outlet = 'Valley Ledger'")

    recent = store.statements(since="2026-07-01", limit=500)
    assert recent and all(s["published"] >= "2026-07-01" for s in recent)
    assert len(recent) == _count(store, "SELECT count(*) FROM statements "
                                        "WHERE published_date >= DATE '2026-07-01'")

    words = store.statements(contains="deal close", limit=500)
    assert words and all("deal" in s["content"].lower() and "close" in s["content"].lower()
                         for s in words)

    about = store.statements(about="Rafael Moreno", limit=500)
    assert any(s["article_id"] == "council" for s in about)
    assert all("moreno" in s["content"].lower() for s in about)

    both = store.statements(speaker="Ndiaye", about="Moreno", outlet="Valley Ledger")
    assert both and all(s["article_id"] == "council" for s in both)


def test_pagination_is_stable(store: Store) -> None:
    first, second = store.statements(limit=5), store.statements(limit=5, offset=5)
    assert first + second == store.statements(limit=10)
    assert store.count_statements() == _count(store, "SELECT count(*) FROM statements")


def test_speaker_page_has_outlets_timeline_and_statements(store: Store) -> None:
    page = store.speaker("Halvorsen")
    assert page is not None and page["id"] == "person:ingrid-halvorsen"
    assert sum(m["statements"] for m in page["timeline"]) == page["statements"]
    assert sum(page["outlets"].values()) == page["statements"]
    assert all(s["speaker_id"] == page["id"] for s in page["statements_list"])
    assert store.speaker("Nobody Atall") is None


def test_articles_and_round_trip(store: Store) -> None:
    listed = store.articles(limit=100)
    assert len(listed) == store.count_articles() == 32
    for row in listed[:5]:
        article = store.article(row["id"])
        assert isinstance(article, Article) and article.id == row["id"]
        assert len(article.statements) == row["n_statements"]


def test_near_duplicate_articles_share_statements(store: Store, built: dict) -> None:
    orig, copy = built["original"]["id"], built["reprint"]["id"]
    clusters = dict(store.sql("SELECT id, cluster FROM articles WHERE cluster IS NOT NULL")[1])
    assert clusters.get(orig) == clusters.get(copy) == min(orig, copy)
    assert sorted(k for k, v in clusters.items() if v == clusters[orig]) == sorted([orig, copy])
    items = [s for s in store.statements(limit=1000) if s["article_id"] == orig]
    assert items
    for s in items:
        assert set(s["outlets"]) == {built["original"]["outlet"], built["reprint"]["outlet"]}


def test_export_formats(built: dict, tmp_path: Path) -> None:
    path = str(built["path"])
    for fmt in ("parquet", "csv"):
        out = tmp_path / fmt
        proc = subprocess.run([SAYSO, "export", "--store", path, "--format", fmt, "-o", str(out)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        con = duckdb.connect()
        reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
        with Store(built["path"], read_only=True) as store:
            for table in ("articles", "statements", "entities", "channels", "speakers"):
                got = con.execute(f"SELECT count(*) FROM {reader}('{out / (table + '.' + fmt)}')")
                assert got.fetchone()[0] == _count(store, f"SELECT count(*) FROM {table}")
    out = tmp_path / "all.jsonl"
    proc = subprocess.run([SAYSO, "export", "--store", path, "--format", "jsonl", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 32 and all(d["schema"] == "sayso/article@1" for d in docs)
    assert Article.from_dict(docs[0]).to_dict() == docs[0]
    brat = tmp_path / "brat"
    proc = subprocess.run([SAYSO, "export", "--store", path, "--format", "brat", "-o", str(brat)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(list(brat.glob("*.ann"))) == len(list(brat.glob("*.txt"))) == 32
    proc = subprocess.run([SAYSO, "export", "--store", path, "--format", "parquet", "-o",
                           str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_FILE  # a folder asked for where a file is
    assert proc.stderr.count("\n") == 1 and "cannot write" in proc.stderr


def test_query_commands(built: dict) -> None:
    path = str(built["path"])
    out = subprocess.run([SAYSO, "statements", "--store", path, "--speaker", "Ndiaye",
                          "--about", "Moreno", "--json"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["article_id"] == "council" for r in rows)
    sql = subprocess.run([SAYSO, "sql", "--store", path, "SELECT count(*) AS n FROM articles"],
                         capture_output=True, text=True, timeout=60)
    assert sql.stdout.split() == ["n", "32"]
    odd = subprocess.run([SAYSO, "sql", "--store", path, "--json",
                          "SELECT 1/0 AS inf, 'nan'::DOUBLE AS nan, 0.5::DOUBLE AS half"],
                         capture_output=True, text=True, timeout=60)
    assert json.loads(odd.stdout) == {"inf": None, "nan": None, "half": 0.5}  # strict JSON
    bad = subprocess.run([SAYSO, "sql", "--store", path, "SELECT nope FROM nowhere"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 5 and bad.stderr.startswith("sayso: error: SQL error")
    top = subprocess.run([SAYSO, "speakers", "--store", path, "--limit", "3"],
                         capture_output=True, text=True, timeout=60)
    assert top.returncode == 0 and top.stdout.count("statements in") == 3


def test_names_match_whole_words(store: Store) -> None:
    assert set(store.resolve_speakers("Okafor")) == {"person:helen-okafor",
                                                     "person:samuel-okafor"}
    assert store.resolve_speakers("Okaf") == []
    assert store.resolve_speakers("helen okafor") == ["person:helen-okafor"]
    # "Lin" is Margaret Lin, not any name or word merely containing the letters.
    assert {s["speaker_id"] for s in store.statements(speaker="Lin", limit=500)} == {
        "person:margaret-lin"}


def test_a_date_that_is_not_one_is_a_store_error(store: Store) -> None:
    """The Python API checks dates as the command line and the web do, in one line."""
    for call in (lambda: store.statements(since="yesterday"),
                 lambda: store.speakers(since="2026-13-01"),
                 lambda: store.articles(until="01/02/2026")):
        with pytest.raises(StoreError, match="not a date of the form YYYY-MM-DD"):
            call()


def test_sql_with_no_statement_gives_no_rows(store: Store) -> None:
    """DuckDB returns no cursor at all for a query of only a semicolon or a comment."""
    assert store.sql(";") == ([], [])
    assert store.sql("-- a comment, nothing else") == ([], [])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "brat"])
def test_export_to_standard_output_is_for_jsonl_only(built: dict, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture, fmt: str):
    """`-o -` means standard output; the folder formats made a folder named "-" instead."""
    from sayso.cli import main
    from sayso.errors import EXIT_USAGE

    monkeypatch.chdir(tmp_path)
    assert main(["export", "--store", str(built["path"]), "--format", fmt, "-o", "-"]) \
        == EXIT_USAGE
    assert not (tmp_path / "-").exists()
    assert capsys.readouterr().err.startswith("sayso: error: -o - (standard output) takes")


def test_a_closed_store_says_so(built: dict) -> None:
    """After its ``with`` block a store raises StoreError in one line, at a query and at a
    second ``with``, rather than DuckDB's ConnectionException."""
    with Store(built["path"], read_only=True) as s:
        pass
    for call in (s.summary, lambda: s.statements(speaker="Ndiaye"), lambda: s.sql("SELECT 1"),
                 s.__enter__):
        with pytest.raises(StoreError, match="the store is closed"):
            call()
    s.close()  # closing twice is harmless


def test_one_store_serves_several_threads(built: dict, tmp_path: Path) -> None:
    """DuckDB's connections are not thread-safe: threads sharing one Store each query through
    their own, and closing the store releases the file for a writer."""
    import shutil
    import threading

    path = tmp_path / "copy.duckdb"
    shutil.copy(built["path"], path)
    s = Store(path, read_only=True)
    expected = s.statements(speaker="Ndiaye")
    failures: list[str] = []

    def ask() -> None:
        try:
            for _ in range(30):
                assert s.statements(speaker="Ndiaye") == expected
                s.summary()
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            failures.append(repr(exc))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    s.close()
    with Store(path) as writer:  # no connection of a thread still holds the file
        assert writer.summary()["articles"] > 0


def test_query_arguments_of_the_wrong_kind_are_named(store: Store, built: dict) -> None:
    """A negative page or a filter that is not text gets a message naming the argument, not
    DuckDB's binder error or an AttributeError from building the query."""
    for call in (lambda: store.statements(limit=-1), lambda: store.articles(offset=-5),
                 lambda: store.speakers(limit="10"), lambda: store.errors(limit=-1)):
        with pytest.raises(StoreError, match=r"(limit|offset) must be a whole number"):
            call()
    for call, name in ((lambda: store.statements(outlet=5), "outlet"),
                       (lambda: store.statements(contains=["fire"]), "contains"),
                       (lambda: store.speaker(None), "name"), (lambda: store.sql(None), "query")):
        with pytest.raises(TypeError, match=f"^{name} must be a str"):
            call()
    assert len(store.statements(limit=0)) == 0 and store.errors(limit=None) == store.errors()
    with pytest.raises(StoreError, match="finalize failed: .*read-only"):
        store.finalize()
