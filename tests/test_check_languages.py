"""The checker on the languages test_check_cases.py leaves out: Ukrainian, Polish, Thai and Tigrinya.

test_check_cases.py covers Arabic (and English) in depth, and test_check_wordlists.py a changed
number word ("six months" to "seven months") in every language. Here, in each of the four: a
changed unit word ("six months" to "six weeks"), a changed number in digits in a duration ("6
years" to "7 years"), and a phone number with two digits swapped. Each is refused on the changed
page alone, with the whole message a translator reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from fristed.check import check_project

PROJECT = Path(__file__).resolve().parent.parent
# Where the messages send the translator, on the Norwegian pages.
NB_SIX_MONTHS = "docs/nb/permits.md:8"
NB_SIX_YEARS = "docs/nb/index.md:18"
NB_ROSA = "docs/nb/index.md:40"


class Case(NamedTuple):
    page: str  # under docs/
    old: str
    new: str
    expected: str  # the whole finding


CASES = {
    "uk-unit-word": Case(
        "uk/permits.md",
        "шість місяців",
        "шість тижнів",
        "docs/uk/permits.md:14:59: error: durations.reflection-period: expected 6 months "
        f'(see {NB_SIX_MONTHS}), found "шість тижнів"',
    ),
    "uk-digits-in-duration": Case(
        "uk/index.md",
        "до 6 років",
        "до 7 років",
        f'docs/uk/index.md:23:57: error: durations.penalty: expected 6 years (see {NB_SIX_YEARS}), found "7 років"',
    ),
    "uk-phone-number": Case(
        "uk/index.md",
        "[22 33 11 60](tel:+4722331160). ROSA",
        "[22 33 11 06](tel:+4722331160). ROSA",
        f'docs/uk/index.md:46:37: error: phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"',
    ),
    "pl-unit-word": Case(
        "pl/permits.md",
        "sześć miesięcy",
        "sześć tygodni",
        "docs/pl/permits.md:14:55: error: durations.reflection-period: expected 6 months "
        f'(see {NB_SIX_MONTHS}), found "sześć tygodni"',
    ),
    "pl-digits-in-duration": Case(
        "pl/index.md",
        "do 6 lat",
        "do 7 lat",
        f'docs/pl/index.md:23:52: error: durations.penalty: expected 6 years (see {NB_SIX_YEARS}), found "7 lat"',
    ),
    "pl-phone-number": Case(
        "pl/index.md",
        "[22 33 11 60](tel:+4722331160). ROSA",
        "[22 33 11 06](tel:+4722331160). ROSA",
        f'docs/pl/index.md:45:30: error: phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"',
    ),
    "th-unit-word": Case(
        "th/permits.md",
        "หกเดือน",
        "หกสัปดาห์",
        "docs/th/permits.md:12:49: error: durations.reflection-period: expected 6 months "
        f'(see {NB_SIX_MONTHS}), found "หกสัปดาห์"',
    ),
    "th-digits-in-duration": Case(
        "th/index.md",
        "ไม่เกิน 6 ปี",
        "ไม่เกิน 7 ปี",
        f'docs/th/index.md:20:65: error: durations.penalty: expected 6 years (see {NB_SIX_YEARS}), found "7 ปี"',
    ),
    "th-phone-number": Case(
        "th/index.md",
        "[22 33 11 60](tel:+4722331160) ROSA",
        "[22 33 11 06](tel:+4722331160) ROSA",
        f'docs/th/index.md:39:26: error: phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"',
    ),
    "ti-unit-word": Case(
        "ti/permits.md",
        "ሽዱሽተ ወርሒ",
        "ሽዱሽተ ሰሙን",
        "docs/ti/permits.md:12:15: error: durations.reflection-period: expected 6 months "
        f'(see {NB_SIX_MONTHS}), found "ሽዱሽተ ሰሙን"',
    ),
    "ti-digits-in-duration": Case(
        "ti/index.md",
        "ክሳብ 6 ዓመት",
        "ክሳብ 7 ዓመት",
        f'docs/ti/index.md:20:28: error: durations.penalty: expected 6 years (see {NB_SIX_YEARS}), found "7 ዓመት"',
    ),
    "ti-phone-number": Case(
        "ti/index.md",
        "[22 33 11 60](tel:+4722331160) ደውሉ",
        "[22 33 11 06](tel:+4722331160) ደውሉ",
        f'docs/ti/index.md:39:17: error: phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"',
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """What the checker reads, copied once; each case copies it again to change one page."""
    target = tmp_path_factory.mktemp("pristine")
    for part in ("data", "source", "docs"):
        shutil.copytree(PROJECT / part, target / part)
    shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_the_cases_cover_a_unit_word_digits_and_a_phone_number_in_each_language():
    assert sorted({name.split("-", 1)[0] for name in CASES}) == ["pl", "th", "ti", "uk"]
    assert all(len([name for name in CASES if name.startswith(code)]) == 3 for code in ("pl", "th", "ti", "uk"))


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_checker_refuses_a_changed_fact_in_each_language(case: Case, pristine: Path, tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    path = project / "docs" / case.page
    text = path.read_text(encoding="utf-8")
    assert case.old in text, f"the case no longer matches docs/{case.page}: {case.old!r}"
    path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    assert [str(problem) for problem in check_project(project)] == [case.expected]
