"""The foot of every page says which copy it is: the version and the date, in the reader's language."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest

from conftest import PROJECT
from fristed.mirror.manifest import parse_date, read_manifest
from fristed.pages import page_url
from fristed.project import load_project
from fristed.version_note import version_note

DATA = load_project(PROJECT)
DAY = datetime.datetime(2025, 11, 28, 22, 24, tzinfo=datetime.UTC)
NOTE = re.compile(r'<p class="?fristed-version"?>([^<]*)</p>')


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("nb", "Denne kopien: versjon 0.1.0 fra 28. november 2025."),
        ("en", "This copy: version 0.1.0 of November 28, 2025."),
        ("fr", "Cette copie : version 0.1.0 du 28 novembre 2025."),
        ("ar", "هذه النسخة: الإصدار 0.1.0 بتاريخ 28 نوفمبر 2025."),
        ("ti", "እዚ ቅዳሕ: ስሪት 0.1.0፣ ዕለት ሕዳር 28, 2025።"),
        # The year's abbreviation (a Cyrillic ghe, spelt as an escape) ends the sentence too.
        ("ru", "Эта копия: версия 0.1.0 от 28 ноября 2025\u202f\u0433."),
        ("bg", "Това копие: версия 0.1.0 от 28 ноември 2025\u202f\u0433."),
    ],
    ids=["source-language", "month-first", "space-before-colon", "right-to-left", "ethiopic", "abbreviated-year", "bg"],
)
def test_the_note_writes_the_date_as_the_language_does(code, expected):
    assert version_note(DATA.strings[code]["site_version"], "0.1.0", DAY, code) == expected


def test_every_page_of_every_language_states_the_version_and_date_of_its_build(site):
    manifest = read_manifest(site / "site-manifest.json")
    date = parse_date(manifest["date"])
    for language in DATA.languages:
        expected = version_note(DATA.strings[language.code]["site_version"], manifest["version"], date, language.code)
        for page in ("index.md", "help.md"):
            html = (site / page_url(language, page)).read_text(encoding="utf-8")
            assert [unescape(note) for note in NOTE.findall(html)] == [expected], (language.code, page)
