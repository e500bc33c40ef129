"""Every page of every language with JavaScript off, in Chromium: readable, the helpline and the
quick exit there, the exit a working link, and no button shown that needs a script."""

from __future__ import annotations

import pytest

from conftest import PROJECT
from fristed.pages import page_url
from fristed.project import load_project
from fristed.settings import read_settings

pytestmark = pytest.mark.browser

DATA = load_project(PROJECT)
QUICK_EXIT_URL = read_settings(PROJECT).quick_exit_url
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"
# The controls a script starts: without one, they must not show and do nothing.
SCRIPTED = ("open-search", "save-offline", "forget-site", "discreet-browsing")


@pytest.fixture(scope="module")
def without_javascript(chromium):
    """A phone-sized context with JavaScript off; the quick exit lands on a stand-in page."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    context.route(QUICK_EXIT_URL + "**", lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    yield context
    context.close()


@pytest.fixture(scope="module")
def seen(without_javascript, mirror):
    """What each page shows with JavaScript off, read once per page."""
    page = without_javascript.new_page()
    found = {}
    for language in DATA.languages:
        for name in sorted(DATA.pages):
            page.goto(mirror + page_url(language, name))
            heading = page.locator("article h1")
            found[(language.code, name)] = {
                "heading": heading.is_visible() and heading.inner_text().strip(),
                "text": page.locator("article").inner_text(),
                "helpline": page.locator("header a[href='tel:+4722331160']").is_visible(),
                "exit": page.locator("header [data-action=quick-exit]").is_visible()
                and page.locator("header [data-action=quick-exit]").get_attribute("href"),
                "scripted": [action for action in SCRIPTED if page.locator(f"[data-action={action}]").is_visible()],
            }
    page.close()
    return found


@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_every_page_is_readable_with_its_helpline_and_exit(seen, language):
    for name in DATA.pages:
        page = seen[(language.code, name)]
        assert page["heading"], (language.code, name)
        # The article's text shows in full, not only its heading.
        assert len(page["text"]) > 2 * len(page["heading"]), (language.code, name)
        assert page["helpline"], (language.code, name)
        assert page["exit"] == QUICK_EXIT_URL, (language.code, name)


@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_no_button_that_needs_a_script_shows_without_one(seen, language):
    shown = {name: seen[(language.code, name)]["scripted"] for name in DATA.pages}
    assert {name: actions for name, actions in shown.items() if actions} == {}


# Every page's exit has the right address (above); followed in the source language, a
# right-to-left one and one in a script of its own.
@pytest.mark.parametrize("code", ["nb", "ar", "ti"])
def test_the_exit_is_a_working_link_without_javascript(without_javascript, mirror, code):
    page = without_javascript.new_page()
    page.goto(mirror + page_url(DATA.language(code), "index.md"))
    page.locator("header [data-action=quick-exit]").click()
    page.wait_for_url(QUICK_EXIT_URL)
    assert page.locator("h1").inner_text() == "Weather"
    page.close()
