"""brat standoff: reading PolNeAR-style folders, writing sayso's statements, span scoring."""

import pytest

from sayso.errors import InputError
from sayso.evaluate import brat, polnear
from sayso.model import Article, Content, Cue, Entity, Speaker, Statement

TEXT = ('"The budget is balanced," Mayor Dana Whitfield said, "and taxes stay flat."\n'
        'Critics: the numbers do not add up.\n'
        'According to the Lakeview Ledger, the council will vote on Monday.\n')


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def offsets(*parts: str) -> str:
    return ";".join("{} {}".format(*span(p)) for p in parts)


BUDGET = "The budget is balanced, and taxes stay flat."
ANN = f"""T1\tSource {offsets("Mayor Dana Whitfield")}\tMayor Dana Whitfield
T2\tCue {offsets("said")}\tsaid
T3\tContent {offsets("The budget is balanced,", "and taxes stay flat.")}\t{BUDGET}
T4\tAttribution {offsets("said")}\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tSource {offsets("Critics")}\tCritics
T6\tCue {offsets(":")}\t:
T7\tContent {offsets("the numbers do not add up")}\tthe numbers do not add up
T8\tAttribution {offsets(":")}\t:
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tSource {offsets("the Lakeview Ledger")}\tthe Lakeview Ledger
T10\tCue {offsets("According to")}\tAccording to
T11\tContent {offsets("the council will vote on Monday")}\tthe council will vote on Monday
E3\tAttribution:T10 Source:T9 Cue:T10 Content:T11
T12\tDiscard 0 5\t"The
#1\tAnnotatorNotes T1\ta note
"""


def test_parse_ann_reads_source_cue_content_and_discontinuous_spans():
    spans, warnings = brat.parse_ann(ANN, TEXT, "x.ann")
    assert warnings == []
    assert len(spans["Source"]) == len(spans["Cue"]) == len(spans["Content"]) == 3
    assert spans["Content"][0] == [span("The budget is balanced,"), span("and taxes stay flat.")]
    assert all(s != [(0, 5)] for label in brat.LABELS for s in spans[label])   # Discard ignored


def test_parse_ann_warns_about_bad_lines_and_keeps_the_rest():
    bad = ANN + "T20\tSource 5\tbroken\nnonsense\nT21\tCue 900 910\tfar\n"
    bad = bad.replace("\tThe budget is balanced, and", "\tThe budget was balanced, and")
    spans, warnings = brat.parse_ann(bad, TEXT, "x.ann")
    assert len(spans["Source"]) == 3 and len(spans["Cue"]) == 3
    assert [w.split(":")[1] for w in warnings[:3]] == ["17", "18", "19"]
    assert "outside the text" in warnings[2]
    assert "1 annotations whose text differs" in warnings[3]


def statement(i: int, speaker: str | None, cue: str | None, *content: str) -> Statement:
    sp = None
    if speaker:
        sp = Speaker(*span(speaker), text=speaker, name=speaker, entity=None)
    return Statement(id=f"s{i}", kind="direct", speaker=sp,
                     cue=Cue(*span(cue), text=cue, lemma=cue) if cue else None,
                     content=Content(spans=[span(c) for c in content],
                                     text=" ".join(content)))


ARTICLE = Article(id="news/lakeview budget", text=TEXT, entities=[
    Entity(id="e1", name="Dana Whitfield", type="PERSON")], statements=[
    statement(1, "Mayor Dana Whitfield", "said", "The budget is balanced,",
              "and taxes stay flat."),
    statement(2, "Critics", ":", "the numbers do not add up"),
    statement(3, "the Lakeview Ledger", "According to", "the council will vote on Monday"),
    statement(4, None, None, "the council will vote"),
])


def test_write_brat_writes_polnear_layout_that_reads_back_as_a_perfect_score(tmp_path):
    ann = brat.write_brat(ARTICLE, tmp_path)
    assert ann == tmp_path / "news_lakeview_budget.ann"
    assert (tmp_path / "news_lakeview_budget.txt").read_text(encoding="utf-8") == TEXT
    assert "[events]" in (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    lines = ann.read_text(encoding="utf-8").splitlines()
    pieces = offsets("The budget is balanced,", "and taxes stay flat.")
    assert f"Content {pieces}" in ann.read_text()
    events = [line for line in lines if line.startswith("E")]
    assert len(events) == 4
    assert events[0].split("\t")[1].startswith("Attribution:")
    assert events[3].split("\t")[1].startswith("Attribution-no-source:")
    docs, warnings = brat.read_brat(tmp_path)
    assert warnings == []
    total, _ = polnear.score([(docs[0], polnear.from_article(ARTICLE))])
    for label in brat.LABELS:
        for mode in polnear.MODES:
            assert total.prf[(label, mode)].f1 == 1.0


def test_brat_annotations_do_not_cross_lines():
    across = Article(id="a", text=TEXT, statements=[
        statement(1, None, None, TEXT[: TEXT.index("Critics") + 7])])
    content = next(line for line in brat.ann_lines(across) if "\tContent " in line)
    assert content.split("\t")[1] == f"Content {offsets(TEXT.splitlines()[0], 'Critics')}"


def test_polnear_scores_exact_and_overlapping_spans():
    doc = brat.BratDoc(id="x", text=TEXT, ann=None,
                       spans=brat.parse_ann(ANN, TEXT, "x.ann")[0])
    predicted = {
        "Source": [[span("Dana Whitfield")], [span("Critics")]],   # 13/18 word chars: overlap
        "Cue": [[span("said")], [span("said")]],                  # the same span twice: once
        "Content": [[span("The budget is balanced")], [span("taxes stay flat")]],
    }
    total, results = polnear.score([(doc, predicted)])
    prf = total.prf
    assert (prf[("Source", "exact")].matched, prf[("Source", "overlap")].matched) == (1, 2)
    assert prf[("Source", "overlap")].precision == 1.0
    assert prf[("Source", "overlap")].recall == 2 / 3
    assert (prf[("Cue", "exact")].predicted, prf[("Cue", "exact")].recall) == (1, 1 / 3)
    # 19 of 35 word characters: Jaccard above 0.5; the second piece then matches nothing
    assert prf[("Content", "overlap")].matched == 1
    assert prf[("Content", "exact")].matched == 0
    errors = polnear.error_lines(results[0])
    assert sum(e.startswith("FALSE POSITIVE content") for e in errors) == 1


def write(folder, name, content):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(content, encoding="utf-8")


def test_polnear_layout_takes_the_first_annotator_file(tmp_path):
    write(tmp_path / "text", "story_one.txt", TEXT)
    write(tmp_path / "attributions", "story_one_b2.ann", "")
    write(tmp_path / "attributions", "story_one_a1.ann", ANN)
    write(tmp_path / "attributions", "stray_a1.ann", ANN)
    write(tmp_path / "text", "unannotated.txt", TEXT)
    docs, warnings = brat.read_brat(tmp_path, "polnear")
    assert [(d.id, d.ann.name) for d in docs] == [("story_one", "story_one_a1.ann")]
    assert len(docs[0].spans["Source"]) == 3
    assert len(warnings) == 2


def test_a_folder_without_the_layout_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such directory"):
        brat.read_brat(tmp_path / "absent")
    with pytest.raises(InputError, match="text/ and attributions/"):
        brat.read_brat(tmp_path, "polnear")
    write(tmp_path, "lonely.txt", TEXT)
    with pytest.raises(InputError, match="no .txt with a readable .ann"):
        brat.read_brat(tmp_path)


def test_a_mention_two_statements_share_is_one_annotation_in_both_events():
    shared = Article(id="a", text=TEXT, statements=[
        statement(1, "Mayor Dana Whitfield", "said", "The budget is balanced,"),
        statement(2, "Mayor Dana Whitfield", "said", "and taxes stay flat.")])
    lines = brat.ann_lines(shared)
    sources = [line.split("\t")[0] for line in lines if "\tSource " in line]
    events = [line for line in lines if line.startswith("E")]
    assert len(sources) == 1 and len(events) == 2
    assert all(f"Source:{sources[0]}" in e for e in events)
