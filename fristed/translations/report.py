"""The translation state as people read it: a table in the terminal, JSON, and a table on the site.

`make status` prints `status_table` and writes `status_json`. The translators' status page
(docs/nb/translation-status.md, docs/en/…) holds a marker line that the build replaces with
`status_markdown`: `::: translation-status Språk`, where the words after it head the column of
languages, in the page's own language. The marker is plain text, not an HTML comment, which the
checker refuses in a page (fristed/check/markup.py). The table states no number, address or link,
and only markup the checker allows, so it would pass the checker as any page does.
"""

from __future__ import annotations

import html
from collections import Counter

from fristed.pages import DOCS_FOLDER
from fristed.pages import STATUS_MARKER as MARKER
from fristed.project import Project
from fristed.translations.paragraphs import as_markdown, as_text, block_changes
from fristed.translations.status import OUTDATED, STATES, UNTRANSLATED, PageStatus


def _by_language(states: list[PageStatus]) -> dict[str, dict[str, PageStatus]]:
    table: dict[str, dict[str, PageStatus]] = {}
    for status in states:
        table.setdefault(status.language, {})[status.page] = status
    return table


def status_table(project: Project, states: list[PageStatus]) -> str:
    """Return the state of every page in every language as a plain-text table, with what to do next."""
    pages = sorted(project.pages)
    default = project.default
    # The name last: names in other scripts and directions would put the columns out of line.
    rows = [["code", *pages, "language"]]
    for code, row in _by_language(states).items():
        rows.append([code, *(row[page].state for page in pages), project.language(code).name])
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        f"Translations of the {len(pages)} pages of docs/{default.code}/ ({default.name}), by language:",
        "",
        *("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows),
        "",
    ]
    counts = Counter(status.state for status in states)
    lines.append(", ".join(f"{counts[name]} {name}" for name in STATES))
    outdated = [status for status in states if status.state == OUTDATED]
    if outdated:
        lines += [
            "",
            f"Outdated: update each from its {default.english_name} page, then run `make stamp PAGE=…` on it:",
        ]
        for status in outdated:
            lines.append(f"  {status.path}")
            lines += [f"    {line}" for line in _changes_as_text(project, status)]
    untranslated = Counter(status.language for status in states if status.state == UNTRANSLATED)
    for code, count in untranslated.items():
        lines.append(
            f"{project.language(code).name} ({code}): {count} page(s) still in {default.english_name}, in docs/{code}/"
        )
    return "\n".join(lines) + "\n"


def status_json(project: Project, states: list[PageStatus]) -> dict:
    """Return the same as `status_table`, as data: the source pages' hashes, then every language's pages."""
    languages = []
    for code, row in _by_language(states).items():
        counts = Counter(status.state for status in row.values())
        languages.append(
            {
                "code": code,
                "name": project.language(code).name,
                "counts": {name: counts[name] for name in STATES},
                "pages": {
                    page: {"state": s.state, "reviewed": s.reviewed, "source": s.source, "path": s.path}
                    | ({"changes": _changes_as_data(project, s)} if s.state == OUTDATED else {})
                    for page, s in row.items()
                },
            }
        )
    return {
        "source": {"language": project.default.code, "pages": {status.page: status.current for status in states}},
        "states": list(STATES),
        "languages": languages,
    }


def status_markdown(project: Project, states: list[PageStatus], heading: str) -> str:
    """Return the state as a Markdown table for the status page: a row per language, a column per page."""
    pages = sorted(project.pages)
    # Pages by name without `.md`: the checker would read `help.md` as an address in Moldova's domain.
    lines = [
        "| " + " | ".join([html.escape(heading), *(page.removesuffix(".md") for page in pages)]) + " |",
        "|" + " --- |" * (len(pages) + 1),
    ]
    for code, row in _by_language(states).items():
        language = project.language(code)
        # Each name is written in its own language and script: marked so, as the switcher's are.
        name = f'<span lang="{code}" dir="{language.direction}">{html.escape(language.name)}</span>'
        lines.append("| " + " | ".join([name, *(f"`{row[page].state}`" for page in pages)]) + " |")
    # Under the table, what changed in each Norwegian page since the outdated translations of it.
    since: dict[tuple[str, str | None], list[str]] = {}
    for status in states:
        if status.state == OUTDATED:
            since.setdefault((status.page, status.source), []).append(status.language)
    for (page, recorded), codes in since.items():
        original = (DOCS_FOLDER / project.default.code / page).as_posix()
        changes = block_changes(project.folder, original, recorded)
        if changes:
            lines += ["", f"`{original}` → {', '.join(f'`{code}`' for code in codes)}:", ""]
            lines += [as_markdown(change, original) for change in changes]
    return "\n".join(lines) + "\n"


def _changes_as_text(project: Project, status: PageStatus) -> list[str]:
    """The changed blocks of an outdated page's Norwegian page, as `make status` prints them."""
    original = (DOCS_FOLDER / project.default.code / status.page).as_posix()
    changes = block_changes(project.folder, original, status.source)
    if changes is None:
        return [f"(which blocks of {original} changed is not known: see `python -m fristed changes {status.path}`)"]
    return [as_text(change, original) for change in changes]


def _changes_as_data(project: Project, status: PageStatus) -> list[dict] | None:
    original = (DOCS_FOLDER / project.default.code / status.page).as_posix()
    changes = block_changes(project.folder, original, status.source)
    if changes is None:
        return None
    return [{"change": c.change, "line": c.line, "old": c.old, "new": c.new} for c in changes]


def fill_status_page(markdown: str, project: Project, states: list[PageStatus]) -> str:
    """Replace the marker of the status page with the table; other pages are returned as they are."""
    return MARKER.sub(lambda marker: status_markdown(project, states, marker.group(1)), markdown)
