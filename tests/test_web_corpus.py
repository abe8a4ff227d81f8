"""The corpus routes over a small store of fictional articles: pages, filters, errors, network."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sayso.corpus import Store
from sayso.web import Settings, create_app

CORPUS = Path(__file__).parent / "web_data" / "corpus.jsonl"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    from sayso.corpus.runner import run

    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    run([str(CORPUS)], path, workers=1, progress=False)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(Settings(workers=1, store=store_path))) as c:
        yield c


def all_statements(client) -> list[dict]:
    page = client.get("/statements?limit=500").json()
    assert page["next_offset"] is None
    return page["items"]


def test_articles_page_through_the_whole_store(client):
    first = client.get("/articles?limit=4").json()
    assert (first["total"], len(first["items"]), first["next_offset"]) == (6, 4, 4)
    rest = client.get("/articles?limit=4&offset=4").json()
    assert len(rest["items"]) == 2 and rest["next_offset"] is None
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(set(ids)) == 6
    dates = [a["published"] for a in first["items"] + rest["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert "text" not in first["items"][0]


def test_article_filters(client):
    ledger = client.get("/articles?outlet=larkfield ledger").json()
    assert ledger["total"] == 2 and {a["outlet"] for a in ledger["items"]} == {"Larkfield Ledger"}
    spring = client.get("/articles?since=2026-03-01&until=2026-04-30").json()
    assert spring["items"] and all("2026-03-01" <= a["published"] <= "2026-04-30"
                                   for a in spring["items"])


def test_one_article_is_the_stored_contract(client, store_path):
    doc = client.get("/articles/valley-01").json()
    with Store(store_path, read_only=True) as store:  # a second reader beside the server's
        assert doc == store.article("valley-01").to_dict()
    assert doc["schema"] == "sayso/article@1" and doc["id"] == "valley-01"
    assert doc["outlet"] == "Valley Post" and "Rosa Delgado" in doc["text"]
    assert "no article" in client.get("/articles/nope").json()["detail"]


def test_speakers_are_ranked_with_outlet_counts(client):
    items = client.get("/speakers?limit=50").json()["items"]
    assert items
    counts = [s["statements"] for s in items]
    assert counts == sorted(counts, reverse=True)
    for s in items:
        assert sum(s["outlets"].values()) == s["statements"]
    by_speaker = {}
    for st in all_statements(client):
        by_speaker[st["speaker_id"]] = by_speaker.get(st["speaker_id"], 0) + 1
    assert {s["id"]: s["statements"] for s in items} == \
        {k: v for k, v in by_speaker.items() if k is not None}


def test_speaker_page(client):
    top = client.get("/speakers?limit=1").json()["items"][0]
    page = client.get(f"/speakers/{top['id']}").json()
    assert page["id"] == top["id"] and page["statements"] == top["statements"]
    assert sum(p["statements"] for p in page["timeline"]) == top["statements"]  # all dated
    assert page["outlets"] == top["outlets"]
    assert {s["speaker_id"] for s in page["statements_list"]} == {top["id"]}
    assert all(isinstance(r["via"], str) and r["statements"] >= 1 for r in page["relays"])
    assert "no speaker" in client.get("/speakers/person:nobody-at-all").json()["detail"]


def test_statement_filters(client):
    everything = all_statements(client)
    top = client.get("/speakers?limit=1").json()["items"][0]
    theirs = client.get("/statements", params={"speaker": top["name"], "limit": 500}).json()
    assert theirs["total"] == top["statements"] == len(theirs["items"])
    assert {s["speaker_id"] for s in theirs["items"]} == {top["id"]}
    word = "pipes"
    hits = client.get("/statements", params={"contains": word}).json()["items"]
    assert hits and len(hits) == sum(word in s["content"] for s in everything)
    radio = client.get("/statements", params={"outlet": "River Radio", "limit": 500}).json()
    assert radio["items"] and {s["outlet"] for s in radio["items"]} == {"River Radio"}
    early = client.get("/statements", params={"until": "2026-01-31", "limit": 500}).json()
    assert early["items"] and all(s["published"] <= "2026-01-31" for s in early["items"])
    page = client.get("/statements?limit=5&offset=5").json()
    assert [s["id"] + s["article_id"] for s in page["items"]] == \
        [s["id"] + s["article_id"] for s in everything[5:10]]


def test_wildcards_in_search_fields_are_literal_characters(client):
    # no stored text or outlet holds % or _, so these match nothing, not everything
    for path, params in (("/statements", {"contains": "%"}), ("/statements", {"contains": "_"}),
                         ("/statements", {"outlet": "%"}), ("/articles", {"outlet": "%"}),
                         ("/articles", {"outlet": "_alley post"}), ("/speakers", {"outlet": "%"})):
        assert client.get(path, params=params).json()["items"] == [], (path, params)
    assert client.get("/articles", params={"outlet": "VALLEY POST"}).json()["total"] == 2


def test_network_links_speakers_to_what_their_statements_name(client):
    net = client.get("/network").json()
    assert net["links"]
    speakers = {s["id"] for s in net["speakers"]}
    everything = all_statements(client)
    for link in net["links"]:
        assert link["source"] in speakers and link["source"] != link["target"]
        said = [s["content"] for s in everything if s["speaker_id"] == link["source"]]
        surname = link["target_name"].split()[-1]
        assert sum(link["target_name"] in c or surname in c for c in said) >= link["statements"]


@pytest.mark.parametrize("path, needle", [
    ("/statements?since=yesterday", "since"),
    ("/articles?limit=0", "limit"),
    ("/speakers?limit=100000", "limit"),
    ("/network?speakers=0", "speakers"),
    ("/articles?offset=-1", "offset"),
    ("/articles?offset=99999999999999999999", "offset"),
    ("/statements?offset=9223372036854775808", "offset"),
    ("/speakers?offset=9223372036854775808", "offset"),
])
def test_bad_parameters_get_one_line_422(client, path, needle):
    r = client.get(path)
    assert r.status_code == 422
    assert needle in r.json()["detail"] and "\n" not in r.json()["detail"]


def test_the_largest_offset_is_an_empty_last_page(client):
    for path in ("/articles", "/statements", "/speakers"):
        page = client.get(path, params={"offset": 2**63 - 1}).json()
        assert (page["items"], page["next_offset"]) == ([], None)


def test_an_article_id_with_slashes_opens(tmp_path):
    from sayso.corpus.runner import run

    source = tmp_path / "slashed.jsonl"
    source.write_text(json.dumps({"id": "valley/2026/pier", "outlet": "Valley Post",
                                  "text": "Harbourmaster Lena Fisk said the pier would open."}))
    run([str(source)], tmp_path / "slashed.duckdb", workers=1, progress=False)
    app = create_app(Settings(workers=1, store=tmp_path / "slashed.duckdb"))
    try:  # no lifespan: the corpus routes need no analysis workers
        client = TestClient(app)
        listed = client.get("/articles").json()["items"][0]["id"]
        r = client.get(f"/articles/{quote(listed, safe='')}")  # as the reader asks for it
        assert r.status_code == 200, r.text
        assert r.json()["id"] == "valley/2026/pier"
    finally:
        app.state.store.close()


def test_concurrent_readers_share_the_store_safely(client):
    expected = client.get("/statements?limit=50").json()
    paths = ["/statements?limit=50", "/speakers", "/network", "/articles", "/corpus"] * 6
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(client.get, paths))
    assert all(r.status_code == 200 for r in responses)
    assert all(r.json() == expected for r, p in zip(responses, paths) if p.startswith("/stat"))
