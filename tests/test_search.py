"""Search: nothing loaded until the reader opens it, then only their language's index."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from conftest import PROJECT, _SubPathHandler, serve
from fristed.project import load_project
from fristed.search import page_sections

DATA = load_project(PROJECT)


def test_index_holds_each_section_of_each_page_once(site):
    for language in DATA.languages:
        entries = json.loads((site / language.folder / "search-index.json").read_text(encoding="utf-8"))
        urls = [entry["url"] for entry in entries]
        assert len(urls) == len(set(urls))
        built = {path.name for path in (site / language.folder).glob("*.html")} - {
            "offline.html",
            "404.html",
            "exit.html",
        }
        assert {url.split("#")[0] for url in urls} == built


def test_sections_keep_words_apart_and_leave_out_notices():
    title, sections = page_sections(
        "<header>Menu</header><article><p class='fristed-notice'>Machine-made</p><h1>Help</h1>"
        "<p>One.</p><p>Two.</p><h2 id='more'>More</h2><ul><li>Three</li><li>four</li></ul></article>"
        "<footer>Foot</footer>"
    )
    assert title == "Help"
    assert sections == [
        {"heading": "", "anchor": "", "text": "One. Two."},
        {"heading": "More", "anchor": "more", "text": "Three four"},
    ]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("address", "query", "expected"),
    [
        ("index.html", "refleksjonsperiode fornyes", "permits.html#refleksjonsperiode"),
        ("en/index.html", "REFLECTION period", "permits.html#reflection-period"),
        ("ar/index.html", "فترة التفكير", "permits.html#فترة-التفكير"),
        ("th/index.html", "IOM", "contacts.html#iom"),
    ],
)
def test_search_loads_on_open_and_finds_in_the_readers_language(phone, mirror, address, query, expected):
    page = phone.new_page()
    mirror.requested.clear()
    page.goto(mirror + address)
    page.wait_for_load_state("networkidle")
    loaded = [path for path in mirror.requested if "search-panel" in path or "search-index" in path]
    assert loaded == [], "nothing of search but its button before it is opened"
    page.locator("[data-action=open-search]").click()
    page.locator(".fristed-search__panel input").fill(query)
    first = page.locator(".fristed-search__panel li a").first
    first.wait_for()
    assert expected in unquote(first.get_attribute("href"))
    folder = address.rsplit("/", 1)[0] + "/" if "/" in address else ""
    indexes = [path for path in mirror.requested if path.endswith("search-index.json")]
    assert indexes == [f"/mirror/fristed/{folder}search-index.json"]


@pytest.mark.browser
def test_search_says_when_nothing_is_found(phone, mirror):
    page = phone.new_page()
    page.goto(mirror + "en/index.html")
    page.locator("[data-action=open-search]").click()
    page.locator(".fristed-search__panel input").fill("qwertyuiop")
    # Typed before the index has loaded, the words are looked up once it has.
    page.wait_for_function(
        "(text) => document.querySelector('.fristed-search__panel [role=status]')?.textContent === text",
        arg=DATA.strings["en"]["search_no_results"],
    )


@pytest.mark.browser
def test_a_double_tap_opens_one_panel(phone, mirror):
    page = phone.new_page()
    page.goto(mirror + "en/index.html")
    page.locator("[data-action=open-search]").dblclick()
    page.locator("[data-action=open-search]").click()
    page.locator(".fristed-search__panel input").wait_for()
    assert page.locator("#fristed-search-panel").count() == 1


class _IndexDown(_SubPathHandler):
    """A server whose search index fails until `down` is cleared."""

    down = True

    def do_GET(self):
        if self.path.endswith("search-index.json") and self.down:
            self.send_error(503)
        else:
            super().do_GET()


@pytest.mark.browser
def test_an_index_that_fails_to_load_says_so_and_loads_on_the_next_open(phone, site):
    handler = type("IndexDown", (_IndexDown,), {})
    with serve(site, handler) as mirror:
        page = phone.new_page()
        page.goto(mirror + "en/index.html")
        # Past the worker's start, so every load of the index takes the same way.
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
        button = page.locator("[data-action=open-search]")
        button.click()
        page.wait_for_function(
            "(text) => document.querySelector('.fristed-search__panel [role=status]')?.textContent === text",
            arg=DATA.strings["en"]["search_failed"],
        )
        handler.down = False
        button.click()
        button.click()
        page.locator(".fristed-search__panel input").fill("ROSA")
        page.locator(".fristed-search__panel li a").first.wait_for()
        assert page.locator("#fristed-search-panel").count() == 1
