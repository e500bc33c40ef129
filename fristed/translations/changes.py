"""`python -m fristed changes docs/fr/help.md`: what changed in the Norwegian page since it was translated.

A translation records only a hash of the Norwegian text it was made from. The git history of
the Norwegian page holds that text: the version whose hash matches is compared with the page as
it is now, so the translator updates the sentences that changed instead of reading it all again.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from fristed.pages import source_hash


def _git(project: Path, *arguments: str) -> str | None:
    """Run git in the project; None where git or the history is missing."""
    try:
        result = subprocess.run(
            ["git", "-C", str(project), *arguments], capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def earlier_text(project: Path, original: str, recorded: str) -> str | None:
    """Return the text of a Norwegian page (`docs/nb/help.md`) at the version whose hash was recorded."""
    commits = _git(project, "log", "--format=%H", "--", original)
    for commit in (commits or "").split():
        text = _git(project, "show", f"{commit}:{original}")
        if text is not None and source_hash(text) == recorded:
            return text
    return None


def changes(project: Path, original: str, recorded: str | None) -> str:
    """Return the changes to the Norwegian page since the recorded version, as a unified diff, or why not."""
    current = (project / original).read_text(encoding="utf-8")
    if recorded is None:
        return f"This page records no source hash: compare it with all of {original}.\n"
    if source_hash(current) == recorded:
        return f"{original} has not changed since this page was translated.\n"
    earlier = earlier_text(project, original, recorded)
    if earlier is None:
        return (
            f"No version of {original} in the git history has the hash {recorded}; "
            f"see its history with `git log -p -- {original}`.\n"
        )
    diff = difflib.unified_diff(
        earlier.splitlines(keepends=True),
        current.splitlines(keepends=True),
        fromfile=f"{original} ({recorded}, as translated)",
        tofile=f"{original} (now)",
    )
    return "".join(diff)
