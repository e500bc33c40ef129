"""Everything the build knows of the project, loaded and checked in one call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fristed.data import DataError
from fristed.facts import Facts, load_facts
from fristed.languages import Language, default_language, load_languages
from fristed.pages import DOCS_FOLDER, read_front_matter, translations
from fristed.strings import load_markup, load_strings
from fristed.terms import Term, load_terms


@dataclass(frozen=True)
class Project:
    """A project's data: languages, interface strings, facts and which pages exist where.

    `pages` holds the readers' pages, each with the languages that have a file of it;
    `front_matter` holds every file's, the translators' pages' too, by docs path (`en/help.md`).
    """

    folder: Path
    languages: list[Language]
    strings: dict[str, dict[str, str]]
    facts: Facts
    pages: dict[str, list[str]]
    front_matter: dict[str, dict]
    # The tags each interface string may hold (data/string-markup.yml); most may hold none.
    markup: dict[str, list[str]] = field(default_factory=dict)
    # The legal terms and their approved wordings (data/terms.yml), shown on the status page.
    terms: list[Term] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> Project:
        """Load and check every data file of a project; raise one `DataError` listing all problems."""
        problems = []

        def collect(load, *args):
            try:
                return load(*args)
            except DataError as error:
                problems.extend(error.problems)

        facts = collect(load_facts, folder)
        languages = collect(load_languages, folder)
        if languages is None:
            raise DataError(problems)
        strings = collect(load_strings, folder, languages)
        default = default_language(languages).code
        markup = collect(load_markup, folder, sorted(strings[default])) if strings else {}
        terms = collect(load_terms, folder, languages)
        every_page = translations(folder, languages)
        front_matter = {
            f"{code}/{page}": collect(read_front_matter, folder / DOCS_FOLDER / code / page)
            for page, codes in every_page.items()
            for code in codes
        }
        if problems:
            raise DataError(problems)
        pages = {
            page: codes
            for page, codes in every_page.items()
            if not front_matter[f"{default}/{page}"].get("translators_only", False)
        }
        return cls(folder, languages, strings, facts, pages, front_matter, markup, terms)

    @property
    def default(self) -> Language:
        """The default language, the one every page is written in first."""
        return default_language(self.languages)

    def language(self, code: str) -> Language:
        """Return the language with this code."""
        return next(language for language in self.languages if language.code == code)

    def available(self, page: str) -> list[str]:
        """The languages a page is written in: a file of it that is not a Norwegian copy awaiting translation."""
        written = []
        for language in self.languages:
            front_matter = self.front_matter.get(f"{language.code}/{page}")
            if front_matter is not None and front_matter.get("translated", True):
                written.append(language.code)
        return written

    def page_of(self, src_uri: str) -> tuple[str, str]:
        """Split a docs path `en/help.md` into the language it is written in and the page `help.md`."""
        code, _, page = src_uri.partition("/")
        return code, page


def load_project(folder: Path) -> Project:
    """Load and check a project's data; raise one `DataError` listing every problem.

    The build loads it once per run (hooks/project_data.py), so an edit shows in the next
    rebuild of `mkdocs serve`.
    """
    return Project.load(folder)
