"""Lines that attribute with a colon: a title ("Okafor: Harbour fares will rise"), a
transcript ("TAPPER: Do you think ...?") or a round-up of sources ("- Jeffrey Jones: “...”").

News shortens "X said Y" to "X: Y". A colon attributes only where it follows what opens a line
(or a dash that opens an item within one), and only when that is short (or a role and the
person's name that heads it: "Former trade minister Ana Ruiz:") and names a source. In
the title that is a person, an organisation or a group by name (tagged so in the title, or
named so in the article: titles are hard on the tagger); below it, where colons also introduce
lists and places ("Ontario: ..."), only a person, or a name in capitals that opens the line as a
transcript's speakers do ("KATE MORROW: ..."). Written or measured sources ("Poll: ...",
"Report: ...") count everywhere. Labels such as "The Latest:", "Breaking:" or "Watch:" name
none and are left alone, and so is a section heading below the title, a name before words
with neither a finite verb nor a quotation ("Rubio: Finish second."). The content runs to the
end of the line, or to the next item on it: a line that opens with an attribution may hold more
after a sentence or a quotation ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from spacy.tokens import Doc, Token

from ..analysis import Analysis, Draft
from ..lexicon import PARTY_ENTITIES
from .spans import breaks_line_after, to_spans
from .words import FINITE_TAGS

#: Words before a colon that name a source though no entity: "Poll: ...".
SOURCE_NOUNS = frozenset({"poll", "survey", "report", "study", "newspaper", "editorial", "memo",
                          "documents", "historians", "insiders", "experts", "officials"})
#: Words of a label, which names no source: "The Latest:", "Editor's Note:", "Watch:".
LABEL_WORDS = frozenset({"latest", "breaking", "watch", "update", "updated", "note", "related",
                         "exclusive", "analysis", "opinion", "live", "video", "photos", "listen",
                         "read", "correction", "clarification", "follow", "look"})
#: At most this many words before the colon.
MAX_SOURCE_WORDS = 5
#: At most this many where a person's name ends them, after a role ("Former trade minister
#: Ana Ruiz:").
MAX_NAMED_SOURCE_WORDS = 10
#: At most this many words in a transcript speaker's name in capitals ("JAKE TAPPER:").
MAX_TRANSCRIPT_WORDS = 3
_TITLE_ENTITIES = PARTY_ENTITIES
_BODY_ENTITIES = frozenset({"PERSON"})
#: Marks that open an item inside a line ("... races - Ana Ruiz: “...”").
_ITEM_DASHES = frozenset({"-", "--", "—", "–", "•"})


def colon_attributions(doc: Doc, analysis: Analysis) -> list[Draft]:
    """Every line's attributions by colon: the line's first colon decides whether it opens with
    one, and then each later item on it is one more ("Jeffrey Jones: “...” Mary Lee: “...”",
    or a transcript whose line breaks a scraper lost)."""
    drafts = []
    named = {naming: {t.lower_ for ent in doc.ents if ent.label_ in naming for t in ent}
             for naming in (_TITLE_ENTITIES, _BODY_ENTITIES)}
    for n, line in enumerate(_lines(doc)):
        naming = _TITLE_ENTITIES if n == 0 else _BODY_ENTITIES
        read = partial(_attribution, doc, analysis, naming=naming, named=named[naming],
                       title=n == 0)
        first = read(line)
        if first is None:
            continue
        items: list[Draft] = []
        end = len(line)
        opened = next(k for k, t in enumerate(line) if t.i == first.cue.start)  # its colon
        for start in range(end - 1, opened + 1, -1):  # from the right: each ends the last
            if _after_sentence(line[start - 1]) and (item := read(line[start:end])) is not None:
                items.append(item)
                end = start
        head = first if end == len(line) else read(line[:end])
        drafts += [d for d in (head, *reversed(items)) if d is not None]
    return drafts


def _after_sentence(token: Token) -> bool:
    """A sentence or a quotation ends with the token, so a new item may open after it."""
    return token.text in (".", "!", "?", "”", "»", '"', "''")  # not "’": "CANDIDATES’ VIEW"


def _attribution(doc: Doc, analysis: Analysis, line: list[Token], *, naming: frozenset[str],
                 named: set[str], title: bool) -> Draft | None:
    """The line's attribution: ``naming`` are the entity labels that name a source on it, and
    ``named`` the words of such names anywhere in the article."""
    colon = next((t for t in line if t.text == ":"), None)
    if colon is None or analysis.in_chrome(colon.idx, colon.idx + 1):
        return None
    if not title and line[0].is_quote:
        return None  # a quoted transcript line is the quotation's to attribute
    start = line[0].i
    for t in line:
        if t.i < colon.i and t.text in _ITEM_DASHES and not _inside_last_word(t, colon):
            start = t.i + 1
    words = [t for t in doc[start:colon.i] if not t.is_punct and not t.is_space]
    most = MAX_NAMED_SOURCE_WORDS if _role_and_name(words) else MAX_SOURCE_WORDS
    if not 1 <= len(words) <= most or any(_label_word(t) for t in words):
        return None
    speaks = not title and _transcript_speaker(words, line)
    if not speaks and not any(t.ent_type_ in naming or _source_noun(t) or
                              ((t.is_title or t.is_upper) and t.lower_ in named)
                              for t in words):
        return None
    if not speaks and any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "Vale is more direct:": a clause, which the quote pass reads
    content = [t.i for t in line if t.i > colon.i]
    if sum(1 for i in content if doc[i].is_alpha) < 2:
        return None
    if not title and not speaks and _section_heading([doc[i] for i in content]):
        return None
    head = max(words, key=lambda t: (t.ent_type_ in naming, t.i))
    spans = to_spans(doc, content)
    # "- Ruth Alder: “...”": an item that is one whole quotation quotes its source directly
    quote = next((q for q in analysis.quotes if [(q.start, q.end)] == spans), None)
    return Draft("indirect" if quote is None else "direct", spans, cue=doc[colon.i:colon.i + 1],
                 cue_lemma=":", subject=head, speaker=doc[words[0].i:words[-1].i + 1],
                 quote=quote, confidence=0.6)


def _section_heading(content: list[Token]) -> bool:
    """"Rubio: Finish second.", "Carson: A miracle.": below the title, words after a name that
    hold neither a finite verb nor a quotation head a section of a round-up about that person,
    and report nothing the person said (a transcript's speaker, whose turn may be a bare
    question, is read before this)."""
    return not any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" or t.is_quote for t in content)


def _role_and_name(words: list[Token]) -> bool:
    """"Former trade minister Ana Ruiz:": a person's name that ends the words and heads all of
    them, so the words before it are a role, however long."""
    return bool(words) and words[-1].ent_type_ == "PERSON" and \
        words[-1].left_edge.i <= words[0].i


def _label_word(token: Token) -> bool:
    """A word of ``LABEL_WORDS`` that does not go on a name ("Harbour Watch:" names a source
    where "Watch:" labels a video)."""
    before = token.nbor(-1) if token.i > 0 else None
    return token.lower_ in LABEL_WORDS and not (
        token.ent_iob_ == "I" and before is not None and before.pos_ == "PROPN")


def _inside_last_word(dash: Token, colon: Token) -> bool:
    """"Harbor Herald Fact-Check:", "Lise Okafor-Haddad:": a hyphen with no space on either side,
    in the word that ends at the colon, joins that word and opens no item."""
    return 0 < dash.i == colon.i - 2 and not dash.whitespace_ and not dash.nbor(-1).whitespace_ \
        and not dash.nbor(1).whitespace_


def _source_noun(token: Token) -> bool:
    """A word of ``SOURCE_NOUNS``, as written or by lemma ("Polls:", "Experts:"): the list
    names plural sources as they are written, which a lemma never is."""
    return token.lower_ in SOURCE_NOUNS or token.lemma_.lower() in SOURCE_NOUNS


def _transcript_speaker(words: list[Token], line: list[Token]) -> bool:
    """"KATE MORROW: Why not debate?": a name in capitals opening a line below the title
    is a transcript's speaker, though the tagger, thrown by the capitals, knows no name in it
    (or takes it for a verb)."""
    return words[0].i == line[0].i and len(words) <= MAX_TRANSCRIPT_WORDS and all(
        t.is_upper and t.is_alpha and len(t) > 1 for t in words)


def _lines(doc: Doc) -> Iterator[list[Token]]:
    tokens: list[Token] = []
    for token in doc:
        if not token.is_space:
            tokens.append(token)
        if tokens and breaks_line_after(token):
            yield tokens
            tokens = []
    if tokens:
        yield tokens
