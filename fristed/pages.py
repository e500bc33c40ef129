"""The pages of the site: which exist in which language, their front matter, and their URLs.

Pages live in `docs/<code>/<page>.md`, one file per page per language. The default language is
served at the site root, every other language under its code. A page missing in a language is
built from the default language's file (a fallback), with a notice.

Front matter field | required | default | meaning
description        | no       | the page's | what search engines show under the page's title: a sentence
                   |          | first      | or two (at most 160 characters are shown). A translator may
                   |          | paragraph  | write one; without it the page's first paragraph is used
reviewed           | no       | false   | a human translator has checked this translation
source             | no       | none    | the Norwegian page this translation was made from: the first 12
                   |          |         | hex digits of its hash (`source_hash`); `make stamp` writes it. A
                   |          |         | translation without it, or with another hash, is outdated
translated         | no       | true    | false: the file is still the Norwegian text, copied by
                   |          |         | `make new-language` for a translator; it is shown as Norwegian
translators_only   | no       | false   | on a Norwegian page: a page for translators, not readers (the
                   |          |         | status page); not offered in other languages nor counted in the
                   |          |         | translation status (see fristed/translations/)
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.utils.meta import YAML_RE, get_data

from fristed.data import DataError, Problem, _shown
from fristed.languages import Language

DOCS_FOLDER = Path("docs")
# A page's front matter is what MkDocs makes of it (`mkdocs.utils.meta.get_data`), so the build and
# the checker agree: YAML between `---` lines (or closed by `...`), else MultiMarkdown-style
# `field: value` lines at the top.
FRONT_MATTER = YAML_RE
FRONT_MATTER_FIELDS = {
    "description": str,
    "reviewed": bool,
    "source": str,
    "translated": bool,
    "translators_only": bool,
}
# The line of a page the build replaces with the translation status table
# (fristed/translations/report.py), and the checker reads as that table (fristed/check/markup.py).
STATUS_MARKER = re.compile(r"^::: translation-status[ \t]+(\S.*?)[ \t]*$", re.MULTILINE)
# What `source_hash` writes: the first 12 hex digits of a SHA-256.
SOURCE_HASH = re.compile(r"[0-9a-f]{12}")
# The `source:` line of a front matter, as `make stamp` writes it (quoted when YAML would read a number).
_SOURCE_LINE = re.compile(r"""^source:[ \t]*(["']?)([0-9a-f]{12})\1[ \t]*\r?$""", re.MULTILINE)


def _expected(field: str) -> str:
    """What a front matter field must hold, in words."""
    if field == "source":
        return "the 12 hexadecimal digits `make stamp` writes"
    return "true or false"


def source_hash(text: str) -> str:
    """Return the hash a translation records of the Norwegian page it was made from.

    The first 12 hex digits of the SHA-256 of the page's text after its front matter, with line
    endings as `\\n` and blank lines at its start and end left out: an editor that changes line
    endings, or a front matter added, does not make every translation outdated.
    """
    body, _ = get_data(text.replace("\r\n", "\n").replace("\r", "\n"))
    return hashlib.sha256(body.strip("\n").encode("utf-8")).hexdigest()[:12]


def without_source_hash(text: str) -> str:
    """Return a page's text with the hash of its front matter's `source:` blanked out, columns kept.

    The hash is hex digits, so the facts checker would read `223311606f3a` as a phone number; a
    well-formed `source:` value is never shown to a reader. Anything else stays for the checker.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    front = _SOURCE_LINE.sub(lambda line: line.group(0).replace(line.group(2), " " * 12), match.group(0), count=1)
    return front + text[match.end() :]


def read_front_matter(path: Path) -> dict:
    """Return a page's front matter, refusing malformed YAML and unknown fields with their line."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    body, data = get_data(text)
    match = FRONT_MATTER.match(text)
    if match:
        block, first_line = match.group(1), 2
        if body == text:
            # MkDocs could not read the block, and would show it as text: say why.
            try:
                found = yaml.safe_load(block)
            except yaml.MarkedYAMLError as error:
                line = error.problem_mark.line + 2 if error.problem_mark else 1
                raise DataError([Problem(path, line, f"front matter: not valid YAML: {error.problem}")]) from None
            raise DataError([Problem(path, 2, f"front matter: expected 'field: value' lines, found {found!r}")])
    elif data:
        # MultiMarkdown-style lines at the top, which MkDocs reads as front matter too (as text).
        block, first_line = text[: len(text) - len(body)], 1
    else:
        return {}
    problems = []
    for number, line in enumerate(block.splitlines(), start=first_line):
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
                Problem(path, number, f"front matter: {field}: expected {_expected(field)}, found {data[field]!r}")
            )
        elif field == "source" and not SOURCE_HASH.fullmatch(data[field]):
            message = f"front matter: source: expected {_expected(field)}, found {data[field]!r}"
            problems.append(Problem(path, number, f"{message}; run `make stamp PAGE={_shown(path)}`"))
        elif field == "source" and data.get("translated") is False:
            message = (
                "front matter: source: expected no source on a page marked 'translated: false', found both; "
                f"once the page is translated, run `make stamp PAGE={_shown(path)}`, which removes 'translated: false'"
            )
            problems.append(Problem(path, number, message))
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


def alternates(
    page: str, current: Language, languages: list[Language], available: list[str], site_url: str | None = None
) -> list[dict]:
    """Return a page's other-language versions, in Material's `extra.alternate` shape.

    Only the languages the page is really written in. `href`, for the switcher, is from the
    site root, which the theme's `url` filter makes relative to the page; `link`, for the head's
    `hreflang` links, is absolute when the site has a `site_url` (search engines want that) and
    the same relative link on a mirror, which has none.
    """
    entries = []
    for language in languages:
        if language.code in available:
            href = page_url(language, page)
            link = posixpath.join(site_url.rstrip("/"), href) if site_url else href
            entries.append(
                {
                    "name": language.name,
                    "link": link,
                    "href": href,
                    "lang": language.code,
                    "current": language == current,
                }
            )
    return entries


def notices(current: Language, written_in: str, front_matter: dict, outdated: bool = False) -> list[str]:
    """Return the interface-string keys of the notices a page needs, in the order a reader reads them.

    A page still in Norwegian (a fallback, or a copy not yet translated) says only that. A
    translation unreviewed and outdated says both in one note: what was checked, then that the
    Norwegian page has changed, right before the link to it (`outdated_link`), which the
    template adds after `outdated_notice`.
    """
    if current.default:
        return []
    if written_in != current.code or front_matter.get("translated") is False:
        return ["fallback_notice"]
    keys = [] if front_matter.get("reviewed", False) else ["unreviewed_notice"]
    return [*keys, "outdated_notice"] if outdated else keys
