"""The CSS each page's first screen needs, carried in the page itself.

On 2G a stylesheet in the page's head costs a whole round trip (800 ms) before anything shows.
So each page carries, in a `<style>` of its own head, the rules that can match its first screen
(the header with the helpline and the exit, the closed menus, the first blocks of the text),
taken from the site's stylesheet in its order; the whole stylesheet follows at the end of the body, where
it blocks nothing, and is cached for the next page. The page's security policy allows that one
`<style>` by its hash.

A selector is kept when its last compound can match an element of the first screen, as built,
before anything is hovered or focused or a script ran, and every other compound can match the
element's ancestors or their siblings (which `A B`, `A > B`, `A ~ B` and `A + B` need). Within
the first screen that errs only on the side of keeping a rule, and takes sets, not a selector
engine, so all the pages of fifteen languages take about a second. What the stylesheet alone
brings is listed below: print rules, animations and pointer settings, the menus' entries.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import rcssmin
import tinycss2

from fristed.assets.stylesheet import (
    BLOCK_AT_RULES,
    declaration_text,
    element_tokens,
    selector_used,
    split_selectors,
    used_properties,
    variables,
)
from fristed.safety import CONTENT_SECURITY_POLICY, content_security_policy

# How much of the text the first screen shows: its first blocks (a heading, a few paragraphs, a
# list or a notice), more than a phone's screen holds, about what a wide screen does.
FIRST_BLOCKS = 6
# The menus' entries: on a phone the menu is closed, and on a wide screen, in the margin, they
# take their final look when the stylesheet arrives, beside a text already drawn as it stays.
# The list of languages is closed on every screen: its box is kept, which hides it.
MENU_ENTRIES = ".md-nav--primary", ".md-nav--secondary", ".md-select__inner"
# The menus in the sidebars, with their boxes: on a phone the sidebar is closed (out of sight
# and hidden); on a wide screen the sidebar keeps its width, so the text is drawn where it
# stays, and the menus in it take their look when the stylesheet arrives.
MENUS = (".md-sidebar__scrollwrap",)
# A page is painted on a screen before anyone prints it.
NOT_ON_SCREEN = "@media print"
# Properties that change nothing in a first paint: how changes animate, how the pointer and
# touches behave. The stylesheet brings them before anyone touches the page.
NOT_PAINTED = re.compile(
    r"(-webkit-|-moz-)?(transition|animation|cursor|will-change|tap-highlight-color|touch-action|user-select"
    r"|pointer-events|scroll-behavior|scroll-snap|scrollbar-"
    # Nothing is focused before the reader does something, and a screen is not paper.
    r"|outline|print-color-adjust|color-adjust)"
)
# Pseudo-elements that draw nothing on a first screen: the closed list of languages' arrow
# (the list is transparent until opened), scroll bars of menus not yet styled.
NOT_DRAWN = re.compile(r"\.md-select__inner::?after\b|::-webkit-scrollbar")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
COMBINATORS = {">", "+", "~"}


class _Element:
    __slots__ = ("children", "context", "parent", "tokens")

    def __init__(self, tokens: set[str], parent: _Element | None):
        self.tokens, self.parent, self.children, self.context = tokens, parent, [], None


class _FirstScreen(HTMLParser):
    """A page's elements down to the end of its first screen: the text's first blocks, not the
    menus' entries nor the sidebars' menus, nothing of the controls and footer after the text."""

    def __init__(self):
        super().__init__()
        self.root = _Element(set(), None)
        self.current = self.root
        self.elements: list[_Element] = []
        self.article: _Element | None = None
        self.skipped_depth = 0  # inside a menu's entries: how many elements deep
        self.menu_depth = 0  # inside a sidebar's menus, which are left out with their boxes
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done or self.skipped_depth:
            self.skipped_depth += bool(self.skipped_depth) and tag not in VOID
            return
        if self.menu_depth:
            self.menu_depth += tag not in VOID
            return
        tokens = element_tokens(tag, attrs)
        if any(menu in tokens for menu in MENUS):
            self.menu_depth = int(tag not in VOID)
            return
        if self.article is not None and self.current is self.article and len(self.article.children) >= FIRST_BLOCKS:
            self.done = True  # the rest of the text, and all after it, is below the first screen
            return
        element = _Element(tokens, self.current)
        self.current.children.append(element)
        self.elements.append(element)
        if tag == "article":
            self.article = element
        if tag not in VOID:
            self.current = element
            self.skipped_depth = int(any(entries in element.tokens for entries in MENU_ENTRIES))

    def handle_endtag(self, tag):
        if self.menu_depth:
            self.menu_depth -= tag not in VOID
            return
        if self.skipped_depth > 1:
            self.skipped_depth -= tag not in VOID
            return
        self.skipped_depth = 0
        if self.done or tag in VOID or self.current.parent is None or "<" + tag not in self.current.tokens:
            return
        closed, self.current = self.current, self.current.parent
        if "<main" in closed.tokens:
            self.done = True  # what follows the text is below the first screen


def _context(element: _Element) -> set[str]:
    """What the compounds before a selector's last can match: the element's ancestors and the
    siblings of it and of its ancestors."""
    parent = element.parent
    if parent is None:
        return set()
    if parent.context is None:
        parent.context = _context(parent) | parent.tokens
        for child in parent.children:
            parent.context |= child.tokens
    return parent.context


def _compounds(selector: list) -> list[list]:
    compounds: list[list] = [[]]
    for value in selector:
        if value.type == "whitespace" or (value.type == "literal" and value.value in COMBINATORS):
            if compounds[-1]:
                compounds.append([])
        else:
            compounds[-1].append(value)
    return [compound for compound in compounds if compound]


def _key(compound: list) -> str | None:
    """The class, id or tag a compound requires, to find the elements it may match by."""
    for previous, value in zip([None, *compound], compound, strict=False):
        after = previous.value if previous is not None and previous.type == "literal" else None
        if value.type == "ident" and after == ".":
            return "." + value.value
        if value.type == "hash":
            return "#" + value.value
        if value.type == "ident" and after is None and previous is None:
            return "<" + value.lower_value
    return None


class _Selector:
    __slots__ = ("before", "key", "last", "text", "values")

    def __init__(self, values: list):
        self.values, self.text = values, tinycss2.serialize(values).strip()
        *self.before, self.last = _compounds(values) or [[]]
        self.key = _key(self.last)


class _Rule:
    """A style rule, parsed once for every page: its selectors, its declarations with the
    custom properties each reads, and the at-rules (`@media …`) around it."""

    __slots__ = ("declarations", "selectors", "wrappers")

    def __init__(self, rule, wrappers: tuple[str, ...]):
        self.wrappers = wrappers
        self.selectors = [_Selector(part) for part in split_selectors(rule.prelude)]
        self.declarations = [
            (item.name, declaration_text(item), variables(item.value))
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if item.type == "declaration"
        ]


def parse_rules(css: str) -> list[_Rule]:
    """Parse a stylesheet once into the style rules every page's critical CSS is chosen from.
    At-rules other than `@media` and its kind (fonts, animations) are left to the stylesheet."""

    def walk(rules: list, wrappers: tuple[str, ...]):
        for rule in rules:
            if rule.type == "qualified-rule":
                yield _Rule(rule, wrappers)
            elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
                wrapper = f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}"
                inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                yield from walk(inner, (*wrappers, wrapper))

    return list(walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), ()))


def _matches(selector: _Selector, index: dict[str, list[_Element]], everything: list[_Element], page: set[str]) -> bool:
    # The cheap test first: most of the stylesheet names a class this page lacks.
    if not selector_used(selector.values, page, first_paint=True):
        return False
    for element in index.get(selector.key, ()) if selector.key else everything:
        if selector_used(selector.last, element.tokens, first_paint=True):
            context = _context(element)
            if all(selector_used(compound, context, first_paint=True) for compound in selector.before):
                return True
    return False


def critical_css(html: str, rules: list[_Rule]) -> str:
    """Return the rules (from `parse_rules`) that the page's first screen uses, as CSS, without
    the custom properties none of them reads."""
    screen = _FirstScreen()
    end = html.find("</main>")
    screen.feed(html if end < 0 else html[: end + len("</main>")])  # nothing after it is read
    index: dict[str, list[_Element]] = {}
    for element in screen.elements:
        for token in element.tokens:
            index.setdefault(token, []).append(element)
    page = set(index)
    chosen = []
    for rule in rules:
        if NOT_ON_SCREEN in rule.wrappers:
            continue
        selectors = [
            s.text for s in rule.selectors if not NOT_DRAWN.search(s.text) and _matches(s, index, screen.elements, page)
        ]
        if selectors:
            chosen.append((rule, selectors))
    declarations = [d for rule, _ in chosen for d in rule.declarations if not NOT_PAINTED.match(d[0])]
    used = used_properties(declarations)
    css, open_wrappers = [], ()
    for rule, selectors in chosen:
        body = ";".join(
            text
            for name, text, _ in rule.declarations
            if (name in used if name.startswith("--") else not NOT_PAINTED.match(name))
        )
        if not body:
            continue
        if rule.wrappers != open_wrappers:
            css.append("}" * len(open_wrappers) + "".join(wrapper + "{" for wrapper in rule.wrappers))
            open_wrappers = rule.wrappers
        css.append(f"{','.join(selectors)}{{{body}}}")
    css.append("}" * len(open_wrappers))
    return rcssmin.cssmin("".join(css))


def style_hash(css: str) -> str:
    """The CSP source that allows one `<style>` with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_critical_css(site_dir: Path, stylesheet: str) -> int:
    """Put each page's critical CSS in its head and allow it in the page's policy; return the
    number of pages changed. Only pages that link `stylesheet` (a site-root path) are changed."""
    css = (site_dir / stylesheet).read_text(encoding="utf-8")
    rules = parse_rules(css)
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if Path(stylesheet).name not in html or "</head>" not in html or CONTENT_SECURITY_POLICY not in html:
            continue
        critical = critical_css(html, rules)
        html = html.replace(CONTENT_SECURITY_POLICY, content_security_policy([style_hash(critical)]), 1)
        path.write_text(html.replace("</head>", f"<style>{critical}</style></head>", 1), encoding="utf-8")
        changed += 1
    return changed
