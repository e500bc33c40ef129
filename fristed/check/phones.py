"""Phone numbers: every run of digits a reader could dial, in any script, against the registry.

phonenumbers reads a valid number the way a phone does (`0046 8 123 456 78` is +46812345678), but
skips invalid ones (`12 34 56 7`) and accepts mixed digit scripts. So every run of digits is read
as well: digit groups in any script (`unicodedata.digit`), joined by separators. A run is

kind        | when                                                     | example
phone-like  | it starts with + or 00                                   | +47 12 34 56 7
phone-like  | it has 5 digits or more, separators aside                | 12 34 56 7, 1234 5678
phone-like  | it is an emergency number, one slip away from 112        | 110, 113
ordinary    | otherwise: counts, ages, hours, list numbers, years, §   | 6, 18, 24, 2026, § 257
ordinary    | 5 digits or more, but a date or a range of years or times | 15.01.2026, 2025-2026, 08.00-16.00

A phone-like run that is not a registered number is an error. An amount such as `10 000 kr` is
phone-like by these rules, so amounts must be written in the registry before a page states them.

separators between digit groups: spaces of any width (no-break and narrow no-break too), one line
break, a dash or slash with a space either side or none, a dot, parentheses.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumberMatcher, shortnumberinfo

from fristed.check.registry import Occurrence, Registry
from fristed.check.text import DIGIT, Page, Spans
from fristed.data import Problem

_SPACE = r"[^\S\r\n]"
_DASHES = "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d/\uff0f"
_DOTS = ".\u00b7\u2024\u066b\u066c\uff0e"
_SEPARATOR = (
    rf"(?:{_SPACE}+|{_SPACE}*\r?\n{_SPACE}*|{_SPACE}?[{_DASHES}]{_SPACE}?|[{_DOTS}]"
    rf"|{_SPACE}?[()\uff08\uff09]{_SPACE}?)"
)
RUN = re.compile(rf"(?:\(?{_SPACE}?[+\uff0b]{_SPACE}?)?{DIGIT}+(?:{_SEPARATOR}{DIGIT}+)*")
_ORDINARY = [
    re.compile(pattern)
    for pattern in (
        r"(0?[1-9]|[12]\d|3[01])([./])(0?[1-9]|1[0-2])\2(19|20)\d\d",  # 15.01.2026
        r"(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",  # 2026-01-15
        r"(19|20)\d\d ?- ?(19|20)\d\d",  # 2025-2026 (any dash)
        r"([01]?\d|2[0-3])[.:][0-5]\d ?- ?([01]?\d|2[0-4])[.:][0-5]\d",  # 08.00-16.00 (any dash)
    )
]


@dataclass(frozen=True)
class Run:
    """A run of digits and separators, as found in a page's view."""

    start: int
    end: int
    text: str

    @property
    def digits(self) -> str:
        """The digits, in ASCII."""
        return "".join(str(unicodedata.digit(char)) for char in self.text if unicodedata.digit(char, None) is not None)

    @property
    def plus(self) -> bool:
        """Whether the run starts with a country code's plus."""
        return "+" in self.text or "\uff0b" in self.text

    @property
    def scripts(self) -> list[str]:
        """The digit scripts of the run, by name: `ASCII`, `ARABIC-INDIC`; `SUPERSCRIPT` and the like
        for digits that are not decimal."""
        names = []
        for char in self.text:
            if unicodedata.digit(char, None) is None:
                continue
            value = unicodedata.decimal(char, None)
            if value is None:
                name = unicodedata.name(char).split()[0]
            else:
                name = unicodedata.name(chr(ord(char) - value)).removesuffix("DIGIT ZERO").strip() or "ASCII"
            if name not in names:
                names.append(name)
        return names

    @property
    def decimal(self) -> bool:
        """Whether every digit is a decimal digit, which rules out superscripts and circled digits."""
        return all(
            unicodedata.decimal(char, None) is not None
            for char in self.text
            if unicodedata.digit(char, None) is not None
        )

    def plain(self) -> str:
        """The run in ASCII: digits, `-` for any dash, `.` and `/` kept, one space for any space."""
        out = []
        for char in self.text:
            digit = unicodedata.digit(char, None)
            if digit is not None:
                out.append(str(digit))
            elif char.isspace():
                out.append(" ")
            else:
                out.append("-" if unicodedata.category(char) == "Pd" or char == "\u2212" else char)
        return re.sub(" +", " ", "".join(out))


def number_of(digits: str, plus: bool, registry: Registry) -> str:
    """Read digits as a phone does: E.164 (`+4712345678`) or, for a registered short number, itself."""
    if plus:
        return "+" + digits
    if digits.startswith("00") and len(digits) > 4:
        return "+" + digits[2:]
    if digits in registry.phone_by_number:
        return digits
    try:
        parsed = phonenumbers.parse(digits, registry.region)
    except NumberParseException:
        return digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phone_like(run: Run, digits: str, region: str) -> bool:
    """Whether a run that is not a registered number could be taken for one (see the table above)."""
    if run.plus or (digits.startswith("00") and len(digits) > 4):
        return True
    if len(digits) >= 5:
        plain = run.plain()
        return not any(pattern.fullmatch(plain) for pattern in _ORDINARY)
    return _emergency(digits, region)


def _unknown(run: Run, registry: Registry) -> bool:
    """Whether a run looks like a phone number that the registry does not know, as it is written."""
    digits = run.digits
    return (
        _phone_like(run, digits, registry.region)
        and number_of(digits, run.plus, registry) not in registry.phone_by_number
    )


@functools.lru_cache(maxsize=1024)
def _emergency(digits: str, region: str) -> bool:
    """Whether phonenumbers knows a short number as an emergency number in the region (in Norway 110, 112, 113)."""
    return shortnumberinfo.is_emergency_number(digits, region)


def _runs(page: Page, registry: Registry, skip: Spans) -> list[tuple[Run, str | None]]:
    """Every run of digits outside `skip`, with the E.164 number phonenumbers reads in it, if any."""
    view = skip.mask(page.view)
    runs = [Run(match.start(), match.end(), match.group()) for match in RUN.finditer(view)]
    if not any(_unknown(run, registry) for run in runs):
        # Every run is a registered number or ordinary: phonenumbers, the slowest step, can add nothing.
        return [(run, None) for run in runs]
    matches = [
        (match.start, match.end, phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
        for match in PhoneNumberMatcher(view, registry.region, leniency=Leniency.VALID)
    ]
    result: list[tuple[Run, str | None, int | None]] = []
    index = 0
    for run in runs:
        # Both lists are in page order, so one pass pairs them.
        while index < len(matches) and matches[index][1] <= run.start:
            index += 1
        found = index if index < len(matches) and matches[index][0] < run.end else None
        if found is not None and result and result[-1][2] == found:
            # phonenumbers read one number across a separator the runs stop at: keep it whole.
            first = result[-1][0]
            result[-1] = (Run(first.start, run.end, view[first.start : run.end]), matches[found][2], found)
        else:
            result.append((run, matches[found][2] if found is not None else None, found))
    return [(run, number) for run, number, _ in result]


def scan_phones(page: Page, registry: Registry, skip: Spans) -> tuple[list[Occurrence], list[Problem]]:
    """Return the phone numbers of a page, registered or not, and the problems of their digits."""
    occurrences, problems = [], []
    for run, read in _runs(page, registry, skip):
        digits = run.digits
        if (
            len(digits) < 5
            and not run.plus
            and digits not in registry.phone_by_number
            and not _phone_like(run, digits, registry.region)
        ):
            continue  # An ordinary number, such as 6, 18 or 2026: no need to ask phonenumbers.
        number = number_of(digits, run.plus, registry)
        key = registry.phone_by_number.get(number) or registry.phone_by_number.get(read or "")
        if key is None and not _phone_like(run, digits, registry.region):
            continue
        occurrence = Occurrence(
            "phones", key or number, key is not None, run.start, run.end, page.shown(run.start, run.end)
        )
        occurrences.append(occurrence)
        scripts = run.scripts
        if len(scripts) > 1 or not run.decimal:
            problems.append(
                page.problem(
                    run.start,
                    (
                        f"{registry.label(occurrence)}: expected decimal digits of one script (see "
                        f'{registry.see("phones", key)}), found "{occurrence.found}" in {" and ".join(scripts)} digits'
                    ),
                )
            )
    return occurrences, problems
