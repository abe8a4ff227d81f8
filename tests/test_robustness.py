"""Odd text never breaks the analysis: every offset stays inside the text and matches it."""

from __future__ import annotations

import random
import string

import sayso
from sayso.errors import InputError

PIECES = ['"', "“", "”", "«»", "''", "``", ":", "— With files from", "said", "he said.",
          "“,” he said.", "According to", "\n\n", "WATCH:", "Comments", "(", ")", "Mr.", "U.N.",
          "🙂 “Emoji,” she said 🙂.", "a\u200bb “zero width,” he said", "\t“tab”\tsaid\tX"]
ALPHABET = string.ascii_letters + " .,;:“”\"«»'‘’—-()\n" + "éß漢🙂"


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) if rng.random() < 0.2 else rng.choice(ALPHABET)
                   for _ in range(rng.randint(1, 300)))


def test_random_text_gives_valid_offsets_or_a_clear_error(nlp):
    rng = random.Random(20261124)
    for _ in range(150):
        text = random_text(rng)
        try:
            article = sayso.analyze(text, model=nlp)
        except InputError as exc:
            assert "\n" not in str(exc)
            continue
        assert article.text == text
        for s in article.statements:
            if s.speaker is not None:  # statements that name no source have none
                assert text[s.speaker.start:s.speaker.end] == s.speaker.text
            for start, end in s.content.spans:
                assert 0 <= start < end <= len(text)
        for c in article.chrome:
            assert 0 <= c.start <= c.end <= len(text)


def test_a_speaker_the_parser_labels_a_relative_clause_keeps_its_mention(nlp):
    """The parse of "clues about plans that mayors and their aides drafted" can hang "mayors"
    on "plans" as a relative clause, and "drafted" on "mayors": a word the cue scorer picks
    there must draw its speaker's mention from "mayors", not fail on an empty phrase."""
    from spacy.tokens import Doc

    from sayso.cues.unlisted import unlisted
    from sayso.speakers import speaker_phrase

    words = "The study offers clues about plans that mayors and their aides drafted .".split()
    heads = [1, 2, 2, 2, 3, 4, 7, 5, 7, 10, 7, 7, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "nsubj", "relcl", "cc", "poss",
            "conj", "acl", "punct"]
    pos = ["DET", "NOUN", "VERB", "NOUN", "ADP", "NOUN", "PRON", "NOUN", "CCONJ", "PRON",
           "NOUN", "VERB", "PUNCT"]
    tags = ["DT", "NN", "VBZ", "NNS", "IN", "NNS", "WDT", "NNS", "CC", "PRP$", "NNS", "VBN", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=[w.lower() for w in words])
    mention = speaker_phrase(doc[7])
    assert mention.start <= 7 < mention.end
    unlisted(doc[11], set(), sourceless=True)  # drafts a statement or none, without an error
