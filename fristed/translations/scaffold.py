"""`make new-language LANG=xx`: add a language, every page still in Norwegian, ready for a translator.

It writes, and changes nothing else:

file                                 | what is in it
data/languages.yml                   | the language added last, named in itself (Babel's CLDR data)
docs/<code>/<page>.md                | each readers' page in Norwegian, marked `translated: false`: the site
                                     | shows it as Norwegian, with the fallback notice, until it is translated
data/strings/<code>.yml              | the Norwegian interface strings, to translate line by line
data/durations/<code>.yml            | duration words: units from CLDR, number words from num2words where it
                                     | knows the language; to complete by hand
overrides/partials/languages/<code>.html | Material's interface strings, in English, to translate; only when
                                     | Material has none for the language (as for Tigrinya)

The result builds at once, passes `make check` (the pages are the Norwegian text, read with the
Norwegian word list while `translated: false`), and `make status` reports every page untranslated.
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import re
from pathlib import Path

import babel
import yaml
from mkdocs.utils.meta import get_data

from fristed.data import DataError
from fristed.facts import UNITS
from fristed.languages import LANGUAGES_FILE, load_languages
from fristed.pages import DOCS_FOLDER
from fristed.project import load_project
from fristed.strings import STRINGS_FOLDER

DURATIONS_FOLDER = Path("data/durations")
THEME_FOLDER = Path("overrides/partials/languages")
# Material's interface strings that Fristed's pages show (see overrides/partials/languages/ti.html).
THEME_KEYS = (
    "action.skip",
    "footer",
    "footer.next",
    "footer.previous",
    "header",
    "nav",
    "search",
    "search.placeholder",
    "search.result.none",
    "select.language",
    "toc",
    "top",
)
# The numbers the seeded word list spells: num2words's words for them are single words in most
# languages; larger numbers are rows of these (`twenty-four`), which the checker reads as one.
SEEDED_NUMBERS = (*range(1, 21), *range(30, 100, 10), 100)
# num2words's names where they differ from the site's codes.
NUM2WORDS_NAMES = {"nb": "no"}


class ScaffoldError(Exception):
    """Why a language cannot be added."""


def language_name(code: str) -> str:
    """The language's name in itself, capitalised as a list of languages shows it: `Soomaali`, `Français`."""
    name = babel.Locale.parse(code).get_display_name(code)
    # CLDR's names are as in running text (`français`); a menu starts each with a capital, except in
    # scripts without case. Turkish and Azerbaijani capitalise i as İ.
    first = "İ" if name[:1] == "i" and code in ("tr", "az") else name[:1].upper()
    return first + name[1:]


def check_code(project: Path, code: str) -> list[str]:
    """Return why a code cannot be added as a new language (empty if it can)."""
    english = babel.Locale("en").languages
    if not re.fullmatch(r"[a-z]{2,3}", code) or not babel.localedata.exists(code):
        close = difflib.get_close_matches(code.lower(), [name.lower() for name in english.values()], n=1, cutoff=0.7)
        guess = next((f" (did you mean '{c}', {n}?)" for c, n in english.items() if [n.lower()] == close), "")
        return [
            f"new-language: expected a language code known to Unicode CLDR, such as 'so' for Somali, found {code!r}"
            + guess
        ]
    problems = []
    try:
        known = {language.code: language for language in load_languages(project)}
    except DataError as error:
        return [f"new-language: fix the languages file first:\n{error}"]
    if code in known:
        return [
            f"new-language: {code!r} ({known[code].name}) is already a language of the site, in "
            f"{LANGUAGES_FILE.as_posix()}; to translate its pages, see CONTRIBUTING.md"
        ]
    paths = [DOCS_FOLDER / code, STRINGS_FOLDER / f"{code}.yml", DURATIONS_FOLDER / f"{code}.yml"]
    if not material_has(code):
        paths.append(THEME_FOLDER / f"{code}.html")
    for path in paths:
        if (project / path).exists():
            problems.append(f"new-language: {path.as_posix()} already exists; remove it, or add {code!r} by hand")
    return problems


def material_has(code: str) -> bool:
    """Whether Material ships interface strings for a language."""
    try:
        folder = importlib.resources.files("material") / "templates" / "partials" / "languages"
    except ModuleNotFoundError:
        return False
    return (folder / f"{code}.html").is_file()


def _scalar(text: str) -> str:
    """Write text as a YAML value that reads back as the same text (Turkish `on` is ten, not true)."""
    plain = re.fullmatch(r"[^\s\"'#:,\[\]{}&*!|>%@`-][^:#,\[\]{}]*", text) and yaml.safe_load(text) == text
    return text if plain else json.dumps(text, ensure_ascii=False)


def durations_text(code: str, english_name: str) -> str:
    """Return a first word list for a language: its units from CLDR, its number words from num2words."""
    units: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    patterns = babel.Locale.parse(code)._data["unit_patterns"]
    for unit in UNITS:
        forms = patterns.get(f"duration-{unit}", {}).get("long", {})
        for category, pattern in forms.items():
            words = pattern.replace("{0}", " ").split()
            # One word beside the number; a rate (`per`) or a word already another unit's is left out.
            if category != "per" and len(words) == 1 and seen.setdefault(words[0], unit) == unit:
                units.setdefault(unit, [])
                if words[0] not in units[unit]:
                    units[unit].append(words[0])
    numbers = _number_words(code)
    lines = [
        f"# {english_name} words for durations, read by the translation checker (fristed/check/wordlists.py).",
        "# Written by `make new-language`: units from Babel's CLDR unit data (long forms), number words from",
        "# num2words where it knows the language. Check each word, add the forms the pages use (a case,",
        "# a plural, 'half a year'), and every number word a page writes. The fields are explained in",
        "# fristed/check/wordlists.py; data/durations/en.yml shows each in use. A language written",
        "# without spaces between words needs `segment: true`, as data/durations/th.yml has.",
        "",
        "units:",
        *(f"  {unit}: [{', '.join(_scalar(word) for word in units.get(unit, [unit]))}]" for unit in UNITS),
        "",
    ]
    if numbers:
        lines += ["numbers:", *(f"  {_scalar(word)}: {value}" for word, value in numbers.items())]
    else:
        lines += ["# num2words has no number words for this language: add them by hand (one: 1, …).", "numbers: {}"]
    return "\n".join(lines) + "\n"


def _number_words(code: str) -> dict[str, int]:
    """num2words's single-word numbers of a language, each meaning one value."""
    try:
        from num2words import CONVERTER_CLASSES, num2words
    except ImportError:
        return {}
    name = NUM2WORDS_NAMES.get(code, code)
    if name not in CONVERTER_CLASSES:
        return {}
    words: dict[str, int] = {}
    for value in SEEDED_NUMBERS:
        word = num2words(value, lang=name)
        if re.fullmatch(r"\w+", word) and words.setdefault(word, value) != value:
            del words[word]
    return words


def theme_text(code: str, name: str, direction: str) -> str:
    """Return a theme partial with Material's English strings for the keys Fristed's pages show, to translate."""
    english = importlib.resources.files("material") / "templates" / "partials" / "languages" / "en.html"
    found = dict(re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)"', english.read_text(encoding="utf-8"), re.M))
    entries = [("language", code), ("direction", direction), *((key, found.get(key, key)) for key in THEME_KEYS)]
    body = ",\n".join(f'  "{key}": "{value}"' for key, value in entries)
    return (
        f"{{#- {name} interface strings for the theme, which Material lacks. Written by `make new-language`\n"
        "    with Material's English (partials/languages/en.html): translate each value, or English shows\n"
        "    through. The keys are those Fristed's pages show. -#}\n"
        f"{{% macro t(key) %}}{{{{ {{\n{body}\n}}[key] | e }}}}{{% endmacro %}}\n"
    )


def strings_text(project: Path, source: str, name: str, code: str) -> str:
    """Return the source language's strings file, for a translator to translate line by line."""
    text = (project / STRINGS_FOLDER / f"{source}.yml").read_text(encoding="utf-8")
    body = re.sub(r"\A(#[^\n]*\n)+\n*", "", text)
    return (
        f"# Interface strings of {name} ({code}), written by `make new-language`: still the Norwegian text.\n"
        "# Translate each line; the comment above it says where it shows. `{size}` and `{date}` are\n"
        "# filled in by the site and must stay as they are.\n\n" + body
    )


def new_language(project: Path, code: str) -> list[Path]:
    """Add a language to a project; return the files written. Raise `ScaffoldError` naming every problem."""
    problems = check_code(project, code)
    if problems:
        raise ScaffoldError("\n".join(problems))
    try:
        loaded = load_project(project)
    except DataError as error:
        raise ScaffoldError(f"new-language: fix the project's data first:\n{error}") from None
    locale = babel.Locale.parse(code)
    name = language_name(code)
    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
        written.append(path)

    languages = (project / LANGUAGES_FILE).read_text(encoding="utf-8")
    entry = f"- code: {code}\n  name: {_scalar(name)}\n"
    write(LANGUAGES_FILE, languages + ("" if languages.endswith("\n") else "\n") + entry)
    for page in sorted(loaded.pages):
        text = (project / DOCS_FOLDER / loaded.default.code / page).read_text(encoding="utf-8")
        body, _ = get_data(text)
        write(DOCS_FOLDER / code / page, f"---\nreviewed: false\ntranslated: false\n---\n\n{body}")
    write(STRINGS_FOLDER / f"{code}.yml", strings_text(project, loaded.default.code, name, code))
    english_name = babel.Locale("en").languages.get(code, name)
    write(DURATIONS_FOLDER / f"{code}.yml", durations_text(code, english_name))
    if not material_has(code):
        write(THEME_FOLDER / f"{code}.html", theme_text(code, english_name, locale.text_direction))
    return written
