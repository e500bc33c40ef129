"""Make the built site an installable, offline-capable web app.

Runs on the finished site folder, after every language is built, so it does not depend on
MkDocs. It writes, per language, a web app manifest and an offline page; the icons; the
neutral exit page; and `sw-precache.js`, the list of `(url, content hash)` the service worker
(`sw.js`, a static file of the theme) caches, with a version that changes with any of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from fristed.offline.app_manifest import write_app_manifest, write_icons
from fristed.offline.files import entry
from fristed.offline.pages import write_exit_page, write_offline_pages
from fristed.project import Project
from fristed.sitegraph import closure, language_files

WORKER = "sw.js"
PRECACHE = "sw-precache.js"
# Where the save button's text says how much saving downloads: the template puts this slot in
# (`pack_size_slot`, given by hooks/finish_site.py), and `_fill_pack_size` fills it once known.
PACK_SIZE_SLOT = "<span data-pack-size></span>"


@dataclass(frozen=True)
class Pack:
    """What saving one language downloads: its own files and the shared shell."""

    language: str
    files: list[str]
    gzip_bytes: int


def build_offline_site(site_dir: Path, project: Project, icon_svg: str, neutral_app: bool = True) -> dict[str, Pack]:
    """Turn a built site into an offline-capable web app; return each language's pack."""
    icons = write_icons(site_dir, icon_svg)
    offline_pages = write_offline_pages(site_dir, project)
    exit_page = write_exit_page(site_dir)
    for language in project.languages:
        strings = project.strings[language.code]
        write_app_manifest(site_dir, language, strings["app_name"] if neutral_app else strings["site_name"], icons)

    own_files = {language.code: language_files(site_dir, language, project.languages) for language in project.languages}
    owned = {url for files in own_files.values() for url in files}
    # The shell: what the languages' files load that belongs to no language (stylesheet, scripts).
    loaded = {url for files in own_files.values() for url in closure(site_dir, files)}
    shell = sorted((loaded - owned) | {exit_page, *icons})
    entries = {url: entry(site_dir, url) for url in shell}
    packs = {}
    for language in project.languages:
        own = [url for url in own_files[language.code] if url != exit_page]
        for url in own:
            entries[url] = entry(site_dir, url)
        size = sum(entries[url].gzip_size for url in own + shell)
        packs[language.code] = Pack(language.code, own, size)
        _fill_pack_size(site_dir, own, size)
        for url in own:  # the size just written changes the pages: hash them as served
            entries[url] = entry(site_dir, url)

    precache = {
        "shell": [[url, entries[url].hash] for url in shell],
        "languages": {
            language.code: {
                "folder": f"{language.folder}/" if language.folder else "",
                "offline": offline_pages[language.code],
                "files": [[url, entries[url].hash] for url in packs[language.code].files],
            }
            for language in project.languages
        },
        "default": project.default.code,
        "exit": exit_page,
    }
    body = json.dumps(precache, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # The worker's own source is part of the version: a changed worker must drop old caches too.
    version = hashlib.sha256((site_dir / WORKER).read_bytes() + body.encode()).hexdigest()[:16]
    (site_dir / PRECACHE).write_text(
        "// Written by fristed.offline at build time: what sw.js caches. Do not edit.\n"
        f'self.FRISTED_PRECACHE = {{"version":"{version}",{body[1:]};\n',
        encoding="utf-8",
    )
    return packs


def _fill_pack_size(site_dir: Path, pages: list[str], gzip_bytes: int) -> None:
    """Write "about N KB" into the save button of each page of the language."""
    kilobytes = f"{max(1, round(gzip_bytes / 1000))} KB"
    for url in pages:
        path = site_dir / url
        html = path.read_text(encoding="utf-8")
        if PACK_SIZE_SLOT in html:
            path.write_text(html.replace(PACK_SIZE_SLOT, f"<span data-pack-size>{kilobytes}</span>"), encoding="utf-8")
