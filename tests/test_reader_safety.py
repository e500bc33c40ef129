"""Reader safety in real headless Chromium: the quick exit, discreet browsing, and pages that
talk to nobody but their own site."""

from __future__ import annotations

import json

import pytest

from conftest import PROJECT, _SubPathHandler, serve
from fristed.project import load_project
from fristed.settings import read_settings

pytestmark = pytest.mark.browser

DATA = load_project(PROJECT)
STRINGS = DATA.strings["en"]
QUICK_EXIT_URL = read_settings(PROJECT).quick_exit_url
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


@pytest.fixture
def reader(phone):
    """A phone whose quick exit lands on a stand-in for the weather site, on no network."""
    phone.route(QUICK_EXIT_URL + "**", lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    return phone


def open_page(reader, url):
    page = reader.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('[data-module=exit-this-page]').dataset.initialised")
    return page


def record_blanking(page) -> list[bool]:
    """Report, from the page to the test, the moment it goes blank; return the list of reports."""
    blanked: list[bool] = []
    page.expose_function("reportBlank", lambda: blanked.append(True))
    page.evaluate(
        """() => new MutationObserver(() => {
            if (document.documentElement.classList.contains('fristed-exiting')) window.reportBlank();
        }).observe(document.documentElement, {attributes: true})"""
    )
    return blanked


def test_exit_button_blanks_the_page_and_replaces_it_in_history(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    page.locator("article a[href='help.html']").click()
    page.wait_for_url(mirror + "en/help.html")
    blanked = record_blanking(page)
    page.locator("[data-action=quick-exit]").click()
    page.wait_for_url(QUICK_EXIT_URL)
    assert blanked, "the page went blank before it was left"
    # The page the reader left is gone from the tab's history: Back skips it.
    page.go_back()
    assert page.url == mirror + "en/index.html"
    assert page.locator(".fristed-exit-overlay").is_hidden()


def test_exit_button_works_without_javascript(browser_without_javascript, mirror):
    page = browser_without_javascript.new_page()
    page.goto(mirror + "ar/index.html")
    link = page.locator("[data-action=quick-exit]")
    assert link.get_attribute("href") == QUICK_EXIT_URL
    link.click()
    page.wait_for_url(QUICK_EXIT_URL)


@pytest.fixture
def browser_without_javascript(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    context.route(QUICK_EXIT_URL + "**", lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    yield context
    context.close()


def test_without_javascript_search_shows_no_button_that_does_nothing(browser_without_javascript, mirror):
    page = browser_without_javascript.new_page()
    page.goto(mirror + "en/index.html")
    assert page.locator("[data-action=open-search]").is_hidden()
    assert page.locator("[data-action=save-offline]").is_hidden()


class _SilentNextSite(_SubPathHandler):
    """Answers `next-site` with no content, so the browser stays on the page being left, as it
    does while a neutral site on a slow line has not answered yet."""

    def do_GET(self):
        if self.path.endswith("/next-site"):
            self.send_response(204)
            self.end_headers()
        else:
            super().do_GET()


def test_leaving_is_announced_by_a_visible_alert(reader, site):
    with serve(site, _SilentNextSite) as mirror:
        page = open_page(reader, mirror + "en/help.html")
        page.evaluate(
            """(next) => {
                const link = document.querySelector('[data-action=quick-exit]');
                link.href = next;
                link.click();
            }""",
            mirror + "next-site",
        )
        # While the next site loads, this page shows, and screen readers say, only that it is leaving.
        overlay = page.locator(".fristed-exit-overlay")
        assert overlay.get_attribute("role") == "alert"
        assert overlay.text_content() == STRINGS["exit_leaving"]
        assert overlay.is_visible()
        assert page.locator("article").is_hidden()


def test_shift_presses_are_heard_even_where_the_page_stops_keys(reader, mirror):
    page = open_page(reader, mirror + "en/help.html")
    # A field that keeps its keys to itself, as many widgets do: the exit listens before it.
    page.evaluate(
        """() => {
            const field = document.createElement('input');
            for (const type of ['keydown', 'keyup']) field.addEventListener(type, (e) => e.stopPropagation());
            document.querySelector('article').append(field);
            field.focus();
        }"""
    )
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(QUICK_EXIT_URL)


def test_three_presses_of_shift_leave_with_progress_announced(reader, mirror):
    page = open_page(reader, mirror + "en/help.html")
    status = page.locator(".fristed-exit [role=status]")
    page.keyboard.press("Shift")
    assert status.text_content() == STRINGS["exit_shift_two_more"]
    page.keyboard.press("Shift")
    assert status.text_content() == STRINGS["exit_shift_one_more"]
    blanked = record_blanking(page)
    page.keyboard.press("Shift")
    page.wait_for_url(QUICK_EXIT_URL)
    assert blanked


def test_shift_used_for_capital_letters_does_not_leave(reader, mirror):
    page = open_page(reader, mirror + "en/help.html")
    for _ in range(4):
        page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # typing between presses starts the count again
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == mirror + "en/help.html"


def test_offline_the_exit_goes_to_the_sites_own_neutral_page(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    reader.set_offline(True)
    page.locator("[data-action=quick-exit]").click()
    page.wait_for_url(mirror + "exit.html")
    assert page.title() == "New tab"
    assert page.locator("body").inner_text() == ""


def test_offline_with_discreet_browsing_the_exit_names_no_page_of_the_site(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    page.locator("[data-action=discreet-browsing]").click()
    page.locator("article a[href='help.html']").click()
    page.wait_for_url(mirror + "en/help.html")
    reader.set_offline(True)
    page.locator("[data-action=quick-exit]").click()
    # Nothing of the site is stored to show a page of it: the browser tries the neutral site.
    page.wait_for_url(QUICK_EXIT_URL)
    # A tab's name stays readable by the next site: the choice must not travel there in it.
    assert page.evaluate("() => window.name") == ""


def test_skip_link_takes_the_keyboard_to_the_exit(reader, mirror):
    page = open_page(reader, mirror + "fr/index.html")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.locator("header .md-skip")
    assert page.evaluate("document.activeElement.textContent.trim()") == DATA.strings["fr"]["exit_skip_link"]
    skip.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "quick-exit"


def test_discreet_browsing_keeps_one_page_of_the_site_in_the_tabs_history(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    before = page.evaluate("history.length")
    toggle = page.locator("[data-action=discreet-browsing]")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.text_content() == STRINGS["discreet_turn_off"]
    for address in ("help.html", "permits.html"):
        page.locator(f"article a[href='{address}']").first.click()
        page.wait_for_url(mirror + "en/" + address)
    assert page.evaluate("history.length") == before
    # Turned off, pages are added to history again.
    page.locator("[data-action=discreet-browsing]").click()
    page.locator(".fristed-controls a[href='safety.html']").click()
    page.wait_for_url(mirror + "en/safety.html")
    assert page.evaluate("history.length") == before + 1


def test_a_plain_visit_sets_no_cookie_and_no_web_storage(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    assert page.evaluate("() => sessionStorage.length + localStorage.length") == 0
    assert page.evaluate("() => document.cookie") == ""


# Where the site keeps anything, as a page of the site can see it.
STORED = """async () => ({
  caches: (await caches.keys()).length,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  storage: sessionStorage.length + localStorage.length,
  cookies: document.cookie,
})"""
NOTHING = {"caches": 0, "workers": 0, "storage": 0, "cookies": ""}


def test_discreet_browsing_leaves_no_worker_no_cache_and_no_storage(reader, mirror):
    page = open_page(reader, mirror + "en/index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.locator("[data-action=discreet-browsing]").click()
    nothing = json.dumps(NOTHING, separators=(",", ":"))
    page.wait_for_function(f"async () => JSON.stringify(await ({STORED})()) === '{nothing}'", timeout=15000)
    assert page.locator(".fristed-offline [role=status]").text_content() == STRINGS["forgotten"]
    assert page.locator("[data-action=save-offline]").is_hidden()
    for link, address in (("article a[href='help.html']", "help.html"), (".fristed-controls a", "safety.html")):
        page.locator(link).first.click()
        page.wait_for_url(mirror + "en/" + address)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(STORED) == NOTHING, address
        assert page.evaluate("() => navigator.serviceWorker.controller") is None
