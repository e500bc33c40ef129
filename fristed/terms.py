"""The site's legal terms and their approved wording in each language: `data/terms.yml`.

The file's comment lists its fields. fristed/check/terms.py checks each translated block against
them; fristed/translations/terms_table.py shows them to translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fristed.data import load_yaml
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


def load_terms(project: Path, languages: list[Language]) -> list[Term]:
    """Return the terms of `data/terms.yml`; raise every problem at once (a language or opposite missing)."""
    document = load_yaml(project / TERMS_FILE, SCHEMA)
    more = []
    data = document.data if isinstance(document.data, dict) else {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("wording"), dict):
            continue
        missing = [language.code for language in languages if language.code not in entry["wording"]]
        if missing:
            more.append(
                document.problem(
                    (key, "wording"),
                    f"expected the approved wording of every language, found none for {', '.join(missing)}; "
                    "take it from that language's pages",
                )
            )
        opposite = entry.get("opposite")
        if opposite is not None and opposite not in data:
            more.append(document.problem((key, "opposite"), f"expected the id of a term, found {opposite!r}"))
    document.check(more)
    return [
        Term(key, entry["name"], entry.get("opposite"), {code: tuple(w) for code, w in entry["wording"].items()})
        for key, entry in data.items()
    ]
