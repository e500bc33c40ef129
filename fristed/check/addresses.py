r"""E-mail addresses and domain names written in a page's text, outside link targets.

An address must be a registered one exactly, in ASCII: `help@example.org`, not `HELP@example.org`
nor `h\u0435lp@example.org` with a Cyrillic e. A domain a reader could type (`example.org`) must be
a registered domain or one of its subdomains.

Words with dots are common (`f.eks.`, `e.g.`, `bl.a.`), so a token counts as a domain only if it
starts with a scheme (`https://`) or `www.`, or if a label after its first is a public suffix of
the Public Suffix List (publicsuffixlist bundles it; nothing is downloaded): `agency-apply.xyz`, and
`agency.no.evil.example`, whose `.no` is not where it ends. A look-alike ending (`.n\u043e`, with a
Cyrillic o) is not taken for a domain in text; in a link target it fails all the same (links.py).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from publicsuffixlist import PublicSuffixList

from fristed.check.registry import Occurrence, Registry
from fristed.check.text import LETTER, MARKS, Page, Spans

_LABEL_CHAR = rf"(?:{LETTER}|\d|[{MARKS}])"
_LABEL = rf"{_LABEL_CHAR}(?:(?:{_LABEL_CHAR}|-)*{_LABEL_CHAR})?"
HOST = rf"{_LABEL}(?:\.{_LABEL})+"
MENTION = re.compile(rf"(?<![\w.@/-])(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)?(?P<host>{HOST})(?![\w@-])")
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+(?:[{MARKS}][\w.+-]*)*@{HOST}(?![\w-])")
_CHUNK_START = re.compile(r"\S*\Z")
_CHUNK_END = re.compile(r"\S*")


@functools.cache
def _suffixes() -> PublicSuffixList:
    """The Public Suffix List as bundled with publicsuffixlist, read once, when a page has a dot."""
    return PublicSuffixList(accept_unknown=False)


def not_ascii(text: str) -> str:
    """Name the characters of a text that are not ASCII, for a hint: `U+043E CYRILLIC SMALL LETTER O`."""
    names = []
    for char in dict.fromkeys(text):
        if not char.isascii():
            names.append(f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}")
    return ", ".join(names)


def hint(found: str, known: list[str]) -> str:
    """Say what is wrong with an address or domain that looks like a registered one."""
    parts = []
    if not found.isascii():
        parts.append(f"{not_ascii(found)} is not ASCII")
    close = difflib.get_close_matches(found.lower(), known, n=1, cutoff=0.6)
    if close:
        parts.append(f"did you mean {close[0]}?")
    return f" ({'; '.join(parts)})" if parts else ""


def is_domain(match: re.Match) -> bool:
    """Whether a dotted token is a domain a reader would type, not an abbreviation such as `f.eks`."""
    host = match.group("host").lower()
    if match.group("scheme") or host.startswith("www."):
        return True
    suffixes = _suffixes()
    return any(suffixes.is_public(label) for label in host.split(".")[1:])


def _finditer(pattern: re.Pattern, view: str, needle: str):
    """Find a pattern only in the space-separated chunks that hold `needle`: many times faster than
    running a pattern that starts with a letter class at every letter of a page."""
    end = 0
    index = view.find(needle)
    while index != -1:
        start = _CHUNK_START.search(view, max(end, index - 1000), index).start()
        end = _CHUNK_END.match(view, index).end()
        yield from pattern.finditer(view, start, end)
        index = view.find(needle, end)


def scan_emails(page: Page, registry: Registry, skip: Spans) -> list[Occurrence]:
    """Return every e-mail address of a page's text, registered or not."""
    occurrences = []
    for match in _finditer(EMAIL, page.view, "@"):
        if skip.overlaps(match.start(), match.end()):
            continue
        key = registry.email_by_address.get(match.group())
        found = page.shown(match.start(), match.end())
        occurrences.append(
            Occurrence("emails", key or match.group(), key is not None, match.start(), match.end(), found)
        )
    return occurrences


def scan_domains(page: Page, registry: Registry, skip: Spans) -> list[Occurrence]:
    """Return every domain a page's text names, registered or not."""
    occurrences = []
    for match in _finditer(MENTION, page.view, "."):
        if not is_domain(match) or skip.overlaps(match.start(), match.end()):
            continue
        host = match.group("host")
        key = registry.domain_of(host.lower()) if host.isascii() else None
        found = page.shown(match.start(), match.end())
        occurrences.append(Occurrence("domains", key or host, key is not None, match.start(), match.end(), found))
    return occurrences


def mentions(text: str) -> list[str]:
    """Return the hosts a piece of text shows, in lower case: `[example.org](…)` shows `example.org`."""
    return [match.group("host").lower() for match in MENTION.finditer(text) if is_domain(match)]
