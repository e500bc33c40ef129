"""The data files people edit: every mistake is reported with file, line, what was expected and found."""

from __future__ import annotations

import re

import pytest
import yaml
from mkdocs.utils.meta import get_data

from conftest import PROJECT
from fristed.data import DataError
from fristed.facts import load_facts
from fristed.languages import load_languages
from fristed.pages import read_front_matter, source_hash
from fristed.project import load_project
from fristed.strings import load_strings


def problems(error: DataError) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_project_data_loads_cleanly(project_copy):
    project = load_project(project_copy)
    assert [language for language in project.languages if language.default] == [project.default]
    for role in ("helpline", "emergency"):
        phone = project.facts.phone(role)
        assert phone.tel == f"tel:{phone.number}"
        assert re.fullmatch(r"[0-9 -]+", phone.display), "a number as dialled at home: digits and spaces"


def line_of(path, text: str) -> int:
    """The line of a file where a text starts (after any line breaks it starts with)."""
    content = path.read_text(encoding="utf-8")
    start = content.index(text) + len(text) - len(text.lstrip("\n"))
    return content[:start].count("\n") + 1


# The position of a language in data/languages.yml, as messages name it (`[9].code`).
POSITION = {language.code: index for index, language in enumerate(load_languages(PROJECT))}
DEFAULT = next(index for index, language in enumerate(load_languages(PROJECT)) if language.default)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "code: ar",
            "code: en",
            f"data/languages.yml:{{line}}:1: error: [{POSITION['ar']}].code: expected a code not listed before, "
            "found 'en' again",
            id="a language listed twice",
        ),
        pytest.param(
            "code: ar",
            "code: Ar",
            f"data/languages.yml:{{line}}:1: error: [{POSITION['ar']}].code: expected a lower-case ISO 639 language "
            "code such as 'en', found 'Ar'",
            id="a code in capitals",
        ),
        pytest.param(
            "  default: true",
            "  default: yes please",
            f"data/languages.yml:{{line}}:1: error: [{DEFAULT}].default: expected a boolean, found 'yes please'",
            id="default that is not true or false",
        ),
        pytest.param(
            "  default: true",
            "",
            "data/languages.yml:{line}:1: error: the file: expected exactly one language with 'default: true', "
            "found 0: []",
            id="no default language",
        ),
    ],
)
def test_languages_file_mistakes_are_named(project_copy, monkeypatch, old, new, expected):
    monkeypatch.chdir(project_copy)
    # The line of the edit; for a removed line, of the file's first entry.
    line = line_of(project_copy / "data/languages.yml", old if new else "\n- code:")
    edit(project_copy / "data/languages.yml", old, new)
    with pytest.raises(DataError) as error:
        load_languages(project_copy)
    assert expected.format(line=line) in problems(error)


def test_direction_comes_from_the_locale_data(project_copy):
    languages = "".join(f"- code: {code}\n  name: {code}\n" for code in ("en", "ar", "he", "ur", "ti"))
    (project_copy / "data/languages.yml").write_text(languages.replace("name: en", "name: en\n  default: true"))
    directions = {language.code: language.direction for language in load_languages(project_copy)}
    assert directions == {"en": "ltr", "ar": "rtl", "he": "rtl", "ur": "rtl", "ti": "ltr"}, (
        "Arabic, Hebrew and Urdu script run right to left; Tigrinya's Ethiopic script left to right"
    )


def test_a_string_a_translation_lacks_falls_back_to_norwegian(project_copy):
    edit(project_copy / "data/strings/en.yml", 'not_found: "We could not find this page."\n', "")
    edit(project_copy / "data/strings/ar.yml", "not_found:", "# not_found:")
    strings = load_strings(project_copy, load_languages(project_copy))
    own = yaml.safe_load((project_copy / "data/strings/en.yml").read_text(encoding="utf-8"))
    assert strings["en"]["not_found"] == strings["ar"]["not_found"] == strings["nb"]["not_found"]
    assert strings["en"]["site_name"] == own["site_name"], "what a translation has is its own"


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            "data/strings/en.yml",
            "not_found:",
            "not_fuond:",
            "data/strings/en.yml:{line}:1: error: the file: unknown field 'not_fuond' (did you mean 'not_found'?)",
            id="a misspelt key",
        ),
        pytest.param(
            "data/strings/en.yml",
            "(about {size})",
            "(about {sise})",
            "data/strings/en.yml:{line}:1: error: save_offline: expected the placeholders ['{{size}}'], "
            "found ['{{sise}}']",
            id="a placeholder misspelt",
        ),
        pytest.param(
            "data/strings/ar.yml",
            'site_name: "',
            'site_name: 12\nx: "',
            "data/strings/ar.yml:{line}:1: error: site_name: expected a line of text, found 12",
            id="a number where text belongs",
        ),
    ],
)
def test_strings_file_mistakes_are_named(project_copy, monkeypatch, path, old, new, expected):
    monkeypatch.chdir(project_copy)
    line = line_of(project_copy / path, old)
    edit(project_copy / path, old, new)
    with pytest.raises(DataError) as error:
        load_strings(project_copy, load_languages(project_copy))
    assert expected.format(line=line) in problems(error)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            'number: "+4722331160"',
            'number: "+4722331161"',
            "data/facts.yml:{line}:1: error: phones.rosa.number: expected the value its quote states, "
            "'Telefon 22 33 11 60', found '+4722331161'",
            id="a number changed without its source: the quote no longer proves it",
        ),
        pytest.param(
            'number: "+4723105320"',
            'number: "+472310532"',
            "data/facts.yml:{line}:1: error: phones.iom-oslo.number: expected a valid phone number, found '+472310532'",
            id="a number too short for Norway",
        ),
        pytest.param(
            'number: "+4722331160"',
            "number: 4722331160",
            "data/facts.yml:{line}:1: error: phones.rosa.number: expected an E.164 number such as '+4612345678' or a "
            "short number such as '112', in quotes, found 4722331160",
            id="a number without quotes",
        ),
        pytest.param(
            "address: iomoslovm@iom.int",
            "address: iomoslovm@\u0456om.int",
            "data/facts.yml:{line}:1: error: emails.iom-oslo.address: expected a lower-case ASCII e-mail address, "
            "found 'iomoslovm@\u0456om.int'",
            id="a Cyrillic letter in an address",
        ),
        pytest.param(
            "    unit: month\n",
            "    unit: moon\n",
            "data/facts.yml:{line}:1: error: durations.reflection-period.unit: expected one of 'hour', 'day', 'week', "
            "'month', 'year', found 'moon'",
            id="an unknown unit",
        ),
        pytest.param(
            '    source: facts\n    quote: "| Police, emergency',
            '    source: fact\n    quote: "| Police, emergency',
            "data/facts.yml:{line}:1: error: phones.police-emergency.source: expected one of source, facts, "
            "found 'fact' (did you mean 'facts'?)",
            id="a source that is not listed",
        ),
        pytest.param(
            "    role: emergency\n",
            "    role: police\n",
            "data/facts.yml:{line}:1: error: phones.police-emergency.role: expected one of 'helpline', 'emergency', "
            "found 'police'",
            id="a role the site does not know",
        ),
        pytest.param(
            "    role: helpline\n",
            "",
            "data/facts.yml:{line}:1: error: phones: expected one phone with 'role: helpline' (the number every page "
            "shows), found none; give that role to exactly one phone",
            id="no phone is the helpline",
        ),
        pytest.param(
            '    source: source\n    quote: "Telefon 22',
            '    sorce: source\n    quote: "Telefon 22',
            "data/facts.yml:{line}:1: error: phones.rosa: unknown field 'sorce' (did you mean 'source'?); "
            "expected one of: name, number, quote, role, source, unit",
            id="a misspelt field",
        ),
    ],
)
def test_facts_registry_mistakes_are_named(project_copy, monkeypatch, old, new, expected):
    monkeypatch.chdir(project_copy)
    edit(project_copy / "data/facts.yml", old, new)
    with pytest.raises(DataError) as error:
        load_facts(project_copy)
    # The line the problem is reported at: where the edit is, or the start of `phones` for a
    # phone missing altogether.
    text = (project_copy / "data/facts.yml").read_text(encoding="utf-8")
    place = new or "\nphones:"
    line = text[: text.index(place) + len(place) - len(place.lstrip("\n"))].count("\n") + 1
    assert expected.format(line=line) in problems(error)


def test_broken_yaml_is_reported_at_its_line(project_copy, monkeypatch):
    monkeypatch.chdir(project_copy)
    edit(project_copy / "data/facts.yml", "  rosa:\n    number:", "  rosa:\n   number: [\n    number:")
    with pytest.raises(DataError) as error:
        load_facts(project_copy)
    text = (project_copy / "data/facts.yml").read_text(encoding="utf-8")
    # Where the parser notices: the second line after the unclosed bracket.
    line = text[: text.index("   number: [")].count("\n") + 3
    assert problems(error)[0].startswith(f"data/facts.yml:{line}:1: error: not valid YAML:")


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        pytest.param(
            "reviewed: yes please",
            "2:1: error: front matter: reviewed: expected true or false, found 'yes please'",
            id="not a boolean",
        ),
        pytest.param(
            "reviewed: false\nchecks: off",
            "3:1: error: front matter: unknown field 'checks'; "
            "expected one of: description, reviewed, source, translated, translators_only",
            id="an unknown field",
        ),
        pytest.param("reviewed: [", "3:1: error: front matter: not valid YAML:", id="broken YAML"),
        pytest.param(
            "reviewed: false\nsource: 3f2a9c",
            "3:1: error: front matter: source: expected the 12 hexadecimal digits `make stamp` writes, "
            "found '3f2a9c'; run `make stamp PAGE=page.md`",
            id="a source hash cut short",
        ),
        pytest.param(
            "source: 223311601234",
            "2:1: error: front matter: source: expected the 12 hexadecimal digits `make stamp` writes, "
            "found 223311601234",
            id="a hash of digits only, unquoted, reads as a number",
        ),
        pytest.param(
            "translated: false\nsource: 3f2a9c1b7d4e",
            "3:1: error: front matter: source: expected no source on a page marked 'translated: false', found "
            "both; once the page is translated, run `make stamp PAGE=page.md`, which removes 'translated: false'",
            id="untranslated and stamped",
        ),
    ],
)
def test_front_matter_mistakes_are_named(tmp_path, monkeypatch, front_matter, expected):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text(f"---\n{front_matter}\n---\n\n# Page\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_front_matter(page)
    assert problems(error)[0].startswith(f"page.md:{expected}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nreviewed: true\n---\n\n# Page\n", {"reviewed": True}),  # between `---` lines
        ("---\nreviewed: true\n...\n\n# Page\n", {"reviewed": True}),  # closed by `...`, as YAML allows
        ("# Page with none\n", {}),  # no front matter
        ("# Page\n\nreviewed: true\n", {}),  # `field: value` below the heading is text
    ],
)
def test_front_matter_is_read_as_mkdocs_reads_it(tmp_path, text, expected):
    """The build (MkDocs' get_data) and the checker agree on a page's metadata and on its text."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    body, built = get_data(text)
    assert read_front_matter(page) == built == expected
    assert source_hash(text) == source_hash(body)


def test_front_matter_without_dashes_is_read_as_mkdocs_reads_it_as_text(tmp_path, monkeypatch):
    """MkDocs reads `field: value` lines at the top of a page as metadata, their values as text."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("reviewed: true\n\n# Page\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_front_matter(page)
    assert problems(error) == ["page.md:1:1: error: front matter: reviewed: expected true or false, found 'true'"]
