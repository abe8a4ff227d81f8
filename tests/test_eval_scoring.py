"""The shared scoring pieces: word characters, one-to-one greedy matching, names, P/R/F1."""

from sayso.evaluate.scoring import (PRF, coverage, jaccard, match_greedy, name_match,
                                    same_person, word_chars)

TEXT = 'Ana Silva said: "We are on schedule."'


def span_of(part: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_word_chars_ignore_quotation_marks_and_punctuation():
    bare = word_chars(TEXT, [span_of("We are on schedule")])
    quoted = word_chars(TEXT, [span_of('"We are on schedule."')])
    assert bare == quoted
    assert len(bare) == len("Weareonschedule")


def test_a_span_of_punctuation_alone_keeps_its_characters():
    colon = word_chars(TEXT, [span_of(":")])
    assert colon == {TEXT.index(":")}


def test_discontinuous_spans_are_united():
    both = word_chars(TEXT, [span_of("We"), span_of("schedule")])
    assert len(both) == len("Weschedule")


def test_coverage_is_measured_on_the_gold_side():
    gold = word_chars(TEXT, [span_of("We are on schedule")])
    part = word_chars(TEXT, [span_of("We are on")])
    assert coverage(gold, part) == 7 / 15
    assert coverage(part, gold) == 1.0
    assert jaccard(gold, part) == 7 / 15
    assert coverage(frozenset(), part) == 0.0


def test_greedy_matching_is_one_to_one_in_gold_order():
    gold = [frozenset({1, 2}), frozenset({3, 4})]
    one_long = [frozenset({1, 2, 3, 4})]
    assert match_greedy(gold, one_long, coverage, lambda c: c > 0.3) == [0, None]
    two = [frozenset({3, 4}), frozenset({1, 2, 9})]
    assert match_greedy(gold, two, coverage, lambda c: c > 0.3) == [1, 0]


def test_greedy_matching_takes_the_best_prediction_for_each_gold_item():
    gold = [frozenset({1, 2, 3, 4})]
    preds = [frozenset({1}), frozenset({1, 2, 3})]
    assert match_greedy(gold, preds, coverage, lambda c: c > 0.2) == [1]


def test_prf_from_counts():
    prf = PRF()
    prf.add(matched=2, predicted=3, gold=4)
    assert (prf.precision, prf.recall) == (2 / 3, 0.5)
    assert abs(prf.f1 - 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5)) < 1e-12
    assert PRF().f1 == 0.0


def test_names_equal_after_folding_accents_case_and_titles():
    assert name_match("José Núñez", "jose nunez") == 2
    assert name_match("Dr. Ana Silva", "Ana Silva") == 2
    assert name_match("Ana Silva Jr.", "Ana Silva") == 2


def test_same_surname_with_compatible_given_names():
    assert name_match("Silva", "Ana Silva") == 1
    assert name_match("A. Silva", "Ana Silva") == 1
    assert not same_person("Bo Silva", "Ana Silva")
    assert not same_person("Ana Sousa", "Ana Silva")
    assert not same_person("", "Ana Silva")


def test_leading_article_is_not_part_of_a_name():
    from sayso.evaluate.scoring import same_person

    assert same_person("The Harbour Workers Union", "Harbour Workers Union")
    assert not same_person("The Harbour Workers Union", "Harbour Pilots Union")


def test_a_leading_article_does_not_make_another_name():
    assert name_match("The Lakeview Ledger", "Lakeview Ledger") == 2
    assert not same_person("The Ledger", "The Lakeview Post")


def test_joint_names_match_whatever_their_separator():
    from sayso.evaluate.scoring import same_person

    assert same_person("Ada Stone and Ben Ruiz", "Ada Stone; Ben Ruiz")
