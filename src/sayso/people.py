"""The people an article names: one ``Person`` for "Bashar al-Assad", "Assad" and "Mr. Assad",
with a gender read from the article itself.

No neural coreference model installs from a package registry, so the index works on the named
entities and the parse: full names, surnames, titles stripped, given names the recogniser left
out, surnames it missed; gender from honorifics, the usual gender of a given name and the
pronouns that follow a person when they are the only one in view. ``speakers`` resolves speaker
mentions against it; ``entities`` lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import BODY_NOUNS, COMPANY_NOUNS, INSTITUTION_NOUNS, PRONOUNS, REFLEXIVES
from .names import gender_of

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev",
          "justice", "judge", "sen", "senator", "rep", "gov", "governor", "mayor", "president",
          "premier", "minister", "chancellor", "king", "queen", "prince", "princess", "pope",
          "gen", "general", "col", "capt", "sgt", "lt", "officer", "chief", "det", "const",
          "coun", "councillor", "councilor", "mp", "mpp", "mla", "secretary", "ambassador",
          "commissioner", "superintendent", "inspector", "prime", "deputy", "vice", "leader",
          "treasurer", "chair", "chairman", "chairwoman", "chairperson", "spokesperson",
          "spokesman", "spokeswoman", "director", "ceo", "professor", "doctor", "lawyer",
          "attorney", "constable", "sergeant", "detective", "trustee", "alderman", "speaker",
          "commander", "admiral", "bishop", "cardinal", "rabbi", "imam", "father", "editor",
          "founder", "coach", "farmer", "captain", "coordinator", "organizer", "activist",
          "economist", "analyst", "auditor", "clerk", "sheriff", "marshal", "warden", "dean",
          "principal", "manager", "executive", "president-elect", "premier-designate", "cpl",
          "corporal", "supt", "insp", "maj", "major", "cmdr", "atty", "asst", "hon", "staff",
          "lieutenant", "colonel", "moderator", "host", "anchor", "commentator", "columnist"}
#: Titles written short before a name, and the noun a later description uses ("Gov. Ruiz" ...
#: "the governor").
TITLE_NOUNS = {"gov": "governor", "sen": "senator", "rep": "representative", "coun": "councillor",
               "councilor": "councillor", "supt": "superintendent", "insp": "inspector",
               "sgt": "sergeant", "lt": "lieutenant", "gen": "general", "col": "colonel",
               "capt": "captain", "det": "detective", "const": "constable", "cpl": "corporal",
               "maj": "major", "cmdr": "commander", "atty": "attorney", "prof": "professor",
               "pres": "president"}
#: Nouns that describe an organisation, not a person ("the agency", "the company").
ORGANISATION_NOUNS = COMPANY_NOUNS | BODY_NOUNS | INSTITUTION_NOUNS
MALE_TITLES = {"mr", "sir", "lord", "king", "prince"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
#: Weight of a given name's usual gender against the pronoun read after each mention of the
#: person (1 each) and honorifics (3).
NAME_EVIDENCE = 2
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


@dataclass
class Person:
    """One person of the article: every mention, the fullest name, a gender if the text says."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    gender: str | None = None
    evidence: dict[str, int] = field(default_factory=dict)

    @property
    def surname(self) -> str:
        return surname_of(name_words(self.name)).lower()


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a personal name without titles, possessives or punctuation (asked again
    and again of the same few names as each mention is matched, hence the cache)."""
    words = [w for w in re.split(r"\s+", _POSSESSIVE.sub("", text.strip())) if w]
    words = [w.strip(".,") for w in words]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words.pop(0)
    surname_parts = words[-1].split("-") if words else []
    if len(surname_parts) > 1 and surname_parts[0].lower() in ("al", "el", "bin", "ben", "abu"):
        words[-1:] = [words[-1]]
    return tuple(words) or (text,)


#: Generational suffixes written after a surname ("Joseph R. Biden Jr.").
_GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def surname_of(words: tuple[str, ...]) -> str:
    """The surname among a name's words: the last, unless that is a generational suffix, so
    that "Mr. Biden" is the "Joseph R. Biden Jr." named before, not someone new."""
    if len(words) > 1 and words[-1].lower() in _GENERATIONS:
        return words[-2]
    return words[-1]


def _surname_key(word: str) -> str:
    parts = word.lower().split("-")
    prefixed = len(parts) > 1 and parts[0] in ("al", "el", "bin", "ben", "abu")
    return parts[-1] if prefixed else word.lower()


class People:
    """The people an article names, so that "Assad" and "Bashar al-Assad" are one person."""

    def __init__(self, doc: Doc) -> None:
        self.people: list[Person] = []
        ents = doc.ents  # spaCy builds every entity Span anew on each access
        surnames = {ent[-1].lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
        trimmed = [trim_entity(ent) for ent in ents]
        bodies = {name.text for name in trimmed if _described_as_body(name)}
        for ent, name in zip(ents, trimmed):
            if (ent.label_ == "PERSON" and any(t.is_alpha for t in ent) or personal_name(ent)) \
                    and not _credit(ent) and not _modifier(ent) and name.text not in bodies:
                name = _widen_name(name)
                self.add(name, _with_shared_surname(name, surnames))
        for name in _untagged_titled_names(doc):
            self.add(name)
        self._add_bare_surnames(doc)
        _read_genders(doc, self)

    def _add_bare_surnames(self, doc: Doc) -> None:
        """A surname standing alone where the recogniser tagged nothing ("Crane was working
        nights"), when it is the surname of one person named in full: a mention of that person.
        A word joined to other proper nouns is part of another name and is left alone."""
        owners: dict[str, list[Person]] = {}
        for person in self.people:
            if len(name_words(person.name)) > 1:
                owners.setdefault(person.surname, []).append(person)
        taken = {i for p in self.people for m in p.mentions for i in range(m.start, m.end)}
        for t in doc:
            found = owners.get(t.lower_, [])
            if len(found) == 1 and t.i not in taken and not t.ent_type_ and t.pos_ == "PROPN" \
                    and t.is_title and t.dep_ != "compound" \
                    and not any(c.dep_ == "compound" for c in t.children):
                found[0].mentions.append(doc[t.i:t.i + 1])

    def add(self, mention: Span, words: tuple[str, ...] | None = None) -> Person:
        """The person ``mention`` names (``words``: the name, where the mention says less
        than it), added to the index unless already there; the mention joins their mentions."""
        words = words or name_words(mention.text)
        title = mention.doc[mention.start - 1].lower_.rstrip(".") if mention.start else ""
        first = mention[0].lower_.rstrip(".")
        titled = [("m" if w in MALE_TITLES else "f") for w in (title, first)
                  if w in MALE_TITLES or w in FEMALE_TITLES]
        person = self.find(mention.text, words, titled[0] if titled else None)
        if person is None:
            person = Person(" ".join(words))
            self.people.append(person)
        elif len(words) > len(name_words(person.name)):
            person.name = " ".join(words)
        person.mentions.append(mention)
        for gender in titled:
            person.evidence[gender] = person.evidence.get(gender, 0) + 3
        return person

    def find(self, text: str, words: tuple[str, ...] | None = None,
             gender: str | None = None) -> Person | None:
        """The person a name refers to: same full name, else same surname with compatible
        given names (the most recently mentioned when several share it). A name behind a title
        of ``gender`` ("Mrs. Abel" after Nora and Sam Abel) means one of that gender where
        several share the surname."""
        words = words or name_words(text)
        if not words:
            return None
        surname = _surname_key(surname_of(words))
        matches = []
        for person in self.people:
            theirs = name_words(person.name)
            if _surname_key(surname_of(theirs)) != surname:
                continue
            if len(words) > 1 and len(theirs) > 1 and words[0].lower() != theirs[0].lower() \
                    and not _initial_of(words[0], theirs[0]) and \
                    [w.lower() for w in theirs[-len(words):]] != [w.lower() for w in words]:
                continue  # other given names; "Paz Okoro" still matches "Lorena Paz Okoro"
            matches.append(person)
        if not matches and len(words) == 1:
            # "Jordan" for Jordan Pike: a given name alone, when one person has it
            matches = [p for p in self.people if len(name_words(p.name)) > 1
                       and name_words(p.name)[0].lower() == words[0].lower()]
            if len(matches) > 1:
                return None
        if not matches:
            return None
        agreeing = [p for p in matches if settled_gender(p) in (gender, None)]
        matches = agreeing if gender and agreeing else matches
        return max(matches, key=lambda p: max((m.start for m in p.mentions), default=-1))

    def of_span(self, span: Span) -> Person | None:
        return next((p for p in self.people for m in p.mentions
                     if m.start < span.end and span.start < m.end), None)


def _credit(ent: Span) -> bool:
    """A photographer's credit ("Ana Lopes / The Daily Post", "(Ana Lopes/Wire)"): the name
    and the outlet are joined by a slash, and the photographer takes no part in the story."""
    doc = ent.doc
    after = next((t for t in doc[ent.end:ent.end + 2] if not t.is_space), None)
    return "/" in ent.text or after is not None and after.text.startswith("/")


def _described_as_body(name: Span) -> bool:
    """"Quillpost, the state news agency, wrote": a one-word name that the text describes
    right after it, in apposition, by a noun for an organisation is one, whatever the
    recogniser tagged it; its name is no person's for a later "he" or "she" to take up. (A
    person's full name is seldom a body's; a description further on may be of another noun.)
    ``name`` is an entity without its titles (``trim_entity``)."""
    doc = name.doc
    return len(name) == 1 and name.end + 1 < len(doc) and doc[name.end].text == "," and any(
        c.dep_ == "appos" and c.left_edge.i == name.end + 1 and c.left_edge.dep_ == "det"
        and c.lemma_.lower() in ORGANISATION_NOUNS for c in name.root.children)


def _modifier(ent: Span) -> bool:
    """A surname that modifies a common noun ("the Lund driveway", "the Lund family") names
    a household or a thing, not the person; its pronouns are not theirs."""
    name = trim_entity(ent)
    return len(name) == 1 and name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN"


def _initial_of(a: str, b: str) -> bool:
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return len(a) == 1 and b.startswith(a) or len(b) == 1 and a.startswith(b)


def trim_entity(ent: Span, titles: bool = True) -> Span:
    """The entity without punctuation, "the" or a possessive at its edges, and, unless
    ``titles`` is false (an organisation's "Justice Department"), a person's titles before it."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("’s", "'s")):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].lower_ == "the"
                               or titles and doc[start].lower_.rstrip(".") in TITLES):
        start += 1
    return doc[start:end] if end > start else ent


def _untagged_titled_names(doc: Doc) -> list[Span]:
    """"Mayor Ana Torres defended ...": a title followed by a common given name and a surname
    that the recogniser tagged as nothing at all is a person all the same."""
    names = []
    for title in doc:
        if title.lower_.rstrip(".") not in TITLES or not title.is_title:
            continue
        words = doc[title.i + 1:title.i + 3]
        if len(words) == 2 and all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_
                                   for t in words) and gender_of(words[0].text) is not None \
                and not (words.end < len(doc) and doc[words.end].pos_ == "PROPN"):
            names.append(words)
    return names


def personal_name(ent: Span) -> bool:
    """An "organisation" that is a given name and a surname ("Karin Holt"): the small model
    often tags people so when they stand where organisations usually do. The given name is a
    common one, or the text speaks of the bearer as of a person ("Shauna Petrie, who chairs the
    council")."""
    words = [t for t in trim_entity(ent) if not t.is_punct]
    return ent.label_ == "ORG" and len(words) == 2 and all(t.is_title for t in words) and \
        words[1].lower_ not in TITLES and (gender_of(words[0].text) is not None or any(
            _who_of_one(c) for c in ent.root.children if ent.root.dep_ != "pobj") or
            words[1].i == words[0].i + 1 and _surname_speaks(words[1]))


def _surname_speaks(last: Token) -> bool:
    """"Carly Fiorina said ... Fiorina told ...": the last word of the name standing alone as a
    subject elsewhere is how articles take up a person; an organisation is taken up by its
    first word ("Harbour Air" is "Harbour", if anything), or whole."""
    doc = last.doc
    if last.i > 1 and doc[last.i - 2].lower_ == "the" or last.lower_.endswith("s"):
        return False  # "the State Department"; "Fox News", "Power Rankings" (and so "Jones")
    return any(t.text == last.text and t.i != last.i and t.pos_ == "PROPN" and
               t.dep_ in ("nsubj", "nsubjpass") and not (t.i and doc[t.i - 1].pos_ == "DET") and
               t.ent_type_ not in ("GPE", "LOC", "NORP", "FAC") and
               not any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (t.i - 1, t.i + 1))
               for t in doc)  # "the Post reported" is no surname


def _who_of_one(clause: Token) -> bool:
    """A relative clause on one person: "who" with a verb in the singular ("who chairs", "who
    has led"); "who are backing" speaks of a group."""
    return clause.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in clause.children) \
        and not any(t.tag_ == "VBP" for t in [clause, *clause.children] if t.dep_ in (
            "relcl", "aux", "auxpass"))


def _widen_name(name: Span) -> Span:
    """Given names or surnames the recogniser left out: "Ana Lopes" when only "Lopes" or only
    "Ana" was tagged. A name tagged in full is left as it is: what stands before it is then no
    part of it ("Valley Courier Lena Brandt" in a photo caption)."""
    doc, start, end = name.doc, name.start, name.end
    while len(name) == 1 and start > 0 and _given_name_before(doc[start - 1], start, name.end):
        start -= 1
    if start == name.start and _surname_after(name):
        end += 1
    return doc[start:end]


def _surname_after(name: Span) -> bool:
    """"Treasurer Ana Ruiz" tagged as "Treasurer Ana": a given name alone whose tag stops short
    of the untagged proper noun it is compounded onto; that noun is the surname."""
    doc, last = name.doc, name[-1]
    return len(name) == 1 and name.end < len(doc) and gender_of(last.text) is not None and \
        last.dep_ == "compound" and last.head.i == name.end and last.head.pos_ == "PROPN" and \
        last.head.is_title and not last.head.ent_type_


def _with_shared_surname(name: Span, surnames: set[str]) -> tuple[str, ...] | None:
    """"Grace and Tom Whitfield": a given name alone, joined by "and" to a full name, shares
    its surname, as a couple or siblings are written; None for any other name. Only a word
    known as a given name and used as no one's surname counts: "Senator Marsh and Dan
    Lindqvist" are not two Lindqvists."""
    doc, after = name.doc, name.end + 1
    if len(name) != 1 or gender_of(name.text) is None or name[0].lower_ in surnames or \
            after >= len(doc) or doc[name.end].lower_ != "and" or \
            doc[after].ent_type_ != "PERSON" or doc[after].ent_iob_ != "B":
        return None
    end = after + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    other = name_words(doc[after:end].text)
    return (name.text, other[-1]) if len(other) == 2 else None


def _given_name_before(token: Token, start: int, end: int) -> bool:
    """Whether a word is an untagged given name compounded onto the name at start:end."""
    return token.pos_ == "PROPN" and token.dep_ == "compound" and start <= token.head.i < end \
        and token.is_title and token.lower_.rstrip(".") not in TITLES and not token.ent_type_


def _read_genders(doc: Doc, people: People) -> None:
    """Gender from the text: each mention of a person who is the only person named in its
    sentence gives one vote, the first he/she/his/her/himself/herself after it there or in the
    next sentence (when that names nobody else). One vote a mention, not one a pronoun: a
    sentence full of pronouns for someone unnamed ("sat by his bed, read him his letters")
    would otherwise outvote everything else said about the person."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    by_sent: dict[int, set[int]] = {}
    for n, person in enumerate(people.people):
        for m in person.mentions:
            by_sent.setdefault(index.get(m.sent.start, -1), set()).add(n)
    for k, n in _surnames_as_modifiers(sents, people):
        by_sent.setdefault(k, set()).add(n)
    for n, person in enumerate(people.people):
        for m in person.mentions:
            k = index.get(m.sent.start, -1)
            if k < 0 or by_sent.get(k) != {n}:
                continue
            window = [t for t in sents[k] if t.i >= m.end]
            if k + 1 < len(sents) and not by_sent.get(k + 1, set()) - {n}:
                window += list(sents[k + 1])
            gender = next((g for g in map(_pronoun_gender, window) if g), None)
            if gender:
                person.evidence[gender] = person.evidence.get(gender, 0) + 1
    for person in people.people:
        person.gender = settled_gender(person)


def _surnames_as_modifiers(sents: list[Span], people: People) -> list[tuple[int, int]]:
    """(sentence, person) for each surname of a person written in a sentence without being a
    mention of them, as a modifier the index does not count ("a Clinton aide during her
    failed run", "Clinton voter data"): the person is in view there, and the pronouns near
    it may well be theirs."""
    surnames = {surname_of(name_words(p.name)).lower(): n for n, p in enumerate(people.people)
                if len(name_words(p.name)) > 1}
    return [(k, surnames[t.lower_]) for k, sent in enumerate(sents) for t in sent
            if t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") and t.lower_ in surnames]


def settled_gender(person: Person) -> str | None:
    """The person's gender by the evidence read from the text and the usual gender of the
    given name."""
    words = name_words(person.name)
    hint = gender_of(words[0]) if len(words) > 1 else None
    m, f = (person.evidence.get(g, 0) + (NAME_EVIDENCE if hint == g else 0) for g in "mf")
    return "m" if m > f else "f" if f > m else None


def _pronoun_gender(token: Token) -> str | None:
    """'m' or 'f' for a personal pronoun of that gender, reflexives included."""
    if token.pos_ != "PRON":
        return None
    gender = PRONOUNS.get(token.lower_, REFLEXIVES.get(token.lower_, (None, "")))[0]
    return gender if gender in ("m", "f") else None


#: Participles that give a description its name ("an official named Ilse", "a man known as
#: ..."): the name they hang on the description is the same person.
_NAME_GIVING = {"name", "call", "identify", "know"}


def modifies(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs on ``root`` as a modifier, naming someone other than the head
    of the phrase: its owner ("Weber's spokeswoman"), someone in a clause on it ("Nurses, who
    met with Minister Ana Ruiz", "crews racing to the Hale farm") or a preposition's object
    ("a lawyer for Carl Weber"), or a name set before a common noun ("Weber supporters",
    "the Weber administration": they are not Weber). A name in apposition on the way
    ("Director at the firm Northline, Paula Grant", where the parser hangs the name on the
    firm) or given by a participle ("an official named Ilse Brandt") is the head's own."""
    path = []
    while token != root and token.head != token:
        path.append(token)
        token = token.head
    if token != root:
        return False
    if any(t.dep_ == "acl" and t.lemma_ in _NAME_GIVING for t in path):
        return False
    deps = {t.dep_ for t in path}
    if path and path[-1].dep_ == "compound" and root.pos_ == "NOUN":
        return True
    return bool(deps & {"poss", "relcl", "acl"}) or ("prep" in deps and "appos" not in deps)
