"""A page as the checker reads it: HTML entities decoded, invisible characters set aside.

Every scanner works on one `view` of the page, so `&#50;` is read as the digit 2 and
`12 34<U+200B>56 78` as `12 34 56 78`. Each character of the view remembers where it stands in
the file, so a finding names the line and column a translator sees in their editor, and the
invisible characters are kept aside (`hidden`) for `invisible.py` to report.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from fristed.data import Problem

# Characters of these kinds live only in planes 0, 1 and 14; scanning just those, once, keeps
# start-up near 50 ms instead of the 340 ms a scan of all 17 planes costs.
_PLANES = (range(0x0000, 0x20000), range(0xE0000, 0xE1000))
# Besides the format characters (zero-width, bidi controls, Unicode tags), these draw nothing
# either: combining grapheme joiner, Hangul fillers; and the variation selectors, below.
_OTHER_INVISIBLES = "\u034f\u115f\u1160\u3164\uffa0"


def _character_classes() -> tuple[list[str], list[str], list[str]]:
    """Return the digits `\\d` misses, the combining marks and the invisible characters."""
    digits, marks, invisibles = [], [], []
    category = unicodedata.category
    for plane in _PLANES:
        for code in plane:
            char = chr(code)
            kind = category(char)
            if kind == "Cf" or char in _OTHER_INVISIBLES or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
                invisibles.append(char)
            elif kind[0] == "M" and code < 0x10000:
                # Marks beyond the first plane (Brahmi, Kaithi, musical symbols) are left out: a
                # class that reaches past it makes every match of the tokenizers twice as slow.
                marks.append(char)
            elif kind == "No" and unicodedata.digit(char, None) is not None:
                digits.append(char)
    return digits, marks, invisibles


def _ranges(chars: list[str]) -> str:
    """Write characters as a regex class body of ranges, `a-z`: a class of 2,000 single
    characters makes every match ten times slower."""
    parts, index = [], 0
    while index < len(chars):
        end = index
        while end + 1 < len(chars) and ord(chars[end + 1]) == ord(chars[end]) + 1:
            end += 1
        first, last = re.escape(chars[index]), re.escape(chars[end])
        parts.append(first if end == index else f"{first}-{last}")
        index = end + 1
    return "".join(parts)


# Superscript, circled and Ethiopic digits: Python's `\d` is only Unicode's decimal digits (Nd).
OTHER_DIGITS_LIST, _MARKS_LIST, _INVISIBLES_LIST = _character_classes()
OTHER_DIGITS, MARKS, INVISIBLES = (_ranges(found) for found in (OTHER_DIGITS_LIST, _MARKS_LIST, _INVISIBLES_LIST))
# Bidi embeddings, overrides and isolates reorder everything after them up to the end of the
# paragraph, not only their neighbours.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width joiners are part of the spelling of Persian, Urdu and Indic words.
JOINERS = "\u200c\u200d"

DIGIT = rf"[\d{OTHER_DIGITS}]"
# Only the first plane's other digits: see the marks above.
LETTER = rf"[^\W\d_{_ranges([char for char in OTHER_DIGITS_LIST if char < chr(0x10000)])}]"
# An apostrophe between letters is part of the word: Ukrainian `п'ять`, French `d'un`.
WORD = rf"{LETTER}(?:{LETTER}|[{MARKS}]|['\u2019\u02bc](?={LETTER}))*"

_INVISIBLE = re.compile(f"[{INVISIBLES}]")
_SPECIAL = re.compile(rf"&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});?|[{INVISIBLES}]")


def spell(text: str) -> str:
    """Spell out the invisible characters of a text: `12 34<U+200B>56 78`."""
    return _INVISIBLE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


@dataclass(frozen=True)
class Hidden:
    """An invisible character taken out of the view, and where it stood."""

    at: int  # index in the view of the character after it
    offset: int  # index in the file
    char: str


@dataclass
class Page:
    """One Markdown file, read for checking."""

    path: Path  # relative to the project, as messages show it: docs/en/contacts.md
    language: str
    name: str  # the page, the same in every language: contacts.md
    text: str
    view: str = ""
    origin: list[int] = field(default_factory=list)
    hidden: list[Hidden] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    # Where the entity behind a view character ends in the file, for the few that are entities.
    _entity_ends: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for match in _SPECIAL.finditer(self.text):
            parts.append(self.text[last : match.start()])
            origin.extend(range(last, match.start()))
            last = match.end()
            token = match.group()
            decoded = html.unescape(token) if token.startswith("&") else token
            if token.startswith("&") and (decoded == token or all(char < " " for char in decoded)):
                # Not an entity the browser knows: it shows as written. A tab or line break written
                # as an entity is kept as written too, so `jav&#x09;ascript:` stays one link target,
                # which links.py decodes and reads as a browser does.
                parts.append(token)
                origin.extend(range(match.start(), match.end()))
                continue
            for char in decoded:
                if _INVISIBLE.match(char):
                    self.hidden.append(Hidden(len(origin), match.start(), char))
                else:
                    self._entity_ends[len(origin)] = match.end()
                    parts.append(char)
                    origin.append(match.start())
        parts.append(self.text[last:])
        origin.extend(range(last, len(self.text) + 1))
        self.view = "".join(parts)
        self.origin = origin
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

    def position(self, at: int) -> tuple[int, int]:
        """Return the line and column, from 1, of a view index."""
        return self.position_in_file(self.origin[at])

    def position_in_file(self, offset: int) -> tuple[int, int]:
        """Return the line and column, from 1, of a file offset."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def problem(self, at: int, message: str) -> Problem:
        """Return an error at a view index of this page."""
        line, column = self.position(at)
        return Problem(self.path, line, message, column)

    def original(self, start: int, end: int) -> str:
        """Return the file's text behind a view span, with its invisible characters."""
        if end <= start:
            return ""
        last = end - 1
        return self.text[self.origin[start] : self._entity_ends.get(last, self.origin[last] + 1)]

    def shown(self, start: int, end: int) -> str:
        """Return a view span as a message quotes it: on one line, invisibles spelled out."""
        return spell(" ".join(self.original(start, end).split()))


class Spans:
    """Spans of a view that one scanner has claimed, which the next ones skip."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._ordered = ordered
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one: one bisection
        # then answers whether anything overlaps, however the spans nest.
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any of the spans overlaps `start:end`."""
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._reach[index - 1] > start

    def mask(self, view: str) -> str:
        """Return the view with the spans blanked out, so no match can run into or across them.

        `[12 34 56 78](tel:+4712345678) 12-34-56-7` must not read as one run of digits from the
        link target to the number after it.
        """
        parts, last = [], 0
        for start, end in self._ordered:
            if end > last:
                start = max(start, last)
                parts.extend((view[last:start], "\ufffc" * (end - start)))
                last = end
        parts.append(view[last:])
        return "".join(parts)
