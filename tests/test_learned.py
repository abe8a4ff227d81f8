"""The learned parts (cue scorer, content and cue edges): what they add to the rules, what they
must not disturb, and training them.

The articles are fictional, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.cli import main
from sayso.cues import edges
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


def _drafts(doc, scorer=None):
    """The drafts before any learned edge moves (the rules alone, or with a cue scorer)."""
    from sayso.training.edges import unplaced_drafts

    return unplaced_drafts(doc, scorer)


def test_the_package_ships_weights_that_load():
    scorer = load_scorer()
    assert isinstance(scorer, CueScorer) and 0 < scorer.threshold < 1
    assert isinstance(edges.load_edges(), edges.EdgeModel)
    shipped = WEIGHTS.stat().st_size + edges.WEIGHTS.stat().st_size
    assert shipped < 50 * 1024 * 1024


def test_edge_networks_score_together_and_survive_a_round_trip(nlp):
    """The shipped edge models average several networks; a file from before, with one bare
    network, still loads."""
    from thinc.api import fix_random_seed

    doc = nlp("The harbour board said on Monday that the ferry would run twice a day.")
    draft = next(d for d in _drafts(doc) if d.cue.text == "said")
    edge = edges.edges(doc, draft)[0]
    inputs = edges.featurize(edge, draft)
    members = []
    for seed in (1, 2):
        fix_random_seed(seed)
        member = edges.build_member()
        member.initialize(X=inputs)
        members.append(member)
    scores = [member.predict(inputs) for member in members]
    assert not (scores[0] == scores[1]).all()
    together = edges.build_model(members)
    assert (abs(together.predict(inputs) - (scores[0] + scores[1]) / 2) < 1e-6).all()
    for model, expected in ((together, together.predict(inputs)), (members[0], scores[0])):
        loaded = edges.EdgeModel.from_bytes(edges.EdgeModel(model, None).to_bytes())
        assert loaded.cue is None and (loaded.content.predict(inputs) == expected).all()


def test_cue_scorer_networks_score_together_and_survive_a_round_trip(nlp):
    """The shipped scorer averages several networks' probabilities; a file from before, with
    one bare network, still loads with its threshold and doubt."""
    import numpy
    from thinc.api import fix_random_seed

    from sayso.cues.learned import build_member, build_model, featurize

    doc = nlp("The harbour board touted the new ferry schedule on Monday.")
    inputs = featurize(candidates(doc))
    members = []
    for seed in (1, 2):
        fix_random_seed(seed)
        member = build_member()
        member.initialize(X=inputs, Y=numpy.zeros((1, 2), dtype="float32"))
        for node in member.walk():  # a new softmax layer starts at zero: as if trained
            if node.has_param("W"):
                node.set_param("W", numpy.random.default_rng(seed).normal(
                    size=node.get_param("W").shape).astype("float32"))
        members.append(member)
    probs = [member.predict(inputs) for member in members]
    assert not (probs[0] == probs[1]).all()
    together = build_model(members)
    assert (abs(together.predict(inputs) - (probs[0] + probs[1]) / 2) < 1e-6).all()
    for model, expected in ((together, together.predict(inputs)), (members[0], probs[0])):
        loaded = CueScorer.from_bytes(CueScorer(model, 0.45, 0.15).to_bytes())
        assert (loaded.threshold, loaded.doubt) == (0.45, 0.15)
        assert (loaded.model.predict(inputs) == expected).all()


def test_the_padding_of_a_row_counts_as_if_every_slot_were_embedded(nlp):
    """The network embeds only the features a row has and adds the padding as one vector
    times its count: its scores and the gradient it passes to the embeddings must be those of
    embedding all ``N_FEATURES`` slots."""
    import numpy
    from thinc.api import fix_random_seed

    from sayso.cues import network

    doc = nlp("The harbour board said on Monday that the ferry would run twice a day.")
    draft = next(d for d in _drafts(doc) if d.cue.text == "said")
    ids, dense = edges.featurize(edges.edges(doc, draft)[0], draft)
    assert ((ids == network.PAD).sum(axis=1) > 0).all() and (ids != network.PAD).any()
    fix_random_seed(3)
    model = edges.build_member()
    model.initialize(X=(ids, dense))
    embed, head = model.layers
    everything, backprop_all = embed(ids.reshape(-1), is_train=False)
    summed = everything.reshape(ids.shape[0], ids.shape[1], -1).sum(axis=1)
    expected = head.predict(numpy.hstack([summed, dense]))
    scores, backprop = model((ids, dense), is_train=False)  # no dropout: comparable
    assert numpy.allclose(scores, expected, atol=1e-5)

    def gradient(run_backprop):
        for node in model.walk():
            if node.has_grad("E"):
                node.set_grad("E", numpy.zeros_like(node.get_grad("E")))
        run_backprop()
        return embed.get_grad("E").copy()

    d_scores = numpy.ones_like(scores)
    shortcut = gradient(lambda: backprop(d_scores))
    d_summed = head(numpy.hstack([summed, dense]), is_train=False)[1](d_scores)[:, :summed.shape[1]]
    naive = gradient(lambda: backprop_all(numpy.repeat(d_summed[:, None, :], ids.shape[1], axis=1)
                                          .reshape(everything.shape)))
    assert numpy.abs(shortcut).sum() > 0 and numpy.allclose(shortcut, naive, atol=1e-4)


def test_edge_candidates_stay_near_the_rules_edge_off_the_cue_and_in_the_paragraph(nlp):
    doc = nlp("Councillor Ana Ruiz said on Monday that the new ferry schedule would start in "
              "spring, weeks before the harbour works begin.\nThe works will take a year.")
    draft = next(d for d in _drafts(doc) if d.kind == "indirect")
    words = edges.words_of(doc, draft.content)
    cue = set(range(draft.cue.start, draft.cue.end))
    found = {e.side: e for e in edges.edges(doc, draft)}
    assert set(found) == {"start", "end"}
    for edge in found.values():
        indices = [t.i for t in edge.candidates]
        assert not cue & set(indices)
        assert not any(doc[i].is_punct or doc[i].is_space for i in indices)
        anchor = words[0] if edge.side == "start" else words[-1]
        assert edge.candidates[edge.current].i == anchor
        assert all(abs(i - anchor) <= edges.REACH for i in indices)
    assert max(t.i for t in found["start"].candidates) <= words[-1]
    assert min(t.i for t in found["end"].candidates) >= words[0]
    paragraph_end = next(t.i for t in doc if "\n" in t.whitespace_ or "\n" in t.text)
    assert all(t.i < paragraph_end for e in found.values() for t in e.candidates)


def test_content_edge_candidates_stop_at_another_statements_cue(nlp):
    doc = nlp("Among ferry riders, 74 percent said they would keep the old pier, while 22 "
              "percent said they would vote for a new one.")
    drafts = _drafts(doc)
    first = next(d for d in drafts if "keep the old pier" in doc.text[d.start:d.end])
    other = next(d for d in drafts if d is not first)
    end = next(e for e in edges.edges(doc, first, edges.cue_words(drafts)) if e.side == "end")
    assert all(t.i < other.cue.start for t in end.candidates)
    unfenced = next(e for e in edges.edges(doc, first) if e.side == "end")
    assert any(t.i >= other.cue.start for t in unfenced.candidates)


def test_content_edges_of_a_content_in_pieces_move_within_their_own_piece(nlp):
    doc = nlp("Ruiz added that the ferries would start in May. “We have waited long enough for "
              "this day.”")
    draft = next(d for d in _drafts(doc) if "ferries" in doc.text[d.start:d.end])
    assert len(draft.content) == 2 and draft.kind == "mixed"
    first_piece = edges.words_of(doc, draft.content[:1])
    last_piece = edges.words_of(doc, draft.content[-1:])
    found = {e.side: e for e in edges.edges(doc, draft)}
    assert max(t.i for t in found["start"].candidates) <= first_piece[-1]
    assert min(t.i for t in found["end"].candidates) >= last_piece[0]


def test_cue_edge_candidates_stay_off_the_content_and_the_speaker_and_in_the_sentence(nlp):
    doc = nlp("Councillor Ana Ruiz said in an interview on Monday that the ferry would run "
              "until midnight. The works will take a year.")
    draft = next(d for d in _drafts(doc) if d.cue is not None and d.cue.text == "said")
    found = {e.side: e for e in edges.cue_edges(doc, draft)}
    assert set(found) == {"cue-end"}  # the speaker stands right before the cue
    words = [t.text for t in found["cue-end"].candidates]
    assert words[0] == "said" and "interview" in words and "Monday" in words
    assert not {"Ruiz", "that", "ferry", "works"} & set(words)


def test_a_cue_edge_may_also_drop_words_of_the_rules_cue_but_never_its_head(nlp):
    doc = nlp("When asked about the levy, the mayor has also said that fares would rise.")
    draft = next(d for d in _drafts(doc) if d.cue is not None and d.cue.root.text == "said")
    assert draft.cue.text == "has also said"
    start = next(e for e in edges.cue_edges(doc, draft) if e.side == "cue-start")
    words = [t.text for t in start.candidates]
    assert words[-3:] == ["has", "also", "said"] and start.candidates[start.current].text == "has"
    assert "mayor" not in words


def test_cue_edge_candidates_leave_out_a_relay_and_an_addressee(nlp):
    doc = nlp("“The strait will stay open,” Okafor said according to the Harbour Ledger.\n"
              "Okafor told the Harbour Ledger on Monday that the strait would stay open.")
    for draft in _drafts(doc):
        if draft.cue is not None and draft.cue.root.lemma_ in ("say", "tell"):
            words = {t.text for e in edges.cue_edges(doc, draft) for t in e.candidates}
            assert not {"according", "Harbour", "Ledger"} & words


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), STANCES)
def test_a_cue_outside_the_lexicon_becomes_a_stance(nlp, text, speaker, cue, content):
    rules = load_model(learned=False)
    assert not any(s.cue and s.cue.text == cue for s in _statements(rules, text))
    found = [s for s in _statements(nlp, text) if s.cue and s.cue.text == cue]
    assert len(found) == 1
    statement = found[0]
    assert (statement.act, statement.speaker.text) == ("stance", speaker)
    assert statement.content.text.startswith(content)  # where it ends is the edge model's call


def test_a_picked_word_without_a_source_in_the_parse_gives_a_sourceless_guess(nlp):
    from sayso.cues.unlisted import unlisted

    doc = nlp("Touting the new ferry schedule again.")
    assert unlisted(doc[0], set()) is None  # not picked: no source, no statement
    draft = unlisted(doc[0], set(), sourceless=True)
    assert draft.subject is None and draft.unattributed and draft.guessed
    assert [doc.text[a:b] for a, b in draft.content] == ["the new ferry schedule"]


@pytest.mark.parametrize(("text", "word", "content"), [
    ("The council compared the levy to a toll on every rider.", "compared",
     "the levy to a toll on every rider"),
    ("The premier named her to the harbour board in 2012.", "named", "her to the harbour board"),
    ("The mayor distanced himself from the ferry operator after the vote.", "distanced",
     "the ferry operator"),
    ("Councillor Ana Ruiz praised the board on Monday.", "praised", "the board"),
    ("The union answered the question by citing the budget.", "answered",
     "the question by citing the budget"),
    ("The mayor took the stage to defend the levy.", "took", "the stage to defend the levy"),
])
def test_a_guess_takes_what_completes_its_object_and_skips_a_reflexive(nlp, text, word,
                                                                       content):
    from sayso.cues.unlisted import unlisted

    doc = nlp(text)
    draft = unlisted(next(t for t in doc if t.text == word), set())
    assert [doc.text[a:b] for a, b in draft.content] == [content]


@pytest.mark.parametrize(("text", "content"), [
    ("The ferry captain told the Harbour Gazette on Monday.", None),
    ("The ferry captain told them on Monday.", None),
    ("The ferry captain told a joke on Monday.", "a joke"),
    ("The ferry captain told the story of the 1998 storm.", "the story of the 1998 storm"),
])
def test_the_party_a_guess_is_told_to_is_never_its_content(nlp, text, content):
    """The one addressed is a channel, not what was said; what was told stays content."""
    from sayso.cues.unlisted import unlisted

    doc = nlp(text)
    draft = unlisted(next(t for t in doc if t.text == "told"), set())
    assert (None if draft is None else [doc.text[a:b] for a, b in draft.content]) == \
        (None if content is None else [content])


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Councillor Ana Ruiz took aim at the ferry budget.", "took aim at", "the ferry budget"),
    ("The union took a swipe at the harbour board.", "took a swipe at", "the harbour board"),
    ("The council compared the levy to a toll.", "compared", "the levy to a toll"),
])
def test_a_light_noun_gives_its_object_to_the_content_and_itself_to_the_cue(nlp, text, cue,
                                                                          content):
    """"took aim at the budget" attributes a view of the budget, not of "aim"; a noun that is
    an object of its own ("the levy") stays in the content."""
    from sayso.cues.unlisted import unlisted

    doc = nlp(text)
    verb = next(t for t in doc if t.text == cue.split()[0])
    draft = unlisted(verb, set())
    assert (draft.cue.text, [doc.text[a:b] for a, b in draft.content]) == (cue, [content])


def test_the_scorer_prefers_the_attributing_word(nlp):
    doc = nlp("Councillor Ana Ruiz touted the new ferry schedule at a packed meeting.")
    tokens = candidates(doc)
    scores = dict(zip((t.text for t in tokens), load_scorer().probabilities(tokens)))
    assert scores["touted"] > max(scores["schedule"], scores["meeting"], scores["packed"])


def test_a_doubted_listed_verb_without_a_clause_is_no_cue_and_the_doubt_survives_saving(nlp):
    doc = nlp("Councillor Ana Ruiz wants those ferry schedules now.")
    trusting = CueScorer.from_bytes(load_scorer().to_bytes())
    trusting.doubt = 0.0
    assert any(d.cue.root.text == "wants" for d in _drafts(doc, trusting))
    doubting = CueScorer.from_bytes(load_scorer().to_bytes())
    doubting.doubt = 1.01  # doubts every word
    assert doubting.doubt == CueScorer.from_bytes(doubting.to_bytes()).doubt
    assert not any(d.cue is not None and d.cue.root.text == "wants"
                   for d in _drafts(doc, doubting))
    said = nlp("Councillor Ana Ruiz said the ferry schedule would change.")
    assert any(d.cue.root.text == "said" for d in _drafts(said, doubting))  # a clause: no doubt


def test_a_thought_inside_a_guess_or_a_sourceless_statement_is_part_of_its_content(nlp):
    """PolNeAR draws the outer statement with the inner one in its content, whether the rules,
    the scorer's guess or a sourceless reading found the outer one; a speech act inside a guess
    stays a statement of its own."""
    guessed = _statements(nlp, "The union hailed the news that the premier believes wages "
                               "should rise next year.")
    assert [s.cue.text for s in guessed] == ["hailed"]
    assert "the premier believes wages should rise" in guessed[0].content.text
    sourceless = _statements(nlp, "Premier Lise Okafor is expected to argue that the minister "
                                  "believes the plant will reopen in March.")
    assert sourceless and not any(s.cue.text == "believes" for s in sourceless)
    assert any("the minister believes the plant" in s.content.text for s in sourceless)
    spoken = _statements(nlp, "The union hailed the news that the premier said wages would "
                              "rise next year.")
    assert any(s.cue.text == "said" and s.speaker.text == "the premier" for s in spoken)


def _write_brat(folder: Path, n: int) -> None:
    """A tiny PolNeAR-layout training split in which 'lauded' is always the cue and the content
    always runs on to the day ("the harbour plan on Monday"), past the object the parse gives."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    names = ["Mara Quill", "Owen Tarrant", "Ines Vallo", "Pia Brandt", "Ravi Solano"]
    things = ["the harbour plan", "the school budget", "the new clinic", "the bus routes"]
    for i in range(n):
        who, what = names[i % len(names)], things[i % len(things)]
        text = f"{who} lauded {what} on Monday. The meeting ended early after a long debate.\n"
        cue = text.index("lauded")
        content, what = text.index(what), f"{what} on Monday"
        (folder / "text" / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"a{i:02d}_x.ann").write_text(
            f"T1\tSource 0 {len(who)}\t{who}\n"
            f"T2\tCue {cue} {cue + 6}\tlauded\n"
            f"T3\tContent {content} {content + len(what)}\t{what}\n"
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")


def test_training_learns_the_annotated_cue_and_content_edge(tmp_path, nlp, capsys):
    _write_brat(tmp_path / "train", 20)
    out = tmp_path / "weights"
    assert main(["train", str(tmp_path / "train"), "--out", str(out), "--epochs", "12"]) == 0
    assert "held-out mean exact F1" in capsys.readouterr().out
    scorer = CueScorer.from_bytes((out / WEIGHTS.name).read_bytes())
    doc = nlp("Ravi Solano lauded the harbour plan on Monday. The meeting ended early.")
    tokens = candidates(doc)
    scores = dict(zip((t.text for t in tokens), scorer.probabilities(tokens)))
    assert scores["lauded"] == max(scores.values())
    placer = edges.EdgeModel.from_bytes((out / edges.WEIGHTS.name).read_bytes())
    draft = next(d for d in _drafts(doc, scorer) if d.cue.text == "lauded")
    assert doc.text[draft.start:draft.end] == "the harbour plan"
    placer.refine(doc, [draft])
    assert doc.text[draft.start:draft.end] == "the harbour plan on Monday"


def test_training_on_too_few_articles_is_a_clear_error(tmp_path, capsys):
    _write_brat(tmp_path / "train", 3)
    assert main(["train", str(tmp_path / "train"), "--out", str(tmp_path / "w")]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "too few annotated articles" in err[0]
    assert not (tmp_path / "w").exists()
