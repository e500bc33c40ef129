"""The purged stylesheet and the pages' first-screen CSS change nothing a reader sees.

The site is built twice in Norwegian, Arabic and Tigrinya: as always, and with `small_css:
false` (the theme's whole stylesheet, no CSS in the pages). Every page of both, at a phone's
360 by 740 and a laptop's 1280 by 800, with the menu, the search and the quick exit's overlay open,
must be the same screenshot, pixel for pixel. The one text allowed to differ is the size of the
offline copy on the save button, which the whole stylesheet makes larger: it is set alike in both.
"""

from __future__ import annotations

import contextlib

import pytest
import yaml
from PIL import Image, ImageChops

from conftest import ARTIFACTS, PROJECT, build, copy_project, serve
from fristed.pages import page_url
from fristed.project import load_project

pytestmark = pytest.mark.browser

LANGUAGES = ("nb", "ar", "ti")
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Both builds, served: {"small": url, "whole": url}."""
    folder = tmp_path_factory.mktemp("visual")
    sites = {}
    for name, small in (("small", True), ("whole", False)):
        project = copy_project(folder / f"project-{name}", LANGUAGES)
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        settings = yaml.safe_dump({"small_css": small}).strip()
        config.write_text(text.replace("\n  fristed:\n", f"\n  fristed:\n    {settings}\n", 1), encoding="utf-8")
        result = build(project, folder / f"site-{name}")
        assert result.returncode == 0, result.stderr
        sites[name] = folder / f"site-{name}"
    with serve(sites["small"]) as small, serve(sites["whole"]) as whole:
        yield {"small": small, "whole": whole}


def _pages() -> list[str]:
    project = load_project(PROJECT)
    return [
        page_url(language, name)
        for name, codes in project.pages.items()
        for language in project.languages
        if language.code in LANGUAGES and language.code in codes and name != "translation-status.md"
    ]


def _open(page, state: str) -> None:
    """Put the page in a state a reader puts it in."""
    if state == "menu":
        page.click("label.md-header__button[for=__drawer]")
    elif state == "search":
        page.click("[data-action=open-search]")
        page.wait_for_selector(".fristed-search__panel input", state="visible")
    elif state == "exit":
        # The destination answers "204 No Content", so the browser stays on the page, blanked by
        # the overlay, as a reader on a slow link sees it while leaving.
        page.route("https://**", lambda route: route.fulfill(status=204))
        page.click("[data-action=quick-exit]", no_wait_after=True)
        page.wait_for_selector(".fristed-exit-overlay:not([hidden])")


SAME_PACK_SIZE = "document.querySelectorAll('[data-pack-size]').forEach((size) => { size.textContent = '60 KB'; })"


def _shots(chromium, base: str, viewport: dict, pages: list[str], states: list[tuple[str, str]]) -> dict:
    shots = {}
    context = chromium.new_context(viewport=viewport, device_scale_factor=1, service_workers="block")
    page = context.new_page()
    for url in pages:
        page.goto(base + url, wait_until="load")
        page.evaluate(SAME_PACK_SIZE)
        shots[url] = page.screenshot(full_page=True, animations="disabled")
    for url, state in states:
        with contextlib.closing(context.new_page()) as stateful:
            stateful.goto(base + url, wait_until="load")
            _open(stateful, state)
            # `animations="disabled"` ends the drawer's slide at once, in both builds alike.
            shots[f"{url} ({state})"] = stateful.screenshot(animations="disabled")
    context.close()
    return shots


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_looks_the_same_with_the_small_css_as_with_the_whole(variants, chromium, viewport, tmp_path):
    pages = _pages()
    homes = [url for url in pages if url.endswith("index.html")]
    states = ["search", "exit"] + (["menu"] if viewport == "phone" else [])  # a laptop shows the menu
    stateful = [(home, state) for home in homes for state in states]
    small = _shots(chromium, variants["small"], VIEWPORTS[viewport], pages, stateful)
    whole = _shots(chromium, variants["whole"], VIEWPORTS[viewport], pages, stateful)
    different = []
    for name, shot in small.items():
        path_small, path_whole = tmp_path / "small.png", tmp_path / "whole.png"
        path_small.write_bytes(shot)
        path_whole.write_bytes(whole[name])
        with Image.open(path_small) as a, Image.open(path_whole) as b:
            if a.size != b.size or ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox():
                different.append(name)
                folder = ARTIFACTS / "visual-identity" / viewport / name.replace("/", "_")
                folder.mkdir(parents=True, exist_ok=True)
                a.save(folder / "small.png")
                b.save(folder / "whole.png")
    assert not different, f"differ (screenshots in {ARTIFACTS / 'visual-identity'}): {different}"
    assert len(small) == len(pages) + len(stateful)
