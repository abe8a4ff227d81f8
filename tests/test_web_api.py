"""POST /analyze and the API around it, through the real app, its worker pool and the engine."""

from __future__ import annotations

import asyncio
import json
from importlib import resources

import jsonschema
import pytest
from fastapi.testclient import TestClient

import sayso
from sayso.web import Settings, create_app

SCHEMA = json.loads(resources.files("sayso").joinpath("schema", "article-1.schema.json")
                    .read_text(encoding="utf-8"))
ARTICLE = ("Harbourmaster Lena Fisk said on Friday that the new pier would open in June.\n"
           "“We are ready for the first ferries,” Fisk told the Gull Island Gazette.\n")
MAX_BODY = 50_000


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(workers=1, queue=4, max_body=MAX_BODY))) as c:
        yield c


def check_contract(doc: dict, text: str) -> None:
    """The answer is sayso/article@1 and its offsets point into the text as given."""
    jsonschema.validate(doc, SCHEMA)
    assert doc["text"] == text
    for s in doc["statements"]:
        if s["speaker"]:
            assert text[s["speaker"]["start"]:s["speaker"]["end"]] == s["speaker"]["text"]
        for start, end in s["content"]["spans"]:
            assert 0 <= start < end <= len(text)


def one_line_error(response, status: int) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    assert "Traceback" not in response.text
    return detail


def test_json_article_with_metadata(client):
    r = client.post("/analyze", json={"text": ARTICLE, "id": "pier", "title": "Pier opens",
                                      "outlet": "Gull Island Gazette", "published": "2026-06-01",
                                      "authors": "Ada Quill"})
    assert r.status_code == 200, r.text
    doc = r.json()
    check_contract(doc, ARTICLE)
    assert (doc["id"], doc["title"], doc["outlet"], doc["published"], doc["authors"]) == \
        ("pier", "Pier opens", "Gull Island Gazette", "2026-06-01", ["Ada Quill"])
    # the server answers exactly what the Python API answers for the same article
    direct = sayso.analyze(ARTICLE, id="pier", title="Pier opens", outlet="Gull Island Gazette",
                           published="2026-06-01", authors=["Ada Quill"]).to_dict()
    assert doc == direct and doc["statements"]


def test_example_article_as_plain_text(client):
    example = client.get("/example").json()
    r = client.post("/analyze", content=example["text"].encode(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    doc = r.json()
    check_contract(doc, example["text"])
    assert doc["statements"] and doc["chrome"]


def test_html_body_goes_through_extraction(client):
    page = ("<html><head><title>Pier</title></head><body><nav>Home | Sport</nav><article><p>"
            + ARTICLE.replace("\n", "</p><p>") + "</p></article></body></html>")
    r = client.post("/analyze", content=page.encode(), headers={"content-type": "text/html"})
    assert r.status_code == 200, r.text
    assert "<p>" not in r.json()["text"] and "new pier" in r.json()["text"]


def test_uploaded_file_in_a_legacy_encoding(client):
    data = ARTICLE.encode("cp1252")
    r = client.post("/analyze", files={"file": ("pier.txt", data, "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == "pier" and r.json()["text"] == ARTICLE


def test_plain_form_field(client):
    r = client.post("/analyze", data={"text": ARTICLE})
    assert r.status_code == 200 and r.json()["text"] == ARTICLE


def test_uploaded_json_lines_record(client):
    line = json.dumps({"id": "p1", "text": ARTICLE, "outlet": "Gazette"}) + "\n"
    r = client.post("/analyze", files={"file": ("one.jsonl", line.encode())})
    assert r.status_code == 200, r.text
    assert (r.json()["id"], r.json()["outlet"]) == ("p1", "Gazette")
    two = one_line_error(
        client.post("/analyze", files={"file": ("two.jsonl", (line * 2).encode())}), 422)
    assert "2 articles" in two
    body = client.post("/analyze", content=line.encode(),
                       headers={"content-type": "application/x-ndjson"})
    assert body.status_code == 200 and body.json()["id"] == "p1"
    bad = one_line_error(client.post("/analyze", content=b'{"id": 3, "title": "no text"}\n',
                                     headers={"content-type": "application/x-ndjson"}), 422)
    assert "'text' or 'html'" in bad


def test_json_lines_metadata_of_the_wrong_type(client):
    def post(record: dict):
        return client.post("/analyze", content=json.dumps(record).encode(),
                           headers={"content-type": "application/x-ndjson"})

    for key, value in (("authors", {"name": "Ada"}), ("title", {"main": "Pier"}),
                       ("outlet", ["a", "b"]), ("published", True)):
        answer = post({"text": ARTICLE, key: value})
        assert answer.status_code == 200, answer.text
        article = answer.json()
        check_contract(article, ARTICLE)  # the field is left out, so the contract holds
        assert not article[key], (key, article[key])
        assert any(f"'{key}'" in w for w in article["warnings"]), article["warnings"]
    numbered = post({"text": ARTICLE, "id": 7, "published": 2026})
    assert numbered.status_code == 200, numbered.text
    check_contract(numbered.json(), ARTICLE)  # a number is written out, as the schema wants
    assert (numbered.json()["id"], numbered.json()["published"]) == ("7", "2026")


@pytest.mark.parametrize("kwargs, status, needle", [
    ({"json": {"text": "   "}}, 422, "empty"),
    ({"json": {"text": "a", "html": "<p>b</p>"}}, 422, "exactly one"),
    ({"json": {"body": "a"}}, 422, "body"),
    ({"json": ["not", "an", "object"]}, 422, "object"),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "JSON"),
    ({"content": b"\x00\x01\x02binary", "headers": {"content-type": "text/plain"}}, 422, "binary"),
    ({"content": b"<html><body><nav>Menu</nav></body></html>",
      "headers": {"content-type": "text/html"}}, 422, "no article text"),
    ({"content": b"hello", "headers": {"content-type": "image/png"}}, 415, "content type"),
    ({"files": {"file": ("x.bin", b"\x00\x00\xff")}}, 422, "binary"),
    ({"data": {"other": "x"}, "files": {"nothing": ("a.txt", b"")}}, 422, "'file'"),
    ({"files": [("file", ("a.txt", b"Ann said hi.")), ("file", ("b.txt", b"x"))]}, 400, "files"),
    # JSON escapes can spell lone surrogates, which are not text
    ({"content": b'{"text": "Ann said \\ud800 it was fine."}',
      "headers": {"content-type": "application/json"}}, 422, "'text' is not valid Unicode"),
    ({"content": b'{"text": "Ann said it was fine.", "title": "\\udfff"}',
      "headers": {"content-type": "application/json"}}, 422, "'title' is not valid Unicode"),
    ({"content": b'{"text": "Ann said \\ud800 it was fine."}\n',
      "headers": {"content-type": "application/x-ndjson"}}, 422, "'text' is not valid Unicode"),
])
def test_bad_input_gets_a_one_line_error(client, kwargs, status, needle):
    detail = one_line_error(client.post("/analyze", **kwargs), status)
    assert needle.lower() in detail.lower()


def test_body_over_the_limit_is_refused_with_413(client):
    big = b"word " * (MAX_BODY // 4)
    detail = one_line_error(client.post("/analyze", content=big,
                                        headers={"content-type": "text/plain"}), 413)
    assert f"{MAX_BODY:,}" in detail

    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        for _ in range(20):
            yield b"x" * (MAX_BODY // 10)
    one_line_error(client.post("/analyze", content=chunks(),
                               headers={"content-type": "text/plain"}), 413)
    assert client.post("/analyze", json={"text": ARTICLE}).status_code == 200  # still serving


@pytest.mark.parametrize("ctype, partial", [
    (b"text/plain", b"Ann said"),
    (b"multipart/form-data; boundary=xx",
     b'--xx\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nAnn sa'),
])
def test_a_client_that_goes_away_mid_body_is_not_a_server_error(ctype, partial):
    """The app is called as uvicorn calls it when the connection drops halfway through the
    body: it answers (to no one) instead of raising, which uvicorn logs as a traceback."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/analyze", "raw_path": b"/analyze",
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000),
             "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"localhost"), (b"content-type", ctype),
                         (b"content-length", b"500")]}
    incoming = [{"type": "http.request", "body": partial, "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(create_app(Settings(workers=1))(scope, receive, send))
    assert sent[0]["status"] == 400
    assert b"went away" in sent[1]["body"]


def test_corpus_routes_without_a_store_explain_themselves(client):
    for path in ("/articles", "/speakers", "/statements", "/network", "/corpus", "/articles/x"):
        assert "--store" in one_line_error(client.get(path), 404)


def test_openapi_documents_the_api_and_docs_need_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ("/analyze", "/articles", "/articles/{article_id}", "/speakers",
                 "/speakers/{speaker_id}", "/statements", "/network"):
        assert path in spec["paths"]
    assert set(spec["paths"]["/analyze"]["post"]["requestBody"]["content"]) >= {
        "application/json", "text/plain", "text/html", "multipart/form-data"}
    ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))  # OpenAPI wants them unique; clients name methods by them
    docs = client.get("/docs").text
    assert "swagger-ui-bundle.js" in docs and "://" not in docs
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_pages_and_health_answer_head(client):
    """Uptime monitors often ask with HEAD; a 405 would read as the site being down."""
    for path in ("/", "/explore", "/health"):
        r = client.head(path)
        assert r.status_code == 200 and not r.content, (path, r.status_code)


def test_pages_are_served_with_a_content_security_policy(client):
    for path in ("/", "/explore"):
        r = client.get(path)
        assert r.status_code == 200 and "<html" in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "://" not in r.text  # no CDN: every asset comes from the app
    for asset in ("app.css", "common.js", "reader.js", "explore.js"):
        assert client.get(f"/static/{asset}").status_code == 200
