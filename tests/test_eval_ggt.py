"""The Gender Gap Tracker protocol on a fictional article whose right figures are known."""

import json

import pytest

from sayso.errors import InputError
from sayso.evaluate import ggt
from sayso.evaluate.ggt import GoldArticle, GoldQuote, Prediction, PredictedQuote

TEXT = ('Dana Whitfield, the mayor of Lakeview, said the bridge would reopen in May. '
        '"We are on schedule," she told reporters.\n\n'
        'Critics were unconvinced. "It is a mess," said Omar Reyes, a local engineer. '
        '"Nobody checked the cables."\n')


def span(part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return start, start + len(part)


def quote(part: str, speaker: str | None, reference: str, nth: int = 0) -> GoldQuote:
    start, end = span(part)
    return GoldQuote(start=start, end=end, reference=reference,
                     speaker=span(speaker, nth) if speaker else None)


GOLD = GoldArticle(id="bridge", text=TEXT, quotes=[
    quote("the bridge would reopen in May", "Dana Whitfield", "Dana Whitfield"),
    quote('"We are on schedule,"', "she", "Dana Whitfield"),
    quote('"It is a mess,"', "Omar Reyes", "Omar Reyes"),
    quote('"Nobody checked the cables."', None, "Omar Reyes"),
], sources=["Dana Whitfield", "Omar Reyes"])


def perfect() -> Prediction:
    return Prediction(quotes=[PredictedQuote(spans=[(q.start, q.end)], speaker=q.speaker,
                                             name=q.reference) for q in GOLD.quotes],
                      people=["Dana Whitfield", "Omar Reyes"])


def test_a_perfect_prediction_scores_one():
    total, _ = ggt.score([(GOLD, perfect())])
    for t in ggt.THRESHOLDS:
        assert total.quotes[t].f1 == 1.0
        assert total.speaker_span[t].value == 1.0
        assert total.canonical[t].value == 1.0
    assert total.people.f1 == 1.0


def test_an_empty_prediction_scores_zero():
    total, results = ggt.score([(GOLD, Prediction(quotes=[]))])
    assert total.quotes[0.3].to_dict()["f1"] == 0.0
    assert total.quotes[0.3].gold == 4
    assert total.people.recall == 0.0
    assert sum(line.startswith("MISS") for line in ggt.error_lines(results[0])) == 4


def test_a_partial_prediction_scores_its_exact_value():
    prediction = Prediction(quotes=[
        # exact, right speaker
        PredictedQuote(spans=[span("the bridge would reopen in May")],
                       speaker=span("Dana Whitfield"), name="Dana Whitfield", kind="indirect"),
        # 7 of 15 word characters: a match at 0.3, not at 0.8; wrong mention, right person
        PredictedQuote(spans=[span("We are on")], speaker=span("reporters"),
                       name="Whitfield", kind="direct"),
        # nothing in gold: a false positive
        PredictedQuote(spans=[span("Critics were unconvinced")], speaker=None, name=None,
                       kind="indirect"),
        # the floating quote, given to the wrong person
        PredictedQuote(spans=[span("Nobody checked the cables.")], speaker=span("Dana Whitfield"),
                       name="Dana Whitfield", kind="direct"),
    ], people=["Whitfield", "Jo Reyes"])
    total, results = ggt.score([(GOLD, prediction)])
    low, high = total.quotes[0.3], total.quotes[0.8]
    assert (low.matched, low.predicted, low.gold) == (3, 4, 4)
    assert low.precision == low.recall == 0.75
    assert (high.matched, high.precision, high.recall) == (2, 0.5, 0.5)
    # of the three matched at 0.3: span right for the first only; name right for the first two
    assert (total.speaker_span[0.3].right, total.speaker_span[0.3].total) == (1, 3)
    assert (total.canonical[0.3].right, total.canonical[0.3].total) == (2, 3)
    assert (total.people.matched, total.people.precision, total.people.recall) == (1, 0.5, 0.5)
    # by kind, at 0.3: the one unquoted gold quote found, two of three quoted ones
    by_gold = {k: (r.right, r.total) for k, r in total.recall_by_gold_kind.items()}
    assert by_gold == {"unquoted": (1, 1), "quoted": (2, 3)}
    by_kind = {k: (r.right, r.total) for k, r in total.precision_by_kind.items()}
    assert by_kind == {"indirect": (1, 2), "direct": (2, 2)}
    errors = ggt.error_lines(results[0])
    assert sum(line.startswith("MISS") for line in errors) == 1
    assert sum(line.startswith("FALSE POSITIVE") for line in errors) == 1
    assert sum(line.startswith("SPEAKER") for line in errors) == 2
    assert any("[[Critics were unconvinced]]" in line for line in errors)


def test_one_prediction_cannot_match_two_gold_quotes():
    both = Prediction(quotes=[PredictedQuote(spans=[(span('"It is a mess,"')[0], len(TEXT))])])
    total, _ = ggt.score([(GOLD, both)])
    assert total.quotes[0.3].matched == 1


def write_gold(folder, name, text, data):
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(
        data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def gold_json(article: GoldArticle) -> dict:
    return {"quotes": [{"start": q.start, "end": q.end, "text": TEXT[q.start:q.end],
                        "speaker": {"start": q.speaker[0], "end": q.speaker[1]}
                        if q.speaker else None, "cue": None, "reference": q.reference}
                       for q in article.quotes], "sources": article.sources}


def test_reading_a_folder_skips_bad_files_and_quotes_with_warnings(tmp_path):
    write_gold(tmp_path, "bridge", TEXT, gold_json(GOLD))
    write_gold(tmp_path, "broken", TEXT, "{not json")
    bad_quote = gold_json(GOLD)
    bad_quote["quotes"][0]["end"] = len(TEXT) + 10
    write_gold(tmp_path, "offsets", TEXT, bad_quote)
    (tmp_path / "orphan.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ungraded.txt").write_text(TEXT, encoding="utf-8")
    articles, warnings = ggt.read_ggt(tmp_path)
    assert [a.id for a in articles] == ["bridge", "offsets"]
    assert articles[0].quotes == GOLD.quotes
    assert len(articles[1].quotes) == 3
    assert len(warnings) == 4
    assert any("ungraded.txt" in w and "ungraded.gold.json" in w for w in warnings)
    assert any("broken.gold.json" in w for w in warnings)
    assert any("orphan.gold.json" in w and "orphan.txt" in w for w in warnings)


def test_a_speaker_mention_placed_inside_a_word_is_moved_to_the_real_one(tmp_path):
    data = gold_json(GOLD)
    inside_the = TEXT.index("the mayor") + 1   # "he" inside "the", as some gold files have it
    data["quotes"][1]["speaker"] = {"start": inside_the, "end": inside_the + 2}
    text = TEXT.replace("she told", "he told")
    write_gold(tmp_path, "bridge", text, data)
    articles, _ = ggt.read_ggt(tmp_path)
    assert articles[0].relocated == 1
    start, end = articles[0].quotes[1].speaker
    assert (text[start:end], start) == ("he", text.index("he told"))


def test_missing_or_empty_folders_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such directory"):
        ggt.read_ggt(tmp_path / "absent")
    with pytest.raises(InputError, match="no <id>.txt"):
        ggt.read_ggt(tmp_path)


def test_sayso_statements_become_quotations_of_speech_and_named_people():
    from sayso.model import Article, Content, Entity, Speaker, Statement

    def statement(i, part, speaker, name, entity, act):
        s = span(speaker)
        parts = part if isinstance(part, tuple) else (part,)
        return Statement(id=f"S{i}", kind="indirect", act=act,
                         speaker=Speaker(*s, text=speaker, name=name, entity=entity), cue=None,
                         content=Content(spans=[span(p) for p in parts], text=" ".join(parts)))

    article = Article(id="bridge", text=TEXT, entities=[
        Entity(id="E1", name="Dana Whitfield", type="PERSON"),
        Entity(id="E2", name="Critics", type="OTHER")], statements=[
        statement(1, "the bridge would reopen in May", "Dana Whitfield", "Dana Whitfield",
                  "E1", "speech"),
        statement(2, ("It is a mess", "Nobody checked"), "Critics", "Critics", "E2", "speech"),
        statement(3, "Nobody checked the cables", "Omar Reyes", "Omar Reyes", None, "thought"),
    ])
    prediction = ggt.from_article(article)
    # speech only, and an interrupted content is one quotation per piece
    assert [q.spans for q in prediction.quotes] == [[span("the bridge would reopen in May")],
                                                   [span("It is a mess")],
                                                   [span("Nobody checked")]]
    assert prediction.people == ["Dana Whitfield"]
