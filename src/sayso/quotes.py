"""Quotes: the character spans of quotations, marks included.

Works on characters, not tokens, because quotation marks follow typographic rules the tokenizer
does not know: a quotation that runs over several paragraphs opens a mark at the start of each
paragraph and closes only at the end of the last one. Scraped text often mixes straight and
curly marks in one quotation (“...," or "...”); either kind closes the other. Single quotation
marks are left alone: in news they are nested quotes, headline quotes or apostrophes far more
often than top-level quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSING = {"”", "»", "›"}
STRAIGHT = '"'
#: What may stand around the words of a quotation: its marks, single or double, and spaces.
QUOTE_EDGES = "“”\"«»‘’' "
#: Characters after which a straight double quote opens rather than closes, besides any space
#: (the no-break space that scraped text keeps between sentences too: 'he said.\xa0"Next, ...').
_OPENS_AFTER = set("([{—–-/:")
#: Three apostrophes: a typewriter double mark beside a single one that a nested quote opens
#: or closes. Before a word the double mark comes first, elsewhere it comes last.
_TRIPLE_OPENING = re.compile(r"'''(?=\w)")
_TRIPLE = re.compile(r"'''")
#: An opening mark typed where a closing one belongs ('her here,“ said Jim', 'a “fair
#: deal“ for'): against a word or its stop or comma and before a space it can only close; an
#: opening mark stands before its first word.
_MISTYPED_CLOSING = re.compile(r"(?:(?<=\w)|(?<=\w[,.?!]))“(?=\s|$)")
#: A closing mark typed where an opening one belongs ('\n”Fear. I am ...', 'said ”no'): after a
#: space or at a line's start and against a word it can only open.
_MISTYPED_OPENING = re.compile(r"(?:(?<=\s)|^)”(?=\w)", re.M)
#: An opening mark typed twice ('plan: ““Every ...'): the first opens the quotation and
#: the second is part of it, not an empty quotation of its own.
_DOUBLED_OPENING = re.compile(r"(?<=“)“")


@dataclass(frozen=True)
class Quote:
    """A quotation from its opening to its closing mark; ``paragraphs`` > 1 when it runs on."""

    start: int
    end: int
    paragraphs: int = 1
    closed: bool = True


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPENING:
        return True
    return ch == STRAIGHT and (i == 0 or text[i - 1] in _OPENS_AFTER or text[i - 1].isspace())


def _paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def find_quotes(text: str) -> tuple[list[Quote], list[str]]:
    """All top-level quotations in the text, and warnings for marks that do not balance.

    Two apostrophes or two backquotes (typewriter style, common in wire copy) count as a
    double quotation mark."""
    original, text = text, _with_double_marks(text)
    quotes: list[Quote] = []
    warnings: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if not _is_opening(text, i):
            i += 1
            continue
        start, paragraphs, first_end, second = i, 1, None, None
        while True:
            close, stop = _find_close(text, i)
            if close is not None:
                end = close + (2 if original[close:close + 2] == "''" else 1)
                if second is not None and _two_attributions(text, start, close):
                    quotes.append(Quote(start, first_end))
                    start, paragraphs = second, paragraphs - 1
                quotes.append(Quote(start, end, paragraphs))
                i = end
                break
            # Open at the end of a paragraph: it continues if the next paragraph opens a mark.
            nxt = stop
            while nxt < n and text[nxt] in "\r\n \t":
                nxt += 1
            if stop < n and text[stop] in "\r\n" and nxt < n and _is_opening(text, nxt):
                if paragraphs == 1:
                    first_end, second = _trimmed_end(text, start, stop), nxt
                paragraphs += 1
                i = nxt
                continue
            end = _trimmed_end(text, start, stop)
            quotes.append(Quote(start, end, paragraphs, closed=False))
            warnings.append(f"unbalanced quotation mark at offset {start}: taken to end at "
                            f"offset {end}")
            i = stop
            break
    return quotes, warnings


def _trimmed_end(text: str, start: int, stop: int) -> int:
    """Where a quotation left open at ``stop`` ends, without the spaces before it."""
    end = stop
    while end > start + 1 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _two_attributions(text: str, start: int, close: int) -> bool:
    """“A,” she said. “B.¶“C,” she said.: a quotation that opens after words of its paragraph,
    its attribution among them, and closes on a comma before an attribution of its own in a
    later paragraph has two attributions; its first paragraph's part is a quote of its own,
    said where that paragraph says so, as annotators draw it (6 of 7 such quotations in
    PolNeAR's kept training articles, 2 of 2 in the held ones). One that opens its paragraph
    ("He described the scene.¶“A.¶“B,” he said.") or closes without a comma ("...¶“B!” she
    said.") stays one."""
    opened_after_words = _has_words(text[text.rfind("\n", 0, start) + 1:start])
    return opened_after_words and text[start:close].rstrip(" \"'").endswith(",")


def _with_double_marks(text: str) -> str:
    """The text with each typewriter double mark written as one straight double quote and a
    space, each mistyped opening or closing mark as the mark it stands for and the second of a
    doubled opening mark as a space, so that every offset stays where it was."""
    text = _MISTYPED_CLOSING.sub("”", text)
    text = _MISTYPED_OPENING.sub("“", text)
    text = _DOUBLED_OPENING.sub(" ", text)
    text = _TRIPLE_OPENING.sub("\" '", text)
    text = _TRIPLE.sub("'\" ", text)
    return text.replace("''", '" ').replace("``", '" ')


def _find_close(text: str, i: int) -> tuple[int | None, int]:
    """The closing mark of the quote opened at ``i`` and, when there is none, where it stops:
    at the end of the paragraph or where another quotation opens."""
    opener = text[i]
    closer = OPENING.get(opener, STRAIGHT)
    end = _paragraph_end(text, i)
    j = i + 1
    while j < end:
        ch = text[j]
        if _closes(text, j, opener, closer):
            return j, j  # straight and curly marks close each other in carelessly typed text
        if ch in OPENING and ch != closer:
            nested = _nested_close(text, j, end) if _has_words(text[i + 1:j]) else None
            if nested is None:
                return None, j
            j = nested
        j += 1
    return None, end


def _closes(text: str, j: int, opener: str, closer: str) -> bool:
    """The mark at ``j`` closes a quotation opened with ``opener``."""
    ch = text[j]
    return ch == closer or ch in CLOSING or \
        (ch == STRAIGHT and opener != STRAIGHT and not _is_opening(text, j))


def _has_words(text: str) -> bool:
    """Words stand between two opening marks: the second opens inside the first's quotation."""
    return any(ch.isalnum() for ch in text)


def _nested_close(text: str, j: int, end: int) -> int | None:
    """“... even when “our side” errs, we must say so.”: a quotation inside a quotation typed
    with the same double marks. The inner mark at ``j``, after words of the outer quote (not
    '"“A,” she said."', a quoted passage that opens with a quotation of its own), opens a
    nested quote when two closing marks follow it in the paragraph with no opening one among
    them, the first closing the inner quote and the second the outer one (the gold draws one
    quotation in all 5 such cases in PolNeAR's kept training articles). Returns where the
    inner quote closes."""
    closes = []
    for k in range(j + 1, end):
        if text[k] in OPENING:
            return None
        if _closes(text, k, text[j], OPENING.get(text[j], STRAIGHT)):
            closes.append(k)
            if len(closes) == 2:
                return closes[0]
    return None


def mark(doc, analysis) -> None:  # noqa: ANN001 - (Doc, Analysis), typed in component.STAGES
    """Stage: record the article's quotations, leaving out those in page chrome."""
    found, warnings = find_quotes(analysis.text)
    analysis.quotes = [q for q in found if not analysis.in_chrome(q.start, q.end)]
    analysis.warnings += [w for w, q in zip(warnings, (q for q in found if not q.closed))
                          if not analysis.in_chrome(q.start, q.end)]
