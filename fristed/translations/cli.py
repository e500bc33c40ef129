"""The translators' commands of `python -m fristed`.

command                   | does
status [--json PATH]      | prints each page's translation state in each language (`make status`), and
                          | writes the same as JSON to PATH
stamp PAGE…               | records in each translated PAGE the hash of its Norwegian page as it is now
                          | (`make stamp PAGE=docs/fr/help.md`); exits 1 naming each page it refused
changes PAGE              | shows what changed in the Norwegian page since PAGE was translated from it
new-language CODE         | adds a language, every page still in Norwegian (`make new-language LANG=so`)

Each takes `--project DIR` (default: this folder). `python -m fristed check` also warns on each
outdated page (see fristed/translations/status.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fristed.cli_options import add_project_option
from fristed.data import DataError
from fristed.languages import default_language, load_languages
from fristed.pages import DOCS_FOLDER, read_front_matter
from fristed.project import Project, load_project
from fristed.translations.changes import changes
from fristed.translations.report import status_json, status_table
from fristed.translations.scaffold import ScaffoldError, new_language
from fristed.translations.stamp import StampError, stamp
from fristed.translations.status import page_states


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `status`, `stamp`, `changes` and `new-language` to the sub-parsers of `python -m fristed`."""
    status = commands.add_parser(
        "status",
        help="print each page's translation state in each language",
        description="Print whether each page of each language is reviewed, translated, outdated, untranslated "
        "or missing.",
    )
    status.add_argument("--json", type=Path, metavar="PATH", help="also write the report as JSON to PATH")
    add_project_option(status)
    status.set_defaults(run=run_status)
    stamping = commands.add_parser(
        "stamp",
        help="record that translated pages match their Norwegian pages as they are now",
        description="Write in each page's front matter the hash of its Norwegian page as it is now (`source:`). "
        "Run it after translating a page, or after updating an outdated one.",
    )
    stamping.add_argument(
        "pages", type=Path, nargs="+", metavar="PAGE", help="a translated page, docs/<code>/<page>.md"
    )
    add_project_option(stamping)
    stamping.set_defaults(run=run_stamp)
    changed = commands.add_parser(
        "changes",
        help="show what changed in the Norwegian page since a page was translated",
        description="Show, from the git history, what changed in a page's Norwegian original since it was "
        "translated from it.",
    )
    changed.add_argument("page", type=Path, metavar="PAGE", help="a translated page, docs/<code>/<page>.md")
    add_project_option(changed)
    changed.set_defaults(run=run_changes)
    language = commands.add_parser(
        "new-language",
        help="add a language, every page still in Norwegian, for translators",
        description="Add a language: data/languages.yml, every page in Norwegian marked 'translated: false', "
        "its interface strings, a duration word list, and Material's strings if Material lacks them.",
    )
    language.add_argument("code", metavar="CODE", help="the language's ISO 639 code, such as 'so' for Somali")
    add_project_option(language)
    language.set_defaults(run=run_new_language)


def _loaded(folder: Path) -> Project | None:
    try:
        return load_project(folder)
    except DataError as error:
        print(f"error: the project's data has problems:\n{error}", file=sys.stderr)
        return None


def run_status(arguments: argparse.Namespace) -> int:
    """Print the status table; write the JSON report if asked. 1 only if the project cannot be read."""
    project = _loaded(arguments.project)
    if project is None:
        return 1
    states = page_states(project)
    print(status_table(project, states), end="")
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        report = json.dumps(status_json(project, states), ensure_ascii=False, indent=2)
        arguments.json.write_text(report + "\n", encoding="utf-8")
        print(f"Wrote {arguments.json.as_posix()}", file=sys.stderr)
    return 0


def run_stamp(arguments: argparse.Namespace) -> int:
    """Stamp each page; print what each now records; 1 if any was refused."""
    status = 0
    for page in arguments.pages:
        try:
            done = stamp(arguments.project, page)
        except StampError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        before = f"was {done.before}" if done.before else "recorded none before"
        print(f"{done.path}: source: {done.after}, the hash of {done.original} now ({before})")
        if done.reviewed:
            print(f"{done.path}: still 'reviewed: true': set it to false unless a reviewer has checked your changes")
    return status


def run_changes(arguments: argparse.Namespace) -> int:
    """Print the diff of the Norwegian page since the page's recorded version; 1 if the page is no translation."""
    folder = arguments.project.resolve()
    path = arguments.page.resolve()
    docs = folder / DOCS_FOLDER
    if not path.is_file() or not path.is_relative_to(docs) or len(path.relative_to(docs).parts) < 2:
        print(f"error: {arguments.page}: expected a translated page such as docs/fr/help.md", file=sys.stderr)
        return 1
    project = _loaded(folder)
    if project is None:
        return 1
    _, *rest = path.relative_to(docs).parts
    original = Path(DOCS_FOLDER, project.default.code, *rest).as_posix()
    if not (folder / original).is_file():
        print(f"error: {arguments.page}: expected a source page {original}, found none", file=sys.stderr)
        return 1
    try:
        recorded = read_front_matter(path).get("source")
    except DataError as error:
        print(f"error: {arguments.page}: fix the front matter first:\n{error}", file=sys.stderr)
        return 1
    print(changes(folder, original, recorded), end="")
    return 0


def run_new_language(arguments: argparse.Namespace) -> int:
    """Scaffold a language; print the files written and what to do next; 1 if refused."""
    try:
        written = new_language(arguments.project, arguments.code)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.as_posix()}")
    default = default_language(load_languages(arguments.project))
    print(
        f"\nEvery page of '{arguments.code}' is still {default.english_name} ('translated: false'). Translate its "
        "strings, its "
        "duration words and each page, then run `make stamp PAGE=…` on each page you translated "
        "(see CONTRIBUTING.md). `make status` shows what is left."
    )
    return 0
