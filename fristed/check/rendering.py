"""Reading a page as its reader reads it: rendered as the build renders it, its HTML read back as blocks.

The renderer is Python-Markdown with mkdocs.yml's extensions (markup.py) but for the table of
contents, which changes no text. Each block's first line in the Markdown is found by its words,
in order, so findings name the line a translator edits. blocks.py says what the blocks are.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from html.parser import HTMLParser

from fristed.check.markup import as_built, body_of, new_markdown

_BLOCK_TAGS = {"p", "li", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track"}
_WORD = re.compile(r"\w+")
# How many of a block's first words are looked for, and how far past the block before it.
_FIRST_WORDS = 5
_REACH = 4000


class _Reader(HTMLParser):
    """Collects the blocks of rendered HTML in reading order, each with its text and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.started = 0
        self.open: list[dict] = []  # the blocks being read, innermost last
        self.done: list[dict] = []
        self.tags: list[str] = []
        self.lists: list[int] = []  # the number of each open list
        self.list_count = 0
        self.table = [0, 0, 0]  # table number, row, column
        self.admonition_depth: int | None = None

    def _start(self, kind: str, place: tuple[int, ...] = ()) -> None:
        self.open.append({"kind": kind, "place": place, "text": [], "links": [], "order": self.started})
        self.started += 1

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


def read_blocks(markdown: str) -> list[tuple[str, str, int, tuple[int, ...], tuple[str, ...]]]:
    """Return each block of a page's Markdown (front matter and all) as its reader reads it: its
    kind, text, first line, place and links (see fristed/check/blocks.py)."""
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
        (block["kind"], block["text"], line, block["place"], tuple(block["links"]))
        for block, line in zip(found, lines, strict=True)
    ]
