"""The seed article against its gold reading (needs ../shared; skipped without it)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

import sayso


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold().replace("’", "'")
    return re.sub(r"^the\s+", "", " ".join(text.split()))


def words(start: int, end: int, text: str) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\w+", text[start:end])]


def coverage(gold: dict, statement: sayso.Statement, text: str) -> float:
    gold_words = words(gold["content_start"], gold["content_end"], text)
    covered = [w for w in gold_words
               if any(s <= w[0] and w[1] <= e for s, e in statement.content.spans)]
    return len(covered) / len(gold_words)


@pytest.fixture(scope="module")
def seed(shared):
    folder = shared / "data" / "seed"
    text = (folder / "white-helmets.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "white-helmets.gold.json").read_text(encoding="utf-8"))
    return text, gold, sayso.analyze(text, id="white-helmets")


def best_match(gold: dict, article: sayso.Article) -> sayso.Statement | None:
    scored = [(coverage(gold, s, article.text), s) for s in article.statements]
    scored = [x for x in scored if x[0] > 0]
    return max(scored, key=lambda x: x[0])[1] if scored else None


def test_every_required_statement_is_found_with_speaker_cue_and_channels(seed):
    text, gold, article = seed
    for g in (s for s in gold["statements"] if s["required"]):
        found = best_match(g, article)
        assert found is not None, f"{g['id']} not found"
        assert coverage(g, found, text) >= 0.8, f"{g['id']}: content {found.content.text!r}"
        speakers = {fold(g["speaker"])} | {fold(a) for a in g.get("also_accept_speaker", [])}
        assert fold(found.speaker.name) in speakers, f"{g['id']}: speaker {found.speaker.name!r}"
        cues = {fold(g["cue"])} | {fold(c) for c in g.get("also_accept_cue", [])}
        assert found.cue is not None and fold(found.cue.text) in cues, f"{g['id']}: cue"
        for channel in g["channels"]:
            assert any(fold(c.text) == fold(channel["text"]) and c.role == channel["role"]
                       for c in found.channels), f"{g['id']}: channel {channel}"


def test_at_most_one_statement_the_gold_does_not_list(seed):
    text, gold, article = seed
    listed = [s for s in article.statements
              if not any(coverage(g, s, text) > 0.5 for g in gold["statements"])]
    assert len(listed) <= 1, [s.content.text for s in listed]


def test_chrome_lines_and_credits(seed):
    text, gold, article = seed
    found = {(text[c.start:c.end], c.kind) for c in article.chrome}
    for chrome in gold["chrome"]:
        assert (chrome["text"], chrome["kind"]) in found
    assert set(gold["credits"]) <= set(article.credits)


def test_entities_carry_aliases(seed):
    _, gold, article = seed
    by_name = {e.name: e for e in article.entities}
    assert "Assad" in by_name["Bashar al-Assad"].aliases
    assert "Syrian Civil Defence" in by_name["White Helmets"].aliases
