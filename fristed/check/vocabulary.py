"""One language's duration words, read for lookup: what a word of a page can mean in a duration.

The words come from data/durations/<code>.yml (wordlists.py, which lists the fields). Words of the
page and of the list are folded alike before they are compared (`WordList.fold`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from fristed.check.text import INVISIBLES, MARKS, WORD

_TOKEN = re.compile(WORD)
_INVISIBLES = re.compile(f"[{INVISIBLES}\u0640]")  # and tatweel, which only stretches a word
_MARKS_AND_INVISIBLES = re.compile(f"[{INVISIBLES}{MARKS}\u0640]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


class Meaning(NamedTuple):
    """What one word can mean in a duration."""

    number: int | None
    unit: str | None
    number_after_unit: int | None
    phrases: list[tuple[tuple[str, ...], tuple[int, str]]]


NOTHING = Meaning(None, None, None, [])
Reading = tuple[str, Meaning]


@dataclass
class WordList:
    """One language's duration words, folded the way page text is folded before a lookup."""

    code: str
    units: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    numbers_after_unit: dict[str, int] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], tuple[int, str]] = field(default_factory=dict)
    connectors: set[str] = field(default_factory=set)
    multipliers: set[str] = field(default_factory=set)
    fillers: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()
    letters: dict[int, str] = field(default_factory=dict)
    ignore_marks: bool = False
    segment: bool = False
    # Phrases by their first word, so a page's every word is not compared with every phrase.
    phrase_starts: dict[str, list[tuple[tuple[str, ...], tuple[int, str]]]] = field(default_factory=dict)
    # Words that mean nothing alone but must be kept: connectors, fillers, phrases' later words.
    _kept: set[str] = field(default_factory=set, repr=False)
    # Every listed word, and the longest, for finding words in text not parted by spaces.
    _known: set[str] = field(default_factory=set, repr=False)
    _longest: int = 0
    # The first letters of number words: most words start otherwise and are no compound number.
    _initials: set[str] = field(default_factory=set, repr=False)
    # A page repeats its words: folding and looking up each once keeps the scan fast.
    _folded: dict[str, str] = field(default_factory=dict, repr=False)
    _meanings: dict[str, Meaning] = field(default_factory=dict, repr=False)
    _readings: dict[str, list[tuple[int, int, Reading]]] = field(default_factory=dict, repr=False)

    def fold(self, word: str) -> str:
        """Fold a word for lookup: compatibility forms, case, apostrophes, tatweel, spelling variants."""
        folded = self._folded.get(word)
        if folded is None and word.isascii():
            folded = self._folded[word] = word.lower().translate(self.letters)
        elif folded is None:
            folded = unicodedata.normalize("NFKC", word).casefold().translate(_APOSTROPHES)
            # Pages are read without invisible characters (text.py): word lists are read so too.
            folded = (_MARKS_AND_INVISIBLES if self.ignore_marks else _INVISIBLES).sub("", folded)
            folded = self._folded[word] = folded.translate(self.letters)
        return folded

    def readings(self, text: str) -> list[tuple[int, int, Reading]]:
        """The words of a run of letters that a duration can hold, with their place in the run.

        A run is one word, unless the language does not part words by spaces (`segment`): then
        the listed words are found in it, longest first, and anything between them parts them.
        """
        found = self._readings.get(text)
        if found is None:
            found = self._readings[text] = self._segment(text) if self.segment else self._whole(text)
        return found

    def _whole(self, text: str) -> list[tuple[int, int, Reading]]:
        word = self.fold(text)
        meaning = self.meaning(word)
        return [(0, len(text), (word, meaning))] if meaning != NOTHING or word in self._kept else []

    def _segment(self, text: str) -> list[tuple[int, int, Reading]]:
        folded, starts = "", []
        for index, char in enumerate(text):
            piece = self.fold(char)
            folded += piece
            starts.extend([index] * len(piece))
        starts.append(len(text))
        found, index = [], 0
        while index < len(folded):
            for size in range(min(self._longest, len(folded) - index), 0, -1):
                word = folded[index : index + size]
                if word in self._known:
                    found.append((starts[index], starts[index + size], (word, self.meaning(word))))
                    index += size
                    break
            else:
                index += 1
        return found

    def meaning(self, word: str) -> Meaning:
        """What a folded word can be: a number, a unit, a number after a unit, a phrase's start."""
        found = self._meanings.get(word)
        if found is None:
            found = self._meanings[word] = Meaning(
                self.lookup(self.numbers, word) or self._compound_number(word),
                self.lookup(self.units, word),
                self.lookup(self.numbers_after_unit, word),
                self.lookup(self.phrase_starts, word) or [],
            )
        return found

    def _compound_number(self, word: str) -> int | None:
        """Read a number written as one word of two: `tjuefire`, `fireogtjue`, German `vierundzwanzig`."""
        if word[:1] not in self._initials:
            return None
        for cut in range(1, len(word) - 1):
            head = self.numbers.get(word[:cut])
            if head is None:
                continue
            tail = word[cut:]
            for connector in ("", *self.connectors):
                value = self.numbers.get(tail[len(connector) :]) if tail.startswith(connector) else None
                if value is not None and compound(head, value):
                    return head + value
        return None

    def words(self, text: str) -> tuple[str, ...]:
        """Split a phrase of the word list into folded words."""
        return tuple(self.fold(match.group()) for match in _TOKEN.finditer(text))

    def lookup(self, table: dict, word: str, depth: int = 2):
        """Find a folded word in a table, also with prefixes joined to its front (`لستة` is `ستة`)."""
        if word in table:
            return table[word]
        if depth:
            for prefix in self.prefixes:
                if word.startswith(prefix) and len(word) > len(prefix) + 1:
                    found = self.lookup(table, word[len(prefix) :], depth - 1)
                    if found is not None:
                        return found
        return None


def number_value(words: WordList, parts: list[tuple[str, int]]) -> int:
    """The value of number words in a row, or 0 for a row that is no number this reader knows.

    A multiplier multiplies a smaller number before it (`quatre-vingts`, `hai mươi`); the terms
    left are added where one is a round number and the next smaller (`soixante-dix`, `cent vingt`),
    or where two make a number the way `compound` says (`أربع وعشرون`, `ثمانية عشر`).
    """
    terms: list[int] = []
    for word, value in parts:
        if word in words.multipliers and terms and terms[-1] < value:
            terms[-1] *= value
        else:
            terms.append(value)
    total = terms[0]
    for term in terms[1:]:
        if compound(total, term) or (total > term and total % 10 == 0):
            total += term
        else:
            return 0
    return total


def compound(first: int, second: int) -> bool:
    """Whether two number words make one number: one is 1-9, the other 10 or a multiple of ten."""
    small, large = sorted((first, second))
    return 1 <= small <= 9 and (large == 10 or (large % 10 == 0 and 20 <= large <= 90))
