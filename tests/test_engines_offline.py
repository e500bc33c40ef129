"""The offline guide in Chromium, Firefox and WebKit, served under a sub-path: a page read is
there offline, a saved language reads offline, saving never waits on a prompt, a new build
reaches the reader, and "Remove this guide" leaves nothing behind."""

from __future__ import annotations

import pytest
from test_offline import CACHED_TEXT

from conftest import ARTIFACTS, PROJECT
from engines import Tab
from engines.fixtures import NEW_HEADING, OLD_HEADING
from fristed.project import load_project

pytestmark = [pytest.mark.browser, pytest.mark.engines]

DATA = load_project(PROJECT)
STRINGS = DATA.strings["en"]
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
STATUS = ".fristed-offline [role=status]"
FIRST_RESULT = "() => document.querySelector('.fristed-search__panel li a')?.href"
SAVE_DONE = f"""() => {{
  const text = document.querySelector('{STATUS}').textContent;
  return text.length > 5 && !text.includes('…') && text;
}}"""


def open_controlled(tab: Tab, url: str) -> None:
    """Open a page and wait until the service worker controls it."""
    tab.goto(url)
    tab.wait_for(CONTROLLED)


def save(tab: Tab) -> str:
    """Press "Save for offline" and return what the page says when it is done."""
    tab.click("[data-action=save-offline]")
    return tab.wait_for(SAVE_DONE)


def heading(tab: Tab) -> str | None:
    return tab.text("article h1")


def test_a_page_read_online_opens_offline(tab, guide):
    open_controlled(tab, guide + "en/index.html")
    tab.goto(guide + "en/help.html")
    online = heading(tab)
    tab.wait_for(CACHED_TEXT, guide + "en/help.html")
    guide.offline = True
    tab.goto(guide + "en/help.html")
    assert heading(tab) == online


def test_saving_finishes_without_waiting_on_a_prompt_and_the_language_reads_offline(tab, guide):
    open_controlled(tab, guide + "en/index.html")
    assert save(tab) == STRINGS["saved"]
    guide.offline = True
    for name in sorted(DATA.pages):
        tab.goto(guide + "en/" + name.replace(".md", ".html"))
        assert tab.evaluate("() => document.documentElement.lang") == "en"
        assert heading(tab), name


def test_offline_an_unknown_page_and_an_unvisited_language_show_the_offline_page(tab, guide, engine):
    open_controlled(tab, guide + "en/help.html")
    tab.wait_for(CACHED_TEXT, guide + "en/offline.html")
    guide.offline = True
    for address in ("en/no-such-page.html", "ar/index.html"):
        tab.goto(guide + address)
        assert tab.text("h1") == STRINGS["offline_title"], address
        assert tab.evaluate("() => [...document.querySelectorAll('a[href^=\"tel:\"]')].map((a) => a.href)") == [
            "tel:+4722331160",
            "tel:112",
        ]
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(str(ARTIFACTS / f"offline-page-{engine.name}.png"))


def notice(state: str) -> str:
    """A script that returns the text of the offline notice once it shows `state`."""
    return f"""() => {{
  const notice = document.querySelector('[data-offline-notice][data-state="{state}"]');
  return notice && !notice.hidden && notice.textContent;
}}"""


def test_a_new_build_replaces_the_old_text_and_says_so(tab, guide, guide_builds):
    open_controlled(tab, guide + "en/index.html")
    save(tab)
    guide.site_dir = guide_builds[1]
    tab.goto(guide + "en/help.html")
    tab.goto(guide + "en/index.html")
    assert heading(tab) == NEW_HEADING
    assert tab.wait_for(notice("updated")) == STRINGS["updated"]


def test_on_a_slow_network_the_stored_page_comes_first_and_the_new_one_is_offered(tab, guide, guide_builds):
    open_controlled(tab, guide + "en/index.html")
    tab.goto(guide + "en/index.html")  # now through the worker, which keeps a copy
    tab.wait_for(CACHED_TEXT, guide + "en/index.html")
    # The same build's pages, changed on the server, and slower than the worker waits for.
    guide.site_dir = guide_builds[1]
    guide.page_delay = 4
    tab.goto(guide + "en/index.html")
    assert heading(tab) == OLD_HEADING
    assert tab.wait_for(notice("newer")) == f"{STRINGS['page_changed']} {STRINGS['show_new_page']}"
    guide.page_delay = 0
    tab.click("[data-action=show-new-page]")
    tab.wait_for("(expected) => document.querySelector('article h1')?.textContent === expected", NEW_HEADING)


def test_remove_leaves_nothing_and_the_page_still_open_stores_nothing_again(tab, guide):
    open_controlled(tab, guide + "en/index.html")
    save(tab)
    tab.click("[data-action=forget-site]")
    changed = (
        f"(saved) => {{ const text = document.querySelector('{STATUS}').textContent; return text !== saved && text; }}"
    )
    assert tab.wait_for(changed, STRINGS["saved"]) == STRINGS["forgotten"]
    # The page loads more files after, through the worker that still controls it: search's
    # script and index.
    tab.click("[data-action=open-search]")
    tab.type(".fristed-search__panel input", "help")
    tab.wait_for(FIRST_RESULT)
    assert tab.evaluate("async () => (await caches.keys()).filter((name) => name.startsWith('fristed '))") == []
    assert tab.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert tab.evaluate("() => sessionStorage.length + localStorage.length") == 0
