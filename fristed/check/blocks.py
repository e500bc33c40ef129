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

import bisect
import functools
import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from fristed.check.markup import as_built, body_of, new_markdown

_BLOCK_TAGS = {"p", "li", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd"}
# Inside these a paragraph is part of the block, not a block of its own (a loose list's items).
_HOLDERS = {"li", "td", "th", "dd"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track"}
_WORD = re.compile(r"\w+")
# How many of a block's first words are looked for, and how far past the block before it.
_FIRST_WORDS = 5
_REACH = 4000
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# What a block dropped or added costs, when a translation is aligned with its source page.
_GAP = 4.0


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


class _Reader(HTMLParser):
    """Collects the blocks of rendered HTML in reading order, each with its text and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []  # the blocks being read, innermost last
        self.done: list[dict] = []
        self.tags: list[str] = []
        self.lists: list[int] = []  # the number of each open list
        self.list_count = 0
        self.table = [0, 0, 0]  # table number, row, column
        self.admonition_depth: int | None = None

    def _start(self, kind: str, place: tuple[int, ...] = ()) -> None:
        block = {"kind": kind, "place": place, "text": [], "links": [], "order": len(self.done) + len(self.open)}
        self.open.append(block)

    def _end(self) -> None:
        block = self.open.pop()
        self.done.append(block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.tags.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("ul", "ol"):
            self.list_count += 1
            self.lists.append(self.list_count)
        elif tag == "table":
            self.table = [self.table[0] + 1, 0, 0]
        elif tag == "tr":
            self.table[1] += 1
            self.table[2] = 0
        elif tag == "div" and "admonition" in classes:
            self._start("admonition")
            self.admonition_depth = len(self.tags)
        elif tag == "br":
            self._text(" ")
        elif tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                if not self.open:
                    self._start("paragraph")
                self.open[-1]["links"].append(href)
        if tag in _BLOCK_TAGS:
            if tag == "p" and self.open and (self.open[-1]["kind"] in ("item", "cell", "admonition")):
                self._text(" ")
                return
            if tag == "li":
                self._start("item", (self.lists[-1] if self.lists else 0, len(self.lists)))
            elif tag in ("td", "th"):
                self.table[2] += 1
                self._start("cell", tuple(self.table))
            elif tag[0] == "h" and tag[1:].isdigit():
                self._start(f"heading-{tag[1]}")
            elif tag == "pre":
                self._start("code")
            else:
                self._start("paragraph")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.tags:
            return
        while self.tags and self.tags.pop() != tag:
            pass
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "div" and self.admonition_depth is not None and len(self.tags) < self.admonition_depth:
            self.admonition_depth = None
            self._close("admonition")
        elif tag in _BLOCK_TAGS:
            if tag == "p" and self.open and self.open[-1]["kind"] in ("item", "cell", "admonition"):
                return
            self._close(None)

    def _close(self, kind: str | None) -> None:
        if self.open and (kind is None or self.open[-1]["kind"] == kind):
            self._end()

    def handle_data(self, data: str) -> None:
        if not data.strip() and not self.open:
            return
        self._text(data)

    def _text(self, data: str) -> None:
        if not self.open:
            self._start("paragraph")
        self.open[-1]["text"].append(data)

    def blocks(self) -> list[dict]:
        while self.open:
            self._end()
        found = sorted(self.done, key=lambda block: block["order"])
        for block in found:
            block["text"] = " ".join("".join(block["text"]).split())
        return [block for block in found if block["text"] or block["links"] or block["kind"] == "cell"]


def _find_word(body: str, word: str, start: int) -> int | None:
    """Where a whole word stands in the Markdown from `start`, or None."""
    at = body.find(word, start)
    while at >= 0:
        before = body[at - 1] if at else " "
        after = body[at + len(word)] if at + len(word) < len(body) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return at
        at = body.find(word, at + 1)
    return None


def _lines(body: str, first_line: int, texts: list[str]) -> list[int]:
    """The line where each text starts in the Markdown, found by its words, in order.

    A block starts where the first of its first words is found after the block before it; words
    the Markdown spells otherwise (with an entity) are skipped. A block's Markdown is at least as
    long as its text, so the next block is looked for after the last word of this one from there.
    """
    newlines = [match.start() for match in re.finditer("\n", body)]
    cursor, line, result = 0, first_line, []
    for text in texts:
        words = _WORD.findall(text)
        for word in words[:_FIRST_WORDS]:
            at = _find_word(body, word, cursor)
            if at is not None and at - cursor <= _REACH:
                line = max(line, first_line + bisect.bisect_left(newlines, at))
                end = _find_word(body, words[-1], max(at, at + int(0.9 * len(text)) - len(words[-1])))
                cursor = at + 1 if end is None else end + len(words[-1])
                break
        result.append(line)
    return result


@functools.cache
def _converter():
    """The build's Markdown converter, keeping the tree it serializes (see `page_blocks`)."""
    from markdown.treeprocessors import Treeprocessor

    class Keep(Treeprocessor):
        def run(self, root):
            self.md.kept = root

    converter = new_markdown()
    # Heading anchors change no text, and a `[TOC]` marker is refused by markup.py: the table of
    # contents extension is a fifth of the time.
    converter.treeprocessors.deregister("toc")
    converter.treeprocessors.register(Keep(converter), "fristed-keep", -100)
    return converter


def _walk(reader: _Reader, element) -> None:
    """Read a rendered tree as the HTML parser reads its serialization."""
    reader.handle_starttag(element.tag, list(element.attrib.items()))
    for text, child in [(element.text, None), *((None, child) for child in element)]:
        if child is not None:
            _walk(reader, child)
            text = child.tail
        if text:
            reader.handle_data(html.unescape(text) if "&" in text else text)
    reader.handle_endtag(element.tag)


def page_blocks(markdown: str) -> list[Block]:
    """Return the blocks of a page's Markdown (front matter and all) as its reader reads them."""
    body, start = body_of(as_built(markdown))
    converter = _converter().reset()
    serialized = converter.convert(body)
    reader = _Reader()
    if converter.htmlStash.html_counter:
        # Raw HTML and entities stand in the tree as placeholders: read the serialized page.
        reader.feed(serialized)
        reader.close()
    else:
        # Most pages: the tree, without parsing the HTML made from it again (a third of the time).
        for child in converter.kept:
            _walk(reader, child)
    found = reader.blocks()
    first_line = markdown.count("\n", 0, start) + 1
    lines = _lines(markdown[start:], first_line, [block["text"] for block in found])
    return [
        Block(block["kind"], block["text"], line, block["place"], tuple(block["links"]))
        for block, line in zip(found, lines, strict=True)
    ]


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
