"""Reading corpus formats: gzip-compressed JSON Lines (streamed), CSV and their damage."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest

from sayso.ingest import read_inputs
from sayso.model import Failure, RawArticle


def _records(n: int) -> list[str]:
    return [json.dumps({"id": f"r{i}", "text": f"Mayor Helen Okafor said crane {i} is fixed."})
            for i in range(n)]


def test_truncated_gzip_keeps_every_line_before_the_damage(tmp_path: Path) -> None:
    lines = _records(2000)
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    cut = data[: len(data) // 2]
    (tmp_path / "cut.jsonl.gz").write_bytes(cut)
    # What a decompressor can recover from the cut bytes, counted independently.
    recovered = zlib.decompressobj(wbits=31).decompress(cut)
    complete = recovered.count(b"\n")
    out = list(read_inputs([str(tmp_path / "cut.jsonl.gz")]))
    articles = [r for r in out if isinstance(r, RawArticle)]
    failures = [r for r in out if isinstance(r, Failure)]
    assert [a.id for a in articles] == [f"r{i}" for i in range(complete)]
    assert len(failures) == 1 and "truncated gzip" in failures[0].reason
    assert f"{complete} complete lines" in failures[0].reason


def test_multi_member_gzip_and_corrupt_gzip(tmp_path: Path) -> None:
    lines = _records(6)
    (tmp_path / "multi.jsonl.gz").write_bytes(
        gzip.compress(("\n".join(lines[:3]) + "\n").encode())
        + gzip.compress("\n".join(lines[3:]).encode()))
    (tmp_path / "junk.jsonl.gz").write_bytes(b"this was never compressed\n")
    out = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in out if isinstance(r, RawArticle)] == [f"r{i}" for i in range(6)]
    bad = [r for r in out if isinstance(r, Failure)]
    assert len(bad) == 1 and "corrupt gzip" in bad[0].reason and "junk" in bad[0].source


def test_csv_rows_and_gzipped_csv(tmp_path: Path) -> None:
    text = ("id,outlet,published,text,html\n"
            "one,Valley Ledger,2026-02-01,\"Reyes said the ferry, at last, is late.\",\n"
            "two,Valley Ledger,,,\n"
            "three,,,,\"<html><body><p>Lin said so.</p></body></html>\"\n")
    (tmp_path / "rows.csv").write_text(text, encoding="utf-8")
    (tmp_path / "packed.csv.gz").write_bytes(gzip.compress(text.replace("one", "four").encode()))
    out = list(read_inputs([str(tmp_path)]))
    by_id = {r.id: r for r in out}
    assert by_id["one"].text == "Reyes said the ferry, at last, is late."
    assert by_id["one"].outlet == "Valley Ledger" and by_id["one"].published == "2026-02-01"
    assert isinstance(by_id["four"], RawArticle)  # gzipped CSV read by its inner suffix
    assert by_id["three"].html and by_id["three"].text is None
    missing = [r for r in out if isinstance(r, Failure)]
    assert len(missing) == 2 and all("'text' or 'html' column" in r.reason for r in missing)
    assert {r.source.rsplit(":", 1)[1] for r in missing} == {"3"}


def test_a_warc_response_without_its_headers_is_one_failure_and_the_batch_goes_on(
        tmp_path: Path) -> None:
    """warcio fails inside itself on a response record with no target URI; that is one
    unreadable record, not the end of the run."""
    (tmp_path / "bare.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n")
    (tmp_path / "rows.jsonl").write_text("\n".join(_records(2)) + "\n", encoding="utf-8")
    out = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in out if isinstance(r, RawArticle)] == ["r0", "r1"]
    [bad] = [r for r in out if isinstance(r, Failure)]
    assert "unreadable WARC record" in bad.reason and "bare.warc#1" in bad.source


def test_json_fields_of_the_wrong_type_are_left_out_with_a_warning(tmp_path: Path) -> None:
    """A feed's metadata of the wrong JSON type must neither stop the batch nor reach the
    store's string columns; the article keeps its text and says what was left out."""
    lines = [{"id": "w1", "text": "Reyes said the ferry is late.", "authors": 5,
              "published": {"day": 1}, "title": 7},
             {"id": 0, "text": "Lin said the bridge is shut.", "outlet": ["Ledger"],
              "authors": ["Jo Banks", None, {"name": "Ann Roe"}]},
             {"id": {"n": 1}, "text": "Obi said the road is open."},
             None]
    (tmp_path / "odd.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    one, two, three, four = read_inputs([str(tmp_path / "odd.jsonl")])
    assert (one.id, one.title, one.authors, one.published) == ("w1", "7", ["5"], None)
    assert one.warnings == ["'published' is an object, not text; left out"]
    assert (two.id, two.outlet, two.authors) == ("0", None, ["Jo Banks"])
    assert len(two.warnings) == 2 and "'authors'" in two.warnings[1]
    assert three.id == "odd-3" and "'id' is an object" in three.warnings[0]
    assert isinstance(four, Failure) and "must be an object, not null" in four.reason


def test_an_empty_folder_and_a_broken_link_are_failures_not_silence(tmp_path: Path) -> None:
    """Without a Failure, `sayso analyze empty/` exited 3 saying nothing and `sayso run
    empty/` reported success with no articles."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".draft.txt").write_text("Reyes said the ferry is late.")
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = list(read_inputs([str(tmp_path / name) for name in ("empty", "hidden", "links")]))
    assert all(isinstance(r, Failure) for r in out) and len(out) == 3
    assert "empty: no files in this folder" in out[0].reason
    assert "hidden: no files in this folder" in out[1].reason
    assert out[2].reason.endswith("gone.txt: cannot read (No such file or directory)")


def _warc_bytes(pages: int, gz: bool) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for n in range(pages):
        html = (f"<html><body><article><p>Mayor Lina Cho said ferry {n} would run all winter "
                "and the council agreed with her.</p></article></body></html>")
        writer.write_record(writer.create_warc_record(
            f"https://news.example/{n}", "response", payload=io.BytesIO(html.encode()),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                          protocol="HTTP/1.1")))
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_a_truncated_or_empty_warc_file_says_so(tmp_path: Path, gz: bool) -> None:
    """warcio ends quietly where a file is cut off: a page cut short was analysed as if whole,
    a record cut inside its headers vanished, and an empty WARC file passed without a word."""
    whole = _warc_bytes(3, gz)
    two = len(_warc_bytes(2, gz))
    suffix = ".warc.gz" if gz else ".warc"
    (tmp_path / f"body{suffix}").write_bytes(whole[:len(whole) - 20])   # in the last page
    in_head = 40 if gz else whole[two:].index(b"Content-Length")       # in its headers
    (tmp_path / f"head{suffix}").write_bytes(whole[:two + in_head])
    (tmp_path / f"empty{suffix}").write_bytes(b"")
    for name, reason in (("body", "truncated WARC record (https://news.example/2)"),
                         ("head", "unreadable WARC record (")):
        out = list(read_inputs([str(tmp_path / f"{name}{suffix}")]))
        assert [type(r) for r in out] == [RawArticle, RawArticle, Failure], name
        assert f"#3: {reason}" in out[2].reason
    [empty] = read_inputs([str(tmp_path / f"empty{suffix}")])
    assert isinstance(empty, Failure) and empty.reason.endswith("empty input")


def test_a_text_file_named_warc_is_not_a_warc_file(tmp_path: Path) -> None:
    """warcio, left to guess the format, read a line of five words as an ARC header, so that a
    text file named .warc was "not an HTML page (no content type)" after warcio's own
    three-line warning on standard error."""
    import subprocess
    import sys

    text = "Notes from the harbour meeting on Monday.\nThe mayor spoke first.\n"
    (tmp_path / "notes.warc").write_text(text, encoding="utf-8")
    (tmp_path / "notes2.warc.gz").write_bytes(gzip.compress(text.encode()))
    for name in ("notes.warc", "notes2.warc.gz"):
        [failure] = read_inputs([str(tmp_path / name)])
        assert isinstance(failure, Failure) and failure.source == str(tmp_path / name)
        assert failure.reason == (f"{tmp_path / name}: not a WARC file (it does not start with "
                                  "a WARC header line such as WARC/1.0)")
    proc = subprocess.run([sys.executable, "-m", "sayso", "analyze", "notes.warc"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3 and proc.stdout == ""
    assert proc.stderr == ("sayso: warning: notes.warc: not a WARC file (it does not start "
                           "with a WARC header line such as WARC/1.0)\n")


def test_a_warc_gzipped_as_one_stream_says_it_must_be_gzipped_per_record(
        tmp_path: Path) -> None:
    """warcio reads only the first record of such a file and then complains in a screenful,
    of which sayso kept "non-chunked gzip file detected, gzip block continues"."""
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(_warc_bytes(3, gz=False)))
    first, failure = read_inputs([str(tmp_path / "whole.warc.gz")])
    assert isinstance(first, RawArticle) and first.url == "https://news.example/0"
    assert isinstance(failure, Failure) and failure.source == str(tmp_path / "whole.warc.gz")
    assert failure.reason.startswith(
        f"{tmp_path / 'whole.warc.gz'}: gzipped as one stream, so only its first record was "
        "read; a WARC must be gzipped record by record (`warcio recompress ")
