"""Links: Markdown inline, reference and auto links, and URL attributes of raw HTML.

target           | allowed when
https:// http:// | the host is a registered domain or a subdomain of one, in ASCII, with no user name
                 | (`example.org@evil.com` goes to evil.com), port or percent sign; text that shows an
                 | address (`example.org`) must show the one the link goes to
tel:             | the number is registered and the link text shows that number
mailto:          | the address is registered exactly and the link text shows that address
no scheme        | always: a page or file of this site (`help.md`, `#section`)
any other        | never (`javascript:`, `data:`, `ftp:`, `//evil.com`)

Each link to a registered domain counts once as that domain's fact; a `tel:` or `mailto:` link
counts through the number or address its text shows, which phones.py and addresses.py find.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from fristed.check.addresses import mentions
from fristed.check.phones import number_of
from fristed.check.registry import Occurrence, Registry
from fristed.check.text import Page
from fristed.data import Problem

_TEXT = r"(?:[^\[\]\\\n]|\\.|\[(?:[^\[\]\\\n]|\\.)*\]|\n(?![ \t]*\n))*"
_TARGET = r"(?:<(?P<angle>[^<>\n]*)>|(?P<bare>(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+))"
INLINE = re.compile(rf"!?\[(?P<text>{_TEXT})\]\(\s*{_TARGET}(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
REFERENCE = re.compile(rf"!?\[(?P<text>{_TEXT})\](?:\[(?P<label>[^\]\n]*)\])?(?![(:])")
# Python-Markdown also reads definitions inside list items and quotes (`- [a]: url`, `> [a]: url`,
# or indented under an item): any such prefix is read, so no definition escapes the check.
_CONTAINERS = r"(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
DEFINITION = re.compile(
    rf"(?m)^{_CONTAINERS}\[(?P<label>[^\]\n]+)\]:[ \t]*\n?[ \t]*(?:<(?P<angle>[^<>\n]*)>|(?P<bare>\S+))"
)
# `<tel:…>`, `<mailto:…>` and `<name@host>` show what they point to; the scanners read them as text.
AUTOLINK = re.compile(r"<(?P<bare>(?!(?i:tel|mailto):)[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")
ANCHOR = re.compile(r"<a\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<text>.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[a-zA-Z][\w:-]*(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(
    r"(?<![\w:-])(?P<name>href|src|srcset|action|formaction|poster|cite|background|data|xlink:href|ping)\s*=\s*"
    r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\s\"'=<>`]+))",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROLS_AND_SPACE = "".join(chr(code) for code in range(0x21))
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")


@dataclass(frozen=True)
class Link:
    """A link target, and the span of the text that shows it, if it has one."""

    target: tuple[int, int]
    text: tuple[int, int] | None
    url: str

    @property
    def scheme(self) -> str:
        """The scheme in lower case, `web` for http, https and `//host`, or '' for a page of this site."""
        url = clean_url(self.url)
        match = _SCHEME.match(url)
        scheme = match.group(1).lower() if match else ""
        if scheme in ("http", "https") or (not scheme and url.replace("\\", "/").startswith("//")):
            return "web"
        return scheme


Checked = tuple[list[Occurrence], list[Problem]]


def _target(match: re.Match) -> tuple[int, int]:
    group = "angle" if match.group("angle") is not None else "bare"
    return match.span(group)


def find_links(page: Page) -> list[Link]:
    """Return every link target of a page, in page order."""
    view = page.view
    links: dict[tuple[int, int], Link] = {}
    definitions: dict[str, tuple[int, int]] = {}
    for match in DEFINITION.finditer(view):
        definitions.setdefault(match.group("label").strip().lower(), _target(match))
    for match in INLINE.finditer(view):
        links[_target(match)] = Link(_target(match), match.span("text"), view[slice(*_target(match))])
    used = set()
    for match in REFERENCE.finditer(view) if definitions else ():
        label = (match.group("label") or match.group("text")).strip().lower()
        if label in definitions:
            used.add(label)
            target = definitions[label]
            links[(*target, match.start())] = Link(target, match.span("text"), view[slice(*target)])
    # A definition no reference uses is still a target a page could be given; check it alone.
    for label, target in definitions.items():
        if label not in used:
            links[target] = Link(target, None, view[slice(*target)])
    for match in AUTOLINK.finditer(view):
        links[match.span("bare")] = Link(match.span("bare"), None, match.group("bare"))
    texts = {}
    for match in ANCHOR.finditer(view):
        for attribute in ATTRIBUTE.finditer(match.group("attrs")):
            if attribute.group("name").lower() == "href":
                texts[match.start("attrs") + attribute.start()] = match.span("text")
    for tag in TAG.finditer(view):
        for attribute in ATTRIBUTE.finditer(tag.group("attrs")):
            group = next(name for name in ("dq", "sq", "uq") if attribute.group(name) is not None)
            start, end = (tag.start("attrs") + offset for offset in attribute.span(group))
            text = texts.get(tag.start("attrs") + attribute.start())
            if attribute.group("name").lower() == "srcset":
                # `srcset` lists `url width` pairs, separated by commas.
                for candidate in re.finditer(r"[^\s,]+(?=\s|,|$)", view[start:end]):
                    span = (start + candidate.start(), start + candidate.end())
                    if not re.fullmatch(r"\d+(\.\d+)?[wx]", candidate.group()):
                        links[span] = Link(span, None, candidate.group())
                continue
            links[(start, end)] = Link((start, end), text, view[start:end])
    return sorted(links.values(), key=lambda link: link.target)


def clean_url(url: str) -> str:
    """A URL as a browser reads it: entities decoded, without tabs and line breaks or spaces around."""
    return re.sub(r"[\t\n\r]", "", html.unescape(url)).strip(_CONTROLS_AND_SPACE)


def _inside(occurrences: list[Occurrence], span: tuple[int, int]) -> list[Occurrence]:
    return [occurrence for occurrence in occurrences if span[0] <= occurrence.start and occurrence.end <= span[1]]


def check_links(
    page: Page, registry: Registry, links: list[Link], phones: list[Occurrence], emails: list[Occurrence]
) -> tuple[list[Occurrence], list[Problem]]:
    """Check every link's target and text; return the links to domains as occurrences, and problems."""
    occurrences, problems = [], []
    for link in links:
        url, scheme = clean_url(link.url), link.scheme
        if scheme in ("tel", "mailto"):
            check, found = (_check_tel, phones) if scheme == "tel" else (_check_mailto, emails)
            counted, contact_problems = check(
                page, registry, link, url, _inside(found, link.text) if link.text else None
            )
            occurrences.extend(counted)
            problems.extend(contact_problems)
        elif scheme == "web":
            occurrence = _web(registry, link, url, page.shown(*link.target))
            occurrences.append(occurrence)
            # A host the registry does not know is reported with the page's other unknown facts.
            if occurrence.registered and link.text:
                problems.extend(_check_shown_host(page, registry, link, occurrence))
        elif scheme:
            problems.append(page.problem(link.target[0], target_message(registry, page.shown(*link.target))))
    return occurrences, problems


def target_message(registry: Registry, found: str) -> str:
    """The error for a link that goes nowhere a link may go; markup.py gives it for links this module cannot read."""
    return (
        f"links: expected a page of this site, https:// on {registry.domains_list()}, tel: or mailto: "
        f'(see {registry.see("domains")}), found "{found}"'
    )


def accepts(registry: Registry, url: str) -> bool:
    """Whether a target may stand in a link: a page of this site, https:// on a registered domain, tel: or
    mailto: (whose number or address the scanners then check as facts)."""
    link = Link((0, 0), None, url)
    scheme = link.scheme
    if scheme == "web":
        return _web(registry, link, clean_url(url), url).registered
    return scheme in ("", "tel", "mailto")


def _web(registry: Registry, link: Link, url: str, found: str) -> Occurrence:
    """Read the host of a web link: a registered domain's occurrence, or the host it is not."""
    netloc = urlsplit(url.replace("\\", "/")).netloc
    host = netloc.lower()
    key = registry.domain_of(host) if _HOST.fullmatch(host) else None
    return Occurrence("domains", key or netloc, key is not None, link.target[0], link.target[1], found)


def _check_shown_host(page: Page, registry: Registry, link: Link, occurrence: Occurrence) -> list[Problem]:
    """A link whose text shows an address must go to that address (`example.org` may go to www.example.org)."""
    host = urlsplit(clean_url(link.url).replace("\\", "/")).netloc.lower().removeprefix("www.")
    for shown in mentions(page.view[slice(*link.text)]):
        shown = shown.removeprefix("www.")
        if shown != host and not host.endswith("." + shown):
            return [
                page.problem(
                    link.text[0],
                    (
                        f"{registry.label(occurrence)}: expected the link text to show the address the link goes to, "
                        f"{host} "
                        f'(see {registry.see("domains", occurrence.key)}), found "{page.shown(*link.text)}"'
                    ),
                )
            ]
    return []


def _check_tel(page: Page, registry: Registry, link: Link, url: str, shown: list[Occurrence] | None) -> Checked:
    """A `tel:` link calls a registered number, and its text shows that number."""
    dialled = re.sub(r"[-.()\s]", "", unquote(url[4:]))
    number = ""
    if re.fullmatch(r"\+?[0-9]+", dialled):
        number = number_of(dialled.lstrip("+"), dialled.startswith("+"), registry)
    return _check_contact(page, registry, link, "phones", number, registry.phone_by_number.get(number), shown)


def _check_mailto(page: Page, registry: Registry, link: Link, url: str, shown: list[Occurrence] | None) -> Checked:
    """A `mailto:` link writes to a registered address, exactly, and its text shows that address."""
    address = unquote(url[7:])
    return _check_contact(page, registry, link, "emails", address, registry.email_by_address.get(address), shown)


def _check_contact(
    page: Page, registry: Registry, link: Link, kind: str, value: str, key: str | None, shown: list[Occurrence] | None
) -> Checked:
    """The shared rules of `tel:` and `mailto:` links, where the text is what the reader trusts."""
    target = page.shown(*link.target)
    noun, verb = ("number", "calls") if kind == "phones" else ("address", "writes to")
    shown = shown or []
    if key is None:
        if any(occurrence.key == value for occurrence in shown):
            # The text shows the same unknown number or address: one error, at the text, is enough.
            return [], []
        registered = {occurrence.key for occurrence in shown if occurrence.registered}
        if len(registered) == 1:
            (shown_key,) = registered
            fact = (
                registry.facts.phones[shown_key].tel
                if kind == "phones"
                else f"mailto:{registry.facts.emails[shown_key]}"
            )
            message = f"{kind}.{shown_key}: expected {fact}, the {noun} the link text shows"
            see = registry.see(kind, shown_key)
        else:
            what = "a number" if kind == "phones" else "an address"
            message = f"{kind}: expected a {target.split(':')[0]}: link to {what} registered in data/facts.yml"
            see = registry.see(kind)
        return [], [page.problem(link.target[0], f'{message} (see {see}), found "{target}"')]
    if any(not occurrence.registered for occurrence in shown):
        # The text shows an unknown number or address, an error of its own already.
        return [], []
    if {occurrence.key for occurrence in shown} == {key} and len(shown) == 1:
        return [], []
    found = []
    if not shown:
        # Count the link's own number, so the page is not also said to lack it: one mistake, one error.
        found.append(Occurrence(kind, key, True, link.target[0], link.target[1], target))
    if link.text is None:
        return found, []
    return found, [
        page.problem(
            link.text[0],
            (
                f"{kind}.{key}: expected the link text to show {registry.value(kind, key)}, the {noun} the link {verb} "
                f'(see {registry.see(kind, key)}), found "{page.shown(*link.text)}"'
            ),
        )
    ]
