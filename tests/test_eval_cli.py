"""``sayso eval`` end to end: the real engine and model on fictional articles, then ../shared."""

import json
from pathlib import Path

import pytest

from sayso import analyze
from sayso.cli import main
from sayso.evaluate import brat

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

HARBOUR = ('Port Alder, a fishing town, voted on Tuesday to rebuild its harbour wall. '
           '"We cannot wait for another storm," said Mayor Ines Okafor.\n\n'
           'Fishermen were divided. Tomas Berg, who runs the co-op, said the cost was too high. '
           '"Nobody asked us," he said.\n')


def quote_json(text: str, part: str, speaker: str, reference: str) -> dict:
    start, s = text.index(part), text.index(speaker)
    return {"start": start, "end": start + len(part), "text": part,
            "speaker": {"start": s, "end": s + len(speaker), "text": speaker},
            "cue": "said", "reference": reference}


@pytest.fixture
def ggt_folder(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    gold = {"quotes": [
        quote_json(HARBOUR, '"We cannot wait for another storm,"', "Mayor Ines Okafor",
                   "Ines Okafor"),
        quote_json(HARBOUR, "the cost was too high", "Tomas Berg", "Tomas Berg"),
        quote_json(HARBOUR, '"Nobody asked us,"', "he said", "Tomas Berg"),
    ], "sources": ["Ines Okafor", "Tomas Berg"]}
    (folder / "harbour.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_eval_ggt_prints_json_figures_and_writes_errors(ggt_folder, tmp_path, capsys):
    errors = tmp_path / "errors.txt"
    assert main(["eval", "ggt", str(ggt_folder), "--json", "--errors", str(errors)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 1
    lenient = figures["quotes"][">0.3"]
    assert lenient["gold"] == 3
    speech = {tuple(s.content.spans) for s in analyze(HARBOUR).statements if s.act == "speech"}
    assert lenient["predicted"] == len(speech) <= figures["statements"]  # ggt scores speech only
    assert lenient["recall"] > 0   # plain "said" quotes: sayso must find some
    assert errors.read_text(encoding="utf-8").startswith("# sayso eval ggt")


def test_eval_ggt_table_survives_a_broken_gold_file(ggt_folder, capsys):
    (ggt_folder / "broken.txt").write_text("Some text.", encoding="utf-8")
    (ggt_folder / "broken.gold.json").write_text("[1, 2", encoding="utf-8")
    assert main(["eval", "ggt", str(ggt_folder)]) == 1
    out, err = capsys.readouterr()
    assert "quotes (coverage > 0.3)" in out and "1 articles" in out
    assert "sayso: warning:" in err and "broken.gold.json" in err
    assert "Traceback" not in err


def test_an_article_sayso_cannot_analyse_is_scored_as_finding_nothing(ggt_folder, capsys):
    (ggt_folder / "blank.txt").write_text("   \n", encoding="utf-8")
    (ggt_folder / "blank.gold.json").write_text('{"quotes": []}', encoding="utf-8")
    assert main(["eval", "ggt", str(ggt_folder), "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["failed"] == ["blank"]
    assert "scored as no statements" in err and "Traceback" not in err


def test_eval_on_a_missing_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["eval", "polnear", str(tmp_path / "absent")]) == 3
    assert capsys.readouterr().err.strip().startswith("sayso: error:")
    assert main(["eval", "polnear", str(tmp_path)]) == 3


def test_sayso_scores_perfectly_against_its_own_brat_export(tmp_path, capsys):
    import sayso

    article = sayso.analyze(HARBOUR, id="harbour")
    assert article.statements
    brat.write_brat(article, tmp_path / "export")
    assert main(["eval", "brat", str(tmp_path / "export"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    for label in ("source", "cue", "content"):
        assert figures[label]["exact"]["f1"] == 1.0


@pytest.mark.shared
def test_eval_ggt_on_the_development_set(capsys):
    if not (SHARED / "ggt-dev").is_dir():
        pytest.skip("../shared/data/ggt-dev is absent")
    assert main(["eval", "ggt", str(SHARED / "ggt-dev"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 28 and figures["failed"] == []
    assert figures["quotes"][">0.3"]["gold"] == 511


@pytest.mark.shared
def test_the_polnear_development_split_reads_without_warnings():
    if not (SHARED / "polnear" / "data" / "dev").is_dir():
        pytest.skip("../shared/data/polnear is absent")
    docs, warnings = brat.read_brat(SHARED / "polnear" / "data" / "dev", "polnear")
    assert len(docs) == 84 and warnings == []
    assert sum(len(d.spans["Content"]) for d in docs) > 2000
