"""The site's legal terms and their approved wording in each language: `data/terms.yml`.

The file's comment lists its fields. fristed/check/terms.py checks each translated block against
them; fristed/translations/terms_table.py shows them to translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fristed.data import line_of, load_yaml
from fristed.languages import Language

TERMS_FILE = Path("data/terms.yml")

_WORDINGS = {
    "type": "array",
    "minItems": 1,
    "items": {"type": "string", "minLength": 1},
    "description": "a list of wordings",
}
SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {
        "type": "object",
        "required": ["name", "wording"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1, "description": "the term in English, for messages"},
            "opposite": {"type": "string", "description": "the id of the term it is the opposite of"},
            "wording": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": _WORDINGS,
                "description": "a mapping of language code to its approved wordings",
            },
        },
    },
}


@dataclass(frozen=True)
class Term:
    """One legal term, with the approved wordings of each language, as written in data/terms.yml."""

    id: str
    name: str
    opposite: str | None
    wording: dict[str, tuple[str, ...]]
    line: int = 1  # where it stands in data/terms.yml


def load_terms(project: Path, languages: list[Language]) -> list[Term]:
    """Return the terms of `data/terms.yml`, or none for a site without the file; raise every problem
    at once (a Norwegian wording or an opposite missing)."""
    if not (project / TERMS_FILE).is_file():
        return []
    document = load_yaml(project / TERMS_FILE, SCHEMA)
    more = []
    data = document.data if isinstance(document.data, dict) else {}
    source = next(language for language in languages if language.default)
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("wording"), dict):
            continue
        if source.code not in entry["wording"]:
            # The source language's wordings find the term; every other language may come later
            # (`make new-language`): a translated page that needs one is told to add it.
            more.append(
                document.problem(
                    (key, "wording"),
                    f"expected the {source.name} wording ({source.code}), which finds the term on the pages, "
                    "found none",
                )
            )
        opposite = entry.get("opposite")
        if opposite is not None and opposite not in data:
            more.append(document.problem((key, "opposite"), f"expected the id of a term, found {opposite!r}"))
    document.check(more)
    return [
        Term(
            key,
            entry["name"],
            entry.get("opposite"),
            {code: tuple(w) for code, w in entry["wording"].items()},
            line_of(document.lines, (key,)),
        )
        for key, entry in data.items()
    ]
