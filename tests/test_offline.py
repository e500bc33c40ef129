"""The installable, offline-capable site, in real headless Chromium, served under a sub-path."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from test_offline_files import precache

from conftest import FEW_LANGUAGES, MIRROR_PATH, PROJECT, _SubPathHandler, build, copy_project, serve
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


# The hash the worker stored with each cached copy of the given addresses, or null.
STORED_HASHES = """async (urls) => Promise.all(
  urls.map(async (url) => (await caches.match(url))?.headers.get('X-Fristed-Hash') ?? null))"""


class _RedirectingMirror(_SubPathHandler):
    """A mirror with clean URLs: `help` redirects to `help.html`, as a server rule would (and a
    folder without its slash to the folder, as every server does)."""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        name = path.rsplit("/", 1)[-1]
        if path.startswith(MIRROR_PATH) and name and "." not in name and not Path(self.translate_path(path)).is_dir():
            self.requested.append(path)
            self.send_response(301)
            self.send_header("Location", path + ".html")
            self.end_headers()
            return
        super().do_GET()


class _SlowLine(_SubPathHandler):
    """Serves the pages in `changed` with their new text, the first time later than the worker
    waits (as on 2G)."""

    changed: dict[str, bytes]
    late: set[str]

    def do_GET(self):
        body = self.changed.get(self.path)
        if body is None:
            return super().do_GET()
        if self.path in self.late:
            self.late.discard(self.path)
            time.sleep(3.5)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _LongHttpCache(_SubPathHandler):
    """Lets browsers keep files ten minutes, as the nginx configuration does for assets."""

    def end_headers(self):
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def test_every_page_links_its_languages_manifest(phone, mirror):
    page = phone.new_page()
    page.goto(mirror + "ar/help.html")
    manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())")
    assert manifest["lang"] == "ar" and manifest["dir"] == "rtl"


def test_saved_language_reads_offline_and_nothing_of_other_languages_was_downloaded(phone, mirror, site):
    mirror.requested.clear()
    page = controlled_page(phone, mirror + "en/index.html")
    assert "about" in page.locator("[data-action=save-offline]").text_content()
    assert save(page) == DATA.strings["en"]["saved"]
    # Every file of the language and the shell is kept with the hash of this build, however many
    # the page and the save fetched at once.
    lists = precache(site)
    files = lists["shell"] + lists["languages"]["en"]["files"]
    assert page.evaluate(STORED_HASHES, [mirror + url for url, _ in files]) == [digest for _, digest in files]
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
    # The first page read, which loaded before the worker, is kept too, as the safety page says.
    page.wait_for_function(CACHED_TEXT, arg=mirror + "en/help.html")
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
    with serve(site_dir, _LongHttpCache) as mirror:
        page = controlled_page(phone, mirror + "en/index.html")
        save(page)
        old_caches = page.evaluate(CACHE_NAMES)
        home = project / "docs" / "en" / "index.md"
        home.write_text(home.read_text(encoding="utf-8").replace("# Human trafficking", "# Human trafficking today"))
        # A changed stylesheet, of which the browser's HTTP cache still holds the old one.
        style = project / "overrides" / "assets" / "stylesheets" / "fristed.css"
        style.write_text(style.read_text(encoding="utf-8").replace("#7a1c1c", "#7a1c1d"), encoding="utf-8")
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
        # The new stylesheet, not the HTTP cache's old one, is kept under the new build's hash.
        stylesheet = next(item for item in precache(site_dir)["shell"] if item[0].endswith(".css"))
        assert page.evaluate(STORED_HASHES, [mirror + stylesheet[0]]) == [stylesheet[1]]


def test_remove_leaves_no_cache_no_worker_and_no_storage(phone, mirror):
    page = controlled_page(phone, mirror + "en/index.html")
    save(page)
    page.locator("[data-action=forget-site]").click()
    page.wait_for_function(
        "() => document.querySelector('.fristed-offline [role=status]').textContent.startsWith('The guide was removed')"
    )
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then((all) => all.length)") == 0
    assert page.evaluate("() => sessionStorage.length + localStorage.length") == 0
    # The worker still runs for this page: what the page loads now (search) must not bring a cache back.
    page.locator("[data-action=open-search]").click()
    page.locator(".fristed-search__panel input").fill("ROSA")
    page.locator(".fristed-search__panel li a").first.wait_for()
    assert page.evaluate(CACHE_NAMES) == []


def test_saving_without_a_connection_says_it_could_not(phone, mirror):
    page = controlled_page(phone, mirror + "fr/index.html")
    phone.set_offline(True)
    assert save(page) == DATA.strings["fr"]["save_failed"]
    assert page.locator(".fristed-offline").get_attribute("data-state") == "save-failed"


def test_behind_a_redirecting_mirror_pages_open_and_are_kept_for_offline(phone, site):
    with serve(site, _RedirectingMirror) as mirror:
        page = controlled_page(phone, mirror + "en/index.html")
        for address, landed in (("en/help", "en/help.html"), ("en", "en/")):
            page.goto(mirror + address)
            assert page.url == mirror + landed
            assert page.locator("article h1").count() == 1, address
        assert f"{MIRROR_PATH}en/help" in mirror.requested, "the mirror redirected"
        phone.set_offline(True)
        page.goto(mirror + "en/help.html")
        assert page.locator("article h1").count() == 1


def test_on_a_slow_line_the_kept_page_shows_at_once_and_a_changed_one_is_offered(phone, site):
    handler = type("SlowLine", (_SlowLine,), {"changed": {}, "late": set()})
    with serve(site, handler) as mirror:
        page = controlled_page(phone, mirror + "en/index.html")
        page.goto(mirror + "en/help.html")
        page.wait_for_function(CACHED_TEXT, arg=mirror + "en/help.html")
        path = f"{MIRROR_PATH}en/help.html"
        html = (site / "en" / "help.html").read_text(encoding="utf-8")
        handler.changed[path] = html.replace("</article>", "<p id=late>New text</p></article>", 1).encode()
        handler.late.add(path)
        page.goto(mirror + "en/help.html")
        assert page.locator("#late").count() == 0, "the kept page, without waiting for the slow one"
        notice = page.locator("[data-offline-notice][data-state=newer]")
        notice.wait_for(timeout=10000)
        assert notice.text_content() == f"{DATA.strings['en']['page_changed']} {DATA.strings['en']['show_new_page']}"
        page.locator("[data-action=show-new-page]").click()
        page.locator("#late").wait_for()
