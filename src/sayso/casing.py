"""Headlines in Title Case, parsed as the sentences they are.

Scraped articles often open with a headline in Title Case ("Mayor Says Ferry Fares Will Rise").
spaCy's small English pipeline reads such a line as a row of proper nouns, with no verb and so
no cue. Before parsing, each Title Case line is put in sentence case: a word keeps its capital
only where the article's own body writes it so inside a sentence, as it does names; a word the
body never uses is lowercased, which is right far more often for the verbs and nouns of a
headline than for a name mentioned nowhere else. A text with too little body to tell (a
headline alone) is left as written. After parsing, ``restore`` gives the Doc back
the article's own letters with the parse made on the sentence-cased ones. Only the case of
letters changes, so every offset holds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"['’]s$")
_LINE = re.compile(r"[^\n]+")
#: Words a Title Case headline may leave in lower case.
_MINOR = frozenset("a an and as at but by for from if in into nor of on or per than the to via vs "
                   "with".split())
#: Characters after which the next word opens a sentence (where a capital says nothing).
_OPENERS = ".!?:\"“”‘’'("
#: How many capitalised words make a line a Title Case headline, and how many words it has at
#: most (a longer line, or one with three commas or more, is a list of names).
MIN_WORDS = 3
MAX_WORDS = 25
#: How many words of body the evidence for a headline's capitals needs.
MIN_BODY_WORDS = 40
#: The parse attributes ``restore`` carries over (sentence starts follow from the heads).
_PARSE = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]


def is_title_case(line: str) -> bool:
    """Every word but the minor ones starts with a capital, there are enough of them, and the
    line is as short as a headline and no list."""
    words = _WORD.findall(line)
    major = [w for w in words if w.lower() not in _MINOR]
    return MIN_WORDS <= len(major) and len(words) <= MAX_WORDS and line.count(",") < 3 and \
        all(w[0].isupper() for w in major)


def sentence_cased(text: str) -> str:
    """The text with its Title Case lines in sentence case (the same length, the same words)."""
    lines = [(m, is_title_case(m.group())) for m in _LINE.finditer(text)]
    titles = [m for m, title in lines if title]
    if not titles:
        return text
    body_lines = [m.group() for m, title in lines if not title]
    if sum(len(_WORD.findall(line)) for line in body_lines) < MIN_BODY_WORDS:
        return text
    body = _mid_sentence_forms(body_lines)
    chars = list(text)
    for line in titles:
        words = list(_WORD.finditer(line.group()))
        for word in words[1:]:
            written = word.group()
            stem = _POSSESSIVE.sub("", written)
            if written[0].isupper() and not written.isupper() and \
                    body[stem.lower()] >= body[stem]:
                start = line.start() + word.start()
                chars[start:start + len(written)] = written.lower()
    return "".join(chars)


def _mid_sentence_forms(lines: Iterable[str]) -> Counter[str]:
    """How often each written form (a possessive counted as its noun) occurs where a capital
    is not forced by a sentence start."""
    forms: Counter[str] = Counter()
    for line in lines:
        for word in _WORD.finditer(line):
            before = line[:word.start()].rstrip()
            if before and before[-1] not in _OPENERS:
                forms[_POSSESSIVE.sub("", word.group())] += 1
    return forms


def restore(doc: Doc, text: str) -> Doc:
    """A Doc of ``text`` (``doc``'s text with other letter case) carrying ``doc``'s tokens,
    parse, entities, context vectors and extension values."""
    words = [text[t.idx:t.idx + len(t)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(_PARSE, doc.to_array(_PARSE))
    restored.tensor = doc.tensor
    restored.user_data.update(doc.user_data)
    return restored
