"""Fristed's command line: `python -m fristed <command>`.

command | does
check   | checks every page of every language against data/facts.yml and its source page, and the
        | interface strings and legal terms (data/strings/, data/terms.yml), without
        | building; prints each finding as `path:line:col: error: message` and exits 1 on any error;
        | warns (`warning:`, exit 0) on each translation its Norwegian page has changed since
status, stamp, changes, new-language
        | the translators' commands (see fristed/translations/cli.py)
verify-mirror URL [--reference PATH]
        | checks that a mirror serves an exact copy of the site; exits 1 on any difference
        | (see fristed/mirror/cli.py)
release [--site DIR] [--out DIR]
        | packs the built site into reproducible .tar.gz and .zip archives with SHA256SUMS
zim [--site DIR] [--out DIR]
        | writes a ZIM file per language for Kiwix (see fristed/distribution_cli.py)
posters --base-url URL [--out DIR]
        | writes a printable A4 poster and a card per language, with the address as a QR code

Under GitHub Actions (`GITHUB_ACTIONS=true`) each finding is also printed as a workflow command,
`::error file=…,line=…,col=…::message`, which GitHub shows on the line of the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from fristed.cli_options import add_project_option
from fristed.data import Problem
from fristed.distribution_cli import add_commands as add_distribution_commands
from fristed.mirror.cli import add_commands as add_mirror_commands
from fristed.translations.cli import add_commands as add_translation_commands


def _escape(text: str, property_value: bool = False) -> str:
    """Escape text for a GitHub workflow command, as the Actions toolkit does."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def annotation(problem: Problem) -> str:
    """Return a finding as a GitHub Actions workflow command: `::error file=…,line=…,col=…::message`."""
    level = "error" if problem.severity == "error" else "warning"
    where = ",".join(
        f"{name}={_escape(str(value), property_value=True)}"
        for name, value in (("file", Path(problem.path).as_posix()), ("line", problem.line), ("col", problem.column))
    )
    return f"::{level} {where}::{_escape(problem.message)}"


def report(problems: list[Problem], out=None) -> int:
    """Print every finding, and annotations under GitHub Actions; return the exit status."""
    out = out or sys.stdout
    for problem in problems:
        print(problem, file=out)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem), file=out)
    return 1 if any(problem.severity == "error" for problem in problems) else 0


def _check(arguments: argparse.Namespace) -> int:
    from fristed.check import check_project
    from fristed.translations.status import outdated_warnings

    started = time.perf_counter()
    problems = check_project(arguments.project)
    # Outdated translations are content gaps: warned here, never a failed build (the reader is told).
    warnings = outdated_warnings(arguments.project.resolve())
    status = report(sorted([*problems, *warnings], key=lambda problem: (Path(problem.path).as_posix(), problem.line)))
    errors = [problem for problem in problems if problem.severity == "error"]
    files = len({problem.path for problem in errors})
    elapsed = time.perf_counter() - started
    outdated = f"; {len(warnings)} outdated translation(s)" if warnings else ""
    if errors:
        print(f"{len(errors)} error(s) in {files} file(s){outdated}, in {elapsed:.2f} s", file=sys.stderr)
    else:
        print(f"Every page states the registry's facts{outdated}, in {elapsed:.2f} s", file=sys.stderr)
    return status


def parser() -> argparse.ArgumentParser:
    """Return the command line's parser; each command is a sub-parser with its function in `run`."""
    main = argparse.ArgumentParser(prog="python -m fristed", description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True, metavar="command")
    check = commands.add_parser(
        "check",
        help="check every page's numbers, addresses, links and durations",
        description="Check every page of every language against data/facts.yml and its source page.",
    )
    add_project_option(check)
    check.set_defaults(run=_check)
    add_mirror_commands(commands)
    add_translation_commands(commands)
    add_distribution_commands(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; return its exit status."""
    arguments = parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
