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
