"""What one language's ZIM file holds: its pages, made fit for Kiwix, and the files they load.

A ZIM file keeps the site's paths (`en/help.html`, `assets/...`), so the site's relative links
work inside it unchanged. What a Kiwix reader cannot use is left out of the pages: the service
worker's controls and manifest (Kiwix runs no service worker of the site's), and links to the
other languages, which are in other files.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from fristed.languages import Language
from fristed.pages import page_url

# Attributes that point at another file: links, what a page loads, and where the quick exit
# goes when the reader is offline (exit-this-page.js reads `data-offline-url`).
URL_ATTRIBUTES = {"href", "src", "data-offline-url"}
# Elements a Kiwix copy must not have, by a class their start tag carries: the language switcher
# and the save-for-offline controls (which register the site's service worker).
REMOVED_CLASSES = {"md-select", "fristed-offline"}
# Links in <head> that name files a ZIM does not hold: other languages and the web app manifest.
REMOVED_LINK_RELS = {"alternate", "manifest"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# ES module imports, `import x from "./a.js"` and `import "./a.js"`, wherever they stand: the
# build minifies scripts onto one line.
JS_IMPORT = re.compile(r"""\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# MIME types by suffix, fixed here: `mimetypes` reads the machine's /etc/mime.types, which varies.
MIME_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
    ".json": "application/json",
}


class _Markup(HTMLParser):
    """Read a page once: the ranges of its source to cut, and the paths its remaining markup names."""

    def __init__(self, page: str, keep: set[str]):
        super().__init__(convert_charrefs=True)
        self.page, self.keep = page, keep
        self.cuts: list[tuple[int, int]] = []
        self.urls: list[tuple[str, str]] = []  # (attribute, path from the site root)
        self._removing: list = []  # [tag, depth, start] of the element being cut
        self._unwrapped: list[bool] = []  # for each open <a>: is its end tag to be cut too?
        self._html, self._offsets = "", [0]

    def run(self, html: str) -> None:
        """Parse a whole page; `getpos()` gives lines (counted by "\\n") and columns: map lines to offsets."""
        self._html = html
        self._offsets += [match.end() for match in re.finditer("\n", html)]
        self.feed(html)
        self.close()

    def _here(self) -> int:
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._here()
        end = start + len(self.get_starttag_text())
        attributes = dict(attrs)
        if self._removing:
            if tag == self._removing[0]:
                self._removing[1] += 1
            return
        if REMOVED_CLASSES & set((attributes.get("class") or "").split()):
            self._removing = [tag, 1, start]
            return
        if tag == "link" and REMOVED_LINK_RELS & set((attributes.get("rel") or "").split()):
            self.cuts.append((start, end))
            return
        if tag == "a" and attributes.get("href") and self._outside(attributes["href"]):
            # A link to a page of another language: keep its words, drop the link.
            self.cuts.append((start, end))
            self._unwrapped.append(True)
        elif tag == "a":
            self._unwrapped.append(False)
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value and not EXTERNAL.match(value):
                self.urls.append((name, resolve(self.page, value)))

    def handle_endtag(self, tag):
        start = self._here()
        end = self._html.index(">", start) + 1
        if self._removing:
            if tag == self._removing[0]:
                self._removing[1] -= 1
                if self._removing[1] == 0:
                    self.cuts.append((self._removing[2], end))
                    self._removing = []
            return
        if tag == "a" and self._unwrapped and self._unwrapped.pop():
            self.cuts.append((start, end))

    def _outside(self, href: str) -> bool:
        if EXTERNAL.match(href):
            return False
        target = resolve(self.page, href)
        return target.endswith(".html") and target not in self.keep


def resolve(page: str, reference: str) -> str:
    """Return the path from the site root a reference on a page points at, without query or fragment."""
    path = reference.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return path  # root-absolute: outside any ZIM path; kept so the link check reports it
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page


def for_kiwix(html: str, page: str, pages: set[str]) -> tuple[str, list[tuple[str, str]]]:
    """Return a page without what a ZIM cannot serve, and the (attribute, path) of every file it names.

    `pages` are the HTML files the ZIM holds; a link to any other page is unwrapped to its text.
    """
    markup = _Markup(page, pages)
    markup.run(html)
    out, position = [], 0
    for start, end in sorted(markup.cuts):
        out.append(html[position:start])
        position = max(position, end)
    out.append(html[position:])
    return "".join(out), markup.urls


def page_title(html: str, site_name: str) -> str:
    """Return a page's own title, without the site's name the theme adds after it."""
    match = TITLE.search(html)
    title = unescape(match.group(1).strip()) if match else ""
    suffix = f" - {site_name}"
    return title[: -len(suffix)] if title.endswith(suffix) else title


def mime_type(path: str) -> str | None:
    """Return a file's MIME type, or None for a kind the table does not know."""
    return MIME_TYPES.get(posixpath.splitext(path)[1].lower())


@dataclass(frozen=True)
class Content:
    """One language's ZIM content: path to bytes, which paths are pages, and references that go nowhere."""

    files: dict[str, bytes]
    pages: list[str]
    broken: list[tuple[str, str]]  # (file, what is wrong: a file it names the site lacks, say)


def language_content(site_dir: Path, language: Language, page_names: list[str]) -> Content:
    """Collect a language's pages, made fit for Kiwix, and every file they load, transitively."""
    pages = [page_url(language, name) for name in page_names]
    keep = set(pages)
    files: dict[str, bytes] = {}
    broken: list[tuple[str, str]] = []
    named: list[tuple[str, str, str]] = []  # (file naming it, attribute, path)
    for page in pages:
        if not (site_dir / page).is_file():
            broken.append((page, "expected this page in the built site: build it first with `make site`"))
            continue
        html, urls = for_kiwix((site_dir / page).read_text(encoding="utf-8"), page, keep)
        files[page] = html.encode("utf-8")
        named += [(page, attribute, url) for attribute, url in urls]
    while named:
        source, attribute, url = named.pop()
        if url in files:
            continue
        path = site_dir / url
        if url.startswith(("/", "../")) or not path.is_file():
            broken.append((source, f"{attribute}: expected a file of the site, found {url!r}"))
            continue
        if url.endswith(".html") and url not in keep:
            # Only a page the reader is sent to without a link, such as the quick exit's offline
            # destination; its own references are followed like any page's.
            html, urls = for_kiwix(path.read_text(encoding="utf-8"), url, keep | {url})
            files[url] = html.encode("utf-8")
            named += [(url, name, target) for name, target in urls]
            continue
        if mime_type(url) is None:
            suffix = posixpath.splitext(url)[1]
            broken.append((url, f"no MIME type for '{suffix}' files: add one to MIME_TYPES in {__name__}"))
            continue
        data = path.read_bytes()
        files[url] = data
        named += [(url, "url", target) for target in _loads(url, data)]
    return Content(dict(sorted(files.items())), pages, sorted(set(broken)))


def _loads(url: str, data: bytes) -> list[str]:
    """Return the paths a stylesheet or script loads: CSS `url()` and ES module imports."""
    if url.endswith(".css"):
        found = CSS_URL.findall(data.decode("utf-8"))
    elif url.endswith(".js"):
        found = [next(filter(None, groups)) for groups in JS_IMPORT.findall(data.decode("utf-8"))]
    else:
        return []
    return sorted({resolve(url, reference) for reference in found if not EXTERNAL.match(reference)})
