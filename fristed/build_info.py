"""What a build is made from: the project's version, its commit and that commit's date.

The date is the only time a built site states, and it comes from the commit, never the clock
(`SOURCE_DATE_EPOCH` overrides it, as reproducible-builds.org asks), so the same commit builds
the same bytes on any machine at any time.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class BuildInfo:
    """The version, commit and date a site is built from."""

    version: str
    commit: str
    date: datetime.datetime

    @property
    def date_text(self) -> str:
        """The date as the site manifest writes it: `2026-11-28T21:48:19Z`."""
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")


def _git(project: Path, *arguments: str) -> str:
    result = subprocess.run(["git", "-C", str(project), *arguments], capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def build_info(project: Path) -> BuildInfo:
    """Return what the project's working tree is: outside git, an unknown commit dated 1970."""
    commit = _git(project, "rev-parse", "HEAD") or "unknown"
    if commit != "unknown" and _git(project, "status", "--porcelain", "--untracked-files=no"):
        commit += "-modified"
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git(project, "log", "-1", "--format=%ct") or "0"
    date = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return BuildInfo(metadata.version("fristed"), commit, date)
