"""What the sanitizer, nh3 (ammonia, in Rust), would take out of a page's HTML: the allowlist, and the diff.

A page may use these tags, and on them these attributes (`dir`, `lang` and `title` on every tag):

tag                                                   | attributes
p br hr blockquote pre div span bdi bdo wbr           |
h1 h2 h3 h4 h5 h6                                     | id (the table of contents gives every heading one)
em strong b i u s del ins mark small sub sup q cite   |
abbr dfn                                              | (title, on every tag)
code kbd samp var                                     | class, on code: only `language-…`, as fenced code writes it
a                                                     | href: what `keep_url` allows; hreflang
img                                                   | src: what `keep_url` allows; alt, width, height
ul ol li dl dt dd                                     | start and reversed on ol, value on li
table caption thead tbody tfoot tr th td colgroup col | colspan, rowspan, headers, scope, span; style on th and
                                                      | td: only `text-align: left|center|right;`, as tables write it
figure figcaption time ruby rt rp                     | datetime on time

URLs may be http, https, tel, mailto or relative. Everything else is taken out: scripts, frames,
objects, forms, styles, SVG and MathML, event handlers, classes, inline styles, and comments.

The sanitizer is the judge, and what it takes out is found by difference: the page's HTML is read
by nh3 twice, once keeping everything it could parse and once with the allowlist. Both readings
come from the same HTML5 parser, the one browsers follow, so a trick that makes two parsers
disagree (`<!-->`, `<noscript>`, unclosed quotes) cannot hide a tag from the comparison.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

TEXT_TAGS = {"p", "br", "hr", "blockquote", "pre", "div", "span", "bdi", "bdo", "wbr", "abbr", "dfn", "a", "img"}
TEXT_TAGS |= {"h1", "h2", "h3", "h4", "h5", "h6", "code", "kbd", "samp", "var", "figure", "figcaption", "time"}
TEXT_TAGS |= {"em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite"}
TEXT_TAGS |= {"ul", "ol", "li", "dl", "dt", "dd", "ruby", "rt", "rp"}
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"}
TAGS = frozenset(TEXT_TAGS | TABLE_TAGS)
CELL = {"colspan", "rowspan", "headers"}
ATTRIBUTES = {
    "*": {"dir", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "code": {"class"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": CELL | {"scope"},
    "td": CELL,
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
# The one inline style Python-Markdown writes, for the columns of a table.
ALIGNED = {"style": {f"text-align: {side};" for side in ("left", "center", "right")}}
VALUES = {"th": ALIGNED, "td": ALIGNED}
URL_SCHEMES = {"http", "https", "tel", "mailto"}
URL_ATTRIBUTES = {("a", "href"), ("img", "src")}
_LANGUAGE_CLASS = re.compile(r"language-[\w+#.-]+")
# More than every tag name an HTML5 tokenizer could start, and every URL scheme: the first
# reading must keep everything, so it is told every name that could be there.
_TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_SCHEME_LIKE = re.compile(r"[A-Za-z0-9+.-]+(?=:)")
_PAGE_TAGS = {"html", "head", "body"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Removal:
    """One thing the sanitizer takes out: a tag, an attribute of a tag, a comment, or a change it cannot name."""

    kind: str  # "tag", "attribute", "comment" or "change"
    tag: str = ""
    attribute: str = ""
    value: str = ""


@dataclass(frozen=True)
class _Element:
    tag: str
    attributes: tuple[tuple[str, str], ...]


class _Reader(HTMLParser):
    """Lists the elements and comments of HTML that nh3 wrote, which is regular enough for this parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Element | str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(_Element(tag, tuple((name, value or "") for name, value in attrs)))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.items.append(data)


def _read(markup: str) -> list[_Element | str]:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.items


def _names(markup: str) -> set[str]:
    """Every name an HTML5 tokenizer could read as a tag, in the lower case it gives them."""
    return {name.translate(_ASCII_LOWER) for name in _TAG_NAME.findall(markup)}


def _schemes(markup: str) -> set[str]:
    """Every scheme a URL in the HTML could have, once entities are decoded and tabs and line
    breaks dropped, as URL parsers do (`jav&#x09;ascript:`)."""
    schemes = set()
    for text in (markup, re.sub(r"[\t\n\r]", "", html.unescape(markup))):
        for run in _SCHEME_LIKE.findall(text):
            schemes.update(run[at:].lower() for at in range(len(run)) if run[at].isascii() and run[at].isalpha())
    return schemes


def removals(markup: str, keep_url: Callable[[str, str, str], bool]) -> list[Removal]:
    """Return what nh3 takes out of HTML, in document order; `keep_url(tag, attribute, url)` judges
    the URLs that pass its scheme list, such as a web link's host."""
    import nh3  # only pages with markup pay for loading it

    def judge(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) in URL_ATTRIBUTES:
            return value if keep_url(tag, attribute, value) else None
        if attribute == "class":
            return value if _LANGUAGE_CLASS.fullmatch(value) else None
        return value

    names = _names(markup)
    # Nothing taken out, comments and unknown tags kept: what a browser would build.
    seen = nh3.clean(
        markup,
        tags=TAGS | names,
        clean_content_tags=set(),
        generic_attribute_prefixes={""},
        strip_comments=False,
        link_rel=None,
        url_schemes=_schemes(markup) | URL_SCHEMES,
    )
    kept = nh3.clean(
        markup,
        tags=set(TAGS),
        clean_content_tags=set(),
        attributes=ATTRIBUTES,
        tag_attribute_values=VALUES,
        attribute_filter=judge,
        link_rel=None,
        url_schemes=URL_SCHEMES,
    )
    items = _read(seen)
    # nh3 reads a fragment, where these start tags are dropped; in a page, `<body onload=…>` puts
    # its attributes on the page's own body.
    elements = {item.tag for item in items if isinstance(item, _Element)}
    dropped = [Removal("tag", name) for name in sorted(names & _PAGE_TAGS - elements)]
    if seen == kept:
        return dropped
    found = []
    left = deque(item for item in _read(kept) if isinstance(item, _Element))
    for item in items:
        if isinstance(item, str):
            found.append(Removal("comment", value=item))
        elif item.tag not in TAGS:
            found.append(Removal("tag", item.tag))
        elif left and left[0].tag == item.tag:
            other = dict(left.popleft().attributes)
            found.extend(
                Removal("attribute", item.tag, name, value)
                for name, value in item.attributes
                if other.get(name) != value
            )
        # Otherwise the element went with a parent the sanitizer took out, already reported.
    if not found:
        found.append(Removal("change"))
    return found + dropped
