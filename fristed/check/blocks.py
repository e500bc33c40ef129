"""Blocks: a page as the reader reads it, cut into headings, paragraphs, list items and table cells.

A page is rendered as the build renders it (markup.py: Python-Markdown with mkdocs.yml's
extensions), and the HTML read back as text, so `**12 34** 56 78`, `12 34 <b>56 78</b>`,
`12&#32;34 56 78` and a line break inside a number all read `12 34 56 78`, as on screen.

kind        | made from                            | place
heading-N   | <hN>                                 | ()
paragraph   | <p>, and text outside any block      | ()
item        | <li> (its own text, not its sublist) | (list number in the page, depth)
cell        | <td>, <th>                           | (table number in the page, row, column)
code        | <pre>                                | ()
admonition  | <div class="admonition">             | ()

A translation has the same blocks as its Norwegian page, in the same order: the same kinds, at
the same places, with links to the same targets. `aligned_blocks` pairs them, or raises
`Divergence` at the first block where they part. Inside a block, sentences may be split, merged
and reordered.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from fristed.check.rendering import read_blocks

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# What a block dropped or added costs, when a translation is aligned with its source page.
_GAP = 4.0
# The most blocks of each page aligned at once.
_WINDOW = 240


@dataclass(frozen=True)
class Block:
    """One block of a page, as its reader reads it."""

    kind: str  # "heading-2", "paragraph", "item", "cell", "code", "admonition"
    text: str  # the rendered text: Markdown and inline HTML resolved, entities decoded, whitespace folded
    line: int  # 1-based line of the block's start in its Markdown file
    place: tuple[int, ...] = ()  # items: (list, depth); cells: (table, row, column); see the table above
    links: tuple[str, ...] = ()  # the targets of its links, in order, as rendered


class Divergence(ValueError):
    """Where a translation's blocks part from its Norwegian page's: the first difference."""

    def __init__(self, source: Block | None, translation: Block | None, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.translation = translation
        self.message = message


def page_blocks(markdown: str) -> list[Block]:
    """Return the blocks of a page's Markdown (front matter and all) as its reader reads them."""
    return [Block(*fields) for fields in read_blocks(markdown)]


def _describe(block: Block) -> str:
    """Name a block for a message: `heading-2 "Barn"`, `item 3 of list 2`."""
    shown = block.text if len(block.text) <= 40 else block.text[:39] + "…"
    if block.kind == "cell":
        return f'a table cell (row {block.place[1]}, column {block.place[2]}) "{shown}"'
    if block.kind == "item":
        return f'a list item "{shown}"'
    if block.kind.startswith("heading-"):
        return f'a level-{block.kind[8:]} heading "{shown}"'
    return f'a {block.kind} "{shown}"'


def link_target(url: str) -> str:
    """What a link target leads to, for comparing a translation's with its source page's: the digits
    a `tel:` link dials (`+` kept); the host of a web link (the path may lead to a page in the
    reader's language); the page of a link within the site, without its anchor (headings' anchors
    are the translated headings'). The checker reads `tel:` numbers as the region's (bound.py)."""
    scheme = _SCHEME.match(url)
    name = scheme.group(1).lower() if scheme else ""
    rest = unquote(url[scheme.end() :] if scheme else url)
    if name == "tel":
        return "tel:" + ("+" if rest.lstrip().startswith("+") else "") + "".join(c for c in rest if c.isdigit())
    if name == "mailto":
        return "mailto:" + rest.split("?")[0].lower()
    if name in ("http", "https"):
        return "web:" + (urlsplit(url).hostname or "").removeprefix("www.")
    if not name:
        return "page:" + url.split("#")[0]
    return url


def divergence(
    source: list[Block],
    translation: list[Block],
    sound: Callable[[str], bool] = lambda url: True,
    target: Callable[[str], str] = link_target,
) -> Divergence | None:
    """Return the first place where a translation's blocks part from its source page's, or None.

    Links are compared by what `target` says they lead to. The links of a block where either page
    has a link that is not `sound` are not compared: the link checks report that link (links.py),
    and a wrong link is not a second finding.
    """
    if _signature(source) != _signature(translation):
        return _first_difference(source, translation)
    for mine, theirs in zip(source, translation, strict=True):
        if not all(map(sound, mine.links + theirs.links)):
            continue
        if [target(url) for url in mine.links] != [target(url) for url in theirs.links]:
            return Divergence(
                mine,
                theirs,
                f"expected links to {_targets(mine.links)} in this block, found {_targets(theirs.links)}",
            )
    return None


def _signature(blocks: list[Block]) -> list[tuple]:
    """What must be equal between a page and its translation: each block's kind and place."""
    return [(block.kind, place) for block, place in zip(blocks, _places(blocks), strict=True)]


def _first_difference(source: list[Block], translation: list[Block]) -> Divergence:
    """The first block dropped, added or changed in kind, placed where the translator looks for it.

    The pages are aligned as a diff aligns lines, where two blocks of the same kind and place
    match more closely as their lengths agree (scaled by the pages' lengths): so the short `It
    cannot be renewed.` is found missing among long items, not the last item of its list.
    """
    # Lists and tables numbered apart: a dropped list would shift every later number.
    mine, theirs = ([(block.kind, block.place[1:]) for block in blocks] for blocks in (source, translation))
    if max(len(mine), len(theirs)) > _WINDOW:
        # The alignment takes time as the product of the pages' lengths: on a long page, align a
        # window that starts a little before the first block whose kind differs.
        first = next((i for i, pair in enumerate(zip(mine, theirs, strict=False)) if pair[0] != pair[1]), None)
        start = max(0, (min(len(mine), len(theirs)) if first is None else first) - _WINDOW // 4)
        return _first_difference(source[start : start + _WINDOW], translation[start : start + _WINDOW])
    ratio = max(1, sum(len(block.text) for block in translation)) / max(1, sum(len(block.text) for block in source))
    rows, columns = len(source), len(translation)
    # cost[i][j]: the least cost of aligning source[i:] with translation[j:].
    cost = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows, -1, -1):
        for j in range(columns, -1, -1):
            options = [_GAP + cost[i + 1][j]] if i < rows else []
            if j < columns:
                options.append(_GAP + cost[i][j + 1])
            if i < rows and j < columns and mine[i] == theirs[j]:
                options.append(_distance(source[i], translation[j], ratio) + cost[i + 1][j + 1])
            cost[i][j] = min(options, default=0.0)
    i = j = 0
    while i < rows and j < columns and mine[i] == theirs[j]:
        if not math.isclose(cost[i][j], _distance(source[i], translation[j], ratio) + cost[i + 1][j + 1]):
            break
        i, j = i + 1, j + 1
    if i < rows and j < columns and math.isclose(cost[i][j], 2 * _GAP + cost[i + 1][j + 1]):
        return Divergence(
            source[i], translation[j], f"expected {_describe(source[i])}, found {_describe(translation[j])}"
        )
    if i < rows and math.isclose(cost[i][j], _GAP + cost[i + 1][j]):
        found = translation[j] if j < columns else (translation[-1] if translation else None)
        return Divergence(source[i], found, f"expected {_describe(source[i])}, found nothing in its place")
    expected = _describe(source[i]) if i < rows else "the end of the page"
    return Divergence(
        source[min(i, rows - 1)] if source else None,
        translation[j],
        f"expected {expected}, found {_describe(translation[j])}",
    )


def _distance(mine: Block, theirs: Block, ratio: float) -> float:
    """How unlike two blocks of the same kind are in length, always less than dropping one and adding
    the other."""
    return min(_GAP / 2, abs(math.log((len(theirs.text) + 1) / ((len(mine.text) + 1) * ratio))))


def _places(blocks: list[Block]) -> list[tuple]:
    """Each block's place with lists and tables numbered by their order in the page, from 1."""
    numbers: dict[tuple[str, int], int] = {}
    result = []
    for block in blocks:
        if block.kind in ("item", "cell") and block.place:
            number = numbers.setdefault((block.kind, block.place[0]), len(numbers) + 1)
            result.append((number, *block.place[1:]))
        else:
            result.append(block.place)
    return result


def _targets(links: tuple[str, ...]) -> str:
    return ", ".join(links) if links else "nothing"


def aligned_blocks(
    source: list[Block],
    translation: list[Block],
    sound: Callable[[str], bool] = lambda url: True,
    target: Callable[[str], str] = link_target,
) -> list[tuple[Block, Block]]:
    """Pair each block of a source page with the block of its translation in the same place; raise
    `Divergence` at the first block where their structures part (see `divergence`)."""
    found = divergence(source, translation, sound, target)
    if found is not None:
        raise found
    return list(zip(source, translation, strict=True))
