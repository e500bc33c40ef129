"""Stylesheets, scripts and icons named after their content (`site.3f2a9c1e5b7d.css`).

A file whose name changes with its content can be kept by browsers for a year without asking
again (the mirrors' server settings say `immutable`), while pages, always asked again, name the
files of the current release. A script is renamed after the scripts it imports, whose new names
its text then carries, so a change anywhere renames everything that leads to it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from fristed.assets import hashed_name
from fristed.sitegraph import CSS_URL, JS_IMPORT, JS_LAZY_IMPORT

# A page's `href` and `src` attributes, quoted or not (pages are minified).
PAGE_REFERENCE = re.compile(r"""(\b(?:href|src)=)("?)([^"\s>]+)\2""")


def _references(url: str, text: str) -> list[str]:
    patterns = (JS_IMPORT, JS_LAZY_IMPORT) if url.endswith(".js") else (CSS_URL,)
    return [reference for pattern in patterns for reference in pattern.findall(text)]


def _resolve(base_url: str, reference: str) -> str | None:
    """A relative reference as a URL from the site root; None for other sites, data: and the like."""
    if not reference or re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", reference):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_url), reference.split("#")[0].split("?")[0]))


def _rewrite(base_url: str, text: str, renamed: dict[str, str], pattern: re.Pattern, group: int) -> str:
    def replace(match: re.Match) -> str:
        reference = match.group(group)
        target = renamed.get(_resolve(base_url, reference) or "")
        if target is None:
            return match.group(0)
        relative = posixpath.relpath(target, posixpath.dirname(base_url) or ".")
        if reference.startswith("./") and not relative.startswith("."):
            relative = "./" + relative  # an ES module specifier must start with ./ or ../
        start, end = match.span(group)
        return match.group(0)[: start - match.start()] + relative + match.group(0)[end - match.start() :]

    return pattern.sub(replace, text)


def fingerprint_assets(site_dir: Path, patterns: tuple[str, ...]) -> dict[str, str]:
    """Rename the files `patterns` (globs) match after their content, rewrite what the site's
    pages, scripts and stylesheets call them, and return {old URL: new URL}."""
    pending = {
        path.relative_to(site_dir).as_posix()
        for pattern in patterns
        for path in site_dir.glob(pattern)
        if path.is_file() and not path.name.endswith((".gz", ".br"))
    }
    renamed: dict[str, str] = {}
    while pending:
        # Those whose own references are all renamed already (a module's imports before it).
        ready = sorted(
            url
            for url in pending
            if not {_resolve(url, r) for r in _references(url, (site_dir / url).read_text(encoding="utf-8"))}
            & (pending - {url})
        )
        if not ready:
            raise ValueError(f"{site_dir}: these files import one another in a circle: {', '.join(sorted(pending))}")
        for url in ready:
            path = site_dir / url
            if url.endswith((".js", ".css")):
                text = path.read_text(encoding="utf-8")
                for pattern in (JS_IMPORT, JS_LAZY_IMPORT, CSS_URL):
                    text = _rewrite(url, text, renamed, pattern, 1)
                path.write_text(text, encoding="utf-8")
            renamed[url] = hashed_name(url, path.read_bytes())
            path.rename(site_dir / renamed[url])
            pending.discard(url)
    for page in site_dir.rglob("*.html"):
        url = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        rewritten = _rewrite(url, html, renamed, PAGE_REFERENCE, 3)
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")
    return renamed
