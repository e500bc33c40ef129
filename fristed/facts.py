"""The facts registry, `data/facts.yml`: the one place numbers, addresses, domains and durations live."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from fristed.data import load_yaml

FACTS_FILE = Path("data/facts.yml")
UNITS = ("hour", "day", "week", "month", "year")
# The phones every page and every standalone page (offline, not found) show, by what they are for,
# so no code names a service: `helpline` in every page's header, `emergency` beside it offline.
ROLES = ("helpline", "emergency")
# The field whose value each kind's quote must show, so a value cannot change without its proof.
# Durations are left out: their quotes give the amount in words ("seks måneder").
QUOTED_VALUES = {"phones": "number", "emails": "address", "domains": "domain"}


def _entries(field: str, value: dict, *also_required: str, optional: dict | None = None) -> dict:
    """Schema of a mapping from fact id to a fact whose value is in `field`."""
    return {
        "type": "object",
        "propertyNames": {
            "pattern": "^[a-z][a-z0-9-]*$",
            "description": "an id of lower-case letters, digits and dashes",
        },
        "additionalProperties": {
            "type": "object",
            "required": [field, *also_required, "name", "source", "quote"],
            "additionalProperties": False,
            "properties": {
                field: value,
                "unit": {"enum": list(UNITS)},
                "name": {"type": "string", "minLength": 1},
                "source": {"type": "string", "description": "the id of one of `sources`"},
                "quote": {"type": "string", "minLength": 1},
                **(optional or {}),
            },
        },
    }


SCHEMA = {
    "type": "object",
    "required": ["sources", "phones", "emails", "domains", "durations"],
    "additionalProperties": False,
    "properties": {
        "sources": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {
                "pattern": "^[a-z][a-z0-9-]*$",
                "description": "an id of lower-case letters, digits and dashes",
            },
            "additionalProperties": {
                "type": "string",
                "pattern": "^source/[^/]+$",
                "description": "a file in the source/ folder, such as 'source/FACTS.md'",
            },
        },
        "phones": _entries(
            "number",
            {
                "type": "string",
                "pattern": r"^(\+[1-9][0-9]{6,14}|[0-9]{3,5})$",
                "description": "an E.164 number such as '+4612345678' or a short number such as '112', in quotes",
            },
            optional={"role": {"enum": list(ROLES)}},
        ),
        "emails": _entries(
            "address",
            {
                "type": "string",
                "pattern": r"^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}$",
                "description": "a lower-case ASCII e-mail address",
            },
        ),
        "domains": _entries(
            "domain",
            {
                "type": "string",
                "pattern": r"^([a-z0-9-]+\.)+[a-z]{2,}$",
                "description": "a lower-case ASCII domain such as 'example.org'",
            },
        ),
        "durations": _entries("amount", {"type": "integer", "minimum": 1, "description": "a whole number"}, "unit"),
    },
}


def _quote_states(fact: dict, field: str) -> bool:
    """Whether a fact's quote shows its value: a number's national digits, an address, a domain."""
    value = fact[field]
    if field == "number":
        digits = "".join(character for character in fact["quote"] if character.isdigit())
        national = str(phonenumbers.parse(value).national_number) if value.startswith("+") else value
        return national in digits
    return value in fact["quote"]


@dataclass(frozen=True)
class Phone:
    """A phone number the site may show."""

    id: str
    number: str
    name: str
    role: str | None = None

    @property
    def tel(self) -> str:
        """The `tel:` link target: international form, or the short number as dialled."""
        return f"tel:{self.number}"

    @property
    def display(self) -> str:
        """The number as its country writes it at home; short numbers as they are."""
        if not self.number.startswith("+"):
            return self.number
        parsed = phonenumbers.parse(self.number)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


@dataclass(frozen=True)
class Duration:
    """A length of time the site may state."""

    id: str
    amount: int
    unit: str
    name: str


@dataclass(frozen=True)
class Facts:
    """The whole registry."""

    phones: dict[str, Phone]
    emails: dict[str, str]
    domains: dict[str, str]
    durations: dict[str, Duration]

    def phone(self, role: str) -> Phone:
        """The phone with a role (`helpline`, `emergency`); `load_facts` makes sure there is one."""
        return next(phone for phone in self.phones.values() if phone.role == role)


def load_facts(project: Path) -> Facts:
    """Return the facts registry, checked against its schema and against its sources."""
    document = load_yaml(project / FACTS_FILE, SCHEMA)
    if document.problems:
        # The checks below rely on the schema's shapes.
        document.check()
    data = document.data
    problems = []
    sources = {}
    for name, path in data["sources"].items():
        try:
            sources[name] = (project / path).read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(document.problem(("sources", name), f"expected a file, found none at {path}"))
    for kind, entries in data.items():
        if kind == "sources":
            continue
        for fact_id, fact in entries.items():
            if fact["source"] not in data["sources"]:
                close = difflib.get_close_matches(fact["source"], list(data["sources"]), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(
                    document.problem(
                        (kind, fact_id, "source"),
                        f"expected one of {', '.join(data['sources'])}, found {fact['source']!r}{hint}",
                    )
                )
            elif fact["source"] not in sources:
                continue  # its file is missing, reported above
            elif fact["quote"] not in sources[fact["source"]]:
                problems.append(
                    document.problem(
                        (kind, fact_id, "quote"),
                        f"expected words found in {data['sources'][fact['source']]}, found {fact['quote']!r}",
                    )
                )
            elif kind in QUOTED_VALUES and not _quote_states(fact, QUOTED_VALUES[kind]):
                problems.append(
                    document.problem(
                        (kind, fact_id, QUOTED_VALUES[kind]),
                        f"expected the value its quote states, {fact['quote']!r}, found {fact[QUOTED_VALUES[kind]]!r}",
                    )
                )
    for fact_id, phone in data["phones"].items():
        if phone["number"].startswith("+") and not phonenumbers.is_valid_number(phonenumbers.parse(phone["number"])):
            problems.append(
                document.problem(
                    ("phones", fact_id, "number"), f"expected a valid phone number, found {phone['number']!r}"
                )
            )
    for role in ROLES:
        holders = [fact_id for fact_id, phone in data["phones"].items() if phone.get("role") == role]
        if len(holders) != 1:
            found = ", ".join(holders) or "none"
            problems.append(
                document.problem(
                    ("phones",),
                    f"expected one phone with 'role: {role}' (the number every page shows), found {found}; "
                    f"give that role to exactly one phone",
                )
            )
    document.check(problems)
    return Facts(
        phones={
            key: Phone(key, value["number"], value["name"], value.get("role")) for key, value in data["phones"].items()
        },
        emails={key: value["address"] for key, value in data["emails"].items()},
        domains={key: value["domain"] for key, value in data["domains"].items()},
        durations={
            key: Duration(key, value["amount"], value["unit"], value["name"])
            for key, value in data["durations"].items()
        },
    )
