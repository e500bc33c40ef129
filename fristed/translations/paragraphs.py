"""Which blocks of a Norwegian page changed since a translation was stamped, with the old and new text.

A translation records the hash of the Norwegian page it was made from (stamp.py); the git history
holds that text (changes.py). Both versions are cut into blocks as the reader reads them
(fristed/check/blocks.py) and compared block by block, so a translator is told "the third item of
the list now says …" rather than "the page changed".

change  | old             | new
changed | the block then  | the block now
added   | none            | the block now
removed | the block then  | none

`make status` lists them under each outdated page, `--json` writes them, and the translators'
status page shows them under its table (report.py).
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from fristed.check.blocks import page_blocks
from fristed.translations.changes import earlier_text

# Python-Markdown's escapable punctuation: the old and new text show as written, never as markup.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True)
class BlockChange:
    """One block of the Norwegian page added, removed or changed since a translation was stamped."""

    line: int  # in the Norwegian page now: the block's line, or for a removed one the next block's
    old: str | None
    new: str | None

    @property
    def change(self) -> str:
        """`changed`, `added` or `removed`."""
        return "added" if self.old is None else "removed" if self.new is None else "changed"


def changed_blocks(earlier: str, current: str) -> list[BlockChange]:
    """Return the blocks of a page's current Markdown that differ from its earlier Markdown, in order."""
    before, after = page_blocks(earlier), page_blocks(current)
    matcher = SequenceMatcher(None, [block.text for block in before], [block.text for block in after], autojunk=False)
    last = after[-1].line if after else 1
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = before[i1:i2], after[j1:j2]
        for index in range(max(len(old), len(new))):
            line = new[index].line if index < len(new) else (after[j2].line if j2 < len(after) else last)
            found.append(
                BlockChange(
                    line,
                    old[index].text if index < len(old) else None,
                    new[index].text if index < len(new) else None,
                )
            )
    return found


@functools.lru_cache(maxsize=128)
def _changes(project: Path, original: str, recorded: str, current: str) -> tuple[BlockChange, ...] | None:
    earlier = earlier_text(project, original, recorded)
    return None if earlier is None else tuple(changed_blocks(earlier, current))


def block_changes(project: Path, original: str, recorded: str | None) -> list[BlockChange] | None:
    """The blocks of a Norwegian page (`docs/nb/help.md`) changed since the version whose hash a
    translation recorded; None where that version is not in the git history, or none is recorded."""
    if recorded is None:
        return None
    current = (project / original).read_text(encoding="utf-8")
    found = _changes(project, original, recorded, current)
    return None if found is None else list(found)


def as_text(change: BlockChange, original: str) -> str:
    """One change as `make status` prints it: `docs/nb/help.md:12 changed: "…" -> "…"`."""
    if change.old is None:
        return f'{original}:{change.line} added: "{change.new}"'
    if change.new is None:
        return f'{original}:{change.line} removed: "{change.old}"'
    return f'{original}:{change.line} changed: "{change.old}" -> "{change.new}"'


def as_markdown(change: BlockChange, original: str) -> str:
    """One change as a list item of the status page, in signs any language reads:
    `docs/nb/help.md:12: «old» → «new»`, `+ «new»` for a block added, `- «old»` for one removed."""
    if change.old is None:
        shown = f"\\+ «{_escaped(change.new)}»"
    elif change.new is None:
        shown = f"\\- «{_escaped(change.old)}»"
    else:
        shown = f"«{_escaped(change.old)}» → «{_escaped(change.new)}»"
    return f"- `{original}:{change.line}`: {shown}"


def _escaped(text: str) -> str:
    """Text that Markdown shows as written: entities and tags escaped, and its punctuation."""
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))
