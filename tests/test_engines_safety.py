"""The quick exit and search in Chromium, Firefox and WebKit, served under a sub-path."""

from __future__ import annotations

import pytest

from conftest import PROJECT
from fristed.project import load_project

pytestmark = [pytest.mark.browser, pytest.mark.engines]

DATA = load_project(PROJECT)
STRINGS = DATA.strings["en"]
EXIT_READY = "() => document.querySelector('[data-module=exit-this-page]').dataset.initialised"
EXIT_STATUS = ".fristed-exit [role=status]"
# Keeps what the page shows as it leaves: the overlay's role, text and whether it is on screen,
# in the tab's sessionStorage, which the site's page the reader comes Back to can read.
RECORD_LEAVING = """() => new MutationObserver(() => {
  const overlay = document.querySelector('.fristed-exit-overlay');
  if (!overlay || overlay.hidden) return;
  const box = overlay.getBoundingClientRect();
  sessionStorage.setItem('test:leaving', JSON.stringify({
    role: overlay.getAttribute('role'), text: overlay.textContent, shown: box.width > 0 && box.height > 0}));
}).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true})"""
LEFT = "() => JSON.parse(sessionStorage.getItem('test:leaving'))"


def open_page(tab, url):
    tab.goto(url)
    tab.wait_for(EXIT_READY)


def test_exit_button_says_it_is_leaving_and_replaces_the_page_in_history(tab, guide, neutral_url):
    open_page(tab, guide + "en/index.html")
    tab.click("article a[href='help.html']")
    tab.wait_for_url(guide + "en/help.html")
    tab.wait_for(EXIT_READY)
    tab.evaluate(RECORD_LEAVING)
    tab.click("[data-action=quick-exit]")
    tab.wait_for_url(neutral_url)
    assert tab.text("h1") == "Weather"
    # The page the reader left is gone from the tab's history: Back skips it.
    tab.back()
    tab.wait_for_url(guide + "en/index.html")
    assert tab.evaluate(LEFT) == {"role": "alert", "text": STRINGS["exit_leaving"], "shown": True}


def test_three_presses_of_shift_leave_with_progress_announced(tab, guide, neutral_url):
    open_page(tab, guide + "en/index.html")
    open_page(tab, guide + "en/help.html")
    tab.evaluate(RECORD_LEAVING)
    tab.press("Shift")
    assert tab.text(EXIT_STATUS) == STRINGS["exit_shift_two_more"]
    tab.press("Shift")
    assert tab.text(EXIT_STATUS) == STRINGS["exit_shift_one_more"]
    tab.press("Shift")
    tab.wait_for_url(neutral_url)
    tab.back()
    tab.wait_for_url(guide + "en/index.html")
    assert tab.evaluate(LEFT) == {"role": "alert", "text": STRINGS["exit_leaving"], "shown": True}


def test_shift_used_for_capital_letters_does_not_count(tab, guide):
    open_page(tab, guide + "en/help.html")
    tab.press("Shift")
    tab.press("a")  # typing between presses starts the count again
    tab.press("Shift")
    assert tab.text(EXIT_STATUS) == STRINGS["exit_shift_two_more"]


PANELS = "() => document.querySelectorAll('.fristed-search__panel').length"
PANEL_STATUS = ".fristed-search__panel [role=status]"
FIRST_RESULT = "() => document.querySelector('.fristed-search__panel li a')?.href"
SAME_ID = "() => document.querySelectorAll(`[id='${document.querySelector('.fristed-search__panel').id}']`).length"


def test_search_opens_one_panel_however_fast_it_is_tapped_and_finds(tab, guide):
    tab.goto(guide + "en/index.html")
    tab.click("[data-action=open-search]")
    tab.click("[data-action=open-search]")
    tab.wait_for(PANELS)
    if tab.evaluate("() => document.querySelector('.fristed-search__panel').hidden"):
        tab.click("[data-action=open-search]")
    tab.type(".fristed-search__panel input", "reflection period")
    assert tab.wait_for(FIRST_RESULT) == guide + "en/permits.html#reflection-period"
    assert tab.evaluate(PANELS) == 1
    assert tab.evaluate(SAME_ID) == 1


def test_search_whose_index_fails_to_load_says_so_and_tries_again(tab, guide):
    guide.missing.add("en/search-index.json")
    tab.goto(guide + "en/index.html")
    tab.click("[data-action=open-search]")
    status = f"() => document.querySelector('{PANEL_STATUS}')?.textContent"
    assert tab.wait_for(status) == STRINGS["search_failed"]
    guide.missing.clear()
    tab.click("[data-action=open-search]")  # closes
    tab.click("[data-action=open-search]")  # opens, and loads the index again
    tab.type(".fristed-search__panel input", "reflection period")
    tab.wait_for(FIRST_RESULT)
    assert tab.evaluate(PANELS) == 1
