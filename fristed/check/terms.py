"""Required terms: where a Norwegian block uses a legal term, its translation uses the approved wording.

`data/terms.yml` lists the site's legal terms ("refleksjonsperiode", "kan ikke fornyes", "inntil")
and, per language, the wordings a translation may use for each. The blocks of a page and of its
translation are aligned (blocks.py); in each pair, every term the Norwegian block uses must stand in
the translated block. So a flipped "cannot be renewed" or an "up to" that became "at least" is
caught without reading the language.

How a block is read: its rendered text, folded (case, Unicode form, apostrophes, spaces); each
wording matches as whole words (in Thai and other scripts written without spaces, anywhere; after
an Arabic one-letter word written onto it, `ولا يمكن`, too), and
where wordings overlap the longest wins, so Russian "не может быть продлено" (cannot be renewed)
is not also read as "может быть продлено" (can be renewed). A term with an `opposite` that stands
in the translation in its place is named in the error.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fristed.check.blocks import Block
from fristed.data import DataError, Problem
from fristed.languages import Language
from fristed.terms import TERMS_FILE, Term, load_terms

# One-letter Arabic-script words written joined to the word after them: and, so, by, for, as.
_PROCLITICS = "\u0648\u0641\u0628\u0644\u0643"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, and CJK.
_SPACELESS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x9FFF))


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Fold text for comparing wordings: Unicode form, case, apostrophes and runs of spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES).split())


def _spaceless(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in _SPACELESS)


@dataclass(frozen=True)
class Use:
    """A wording found in a block's text."""

    term: str
    start: int
    end: int
    text: str


def uses(text: str, terms: list[Term], code: str) -> list[Use]:
    """Every term a folded text uses in a language, longest wording first where they overlap."""
    found = []
    for term in terms:
        for wording in map(fold, term.wording.get(code, ())):
            start = text.find(wording)
            while start != -1:
                end = start + len(wording)
                before = text[start - 1] if start else " "
                if before in _PROCLITICS and (start < 2 or not text[start - 2].isalnum()):
                    before = " "  # Arabic `و` (and), `ب` (by)… are written onto the next word
                after = text[end] if end < len(text) else " "
                whole = (not before.isalnum() or _spaceless(before) or _spaceless(wording[0])) and (
                    not after.isalnum() or _spaceless(after) or _spaceless(wording[-1])
                )
                if whole:
                    found.append(Use(term.id, start, end, wording))
                start = text.find(wording, start + 1)
    taken: list[Use] = []
    for use in sorted(found, key=lambda use: (-(use.end - use.start), use.start)):
        if all(use.end <= other.start or other.end <= use.start for other in taken):
            taken.append(use)
    return sorted(taken, key=lambda use: use.start)


def check_terms(
    pairs: list[tuple[Block, Block]], terms: list[Term], source: tuple[str, Path], language: str, path: Path
) -> list[Problem]:
    """Return an error for each term a Norwegian block uses that its aligned translated block lacks."""
    source_code, source_path = source
    by_id = {term.id: term for term in terms}
    problems = []
    for mine, theirs in pairs:
        wanted = uses(fold(mine.text), terms, source_code)
        if not wanted:
            continue
        have = uses(fold(theirs.text), terms, language)
        wanted_count = Counter(use.term for use in wanted)
        have_count = Counter(use.term for use in have)
        for term_id, count in wanted_count.items():
            if have_count[term_id] >= count:
                continue
            term = by_id[term_id]
            norwegian = next(use.text for use in wanted if use.term == term_id)
            if language not in term.wording:
                problems.append(
                    Problem(
                        path,
                        theirs.line,
                        (
                            f'terms.{term_id}: expected an approved wording of this language for "{term.name}" in '
                            f"{TERMS_FILE.as_posix()} (see {TERMS_FILE.as_posix()}:{term.line}), as the Norwegian "
                            f'block uses "{norwegian}" (see {source_path.as_posix()}:{mine.line}), found none; add '
                            f"the wording this page uses under {language}"
                        ),
                    )
                )
                continue
            approved = " or ".join(f'"{fold(wording)}"' for wording in term.wording[language])
            instead = [use.text for use in have if use.term == term.opposite and use.term not in wanted_count]
            if instead:
                found = f'"{instead[0]}", its opposite'
            elif have_count[term_id]:
                found = f"it {have_count[term_id]} of {count} times"
            else:
                found = "none of them"
            problems.append(
                Problem(
                    path,
                    theirs.line,
                    (
                        f"terms.{term_id}: expected {approved} ({term.name}), as the Norwegian block uses "
                        f'"{norwegian}"{_times(count)} (see {source_path.as_posix()}:{mine.line}), found {found}; '
                        f"use the approved wording, or propose a better one in {TERMS_FILE.as_posix()}"
                    ),
                )
            )
    return problems


def _times(count: int) -> str:
    return f" {count} times" if count > 1 else ""


def terms_or_problems(project: Path, languages: list[Language]) -> tuple[list[Term], list[Problem]]:
    """Load the terms, or return their file's problems and no terms."""
    try:
        return load_terms(project, languages), []
    except DataError as error:
        return [], error.problems
