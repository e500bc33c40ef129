"""Facts bound to their place: each block of a translation states the facts of its Norwegian block.

A page's blocks (blocks.py) are read as their reader reads them, and scanned for facts as page
text is (phones.py, addresses.py, durations.py); a link's target is a fact of its block too. For
each block of a translation and the Norwegian block in its place:

rule                                                       | catches
every registered fact of the Norwegian block is there      | a number moved to another label or a dropped one
no registered fact stands where the Norwegian has none     | the durations of two permits swapped
facts of one kind keep the Norwegian order inside a block  | two penalties swapped inside one paragraph;
                                                           | the emergency and the other police number swapped
no unregistered fact, even one only the reader sees        | `12 34 <b>56 78</b>`, `**12 34** 56 78`

Sentences may be reordered inside a block: only facts of one kind keep their order, as that
order is what ties each to its subject. A fact the Norwegian block gets wrong (one the registry
does not know) is reported on the Norwegian page; its translations are compared with the
registry there: any registered fact of that kind may stand in its place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from fristed.check.addresses import not_ascii, scan_domains, scan_emails
from fristed.check.blocks import Block, link_target
from fristed.check.compare import unregistered_message
from fristed.check.durations import scan_durations
from fristed.check.phones import number_of, scan_phones
from fristed.check.registry import KINDS, Occurrence, Registry
from fristed.check.text import Page, Spans
from fristed.check.vocabulary import WordList
from fristed.data import Problem

_FIRST_WORD = re.compile(r"\w+")
_APART = "\n\u00b6\n"


@dataclass
class BlockFacts:
    """The facts one block states: in its text, in reading order, and in its links' targets."""

    block: Block
    text: list[Occurrence] = field(default_factory=list)
    targets: list[tuple[str, Hashable]] = field(default_factory=list)
    markdown: list[Occurrence] = field(default_factory=list)  # what the Markdown scan found on its lines

    def registered(self, kind: str) -> list[Hashable]:
        """The registered facts of a kind, each once, in reading order; link targets' last."""
        keys = [o.key for o in self.text if o.kind == kind and o.registered]
        keys += [key for target_kind, key in self.targets if target_kind == kind]
        return list(dict.fromkeys(keys))

    def unknown(self, kind: str) -> list[Occurrence]:
        """The facts of a kind the registry does not know."""
        return [o for o in self.text if o.kind == kind and not o.registered]


def _target_fact(url: str, registry: Registry) -> tuple[str, Hashable] | None:
    """The registered fact a link target points to: a `tel:` number, a `mailto:` address, a domain."""
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme == "tel":
        digits = "".join(char for char in unquote(rest) if char.isdigit())
        key = registry.phone_by_number.get(number_of(digits, rest.lstrip().startswith("+"), registry))
        return ("phones", key) if key else None
    if scheme == "mailto":
        key = registry.email_by_address.get(unquote(rest).split("?")[0])
        return ("emails", key) if key else None
    if scheme in ("http", "https"):
        key = registry.domain_of((urlsplit(url).hostname or "").lower())
        return ("domains", key) if key else None
    return None


def target(url: str, registry: Registry) -> str:
    """What a link leads to (blocks.link_target), a `tel:` link's number read as the region's."""
    if url[:4].lower() == "tel:":
        digits = "".join(char for char in unquote(url[4:]) if char.isdigit())
        return "tel:" + number_of(digits, url[4:].lstrip().startswith("+"), registry)
    return link_target(url)


def sound(url: str, registry: Registry) -> bool:
    """Whether a link target is one the link checks let through: a page of the site, or a registered fact."""
    return not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", url) or _target_fact(url, registry) is not None


def block_facts(page: Page, blocks: list[Block], registry: Registry, words: WordList | None) -> list[BlockFacts]:
    """Scan a page's blocks, as rendered, for facts; return them block by block."""
    # One text of all the blocks, scanned once (a scan per block costs more), a mark apart that no
    # number, address or duration reads across: `… 6` and `months …` of two blocks are no duration.
    starts, parts, at = [], [], 0
    for block in blocks:
        starts.append(at)
        parts.append(block.text)
        at += len(block.text) + len(_APART)
    rendered = Page(page.path, page.language, page.name, _APART.join(parts))
    nothing = Spans([])
    emails = scan_emails(rendered, registry, nothing)
    domains = scan_domains(rendered, registry, Spans([(o.start, o.end) for o in emails]))
    claimed = Spans([(o.start, o.end) for o in emails + domains])
    phones, _ = scan_phones(rendered, registry, claimed)
    durations = scan_durations(rendered, words, registry, nothing) if words else []
    result = [BlockFacts(block) for block in blocks]
    index = 0
    for occurrence in sorted(emails + domains + phones + durations, key=lambda o: o.start):
        # The view leaves invisible characters out (text.py): place by the offset in the text.
        offset = rendered.origin[occurrence.start]
        while index + 1 < len(starts) and starts[index + 1] <= offset:
            index += 1
        result[index].text.append(occurrence)
    for facts in result:
        facts.targets = [fact for url in facts.block.links if (fact := _target_fact(url, registry))]
    return result


def attach_markdown(page: Page, facts: list[BlockFacts], occurrences: list[Occurrence]) -> None:
    """Give each block the facts the Markdown scan found on its lines, to quote and place findings
    as the translator wrote them: `&#49;2 34 56 7&#x38;` at its column, not `12 34 56 78`."""
    lines = [block.block.line for block in facts]
    for occurrence in occurrences:
        index = bisect.bisect_right(lines, page.position(occurrence.start)[0]) - 1
        if index >= 0:
            facts[index].markdown.append(occurrence)


def _written(facts: BlockFacts, occurrence: Occurrence) -> Occurrence | None:
    """The Markdown scan's occurrence of a fact the rendered block states, if it saw the same one."""
    return next(
        (
            o
            for o in facts.markdown
            if (o.kind, o.key, o.registered) == (occurrence.kind, occurrence.key, occurrence.registered)
        ),
        None,
    )


def _found(facts: BlockFacts, occurrence: Occurrence) -> str:
    """A fact as a message quotes it: as written in the Markdown where the scan saw it there."""
    written = _written(facts, occurrence)
    found = written.found if written else occurrence.found
    note = (
        f" ({not_ascii(found)} is not ASCII)"
        if occurrence.kind in ("emails", "domains") and not found.isascii()
        else ""
    )
    return f'"{found}"{note}'


def _at(page: Page, facts: BlockFacts, occurrence: Occurrence | None, message: str) -> Problem:
    """A finding on a block: at the fact's line and column in the Markdown, or on the block's first line."""
    written = _written(facts, occurrence) if occurrence else None
    if written:
        return page.problem(written.start, message)
    line, column = facts.block.line, 1
    word = _FIRST_WORD.search(occurrence.found) if occurrence else None
    if word:
        start = page.line_starts[min(line, len(page.line_starts)) - 1]
        at = page.text.find(word.group(), start)
        if at >= 0 and page.text.count("\n", start, at) < 40:
            line, column = page.position_in_file(at)
    return Problem(page.path, line, message, column)


def _see(source: Page, facts: BlockFacts, key: Hashable | None = None, kind: str = "") -> str:
    """Point at the Norwegian block, or at the line of a fact in it: `docs/nb/permits.md:18`."""
    written = next((o for o in facts.markdown if o.kind == kind and o.key == key and o.registered), None)
    line = source.position(written.start)[0] if written else facts.block.line
    return f"{source.path.as_posix()}:{line}"


def unknown_problems(page: Page, facts: list[BlockFacts], registry: Registry, known: set) -> list[Problem]:
    """Errors for the unregistered facts of the blocks that the Markdown scan did not see (`known`):
    numbers and hosts that only the rendered text shows whole."""
    problems = []
    for block in facts:
        for occurrence in block.text:
            if not occurrence.registered and (occurrence.kind, occurrence.key) not in known:
                problems.append(_at(page, block, occurrence, unregistered_message(registry, occurrence)))
    return problems


def compare_blocks(
    source: Page,
    mine: list[BlockFacts],
    page: Page,
    theirs: list[BlockFacts],
    registry: Registry,
    kinds: tuple[str, ...] = KINDS,
) -> list[Problem]:
    """Compare the facts of each translated block with those of the Norwegian block in its place."""
    problems = []
    for original, translated in zip(mine, theirs, strict=True):
        if not (original.text or original.targets or translated.text or translated.targets):
            continue  # most blocks state no fact at all
        for kind in kinds:
            problems += _compare_kind(kind, source, original, translated, page, registry)
    return problems


def _compare_kind(
    kind: str, source: Page, original: BlockFacts, translated: BlockFacts, page: Page, registry: Registry
) -> list[Problem]:
    wanted, have = original.registered(kind), translated.registered(kind)
    shown = {o.key for o in translated.text if o.kind == kind and o.registered}
    # Found in the text in place of a missing fact: a registered one of another place, or an unknown one.
    in_text = {o.key: o for o in translated.text if o.kind == kind and o.registered}
    extra = [in_text[key] for key in have if key not in wanted and key in in_text]
    unknown = translated.unknown(kind)
    candidates = sorted(extra + unknown, key=lambda o: o.start)
    extra_targets = [key for key in have if key not in wanted and key not in in_text]
    slack = len(original.unknown(kind))
    in_source_text = {o.key for o in original.text if o.kind == kind and o.registered}
    problems = []
    for key in wanted:
        # A fact its link's target still states, but the text shows wrong (`[12 34 56 87](tel:+47…78)`).
        misshown = key in have and key in in_source_text and key not in shown and unknown
        if key in have and not misshown:
            continue
        see = _see(source, original, key, kind)
        head = f"{registry.name(kind, key)}: expected {registry.value(kind, key)} (see {see})"
        if candidates:
            other = candidates.pop(0)
            if not other.registered:
                unknown.remove(other)
            problems.append(_at(page, translated, other, f"{head}, found {_found(translated, other)}"))
        else:
            problems.append(_at(page, translated, None, f"{head}, found nothing"))
    see = _see(source, original)
    for other in candidates:
        if other.registered and slack:
            slack -= 1  # the Norwegian block is wrong here, and reported there: the registry decides
        elif other.registered:
            message = _surplus(kind, other.key, wanted, registry, see, _found(translated, other))
            problems.append(_at(page, translated, other, message))
        else:
            problems.append(_at(page, translated, other, unregistered_message(registry, other)))
    for key in extra_targets:
        if slack:
            slack -= 1
        else:
            message = _surplus(kind, key, wanted, registry, see, f'"{registry.value(kind, key)}"')
            problems.append(_at(page, translated, None, message))
    if not problems:
        problems += _order(kind, original, translated, page, registry, see)
    return problems


def _surplus(kind: str, key: Hashable, wanted: list, registry: Registry, see: str, found: str) -> str:
    name, value = registry.name(kind, key), registry.value(kind, key)
    if wanted:
        listed = ", ".join(registry.value(kind, other) for other in wanted)
        return f"{name}: expected only {listed} in this block (see {see}), found {found}"
    return f"{name}: expected no {value} in this block, as the Norwegian block has none (see {see}), found {found}"


def _order(
    kind: str, original: BlockFacts, translated: BlockFacts, page: Page, registry: Registry, see: str
) -> list[Problem]:
    """An error where two facts of one kind stand in the other order than in the Norwegian block."""
    wanted = list(dict.fromkeys(o.key for o in original.text if o.kind == kind and o.registered))
    found = [o for o in translated.text if o.kind == kind and o.registered]
    seen = list(dict.fromkeys(o.key for o in found))
    if len(wanted) < 2 or seen == wanted or len(seen) != len(wanted) or set(seen) != set(wanted):
        return []
    index = next(i for i, (a, b) in enumerate(zip(wanted, seen, strict=True)) if a != b)
    other = next(o for o in found if o.key == seen[index])
    message = (
        f"{registry.name(kind, wanted[index])}: expected {registry.value(kind, wanted[index])} before "
        f"{registry.value(kind, seen[index])} in this block, as in the Norwegian block (see {see}), "
        f"found {_found(translated, other)} first"
    )
    return [_at(page, translated, other, message)]
