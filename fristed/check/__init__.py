"""The translation checker: no page may state a number, address, link or duration the registry does not.

Every page of every language is read twice: from its Markdown source (front matter, raw HTML
and comments included), and as its reader reads it, rendered, in blocks (headings, paragraphs,
list items, table cells). It is checked against data/facts.yml, where everything phone-like, every
address, link host and duration must be registered; and, for a translation, against its source
page (the default language's page of the same name): the same blocks in the same order, each
stating the facts of the source page's block in its place (bound.py); where the blocks part, the
first divergence is reported and the facts are compared page-wide, as often, no more, no less.
A page marked `translated: false` is still the source language's text, and is read with that
language's words; the `source:` hash of a front matter is not read (see fristed/pages.py).
One module per kind of finding:

module       | finds
phones.py    | phone numbers and other runs of digits, in any script
addresses.py | e-mail addresses and domains in the text
links.py     | link targets, and link texts that show a number or address
durations.py | amounts of hours, days, weeks, months and years, in digits or words
wordlists.py | the per-language words for durations, data/durations/<code>.yml, read by vocabulary.py
invisible.py | invisible characters inside or next to any of these, and bidi controls anywhere
markup.py    | HTML and Markdown that could run code, load from elsewhere or re-aim a link (sanitizer.py)
blocks.py    | the page as its reader reads it, in blocks, and a translation's blocks aligned with its source's
rendering.py | the page rendered as the build renders it, read back as blocks with their lines
bound.py     | the facts of each block, compared with those of the source page's block in its place
compare.py   | the differences between a translation and its source page, page-wide, where the blocks part
interface.py | the interface strings, data/strings/<code>.yml and the theme's, read like page text
terms.py     | the legal terms of data/terms.yml, in the approved wording of each language, block by block

The build (hooks/facts_check.py), `python -m fristed check` and the tests all call `check_project`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fristed.check.addresses import scan_domains, scan_emails
from fristed.check.blocks import divergence, page_blocks
from fristed.check.bound import (
    BlockFacts,
    attach_markdown,
    block_facts,
    compare_blocks,
    sound,
    target,
    unknown_problems,
)
from fristed.check.compare import Scan, compare, unregistered
from fristed.check.durations import scan_durations
from fristed.check.interface import check_interface
from fristed.check.invisible import check_invisible
from fristed.check.links import check_links, find_links
from fristed.check.markup import check_markup
from fristed.check.phones import scan_phones
from fristed.check.registry import KINDS, Registry
from fristed.check.terms import Term, check_terms, terms_or_problems
from fristed.check.text import Page, Spans
from fristed.check.vocabulary import WordList
from fristed.check.wordlists import load_word_list
from fristed.data import DataError, Problem
from fristed.languages import default_language, load_languages
from fristed.pages import DOCS_FOLDER, read_front_matter, without_source_hash
from fristed.settings import CONFIG_FILE, SettingsError

__all__ = ["check_project", "scan_page"]


def scan_page(page: Page, registry: Registry, words: WordList | None) -> Scan:
    """Find every fact a page states, and the problems a page has on its own (links, digits, invisibles)."""
    links = find_links(page)
    targets = [link.target for link in links]
    emails = scan_emails(page, registry, Spans(targets))
    email_spans = [(occurrence.start, occurrence.end) for occurrence in emails]
    # A web link's text is compared with its target instead, and counted once, as the link.
    web_texts = [link.text for link in links if link.text and link.scheme == "web"]
    domains = scan_domains(page, registry, Spans(targets + web_texts + email_spans))
    domain_spans = [(occurrence.start, occurrence.end) for occurrence in domains]
    phones, problems = scan_phones(page, registry, Spans(targets + email_spans + domain_spans))
    linked, link_problems = check_links(page, registry, links, phones, emails)
    durations = scan_durations(page, words, registry, Spans(targets)) if words else []
    occurrences = sorted(phones + emails + domains + linked + durations, key=lambda occurrence: occurrence.start)
    facts = [
        (o.start, o.end, registry.label(o), registry.see(o.kind, o.key if o.registered else None)) for o in occurrences
    ]
    facts += [(start, end, "links", registry.see("domains")) for start, end in targets]
    problems += link_problems + check_invisible(page, facts) + check_markup(page, registry, links)
    return Scan(page, occurrences, problems)


def _read(project: Path, path: Path, language: str) -> Page | Problem:
    relative = path.relative_to(project)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return Problem(relative, 1, f"page: expected UTF-8 text, found byte {error.object[error.start]:#04x}")
    # The hash `make stamp` writes in the front matter is hex digits no reader sees, not a number.
    name = path.relative_to(project / DOCS_FOLDER / language).as_posix()
    return Page(relative, language, name, without_source_hash(text))


def _untranslated(path: Path, problems: list[Problem]) -> bool:
    """Whether a page is still the source language's text (`translated: false`).

    A broken front matter is reported in `problems`, and the page read as a translation.
    """
    try:
        return read_front_matter(path).get("translated") is False
    except DataError as error:
        problems.extend(error.problems)
        return False


def _relative(problems: list[Problem], project: Path) -> list[Problem]:
    """Give every problem's path relative to the project, as readers find the file."""
    fixed = []
    for problem in problems:
        path = Path(problem.path)
        if path.is_absolute() and path.is_relative_to(project):
            problem = dataclasses.replace(problem, path=path.relative_to(project))
        fixed.append(problem)
    return fixed


def check_project(project: Path, region: str | None = None) -> list[Problem]:
    """Check every page of every language; return every finding, in file and line order.

    Phone numbers are read as the region's (`extra.fristed.region` of mkdocs.yml unless given).
    """
    project = Path(project).resolve()
    problems: list[Problem] = []
    loaded = []
    for load in (lambda folder: Registry(folder, region), load_languages):
        try:
            loaded.append(load(project))
        except DataError as error:
            problems.extend(error.problems)
        except SettingsError as error:
            problems.extend(Problem(Path(CONFIG_FILE), 1, line.partition(": ")[2]) for line in str(error).splitlines())
    if problems:
        # Without a registry or a language list nothing can be compared: report the data's problems.
        return sorted(_relative(problems, project), key=_order)
    registry, languages = loaded
    source = default_language(languages)
    scans: dict[str, dict[str, Scan]] = {}
    word_lists: dict[str, WordList] = {}
    for language in languages:
        try:
            word_lists[language.code] = load_word_list(project, language)
        except DataError as error:
            problems.extend(error.problems)
    # A page copied by `make new-language` and not yet translated is the source language's text.
    read_as: dict[tuple[str, str], str] = {}
    for language in languages:
        scans[language.code] = {}
        for path in sorted((project / DOCS_FOLDER / language.code).rglob("*.md")):
            page = _read(project, path, language.code)
            if isinstance(page, Problem):
                problems.append(page)
                continue
            words_of = source.code if _untranslated(path, problems) else language.code
            read_as[language.code, page.name] = words_of
            scan = scan_page(page, registry, word_lists.get(words_of))
            scan.blocks = _blocks(scan, registry, word_lists.get(words_of))
            scans[language.code][page.name] = scan
            problems.extend(scan.problems)
    for code, pages in scans.items():
        for name, scan in pages.items():
            original = scans[source.code].get(name)
            if code != source.code and original:
                # Without both pages' word lists their durations cannot be compared; the missing
                # or broken list is reported instead of every duration of every page.
                worded = {read_as[code, name], source.code} <= word_lists.keys()
                kinds = KINDS if worded else tuple(k for k in KINDS if k != "durations")
                problems.extend(_compare(original, scan, registry, kinds))
                continue
            if code != source.code:
                problems.append(
                    Problem(
                        scan.page.path,
                        1,
                        (
                            f"page: expected a source page {(DOCS_FOLDER / source.code / name).as_posix()} to compare "
                            f"with, found none; translate an existing page, or write the {source.name} one first"
                        ),
                    )
                )
            problems.extend(unregistered(scan.page, registry, o) for o in scan.occurrences if not o.registered)
            problems.extend(unknown_problems(scan.page, scan.blocks, registry, _unknown(scan.occurrences)))
    problems.extend(check_interface(project, registry, languages, word_lists))
    terms, term_problems = terms_or_problems(project, languages)
    problems.extend(term_problems)
    translated = [(code, name) for code, name in read_as if code != source.code and read_as[code, name] == code]
    problems.extend(_terms(scans, source.code, translated, terms, registry))
    return sorted(_relative(problems, project), key=_order)


def _blocks(scan: Scan, registry: Registry, words: WordList | None) -> list[BlockFacts]:
    """The facts of a page's blocks; none for a page the renderer fails on, which markup.py reports."""
    try:
        facts = block_facts(scan.page, page_blocks(scan.page.text), registry, words)
    except Exception:  # untrusted input must give a finding, never stop the check
        return []
    attach_markdown(scan.page, facts, scan.occurrences)
    return facts


def _unknown(occurrences) -> set:
    return {(o.kind, o.key) for o in occurrences if not o.registered}


def _compare(original: Scan, scan: Scan, registry: Registry, kinds: tuple[str, ...]) -> list[Problem]:
    """Compare a translation with its source page block by block; page-wide where their structures
    part (the first divergence is reported) or where the source page has errors of its own, which
    are reported on it: the translation is then compared with the registry, not told to copy them."""
    problems = []
    if not any(problem.severity == "error" for problem in original.problems):
        mine, theirs = [facts.block for facts in original.blocks], [facts.block for facts in scan.blocks]
        split = divergence(mine, theirs, lambda url: sound(url, registry), lambda url: target(url, registry))
        if split is None:
            problems = compare_blocks(original.page, original.blocks, scan.page, scan.blocks, registry, kinds)
            shown = {(o.kind, o.key) for facts in scan.blocks for o in facts.text if not o.registered}
            # What only the Markdown shows, in an attribute for instance, is still no fact to state.
            return problems + [
                unregistered(scan.page, registry, o)
                for o in scan.occurrences
                if not o.registered and o.kind in kinds and (o.kind, o.key) not in shown
            ]
        line = split.translation.line if split.translation else len(scan.page.line_starts)
        see = f"{original.page.path.as_posix()}:{split.source.line if split.source else 1}"
        message = (
            f"structure: {split.message} (see {see}); a translation keeps every heading, paragraph, list item "
            "and table cell of its source page, in order, and the targets of their links"
        )
        problems.append(Problem(scan.page.path, line, message))
    problems += compare(original, scan, registry, kinds)
    return problems + unknown_problems(scan.page, scan.blocks, registry, _unknown(scan.occurrences))


def _terms(
    scans: dict[str, dict[str, Scan]], source: str, pages: list[tuple[str, str]], terms: list[Term], registry: Registry
) -> list[Problem]:
    """Check the required terms of each translated page, block by block against its source page."""
    problems: list[Problem] = []
    for code, name in pages if terms else ():
        original, scan = scans[source].get(name), scans[code][name]
        if original is None:
            continue
        mine, theirs = [facts.block for facts in original.blocks], [facts.block for facts in scan.blocks]
        if divergence(mine, theirs, lambda url: sound(url, registry), lambda url: target(url, registry)) is not None:
            continue  # the structure check reports where the pages part; terms are compared once they align
        pairs = list(zip(mine, theirs, strict=True))
        problems.extend(check_terms(pairs, terms, (source, original.page.path), code, scan.page.path))
    return problems


def _order(problem: Problem) -> tuple:
    return (Path(problem.path).as_posix(), problem.line, problem.column, problem.message)
