"""The installable, offline-capable site, in real headless Chromium, served under a sub-path."""

from __future__ import annotations

import re

import pytest

from conftest import FEW_LANGUAGES, PROJECT, build, copy_project, serve
from fristed.project import load_project

pytestmark = pytest.mark.browser

DATA = load_project(PROJECT)
CACHE_NAMES = "async () => (await caches.keys()).filter((name) => name.startsWith('fristed '))"
# The text of an address as the site's caches hold it, or null.
CACHED_TEXT = """async (url) => {
  for (const name of await caches.keys()) {
    const response = await (await caches.open(name)).match(url);
    if (response) return response.text();
  }
  return null;
}"""


def controlled_page(phone, url):
    """Open a page and wait until the service worker controls it."""
    page = phone.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    return page


def save(page):
    page.locator("[data-action=save-offline]").click()
    page.wait_for_function(
        "() => document.querySelector('.fristed-offline [role=status]').textContent.length > 5 "
        "&& !document.querySelector('.fristed-offline [role=status]').textContent.includes('…')",
        timeout=15000,
    )
    return page.locator(".fristed-offline [role=status]").text_content()


def test_every_page_links_its_languages_manifest(phone, mirror):
    page = phone.new_page()
    page.goto(mirror + "ar/help.html")
    manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())")
    assert manifest["lang"] == "ar" and manifest["dir"] == "rtl"


def test_saved_language_reads_offline_and_nothing_of_other_languages_was_downloaded(phone, mirror):
    mirror.requested.clear()
    page = controlled_page(phone, mirror + "en/index.html")
    assert "about" in page.locator("[data-action=save-offline]").text_content()
    assert save(page) == DATA.strings["en"]["saved"]
    phone.set_offline(True)
    for name in sorted(DATA.pages):
        page.goto(mirror + "en/" + name.replace(".md", ".html"))
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("article h1").count() == 1, name
    notice = page.locator("[data-offline-notice][data-state=offline-copy]")
    notice.wait_for(state="visible")
    assert re.fullmatch(r"Offline copy from .+ \d{4}", notice.text_content())
    other_folders = {language.folder for language in DATA.languages if language.folder and language.code != "en"}
    downloaded_pages = [path for path in mirror.requested if path.endswith((".html", ".webmanifest"))]
    assert [path for path in downloaded_pages if path.split("/")[3] in other_folders] == []
    assert [path for path in downloaded_pages if "/" not in path.removeprefix("/mirror/fristed/")] in (
        [],
        ["/mirror/fristed/exit.html"],
    ), "nothing of the Norwegian pages at the root but the neutral exit page"


def test_offline_an_unknown_page_and_an_unvisited_language_show_the_offline_page(phone, mirror):
    page = controlled_page(phone, mirror + "en/help.html")
    page.wait_for_function(CACHED_TEXT, arg=mirror + "en/offline.html")
    phone.set_offline(True)
    for address in ("en/no-such-page.html", "ar/index.html", "fr/"):
        page.goto(mirror + address)
        assert page.locator("h1").text_content() == DATA.strings["en"]["offline_title"], address
        assert page.locator("a[href='tel:+4722331160']").is_visible()
        assert page.locator("a[href='tel:112']").is_visible()
    # Its links start from the language's folder, wherever it was served.
    assert page.locator("a[href='index.html']").evaluate("link => link.href") == mirror + "en/index.html"


def test_a_new_build_replaces_the_old_text_and_caches_and_says_so(phone, tmp_path):
    project = tmp_path / "project"
    copy_project(project, FEW_LANGUAGES)
    site_dir = tmp_path / "site"
    assert build(project, site_dir).returncode == 0
    with serve(site_dir) as mirror:
        page = controlled_page(phone, mirror + "en/index.html")
        save(page)
        old_caches = page.evaluate(CACHE_NAMES)
        home = project / "docs" / "en" / "index.md"
        home.write_text(home.read_text(encoding="utf-8").replace("# Human trafficking", "# Human trafficking today"))
        result = build(project, site_dir)
        assert result.returncode == 0, result.stderr
        page.goto(mirror + "en/help.html")
        page.goto(mirror + "en/index.html")
        assert page.locator("article h1").text_content() == "Human trafficking today"
        page.wait_for_selector("[data-offline-notice][data-state=updated]", state="visible", timeout=15000)
        assert page.locator("[data-state=updated]").text_content() == DATA.strings["en"]["updated"]
        # The page asks the new worker for its status on load, which clears any stray old cache.
        page.reload()
        new_caches = page.evaluate(CACHE_NAMES)
        assert new_caches and not set(old_caches) & set(new_caches)
        # The saved language is completed in the new version's cache, with the new text.
        page.wait_for_function(
            f"async (url) => ((await ({CACHED_TEXT})(url)) || '').includes('trafficking today')",
            arg=mirror + "en/index.html",
            timeout=15000,
        )


def test_remove_leaves_no_cache_no_worker_and_no_storage(phone, mirror):
    page = controlled_page(phone, mirror + "en/index.html")
    save(page)
    page.locator("[data-action=discreet-browsing]").click()
    page.locator("[data-action=forget-site]").click()
    page.wait_for_function(
        "() => document.querySelector('.fristed-offline [role=status]').textContent.startsWith('The guide was removed')"
    )
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then((all) => all.length)") == 0
    assert page.evaluate("() => sessionStorage.length + localStorage.length") == 0
