"""Paragraph-level status: which blocks of the Norwegian page changed since a translation was stamped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fristed.project import load_project
from fristed.translations.paragraphs import BlockChange, changed_blocks
from fristed.translations.report import fill_status_page, status_json, status_table
from fristed.translations.status import page_states

BEFORE = "# Tittel\n\n- Første punkt.\n- Den kan ikke fornyes.\n- Tredje punkt.\n\nSiste avsnitt.\n"


@pytest.mark.parametrize(
    ("after", "changes", "reason"),
    [
        (BEFORE.replace("Første punkt.", "Første\npunkt."), [], "re-wrapped: the reader reads the same"),
        (BEFORE.replace("Første punkt.", "**Første** punkt."), [], "emphasis is no change of text"),
        (
            BEFORE.replace("ikke fornyes", "fornyes"),
            [BlockChange(4, "Den kan ikke fornyes.", "Den kan fornyes.")],
            "one item changed: its line now, its old and new text",
        ),
        (
            BEFORE.replace("- Den kan ikke fornyes.\n", ""),
            [BlockChange(4, "Den kan ikke fornyes.", None)],
            "an item removed: placed on the item after it",
        ),
        (BEFORE + "\nNytt avsnitt.\n", [BlockChange(9, None, "Nytt avsnitt.")], "a paragraph added"),
    ],
)
def test_changed_blocks_names_each_block_with_its_old_and_new_text(after: str, changes: list, reason: str):
    assert changed_blocks(BEFORE, after) == changes, reason


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_status_tells_which_norwegian_blocks_changed_since_the_stamp(small_project_copy: Path):
    """`make status`, its JSON and the status page show the changed item with its old and new text."""
    project = small_project_copy

    def git(*arguments: str) -> None:
        subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "pages")
    page = project / "docs/nb/permits.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- Den kan ikke fornyes.", "- Den kan *ikke* forlenges."))
    loaded = load_project(project)
    states = page_states(loaded)
    change = '"Den kan ikke fornyes." -> "Den kan ikke forlenges."'
    table = status_table(loaded, states).splitlines()
    for code in ("en", "ar"):
        at = table.index(f"  docs/{code}/permits.md")
        assert table[at + 1] == f"    docs/nb/permits.md:9 changed: {change}"
    (en,) = [language for language in status_json(loaded, states)["languages"] if language["code"] == "en"]
    assert en["pages"]["permits.md"]["changes"] == [
        {"change": "changed", "line": 9, "old": "Den kan ikke fornyes.", "new": "Den kan ikke forlenges."}
    ]
    status_page = fill_status_page((project / "docs/nb/translation-status.md").read_text(), loaded, states)
    assert "`docs/nb/permits.md` → `en`, `ar`:\n\n" in status_page
    assert "- `docs/nb/permits.md:9`: «Den kan ikke fornyes\\.» → «Den kan ikke forlenges\\.»\n" in status_page
