"""The site's languages, read from `data/languages.yml`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import babel

from fristed.data import DataError, load_yaml

LANGUAGES_FILE = Path("data/languages.yml")

SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["code", "name"],
        "additionalProperties": False,
        "properties": {
            "code": {
                "type": "string",
                "pattern": "^[a-z]{2,3}$",
                "description": "a lower-case ISO 639 language code such as 'en'",
            },
            "name": {"type": "string", "minLength": 1},
            "default": {"type": "boolean"},
        },
    },
}


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str
    default: bool = False

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', from the Unicode CLDR locale data."""
        return babel.Locale.parse(self.code).text_direction

    @property
    def english_name(self) -> str:
        """The language's name in English, for messages to translators: 'Norwegian Bokmål'."""
        return babel.Locale("en").languages.get(self.code, self.name)

    @property
    def folder(self) -> str:
        """The language's folder in the built site: '' for the default language, else its code."""
        return "" if self.default else self.code


def load_languages(project: Path) -> list[Language]:
    """Return the languages of a project, checked: known codes, unique, exactly one default."""
    document = load_yaml(project / LANGUAGES_FILE, SCHEMA)
    entries = document.data if isinstance(document.data, list) else []
    problems, seen = [], set()
    for index, entry in enumerate(entries):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str):
            continue
        if code in seen:
            problems.append(
                document.problem((index, "code"), f"expected a code not listed before, found {code!r} again")
            )
        seen.add(code)
        try:
            babel.Locale.parse(code)
        except (babel.UnknownLocaleError, ValueError):
            problems.append(
                document.problem((index, "code"), f"expected a language known to Unicode CLDR, found {code!r}")
            )
    defaults = [entry.get("code") for entry in entries if isinstance(entry, dict) and entry.get("default")]
    if len(defaults) != 1:
        problems.append(
            document.problem(
                (), f"expected exactly one language with 'default: true', found {len(defaults)}: {defaults}"
            )
        )
    document.check(problems)
    return [Language(**entry) for entry in entries]


def default_language(languages: list[Language]) -> Language:
    """Return the source language."""
    return next(language for language in languages if language.default)


def i18n_languages(config_dir: os.PathLike | str) -> list[dict]:
    """Return the `languages` option of mkdocs-static-i18n, so the language list lives in data/."""
    from mkdocs.exceptions import ConfigurationError

    from fristed.strings import as_html, load_strings  # strings needs this module: import it late

    project = Path(os.fspath(config_dir))
    try:
        languages = load_languages(project)
        strings = load_strings(project, languages)
    except DataError as error:
        # Raised while MkDocs reads mkdocs.yml: its own error type is reported without a traceback.
        raise ConfigurationError(f"The project's languages have problems:\n{error}") from None
    return [
        {
            "locale": language.code,
            "name": language.name,
            "default": language.default,
            "build": True,
            # Escaped here, once: Material's templates show `config.site_name` unescaped in some
            # places and `| e` in others, which leaves Markup as it is.
            "site_name": as_html(strings[language.code]["site_name"]),
        }
        for language in languages
    ]
