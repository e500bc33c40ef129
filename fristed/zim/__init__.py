"""One ZIM file per language, for Kiwix and Internet-in-a-Box, made from the built site.

Each file holds one language's pages (its home page is the main page), the stylesheets,
scripts and images they load, a full-text index, and this metadata:

name         | from                                    | example
Name         | the language's code                     | fristed_en_all
Title        | the language's `zim_title` string       | Fristed: human trafficking (30 letters at most)
Description  | the language's `site_name` string       | Fristed: help against human trafficking
Language     | `languages` in data/zim.yml             | eng
Creator      | `creator` in data/zim.yml               | Fristed
Publisher    | `publisher` in data/zim.yml             | Fristed
Date         | SOURCE_DATE_EPOCH, else the last commit | 2025-01-31
Scraper      | this package and its version            | fristed 0.1.0
Tags         | fixed: a full-text index, no pictures   | _category:other;_ftindex:yes;...
Illustration | the site's icon, 48x48                  | from assets/images/icons/icon-192.<hash>.png

libzim gives every file, and each Xapian index in it, a random UUID; `fristed.zim.uuids` replaces
them with UUIDs derived from the file's content, so two builds of one commit are the same bytes.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider

from fristed.data import DataError, Problem
from fristed.languages import Language
from fristed.pages import page_url
from fristed.project import Project
from fristed.zim.content import language_content, mime_type, page_title
from fristed.zim.metadata import (
    ILLUSTRATION_SIZE,
    SETTINGS_FILE,
    Settings,
    build_date,
    illustration,
    load_settings,
    metadata,
    title_problems,
    zim_name,
)
from fristed.zim.uuids import derive_uuids

log = logging.getLogger(__name__)


class _File(Item):
    """One file of the site as libzim takes it."""

    def __init__(self, path: str, title: str, data: bytes, page: bool):
        super().__init__()
        self.path, self.title, self.data, self.page = path, title, data, page
        self.mimetype = mime_type(path)  # known: language_content leaves out files of unknown kinds

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.data)

    def get_hints(self) -> dict:
        # Pages are what a reader opens and searches; PNG images are compressed already.
        return {Hint.FRONT_ARTICLE: self.page, Hint.COMPRESS: not self.path.endswith(".png")}


def zim_path(out_dir: Path, language: Language, date: datetime.date) -> Path:
    """Where a language's ZIM file goes, named as Kiwix names its own: `fristed_en_all_2025-01.zim`."""
    return out_dir / f"{zim_name(language)}_{date:%Y-%m}.zim"


def build_zim(
    site_dir: Path, out_dir: Path, project: Project, language: Language, settings: Settings, date: datetime.date
) -> Path:
    """Write one language's ZIM file; raise `DataError` naming every file a page needs that cannot go in."""
    strings = project.strings[language.code]
    content = language_content(site_dir, language, list(project.pages))
    if content.broken:
        raise DataError([Problem(site_dir / source, 1, message) for source, message in content.broken])
    out_dir.mkdir(parents=True, exist_ok=True)
    target = zim_path(out_dir, language, date)
    target.unlink(missing_ok=True)  # libzim refuses to write over a file
    fields = metadata(language, strings, settings, date)
    # One worker, so the order of work, and the file it writes, do not vary from run to run.
    creator = Creator(str(target)).config_indexing(True, fields["Language"]).config_nbworkers(1)
    with creator:
        creator.set_mainpath(page_url(language, "index.md"))
        for path, data in content.files.items():
            page = path in content.pages
            title = page_title(data.decode("utf-8"), strings["site_name"]) if page else ""
            creator.add_item(_File(path, title, data, page))
        for name, value in fields.items():
            creator.add_metadata(name, value)
        creator.add_illustration(ILLUSTRATION_SIZE, illustration(site_dir))
    derive_uuids(target)
    log.info(
        "%s: %d pages and %d other files in %s",
        language.code,
        len(content.pages),
        len(content.files) - len(content.pages),
        target,
    )
    return target


def build_zims(site_dir: Path, out_dir: Path, project: Project, date: datetime.date | None = None) -> list[Path]:
    """Write a ZIM file for every language of a built site; return their paths, in the site's language order."""
    settings = load_settings(project.folder, project.languages)
    date = date or build_date(project.folder)
    problems, written = title_problems(project.folder, project.languages, project.strings), []
    if problems:
        raise DataError(problems)
    for language in project.languages:
        try:
            written.append(build_zim(site_dir, out_dir, project, language, settings, date))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return written


__all__ = ["SETTINGS_FILE", "build_zim", "build_zims", "zim_path"]
