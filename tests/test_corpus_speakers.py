"""Speaker identity across articles: one id per person, never one id for two people."""

from __future__ import annotations

from sayso.corpus.speakers import Mention, fold, looks_like_name, resolve


def _ids(mentions: list[Mention]) -> list[str | None]:
    ids, _ = resolve(mentions)
    return [ids.get(i) for i in range(len(mentions))]


def test_name_forms_of_one_person_share_an_id() -> None:
    ids = _ids([
        Mention("Bashar al-Assad", "PERSON", ("Syrian President",), ("Assad",)),
        Mention("Bashar Assad", "PERSON"),
        Mention("Assad", "PERSON", ("Syrian President",)),
    ])
    assert ids[0] == ids[1] == ids[2]


def test_surname_alone_joins_the_only_person_with_that_surname() -> None:
    ids = _ids([Mention("Margaret Lin", "PERSON", ("authority chair",)),
                Mention("Lin", "PERSON")])
    assert ids[0] == ids[1]


def test_people_sharing_a_surname_stay_apart() -> None:
    ids = _ids([
        Mention("Helen Okafor", "PERSON", ("Mayor",)),
        Mention("Samuel Okafor", "PERSON", ("school principal",)),
        Mention("Okafor", "PERSON"),                        # which one? neither
        Mention("Okafor", "PERSON", ("school principal",)),  # the one sharing a descriptor
    ])
    assert ids[0] != ids[1]
    assert ids[2] not in (ids[0], ids[1])
    assert ids[3] == ids[1]


def test_descriptor_picks_between_namesakes() -> None:
    ids = _ids([
        Mention("Bashar al-Assad", "PERSON", ("Syrian President",)),
        Mention("Asma al-Assad", "PERSON", ("first lady",)),
        Mention("Assad", "PERSON", ("Syrian President",)),
    ])
    assert ids[0] != ids[1] and ids[2] == ids[0]


def test_organisations_join_through_a_multiword_alias_only() -> None:
    ids = _ids([
        Mention("Dock Workers Alliance", "ORG", (), ("United Dock Workers of Port Alder", "DWA")),
        Mention("United Dock Workers of Port Alder", "ORG"),
        Mention("DWA", "ORG"),
    ])
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]  # an acronym may stand for another organisation elsewhere


def test_a_person_and_a_place_with_one_name_are_different() -> None:
    ids = _ids([Mention("Jordan Reyes", "PERSON"), Mention("Jordan", "GPE")])
    assert ids[0] != ids[1]


def test_folding_and_names() -> None:
    assert fold("Bashar al-Assad") == fold("Bashar Assad") == ["bashar", "assad"]
    assert fold("Ingrid Halvørsen")[0] == "ingrid"
    assert fold("José Moreno") == ["jose", "moreno"]
    assert looks_like_name("Tomas Reyes") and looks_like_name("Bashar al-Assad")
    assert not looks_like_name("a union spokesperson")
    assert not looks_like_name("the port authority")


def test_a_speaking_one_word_organisation_may_be_a_mislabelled_surname() -> None:
    ids = _ids([Mention("Amara Ndiaye", "PERSON"),
                Mention("Ndiaye", "ORG", speaks=True),
                Mention("Reuters", "ORG", speaks=True),
                Mention("Ndiaye", "ORG", ("agency",))])  # never speaks: stays an organisation
    assert ids[1] == ids[0]
    assert ids[2] == "org:reuters"
    assert ids[3] == "org:ndiaye"
