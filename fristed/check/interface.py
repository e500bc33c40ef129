"""Interface strings, read like page text: they show on every page, and come from pull requests too.

Each value of `data/strings/<code>.yml`, and of the theme strings Fristed supplies where Material
has none (`overrides/partials/languages/<code>.html`), is checked as a page of its language is:

finding                                             | refused because
a phone number, address, link host or duration      | a string may state only the registry's facts
that data/facts.yml does not know                   | (the same scanners as pages: scan_page)
a tag or an entity (`<b>`, `&amp;`), unless the key | the templates show strings escaped; only a key
is declared in data/string-markup.yml, and then any | declared to hold markup keeps its tags, bare
tag but the declared ones, or any attribute         |
a placeholder dropped or added (`{size}`, `{date}`) | the site fills them in (fristed/strings.py)
a theme file that is more than its dictionary of    | it is a template: anything else in it would run
strings, or that does not escape them (`| e`)       | at build time, or show unescaped

Every error starts with the file and the line of the key.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from fristed.check.compare import unregistered
from fristed.check.links import find_links
from fristed.check.markup import check_markup
from fristed.check.registry import Registry
from fristed.check.text import Page
from fristed.check.vocabulary import WordList
from fristed.data import DataError, Problem, load_yaml
from fristed.languages import Language, default_language
from fristed.strings import MARKUP_FILE, STRINGS_FOLDER, load_markup, load_strings

THEME_FOLDER = Path("overrides/partials/languages")
_MARKUP = re.compile(
    r"<(?P<close>/?)(?P<tag>[A-Za-z][\w:-]*)?(?P<rest>[^>]*)>?|<[!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
)
# The one shape a theme file may have; the `| e` escapes each string where Material shows it.
_THEME_SHAPE = '{% macro t(key) %}{{ { "key": "text", … }[key] | e }}{% endmacro %}'
_THEME_NODES = (nodes.Template, nodes.Output, nodes.Getitem, nodes.Dict, nodes.Pair)


def check_interface(
    project: Path, registry: Registry, languages: list[Language], words: dict[str, WordList]
) -> list[Problem]:
    """Check every interface string of every language, and the theme strings Fristed supplies."""
    problems: list[Problem] = []
    strings = None
    try:
        strings = load_strings(project, languages)
    except DataError as error:  # the schema's problems and the placeholders
        problems.extend(error.problems)
    markup: dict[str, list[str]] = {}
    if strings is not None:
        try:
            markup = load_markup(project, sorted(strings[default_language(languages).code]))
        except DataError as error:
            problems.extend(error.problems)
    for language in languages:
        path = project / STRINGS_FOLDER / f"{language.code}.yml"
        try:
            document = load_yaml(path, {})
        except DataError:
            continue  # a missing file or broken YAML: load_strings reported it
        if not isinstance(document.data, dict):
            continue
        for key, value in document.data.items():
            if isinstance(value, str):
                line = document.lines.get((key,), 1)
                allowed = markup.get(key, [])
                problems.extend(_check_text(path, line, key, value, language, registry, words, allowed))
    for language in languages:
        path = project / THEME_FOLDER / f"{language.code}.html"
        if path.is_file():
            problems.extend(_check_theme(path, language, registry, words))
    return problems


def _check_text(
    path: Path,
    line: int,
    key: str,
    text: str,
    language: Language,
    registry: Registry,
    words: dict[str, WordList],
    allowed: list[str],
) -> list[Problem]:
    """The problems of one string, each on the line of its key, the key named first."""
    from fristed.check import scan_page  # the package imports this module: import it late

    page = Page(path, language.code, key, text)
    scan = scan_page(page, registry, words.get(language.code))
    found = [*scan.problems, *(unregistered(page, registry, o) for o in scan.occurrences if not o.registered)]
    # A tag the key may not hold is one error here, whatever the page sanitizer also says of it.
    tags = _markup_problems(text, allowed)
    if tags:
        sanitizer = set(check_markup(page, registry, find_links(page)))
        found = [problem for problem in found if problem not in sanitizer]
    ordered = sorted([*tags, *found], key=lambda problem: (problem.line, problem.column))
    return [Problem(path, line + problem.line - 1, f"{key}: {problem.message}") for problem in ordered]


def _markup_problems(text: str, allowed: list[str]) -> list[Problem]:
    """A tag or entity in a string that may hold none, or a tag or attribute its declaration lacks."""
    problems, seen = [], set()
    for match in _MARKUP.finditer(text):
        tag = (match.group("tag") or "").lower()
        if tag and tag in allowed and not match.group("rest").strip() and match.group(0).endswith(">"):
            continue
        if tag and tag in seen:
            continue  # the closing tag of one already reported
        seen.add(tag)
        if allowed:
            expected = f"only the tags {', '.join(f'<{tag}>' for tag in allowed)}, bare, declared for this key"
        else:
            expected = "plain text, which the site shows as written"
        fix = f"write the text itself, or declare the tag for this key in {MARKUP_FILE.as_posix()}"
        line = 1 + text.count("\n", 0, match.start())
        problems.append(Problem(Path(), line, f'markup: expected {expected}, found "{match.group(0)}"; {fix}'))
    return problems


def _check_theme(path: Path, language: Language, registry: Registry, words: dict[str, WordList]) -> list[Problem]:
    """A theme file is its dictionary of strings and nothing else; each string is checked as text."""
    source = path.read_text(encoding="utf-8")
    try:
        template = jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [
            Problem(
                path,
                error.lineno,
                f"theme strings: expected {_THEME_SHAPE}, found a template Jinja cannot read: {error.message}",
            )
        ]
    problems = []
    for node in template.find_all(nodes.Node):
        allowed = (
            (isinstance(node, nodes.Filter) and node.name == "e" and not node.args)
            or (isinstance(node, nodes.Const) and isinstance(node.value, str))
            or (isinstance(node, nodes.Name) and node.name == "key")
            or (isinstance(node, nodes.Macro) and node.name == "t")
            or (isinstance(node, nodes.TemplateData) and not node.data.strip())
            or isinstance(node, _THEME_NODES)
        )
        if not allowed:
            found = type(node).__name__
            problems.append(
                Problem(path, getattr(node, "lineno", 1), f"theme strings: expected {_THEME_SHAPE}, found {found}")
            )
    if not any(isinstance(node, nodes.Filter) and node.name == "e" for node in template.find_all(nodes.Filter)):
        problems.append(
            Problem(
                path, 1, f"theme strings: expected {_THEME_SHAPE}, found no `| e`: the strings would show unescaped"
            )
        )
    for pair in template.find_all(nodes.Pair):
        if (
            isinstance(pair.key, nodes.Const)
            and isinstance(pair.value, nodes.Const)
            and isinstance(pair.value.value, str)
        ):
            key, text = pair.key.value, pair.value.value
            problems.extend(_check_text(path, pair.value.lineno, key, text, language, registry, words, []))
    return problems
