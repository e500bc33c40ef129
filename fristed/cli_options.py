"""Command-line options several commands of `python -m fristed` share, spelled once."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_project_option(parser: argparse.ArgumentParser) -> None:
    """`--project DIR`: the project folder, by default the working one."""
    parser.add_argument(
        "--project", type=Path, default=Path("."), metavar="DIR", help="the project folder (default: this one)"
    )


def add_site_option(parser: argparse.ArgumentParser) -> None:
    """`--site DIR`: the built site, by default `site/`."""
    parser.add_argument("--site", type=Path, default=Path("site"), metavar="DIR", help="the built site (default: site)")
