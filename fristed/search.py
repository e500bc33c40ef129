"""A small search index per language, read by the page's search only when the reader opens it.

Stock Material with static-i18n makes every page download a search worker, every language's
stemmer and one index of all languages. Here each language gets `search-index.json` in its
folder: its pages split at their second-level headings, as plain text, nothing more.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from fristed.languages import Language
from fristed.sitegraph import language_files

INDEX = "search-index.json"
# Parts of a page that are not its text: the header, menus, footer, notices and scripts.
SKIPPED = {"header", "nav", "footer", "script", "style", "template"}
# Elements that end a run of words: their text must not run into the next element's.
BLOCKS = {"p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th", "br", "dd", "dt", "blockquote"}
# A page isolates a phone number from the text around it (`<a dir="ltr">`, `<bdi>`), so Arabic
# cannot show the digit groups of "12 34 56" in reverse order; a snippet is plain text, where the
# same isolation is written with Unicode's isolates: left-to-right, right-to-left, first strong; pop.
ISOLATES = {"ltr": "\u2066", "rtl": "\u2067", "auto": "\u2068"}
POP_ISOLATE = "\u2069"
# Only words inside a line are isolated: a whole page in another direction is a snippet's own.
INLINE = {"a", "bdi", "bdo", "span"}


class _Sections(HTMLParser):
    """The sections of a page's article: the page's title, then (heading, anchor, text) per section."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.sections: list[dict] = []
        self._articles = 0
        self._skipping: list[str] = []
        self._heading: str | None = None
        self._anchor = ""
        self._isolating: list[str] = []  # the elements whose text is isolated, innermost last

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self._articles += 1
        elif tag in SKIPPED or "fristed-notice" in (attributes.get("class") or ""):
            self._skipping.append(tag)
        elif self._articles and not self._skipping and tag in ("h1", "h2"):
            self._heading = ""
            self._anchor = attributes.get("id") or ""
        elif tag in BLOCKS:
            self.handle_data(" ")
        direction = "auto" if tag == "bdi" and "dir" not in attributes else attributes.get("dir")
        if tag in INLINE and direction in ISOLATES and self._articles and not self._skipping:
            self.handle_data(ISOLATES[direction])
            self._isolating.append(tag)

    def handle_endtag(self, tag):
        if self._isolating and tag == self._isolating[-1]:
            self._isolating.pop()
            self.handle_data(POP_ISOLATE)
        if tag == "article":
            self._articles -= 1
        elif self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif self._heading is not None and tag in ("h1", "h2"):
            heading = " ".join(self._heading.split())
            if tag == "h1":
                self.title = heading
            self.sections.append({"heading": heading if tag == "h2" else "", "anchor": self._anchor, "text": ""})
            self._heading = None

    def handle_data(self, data):
        if not self._articles or self._skipping:
            return
        if self._heading is not None:
            self._heading += data
        elif self.sections:
            self.sections[-1]["text"] += data


def page_sections(html: str) -> tuple[str, list[dict]]:
    """Return a page's title and its sections, with their text folded to single spaces."""
    parser = _Sections()
    parser.feed(html)
    for section in parser.sections:
        section["text"] = " ".join(section["text"].split())
    return parser.title, [section for section in parser.sections if section["heading"] or section["text"]]


def write_search_indexes(site_dir: Path, languages: list[Language]) -> dict[str, str]:
    """Write each language's index into its folder; return their URLs by language."""
    urls = {}
    for language in languages:
        folder = site_dir / language.folder
        entries = []
        for url in language_files(site_dir, language, languages):
            path = site_dir / url
            if path.suffix != ".html" or path.name in ("offline.html", "exit.html"):
                continue
            title, sections = page_sections(path.read_text(encoding="utf-8"))
            if not title:
                continue
            page = path.relative_to(folder).as_posix()
            entries.extend(
                {
                    "page": title,
                    "heading": section["heading"],
                    "url": f"{page}#{section['anchor']}" if section["heading"] else page,
                    "text": section["text"],
                }
                for section in sections
            )
        target = folder / INDEX
        target.write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        urls[language.code] = target.relative_to(site_dir).as_posix()
    return urls
