"""Interface strings: one dictionary per language in `data/strings/<code>.yml`.

The default language's file defines the keys, each with a comment saying where it shows. A key
another language lacks falls back to the default language, then to the key itself, as
Material's `partials/language.html` does for the theme's own strings.
"""

from __future__ import annotations

import re
from pathlib import Path

from fristed.data import DataError, load_yaml
from fristed.languages import Language, default_language

STRINGS_FOLDER = Path("data/strings")

TEXT = {"type": "string", "minLength": 1, "description": "a line of text"}
SOURCE_SCHEMA = {"type": "object", "minProperties": 1, "additionalProperties": TEXT}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _translation_schema(keys: list[str]) -> dict:
    """Return the schema of a translation's strings file: only the source language's keys."""
    return {"type": "object", "additionalProperties": False, "properties": dict.fromkeys(keys, TEXT)}


def load_strings(project: Path, languages: list[Language]) -> dict[str, dict[str, str]]:
    """Return every language's strings, each completed from the default language."""
    source = default_language(languages)
    source_strings = load_yaml(project / STRINGS_FOLDER / f"{source.code}.yml", SOURCE_SCHEMA).check()
    schema = _translation_schema(sorted(source_strings))
    loaded, problems = {source.code: source_strings}, []
    for language in languages:
        if language.default:
            continue
        try:
            document = load_yaml(project / STRINGS_FOLDER / f"{language.code}.yml", schema)
            loaded[language.code] = document.check(_placeholder_problems(document, source_strings)) or {}
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return {language.code: {**source_strings, **loaded[language.code]} for language in languages}


def _placeholder_problems(document, source_strings: dict[str, str]) -> list:
    """A translation must keep the `{size}` and `{date}` the site fills in, and add none."""
    if not isinstance(document.data, dict):
        return []
    problems = []
    for key, text in document.data.items():
        if isinstance(text, str) and key in source_strings:
            expected, found = sorted(PLACEHOLDER.findall(source_strings[key])), sorted(PLACEHOLDER.findall(text))
            if expected != found:
                problems.append(document.problem((key,), f"expected the placeholders {expected}, found {found}"))
    return problems
