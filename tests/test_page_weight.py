"""Page weight on a cheap phone over 2G: every page within its budget of compressed bytes.

Times belong in `make bench`; bytes are a budget the tests hold.
"""

from __future__ import annotations

import gzip
import re

import pytest

from conftest import PROJECT
from fristed.pages import page_url
from fristed.project import load_project
from fristed.sitegraph import closure

DATA = load_project(PROJECT)
PAGES = [
    (language, name) for name, codes in DATA.pages.items() for language in DATA.languages if language.code in codes
]
# The first view of a page: everything it loads before the reader does anything (not search).
FIRST_VIEW_BUDGET = 40_000
# The home page's first response, which paints it: the first TCP window (10 segments, ~14 KB).
FIRST_RESPONSE_BUDGET = 14_000
# A further page of the same language: its HTML; the rest is in the browser's cache.
NEXT_PAGE_BUDGET = 8_000


def gzip_size(path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


@pytest.mark.parametrize(("language", "name"), PAGES, ids=lambda value: getattr(value, "code", value))
def test_every_page_fits_its_budget_on_first_view_and_after(site, language, name):
    url = page_url(language, name)
    first_view = closure(site, [url], lazy=False)
    assert [loaded for loaded in first_view if re.fullmatch(r"assets/stylesheets/site\.[0-9a-f]{12}\.css", loaded)]
    assert not [loaded for loaded in first_view if "search-panel" in loaded], "search loads only when opened"
    assert sum(gzip_size(site / loaded) for loaded in first_view) <= FIRST_VIEW_BUDGET
    assert gzip_size(site / url) <= NEXT_PAGE_BUDGET


@pytest.mark.parametrize("home", ["index.html", "ar/index.html", "ti/index.html"])
def test_the_home_page_paints_from_its_first_response(site, home):
    html = (site / home).read_text(encoding="utf-8")
    head, body = html.split("</head>", 1)
    # Nothing in the head waits for another request: the first screen's CSS is in the page, the
    # one stylesheet comes at the end of the body, and scripts are modules, which never block.
    assert not re.search(r"<link\b[^>]*\brel=\"?stylesheet", head)
    assert len(re.findall(r"<link\b[^>]*\brel=\"?stylesheet", body)) == 1
    assert re.search(r"<link\b[^>]*\brel=\"?stylesheet[^>]*>\s*(<script[^>]*></script>\s*)*</body>", body)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("type=module" in script for script in scripts), scripts
    assert len(re.findall(r"<style>", head)) == 1
    assert gzip_size(site / home) <= FIRST_RESPONSE_BUDGET


def test_every_text_file_has_pre_compressed_copies(site):
    # The site's manifest is written last, listing the compressed copies; it has none itself.
    for path in site.rglob("*"):
        if (
            path.suffix in (".html", ".css", ".js", ".json")
            and path.stat().st_size > 1000
            and path.name != "site-manifest.json"
        ):
            for suffix in (".gz", ".br"):
                copy = path.with_name(path.name + suffix)
                assert copy.is_file() and copy.stat().st_size < path.stat().st_size, copy
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
