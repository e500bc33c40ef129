"""Markup: no page may run code, load anything from elsewhere, or send a link past the link checks.

A translation comes as a pull request, honest or not. A page that could carry more than plain
text is rendered as MkDocs renders it (Python-Markdown, the extensions of mkdocs.yml), and the
sanitizer, nh3, judges the HTML against an allowlist (sanitizer.py). Whatever it would take out
is an error, placed on the line and column of the Markdown that made it:

found                                             | refused because
<script>, event handlers (onclick=…), svg, math   | they run code
<iframe>, <object>, <embed>                       | they load another page or a plugin into this one
<form> and its controls                           | they send what the reader types somewhere else
<style>, <link>, <meta>, <base>, style="…"        | they load from elsewhere, hide text, redirect the reader or
                                                  | re-aim every link; the site styles its pages itself
javascript:, vbscript:, data: and other schemes   | in any case, with entities or tabs inside (`jav&#x09;ascript:`)
an image from any host                            | it tells that host who reads the page: images are the site's own
a link to a host not in data/facts.yml            | links.py judges the links it reads; this module the ones only
                                                  | the renderer finds, and reports none twice
href=, src=… in an attribute list `{: …}`         | it replaces the target the link checks read (attr_list)
class=, or id= off a heading                      | the theme's classes can hide text; an id can clash with the theme's
an HTML comment                                   | see below

Comments: the site's minifier strips them from the pages, so no reader gets one; but the Markdown
keeps them, where they hide text from anyone who reviews the rendered pull request, and where a
comment that parsers end in different places (`<!-->`) is the classic way to smuggle a tag past a
sanitizer. The sanitizer removes them, so they are refused like anything else it removes; notes for
translators belong in the pull request. (The facts checker reads numbers inside comments too.) The
one comment let through is the build's marker on the translators' status page,
`<!-- translation-status: … -->`, which the build replaces with a table before rendering.

Speed: Markdown made only of text, headings, lists and links whose targets are plain
(`https://host/path`, `tel:`, `mailto:`, `page.md#anchor`), all of them read by links.py, cannot
make any of the above; such pages, every real one today, are not rendered. Any `<`, `{`, `&`,
image, reference definition, table of contents marker or other link target sends a page to the
renderer and the sanitizer.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from urllib.parse import urlsplit

from fristed.check.links import INLINE, Link, accepts, clean_url, target_message
from fristed.check.registry import Registry
from fristed.check.sanitizer import URL_ATTRIBUTES, Removal, removals
from fristed.check.text import Page, spell
from fristed.data import Problem
from fristed.pages import STATUS_MARKER

# mkdocs.yml's markdown_extensions, with the three MkDocs always adds; a test keeps them in step.
EXTENSIONS = ("attr_list", "toc", "tables", "fenced_code")
SANITIZER = "fristed/check/sanitizer.py"

_SUSPECT = re.compile(r"[<{&]|!\[|\[TOC\]|\]:")
_OPENER = re.compile(r"\]\(")
# Targets with no user name, port, escape, quote, title or `//` host of their own to misread.
_PLAIN_TAIL = re.compile(
    r"\]\((?:https?://[A-Za-z0-9.-]+(?:/[\w.~/-]*)?|tel:\+?[0-9]+|mailto:[\w.+-]+@[A-Za-z0-9.-]+"
    r"|(?!//)[\w.~/-]*(?:#[\w-]*)?)\)"
)
# Attributes that hold an address: set through `{: …}` they would take the link past links.py.
_LIST_ADDRESSES = {"href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "ping", "xlink:href"}
_COMMENT = re.compile(r"<!--|<[!?]|</(?![A-Za-z])")

_WHY_TAGS = {
    "runs code": "script svg math template applet",
    "loads another page or a plugin into this one": "iframe frame frameset object embed portal",
    "sends what the reader types somewhere else": (
        "form input button select option optgroup textarea label fieldset output datalist keygen"
    ),
    "can load from elsewhere and hide text": "style link",
    "can send the reader to another page": "meta",
    "changes where every link of the page goes": "base",
    "loads media, which tells its host who reads the page": "audio video source track picture",
    "puts its attributes on the whole page": "html head body",
    "is read by browsers in ways that differ": "noscript noembed noframes xmp plaintext title",
}
TAG_REASONS = {tag: why for why, tags in _WHY_TAGS.items() for tag in tags.split()}


def needs_rendering(text: str) -> bool:
    """Whether a page's Markdown could make anything but text and plain links that links.py reads."""
    if _SUSPECT.search(text):
        return True
    plain = {m.end("text") for m in INLINE.finditer(text) if _PLAIN_TAIL.fullmatch(text, m.end("text"), m.end())}
    return any(opener.start() not in plain for opener in _OPENER.finditer(text))


def new_markdown():
    """A Python-Markdown converter as mkdocs.yml configures it; imported only when a page needs it."""
    import markdown
    from pymdownx.slugs import slugify

    toc = {"slugify": slugify(case="lower")}
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs={"toc": toc})


_markdown = functools.cache(new_markdown)


def body_of(text: str) -> tuple[str, int]:
    """A page's Markdown after its front matter, as MkDocs reads it, and where it starts."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(text)
    return body, len(text) - len(body) if text.endswith(body) else 0


def render(text: str) -> tuple[str, int]:
    """Return a page's HTML as MkDocs makes it, and where its Markdown starts after the front matter."""
    body, start = body_of(text)
    return _markdown().reset().convert(body), start


def as_built(text: str) -> str:
    """A page's Markdown as the build renders it: the status page's marker is not a comment but the
    build's own table, which shows the marker's text, escaped (fristed/translations/report.py)."""
    return STATUS_MARKER.sub(lambda marker: html.escape(marker.group(1)), text)


def check_markup(page: Page, registry: Registry, links: list[Link]) -> list[Problem]:
    """Return an error for everything the sanitizer would take out of a page, at its place in the Markdown."""
    text = as_built(page.text)
    if not needs_rendering(text):
        return []
    try:
        markup, start = render(text)
    except Exception as error:  # untrusted input must give a finding, never stop the check
        return [Problem(page.path, 1, f"markup: expected Markdown the renderer reads, found {type(error).__name__}")]
    problems, listed = _attribute_lists(page, start)
    read = {clean_url(link.url) for link in links}

    def keep_url(tag: str, attribute: str, url: str) -> bool:
        if tag == "img":
            parts = urlsplit(clean_url(url).replace("\\", "/"))
            return not parts.scheme and not parts.netloc
        return accepts(registry, url)

    cursor = start
    for removal in removals(markup, keep_url):
        if _reported_elsewhere(removal, read, listed, registry):
            continue
        found = _locate(page, removal, cursor, start)
        written = None
        if found is not None:
            cursor = found
            # A comment is quoted as written: `<!-->` is the trick, and nh3 reads it as `<!---->`.
            end = page.text.find(">", found + 2)
            written = " ".join(page.text[found : end + 1].split()) if removal.kind == "comment" and end >= 0 else None
        line, column = page.position_in_file(cursor)
        problems.append(Problem(page.path, line, _message(removal, registry, written), column))
    return problems


def _attribute_lists(page: Page, start: int) -> tuple[list[Problem], set[tuple[str, str]]]:
    """Refuse addresses set through attr_list's `{: href=… }`; return the errors and what they name."""
    from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

    problems, listed = [], set()
    for match in re.finditer(AttrListTreeprocessor.BASE_RE, page.text[start:]):
        attributes, _ = get_attrs_and_remainder(match.group(1))
        for key, value in attributes:
            if key.lower() not in _LIST_ADDRESSES:
                continue
            listed.add((key.lower(), value or ""))
            line, column = page.position_in_file(start + match.start(1) + match.group(1).find(key))
            problems.append(
                Problem(
                    page.path,
                    line,
                    (
                        f"attribute list: expected no address in {{: … }}, which would replace the target the link "
                        f'checks read, found {key}="{_quote(value or "")}"; write the address as the target, '
                        "[text](address)"
                    ),
                    column,
                )
            )
    return problems, listed


def _reported_elsewhere(removal: Removal, read: set[str], listed: set[tuple[str, str]], registry: Registry) -> bool:
    """Whether links.py or the attribute list check already reports this address."""
    if removal.kind != "attribute" or (removal.tag, removal.attribute) not in URL_ATTRIBUTES:
        return False
    if (removal.attribute, removal.value) in listed:
        return True
    if clean_url(removal.value) not in read:
        return False
    # links.py judges where a link goes; an image it lets through may still load from another host.
    return removal.tag == "a" or not accepts(registry, removal.value)


def _locate(page: Page, removal: Removal, cursor: int, start: int) -> int | None:
    """Find what made a removal in the Markdown, from the previous finding on, then from the top."""
    name = re.escape(removal.attribute)
    value = removal.value
    needles: list[str | re.Pattern] = []
    if removal.kind == "tag":
        needles.append(re.compile(rf"<{re.escape(removal.tag)}(?![^\t\n\f\r />])", re.IGNORECASE))
    elif removal.kind == "comment":
        needles.append(_COMMENT)
    elif removal.kind == "attribute":
        attribute = re.compile(rf"(?<![\w:-]){name}(?:\s*=|(?![\w:-]))", re.IGNORECASE)
        # An address is looked for as written first: a Markdown link has no `href=`.
        needles.extend([value, attribute] if (removal.tag, removal.attribute) in URL_ATTRIBUTES else [attribute])
        if removal.attribute in ("class", "id") and value:
            needles.append(("." if removal.attribute == "class" else "#") + value.split()[0])
        if (removal.tag, removal.attribute, value) == ("div", "class", "toc"):
            needles.append("[TOC]")
        needles.append(value)
    for begin in (cursor, start):
        for needle in needles:
            found = _find(page, needle, begin)
            if found is not None:
                return found
    return None


def _find(page: Page, needle: str | re.Pattern, begin: int) -> int | None:
    """Where a needle stands in the file from `begin`: a pattern in the text, or a string in the
    view, where entities are decoded (`java&#115;cript:`)."""
    if isinstance(needle, re.Pattern):
        match = needle.search(page.text, begin)
        return match.start() if match else None
    if not needle:
        return None
    at = page.view.find(needle, bisect.bisect_left(page.origin, begin))
    return page.origin[at] if at >= 0 else None


def _quote(value: str, limit: int = 60) -> str:
    """A value as a message shows it: on one line, control and invisible characters spelled out, short."""
    shown = spell("".join(f"\\x{ord(char):02x}" if ord(char) < 0x20 else char for char in value))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _message(removal: Removal, registry: Registry, written: str | None = None) -> str:
    """The error for one thing the sanitizer takes out, in the checker's `what: expected …, found …` form."""
    tag, attribute, value = removal.tag, removal.attribute, removal.value
    if removal.kind == "tag":
        why = TAG_REASONS.get(tag, "a translation does not need")
        return f"html: expected only the tags listed in {SANITIZER}, found <{tag}>, which {why}; remove it"
    if removal.kind == "comment":
        return (
            "html: expected no comment, which the sanitizer removes (see fristed/check/markup.py), "
            f'found "{_quote(written or f"<!--{value}-->", 60)}"; write notes for translators in the pull request'
        )
    if removal.kind == "change":
        return f"html: expected markup the sanitizer keeps as written (see {SANITIZER}), found markup it changes"
    if (tag, attribute) == ("a", "href"):
        return target_message(registry, _quote(value, 80))
    if (tag, attribute) == ("img", "src"):
        return (
            "images: expected an image file of this site, such as ../assets/images/map.png, as an image from "
            f'another host tells it who reads the page, found "{_quote(value, 80)}"'
        )
    if attribute.startswith("on"):
        why = "an event handler, which runs code"
    elif attribute == "style":
        why = "an inline style, which can load from another host with url() or hide text"
    elif attribute in ("class", "id"):
        why = "the theme's classes can hide text" if attribute == "class" else "only headings have an id"
    else:
        why = "not one a translation needs"
    return (
        f'html: expected only the attributes listed in {SANITIZER}, found {attribute}="{_quote(value)}" on <{tag}> '
        f"({why}); remove it"
    )
