"""The site as a graph of files: what each page, stylesheet and script loads.

Read from the built files, so it sees what a browser would fetch. Used to say what a language's
offline copy holds (fristed/offline/), which theme files no page loads (fristed/assets/prune.py),
and by the page-weight tests.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from fristed.languages import Language

# Resources a page needs to show: what <link>, <script> and <img> load. Alternate-language links
# and prev/next hints are not resources, and pages of other languages must not be pulled in.
RESOURCE_RELS = {"stylesheet", "icon", "manifest", "modulepreload"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# Static imports (`import x from "./a.js"`, minified or not) and a worker's `importScripts("c.js")`,
# which load with the script; dynamic ones (`import("./b.js")`), which load only when used.
JS_IMPORT = re.compile(r"""\b(?:(?:import|export)\b[^'";()]*?\bfrom|importScripts\s*\()\s*['"]([^'"]+)['"]""")
JS_LAZY_IMPORT = re.compile(r"""\bimport\s*\(\s*['"]([^'"]+)['"]""")


# The service worker and its list: never cached by the worker itself.
WORKER_FILES = {"sw.js", "sw-precache.js"}


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and RESOURCE_RELS & set((attributes.get("rel") or "").split()):
            self.urls.append(attributes.get("href") or "")
        elif tag in ("script", "img", "source") and attributes.get("src"):
            self.urls.append(attributes["src"])


def references(site_dir: Path, url: str, lazy: bool = True) -> list[str]:
    """Return the site-root URLs a page, stylesheet or script loads directly; with `lazy`, also
    the scripts it may load later (dynamic imports)."""
    path = site_dir / url
    text = path.read_text(encoding="utf-8")
    if url.endswith(".html"):
        parser = _Resources()
        parser.feed(text)
        found = parser.urls
    elif url.endswith(".css"):
        found = CSS_URL.findall(text)
    elif url.endswith(".js"):
        found = JS_IMPORT.findall(text) + (JS_LAZY_IMPORT.findall(text) if lazy else [])
    else:
        return []
    base = posixpath.dirname(url)
    return sorted(
        {
            posixpath.normpath(posixpath.join(base, reference.split("#")[0].split("?")[0]))
            for reference in found
            if reference and not re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", reference)
        }
    )


def closure(site_dir: Path, roots: list[str], lazy: bool = True) -> set[str]:
    """Return the given files with everything they load, and everything that loads, and so on;
    without `lazy`, only what loads before the reader does anything (a page's first view)."""
    seen, pending = set(), list(roots)
    while pending:
        url = pending.pop()
        if url in seen or not (site_dir / url).is_file():
            continue
        seen.add(url)
        pending.extend(references(site_dir, url, lazy))
    return seen


def language_files(site_dir: Path, language: Language, languages: list[Language]) -> list[str]:
    """Return the URLs of a language's own files: its pages, manifest, offline page and search
    index; not the 404 page (never a destination), the shared assets, the worker's files or
    pre-compressed copies."""
    folder = site_dir / language.folder if language.folder else site_dir
    elsewhere = {other.folder for other in languages if other.folder and other != language} | {"assets"}
    files = []
    for path in folder.rglob("*"):
        url = path.relative_to(site_dir).as_posix()
        if not path.is_file() or url.split("/")[0] in elsewhere or url in WORKER_FILES:
            continue
        if path.name == "404.html" or path.suffix in (".gz", ".br"):
            continue
        files.append(url)
    return sorted(files)
