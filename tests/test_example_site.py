"""A second, tiny site (tests/fixtures/example-site/: Sweden's numbers, another helpline, Swedish
and English, two pages) built and checked by the same engine: only its data and pages differ."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT
from fristed.check import check_project
from fristed.project import load_project
from fristed.settings import read_settings

EXAMPLE = PROJECT / "tests" / "fixtures" / "example-site"
DATA = load_project(EXAMPLE)
SETTINGS = read_settings(EXAMPLE)


def checked_copy(target: Path) -> Path:
    """Copy what the checker reads of the example site, so a test can change it."""
    for part in ("data", "docs", "source"):
        shutil.copytree(EXAMPLE / part, target / part)
    shutil.copy2(EXAMPLE / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("example-site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(EXAMPLE / "mkdocs.yml")]
    result = subprocess.run([*command, "-d", str(site_dir)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return site_dir


def page(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_example_site_shows_its_own_helpline_language_and_quick_exit(example_site):
    helpline, emergency = DATA.facts.phone("helpline"), DATA.facts.phone("emergency")
    for language in DATA.languages:
        prefix = f"{language.folder}/" if language.folder else ""
        for name in DATA.pages:
            document = page(example_site, prefix + name.replace(".md", ".html"))
            assert document.html["lang"] == language.code
            assert document.select_one(".fristed-helpline__number")["href"] == helpline.tel
            assert document.select_one("#fristed-exit")["href"] == SETTINGS.quick_exit_url
        for standalone in ("offline.html", "404.html"):
            calls = {link["href"] for link in page(example_site, prefix + standalone).select("a[href^='tel:']")}
            assert calls == {helpline.tel, emergency.tel}


@pytest.mark.slow
def test_example_site_states_nothing_of_the_project(example_site):
    """The engine brought no number of the project's own content into another country's site."""
    # International forms only: a short number such as 112 may be any country's.
    project_numbers = {phone.number for phone in load_project(PROJECT).facts.phones.values()} - {
        phone.number for phone in DATA.facts.phones.values()
    }
    project_numbers = {number for number in project_numbers if number.startswith("+")}
    texts = [path.read_text(encoding="utf-8") for path in example_site.rglob("*.html")]
    assert [number for number in project_numbers for text in texts if number in text] == []


def test_example_site_defines_every_interface_string_the_project_does():
    """Templates and the build read the default language's strings by key: a key the project's
    default language defines and the example site's lacks is one the engine may need."""
    assert set(load_project(PROJECT).strings[load_project(PROJECT).default.code]) <= set(
        DATA.strings[DATA.default.code]
    )


def test_checker_passes_the_example_site():
    assert [str(problem) for problem in check_project(EXAMPLE)] == []


def test_checker_catches_a_wrong_number_in_the_example_site(tmp_path):
    project = checked_copy(tmp_path)
    translation = project / "docs/en/index.md"
    translation.write_text(
        translation.read_text(encoding="utf-8").replace("[070-174 06 05]", "[070-174 06 50]"), encoding="utf-8"
    )
    assert [str(problem) for problem in check_project(project)] == [
        "docs/en/index.md:12:18: error: phones.example-line: expected 070-174 06 05 (see docs/sv/index.md:7), "
        'found "070-174 06 50"'
    ]


def test_example_site_numbers_are_read_as_its_region():
    """A Swedish number in Swedish national form is the registered one only when read as Sweden's."""
    assert [str(problem) for problem in check_project(EXAMPLE, region="NO")] == [
        "docs/en/index.md:12:18: error: phones: expected a number registered in data/facts.yml "
        '(see data/facts.yml:7), found "070-174 06 05"',
        "docs/sv/index.md:7:16: error: phones: expected a number registered in data/facts.yml "
        '(see data/facts.yml:7), found "070-174 06 05"',
    ]
