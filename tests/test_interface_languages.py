"""No interface string in another language: the theme's and Fristed's own, on every built page.

tests/test_build.py checks each page's language, direction and switcher; here, the words around
the text. Material's strings come from its partials/languages/<code>.html, or from ours in
overrides/ where Material has none (Tigrinya) or leaves English (Norwegian "Header"). A string a
language lacks falls back to English, so each one shown must be the language's own.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT
from fristed.pages import page_url
from fristed.project import load_project

DATA = load_project(PROJECT)
LANGUAGES = {language.code: language for language in DATA.languages}
EVERY_PAGE = [(code, name) for code in LANGUAGES for name in sorted(DATA.pages)]
MATERIAL = importlib.resources.files("material") / "templates" / "partials" / "languages"
OVERRIDES = PROJECT / "overrides" / "partials" / "languages"

# Where each of Material's strings shows on a page: (key, CSS selector, attribute or None for the text).
THEME_STRINGS = [
    ("header", "nav.md-header__inner", "aria-label"),
    ("nav", "label.md-header__button[for=__drawer] .fristed-visually-hidden", None),
    ("nav", "nav.md-nav--primary", "aria-label"),
    ("toc", "nav.md-nav--secondary", "aria-label"),
    ("toc", "nav.md-nav--secondary > label.md-nav__title", None),
    ("select.language", ".md-select > button", "aria-label"),
    ("action.skip", "[data-md-component=skip] a.md-skip", None),
    ("footer", "nav.md-footer__inner", "aria-label"),
    ("footer.previous", "a.md-footer__link--prev", "aria-label"),
    ("footer.next", "a.md-footer__link--next", "aria-label"),
    ("top", "button.md-top", None),
]
# Those every page must show; the footer links and "back to top" come only with Material
# features the site leaves off, and are checked if they ever show.
ALWAYS_SHOWN = {"header", "nav", "toc", "select.language", "action.skip"}
# Where a language's word is the English one, and why that is right.
SAME_AS_ENGLISH = {("fr", "nav"): "French says 'Navigation' too"}


def theme_strings(code: str) -> dict[str, str]:
    """A language's theme strings: ours in overrides/ where we have them, else Material's."""
    path = OVERRIDES / f"{code}.html"
    text = (
        path.read_text(encoding="utf-8") if path.is_file() else (MATERIAL / f"{code}.html").read_text(encoding="utf-8")
    )
    return {
        key: json.loads(f'"{value}"') for key, value in re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)"', text, re.M)
    }


ENGLISH = theme_strings("en")


def soup(site: Path, code: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / page_url(LANGUAGES[code], name)).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(("code", "name"), EVERY_PAGE)
def test_theme_strings_on_every_page_are_the_languages_own(site: Path, code: str, name: str):
    own = theme_strings(code)
    document = soup(site, code, name)
    shown, wrong = set(), []
    for key, selector, attribute in THEME_STRINGS:
        for element in document.select(selector):
            text = element.get(attribute) if attribute else element.get_text(" ", strip=True)
            shown.add(key)
            if key not in own or text != own[key]:
                wrong.append((key, text, own.get(key, "(none: English shows through)")))
    assert wrong == []
    assert shown >= ALWAYS_SHOWN, f"not found on the page: {ALWAYS_SHOWN - shown}"


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_no_theme_string_is_english_unless_the_language_says_the_same(code: str):
    own = theme_strings(code)
    keys = sorted({key for key, _, _ in THEME_STRINGS})
    english = [key for key in keys if own.get(key, ENGLISH[key]) == ENGLISH[key]]
    assert english == [key for key in keys if (code, key) in SAME_AS_ENGLISH]


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "nb"])
def test_every_interface_string_is_translated_in_every_language(code: str):
    """A key a strings file lacks shows in Norwegian: the exit button, the notices, the offline page."""
    defined = yaml.safe_load((PROJECT / "data/strings" / f"{code}.yml").read_text(encoding="utf-8"))
    assert [key for key in DATA.strings["nb"] if key not in defined] == []


@pytest.mark.parametrize(("code", "name"), EVERY_PAGE)
def test_no_page_is_shown_in_norwegian_in_another_language(site: Path, code: str, name: str):
    document = soup(site, code, name)
    assert document.select("article [lang=nb]") == [] or code == "nb"
    notice = document.select_one(".fristed-notice")
    assert notice is None or notice.get_text(strip=True) != DATA.strings[code]["fallback_notice"]


# The translators' status page -------------------------------------------------------------


@pytest.mark.parametrize(("code", "heading"), [("nb", "Språk"), ("en", "Language"), ("fr", "Språk")])
def test_status_page_is_built_in_norwegian_and_english_and_falls_back_to_norwegian(site: Path, code, heading):
    document = soup(site, code, "translation-status.md")
    assert document.html["lang"] == code
    table = document.select_one("article table")
    assert [cell.get_text(strip=True) for cell in table.select("thead th")] == [
        heading,
        *(name.removesuffix(".md") for name in sorted(DATA.pages)),
    ]
    rows = [row.select_one("td span")["lang"] for row in table.select("tbody tr")]
    assert rows == [language.code for language in DATA.languages if not language.default]
    assert "translation-status" not in document.select_one("article").get_text()
    assert [link["lang"] for link in document.select("a.md-select__link")] == ["nb", "en"]


def test_status_page_is_not_in_the_readers_menu(site: Path):
    links = [link["href"] for link in soup(site, "nb", "index.md").select("nav.md-nav--primary a")]
    assert links and not [href for href in links if "translation-status" in href]
