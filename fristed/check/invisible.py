"""Invisible characters: nothing a reader cannot see may stand inside or right next to a fact.

character                                   | where it fails
bidi embeddings, overrides, isolates        | anywhere on a page: they reorder all the text after
(U+202A-U+202E, U+2066-U+2069)              | them up to the end of the paragraph; the site sets
                                            | each page's direction itself
zero-width joiners (U+200C, U+200D)         | inside or next to a fact, unless between two letters,
                                            | where Persian, Urdu and Indic spelling needs them
every other invisible: zero-width space,    | inside or next to a fact: a phone number, address,
marks (U+200E, U+200F, U+061C), word joiner,| link target, domain or duration
soft hyphen, Unicode tags, variation sel.   |
"""

from __future__ import annotations

import bisect
import unicodedata

from fristed.check.text import BIDI_CONTROLS, JOINERS, Hidden, Page, spell
from fristed.data import Problem

Fact = tuple[int, int, str, str]  # start and end in the view, its label and where to see it


def _between_letters(page: Page, hidden: Hidden) -> bool:
    """Whether an invisible character stands between two letters (or their marks)."""
    view = page.view
    if hidden.at == 0 or hidden.at >= len(view):
        return False
    return all(unicodedata.category(char)[0] in "LM" for char in (view[hidden.at - 1], view[hidden.at]))


def _quote(page: Page, start: int, end: int) -> str:
    """A fact's text with its invisible characters put back and spelled out: `12 34<U+200B>56 78`."""
    inside = [hidden for hidden in page.hidden if start <= hidden.at <= end]
    parts, last = [], start
    for hidden in inside:
        parts.extend((page.view[last : hidden.at], hidden.char))
        last = hidden.at
    parts.append(page.view[last:end])
    return spell(" ".join("".join(parts).split()))


def check_invisible(page: Page, facts: list[Fact]) -> list[Problem]:
    """Return a problem for each bidi control on a page and each fact with invisibles in or next to it."""
    problems = []
    facts = sorted(facts)
    starts = [fact[0] for fact in facts]
    reported = set()
    for hidden in page.hidden:
        if hidden.char in BIDI_CONTROLS:
            line, column = page.position_in_file(hidden.offset)
            problems.append(
                Problem(
                    page.path,
                    line,
                    (
                        "text: expected no bidi control characters, which reorder what readers see; the site sets "
                        "the direction itself (see data/languages.yml), "
                        f"found {spell(hidden.char)} ({unicodedata.name(hidden.char)})"
                    ),
                    column,
                )
            )
            continue
        if hidden.char in JOINERS and _between_letters(page, hidden):
            continue
        # Facts are short and rarely overlap: only those starting up to here can hold the character.
        for start, end, label, see in facts[: bisect.bisect_right(starts, hidden.at)]:
            if start <= hidden.at <= end and (start, end) not in reported:
                reported.add((start, end))
                line, column = page.position_in_file(hidden.offset)
                problems.append(
                    Problem(
                        page.path,
                        line,
                        (
                            f"{label}: expected no invisible character in or next to it (see {see}), "
                            f'found "{_quote(page, start, end)}"'
                        ),
                        column,
                    )
                )
    return problems
