"""The learned cue scorer: what it adds to the rules, what it must not disturb, and training it.

The articles are fictional, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.cli import main
from sayso.cues.learned import WEIGHTS, CueScorer, candidates, load_scorer
from sayso.nlp import load_model

STANCES = [
    ("Councillor Ana Ruiz touted the new ferry schedule at a packed meeting in Port Alder.",
     "Councillor Ana Ruiz", "touted", "the new ferry schedule"),
    ("The harbour commissioner lambasted the dredging contract at a hearing on Thursday.",
     "The harbour commissioner", "lambasted", "the dredging contract"),
]


def _statements(nlp, text):
    return list(nlp(text)._.statements)


def test_the_package_ships_weights_that_load():
    scorer = load_scorer()
    assert WEIGHTS.is_file() and WEIGHTS.stat().st_size < 50 * 1024 * 1024
    assert isinstance(scorer, CueScorer) and 0 < scorer.threshold < 1


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), STANCES)
def test_a_cue_outside_the_lexicon_becomes_a_stance(nlp, text, speaker, cue, content):
    rules = load_model(learned=False)
    assert not any(s.cue and s.cue.text == cue for s in _statements(rules, text))
    found = [s for s in _statements(nlp, text) if s.cue and s.cue.text == cue]
    assert len(found) == 1
    statement = found[0]
    assert (statement.act, statement.speaker.text, statement.content.text) == \
        ("stance", speaker, content)


def test_the_scorer_prefers_the_attributing_word(nlp):
    doc = nlp("Councillor Ana Ruiz touted the new ferry schedule at a packed meeting.")
    tokens = candidates(doc)
    scores = dict(zip((t.text for t in tokens), load_scorer().probabilities(tokens)))
    assert scores["touted"] > max(scores["schedule"], scores["meeting"], scores["packed"])


def test_a_learned_statement_never_hides_a_quoted_or_reported_one(nlp):
    text = ("Premier Lise Okafor welcomed reports that the minister said the plant would "
            "reopen in March.")
    rules = {(s.cue.text, s.content.text) for s in _statements(load_model(learned=False), text)}
    learned = {(s.cue.text, s.content.text) for s in _statements(nlp, text)}
    assert rules and rules <= learned


def _write_brat(folder: Path, n: int) -> None:
    """A tiny PolNeAR-layout training split in which 'lauded' is always the cue."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    names = ["Mara Quill", "Owen Tarrant", "Ines Vallo", "Pia Brandt", "Ravi Solano"]
    things = ["the harbour plan", "the school budget", "the new clinic", "the bus routes"]
    for i in range(n):
        who, what = names[i % len(names)], things[i % len(things)]
        text = f"{who} lauded {what} on Monday. The meeting ended early after a long debate.\n"
        cue = text.index("lauded")
        content = text.index(what)
        (folder / "text" / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"a{i:02d}_x.ann").write_text(
            f"T1\tSource 0 {len(who)}\t{who}\n"
            f"T2\tCue {cue} {cue + 6}\tlauded\n"
            f"T3\tContent {content} {content + len(what)}\t{what}\n"
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")


def test_training_writes_weights_that_score_the_annotated_cue(tmp_path, nlp, capsys):
    _write_brat(tmp_path / "train", 20)
    out = tmp_path / "cues.bin"
    assert main(["train", str(tmp_path / "train"), "--out", str(out), "--epochs", "3"]) == 0
    assert "held-out mean exact F1" in capsys.readouterr().out
    scorer = CueScorer.from_bytes(out.read_bytes())
    doc = nlp("Ravi Solano lauded the harbour plan on Monday. The meeting ended early.")
    tokens = candidates(doc)
    scores = dict(zip((t.text for t in tokens), scorer.probabilities(tokens)))
    assert scores["lauded"] == max(scores.values())


def test_training_on_too_few_articles_is_a_clear_error(tmp_path, capsys):
    _write_brat(tmp_path / "train", 3)
    assert main(["train", str(tmp_path / "train"), "--out", str(tmp_path / "w.bin")]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "too few annotated articles" in err[0]
    assert not (tmp_path / "w.bin").exists()
