"""The offline-distribution commands of `python -m fristed`: `zim` and `posters`.

command | does
zim     | writes a ZIM file per language, for Kiwix and Internet-in-a-Box, from a built site (`--site`,
        | default `site`) into `--out` (default `dist/zim`); exits 1, naming each problem, if the site
        | lacks a file its pages load or data/zim.yml is wrong
posters | writes an A4 poster and an 85 x 55 mm card per language (SVG, PNG, PDF) into `--out`
        | (default `dist/posters`), each with the language's address under `--base-url` as a QR code
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from fristed.cli_options import add_project_option, add_site_option
from fristed.data import DataError


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `zim` and `posters` to the sub-parsers of `python -m fristed`."""
    zim = commands.add_parser(
        "zim",
        help="write a ZIM file per language for Kiwix, from the built site",
        description="Write one ZIM file per language, for Kiwix and Internet-in-a-Box, from the built site.",
    )
    add_site_option(zim)
    zim.add_argument(
        "--out", type=Path, default=Path("dist/zim"), metavar="DIR", help="where to write (default: dist/zim)"
    )
    add_project_option(zim)
    zim.set_defaults(run=run_zim)

    posters = commands.add_parser(
        "posters",
        help="write a printable poster and card per language, with the site's address as a QR code",
        description="Write an A4 poster and an 85 x 55 mm card per language, as SVG, PNG and PDF.",
    )
    posters.add_argument(
        "--base-url", required=True, metavar="URL", help="the site's address, e.g. https://example.org/fristed/"
    )
    posters.add_argument(
        "--out", type=Path, default=Path("dist/posters"), metavar="DIR", help="where to write (default: dist/posters)"
    )
    posters.add_argument(
        "--language", action="append", metavar="CODE", help="only this language (repeat for more; default: all)"
    )
    add_project_option(posters)
    posters.set_defaults(run=run_posters)


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    """Silence what libzim's C++ code prints on standard output ("Index titles"...) for every file."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def run_zim(arguments: argparse.Namespace) -> int:
    """Write the ZIM files; return the exit status."""
    from fristed.project import load_project
    from fristed.zim import build_zims

    if not (arguments.site / "index.html").is_file():
        print(f"{arguments.site}: no built site here; build it first with `make site`", file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        project = load_project(arguments.project.resolve())
        with _stdout_silenced():
            written = build_zims(arguments.site, arguments.out, project)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"{path}  {path.stat().st_size // 1000} KB")
    print(f"{len(written)} ZIM file(s) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def run_posters(arguments: argparse.Namespace) -> int:
    """Write the posters and cards; return the exit status."""
    from fristed.posters import make_posters
    from fristed.posters.text import FontError
    from fristed.project import load_project

    started = time.perf_counter()
    try:
        project = load_project(arguments.project.resolve())
        known = [language.code for language in project.languages]
        unknown = sorted(set(arguments.language or ()) - set(known))
        if unknown:
            print(f"--language: expected one of {', '.join(known)}, found {', '.join(unknown)}", file=sys.stderr)
            return 1
        written = make_posters(arguments.base_url, arguments.out, project, arguments.language)
    except (DataError, FontError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    print(f"{len(written)} file(s) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run `zim` or `posters` on their own, as `python -m fristed.distribution_cli`."""
    parser = argparse.ArgumentParser(prog="python -m fristed.distribution_cli")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="command"))
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
