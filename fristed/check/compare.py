"""Compare a translation's facts with its source page's: the same facts, as often, no more, no less.

Facts are compared as multisets, so a translator may reorder sentences. When a fact is missing
and something unknown stands in the translation, the two are paired by their place in the page,
so the translator reads `expected 12 34 56 78 (see docs/nb/contacts.md:7), found "12 34 56 87"`
rather than two separate complaints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from fristed.check.addresses import hint, not_ascii
from fristed.check.registry import KINDS, Occurrence, Registry, plural
from fristed.check.text import Page
from fristed.data import Problem


@dataclass
class Scan:
    """What one page states: its facts, and the problems found in the page on its own."""

    page: Page
    occurrences: list[Occurrence]
    problems: list[Problem]
    blocks: list = field(default_factory=list)  # its blocks' facts (bound.py), once read


def unregistered(page: Page, registry: Registry, occurrence: Occurrence) -> Problem:
    """The error for a fact the registry does not know, such as a phone number with a digit changed."""
    return page.problem(occurrence.start, unregistered_message(registry, occurrence))


def unregistered_message(registry: Registry, occurrence: Occurrence) -> str:
    """What `unregistered` says, for a fact found wherever it is."""
    kind, found = occurrence.kind, occurrence.found
    see = registry.see(kind)
    if kind == "phones":
        message = f'phones: expected a number registered in data/facts.yml (see {see}), found "{found}"'
    elif kind == "emails":
        message = (
            f'emails: expected an address registered in data/facts.yml (see {see}), found "{found}"'
            f"{hint(str(occurrence.key), list(registry.facts.emails.values()))}"
        )
    elif kind == "domains":
        message = (
            f'domains: expected {registry.domains_list()} or a subdomain of one (see {see}), found "{found}"'
            f"{hint(str(occurrence.key), list(registry.facts.domains.values()))}"
        )
    else:
        message = f'durations: expected a duration registered in data/facts.yml (see {see}), found "{found}"'
    return message


def compare(source: Scan, translation: Scan, registry: Registry, kinds: tuple[str, ...] = KINDS) -> list[Problem]:
    """Return the differences between the facts of a source page and of its translation."""
    problems = []
    for kind in kinds:
        mine = [occurrence for occurrence in source.occurrences if occurrence.kind == kind]
        expected = [occurrence for occurrence in mine if occurrence.registered]
        found = [occurrence for occurrence in translation.occurrences if occurrence.kind == kind]
        # A fact the source page gets wrong is reported there; a translation that states the
        # registry's fact in its place is not reported again, nor told to copy the mistake.
        slack = len(mine) - len(expected)
        problems.extend(_compare_kind(kind, expected, found, slack, source.page, translation.page, registry))
    return problems


def _compare_kind(kind, expected, found, slack, source: Page, page: Page, registry: Registry) -> list[Problem]:
    want = Counter(occurrence.key for occurrence in expected)
    have = Counter(occurrence.key for occurrence in found if occurrence.registered)
    # Align the two pages' sequences of facts to know which occurrences are the missing and
    # surplus ones, and where in the translation a missing one belongs.
    keys = [occurrence.key if occurrence.registered else ("unknown", i) for i, occurrence in enumerate(found)]
    blocks = SequenceMatcher(None, [o.key for o in expected], keys, autojunk=False).get_matching_blocks()
    aligned = {a + step: b + step for a, b, size in blocks for step in range(size)}
    missing = _pick([o.key for o in expected], want - have, set(aligned))
    surplus = _pick(keys, have - want, set(aligned.values()))
    candidates = sorted(surplus | {index for index, occurrence in enumerate(found) if not occurrence.registered})

    problems = []
    for source_index in missing:
        wanted = expected[source_index]
        place = next((aligned[i] + 1 for i in range(source_index - 1, -1, -1) if i in aligned), 0)
        see = f"see {source.path.as_posix()}:{source.position(wanted.start)[0]}"
        head = f"{registry.name(kind, wanted.key)}: expected {registry.value(kind, wanted.key)} ({see})"
        if candidates:
            index = min(candidates, key=lambda candidate: (abs(candidate - place), candidate))
            candidates.remove(index)
            other = found[index]
            note = (
                f" ({not_ascii(other.found)} is not ASCII)"
                if kind in ("emails", "domains") and not other.found.isascii()
                else ""
            )
            problems.append(page.problem(other.start, f'{head}, found "{other.found}"{note}'))
        else:
            problems.append(_nowhere(page, found, place, source, wanted, f"{head}, found nothing"))
    for index in candidates:
        other = found[index]
        if other.registered and slack:
            slack -= 1
        elif kind == "durations" or other.registered:
            problems.append(_surplus(kind, other, expected, want, have, source, page, registry))
        else:
            problems.append(unregistered(page, registry, other))
    return problems


def _nowhere(
    page: Page, found: list[Occurrence], place: int, source: Page, wanted: Occurrence, message: str
) -> Problem:
    """An error about a missing fact, placed where it belongs: at the fact that follows its place,
    or on the line as far down the translation as the fact is down the source page."""
    if place < len(found):
        return page.problem(found[place].start, message)
    share = (source.position(wanted.start)[0] - 1) / max(1, len(source.line_starts))
    return Problem(page.path, 1 + int(share * len(page.line_starts)), message)


def _pick(keys: list, counts: Counter, aligned: set[int]) -> set[int]:
    """Choose which occurrences of each key are the missing or surplus ones: unaligned ones first."""
    chosen = set()
    for key, count in counts.items():
        indexes = [index for index, other in enumerate(keys) if other == key]
        indexes.sort(key=lambda index: (index in aligned, -index))
        chosen.update(indexes[:count])
    return chosen


def _surplus(kind, other: Occurrence, expected, want, have, source: Page, page: Page, registry: Registry) -> Problem:
    """The error for a fact stated more often than on the source page."""
    path = source.path.as_posix()
    if kind == "durations":
        listed = ", ".join(plural(*occurrence.key) for occurrence in expected)
        if listed:
            line = source.position(expected[0].start)[0]
            return page.problem(
                other.start,
                (
                    f"durations: expected only the durations of the source page, {listed} (see {path}:{line}), "
                    f'found "{other.found}"'
                ),
            )
        return page.problem(
            other.start,
            (f'durations: expected no duration, as the source page states none (see {path}:1), found "{other.found}"'),
        )
    name, value, count = registry.name(kind, other.key), registry.value(kind, other.key), want[other.key]
    if count:
        line = source.position(next(o for o in expected if o.key == other.key).start)[0]
        return page.problem(
            other.start,
            (
                f"{name}: expected {value} {count} time{'s' if count > 1 else ''}, as on the source page "
                f"(see {path}:{line}), found it {have[other.key]} times"
            ),
        )
    return page.problem(
        other.start, (f'{name}: expected no {value}, as the source page has none (see {path}:1), found "{other.found}"')
    )
