"""The pages of the site: which exist in which language, their front matter, and their URLs.

Pages live in `docs/<code>/<page>.md`, one file per page per language. The default language is
served at the site root, every other language under its code. A page missing in a language is
built from the default language's file (a fallback), with a notice.

Front matter field | required | default | meaning
reviewed           | no       | false   | a human translator has checked this translation
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

import yaml

from fristed.data import DataError, Problem
from fristed.languages import Language

DOCS_FOLDER = Path("docs")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)
FRONT_MATTER_FIELDS = {"reviewed": bool}


def read_front_matter(path: Path) -> dict:
    """Return a page's front matter, refusing malformed YAML and unknown fields with their line."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else 1
        raise DataError([Problem(path, line, f"front matter: not valid YAML: {error.problem}")]) from None
    if not isinstance(data, dict):
        raise DataError([Problem(path, 2, f"front matter: expected 'field: value' lines, found {data!r}")])
    problems = []
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        field = line.split(":", 1)[0].strip()
        if field in data and field not in FRONT_MATTER_FIELDS:
            problems.append(
                Problem(
                    path,
                    number,
                    f"front matter: unknown field '{field}'; expected one of: {', '.join(FRONT_MATTER_FIELDS)}",
                )
            )
        elif field in FRONT_MATTER_FIELDS and not isinstance(data[field], FRONT_MATTER_FIELDS[field]):
            problems.append(
                Problem(path, number, f"front matter: {field}: expected true or false, found {data[field]!r}")
            )
    if problems:
        raise DataError(problems)
    return data


def translations(project: Path, languages: list[Language]) -> dict[str, list[str]]:
    """Map each page of the default language (`help.md`) to the languages that have it."""
    docs = project / DOCS_FOLDER
    source = next(language for language in languages if language.default)
    pages = sorted(path.relative_to(docs / source.code).as_posix() for path in (docs / source.code).rglob("*.md"))
    return {
        page: [language.code for language in languages if (docs / language.code / page).is_file()] for page in pages
    }


def page_url(language: Language, page: str) -> str:
    """Return the URL from the site root of a language's page or file: `help.md` in English is `en/help.html`."""
    path = PurePosixPath(page)
    built = (path.with_suffix(".html") if path.suffix == ".md" else path).as_posix()
    return posixpath.join(language.folder, built) if language.folder else built


def alternates(page: str, current: Language, languages: list[Language], available: list[str]) -> list[dict]:
    """Return a page's other-language versions, in Material's `extra.alternate` shape.

    Only the languages the page is really written in; links from the site root, which the
    theme's `url` filter makes relative to the page.
    """
    return [
        {"name": language.name, "link": page_url(language, page), "lang": language.code, "current": language == current}
        for language in languages
        if language.code in available
    ]


def notice(current: Language, written_in: str, front_matter: dict) -> str | None:
    """Return the interface-string key of the notice a page needs, if any."""
    if current.default:
        return None
    if written_in != current.code:
        return "fallback_notice"
    if not front_matter.get("reviewed", False):
        return "unreviewed_notice"
    return None
