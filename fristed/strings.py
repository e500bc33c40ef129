"""Interface strings: one dictionary per language in `data/strings/<code>.yml`.

The default language's file defines the keys, each with a comment saying where it shows. A key
another language lacks falls back to the default language, then to the key itself, as
Material's `partials/language.html` does for the theme's own strings.

A string comes from a stranger's pull request, so it is plain text, escaped wherever it lands
(`as_html`), unless `data/string-markup.yml` declares the few tags its key may use. The checker
reads every string as it reads a page (fristed/check/interface.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import nh3
from markupsafe import Markup, escape

from fristed.data import DataError, load_yaml
from fristed.languages import Language, default_language

STRINGS_FOLDER = Path("data/strings")

TEXT = {"type": "string", "minLength": 1, "description": "a line of text"}
SOURCE_SCHEMA = {"type": "object", "minProperties": 1, "additionalProperties": TEXT}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
MARKUP_FILE = Path("data/string-markup.yml")
# Inline tags that cannot run code, load anything or hide text; written bare, with no attributes.
MARKUP_TAGS = ("b", "strong", "em", "i", "bdi")
_TAGS = {
    "type": "array",
    "minItems": 1,
    "uniqueItems": True,
    "items": {"enum": list(MARKUP_TAGS)},
    "description": f"a list of tags among {', '.join(MARKUP_TAGS)}",
}


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


def load_markup(project: Path, keys: Sequence[str]) -> dict[str, list[str]]:
    """Return the tags each interface string may hold, by key, from `data/string-markup.yml`; with no
    such file, none may hold any."""
    if not (project / MARKUP_FILE).is_file():
        return {}
    schema = {"type": "object", "additionalProperties": False, "properties": dict.fromkeys(keys, _TAGS)}
    return load_yaml(project / MARKUP_FILE, schema).check() or {}


def as_html(text: str, tags: Sequence[str] = (), **fills: str) -> Markup:
    """Return an interface string as HTML, safe in text and in a quoted attribute alike.

    Its runs of digit groups isolated left to right; escaped, or for a key declared in
    data/string-markup.yml cleaned down to its `tags`. `fills` are the template's own HTML for
    placeholders: `size="<span data-pack-size></span>"`.
    """
    from fristed.html import isolate_digit_runs  # it needs the checker, which needs this module

    # A number a string states reads left to right in Arabic too, in text and attributes alike.
    text = isolate_digit_runs(text)
    if tags:
        # nh3 leaves quotes in text as they are: escape them, so no string ends an attribute.
        cleaned = nh3.clean(text, tags=set(tags), attributes={}).replace('"', "&#34;").replace("'", "&#39;")
        html = Markup(cleaned)
    else:
        html = escape(text)
    for name, fill in fills.items():
        # On the plain string: Markup's own replace() would escape the fill.
        html = Markup(str(html).replace("{" + name + "}", fill))
    return html
