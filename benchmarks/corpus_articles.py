"""Fictional news articles, generated, for the corpus tests and benchmarks.

Every name, place and outlet is invented. The generator mixes the constructions sayso reads
(direct quotes with the cue before or after, reported speech, "according to", channels) so a
corpus of them exercises the whole engine; ``seed`` makes a corpus reproducible.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = [("Helen", "Okafor", "Mayor"), ("Tomas", "Reyes", "union president"),
          ("Margaret", "Lin", "authority chair"), ("Dmitri", "Volkov", "Harbour Minister"),
          ("Amara", "Ndiaye", "council member"), ("Rafael", "Moreno", "fire chief"),
          ("Ingrid", "Halvorsen", "Health Minister"), ("Samuel", "Okafor", "school principal"),
          ("Priya", "Raman", "economist"), ("Jonas", "Brandt", "police spokesperson")]
TOWNS = ["Port Alder", "Kestrel Bay", "Millbrook", "Greyhaven", "Ashford Falls", "Dunmore"]
OUTLETS = ["Coastal Courier", "Harbour Radio", "Valley Ledger", "Northern Star", "Tidewater Post"]
TOPICS = [("the harbour strike", "dock workers", "wages"),
          ("the new bridge", "commuters", "tolls"),
          ("the flood defences", "residents", "funding"),
          ("the hospital merger", "nurses", "staffing"),
          ("the school budget", "parents", "class sizes"),
          ("the ferry timetable", "islanders", "fares")]
CLAIMS = ["the plan would cost far more than promised", "nobody had been consulted",
          "the deadline could not be met", "the figures had been checked twice",
          "a deal was close", "the talks had collapsed", "more staff would be hired next spring",
          "the report left out the most important numbers", "the town could not wait any longer",
          "an inquiry would begin within weeks"]


def article(rng: random.Random, number: int) -> dict[str, object]:
    """One fictional article as a JSON Lines record."""
    (f1, l1, t1), (f2, l2, t2) = rng.sample(PEOPLE, 2)
    town, outlet = rng.choice(TOWNS), rng.choice(OUTLETS)
    topic, group, issue = rng.choice(TOPICS)
    c1, c2, c3, c4 = rng.sample(CLAIMS, 4)
    paragraphs = [
        f"{town} {t1} {f1} {l1} says {c1}, the {rng.choice(OUTLETS)} reported on Monday.",
        f"The dispute over {topic} has left {group} in {town} worried about {issue}.",
        f"“We cannot keep asking {group} to wait. This has gone on for too long,” {l1} said.",
        f"{f2} {l2}, the {t2}, told reporters that {c2}.",
        f"According to {l2}, {c3}.",
        f"“I have spoken to {group} every week,” said {l2}. “They deserve a straight answer.”",
        f"{l1} added that {c4}, speaking to {rng.choice(OUTLETS)} by phone.",
    ]
    middle = paragraphs[1:5]
    rng.shuffle(middle)
    paragraphs[1:5] = middle
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return {"id": f"a{number:05d}", "title": f"{town}: {l1} and {l2} on {topic}",
            "outlet": outlet, "published": f"2026-{month:02d}-{day:02d}",
            "text": "\n".join(paragraphs[: rng.randint(5, 7)])}


def corpus(n: int, seed: int = 7) -> list[dict[str, object]]:
    """``n`` fictional articles, the same for the same seed."""
    rng = random.Random(seed)
    return [article(rng, i) for i in range(n)]


def write_jsonl(records: list[dict[str, object]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path
