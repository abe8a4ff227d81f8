"""One id per person (or organisation) across the articles of a corpus.

Within an article the engine already resolves "he" and "Assad" to "Bashar al-Assad". Across
articles the same person may appear as "Bashar al-Assad", "Bashar Assad" or only "Assad", and two
different people may share a surname. The rules, in order:

* Full names are compared after folding case, accents and name particles ("al-", "el-"), so
  "Bashar al-Assad" and "Bashar Assad" are one person, "Asma al-Assad" another.
* A surname-only name joins a full-name person whose last name (or an alias) it is, when exactly
  one such person exists; when several do, only the one sharing a descriptor ("Syrian President")
  with it; otherwise it stays a person of its own. Different people are never merged on a
  shared surname alone.
* Organisations and places join when one's name is another's multi-word alias ("Syrian Civil
  Defence" for "White Helmets"); short aliases such as acronyms are too ambiguous across articles.

Ids are readable and stable: ``person:bashar-assad``, ``org:white-helmets``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

PARTICLES = {"al", "el", "ul"}
_NOT_A_NAME = {"a", "an", "the", "some", "one", "two", "both", "several", "many", "his", "her",
               "their", "its", "officials", "sources"}
_SEP = "\x1f"


def fold(name: str) -> list[str]:
    """Name tokens without case, accents, punctuation or particles."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+", plain.replace("'", ""))
    kept = [t for t in tokens if t not in PARTICLES]
    return kept or tokens


def slug(tokens: list[str]) -> str:
    return "-".join(tokens)


def looks_like_name(text: str) -> bool:
    """True for a proper name ("Maria Okafor"), false for a description ("a union spokesperson")."""
    words = [re.sub(r"^(?:al|el|ul)-", "", w) for w in text.split()]
    return bool(words) and words[0].lower() not in _NOT_A_NAME and all(
        w[:1].isupper() or w.lower() in PARTICLES for w in words)


@dataclass
class Mention:
    """A distinct way a corpus names someone: name, type, descriptors and aliases."""

    name: str
    type: str
    descriptors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    weight: int = 1
    speaks: bool = False  # the speaker of some statement


@dataclass
class _Person:
    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)


def _kind(entity_type: str) -> str:
    return {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group"}.get(entity_type,
                                                                                 "other")


def resolve(mentions: list[Mention]) -> tuple[dict[int, str], dict[str, _Person]]:
    """Speaker id of each mention (by index) and the people those ids stand for."""
    people: dict[str, _Person] = {}
    ids: dict[int, str] = {}

    def person(pid: str, kind: str) -> _Person:
        return people.setdefault(pid, _Person(pid, kind))

    surnames: dict[str, set[str]] = {}
    org_alias: dict[str, str] = {}
    # Pass 1: full names and organisations define people.
    for i, m in enumerate(mentions):
        tokens, kind = fold(m.name), _kind(m.type)
        if not tokens or (len(tokens) < 2 and (kind == "person" or m.speaks)):
            continue  # one word: resolved in pass 2
        pid = f"{kind}:{slug(tokens)}"
        ids[i] = pid
        if kind == "person":
            surnames.setdefault(tokens[-1], set()).add(pid)
            for alias in m.aliases:
                if len(fold(alias)) == 1:
                    surnames.setdefault(fold(alias)[0], set()).add(pid)
        else:
            for alias in m.aliases:
                if len(fold(alias)) >= 2:
                    org_alias.setdefault(f"{kind}:{slug(fold(alias))}", pid)
    # Organisations named by another's multi-word alias join it (smallest id wins).
    for i, pid in list(ids.items()):
        target = org_alias.get(pid)
        if target and target != pid:
            ids[i] = min(pid, target)
    # Pass 2: one-word person names join a unique full-name person.
    known: dict[str, set[str]] = {}
    for i, pid in ids.items():
        known.setdefault(pid, set()).update(d.lower() for d in mentions[i].descriptors)
    for i, m in enumerate(mentions):
        if i in ids:
            continue
        tokens = fold(m.name)
        if not tokens:
            continue
        kind = _kind(m.type)
        # A one-word organisation that makes statements is usually a surname the entity
        # recogniser mislabelled ("Ndiaye said"): it may join a person too.
        may_be_person = kind == "person" or (m.speaks and len(tokens) == 1)
        candidates = sorted(surnames.get(tokens[-1], set())) if may_be_person else []
        if len(candidates) > 1:
            mine = {d.lower() for d in m.descriptors}
            candidates = [c for c in candidates if mine & known.get(c, set())]
        ids[i] = candidates[0] if len(candidates) == 1 else f"{kind}:{slug(tokens)}"
    for i, pid in ids.items():
        m = mentions[i]
        p = person(pid, pid.split(":", 1)[0])
        p.names[m.name] += m.weight
        p.aliases.update(m.aliases)
        p.descriptors.update(m.descriptors)
    return ids, people


def display_name(p: _Person) -> str:
    """The most used of the longest names: "Bashar al-Assad" rather than "Assad"."""
    return min(p.names, key=lambda n: (-len(fold(n)), -p.names[n], n))


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute ``speaker_id`` on entities and statements and rebuild the ``speakers`` table."""
    rows = con.execute(
        f"""SELECT name, type, array_to_string(descriptors, '{_SEP}'),
                   list_sort(list_distinct(flatten(list(aliases)))), count(*), false,
                   bool_or(id IN (SELECT s.speaker_entity FROM statements s
                                  WHERE s.article_id = entities.article_id))
            FROM entities GROUP BY ALL
            UNION ALL
            SELECT DISTINCT speaker_name, 'PERSON', '', []::VARCHAR[], 1, true, true
            FROM statements
            WHERE speaker_entity IS NULL AND speaker_name IS NOT NULL
            ORDER BY 1, 2, 3, 6""").fetchall()
    mentions, entity_rows = [], []
    seen: set[tuple[str, str, str]] = set()
    for name, etype, descriptors, aliases, weight, bare, speaks in rows:
        if not name or (bare and not looks_like_name(name)) or (name, etype, descriptors) in seen:
            continue
        seen.add((name, etype, descriptors))
        mentions.append(Mention(name, etype, tuple(d for d in descriptors.split(_SEP) if d),
                                tuple(aliases), weight, speaks))
        entity_rows.append((name, etype, descriptors))
    ids, people = resolve(mentions)
    mapping = pa.table({  # noqa: F841 - read by DuckDB through its name
        "name": [r[0] for r in entity_rows], "type": [r[1] for r in entity_rows],
        "descriptors": [r[2] for r in entity_rows],
        "speaker_id": [ids.get(i) for i in range(len(entity_rows))]})
    con.execute("UPDATE entities SET speaker_id = NULL")
    con.execute(f"""UPDATE entities SET speaker_id = m.speaker_id FROM mapping m
                    WHERE entities.name = m.name AND entities.type = m.type
                    AND array_to_string(entities.descriptors, '{_SEP}') = m.descriptors""")
    con.execute("UPDATE statements SET speaker_id = NULL")
    con.execute("""UPDATE statements SET speaker_id = e.speaker_id FROM entities e
                   WHERE e.article_id = statements.article_id
                   AND e.id = statements.speaker_entity""")
    con.execute("""UPDATE statements SET speaker_id = m.speaker_id FROM mapping m
                   WHERE statements.speaker_entity IS NULL AND m.type = 'PERSON'
                   AND m.descriptors = '' AND statements.speaker_name = m.name""")
    con.execute("DELETE FROM speakers")
    people_rows = pa.table({  # noqa: F841
        "id": list(people), "name": [display_name(p) for p in people.values()],
        "type": [p.type for p in people.values()],
        "aliases": [sorted((set(p.names) | p.aliases) - {display_name(p)})
                    for p in people.values()],
        "descriptors": [sorted(p.descriptors) for p in people.values()]})
    con.execute("""INSERT INTO speakers SELECT t.id, t.name, t.type, t.aliases, t.descriptors,
                          coalesce(c.articles, 0), coalesce(c.statements, 0)
                   FROM people_rows t LEFT JOIN (
                       SELECT speaker_id, count(DISTINCT article_id) AS articles,
                              count(*) AS statements FROM statements GROUP BY speaker_id) c
                   ON c.speaker_id = t.id""")
