"""`make new-language`, and what readers see of translations that lag: one build of a changed copy.

The copy gets Somali from `python -m fristed new-language so` (what `make new-language LANG=so`
runs), and a changed sentence on the Norwegian help page, so every translation of it is outdated;
the French one is marked reviewed. It is built once, for all the tests below that need a build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FEW_LANGUAGES, PROJECT, build, copy_project
from fristed.check.durations import scan_durations
from fristed.check.registry import Registry
from fristed.check.text import Page, Spans
from fristed.check.wordlists import load_word_list
from fristed.languages import Language
from fristed.project import load_project
from fristed.translations.scaffold import ScaffoldError, durations_text, language_name, new_language

PAGES = sorted(load_project(PROJECT).pages)


def fristed(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "fristed", *arguments], cwd=cwd, env=environment, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("code", "name", "reason"),
    [
        ("so", "Soomaali", "as CLDR writes it"),
        ("fr", "Français", "CLDR writes 'français'; a list of languages starts each with a capital"),
        ("am", "አማርኛ", "a script without capitals"),
        ("tr", "Türkçe", "Turkish"),
    ],
)
def test_new_language_is_named_in_itself_as_a_menu_shows_it(code: str, name: str, reason: str):
    assert language_name(code) == name, reason


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "xx",
            "new-language: expected a language code known to Unicode CLDR, such as 'so' for Somali, found 'xx'",
        ),
        (
            "swahili",
            "new-language: expected a language code known to Unicode CLDR, such as 'so' for Somali, "
            "found 'swahili' (did you mean 'sw', Swahili?)",
        ),
        (
            "fr",
            "new-language: 'fr' (Français) is already a language of the site, in data/languages.yml; "
            "to translate its pages, see CONTRIBUTING.md",
        ),
    ],
)
def test_new_language_refuses_an_unknown_code_and_an_existing_language(project_copy: Path, code: str, message: str):
    with pytest.raises(ScaffoldError) as refused:
        new_language(project_copy, code)
    assert str(refused.value) == message


def test_new_language_refuses_files_left_from_an_earlier_try(project_copy: Path):
    (project_copy / "docs/sw").mkdir()
    with pytest.raises(ScaffoldError) as refused:
        new_language(project_copy, "sw")
    assert str(refused.value) == "new-language: docs/sw already exists; remove it, or add 'sw' by hand"


def test_seeded_word_list_reads_the_numbers_num2words_knows(tmp_path: Path):
    """Turkish `on` (ten) must stay a word in YAML, not become `true`."""
    (tmp_path / "data/durations").mkdir(parents=True)
    (tmp_path / "data/durations/tr.yml").write_text(durations_text("tr", "Turkish"), encoding="utf-8")
    words = load_word_list(tmp_path, Language("tr", "Türkçe"))
    read = [
        occurrence.key
        for text in ("altı ay", "on yıl", "yirmi dört saat")  # noqa: RUF001 (Turkish spells with a dotless i)
        for occurrence in scan_durations(Page(Path("t.md"), "tr", "t.md", text), words, Registry(PROJECT), Spans([]))
    ]
    assert read == [(6, "month"), (10, "year"), (24, "hour")]


# One build: a new language, and an outdated page -------------------------------------------


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """A copy with Somali added and the Norwegian help page changed, built once: (project, site, scaffold run)."""
    project = copy_project(tmp_path_factory.mktemp("scenario") / "project", (*FEW_LANGUAGES, "fr"))
    added = fristed("new-language", "so", cwd=project)
    help_page = project / "docs/nb/help.md"
    help_page.write_text(
        help_page.read_text(encoding="utf-8").replace("norske myndigheter.", "norske myndigheter, gratis.", 1),
        encoding="utf-8",
    )
    french = project / "docs/fr/help.md"
    french.write_text(french.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, added


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_new_language_writes_config_pages_strings_words_and_theme_strings(scenario):
    project, _, added = scenario
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[:10] == [
        "wrote data/languages.yml",
        *(f"wrote docs/so/{name}" for name in PAGES),
        "wrote data/strings/so.yml",
        "wrote data/durations/so.yml",
        "wrote overrides/partials/languages/so.html",
    ]
    assert (project / "data/languages.yml").read_text(encoding="utf-8").endswith("- code: so\n  name: Soomaali\n")
    assert (
        (project / "docs/so/help.md")
        .read_text(encoding="utf-8")
        .startswith("---\nreviewed: false\ntranslated: false\n---\n\n# Hvilken hjelp kan du få?\n")
    )
    assert "  month: [bilood, bil]" in (project / "data/durations/so.yml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_new_language_passes_check_and_status_reports_it_untranslated(scenario):
    project = scenario[0]
    check = fristed("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "docs/so/" not in check.stdout, "a page not yet translated is not outdated"
    status = fristed("status", cwd=project)
    row = next(line.split() for line in status.stdout.splitlines() if line.startswith("so "))
    assert row == ["so", *["untranslated"] * len(PAGES), "Soomaali"]
    assert "Soomaali (so): 6 page(s) still in Norwegian Bokmål, in docs/so/" in status.stdout


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_new_language_builds_every_page_in_norwegian_and_says_so(scenario, name: str):
    document = page(scenario[1], f"so/{name.replace('.md', '.html')}")
    assert (document.html["lang"], document.html["dir"]) == ("so", "ltr")
    notice = document.select_one(".fristed-notice").get_text(strip=True)
    assert notice == "Denne siden er ikke oversatt ennå. Du leser den på norsk.", "the strings are still Norwegian"
    assert document.select_one("article > div[lang]")["lang"] == "nb", "the text is marked as Norwegian"


@pytest.mark.slow
def test_new_language_is_offered_nowhere_until_a_page_is_translated(scenario):
    offered = [link["lang"] for link in page(scenario[1], "en/index.html").select("a.md-select__link")]
    assert "so" not in offered and "fr" in offered


@pytest.mark.slow
def test_an_outdated_page_tells_the_reader_and_links_to_the_norwegian_page(scenario):
    site = scenario[1]
    english = page(site, "en/help.html").select_one(".fristed-notice")
    assert english.get_text(" ", strip=True) == (
        "This translation has not yet been checked by a human translator. "
        "The Norwegian page has changed since this translation was made. Read the Norwegian page"
    )
    french = page(site, "fr/help.html").select_one(".fristed-notice")
    assert french.get_text(" ", strip=True) == (
        "La page norvégienne a été modifiée depuis que cette traduction a été faite. Lire la page norvégienne"
    ), "a reviewed page says only that it is outdated"
    link = french.select_one("a")
    assert (link["href"], link["hreflang"]) == ("../help.html", "nb")
    arabic = page(site, "ar/help.html").select_one(".fristed-notice a")
    assert arabic.get_text(strip=True) == "اقرأ الصفحة النرويجية"
    assert page(site, "en/index.html").select_one(".fristed-notice a") is None, "an up-to-date page has no link"


@pytest.mark.slow
def test_status_page_shows_the_new_language_and_the_outdated_pages(scenario):
    rows = {
        row.select_one("td span")["lang"]: [cell.get_text(strip=True) for cell in row.select("td")[1:]]
        # The first table: the required terms' table follows it.
        for row in page(scenario[1], "translation-status.html").select_one("article table").select("tbody tr")
    }
    assert rows["so"] == ["untranslated"] * len(PAGES)
    assert rows["fr"][PAGES.index("help.md")] == "outdated"
    assert rows["fr"][PAGES.index("index.md")] == "translated"
