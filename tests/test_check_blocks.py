"""Facts bound to their block, and translations with the structure of their Norwegian page.

Each row edits one page of a copy of the project (nb and five translations in four scripts), as
a pull request would: an attack must be refused with a finding that starts with the edited file
and line; an honest variant must give no finding at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml
from test_check_cases import FACT_DOMAINS, FACT_PHONES

from conftest import PROJECT
from fristed.check import check_project
from fristed.check.blocks import Block, Divergence, aligned_blocks, page_blocks

LANGUAGES = ("nb", "en", "ar", "ru", "th", "fa")
STRUCTURE = "structure: "
DOMAINS = f"domains: expected rosanorge.no, udi.no or a subdomain of one (see {FACT_DOMAINS}),"


class Edit(NamedTuple):
    page: str  # under docs/
    changes: tuple[tuple[str, str], ...]  # (old, new), each replaced once, in order
    expected: str | None  # part of the finding on the edited line; None: no finding at all
    reason: str


def edit(page: str, *changes: tuple[str, str], expected: str | None = None, reason: str) -> Edit:
    return Edit(page, changes, expected, reason)


ROSA_EN = "[22 33 11 60](tel:+4722331160)"
NB = "docs/nb"
WRONG_NUMBER = f'phones: expected a number registered in data/facts.yml (see {FACT_PHONES}), found "22 33 11 61"'
CASES = {
    # Attacks: every one was a single edit that `make check` let through --------------------------
    "refuses-swapped-permit-durations-in-english": edit(
        "en/permits.md",
        ("lasts for six months", "lasts for one year"),
        ("for up to one year", "for up to six months"),
        expected=f'durations.reflection-period: expected 6 months (see {NB}/permits.md:8), found "one year"',
        reason="the reflection period would last a year, the permit six months",
    ),
    "refuses-swapped-permit-durations-in-russian": edit(
        "ru/permits.md",
        ("действует шесть месяцев", "действует один год"),
        ("на срок до одного года", "на срок до шести месяцев"),
        expected=f'durations.reflection-period: expected 6 months (see {NB}/permits.md:8), found "один год"',
        reason="the same swap in Cyrillic",
    ),
    "refuses-swapped-penalties-in-english": edit(
        "en/index.md",
        ("up to 6 years in prison", "up to 10 years in prison"),
        ("can be up to 10 years", "can be up to 6 years"),
        expected=f"durations.penalty: expected 6 years before 10 years in this block, as in the Norwegian block "
        f'(see {NB}/index.md:18), found "10 years" first',
        reason="both penalties are in one paragraph: their order ties each to its crime",
    ),
    "refuses-swapped-penalties-in-thai": edit(
        "th/index.md",
        ("จำคุกไม่เกิน 6 ปี หากเป็น", "จำคุกไม่เกิน 10 ปี หากเป็น"),
        ("ร้ายแรง อาจได้รับโทษจำคุกไม่เกิน 10 ปี", "ร้ายแรง อาจได้รับโทษจำคุกไม่เกิน 6 ปี"),
        expected="durations.penalty: expected 6 years before 10 years in this block",
        reason="the same swap in a script without spaces between words",
    ),
    "refuses-swapped-helplines-in-arabic": edit(
        "ar/contacts.md",
        ("[22 33 11 60](tel:+4722331160)", "[23 10 53 20](tel:+4723105320)"),
        ("[23 10 53 20](tel:+4723105320)", "[22 33 11 60](tel:+4722331160)"),
        expected=f"{STRUCTURE}expected links to tel:+4722331160 in this block, found tel:+4723105320 "
        f"(see {NB}/contacts.md:7)",
        reason="ROSA's label would dial IOM, and IOM's ROSA",
    ),
    "refuses-swapped-emergency-numbers-in-persian": edit(
        "fa/contacts.md",
        ("[112](tel:112)", "[02800](tel:02800)"),
        ("[02800](tel:02800)", "[112](tel:112)"),
        expected=f"{STRUCTURE}expected links to tel:112 in this block, found tel:02800",
        reason='"Are you in danger now?" would dial the line for what is not urgent',
    ),
    "refuses-emergency-number-moved-in-text-in-english": edit(
        "en/contacts.md",
        ("emergency number: [112](tel:112)", "emergency number 02800: [112](tel:112)"),
        expected=f'phones.police: expected only 112 in this block (see {NB}/contacts.md:16), found "02800"',
        reason="a registered number where the Norwegian block has none",
    ),
    "refuses-wrong-number-split-by-emphasis": edit(
        "en/contacts.md",
        ("reintegration support", "reintegration support (**22 33** 11 61)"),
        expected=WRONG_NUMBER,
        reason="the reader sees 22 33 11 61; the Markdown shows two short numbers",
    ),
    "refuses-wrong-number-split-by-a-tag-in-arabic": edit(
        "ar/contacts.md",
        ("بعد عودتك إلى", "بعد عودتك (22 33 <b>11 61</b>) إلى"),
        expected=WRONG_NUMBER,
        reason="a tag inside a number",
    ),
    "refuses-wrong-number-split-by-an-entity-and-a-line-break": edit(
        "ru/contacts.md",
        ("Он работает 24 часа", "Также 22&#32;33\n  11 61. Он работает 24 часа"),
        expected=WRONG_NUMBER,
        reason="an entity and a line break inside a number",
    ),
    "refuses-host-with-an-uncommon-ending": edit(
        "en/contacts.md",
        ("help you apply for a residence permit.", "help you apply for a residence permit at udi-soknad.xyz."),
        expected=f'{DOMAINS} found "udi-soknad.xyz"',
        reason=".xyz is a public suffix, if no country's",
    ),
    "refuses-registered-name-inside-another-host-in-cyrillic-text": edit(
        "ru/contacts.md",
        ("вам подать заявление", "вам подать заявление на udi.no.evil.example"),
        expected='found "udi.no.evil.example"',
        reason="udi.no is not where the host ends",
    ),
    "refuses-dropped-list-item": edit(
        "en/permits.md",
        ("- It cannot be renewed.\n", ""),
        expected=f'{STRUCTURE}expected a list item "Den kan ikke fornyes.", found nothing in its place '
        f"(see {NB}/permits.md:9)",
        reason="the permit's limit is gone",
    ),
    "refuses-dropped-list-item-in-thai": edit(
        "th/permits.md",
        ("- ใบอนุญาตนี้ไม่สามารถต่ออายุได้\n", ""),
        expected=f'{STRUCTURE}expected a list item "Den kan ikke fornyes."',
        reason="the same in Thai",
    ),
    "refuses-dropped-section": edit(
        "ar/permits.md",
        ("## هل لديك أطفال في النرويج؟\n\nيمكن أن يحصل أطفالك على نوع تصريح الإقامة نفسه الذي تحصل عليه أنت.\n\n", ""),
        expected=f'{STRUCTURE}expected a level-2 heading "Har du barn i Norge?"',
        reason="the children's section is gone",
    ),
    "refuses-added-paragraph": edit(
        "en/index.md",
        ("## Do you need help now?", "Send us your passport.\n\n## Do you need help now?"),
        expected=f'{STRUCTURE}expected a level-2 heading "Trenger du hjelp nå?", found a paragraph "Send us',
        reason="a translation adds no block the Norwegian page does not have",
    ),
    # Honest variants -----------------------------------------------------------------------------
    "passes-arabic-indic-digits": edit(
        "ar/contacts.md",
        ("[22 33 11 60](tel:+4722331160)", "[\u0662\u0662 \u0663\u0663 \u0661\u0661 \u0666\u0660](tel:+4722331160)"),
        reason="local digits",
    ),
    "passes-persian-digits": edit(
        "fa/contacts.md", ("[02800](tel:02800)", "[۰۲۸۰۰](tel:02800)"), reason="local digits"
    ),
    "passes-country-code": edit("ru/contacts.md", (ROSA_EN, "[+47 22 33 11 60](tel:+4722331160)"), reason="+47"),
    "passes-no-break-spaces": edit(
        "en/contacts.md", (ROSA_EN, "[22\u00a033\u00a011\u00a060](tel:+4722331160)"), reason="kept on one line"
    ),
    "passes-half-a-year": edit(
        "en/permits.md", ("lasts for six months", "lasts for half a year"), reason="six months in other words"
    ),
    "passes-reordered-sentences-in-a-block": edit(
        "en/contacts.md",
        (
            f"- Phone: {ROSA_EN}. This is the national helpline against human\n  trafficking.",
            f"- This is the national helpline against human\n  trafficking. Phone: {ROSA_EN}.",
        ),
        reason="sentences may move inside a block",
    ),
    "passes-sentence-split-and-rewrapped": edit(
        "en/permits.md",
        (
            "Then you can get a limited\nresidence permit",
            "Then you can get a permit.\nIt is a limited residence permit",
        ),
        reason="a block may hold more sentences, wrapped anywhere",
    ),
    "passes-bdi-around-a-number": edit(
        "ar/contacts.md", (ROSA_EN, "<bdi>[22 33 11 60](tel:+4722331160)</bdi>"), reason="isolates its direction"
    ),
    "passes-number-in-bold": edit("th/index.md", (ROSA_EN, f"**{ROSA_EN}**"), reason="emphasis around a whole number"),
    "passes-localised-link-path": edit(
        "en/contacts.md",
        ("[udi.no](https://www.udi.no/)", "[udi.no](https://www.udi.no/en/)"),
        reason="UDI's English pages: the same host",
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The parts of the project the checker reads, with six of its languages, copied once."""
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(PROJECT / "source", root / "source")
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")  # for the region
    # Only these languages: the checker reads the word list of every language the file lists.
    languages = yaml.safe_load((PROJECT / "data/languages.yml").read_text(encoding="utf-8"))
    kept = [language for language in languages if language["code"] in LANGUAGES]
    (root / "data/languages.yml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    for code in LANGUAGES:
        shutil.copytree(PROJECT / "docs" / code, root / "docs" / code)
    return root


def apply(pristine: Path, target: Path, case: Edit, languages: tuple[str, ...] = ()) -> int:
    """Copy the project with the edited page and its Norwegian page (or every page of `languages`),
    make a row's changes, all at once, to its page; return the line of the first change."""
    for part in ("source", "data"):
        shutil.copytree(pristine / part, target / part)
    shutil.copy2(pristine / "mkdocs.yml", target / "mkdocs.yml")
    for code in languages:
        shutil.copytree(pristine / "docs" / code, target / "docs" / code)
    if not languages:
        code, name = case.page.split("/")
        for folder in ("nb", code):
            (target / "docs" / folder).mkdir(parents=True, exist_ok=True)
            shutil.copy2(pristine / "docs" / folder / name, target / "docs" / folder / name)
    path = target / "docs" / case.page
    text = path.read_text(encoding="utf-8")
    spans = []
    for old, new in case.changes:
        assert old in text, f"the row no longer matches docs/{case.page}: {old!r}"
        spans.append((text.index(old), text.index(old) + len(old), new))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    path.write_text(text, encoding="utf-8")
    return text[: min(start for start, _, _ in spans)].count("\n") + 1


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_checker_binds_facts_and_structure_to_the_norwegian_blocks(case: Edit, pristine: Path, tmp_path: Path):
    """Each row: an attack is refused on the edited file and line; an honest variant gives no finding."""
    line = apply(pristine, tmp_path / "project", case)
    findings = [str(problem) for problem in check_project(tmp_path / "project")]
    if case.expected is None:
        assert findings == [], case.reason
        return
    assert all(finding.startswith(f"docs/{case.page}:") for finding in findings), findings
    assert any(case.expected in finding and finding.startswith(f"docs/{case.page}:{line}:") for finding in findings), (
        f"not refused on line {line}: {case.reason}: {findings}"
    )


def test_a_wrong_norwegian_value_is_reported_on_the_norwegian_page_alone(pristine: Path, tmp_path: Path):
    """The Norwegian page that disagrees with the registry gets the error; translations that state the
    registry's number are not told to copy the mistake."""
    case = edit("nb/contacts.md", ("i ett år etter", "i ett år (**22 33** 11 61) etter"), reason="")
    apply(pristine, tmp_path / "project", case, LANGUAGES)
    assert [str(problem) for problem in check_project(tmp_path / "project")] == [
        f"docs/nb/contacts.md:22:48: error: {WRONG_NUMBER}"
    ]


def test_a_wrong_norwegian_link_is_reported_on_the_norwegian_page_alone(pristine: Path, tmp_path: Path):
    """A wrong number in a Norwegian link: its translations keep the registry's number, and pass."""
    case = edit("nb/contacts.md", ("[22 33 11 60](tel:+4722331160)", "[22 33 11 61](tel:+4722331161)"), reason="")
    apply(pristine, tmp_path / "project", case, LANGUAGES)
    findings = [str(problem) for problem in check_project(tmp_path / "project")]
    assert findings and all(finding.startswith("docs/nb/contacts.md:7:") for finding in findings), findings


def test_a_table_may_carry_the_alignment_its_markdown_writes(pristine: Path, tmp_path: Path):
    """A table in both pages, of the same shape, with the inline style the table extension writes."""
    project = tmp_path / "project"
    apply(pristine, project, edit("en/contacts.md", ("# ", "# "), reason=""))
    for page, row in (
        ("nb", "| Hvem | Når |\n|:--|--:|\n| ROSA | nå |\n"),
        ("en", "| Who | When |\n|:--|--:|\n| ROSA | now |\n"),
    ):
        path = project / "docs" / page / "contacts.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + row, encoding="utf-8")
    assert [str(problem) for problem in check_project(project)] == []
    path = project / "docs" / "en" / "contacts.md"
    path.write_text(path.read_text(encoding="utf-8").replace("| ROSA | now |", "| ROSA | now |\n| IOM | later |"))
    assert [str(problem) for problem in check_project(project)] == [
        f"docs/en/contacts.md:35:1: error: {STRUCTURE}expected the end of the page, found a table cell "
        '(row 3, column 1) "IOM" (see docs/nb/contacts.md:29); a translation keeps every heading, paragraph, '
        "list item and table cell of its source page, in order, and the targets of their links"
    ]


def test_blocks_read_what_the_reader_reads():
    """Markup, tags, entities and line breaks are resolved; each block keeps its first line."""
    markdown = (
        "---\nreviewed: false\n---\n\n# Title\n\nRing **22 33** 11 61 or\n22 33 <b>11&nbsp;61</b>.\n\n"
        "- one\n- two [udi.no](https://www.udi.no/)\n  wrapped\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    assert page_blocks(markdown) == [
        Block("heading-1", "Title", 5),
        Block("paragraph", "Ring 22 33 11 61 or 22 33 11 61.", 7),
        Block("item", "one", 10, (1, 1)),
        Block("item", "two udi.no wrapped", 11, (1, 1), ("https://www.udi.no/",)),
        Block("cell", "a", 14, (1, 1, 1)),
        Block("cell", "b", 14, (1, 1, 2)),
        Block("cell", "c", 16, (1, 2, 1)),
        Block("cell", "d", 16, (1, 2, 2)),
    ]


def test_aligned_blocks_pairs_blocks_or_names_the_first_divergence():
    """Blocks pair one to one; a heading of another level is the first divergence."""
    source = page_blocks("# Tittel\n\n## Del\n\nTekst.\n")
    assert [(a.text, b.text) for a, b in aligned_blocks(source, page_blocks("# Title\n\n## Part\n\nText.\n"))] == [
        ("Tittel", "Title"),
        ("Del", "Part"),
        ("Tekst.", "Text."),
    ]
    with pytest.raises(Divergence) as raised:
        aligned_blocks(source, page_blocks("# Title\n\n### Part\n\nText.\n"))
    assert (raised.value.source.line, raised.value.translation.line, raised.value.message) == (
        3,
        3,
        'expected a level-2 heading "Del", found a level-3 heading "Part"',
    )
