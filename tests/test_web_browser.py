"""The reader and the explorer in a real headless Chromium (Debian's), against ``sayso serve``.

Skipped when no Chromium binary is installed (``make browser`` installs it). Screenshots go to
``$SAYSO_SCREENSHOTS`` when set (``docs/img`` for the README), else to a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_server import Server, serve

CHROMIUM = next((p for p in (os.environ.get("SAYSO_CHROMIUM"), shutil.which("chromium"),
                             "/usr/bin/chromium") if p and Path(p).exists()), None)
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CORPUS = Path(__file__).parent / "web_data" / "corpus.jsonl"
HOSTILE = Path(__file__).parent / "web_data" / "hostile.jsonl"  # markup in outlet, title, quote

# A fictional article whose text is hostile markup: it must show as text and run nothing.
XSS = ("Mayor Ines Varga said <script>window.__pwned = 'script'</script> the vote was fair.\n"
       "“<img src=x onerror=\"window.__pwned='img'\"> is no way to run a town,” Varga said.\n"
       "Councillor <b onmouseover=\"window.__pwned='b'\">Tom Reed</b> told the "
       "<svg onload=\"window.__pwned='svg'\"> Daily Lantern that he disagreed.\n")
# Characters outside the Basic Multilingual Plane before a quote: Python counts them as one
# character, JavaScript as two, and the highlights must still land on the right words.
EMOJI = ("🚢🚢 Harbour news 🌊\n"
         "“The tide waits for nobody,” pilot Mara Voss said on Friday. 🚢\n"
         "Voss added that the channel would be dredged in spring.\n")


def serve_store(tmp_path_factory, corpus: Path) -> Iterator[Server]:
    from sayso.corpus.runner import run

    store = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    run([str(corpus)], store, workers=1, progress=False)
    with serve("--store", str(store)) as live:
        yield live


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_store(tmp_path_factory, CORPUS)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    yield from serve_store(tmp_path_factory, HOSTILE)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.urls = []
    pg.on("request", lambda request: pg.urls.append(request.url))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = Path(os.environ.get("SAYSO_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    target.mkdir(parents=True, exist_ok=True)
    return target


def api(server, path: str, payload: dict | None = None) -> dict:
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(server.url + path, data=data,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def analyse_pasted(page, server, text: str) -> None:
    page.goto(server.url + "/")
    page.fill("#text", text)
    page.click("#analyse")
    page.wait_for_selector("body[data-analysed]")


def highlighted(page) -> dict[str, str]:
    """Statement id -> text of its content highlights, as the page shows them."""
    return page.evaluate("""() => {
        const out = {};
        for (const n of document.querySelectorAll('#article .content')) {
            out[n.dataset.sid] = (out[n.dataset.sid] || '') + n.textContent;
        }
        return out;
    }""")


def test_reader_shows_the_example_linked_both_ways(page, server, shots):
    expected = api(server, "/analyze", {"text": api(server, "/example")["text"],
                                        "id": "harbour-strike"})
    assert expected["statements"], "the engine found no statement in the example"
    page.goto(server.url + "/")
    page.click("#example")
    page.wait_for_selector("body[data-analysed]")

    assert page.locator("#statements > li").count() == len(expected["statements"])
    # a statement that names no source is listed under "(unattributed)"
    speakers = {s["speaker"]["name"] if s["speaker"] else "(unattributed)"
                for s in expected["statements"]}
    assert set(page.locator("#speakers strong").all_text_contents()) == speakers
    shown = highlighted(page)
    for s in expected["statements"]:
        assert shown[s["id"]] == "".join(expected["text"][a:b] for a, b in s["content"]["spans"])
    assert page.locator("#article .chrome").count() >= len(expected["chrome"]) > 0
    chrome_colour = page.eval_on_selector("#article .chrome", "n => getComputedStyle(n).color")
    assert chrome_colour != page.eval_on_selector("#article", "n => getComputedStyle(n).color")
    with_channel = next(s for s in expected["statements"] if s["channels"])
    labels = page.locator(f"#statements > li[data-sid='{with_channel['id']}'] .badge")
    assert labels.count() == len(with_channel["channels"])
    descriptors = {d for e in expected["entities"] for d in e["descriptors"]
                   if any(s["speaker"] and s["speaker"]["entity"] == e["id"]
                          for s in expected["statements"])}
    assert all(page.locator("#speakers").get_by_text(d, exact=False).count() for d in descriptors)

    # a statement in the list highlights its words in the text
    last = expected["statements"][-1]["id"]
    page.click(f"#statements > li[data-sid='{last}']")
    assert page.locator(f"#statements > li[data-sid='{last}']").get_attribute("class") == "active"
    active = page.locator("#article .active")
    assert active.count() >= 1
    assert set(active.evaluate_all("ns => ns.map(n => n.dataset.sid)")) == {last}
    # and words in the text highlight their statement in the list
    first = expected["statements"][0]["id"]
    page.locator(f"#article .content[data-sid='{first}']").first.click()
    assert page.locator("#statements > li.active").get_attribute("data-sid") == first
    assert page.locator(f"#article .content[data-sid='{last}'].active").count() == 0
    # a speaker in the speaker list narrows the statement list to theirs, and back
    name = expected["statements"][0]["speaker"]["name"]
    theirs = sum(1 for s in expected["statements"] if s["speaker"] and s["speaker"]["name"] == name)
    page.locator("#speakers li").filter(has=page.get_by_text(name, exact=True)).click()
    assert page.locator("#statements > li:visible").count() == theirs
    assert set(page.locator("#statements > li:visible").evaluate_all(
        "ns => ns.map(n => n.dataset.speaker)")) == {name}
    page.locator("#speakers li.focus").click()
    assert page.locator("#statements > li:visible").count() == len(expected["statements"])
    page.evaluate("() => { document.querySelector('.side').scrollTop = 0; scrollTo(0, 0); }")
    page.screenshot(path=str(shots / "reader.png"), full_page=True)
    assert page.errors == []
    assert all(url.startswith(server.url) for url in page.urls)  # nothing from elsewhere


def test_hostile_markup_in_an_article_stays_inert(page, server, shots):
    analyse_pasted(page, server, XSS)
    page.hover("#article")
    page.locator("#article").hover(position={"x": 40, "y": 60})
    assert page.evaluate("() => window.__pwned") is None
    for scope in ("#article", "#speakers", "#statements", "#meta"):
        assert page.locator(f"{scope} script, {scope} img, {scope} svg, {scope} b").count() == 0
    text = page.locator("#article").text_content()
    assert "<script>window.__pwned = 'script'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.errors == []
    page.screenshot(path=str(shots / "reader-hostile.png"), full_page=True)


def test_offsets_stay_right_after_characters_outside_the_bmp(page, server):
    expected = api(server, "/analyze", {"text": EMOJI})
    assert expected["statements"]
    analyse_pasted(page, server, EMOJI)
    shown = highlighted(page)
    for s in expected["statements"]:
        assert shown[s["id"]] == "".join(EMOJI[a:b] for a, b in s["content"]["spans"])


def test_engine_warnings_are_shown(page, server):
    text = "Mayor Ann Lee said “the bridge will open in May, and the council agreed on Monday.\n"
    warnings = api(server, "/analyze", {"text": text})["warnings"]
    assert warnings, "expected the engine to warn about the unbalanced quotation mark"
    analyse_pasted(page, server, text)
    assert all(w in page.locator("#status").text_content() for w in warnings)


def test_uploaded_file_and_errors_in_the_reader(page, server, tmp_path):
    upload = tmp_path / "gazette.txt"
    upload.write_text("“Our café stays open all winter,” owner Zoë Marchetti said on Monday.\n",
                      encoding="cp1252")  # read the way `sayso analyze` reads it
    page.goto(server.url + "/")
    page.set_input_files("#file", str(upload))
    page.wait_for_selector("body[data-analysed='gazette']")
    assert page.locator("#statements > li").count() >= 1
    page.fill("#text", "<html><body><nav>Menu</nav></body></html>")
    page.click("#analyse")
    page.wait_for_selector("#status.error")
    assert "422" in page.locator("#status").text_content()


# Nothing on the page sticks out past the right edge of the screen.
FITS = """() => document.documentElement.scrollWidth <= innerWidth && [...document.querySelectorAll(
    'main *')].every(n => n.closest('svg') || n.getBoundingClientRect().right <= innerWidth + 1)"""


def test_reader_fits_a_phone_screen(browser, server, shots):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  device_scale_factor=2)
    pg = context.new_page()
    pg.goto(server.url + "/")
    pg.click("#example")
    pg.wait_for_selector("body[data-analysed]")
    assert pg.evaluate(FITS)
    pg.screenshot(path=str(shots / "reader-phone.png"))
    pg.goto(server.url + "/explore")
    pg.wait_for_selector("body[data-ready='overview']")
    assert pg.evaluate(FITS)
    context.close()


def test_explorer_overview_speaker_page_and_search(page, server, shots):
    top = api(server, "/speakers?limit=15")["items"]
    assert top, "the test corpus gave no speakers"
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready='overview']")
    rows = page.locator("#top-speakers tbody tr")
    assert rows.count() == len(top)
    assert rows.first.locator("a").text_content() == top[0]["name"]
    assert rows.first.locator(".stack span").count() == len(top[0]["outlets"])
    network = api(server, "/network?speakers=10&edges=40")
    assert page.locator("#network path.link").count() == len(network["links"])
    page.wait_for_selector("#search-results li")
    page.screenshot(path=str(shots / "explorer.png"), full_page=True)

    word = top[0]["name"].split()[-1]
    page.fill("input[name=contains]", word)
    page.click("form.search button[type=submit]")
    expected = api(server, f"/statements?contains={word}&limit=10")
    page.wait_for_function(
        "n => document.querySelectorAll('#search-results li').length === n",
        arg=len(expected["items"]))
    assert f"{expected['total']} statement(s)" in page.locator("#search-results").text_content()

    rows.first.locator("a").click()
    page.wait_for_selector("body[data-ready='speaker']")
    speaker = api(server, "/speakers/" + top[0]["id"])
    assert page.locator("#speaker h1").text_content() == speaker["name"]
    bars = page.locator("#timeline rect.bar")
    assert bars.count() >= len(speaker["timeline"]) >= 1
    assert page.locator("#outlets tr").count() >= len(speaker["outlets"])
    page.screenshot(path=str(shots / "explorer-speaker.png"), full_page=True)

    page.locator("a", has_text="open in reader").first.click()
    page.wait_for_selector("body[data-analysed]")
    assert page.locator("#statements > li.active").count() == 1
    assert page.errors == []
    assert all(url.startswith(server.url) for url in page.urls)


def test_a_failed_search_says_why_until_the_next_search_succeeds(page, server):
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready='overview']")
    page.wait_for_selector("#search-results li")
    page.fill("input[name=since]", "12026-01-01")  # Chromium takes years past 9999; dates don't
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#status.error")
    assert "422" in page.locator("#status").text_content()
    page.fill("input[name=since]", "")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#status:not(.error)")
    assert page.locator("#status").text_content() == ""
    assert page.errors == []


def test_api_docs_render_offline(page, server):
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock-summary-path", has_text="/analyze").count() >= 1
    assert all(url.startswith((server.url, "data:")) for url in page.urls)


def test_hostile_markup_in_the_store_stays_inert_in_the_explorer(page, hostile_server):
    """A store whose only article has markup for its outlet, title and quote."""
    server = hostile_server
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready='overview']")
    page.fill("input[name=contains]", "onerror")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#search-results li")
    results = page.locator("#search-results").text_content()
    assert "<img src=x onerror=" in results and "Night Desk" in results
    legend = page.locator("#top-speakers").text_content()
    assert "onerror" in legend  # the hostile outlet's name, shown as text
    assert page.locator("#view img, #view script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    page.goto(server.url + "/")
    page.wait_for_selector("#stored-box:not([hidden])")
    assert "<script>" in page.locator("#stored").text_content()
    page.select_option("#stored", "hostile-01")
    page.wait_for_selector("body[data-analysed='hostile-01']")
    assert page.locator("#title").text_content().startswith("<script>")
    assert page.locator("main img, main script:not([src]), #view img").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert page.errors == []
