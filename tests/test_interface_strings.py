"""Interface strings are content: checked like page text, and escaped wherever they land.

The strings of data/strings/ and the theme strings of overrides/partials/languages/ show on every
page and come from pull requests like the pages do: an unregistered number, a foreign host or a tag
must be refused by `make check`, and a string that tries to end an attribute must show as text.
"""

# Arabic-Indic and Persian digits are the point of some cases.
# ruff: noqa: RUF001

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, build
from fristed.check.interface import check_interface
from fristed.check.registry import Registry
from fristed.check.wordlists import load_word_list
from fristed.languages import load_languages

BREAK_OUT = 'x" onmouseover="alert(1)'
# Where messages point in data/facts.yml, by kind of fact.
SEE_PHONES, SEE_EMAILS, SEE_DOMAINS, SEE_DURATIONS = (
    Registry(PROJECT).see(kind) for kind in ("phones", "emails", "domains", "durations")
)
PLAIN = "expected plain text, which the site shows as written"
DECLARE = "write the text itself, or declare the tag for this key in data/string-markup.yml"


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    """The data the interface check reads, copied once for the module's cases to change."""
    project = tmp_path_factory.mktemp("interface")
    for part in ("data", "source", "overrides/partials/languages"):
        shutil.copytree(PROJECT / part, project / part)
    shutil.copy(PROJECT / "mkdocs.yml", project)  # the region phone numbers are read in
    return project


def check(project: Path) -> list[str]:
    """Run the interface check on a project; return each finding as printed, path relative."""
    languages = load_languages(project)
    words = {language.code: load_word_list(project, language) for language in languages}
    return [
        str(problem).removeprefix(f"{project}/")
        for problem in check_interface(project, Registry(project), languages, words)
    ]


def with_string(project: Path, code: str, key: str, value: str) -> list[str]:
    """Check the project with one string of one language replaced, then put it back."""
    path = project / "data" / "strings" / f"{code}.yml"
    original = path.read_text(encoding="utf-8")
    changed, count = re.subn(rf"^{key}: .*$", f"{key}: {json.dumps(value, ensure_ascii=False)}", original, flags=re.M)
    assert count == 1, f"{key} not in {path}"
    path.write_text(changed, encoding="utf-8")
    try:
        return check(project)
    finally:
        path.write_text(original, encoding="utf-8")


def line_of(project: Path, code: str, key: str) -> int:
    lines = (project / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:"))


# (language, key, value, the finding after "path:line:1: error: key: ", or None; why)
CASES = [
    ("ar", "helpline_label", "خط المساعدة، ROSA 22 33 11 60", None, "ROSA's registered number"),
    ("en", "helpline_label", "ROSA, +47\u00a022\u00a033\u00a011\u00a060", None, "+47 and no-break spaces"),
    ("fa", "police_emergency", "پلیس، ۱۱۲", None, "112 in Persian digits"),
    ("en", "not_found", "The reflection period lasts six months.", None, "a registered duration, in words"),
    ("uk", "exit_label", BREAK_OUT, None, "quotes are text; the templates escape them"),
    (
        "ar",
        "helpline_label",
        "خط المساعدة ٢٢ ٣٣ ١١ ٦١",
        f'phones: expected a number registered in data/facts.yml (see {SEE_PHONES}), found "٢٢ ٣٣ ١١ ٦١"',
        "one digit changed, in Arabic-Indic digits",
    ),
    (
        "ru",
        "police_emergency",
        "Полиция, 113",
        f'phones: expected a number registered in data/facts.yml (see {SEE_PHONES}), found "113"',
        "an emergency number that is not the registry's",
    ),
    (
        "th",
        "not_found",
        "ดูที่ https://evil.example/help",
        f"domains: expected rosanorge.no, udi.no or a subdomain of one (see {SEE_DOMAINS}), "
        'found "https://evil.example"',
        "a link to another host",
    ),
    (
        "vi",
        "not_found",
        "Xem udi-soknad.xyz",
        f'domains: expected rosanorge.no, udi.no or a subdomain of one (see {SEE_DOMAINS}), found "udi-soknad.xyz"',
        "a host in plain text, with an uncommon ending",
    ),
    (
        "es",
        "not_found",
        "Escriba a ayuda@evil.example",
        f'emails: expected an address registered in data/facts.yml (see {SEE_EMAILS}), found "ayuda@evil.example"',
        "an address the registry lacks",
    ),
    (
        "en",
        "not_found",
        "The permit lasts 7 months.",
        f'durations: expected a duration registered in data/facts.yml (see {SEE_DURATIONS}), found "7 months"',
        "a duration the registry lacks",
    ),
    ("fr", "exit_label", "<b>Quitter</b>", f'markup: {PLAIN}, found "<b>"; {DECLARE}', "a tag, reported once"),
    ("pl", "exit_label", "A &amp; B", f'markup: {PLAIN}, found "&amp;"; {DECLARE}', "an entity shows as written"),
    (
        "ti",
        "exit_label",
        "<img src=x onerror=alert(1)>",
        f'markup: {PLAIN}, found "<img src=x onerror=alert(1)>"; {DECLARE}',
        "one error for the tag, not one per sanitizer rule too",
    ),
]


@pytest.mark.parametrize(("code", "key", "value", "expected", "reason"), CASES, ids=[row[4] for row in CASES])
def test_interface_strings_state_only_registry_facts_and_no_markup(data_copy, code, key, value, expected, reason):
    found = with_string(data_copy, code, key, value)
    line = line_of(data_copy, code, key)
    assert found == ([f"data/strings/{code}.yml:{line}:1: error: {key}: {expected}"] if expected else [])


def test_a_string_keeps_its_placeholders(data_copy):
    found = with_string(data_copy, "vi", "save_offline", "Lưu hướng dẫn")
    line = line_of(data_copy, "vi", "save_offline")
    assert found == [
        f"data/strings/vi.yml:{line}:1: error: save_offline: expected the placeholders ['{{size}}'], found []"
    ]


def test_a_key_declared_to_hold_a_tag_keeps_only_that_tag_bare(data_copy):
    declaration = data_copy / "data" / "string-markup.yml"
    original = declaration.read_text(encoding="utf-8")
    declaration.write_text("exit_label: [strong]\n", encoding="utf-8")
    try:
        assert with_string(data_copy, "bg", "exit_label", "<strong>Изход</strong>") == []
        line = line_of(data_copy, "bg", "exit_label")
        assert with_string(data_copy, "bg", "exit_label", '<strong class="x">Изход</strong> <em>!</em>') == [
            f"data/strings/bg.yml:{line}:1: error: exit_label: markup: expected only the tags <strong>, bare, "
            f'declared for this key, found "<strong class="x">"; {DECLARE}',
            f"data/strings/bg.yml:{line}:1: error: exit_label: markup: expected only the tags <strong>, bare, "
            f'declared for this key, found "<em>"; {DECLARE}',
        ]
        declaration.write_text("exit_lable: [script]\n", encoding="utf-8")
        assert check(data_copy) == [
            "data/string-markup.yml:1:1: error: the file: unknown field 'exit_lable' (did you mean 'exit_label'?)"
        ]
    finally:
        declaration.write_text(original, encoding="utf-8")


def test_theme_strings_are_checked_and_nothing_but_the_dictionary_may_stand_in_their_file(data_copy):
    path = data_copy / "overrides" / "partials" / "languages" / "ti.html"
    original = path.read_text(encoding="utf-8")
    line = next(number for number, text in enumerate(original.splitlines(), 1) if '"top":' in text)
    shape = '{% macro t(key) %}{{ { "key": "text", … }[key] | e }}{% endmacro %}'
    try:
        path.write_text(re.sub(r'"top": "[^"]*"', '"top": "ተመለስ 22 33 11 61"', original), encoding="utf-8")
        assert check(data_copy) == [
            f"overrides/partials/languages/ti.html:{line}:1: error: top: phones: expected a number registered in "
            f'data/facts.yml (see {SEE_PHONES}), found "22 33 11 61"'
        ]
        path.write_text(original.replace("}[key] | e }}", "}[key] }}{{ config.extra }}"), encoding="utf-8")
        assert check(data_copy) == [
            f"overrides/partials/languages/ti.html:{line + 1}:1: error: theme strings: expected {shape}, found Getattr",
            f"overrides/partials/languages/ti.html:{line + 1}:1: error: theme strings: expected {shape}, found Name",
            f"overrides/partials/languages/ti.html:1:1: error: theme strings: expected {shape}, found no `| e`: "
            "the strings would show unescaped",
        ]
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.slow
def test_a_string_that_ends_an_attribute_shows_as_text_on_the_built_page(small_project_copy, tmp_path):
    strings = small_project_copy / "data" / "strings" / "nb.yml"
    text = strings.read_text(encoding="utf-8")
    for key in ("site_name", "exit_label", "discreet_turn_on", "search_placeholder", "save_offline"):
        value = BREAK_OUT + (" {size}" if key == "save_offline" else "")
        text = re.sub(rf"^{key}: .*$", f"{key}: {json.dumps(value)}", text, flags=re.M)
    strings.write_text(text, encoding="utf-8")
    theme = small_project_copy / "overrides" / "partials" / "languages" / "nb.html"
    # A Jinja string literal, with its quotes escaped as in JSON.
    header = f'"header": {json.dumps(BREAK_OUT)}'
    theme.write_text(re.sub(r'"header": "[^"]*"', lambda _: header, theme.read_text()), encoding="utf-8")
    result = build(small_project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select("[onmouseover]") == []
    assert page.title.text.endswith(f" - {BREAK_OUT}")
    assert page.select_one(".md-header__topic").get_text(strip=True) == BREAK_OUT
    assert page.select_one("nav.md-header__inner")["aria-label"] == BREAK_OUT
    assert page.select_one("#fristed-exit").get_text(strip=True) == BREAK_OUT
    assert page.select_one("[data-module=discreet-browsing]")["data-turn-on"] == BREAK_OUT
    assert page.select_one("[data-module=search]")["data-placeholder"] == BREAK_OUT
    assert page.select_one("[data-action=save-offline]").get_text().startswith(f"{BREAK_OUT} ")
    assert page.select_one("[data-action=save-offline] > span[data-pack-size]") is not None
