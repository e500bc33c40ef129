"""One small stylesheet: Material's, cut down to the rules the built pages can use, then Fristed's.

A page blocks rendering until its stylesheets arrive; on 2G every kilobyte shows. Material's
stylesheet styles search, tabs, code, blogs and much else this site never shows. A rule is kept
when every class, id and attribute its selectors name occurs somewhere in the built pages, the
way PurgeCSS decides; Fristed's own rules are all kept, since its scripts add some of their
classes at run time.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import rcssmin
import tinycss2

SELECTOR_TOKENS = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)|\[\s*([\w-]+)")
BLOCK_AT_RULES = {"media", "supports", "layer", "container"}


class _Tokens(HTMLParser):
    """Every class, id and attribute name used in a set of pages."""

    def __init__(self):
        super().__init__()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attributes.add(name)
            if name == "class" and value:
                self.classes.update(value.split())
            elif name == "id" and value:
                self.ids.add(value)


def page_tokens(pages: list[Path]) -> _Tokens:
    """Collect the tokens of every page."""
    tokens = _Tokens()
    for page in pages:
        tokens.feed(page.read_text(encoding="utf-8"))
    return tokens


def _selector_used(selector: str, tokens: _Tokens) -> bool:
    for kind, name, attribute in SELECTOR_TOKENS.findall(selector):
        if attribute and attribute not in tokens.attributes:
            return False
        if kind == "." and name not in tokens.classes:
            return False
        if kind == "#" and name not in tokens.ids:
            return False
    return True


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside :is(...) and the like)."""
    parts, depth, current = [], 0, ""
    for character in prelude:
        if character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        if character == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += character
    return [*parts, current.strip()]


def _purge(rules: list, tokens: _Tokens) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if _selector_used(s, tokens)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            inner = _purge(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens)
            if inner:
                kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def purge(css: str, tokens: _Tokens) -> str:
    """Return the rules of a stylesheet that the pages' tokens can match."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_purge(rules, tokens))


def build_stylesheet(site_dir: Path, theme_css: str, own_css: str, target: str) -> str:
    """Write the site's one stylesheet to `target`, from the theme's (a glob, as its name carries
    a hash) and Fristed's; return it."""
    tokens = page_tokens(sorted(site_dir.rglob("*.html")))
    theme = [purge(path.read_text(encoding="utf-8"), tokens) for path in sorted(site_dir.glob(theme_css))]
    css = rcssmin.cssmin("\n".join([*theme, (site_dir / own_css).read_text(encoding="utf-8")]))
    (site_dir / target).write_text(css, encoding="utf-8")
    return css
