"""Entities: the people, organisations and places of the article, with aliases and descriptors,
and the canonical name of every speaker and channel.

People come from the person index built by ``speakers``; other names are grouped by their
normalised form, then joined by explicit alias patterns ("the Assembly of First Nations (AFN)",
"officially called ...", "also known as ...") and by acronyms whose letters are another name's
initials ("U.N." and "United Nations").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, Draft
from .model import Entity
from .casing import is_title_case
from .lexicon import BODY_NOUNS, COMPANY_NOUNS, INSTITUTION_NOUNS
from .people import (TITLE_NOUNS, TITLES, People, Person, modifies, name_words, personal_name,
                     trim_entity)

TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "NORP": "NORP",
         "FAC": "ORG"}
ALIAS_CUES = re.compile(r",\s*(?:officially|formally|also|formerly|better|legally)?\s*"
                        r"(?:called|known as|named)\s+(?:the\s+)?$", re.I)


@dataclass
class _Group:
    forms: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    person: Person | None = None

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.name
        plain = [f for f, _ in self.forms.most_common() if not _is_acronym(f)]
        return plain[0] if plain else self.forms.most_common(1)[0][0]


def link(doc: Doc, analysis: Analysis) -> None:
    """Stage: build the entities and give every speaker and channel its canonical name."""
    groups = _groups(doc, analysis.people)
    _join_aliases(doc, analysis.text, groups)
    _join_acronyms(doc, groups)
    groups = sorted((g for g in groups if g.mentions), key=lambda g: g.mentions[0].start)
    entities, by_token = [], {}
    for n, group in enumerate(groups, 1):
        entity = Entity(id=f"E{n}", name=group.name, type=_type(group),  # type: ignore[arg-type]
                        aliases=_aliases(group), descriptors=[],
                        mentions=sorted({(m.start_char, m.end_char) for m in group.mentions}))
        entities.append(entity)
        for m in group.mentions:
            for i in range(m.start, m.end):
                by_token[i] = entity
    for group, entity in zip(groups, entities):
        if entity.type in ("PERSON", "ORG"):
            entity.descriptors = _descriptors(group.mentions)
    starts = [sent.start for sent in doc.sents]
    named = [(m, e, m.root.dep_ in ("nsubj", "nsubjpass")) for g, e in zip(groups, entities)
             if e.type == "ORG" for m in g.mentions]
    by_id = {e.id: e for e in entities}
    for draft in sorted(analysis.drafts, key=lambda d: d.speaker.start if d.speaker else -1):
        _name_speaker(draft, by_token)
        mention = draft.core or draft.speaker
        if mention is not None and draft.source is None and not draft.joint and \
                draft.entity is None:   # a nominal speaker: "the security firm", "the company"
            found = _described(mention, groups, entities, starts) or \
                _company_before(mention, named, starts)
            if found is not None:
                draft.name, draft.entity = found.name, found.id
        if draft.entity is not None and by_id[draft.entity].type == "ORG" and not draft.joint:
            named.append((draft.core or draft.speaker, by_id[draft.entity], True))
    analysis.entities = entities
    analysis.entity_at = by_token


def _groups(doc: Doc, people: People) -> list[_Group]:
    groups: list[_Group] = []
    for person in people.people:
        groups.append(_Group(forms=Counter(m.text for m in person.mentions),
                             labels=Counter({"PERSON": len(person.mentions)}),
                             mentions=list(person.mentions), person=person))
    by_key: dict[str, _Group] = {}
    taken = {i for p in people.people for m in p.mentions for i in range(m.start, m.end)}
    names = []
    for ent in doc.ents:
        if ent.label_ not in TYPES or ent.label_ == "PERSON":
            continue
        short = trim_entity(ent)
        if any(i in taken for i in range(short.start, short.end)):
            continue
        person = people.find(short.text) if all(t.is_title for t in short) and \
            len(short) <= 2 else None
        if person is not None and person.surname == name_words(short.text)[-1].lower():
            person.mentions.append(short)
            group = next(g for g in groups if g.person is person)
            group.mentions.append(short)
            group.labels["PERSON"] += 1
            continue
        names.append((ent, _whole_name(ent)))
    widened = {i: ent for ent, span in names for i in range(span.start, span.end)
               if not ent.start <= i < ent.end}
    for ent, span in names:
        if any(i in taken for i in range(span.start, span.end)) or \
                any(widened.get(i, ent) is not ent for i in range(ent.start, ent.end)):
            continue
        key = normalise(span.text)
        if not key or not any(t.is_alpha for t in span):
            continue
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = _Group()
            groups.append(group)
        group.forms[_display(span.text)] += 1
        group.labels["ORG" if span.start < ent.start else TYPES[ent.label_]] += 1
        group.mentions.append(span)
    return groups


#: Words that join the parts of an organisation's name ("Department of Fisheries and Oceans",
#: "Ministry of the Environment, Conservation and Parks").
_JOINERS = {"of", "and", "&", ",", "the", "for"}


def _whole_name(ent: Span) -> Span:
    """An organisation's name in full where the small model tagged only part of it: "Nova
    Scotia Ministry" of "the Nova Scotia Ministry of Labour", "Climatology and Geophysics
    Agency" of "the Meteorology, Climatology and Geophysics Agency". Only capitalised words
    bound to the name by the parse are taken in, and never a word of another organisation or
    person ("the Department of Justice and the FBI", "the Bank of Canada, Tiff Macklem") or of
    a headline, where every word is capitalised. A word that is also a title stays in an
    organisation's name ("Justice Department", "General Electric")."""
    if ent.label_ == "GPE":
        return _agency_of_place(ent)
    if ent.label_ not in ("ORG", "FAC") or personal_name(ent):
        return trim_entity(ent)
    span, doc = trim_entity(ent, titles=False), ent.doc
    start, end = span.start, span.end
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in _JOINERS):
        end -= 1   # "Priorities USA Action and Correct the"
    while start < end - 1 and doc[start].pos_ == "DET":
        start += 1   # "a Republican Party"
    span = doc[start:end]
    if is_title_case(ent.sent.text):
        return span
    return doc[_left_edge(span):_right_edge(span)]


#: Words that make a place of a place, not a body named after it ("Northern Ontario").
_REGIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "greater", "downtown", "metro", "upper", "lower", "new", "old"}


def _agency_of_place(ent: Span) -> Span:
    """"Environment Canada", "Elections Westland": a body named after a place, where the tagger
    took only the place. Its name is read back over the proper nouns bound to the place; such
    a name is an organisation's (the caller reads a widened place so)."""
    span = trim_entity(ent)
    if is_title_case(ent.sent.text):
        return span
    start = _left_edge(span)
    if any(t.lower_ in _REGIONS or t.lower_ in (",", "and") for t in ent.doc[start:span.start]):
        return span
    return ent.doc[start:span.end]


def _part_of_name(t: Token, span: Span) -> bool:
    """A capitalised word that may belong to the name: one not tagged as anything else, a
    place ("the University of Manitoba") or a lone word the model took for a name of its own
    ("Oceans" in "Department of Fisheries and Oceans")."""
    if not (t.is_alpha and (t.is_title or t.is_upper)) or t.ent_type_ == "PERSON":
        return False
    return not t.ent_type_ or span.start <= t.i < span.end or \
        t.ent_type_ in ("GPE", "LOC", "NORP") or not _starts_name(t)


def _starts_name(t: Token) -> bool:
    """Whether the word begins a name of its own: an acronym or a name of several words."""
    doc = t.doc
    return t.ent_iob_ == "B" and (t.is_upper or t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")


def _right_edge(span: Span) -> int:
    """Where a name ends that goes on past the tag in an "of" or "for" phrase."""
    doc, end = span.doc, span.end
    inside = any(t.lower_ in ("of", "for") for t in span)
    if end >= len(doc) or not span.start <= doc[end].head.i < end or not (
            doc[end].lower_ in ("of", "for") or inside and doc[end].lower_ in _JOINERS):
        return end
    run = end
    while run < len(doc) and (_part_of_name(doc[run], span) or doc[run].lower_ in _JOINERS):
        nxt = doc[run + 1] if run + 1 < len(doc) else None
        if doc[run].lower_ in (",", "and", "&") and nxt is not None and (
                nxt.pos_ == "DET" or _starts_name(nxt)):
            break   # a list of names: "the Harbour Club of Halifax, and the Rowing Club"
        if doc[run].pos_ == "DET" and doc[run].ent_iob_ == "B":
            break   # a name of its own after "of", tagged with its article: "... of the Times"
        run += 1
    while run > end and not all(span.start <= doc[k].head.i < run for k in range(end, run)):
        run -= 1
    words = [t.lower_ for t in doc[end:run]]
    if "," in words and not {"and", "&"} & set(words[len(words) - words[::-1].index(","):]):
        run = end + words.index(",")   # a comma that lists no part: "University of Texas, No."
    while run > end and doc[run - 1].lower_ in _JOINERS:
        run -= 1
    return run


def _left_edge(span: Span) -> int:
    """Where a name begins that the tag cut short on the left: untagged proper nouns bound to
    it, and the commas and "and" that list them; not a person's title ("CEO Ada Moss")."""
    doc, start = span.doc, span.start
    run = start
    while run > 0 and (doc[run - 1].lower_ in (",", "and") or doc[run - 1].pos_ == "PROPN"
                       and _part_of_name(doc[run - 1], span) and not doc[run - 1].ent_type_
                       and doc[run - 1].lower_.rstrip(".") not in TITLES):
        run -= 1
    while run < start and not all(run <= doc[k].head.i < span.end for k in range(run, start)):
        run += 1
    while run < start and doc[run].lower_ in _JOINERS:
        run += 1
    return run


#: A company form ending a registered name (", Inc.", " Ltd.", " Corp.").
_INCORPORATED = re.compile(r",?\s+(?:inc|ltd|corp|co|llc|plc|limited|incorporated)\.?$", re.I)


def normalise(text: str) -> str:
    """A key under which spellings of one name meet: no article, possessive, case, dots or
    company form ("Maple Foods Inc." is "Maple Foods")."""
    text = re.sub(r"(’s|'s|’)$", "", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = _INCORPORATED.sub("", text)
    return re.sub(r"[\s.]+", " ", text).strip().lower()


def _display(text: str) -> str:
    text = re.sub(r"(’s|'s|’)$", "", " ".join(text.split()))
    return re.sub(r"^the\s+", "", text, flags=re.I)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 1 < len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _join_aliases(doc: Doc, text: str, groups: list[_Group]) -> None:
    """"Name (ACRONYM)" and "..., officially called Other Name" make one entity of two names."""
    ends = {m.end: g for g in groups for m in g.mentions}
    for group in list(groups):
        if group.person is not None:
            continue
        for mention in list(group.mentions):
            sent_start = mention.sent.start_char
            before = text[sent_start:mention.start_char]
            if before.rstrip().endswith("(") and _is_acronym(mention.text):
                paren = doc.char_span(sent_start + len(before.rstrip()) - 1,
                                      sent_start + len(before.rstrip()))
                full = ends.get(paren.start) if paren is not None else None
                if full is not None and full is not group and \
                        _initials_match(mention.text, full.name):
                    _merge(full, group)
                continue
            cue = ALIAS_CUES.search(before)
            comma = doc.char_span(sent_start + cue.start(), sent_start + cue.start() + 1) \
                if cue else None
            if comma is None or comma.start == 0:
                continue
            anchor = doc[comma.start - 1]
            target = next((g for g in groups for m in g.mentions
                           if m.start <= anchor.i < m.end), None)
            if target is None and anchor.pos_ == "NOUN":
                earlier = [(m.end, g) for g in groups for m in g.mentions
                           if g.person is None and g is not group and m.end <= anchor.i]
                target = max(earlier, key=lambda x: x[0])[1] if earlier else None
            if target is not None and target is not group and target.person is None:
                _merge(target, group)


def _join_acronyms(doc: Doc, groups: list[_Group]) -> None:
    """An acronym whose letters are the initials of another name is that name ("U.N." and
    "United Nations"), also where the entity recogniser did not tag the acronym."""
    taken = {i for g in groups for m in g.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i not in taken and _is_acronym(token.text) and token.pos_ == "PROPN":
            span = doc[token.i:token.i + 1]
            groups.append(_Group(forms=Counter({token.text: 1}), mentions=[span]))
    for short in list(groups):
        if not short.mentions or short.person is not None or not _is_acronym(short.name):
            continue
        for long in groups:
            if long is not short and long.mentions and long.person is None and \
                    not _is_acronym(long.name) and _initials_match(short.name, long.name):
                _merge(long, short)
                break
        else:
            if not short.labels:  # an acronym no entity explains is left alone
                short.mentions = []


def _initials_match(acronym: str, name: str) -> bool:
    letters = acronym.replace(".", "").lower()
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    initials = "".join(w[0] for w in words).lower()
    return len(letters) > 1 and initials == letters


def _merge(into: _Group, other: _Group) -> None:
    into.forms.update(other.forms)
    into.labels.update(other.labels)
    into.mentions.extend(other.mentions)
    into.aliases.extend(f for f in other.forms if f not in into.aliases)
    other.mentions = []
    other.forms = Counter()


def _type(group: _Group) -> str:
    return group.labels.most_common(1)[0][0] if group.labels else "OTHER"


def _aliases(group: _Group) -> list[str]:
    name = group.name
    names = [name]
    if group.person is not None:
        forms = [" ".join(w for w in f.split() if w.lower().rstrip(".") not in TITLES)
                 for f in group.forms]
    else:
        forms = list(group.forms) + group.aliases
    out = []
    for form in forms:
        form = _display(form)
        if form and normalise(form) not in {normalise(n) for n in names + out}:
            out.append(form)
    return out


def _descriptors(mentions: list[Span]) -> list[str]:
    """Titles before a name and appositions after it ("Syrian President", "one of the
    founders of the White Helmets")."""
    found: list[str] = []
    for m in mentions:
        doc = m.doc
        inside = set(range(m.start, m.end))
        start = m.start
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss", "case") \
                and not doc[start - 1].is_punct and doc[start - 1].head.i in inside | set(
                    range(start, m.start)):
            start -= 1
        title = doc[start:m.start]
        if len(title) and any(t.lower_.rstrip(".") in TITLES or t.pos_ == "NOUN" for t in title):
            found.append(title.text.strip())
        for token in m:
            for child in token.children:
                if child.dep_ == "appos" and child.i >= m.end:
                    apposition = doc[child.left_edge.i:child.right_edge.i + 1].text
                    found.append(apposition.strip().strip(","))
    out = []
    for d in found:
        if d and d not in out and d.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr"):
            out.append(d)
    return out


#: How many sentences apart a description ("the security firm") and the name it describes
#: ("software firm Quillnet") may stand.
DESCRIPTION_WINDOW = 3


def _described(mention: Span, groups: list[_Group], entities: list[Entity],
               starts: list[int]) -> Entity | None:
    """A nominal speaker ("the security firm") that the text elsewhere uses as a description of
    a named person or organisation nearby ("software firm Quillnet"). A definite one
    whose noun is a word of the name of one organisation only, named earlier ("the board" for
    the Harbour Valley School Board), is that organisation however far back it was
    named: nothing else in the article could be meant. A noun in the plural ("the county
    chairs") speaks of several and describes no one person."""
    root, first = mention.root, mention[0]
    if root.pos_ != "NOUN" or first.lower_ not in ("the", "a", "an", "one"):
        return None
    noun = root.lemma_.lower()
    definite = first.lower_ == "the"
    plural = root.tag_ == "NNS"
    here = bisect_right(starts, root.i)
    best, best_distance, named_before = None, DESCRIPTION_WINDOW + 1, []
    for group, entity in zip(groups, entities):
        described = any(_heads(noun, d) for d in entity.descriptors) and \
            not (plural and entity.type == "PERSON")
        named = definite and entity.type == "ORG" and noun in entity.name.lower().split()
        if not (described or named):
            continue
        if named and any(m.end <= root.i for m in group.mentions):
            named_before.append(entity)
        for m in group.mentions:
            distance = abs(bisect_right(starts, m.start) - here)
            if distance < best_distance:
                best, best_distance = entity, distance
    return best or (named_before[0] if len(named_before) == 1 else None)


def _company_before(mention: Span, named: list[tuple[Span, Entity, bool]],
                    starts: list[int]) -> Entity | None:
    """"The company said": the company named last in this or the sentence before, if it was
    named as the subject of its clause or as a speaker, as a company the article goes on about
    is. A ministry, a union or a newspaper is no company, a name that only modifies a noun
    ("its Halifax depot") names none, and a company named last as an object ("two editors
    left to start Quillnet. The company now ...") may not be the one meant, unless the article
    named it as a subject or speaker before: no name is given then."""
    root = mention.root
    noun = root.lemma_.lower()
    if mention[0].lower_ != "the" or root.pos_ != "NOUN" or \
            noun not in COMPANY_NOUNS | BODY_NOUNS:
        return None
    here = bisect_right(starts, root.i)
    before = [(m.end, subject, e) for m, e, subject in named
              if m.end <= mention.start and here - bisect_right(starts, m.start) <= 1
              and (noun in BODY_NOUNS or not INSTITUTION_NOUNS & set(e.name.lower().split()))
              and m.root.dep_ not in ("compound", "nmod", "amod")]
    if not before:
        return None
    _, subject, entity = max(before, key=lambda b: b[:2])   # a speaker's mention wins a tie
    spoken_of = subject or any(e is entity and s and m.end <= mention.start for m, e, s in named)
    return entity if spoken_of else None  # "Maple Foods reported ... Shares of Maple Foods ..."


#: Words after which a noun of a description still heads its phrase ("the group that ...",
#: "one of the founders of ..."); any other word after it makes it a modifier.
_AFTER_HEAD = {"of", "that", "who", "which", "at", "in", "for", "with", "from", "to", "on",
               "and", "based", "since"}


def _heads(noun: str, description: str) -> bool:
    """Whether the noun heads a phrase of the description: "the group that organized ..." and
    "cybersecurity firm" yes, "authority chair" no (there "authority" only says which chair)."""
    words = [w.lower().strip(",.") for w in description.split()]
    noun = TITLE_NOUNS.get(noun, noun)
    return any(TITLE_NOUNS.get(w, w) == noun and (k + 1 == len(words) or words[k + 1] in
                                                   _AFTER_HEAD) for k, w in enumerate(words))


def _name_speaker(draft: Draft, by_token: dict) -> None:
    if draft.speaker is None:
        return
    if draft.joint:
        draft.name = "; ".join(_name_of(part, by_token)[0] for part in draft.joint)
        draft.entity = None
        return
    target = draft.source or draft.core or draft.speaker
    draft.name, entity = _name_of(target, by_token)
    draft.entity = entity.id if entity is not None else None


def _name_of(span: Span, by_token: dict) -> tuple[str, Entity | None]:
    """The canonical name of a phrase: the entity its head belongs to, or the entity it is
    in apposition with ("its major ally Russia"), or a person named in it who does not merely
    modify its head ("Weber's spokeswoman" is not Weber); else the phrase as written."""
    root = span.root
    entity = by_token.get(root.i)
    if entity is None:
        entity = next((by_token[t.i] for t in span if t.i in by_token and not modifies(t, root)
                       and (by_token[t.i].type == "PERSON" or (
                           t.dep_ in ("appos", "compound") and t.head == root and t.i > root.i))),
                      None)
    if entity is not None:
        return entity.name, entity
    return _display(span.text), None

