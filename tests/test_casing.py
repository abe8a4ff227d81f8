"""Title Case headlines: parsed in sentence case, reported in the letters they were written in."""

from __future__ import annotations

import pytest

import sayso
from sayso.casing import is_title_case, sentence_cased

BODY = ("\n\nCrews fought the fire through the night at the Alder Street warehouse, Chief Noor "
        "Haddad said on Tuesday. Nobody was hurt, but the building and the bakery next door were "
        "lost, and the road will stay closed until the walls have been checked by engineers.\n"
        "The warehouse had stood empty since the spring. Its owner could not be reached, and "
        "the crews of Deputy Chief Okafor’s station will return on Wednesday.\n")


def test_headline_words_are_lowercased_unless_the_body_capitalises_them():
    text = "Chief Haddad Says Alder Street Fire Was Set" + BODY
    cased = sentence_cased(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()
    headline = cased.split("\n")[0]
    # "Haddad", "Alder" and "Street" are capitalised inside a sentence of the body;
    # "says", "fire" and the rest are not
    assert headline == "Chief Haddad says Alder Street fire was set"
    assert cased[len(headline):] == text[len(headline):]


@pytest.mark.parametrize("line, expected", [
    ("Police Believe Fire Was Set Deliberately", True),
    ("Union Warns of Strike if Talks Fail", True),        # minor words may stay small
    ("Police believe the fire was set deliberately", False),
    ("GOP Wins", False),                                   # too short to tell
    ("From Ana Ruiz writing at the Harbour Post:", False),
    ("Harbour: Ana Ruiz, Tom Hale, Mira Tal, Omar Haddad", False),   # a list of names
])
def test_title_case_lines(line, expected):
    assert is_title_case(line) is expected


def test_text_without_title_case_lines_is_left_alone():
    text = "Police said the fire was set.\nNobody was hurt."
    assert sentence_cased(text) is text


def test_a_headline_without_a_body_to_judge_by_is_left_as_written():
    text = "Chief Haddad Says Alder Street Fire Was Set\n\nNobody was hurt.\n"
    assert sentence_cased(text) is text


def test_a_name_the_body_writes_only_as_a_possessive_keeps_its_capital():
    text = "Residents Praise Okafor For Quick Response" + BODY
    assert sentence_cased(text).split("\n")[0] == "Residents praise Okafor for quick response"


def test_a_title_case_headline_gives_its_statement_in_the_letters_written():
    text = "Police Believe Fire Was Set Deliberately" + BODY
    article = sayso.analyze(text)
    found = [s for s in article.statements if s.content.start < text.index("\n")]
    assert found, [s.content.text for s in article.statements]
    s = found[0]
    assert (s.speaker.text, s.cue.text, s.content.text) == \
        ("Police", "Believe", "Fire Was Set Deliberately")
    assert article.text == text


def test_the_restored_doc_has_the_text_as_written_and_the_sentence_cased_parse(nlp):
    from sayso.model import RawArticle
    from sayso.pipeline import prepare_doc

    text = "Minister Insists Budget Is Balanced" + BODY
    prepared = prepare_doc(nlp, RawArticle(id="budget", text=text))
    assert prepared.text.startswith("Minister insists budget is balanced")
    assert prepared._.as_written == text
    doc = nlp(prepared)
    assert doc.text == text and doc._.as_written is None
    insists = doc[1]
    assert insists.text == "Insists" and insists.pos_ == "VERB" and insists.lemma_ == "insist"
    assert doc.tensor.shape[0] == len(doc)
