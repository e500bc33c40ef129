"""One small stylesheet: Material's, cut down to the rules the built pages can use, then Fristed's.

A page blocks rendering until its stylesheets arrive; on 2G every kilobyte shows. Material's
stylesheet styles search, tabs, code, blogs and much else this site never shows. A rule is kept
when one of its selectors can match: every element, class, id and attribute (with its value,
for `[name=value]`) a selector requires occurs somewhere in the built pages, the way PurgeCSS
decides. What a selector only excludes (`:not(.b)`) is never required. Fristed's own rules are
all kept, since its scripts add some of their classes at run time.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import rcssmin
import tinycss2

# Elements Fristed's scripts create (the search panel's list, say), which no built page holds.
CREATED_ELEMENT = re.compile(r"""createElement\(\s*["'](\w+)["']""")

BLOCK_AT_RULES = {"media", "supports", "layer", "container"}
# Pseudo-classes that match when any one of their selectors does.
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
# States no element is in when a page first paints: nothing is hovered, focused or targeted yet.
UNTOUCHED = {"hover", "focus", "focus-visible", "focus-within", "active", "target", "visited"}


def element_tokens(tag: str, attributes: list[tuple[str, str | None]]) -> set[str]:
    """What selectors can ask of one element: `<tag`, `.class`, `#id`, `[name` and `[name=value`."""
    tokens = {"<" + tag.lower()}
    for name, value in attributes:
        tokens.update(("[" + name, f"[{name}={value or ''}"))
        if name == "class" and value:
            tokens.update("." + class_name for class_name in value.split())
        elif name == "id" and value:
            tokens.add("#" + value)
    return tokens


class TokenParser(HTMLParser):
    """Adds the tokens of every element it reads to a set."""

    def __init__(self, tokens: set[str]):
        super().__init__()
        self.tokens = tokens

    def handle_starttag(self, tag, attrs):
        self.tokens |= element_tokens(tag, attrs)


def page_tokens(pages: list[Path]) -> set[str]:
    """Collect the tokens of every element of every page."""
    tokens = {"<html", "<body"}
    parser = TokenParser(tokens)
    for page in pages:
        parser.feed(page.read_text(encoding="utf-8"))
    return tokens


def split_selectors(values: list) -> list[list]:
    """Split component values at their top-level commas."""
    parts: list[list] = [[]]
    for value in values:
        if value.type == "literal" and value.value == ",":
            parts.append([])
        else:
            parts[-1].append(value)
    return parts


def _attribute_used(block, tokens: set[str], first_paint: bool) -> bool:
    inner = [value for value in block.content if value.type != "whitespace"]
    if not inner or inner[0].type != "ident":
        return True
    name = inner[0].value.lower()
    if "[" + name not in tokens:
        return False
    # Material's `[data-md-…=value]` settings are written at build and nothing changes them (its
    # script is left out), so such a rule needs that exact value; Fristed's scripts may set other
    # attributes, which need only their name, except at first paint, before any script ran.
    exact = first_paint or name.startswith("data-md-")
    # `[name=value]` or `[name="value" i]`; `^=`, `*=` and the others need only the name.
    equals = len(inner) in (3, 4) and inner[1].type == "literal" and inner[1].value == "="
    if exact and equals and inner[2].type in ("ident", "string") and (len(inner) == 3 or inner[3].type == "ident"):
        return f"[{name}={inner[2].value}" in tokens
    return True


def selector_used(values: list, tokens: set[str], first_paint: bool = False) -> bool:
    """Whether a selector (as tinycss2 component values) can match where `tokens` were found;
    with `first_paint`, as the page is before anyone touches it or a script runs."""
    after_colon = after_dot = False
    for value in values:
        if after_dot:
            after_dot = False
            if value.type == "ident" and "." + value.value not in tokens:
                return False
            continue
        if after_colon:
            after_colon = value.type == "literal" and value.value == ":"  # a pseudo-element's `::`
            if value.type == "function":
                alternatives = split_selectors(value.arguments)
                if value.lower_name in ANY_OF and not any(selector_used(a, tokens, first_paint) for a in alternatives):
                    return False
            elif first_paint and value.type == "ident" and not _at_first_paint(value.lower_value, tokens):
                return False
            continue  # any other pseudo-class or pseudo-element, `:not(...)` included
        if value.type == "literal" and value.value == ":":
            after_colon = True
            continue
        if value.type == "literal" and value.value == ".":
            after_dot = True
        elif not _simple_used(value, tokens, first_paint):
            return False
    return True


def _simple_used(value, tokens: set[str], first_paint: bool) -> bool:
    """Whether an id, attribute or element selector can match."""
    if value.type == "hash":
        return "#" + value.value in tokens
    if value.type == "[] block":
        return _attribute_used(value, tokens, first_paint)
    return value.type != "ident" or "<" + value.lower_value in tokens


def _at_first_paint(pseudo_class: str, tokens: set[str]) -> bool:
    if pseudo_class in UNTOUCHED:
        return False
    if pseudo_class == "checked":
        return "[checked" in tokens
    return pseudo_class != "root" or "<html" in tokens


def _purge(rules: list, tokens: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                tinycss2.serialize(part).strip()
                for part in split_selectors(rule.prelude)
                if selector_used(part, tokens)
            ]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            inner = _purge(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens)
            if inner:
                kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def purge(css: str, tokens: set[str]) -> str:
    """Return the rules of a stylesheet that the pages' tokens can match."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_purge(rules, tokens))


def build_stylesheet(
    site_dir: Path, theme_css: str, own_css: str, target: str, scripts: str, small: bool = True
) -> str:
    """Write the site's one stylesheet to `target`, from the theme's (a glob, as its name carries
    a hash) and Fristed's, purged against the pages and the elements `scripts` (a glob) create
    unless not `small`; return it."""
    tokens = page_tokens(sorted(site_dir.rglob("*.html")))
    for script in site_dir.glob(scripts):
        tokens.update("<" + tag for tag in CREATED_ELEMENT.findall(script.read_text(encoding="utf-8")))
    theme = [path.read_text(encoding="utf-8") for path in sorted(site_dir.glob(theme_css))]
    if small:
        theme = [purge(text, tokens) for text in theme]
    css = "\n".join([*theme, (site_dir / own_css).read_text(encoding="utf-8")])
    css = rcssmin.cssmin(drop_unused_properties(css) if small else css)
    (site_dir / target).write_text(css, encoding="utf-8")
    return css


def _declarations(rule) -> list:
    return [
        item
        for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        if item.type == "declaration"
    ]


def declaration_text(declaration) -> str:
    """One declaration as CSS, without the `;` tinycss2 ends it with."""
    return tinycss2.serialize([declaration]).rstrip(";")


def variables(values: list) -> set[str]:
    """The custom properties a declaration's value reads with `var(...)`, however deeply nested."""
    found = set()
    for value in values:
        if value.type == "function":
            if value.lower_name == "var":
                found.update(arg.value for arg in value.arguments if arg.type == "ident" and arg.value.startswith("--"))
            found |= variables(value.arguments)
        elif value.type in ("() block", "[] block", "{} block"):
            found |= variables(value.content)
    return found


def _walk(rules: list):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            yield from _walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def drop_unused_properties(css: str) -> str:
    """Remove the custom properties (`--name: …`) nothing reads: Material defines hundreds, icons
    as data URLs among them, for features this site never shows."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    declarations = ((d.name, None, variables(d.value)) for rule in _walk(rules) for d in _declarations(rule))
    return "".join(_without_unused(rules, used_properties(declarations)))


def used_properties(declarations) -> set[str]:
    """The custom properties that declarations (name, text, properties read) read, directly or
    through other custom properties."""
    defined: dict[str, set[str]] = {}
    used: set[str] = set()
    for name, _, reads in declarations:
        if name.startswith("--"):
            defined.setdefault(name, set()).update(reads)
        else:
            used |= reads
    pending = list(used)
    while pending:
        for name in defined.get(pending.pop(), ()):
            if name not in used:
                used.add(name)
                pending.append(name)
    return used


def _without_unused(rules: list, used: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = [d for d in _declarations(rule) if not d.name.startswith("--") or d.name in used]
            if declarations:
                body = ";".join(declaration_text(d) for d in declarations)
                kept.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            inner = _without_unused(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used
            )
            if inner:
                kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return kept
