"""``sayso run --engine ray`` in Ray's local mode with two CPUs gives the local engine's store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus_articles import corpus  # noqa: E402

from sayso.corpus import Store  # noqa: E402
from sayso.corpus.runner import run  # noqa: E402
from sayso.errors import EXIT_NO_INPUT  # noqa: E402

pytestmark = pytest.mark.ray
SAYSO = str(Path(sys.executable).with_name("sayso"))


def test_ray_engine_matches_local_engine(tmp_path: Path) -> None:
    arts = corpus(10, seed=31)
    lines = [json.dumps(a) for a in arts]
    lines.append(json.dumps({**arts[2], "id": "same-text"}))
    lines.append('{"id": "cut", "text": ')
    lines.append(json.dumps({"id": "blank", "text": "   "}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    local = tmp_path / "local.duckdb"
    run([str(feed)], local, workers=1, progress=False)
    distributed = tmp_path / "ray.duckdb"
    proc = subprocess.run([SAYSO, "run", str(feed), "--store", str(distributed), "--engine",
                           "ray", "--workers", "2", "--batch-size", "4",
                           "--parquet", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the cut line and the blank text are errors
    assert "Traceback" not in proc.stderr

    with Store(local, read_only=True) as a, Store(distributed, read_only=True) as b:
        expected, actual = a.snapshot(), b.snapshot()
        assert a.summary()["statements"] > 0
    for table in expected:
        assert actual[table] == expected[table], table

    parquet = sorted((tmp_path / "out").rglob("*.parquet"))
    assert parquet
    import duckdb

    rows = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{tmp_path / 'out'}/*/*.parquet') "
        "WHERE doc IS NOT NULL").fetchone()[0]
    assert rows == 10  # the analysed articles, queryable straight from Parquet
    # The Parquet alone rebuilds the analysed part of the store, and loading twice adds nothing;
    # the blank text's error row in it ends each load as it ended the run.
    fresh = tmp_path / "fresh.duckdb"
    for _ in range(2):
        proc = subprocess.run([SAYSO, "load", str(tmp_path / "out"), "--store", str(fresh)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1 and "error rows loaded" in proc.stderr, proc.stderr
    with Store(fresh, read_only=True) as loaded:
        again = loaded.snapshot()
    for table in ("statements", "entities", "channels", "speakers"):
        assert again[table] == expected[table], table
    assert len(again["articles"]) == 10 and len(again["errors"]) == 1  # the blank text
    (tmp_path / "empty").mkdir()  # a folder with no Parquet in it loads nothing, and says so
    proc = subprocess.run([SAYSO, "load", str(tmp_path / "empty"), "--store", str(fresh)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_NO_INPUT and "no .parquet files" in proc.stderr


def test_a_parquet_folder_that_is_a_file_is_refused_before_ray_starts(tmp_path: Path) -> None:
    """It failed with NotADirectoryError from pyarrow once Ray had analysed the first chunk."""
    from sayso.corpus.ray_engine import run_ray
    from sayso.errors import FileError

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(corpus(1, seed=3)[0]) + "\n", encoding="utf-8")
    taken = tmp_path / "out"
    taken.write_text("not a folder", encoding="utf-8")
    with pytest.raises(FileError, match="exists and is not a folder"):
        run_ray([str(feed)], tmp_path / "s.duckdb", parquet=taken, workers=1, progress=False)
    assert not ray.is_initialized() and not (tmp_path / "s.duckdb").exists()
