"""Verb lemmas repaired by English spelling: "hoped" is "hope", "hopped" is "hop"."""

from __future__ import annotations

import pytest

import sayso

from tests.test_constructions import by_cue


@pytest.mark.parametrize("sentence, word, lemma", [
    ("The council hoped the ferry would run by May.", "hoped", "hope"),
    ("The rabbit hopped over the fence.", "hopped", "hop"),
    ("Officials are hoping to reopen the pier.", "hoping", "hope"),
    ("The agency rated the bridge unsafe last year.", "rated", "rate"),
    ("The union has waged a long campaign against the levy.", "waged", "wage"),
    ("The mayor is shopping for a new car.", "shopping", "shop"),
])
def test_verb_lemmas_follow_the_doubling_rule(nlp, sentence, word, lemma):
    token = next(t for t in nlp(sentence) if t.text == word)
    assert token.lemma_ == lemma


def test_a_misread_hope_is_read_as_a_cue():
    """Read as "hop", "hoping" was a cue only where the learned scorer guessed it; as "hope" it
    is the listed verb, with its infinitive as content wherever it stands."""
    fronted = sayso.analyze("Hoping to calm the crowd, the chief promised a review.")
    assert by_cue(fronted, "Hoping").content.text == "to calm the crowd"
    relative = sayso.analyze("Senator Voss, who last year threatened to close the port over the "
                             "levy, and who has been hoping to win farm votes away from Mayor "
                             "Lee, quickly ran an ad about the levy.")
    assert by_cue(relative, "has been hoping").content.text == \
        "to win farm votes away from Mayor Lee"
    assert by_cue(relative, "threatened").content.text == "to close the port over the levy"


def test_the_repair_needs_the_lemmatizers_own_verb():
    """No verb "buse" in the lemmatizer's index: "bused" keeps the lemma "bus"."""
    from spacy.lang.en import English

    from sayso import lemmas

    doc = English()("Pupils were bused")
    doc[2].pos_, doc[2].lemma_ = "VERB", "bus"
    assert lemmas.repair(doc, frozenset({"hope"}))[2].lemma_ == "bus"
    doc = English()("They hoped")
    doc[1].pos_, doc[1].lemma_ = "VERB", "hop"
    assert lemmas.repair(doc, frozenset({"hope"}))[1].lemma_ == "hope"
