"""Small, exact edits to the HTML a page is built into."""

from __future__ import annotations

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
