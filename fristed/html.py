"""Small, exact edits to the HTML a page is built into."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

from fristed.check.phones import RUN
from fristed.check.text import DIGIT, Page

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


_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([A-Za-z][\w-]*)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is isolated already (`dir`, `<bdi>`, links of numbers), or is not prose.
_ISOLATED = {"a", "bdi", "bdo", "code", "pre", "kbd", "samp", "script", "style", "textarea"}
_DIGIT_GROUP = re.compile(f"{DIGIT}+")


def isolate_digit_groups(html: str) -> str:
    """Wrap each run of two or more digit groups (`12 34 56 78`, `08.00-16.00`) in `<bdi>`, where
    nothing isolates it already, so right-to-left text cannot show its groups in reverse order.

    A `tel:` link is isolated by its `dir` (`isolate_contact_links`); this is for numbers a page
    states as text. Runs are found as the checker finds phone numbers (fristed/check/phones.py),
    entities decoded, so `12&nbsp;34` is one run.
    """
    out, open_tags = [], []  # each open element, and whether it isolates its text
    for part in _TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            name = _TAG_NAME.match(part)
            if not name or part.startswith(("<!", "<?")):
                continue
            tag = name.group(1).lower()
            if part.startswith("</"):
                while open_tags and open_tags.pop()[0] != tag:
                    pass
            elif tag not in _VOID and not part.endswith("/>"):
                open_tags.append((tag, tag in _ISOLATED or re.search(r"\sdir=", part) is not None))
            continue
        if any(isolating for _, isolating in open_tags) or not _DIGIT_GROUP.search(part):
            out.append(part)
            continue
        out.append(_wrap_runs(part))
    return "".join(out)


def _wrap_runs(text: str, before: str = "<bdi>", after: str = "</bdi>") -> str:
    """Wrap the runs of several digit groups of one piece of HTML text in `<bdi>`, or in `before`
    and `after`."""
    page = Page(Path(), "", "", text)
    pieces, last = [], 0
    for run in RUN.finditer(page.view):
        if len(_DIGIT_GROUP.findall(run.group())) < 2:
            continue
        start = page.origin[run.start()]
        end = start + len(page.original(run.start(), run.end()))
        pieces.extend((text[last:start], before, text[start:end], after))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def isolate_digit_runs(text: str) -> str:
    """Isolate each run of digit groups of plain text with Unicode's left-to-right isolate (LRI
    and PDI): what `<bdi>` does in markup, but valid in an attribute too."""
    return _wrap_runs(text, "\u2066", "\u2069") if _DIGIT_GROUP.search(text) else text
