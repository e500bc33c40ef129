"""`make stamp PAGE=docs/fr/help.md`: record that a translation matches the Norwegian page as it is now.

A translator runs it after translating a page, or after bringing an outdated one up to date. It
writes `source: <hash>` into the page's front matter and drops `translated: false`, changing
nothing else in the file. `reviewed` is left as it is: the translator says whether a reviewer
has checked the changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from fristed.data import DataError
from fristed.languages import load_languages
from fristed.pages import DOCS_FOLDER, FRONT_MATTER, read_front_matter, source_hash


class StampError(Exception):
    """A page that cannot be stamped, and why."""


@dataclass(frozen=True)
class Stamped:
    """A page stamped: what it recorded before, what it records now, and whether it says it is reviewed."""

    path: str  # docs/fr/help.md
    original: str  # docs/nb/help.md
    before: str | None
    after: str
    reviewed: bool


def _scalar(value: str) -> str:
    """Write a hash as YAML reads it back as text: quoted when it would read as a number (`0123…`)."""
    return value if yaml.safe_load(value) == value else f'"{value}"'


def with_source(text: str, value: str) -> str:
    """Return a page's text with `source: value` in its front matter, and no `translated: false`."""
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"source: {_scalar(value)}"
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return f"---{newline}reviewed: false{newline}{line}{newline}---{newline}{newline}" + text.lstrip("\r\n")
    lines = text.splitlines(keepends=True)
    end = next(index for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "..."))
    fields = [item for item in lines[1:end] if not item.startswith(("source:", "translated:"))]
    after_reviewed = next((index + 1 for index, item in enumerate(fields) if item.startswith("reviewed:")), len(fields))
    fields.insert(after_reviewed, line + newline)
    return "".join([lines[0], *fields, *lines[end:]])


def stamp(project: Path, page: Path) -> Stamped:
    """Record the hash of a translation's Norwegian page in its front matter; `StampError` if it is no translation."""
    project = project.resolve()
    path = page.resolve()
    shown = page.as_posix()
    if not path.is_file():
        raise StampError(f"{shown}: file not found; give a translated page such as docs/fr/help.md")
    docs = project / DOCS_FOLDER
    if not path.is_relative_to(docs) or len(path.relative_to(docs).parts) < 2:
        raise StampError(f"{shown}: expected a page under {DOCS_FOLDER}/<language>/, found a file elsewhere")
    code, *rest = path.relative_to(docs).parts
    name = Path(*rest)
    try:
        languages = {language.code: language for language in load_languages(project)}
    except DataError as error:
        raise StampError(f"the languages cannot be read:\n{error}") from None
    if code not in languages:
        raise StampError(f"{shown}: expected a folder of a language of data/languages.yml, found '{code}'")
    source = next(language for language in languages.values() if language.default)
    if code == source.code:
        raise StampError(
            f"{shown}: expected a translation, found a page of the source language ({source.name}); "
            "its translations record its hash, it records none"
        )
    original = docs / source.code / name
    if not original.is_file():
        raise StampError(f"{shown}: expected a source page {original.relative_to(project).as_posix()}, found none")
    try:
        front_matter = read_front_matter(path)
    except DataError as error:
        raise StampError(f"{shown}: fix the front matter first:\n{error}") from None
    # As bytes, so a page written with Windows line endings keeps them.
    text = path.read_bytes().decode("utf-8")
    current = source_hash(original.read_text(encoding="utf-8"))
    if front_matter.get("translated") is False and source_hash(text) == current:
        raise StampError(
            f"{shown}: expected a translation, found the text of {original.relative_to(project).as_posix()} "
            "unchanged; translate the page, then stamp it"
        )
    path.write_text(with_source(text, current), encoding="utf-8", newline="")
    return Stamped(
        shown,
        original.relative_to(project).as_posix(),
        front_matter.get("source"),
        current,
        front_matter.get("reviewed", False),
    )
