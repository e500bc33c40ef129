"""The duration word lists, data/durations/<code>.yml: complete enough, and checked at load."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import babel
import pytest

from fristed.check import check_project
from fristed.check.durations import scan_durations
from fristed.check.registry import Registry
from fristed.check.text import Page, Spans
from fristed.check.vocabulary import WordList
from fristed.check.wordlists import load_word_list
from fristed.facts import UNITS
from fristed.languages import load_languages

PROJECT = Path(__file__).resolve().parent.parent
LANGUAGES = {language.code: language for language in load_languages(PROJECT)}
# num2words's name for each language it knows, and a word for "year" to put after its numbers.
NUM2WORDS = {
    "en": ("en", "years"),
    "nb": ("no", "år"),
    "ar": ("ar", "سنة"),
    "es": ("es", "años"),
    "fa": ("fa", "سال"),
    "fr": ("fr", "ans"),
    "pl": ("pl", "lat"),
    "ro": ("ro", "ani"),
    "ru": ("ru", "лет"),
    "th": ("th", "ปี"),
    "uk": ("uk", "років"),
    "vi": ("vi", "năm"),
}
# How each language's permits page says "six months", and the same with seven: a wrong number
# in words must be refused in every language, whatever its grammar or script.
SIX_AND_SEVEN_MONTHS = {
    "ar": ("ستة أشهر", "سبعة أشهر"),
    "bg": ("шест месеца", "седем месеца"),
    "en": ("six months", "seven months"),
    "es": ("seis meses", "siete meses"),
    "fa": ("شش ماه", "هفت ماه"),
    "fr": ("six mois", "sept mois"),
    "pl": ("sześć miesięcy", "siedem miesięcy"),
    "ro": ("șase luni", "șapte luni"),
    "ru": ("шесть месяцев", "семь месяцев"),
    "th": ("หกเดือน", "เจ็ดเดือน"),
    "ti": ("ሽዱሽተ ወርሒ", "ሸውዓተ ወርሒ"),
    "uk": ("шість місяців", "сім місяців"),
    "ur": ("چھ ماہ", "سات ماہ"),
    "vi": ("sáu tháng", "bảy tháng"),
}
# A number of each CLDR plural category, to fill in the unit patterns of Babel.
SAMPLES = {"one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry(PROJECT)


@functools.cache
def word_list(code: str) -> WordList:
    return load_word_list(PROJECT, LANGUAGES[code])


def durations(text: str, code: str, registry: Registry) -> list[tuple[int, str]]:
    """The (amount, unit) pairs a text states in a language."""
    page = Page(Path("test.md"), code, "test.md", text)
    words = word_list(code)
    return [occurrence.key for occurrence in scan_durations(page, words, registry, Spans([]))]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what the checker reads, to change."""
    for part in ("data", "source", "docs"):
        shutil.copytree(PROJECT / part, tmp_path / part)
    shutil.copy2(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_every_language_of_the_site_has_a_word_list():
    """A language without a list would have its durations go unchecked."""
    assert sorted(path.stem for path in (PROJECT / "data/durations").glob("*.yml")) == sorted(LANGUAGES)


@pytest.mark.parametrize("code", sorted(NUM2WORDS))
def test_word_lists_read_every_number_num2words_writes_from_1_to_99(code: str, registry: Registry):
    """Words seeded from num2words stay readable: `twenty-four`, `tjuefire`, `أربعة و عشرون`."""
    num2words = pytest.importorskip("num2words").num2words
    language, year = NUM2WORDS[code]
    unread = [
        text
        for amount in range(1, 100)
        if durations(text := f"{num2words(amount, lang=language)} {year}", code, registry) != [(amount, "year")]
    ]
    assert unread == []


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_word_lists_read_every_unit_pattern_of_cldr(code: str, registry: Registry):
    """Every plural form Babel's CLDR data writes for a duration is read: `{0} أشهر`, `سنتان`, `{0} døgn`."""
    unread = []
    for unit in UNITS:
        patterns = babel.Locale.parse(code)._data["unit_patterns"][f"duration-{unit}"]["long"]
        for category, pattern in patterns.items():
            if category in ("per", "zero") or (category == "one" and "{0}" not in pattern) or "/" in pattern:
                # A rate, zero, a bare singular (`سنة`), which the lists leave out on purpose, or
                # CLDR's `{0}/ኣዋርሕ`, a short form no page writes.
                continue
            amount = SAMPLES[category]
            text = pattern.replace("{0}", str(amount))
            if durations(text, code, registry) != [(amount, unit)]:
                unread.append(text)
    assert unread == []


@pytest.mark.parametrize(
    ("code", "text", "expected", "reason"),
    [
        ("ar", "سنتين", [(2, "year")], "the dual is two years"),
        ("ar", "شهرين", [(2, "month")], "the dual is two months"),
        ("ar", "لسنتين", [(2, "year")], "a preposition joined to the dual"),
        ("ar", "لمدة سنة واحدة", [(1, "year")], "one stands after its noun"),
        ("ar", "ستة أشهر", [(6, "month")], "as docs/ar/permits.md writes it"),
        ("ar", "24 ساعة في اليوم", [(24, "hour")], "اليوم is a rate here, not a duration"),
        ("ar", "18 سنة", [(18, "year")], "the singular after 11 and more"),
        ("ar", "ثمانية عشر عامًا", [(18, "year")], "eighteen in words, with tanween"),
        ("ar", "كل سنة", [], "every year: a bare singular is not counted"),
        ("en", "24 hours a day", [(24, "hour")], "'a day' is a rate"),
        ("en", "once a year", [], "'a' is not a number"),
        ("en", "half a year", [(6, "month")], "a phrase that is a duration"),
        ("nb", "fireogtjue timer", [(24, "hour")], "counting the old way"),
        ("nb", "i et halvt år", [(6, "month")], "half a year"),
        ("nb", "24 timer i døgnet", [(24, "hour")], "'i døgnet' is a rate"),
    ],
)
def test_word_lists_read_grammar_as_written(code, text, expected, reason, registry: Registry):
    """Duals, numbers after their noun, rates and phrases, side by side with what must not count."""
    assert durations(text, code, registry) == expected, reason


def test_word_lists_cover_every_language_of_the_site():
    """The table below must grow with the site: a language added without a row is caught here."""
    assert sorted(SIX_AND_SEVEN_MONTHS) == sorted(code for code in LANGUAGES if code != "nb")


@pytest.mark.parametrize("code", sorted(SIX_AND_SEVEN_MONTHS))
def test_checker_refuses_a_changed_number_in_words_in_every_language(code: str, project: Path):
    six, seven = SIX_AND_SEVEN_MONTHS[code]
    page = project / "docs" / code / "permits.md"
    text = page.read_text(encoding="utf-8")
    assert six in text, f"docs/{code}/permits.md no longer says {six!r}"
    page.write_text(text.replace(six, seven, 1), encoding="utf-8")
    findings = [str(problem) for problem in check_project(project)]
    assert len(findings) == 1 and f'expected 6 months (see docs/nb/permits.md:8), found "{seven}"' in findings[0]


@pytest.mark.parametrize(
    ("code", "text", "expected", "reason"),
    [
        ("fr", "soixante-dix ans", [(70, "year")], "not ten years: the row is read whole"),
        ("fr", "quatre-vingt-dix ans", [(90, "year")], "vingt multiplies the four before it"),
        ("vi", "hai mươi mốt năm", [(21, "year")], "not one year: the row is read whole"),
        ("vi", "năm năm", [(5, "year")], "five years: năm is a number, then a unit"),
        ("vi", "mười năm", [(10, "year")], "ten years, not fifteen"),
        ("ro", "24 de ore", [(24, "hour")], "'de' stands between 20 and more and their unit"),
        ("uk", "пів року", [(6, "month")], "half a year"),
        ("th", "หนึ่งปี", [(1, "year")], "Thai words found without spaces"),
        ("en", "twenty six seven years", [(0, "year")], "a row no one can read is reported, not misread"),
    ],
)
def test_word_lists_read_rows_of_number_words_whole(code, text, expected, reason, registry: Registry):
    """A row of number words is read as one number, or as none, never as its tail."""
    assert durations(text, code, registry) == expected, reason


def test_checker_names_the_missing_word_list(project: Path):
    """A language without a list is reported, not silently passed."""
    languages = project / "data/languages.yml"
    languages.write_text(languages.read_text(encoding="utf-8") + "- code: so\n  name: Soomaali\n", encoding="utf-8")
    assert [str(problem) for problem in check_project(project)] == [
        "data/durations/so.yml:1:1: error: durations: expected a word list for Soomaali (so) at "
        "data/durations/so.yml, found no such file; copy data/durations/en.yml and translate its words",
        # The interface strings are checked too, as the build loads them.
        "data/strings/so.yml:1:1: error: file not found: create it, or check the path",
    ]


def test_checker_reports_a_broken_word_list_once_not_every_duration(project: Path):
    """The schema names the line; the durations of that language are not each reported missing."""
    path = project / "data/durations/ar.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  week: [أسبوع, أسابيع, أسبوعا]\n", "  weak: [أسبوع]\n"), encoding="utf-8")
    line = 1 + text.splitlines().index("units:")
    assert [str(problem) for problem in check_project(project)] == [
        f"data/durations/ar.yml:{line}:1: error: units: missing required field 'week'",
        f"data/durations/ar.yml:{line + 3}:1: error: units: unknown field 'weak' (did you mean 'week'?); "
        "expected one of: day, hour, month, week, year",
    ]


def test_word_list_refuses_a_word_for_two_things(project: Path):
    """A word listed as two units, or as a number and a unit, would make durations ambiguous."""
    path = project / "data/durations/en.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("day: [day, days]", "day: [day, days, hours]"), encoding="utf-8")
    line = 1 + text.splitlines().index("  day: [day, days]")
    assert [str(problem) for problem in check_project(project)] == [
        f"data/durations/en.yml:{line}:1: error: units.day[2]: expected each word once, "
        "found 'hours' also meaning 'hour'"
    ]
