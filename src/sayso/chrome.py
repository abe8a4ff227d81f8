"""Chrome: page furniture that scrapers save along with the article.

A line is chrome when it is short and starts (or, for captions, ends) the way teasers, prompts
and credits do on news sites. Chrome is listed, never deleted: offsets keep pointing into the text
as given. Patterns are data (``PATTERNS``), so a user can extend them for their own sources.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .model import Chrome

#: (kind, pattern) pairs tried in order on each stripped line; the first that matches wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rx, re.I if ci else 0)) for kind, rx, ci in [
    ("video", r"^(WATCH|VIDEO|WATCH LIVE|LIVE)\s*[:|\-–]", False),
    ("video", r"^(watch|video)\s*:", True),
    ("related", r"^(READ MORE|RELATED|MORE|ALSO READ|READ ALSO|SEE ALSO|RECOMMENDED|TRENDING|"
                r"LATEST|FROM THE ARCHIVES?)\s*(STORIES|STORY|VIDEOS?|LINKS?)?\s*[:|\-–]", True),
    ("related", r"^(read the (rest|full story)|click here|continue reading)\b", True),
    ("credit", r"^[—–\-]*\s*(with|with additional) (files|reporting|a report|reports) from\b",
     True),
    ("credit", r"^\(?(reporting|additional reporting|writing|editing) by\b.*\)?$", True),
    ("promo", r"^(get|sign up|subscribe|download|follow us|like us|join us|don.t miss)\b.*"
              r"\b(news|newsletter|alerts?|updates?|app|briefing|inbox|today)\b", True),
    ("promo", r"^(advertisement|story continues below( advertisement)?|sponsored( content)?|"
              r"this story continues below|ad)$", True),
    ("promo", r"^(sign up|subscribe)( now| today| here)?\b", True),
    ("comments", r"^(\d+\s+)?comments?( \(\d+\))?$", True),
    ("comments", r"^(leave a comment|join the conversation|comment on this (story|article)|"
                 r"show comments|view comments|commenting (is|has been) (closed|disabled))\b",
     True),
    ("share", r"^(share( this( story| article)?)?|share on \w+|tweet|email|e-mail|print|"
              r"copy link|facebook|twitter|linkedin|whatsapp|reddit|pinterest)$", True),
    ("share", r"^share (this|on|via)\b", True),
    ("caption", r"^(photo|image|file photo|picture|credit|photograph)\s*[:|/]", True),
    ("caption", r"^open this photo in gallery\b", True),
    # a photographer and an outlet in brackets at the end: "(Ana Ruiz/Harbour Press)"
    ("caption", r"\(\s*[A-Z][^()/]{1,60}/\s*[A-Z][^()/]{1,60}\)\s*$", False),
    ("caption", r"(\(?(ap|reuters|afp|getty images|the canadian press|cp|file) photo\b.*\)?|"
                r"/\s*(getty images|the canadian press|reuters|ap|afp|shutterstock)\)?)\s*$", True),
    ("other", r"^(copyright|©|all rights reserved|this (article|story) was (originally )?"
              r"(published|updated)|corrections? (appended|and clarifications))\b", True),
]]

#: Lines longer than this are prose, whatever they start with; captions, which end with their
#: credit, may run longer, as a caption often tells the photo's story in a sentence or two.
MAX_WORDS = 25
CAPTION_MAX_WORDS = 60

#: Dashes that set off a phrase ("... $2 million — a high sum ..."), end a dateline or sign a
#: quotation ("“...” ― Ida Berg").
DASHES = frozenset({"-", "--", "—", "–", "―"})

#: How many words a dateline before its dash may have ("WASHINGTON, June 24 (UPI) —").
DATELINE_WORDS = 10

_CREDIT_SOURCE = re.compile(r"\bfrom\s+(.+?)\.?\s*$", re.I)


def classify_line(line: str) -> str | None:
    """The chrome kind of one line of text, or None for article prose."""
    stripped = line.strip()
    words = len(stripped.split())
    if not stripped or words > CAPTION_MAX_WORDS:
        return None
    for kind, pattern in PATTERNS:
        if words <= (CAPTION_MAX_WORDS if kind == "caption" else MAX_WORDS) and \
                pattern.search(stripped):
            return kind
    return None


def find_chrome(text: str) -> list[Chrome]:
    """Every chrome line in the text, each span from its first to its last visible character."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        kind = classify_line(line)
        if kind:
            lead = len(line) - len(line.lstrip())
            found.append(Chrome(offset + lead, offset + len(line.rstrip()), kind))  # type: ignore[arg-type]
        offset += len(line)
    return found


def blank(text: str, chrome: list[Chrome]) -> str:
    """The text with chrome replaced by spaces: same length, same line breaks, nothing to parse."""
    if not chrome:
        return text
    chars = list(text)
    for c in chrome:
        for i in range(c.start, c.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def credits(text: str, chrome: list[Chrome]) -> list[str]:
    """The agencies named in credit lines ("With files from Reuters and AP" gives both)."""
    names: list[str] = []
    for c in chrome:
        if c.kind != "credit":
            continue
        match = _CREDIT_SOURCE.search(text[c.start:c.end].strip(" ()"))
        if not match:
            continue
        for name in re.split(r",\s*|\s+and\s+|\s*&\s*", match.group(1)):
            name = name.strip(" .;)")
            if name and name not in names:
                names.append(name)
    return names


def dateline_end(doc: Doc, start: int) -> int | None:
    """"TORONTO — The airline will cut 400 jobs", "WASHINGTON, June 24 (UPI) — Sen. Ida Berg
    said": the place in capitals (with a date or an agency) and the dash that open a paragraph
    say where the story was filed. The parser takes them into the clause or the subject after
    them, but they are neither what anyone said nor who said it. Returns the index of the word
    after the dash, or None when no dateline opens the paragraph at ``start``."""
    first = doc[start]
    if not (start == 0 or "\n" in doc[start - 1].text) or \
            not (first.is_upper and first.is_alpha and len(first) > 2):
        return None
    for token in doc[start + 1:start + DATELINE_WORDS + 1]:
        if token.text in DASHES:
            return token.i + 1
        if not (token.is_upper or token.is_punct or token.like_num or token.ent_type_ == "DATE"
                or token.is_space):
            return None
    return None
