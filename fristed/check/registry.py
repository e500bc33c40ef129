"""What the checker compares pages with: the facts of data/facts.yml, and what a page states."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import yaml

from fristed.data import line_of, lines_by_location
from fristed.facts import FACTS_FILE, Facts, load_facts
from fristed.settings import read_settings

KINDS = ("phones", "emails", "domains", "durations")


@dataclass(frozen=True)
class Occurrence:
    """A fact a page states, or something in a fact's place that the registry does not know."""

    kind: str  # phones, emails, domains or durations
    key: Hashable  # a fact id, or for durations (amount, unit); for the unknown, what was found
    registered: bool
    start: int  # the span in the page's view
    end: int
    found: str  # as the page shows it, for messages


def plural(amount: int, unit: str) -> str:
    """Spell an amount of a unit in English: `1 year`, `6 months`."""
    return f"{amount} {unit}" if amount == 1 else f"{amount} {unit}s"


class Registry:
    """The facts, looked up the ways pages state them, with the line of each in data/facts.yml."""

    path = FACTS_FILE

    def __init__(self, project: Path, region: str | None = None) -> None:
        self.facts: Facts = load_facts(project)
        # The country whose numbers the pages state: as given, or from the project's mkdocs.yml.
        self.region = region or read_settings(project).region
        # `Facts` does not keep line numbers: read them again, with libyaml where it is installed.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        self._lines = lines_by_location(yaml.compose((project / FACTS_FILE).read_text(encoding="utf-8"), Loader=loader))
        self.phone_by_number = {phone.number: key for key, phone in self.facts.phones.items()}
        self.email_by_address = {address: key for key, address in self.facts.emails.items()}
        self.durations_by_pair: dict[tuple[int, str], list[str]] = {}
        for key, duration in self.facts.durations.items():
            self.durations_by_pair.setdefault((duration.amount, duration.unit), []).append(key)

    def domain_of(self, host: str) -> str | None:
        """Return the id of the registered domain a lower-case ASCII host is, or is under."""
        for key, domain in self.facts.domains.items():
            if host == domain or host.endswith("." + domain):
                return key
        return None

    def see(self, kind: str, key: Hashable = None) -> str:
        """Point at a fact, or at a kind of fact, in data/facts.yml: `data/facts.yml:19`."""
        location = (kind,)
        if kind == "durations" and key in self.durations_by_pair:
            location = (kind, self.durations_by_pair[key][0])
        elif key is not None and kind != "durations":
            location = (kind, key)
        return f"{self.path.as_posix()}:{line_of(self._lines, location)}"

    def label(self, occurrence: Occurrence) -> str:
        """Name a fact as data/facts.yml does: `phones.helpline`; `phones` for one it does not know."""
        return self.name(occurrence.kind, occurrence.key if occurrence.registered else None)

    def name(self, kind: str, key: Hashable = None) -> str:
        """Name a fact by its kind and key: `phones.helpline`, `durations.reflection-period/permit-period`."""
        if key is None:
            return kind
        if kind == "durations":
            ids = self.durations_by_pair.get(key)
            return f"durations.{'/'.join(ids)}" if ids else "durations"
        return f"{kind}.{key}"

    def value(self, kind: str, key: Hashable) -> str:
        """Say a registered fact the way messages show it: `12 34 56 78`, `6 months`."""
        if kind == "phones":
            return self.facts.phones[key].display
        if kind == "emails":
            return self.facts.emails[key]
        if kind == "domains":
            return self.facts.domains[key]
        return plural(*key)

    def domains_list(self) -> str:
        """The allowed domains, for messages: `example.org, example.net`."""
        return ", ".join(self.facts.domains.values())
