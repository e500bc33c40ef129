"""The translation state of every page in every language, read from the pages' front matter.

state        | front matter of docs/<code>/<page>             | the reader sees
reviewed     | `source:` the Norwegian page's hash now,       | the translation
             | `reviewed: true`                               |
translated   | `source:` the Norwegian page's hash now        | it, and "not yet checked by a human translator"
outdated     | `source:` another hash, or none                | it, "the Norwegian page has changed", a link to it
untranslated | `translated: false` (from `make new-language`) | the Norwegian text, "not translated yet"
missing      | no file                                        | the Norwegian page, "not translated yet"

A reviewed page that is outdated is `outdated`; its `reviewed` stays true in the report.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from fristed.data import DataError, Problem
from fristed.languages import Language, default_language, load_languages
from fristed.pages import DOCS_FOLDER, notices, page_url, read_front_matter, source_hash
from fristed.project import Project

REVIEWED, TRANSLATED, OUTDATED, UNTRANSLATED, MISSING = "reviewed", "translated", "outdated", "untranslated", "missing"
STATES = (REVIEWED, TRANSLATED, OUTDATED, UNTRANSLATED, MISSING)


@dataclass(frozen=True)
class PageStatus:
    """One page in one language: its state, and the hashes that decide it."""

    language: str
    page: str
    state: str
    reviewed: bool
    source: str | None  # the hash the translation records, if any
    current: str  # the Norwegian page's hash now

    @property
    def path(self) -> str:
        """The translation's file, as a translator types it: `docs/fr/help.md`."""
        return (DOCS_FOLDER / self.language / self.page).as_posix()


@dataclass(frozen=True)
class Notice:
    """What a page tells its reader about its translation, for the template."""

    keys: list[str]  # interface-string keys, in reading order
    source_link: str | None  # the Norwegian page, from the site root, when the page is outdated
    content_language: Language  # the language the page's text is written in


def page_hash(path: Path) -> str:
    """Return `source_hash` of a file, read again only when the file changed."""
    return _hash(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _hash(path: Path, mtime: int) -> str:
    return source_hash(path.read_text(encoding="utf-8"))


def state(front_matter: dict | None, current: str) -> str:
    """Return the state of a translation with this front matter (None: no file), given the source's hash."""
    if front_matter is None:
        return MISSING
    if front_matter.get("translated") is False:
        return UNTRANSLATED
    if front_matter.get("source") != current:
        return OUTDATED
    return REVIEWED if front_matter.get("reviewed", False) else TRANSLATED


def page_status(project: Project, code: str, page: str) -> PageStatus:
    """Return the state of one page in one language of a loaded project."""
    current = page_hash(project.folder / DOCS_FOLDER / project.default.code / page)
    front_matter = project.front_matter.get(f"{code}/{page}")
    found = state(front_matter, current)
    reviewed = bool(front_matter and front_matter.get("reviewed", False))
    return PageStatus(code, page, found, reviewed, (front_matter or {}).get("source"), current)


def page_states(project: Project) -> list[PageStatus]:
    """Return the state of every readers' page in every language but the source, language by language."""
    return [
        page_status(project, language.code, page)
        for language in project.languages
        if not language.default
        for page in sorted(project.pages)
    ]


def reader_notice(project: Project, current: Language, src_uri: str) -> Notice:
    """Return what a page built for a language's readers says of its translation (see `fristed.pages.notices`)."""
    written_in, page = project.page_of(src_uri)
    front_matter = project.front_matter[src_uri]
    translation = written_in == current.code and not current.default
    outdated = translation and page_status(project, written_in, page).state == OUTDATED
    keys = notices(current, written_in, front_matter, outdated=outdated)
    link = page_url(project.default, page) if "outdated_notice" in keys else None
    untranslated = written_in == project.default.code or front_matter.get("translated") is False
    return Notice(keys, link, project.default if untranslated else project.language(written_in))


def outdated_warnings(project: Path) -> list[Problem]:
    """Return a warning for each translation made from an older Norwegian page, or not stamped at all.

    `make check` adds them to the facts checker's findings. A page whose front matter is broken
    is left to the checker, which reports it as an error.
    """
    try:
        languages = load_languages(project)
    except DataError:
        return []  # the checker reports the languages file's problems
    source = default_language(languages)
    docs = project / DOCS_FOLDER
    warnings = []
    for language in languages:
        if language.default:
            continue
        for path in sorted((docs / language.code).rglob("*.md")):
            original = docs / source.code / path.relative_to(docs / language.code)
            if not original.is_file():
                continue  # the checker reports a translation without a source page
            try:
                front_matter = read_front_matter(path)
            except DataError:
                continue
            current = page_hash(original)
            if state(front_matter, current) == OUTDATED:
                shown, source_shown = path.relative_to(project), original.relative_to(project).as_posix()
                recorded = front_matter.get("source")
                warnings.append(_outdated(shown, path, source_shown, recorded, current, source.english_name))
    return warnings


def _outdated(shown: Path, path: Path, original: str, recorded: str | None, current: str, language: str) -> Problem:
    """The warning on an outdated page: its `source:` line, what it records, what is expected, and the fix."""
    page = shown.as_posix()
    if recorded is None:
        message = (
            f"source: expected {current}, the hash of {original} now, found none: this page does not record "
            f"which {language} text it was translated from; check it against {original}, then run "
            f"`make stamp PAGE={page}`"
        )
        return Problem(shown, 1, message, severity="warning")
    message = (
        f"source: expected {current}, the hash of {original} now, found {recorded}: the {language} page has "
        f"changed since this page was translated; `python -m fristed changes {page}` shows what changed: "
        f"update the page, then run `make stamp PAGE={page}`"
    )
    return Problem(shown, source_line(path.read_text(encoding="utf-8")), message, severity="warning")


def source_line(text: str) -> int:
    """Return the line of the `source:` field in a page's front matter, or 1 if it has none."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            break
        if line.startswith("source:"):
            return number
    return 1
