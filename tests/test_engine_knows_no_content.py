"""The engine (fristed/, hooks/, overrides/) names no service and states no number: those are the
content's, in data/ and docs/, so another country's site is only other data and pages."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from conftest import PROJECT

ENGINE = ("fristed", "hooks", "overrides")
# The services this site's content is about: the engine must reach them through data/facts.yml.
SERVICE_NAMES = re.compile(r"\b(rosa|iom|udi)\b", re.IGNORECASE)


def engine_files():
    return sorted(
        path
        for folder in ENGINE
        for path in (PROJECT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".png", ".ico")
    )


def norwegian_numbers(text: str) -> list[str]:
    """Every valid Norwegian phone number phonenumbers finds in a text, as it is written."""
    return [
        match.raw_string
        for match in phonenumbers.PhoneNumberMatcher(text, "NO", leniency=phonenumbers.Leniency.VALID)
        if phonenumbers.region_code_for_number(match.number) == "NO"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("call 22 33 11 60", ["22 33 11 60"]),  # national form: found
        ("tel:+4722331160", ["+4722331160"]),  # international form: found
        ("call +46 8 123 456 78", []),  # a Swedish number is not Norway's
        ("sha256 223311606f3a", []),  # hex digits are not a number a reader dials
    ],
)
def test_the_number_finder_finds_norwegian_numbers_only(text, found):
    assert norwegian_numbers(text) == found


def test_no_engine_file_names_a_service_or_states_a_norwegian_number():
    findings = []
    for path in engine_files():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PROJECT).as_posix()
        findings += [f"{name}: names {match.group()!r}" for match in SERVICE_NAMES.finditer(text)]
        findings += [f"{name}: states {number!r}" for number in norwegian_numbers(text)]
    assert findings == []
