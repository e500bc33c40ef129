"""The offline files of the built site, read from disk: the app manifests, the worker's precache
list, and the text the worker and the build agree on. The browser tests are in test_offline.py."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from pathlib import Path

import pytest

from conftest import PROJECT
from fristed.offline import PACK_SIZE_SLOT
from fristed.offline.pages import BASE_SLOT, write_offline_pages
from fristed.project import load_project

DATA = load_project(PROJECT)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_each_language_has_its_own_installable_manifest(site, language):
    folder = site / language.folder
    manifest = json.loads((folder / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == language.code
    assert manifest["dir"] == language.direction
    assert manifest["name"] == manifest["short_name"] == DATA.strings[language.code]["app_name"]
    assert manifest["display"] == "standalone"
    assert (folder / manifest["start_url"]).resolve() == (folder / "index.html").resolve()
    assert (folder / manifest["scope"]).resolve() == site.resolve()
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        width, height = png_size(folder / icon["src"])
        assert f"{width}x{height}" == icon["sizes"]


def precache(site: Path) -> dict:
    text = (site / "sw-precache.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), mtime=0))


@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_a_language_saved_for_offline_use_costs_under_150_kb_with_the_shell(site, language):
    lists = precache(site)
    files = [url for url, _ in lists["shell"] + lists["languages"][language.code]["files"]]
    assert sum(gzip_size(site / url) for url in files) < 150_000


def test_precache_lists_hash_what_is_served_and_nothing_of_other_languages(site):
    lists = precache(site)
    for language in DATA.languages:
        for url, digest in lists["languages"][language.code]["files"]:
            assert hashlib.sha256((site / url).read_bytes()).hexdigest()[:16] == digest, url
            other = url.split("/")[0] if "/" in url else DATA.default.code
            assert other == language.code or url == "exit.html", url
    assert not [url for url, _ in lists["shell"] if url.endswith(".map") or "/lunr/" in url]


def test_every_save_button_says_how_much_saving_downloads(site):
    """The slot the template leaves is filled on every page; none is left empty."""
    buttons = 0
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert PACK_SIZE_SLOT not in html, path
        for size in re.findall(r"<span data-pack-size>(.*?)</span>", html):
            assert re.fullmatch(r"\d+ KB", size), path
            buttons += 1
    assert buttons >= len(DATA.languages)


def test_the_worker_fills_the_base_the_offline_pages_leave(tmp_path):
    """sw.js replaces the offline page's empty base by its exact text: the two must agree."""
    worker = (PROJECT / "overrides" / "sw.js").read_text(encoding="utf-8")
    assert f"'{BASE_SLOT}'" in worker or f"`{BASE_SLOT}`" in worker
    for language in DATA.languages:
        (tmp_path / language.folder).mkdir(exist_ok=True)
    for url in write_offline_pages(tmp_path, DATA).values():
        assert (tmp_path / url).read_text(encoding="utf-8").count(BASE_SLOT) == 1, url
