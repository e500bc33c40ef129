"""The mirror commands of `python -m fristed`: `verify-mirror` and `release`.

command       | does
verify-mirror | fetches a mirror's site-manifest.json and every file, compares them with the original's
              | manifest (`--reference`: a file or an address), prints a summary in plain words and one
              | line per difference; exits 1 on any difference, 2 when the reference cannot be read
release       | packs a built site (`--site`, default `site`) into `fristed-<version>.tar.gz` and `.zip`
              | with `SHA256SUMS`, reproducibly, in `--out` (default `dist`); exits 1 if the site's files
              | are not those its manifest lists
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

from fristed.cli_options import add_site_option
from fristed.mirror.fetch import TIMEOUT_SECONDS, Client
from fristed.mirror.manifest import ManifestError
from fristed.mirror.release import make_release
from fristed.mirror.verify import load_reference, verify_mirror

WIDTH = 100


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `verify-mirror` and `release` to the sub-parsers of `python -m fristed`."""
    verify = commands.add_parser(
        "verify-mirror",
        help="check that a mirror serves an exact copy of the site",
        description="Fetch a mirror's site-manifest.json and every file it lists, and report missing, "
        "changed and extra files and an outdated version.",
    )
    verify.add_argument("url", metavar="URL", help="the mirror's address, e.g. https://mirror.example/fristed/")
    verify.add_argument(
        "--reference",
        metavar="PATH",
        help="the original's site-manifest.json, a file (e.g. site/site-manifest.json) or an address; "
        "without it the mirror is compared with its own list only",
    )
    verify.add_argument(
        "--timeout", type=float, default=TIMEOUT_SECONDS, metavar="SECONDS", help="how long to wait for each file"
    )
    verify.set_defaults(run=run_verify_mirror)

    release = commands.add_parser(
        "release",
        help="pack the built site into reproducible .tar.gz and .zip archives with SHA256SUMS",
        description="Pack a built site into fristed-<version>.tar.gz and .zip, with SHA256SUMS.",
    )
    add_site_option(release)
    release.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR", help="where to write (default: dist)")
    release.set_defaults(run=run_release)


def run_verify_mirror(arguments: argparse.Namespace) -> int:
    """Check a mirror, print the summary and each difference; return 0 for an exact copy, else 1 or 2."""
    client = Client(timeout=arguments.timeout)
    try:
        reference = load_reference(arguments.reference, client) if arguments.reference else None
    except ManifestError as error:
        print(f"error: the original's manifest, --reference: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        report = verify_mirror(arguments.url, reference, client)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(textwrap.fill(report.summary, WIDTH))
    if report.lines():
        print()
        for line in report.lines():
            print(line)
    elapsed = time.perf_counter() - started
    print(f"Checked {report.checked} files of {report.base_url} in {elapsed:.1f} s", file=sys.stderr)
    return 0 if report.ok else 1


def run_release(arguments: argparse.Namespace) -> int:
    """Write the release archives and SHA256SUMS; print what was written; 1 if the site is not as listed."""
    try:
        paths = make_release(arguments.site, arguments.out)
    except FileNotFoundError as error:
        print(
            f"error: {error.filename}: not found; expected a built site with its manifest: run `make site`",
            file=sys.stderr,
        )
        return 1
    except (ManifestError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one mirror command on its own, as `python -m fristed.mirror.cli`; return its exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m fristed.mirror.cli", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="command"))
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
