"""Small, exact edits to the HTML a page is built into."""

from __future__ import annotations

import html as html_module
import re

HTML_TAG = re.compile(r"<html\b[^>]*>")
LANG_OR_DIR = re.compile(r'\s(?:lang|dir)="[^"]*"')
# Phone numbers and addresses are left-to-right even inside Arabic text; a `dir` attribute
# isolates them, so the digit groups of "12 34 56 78" never reorder.
CONTACT_LINK = re.compile(r"<a (?=[^>]*\bhref=\"(?:tel|mailto):)(?![^>]*\bdir=)")


def set_document_language(html: str, code: str, direction: str) -> str:
    """Put `lang` and `dir` on `<html>`, where screen readers and the browser's layout look first."""

    def replace(match: re.Match) -> str:
        others = LANG_OR_DIR.sub("", match.group(0)[len("<html") :])
        return f'<html lang="{code}" dir="{direction}"{others}'

    return HTML_TAG.sub(replace, html, count=1)


def isolate_contact_links(html: str) -> str:
    """Mark every `tel:` and `mailto:` link left-to-right."""
    return CONTACT_LINK.sub('<a dir="ltr" ', html)


PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def first_paragraph(html: str, limit: int = 160) -> str:
    """The text of a page's first paragraph, cut at a word to at most `limit` characters (what
    search engines show under a title), or "" when it has none."""
    match = PARAGRAPH.search(html)
    text = " ".join(html_module.unescape(TAG.sub("", match.group(1))).split()) if match else ""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
