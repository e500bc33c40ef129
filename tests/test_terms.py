"""Required terms: a translated block uses the approved wording of each legal term its Norwegian block uses.

The cases edit one sentence of a real page, as a translator's pull request would, in several
languages and scripts (Latin, Cyrillic, Arabic, Persian, Thai, Ethiopic), and check the page
against its Norwegian page block by block.
"""

# Cyrillic, Arabic and Ethiopic wordings are the point of the cases.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT
from fristed.check import check_project
from fristed.check.blocks import aligned_blocks, page_blocks
from fristed.check.terms import check_terms
from fristed.data import DataError
from fristed.languages import load_languages
from fristed.terms import load_terms
from fristed.translations.terms_table import fill_terms, terms_markdown

LANGUAGES = load_languages(PROJECT)
TERMS = load_terms(PROJECT, LANGUAGES)
FIX = "use the approved wording, or propose a better one in data/terms.yml"


def check_edit(code: str, page: str, old: str, new: str) -> tuple[list[str], int, int]:
    """Check a translation with one phrase replaced; return the findings as printed, and the lines
    of the edited block and of its Norwegian block."""
    path = Path("docs") / code / page
    text = (PROJECT / path).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    source = page_blocks((PROJECT / "docs" / "nb" / page).read_text(encoding="utf-8"))
    pairs = aligned_blocks(source, page_blocks(text.replace(old, new, 1)))
    before = page_blocks(text)
    edited = [(a.line, b.line) for (a, b), unedited in zip(pairs, before, strict=True) if b.text != unedited.text]
    found = check_terms(pairs, TERMS, ("nb", Path("docs/nb") / page), code, path)
    source_line, line = edited[0] if edited else (0, 0)
    return [str(problem) for problem in found], line, source_line


# (language, page, the approved phrase, what the pull request writes instead, the finding after
# "expected …"; why)
FLIPS = [
    ("en", "permits.md", "It cannot be renewed.", "It can be renewed.", "cannot-be-renewed", "Latin"),
    ("ru", "permits.md", "Его нельзя продлить.", "Его можно продлить.", "cannot-be-renewed", "Cyrillic"),
    ("ar", "permits.md", "لا يمكن تجديدها.", "يمكن تجديدها.", "cannot-be-renewed", "Arabic"),
    ("th", "permits.md", "ใบอนุญาตนี้ไม่สามารถต่ออายุได้", "ใบอนุญาตนี้สามารถต่ออายุได้", "cannot-be-renewed", "Thai, no spaces"),
    ("en", "permits.md", "can be renewed if", "cannot be renewed if", "can-be-renewed", "the other way round"),
    ("ru", "permits.md", "можно продлить, если", "нельзя продлить, если", "can-be-renewed", "Cyrillic, other way"),
]


@pytest.mark.parametrize(("code", "page", "old", "new", "term", "reason"), FLIPS, ids=[row[5] for row in FLIPS])
def test_a_flipped_renewal_is_caught_without_reading_the_language(code, page, old, new, term, reason):
    found, line, source_line = check_edit(code, page, old, new)
    wanted = next(t for t in TERMS if t.id == term)
    opposite = next(t for t in TERMS if t.id == wanted.opposite)
    approved = " or ".join(f'"{wording}"' for wording in wanted.wording[code])
    flipped = max((wording for wording in opposite.wording[code] if wording in new.lower()), key=len)
    assert found == [
        f"docs/{code}/{page}:{line}:1: error: terms.{term}: expected {approved} ({wanted.name}), as the Norwegian "
        f'block uses "{wanted.wording["nb"][0]}" (see docs/nb/{page}:{source_line}), found "{flipped}", its '
        f"opposite; {FIX}"
    ]


UP_TO = [
    ("en", "permits.md", "for up to one year", "for at least one year", "Latin"),
    ("uk", "permits.md", "на строк до одного року", "на строк щонайменше один рік", "Cyrillic"),
    ("es", "permits.md", "de hasta un año", "de al menos un año", "Spanish"),
    ("fa", "permits.md", "حداکثر تا یک سال", "حداقل یک سال", "Persian"),
    ("ti", "permits.md", "ክሳብ ሓደ ዓመት", "እንተወሓደ ሓደ ዓመት", "Ethiopic"),
    ("vi", "permits.md", "tối đa một năm", "ít nhất một năm", "Vietnamese"),
]


@pytest.mark.parametrize(("code", "page", "old", "new", "reason"), UP_TO, ids=[row[4] for row in UP_TO])
def test_up_to_that_became_at_least_is_caught(code, page, old, new, reason):
    found, line, source_line = check_edit(code, page, old, new)
    up_to = next(t for t in TERMS if t.id == "up-to")
    assert found == [
        f'docs/{code}/{page}:{line}:1: error: terms.up-to: expected "{up_to.wording[code][0]}" '
        f'(up to (a longest time)), as the Norwegian block uses "inntil" (see docs/nb/{page}:{source_line}), '
        f"found none of them; {FIX}"
    ]


def test_one_up_to_of_two_in_a_block_is_caught():
    found, line, source_line = check_edit("en", "index.md", "can be up to 10 years", "can be at least 10 years")
    assert found == [
        f'docs/en/index.md:{line}:1: error: terms.up-to: expected "up to" (up to (a longest time)), as the '
        f'Norwegian block uses "inntil" 2 times (see docs/nb/index.md:{source_line}), found it 1 of 2 times; {FIX}'
    ]


# Honest changes a translator makes inside a block: none may be refused.
HONEST = [
    ("en", "permits.md", "It cannot be renewed.", "It **cannot** be\nrenewed.", "emphasis and a line break"),
    ("en", "permits.md", "It cannot be renewed.", "CANNOT BE RENEWED, this permit.", "case and word order"),
    ("ar", "permits.md", "لا يمكن تجديدها.", "ولا يمكن تجديدها أبدًا.", "a word added around the term"),
    ("ru", "permits.md", "на срок до одного года", "на срок до\u00a0одного года", "a no-break space"),
]


@pytest.mark.parametrize(("code", "page", "old", "new", "reason"), HONEST, ids=[row[4] for row in HONEST])
def test_honest_rewordings_around_a_term_pass(code, page, old, new, reason):
    found, _, _ = check_edit(code, page, old, new)
    assert found == []


def test_make_check_reports_a_flipped_term_at_its_line(small_project_copy):
    page = small_project_copy / "docs" / "ar" / "helpers.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("لا يمكن تجديدها", "يمكن تجديدها"), encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "لا يمكن تجديدها" in row)
    found = [str(problem) for problem in check_project(small_project_copy) if "terms." in problem.message]
    assert [finding.split(": expected")[0] for finding in found] == [
        f"docs/ar/helpers.md:{line}:1: error: terms.cannot-be-renewed"
    ]


def test_terms_file_needs_the_norwegian_wording_and_real_opposites(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "terms.yml").write_text(
        "up-to:\n  name: up to\n  opposite: at-most\n  wording:\n    en: [up to]\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load_terms(tmp_path, LANGUAGES)
    assert [str(problem).removeprefix(f"{tmp_path}/") for problem in error.value.problems] == [
        "data/terms.yml:3:1: error: up-to.opposite: expected the id of a term, found 'at-most'",
        "data/terms.yml:4:1: error: up-to.wording: expected the Norsk wording (nb), which finds the term on the "
        "pages, found none",
    ]


def test_a_translated_page_of_a_language_without_a_wording_is_told_to_add_one():
    up_to = next(term for term in TERMS if term.id == "up-to")
    without = [
        type(term)(term.id, term.name, term.opposite, {k: v for k, v in term.wording.items() if k != "vi"}, term.line)
        if term is up_to
        else term
        for term in TERMS
    ]
    source = page_blocks((PROJECT / "docs/nb/permits.md").read_text(encoding="utf-8"))
    pairs = aligned_blocks(source, page_blocks((PROJECT / "docs/vi/permits.md").read_text(encoding="utf-8")))
    found = [
        str(p)
        for p in check_terms(pairs, without, ("nb", Path("docs/nb/permits.md")), "vi", Path("docs/vi/permits.md"))
    ]
    mine, theirs = next((a, b) for a, b in pairs if "inntil" in a.text)
    assert found == [
        f"docs/vi/permits.md:{theirs.line}:1: error: terms.up-to: expected an approved wording of this language for "
        f'"up to (a longest time)" in data/terms.yml (see data/terms.yml:{up_to.line}), as the Norwegian block uses '
        f'"inntil" (see docs/nb/permits.md:{mine.line}), found none; add the wording this page uses under vi'
    ]


def test_the_status_page_and_contributing_show_each_languages_terms():
    status = fill_terms((PROJECT / "docs/en/translation-status.md").read_text(encoding="utf-8"), TERMS, LANGUAGES)
    table = terms_markdown(TERMS, LANGUAGES, "Language")
    assert "::: required-terms" not in status and table in status
    assert table.splitlines()[0].startswith("| Language | refleksjonsperiode | begrenset oppholdstillatelse |")
    assert "| العربية (ar) | فترة التفكير | تصريح إقامة محدود |" in table
    assert len(table.splitlines()) == 2 + len(LANGUAGES) - 1, "a header, a rule and a row per translation"
    contributing = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert table in contributing, (
        f"CONTRIBUTING.md's table of terms differs from data/terms.yml; it should read:\n{table}"
    )


def test_a_wording_cannot_break_out_of_its_table_cell():
    term = TERMS[0]
    odd = type(term)(term.id, term.name, None, {**term.wording, "en": ("a | <b>b</b>",)})
    assert "| a &#124; &lt;b&gt;b&lt;/b&gt; |" in terms_markdown([odd], LANGUAGES, "Language")
