"""Verb lemmas the rule lemmatizer gets wrong by a spelling rule it does not know.

spaCy's English rule lemmatizer strips "-ed", "-ing" or "-es" and accepts any result it finds in
its verb index, so "hoped", "hoping" and "hopes" come out as "hop", "rated" as "rat" and
"scared" as "scar". English spelling settles it: a one-syllable verb ending in one vowel and one
consonant doubles that consonant before "-ed" and "-ing" ("hopped", "hopping") and takes "-s",
not "-es" ("hops"). A form without the doubling is the verb with a silent "e". The cue stages
read lemmas, so a misread "hope" is no cue at all; in PolNeAR's training articles "hope" alone
is misread about a hundred times.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc

#: A lemma of one syllable that ends in one vowel and one consonant that doubles ("hop", "rat";
#: not "show", "fix", "play", "need").
_SHORT_CLOSED = re.compile(r"[^aeiouy]*[aeiou][bcdfgklmnprstvz]")
_ENDINGS = ("ed", "ing", "es")


def repair(doc: Doc, known_verbs: Collection[str]) -> Doc:
    """Give each verb read as a short closed lemma, but written without the doubling, the lemma
    with "e" when the lemmatizer knows that verb ("hoped": "hope"; "hopped" stays "hop")."""
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if _SHORT_CLOSED.fullmatch(lemma) and lemma + "e" in known_verbs and \
                any(token.lower_ == lemma + ending for ending in _ENDINGS):
            token.lemma_ = lemma + "e"
    return doc
