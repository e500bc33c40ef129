"""Interface strings: one dictionary per language in `data/strings/<code>.yml`.

A key a language lacks falls back to the default language, then to the key itself, as
Material's `partials/language.html` does for the theme's own strings.

key               | meaning
site_name         | the site's name in the header, the title bar and the installed app
helpline_label    | the words before ROSA's number in the bar at the top of every page
unreviewed_notice | shown on a machine-made translation until a reviewer sets `reviewed: true`
fallback_notice   | shown on a page that is missing in the reader's language and shown in Norwegian
not_found         | the heading of the page a server shows for an address that does not exist
"""

from __future__ import annotations

from pathlib import Path

from fristed.data import DataError, load_yaml
from fristed.languages import Language, default_language

STRINGS_FOLDER = Path("data/strings")

KEYS = ("site_name", "helpline_label", "unreviewed_notice", "fallback_notice", "not_found")


def _schema(required: tuple[str, ...]) -> dict:
    """Return the schema of one language's strings file."""
    text = {"type": "string", "minLength": 1, "description": "a line of text"}
    return {
        "type": "object",
        "required": list(required),
        "additionalProperties": False,
        "properties": {key: text for key in KEYS},
    }


def load_strings(project: Path, languages: list[Language]) -> dict[str, dict[str, str]]:
    """Return every language's strings, each completed from the default language."""
    source = default_language(languages)
    loaded, problems = {}, []
    for language in languages:
        # The source language must have every key; the others may lag behind it.
        required = KEYS if language.default else ()
        try:
            loaded[language.code] = (
                load_yaml(project / STRINGS_FOLDER / f"{language.code}.yml", _schema(required)).check() or {}
            )
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return {code: {**loaded[source.code], **strings} for code, strings in loaded.items()}
