"""Durations: every amount of a time unit a page states, in digits or in words, as (amount, unit).

`6 months`, `six months`, `٦ أشهر`, `ستة أشهر`, `6-month` and `half a year` are all (6, month);
`سنة واحدة` and `ett år` are (1, year); the Arabic dual `سنتين` is (2, year). The words come from
data/durations/<code>.yml (wordlists.py). Between the amount and the unit only spaces (no-break
ones too), a hyphen, Markdown emphasis, an HTML tag or a filler the list names (Romanian `24 de
ore`) may stand, so `24 hours, day and night` is (24, hour) and nothing more.

Not counted: the English article (`a year`), since `24 hours a day` and `once a year` are not
durations; nor a bare Arabic singular (`سنة`), which is also "a year" in `كل سنة`, every year.
A translation writes the number instead: `one year`, `سنة واحدة`. Norwegian `en`/`et` are
counted, since they are also the number one and the usual way to write it (`i en måned`).
"""

from __future__ import annotations

import bisect
import re

from fristed.check.registry import Occurrence, Registry
from fristed.check.text import JOINERS, WORD, Page, Spans
from fristed.check.vocabulary import Meaning, WordList, number_value

_TOKEN = re.compile(rf"(?P<number>\d+)|(?P<word>{WORD})")
# What may stand between an amount and its unit, or between two number words.
_GAP = re.compile(r"(?:[\s\-\u2010\u2011*_]|<[^<>\n]*>)*")


class _Tokens:
    """The words and digit runs of a page that can be part of a duration, with what each can mean
    and whether it is joined to the next. Other words are left out, but still part their neighbours."""

    def __init__(self, page: Page, words: WordList, skip: Spans) -> None:
        view = skip.mask(page.view)
        self.spans: list[tuple[int, int]] = []
        self.words: list[str | None] = []
        self.meanings: list[Meaning] = []
        places: list[int] = []  # the place of each kept token among all the page's tokens
        # An invisible character between two words still parts them (`ستة<U+200B>أشهر`), so the
        # duration is found, and invisible.py reports the character inside it.
        breaks = [hidden.at for hidden in page.hidden if hidden.char not in JOINERS]
        place = 0
        for match in _TOKEN.finditer(view):
            text = match.group()
            number = match.lastgroup == "number"
            readings = None if number else words.readings(text)
            if not number and not readings and not breaks:
                place += 3  # A word no duration holds: it parts its neighbours, and that is all.
                continue
            start, end = match.span()
            pieces = [(start, end)]
            if breaks:
                inner = breaks[bisect.bisect_right(breaks, start) : bisect.bisect_left(breaks, end)]
                pieces = list(zip([start, *inner], [*inner, end], strict=True))
            for piece_start, piece_end in pieces:
                text = view[piece_start:piece_end]
                if number:
                    readings = [(0, len(text), (None, Meaning(int(text) or None, None, None, [])))]
                elif len(pieces) > 1:
                    readings = words.readings(text)
                last = 0
                for word_start, word_end, (word, meaning) in readings:
                    # Letters between two listed words part them, as a space would not.
                    place += 1 if word_start == last else 2
                    last = word_end
                    places.append(place)
                    self.spans.append((piece_start + word_start, piece_start + word_end))
                    self.words.append(word)
                    self.meanings.append(meaning)
                # Next: a word of the next run is joined to this one only across a gap (below),
                # and only if no letters of this run follow it.
                place += 2 if last == len(text) else 3
        self.joined = [
            places[index + 1] == places[index] + 1
            or (
                places[index + 1] == places[index] + 3
                and _GAP.fullmatch(view, self.spans[index][1], self.spans[index + 1][0]) is not None
            )
            for index in range(len(self.spans) - 1)
        ] + [False]

    def __len__(self) -> int:
        return len(self.spans)


def _phrase(tokens: _Tokens, index: int) -> tuple[int, tuple[int, str]] | None:
    """A phrase that is an amount and a unit at once, starting at `index`: its length and meaning."""
    for phrase, meaning in tokens.meanings[index].phrases:
        size = len(phrase)
        if index + size > len(tokens) or not all(tokens.joined[index + i] for i in range(size - 1)):
            continue
        if all(tokens.words[index + i] == phrase[i] for i in range(1, size)):
            return size, meaning
    return None


def _numbers(tokens: _Tokens, words: WordList, index: int) -> list[tuple[int, int]]:
    """The ways to read a number starting at `index`, longest first: its length in tokens and value.

    A value of 0 is a row of number words this reader cannot add up: it still makes a duration,
    which no source page states, so it is reported rather than read as a shorter number.
    """
    value = tokens.meanings[index].number
    if value is None:
        return []
    if tokens.words[index] is None:
        return [(1, value)]
    if (
        index
        and tokens.joined[index - 1]
        and (tokens.meanings[index - 1].number is not None or tokens.words[index - 1] in words.connectors)
    ):
        # Inside a number begun before: `hai mươi mốt năm` is 21 years, never `mốt năm`, 1 year.
        return []
    parts, ends, last = [(tokens.words[index], value)], [index], index
    while tokens.joined[last]:
        following = last + 1
        if tokens.words[following] in words.connectors and tokens.joined[following]:
            following += 1
        meaning = tokens.meanings[following]
        if tokens.words[following] is None or meaning.number is None:
            break
        parts.append((tokens.words[following], meaning.number))
        ends.append(following)
        last = following
    return [(ends[size - 1] - index + 1, number_value(words, parts[:size])) for size in range(len(parts), 0, -1)]


def _unit_after(tokens: _Tokens, words: WordList, index: int) -> tuple[int, str] | None:
    """The unit a number ending before `index` is joined to, maybe past a filler: its place and unit."""
    if tokens.joined[index - 1] and index < len(tokens) and tokens.words[index] in words.fillers:
        index += 1
    if not tokens.joined[index - 1] or index >= len(tokens):
        return None
    unit = tokens.meanings[index].unit
    return (index, unit) if unit else None


def scan_durations(page: Page, words: WordList, registry: Registry, skip: Spans) -> list[Occurrence]:
    """Return every (amount, unit) a page states, registered or not."""
    tokens = _Tokens(page, words, skip)
    found: list[tuple[int, str, int, int]] = []
    index = 0
    while index < len(tokens):
        phrase = _phrase(tokens, index)
        if phrase:
            size, (amount, unit) = phrase
            found.append((amount, unit, tokens.spans[index][0], tokens.spans[index + size - 1][1]))
            index += size
            continue
        for size, amount in _numbers(tokens, words, index):
            after = _unit_after(tokens, words, index + size)
            if after:
                found.append((amount, after[1], tokens.spans[index][0], tokens.spans[after[0]][1]))
                index = after[0] + 1
                break
        else:
            unit = tokens.meanings[index].unit
            amount = tokens.meanings[index + 1].number_after_unit if unit and tokens.joined[index] else None
            if amount:
                found.append((amount, unit, tokens.spans[index][0], tokens.spans[index + 1][1]))
                index += 2
            else:
                index += 1
    return [
        Occurrence(
            "durations",
            (amount, unit),
            (amount, unit) in registry.durations_by_pair,
            start,
            end,
            page.shown(start, end),
        )
        for amount, unit, start, end in found
    ]
