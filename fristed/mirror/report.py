"""What checking a mirror found: one finding per file, and a summary for people who do not program.

A volunteer deciding whether to hand out a mirror's address reads the summary; whoever fixes the
mirror reads the findings, one a line, each naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fristed.mirror.manifest import MANIFEST, parse_date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The order findings are listed and counted in: the worst first.
KINDS = ("unreadable", "untrusted", "outdated", "changed", "missing", "extra")
KEEP_AWAY = "Do not hand out its address until this check passes."
COPY_AGAIN = "Do not hand out its address until its owner has copied the original again and this check passes."


@dataclass(frozen=True)
class SiteVersion:
    """Which build of the site a manifest describes."""

    version: str
    commit: str
    date: str

    @classmethod
    def of(cls, manifest: dict[str, Any]) -> SiteVersion:
        """Return the version a manifest names."""
        return cls(manifest["version"], manifest["commit"], manifest["date"])

    def describe(self, with_commit: bool = False) -> str:
        """Say which version this is, as a reader says it: `version 0.1.0 from 28 November 2025`."""
        day = parse_date(self.date)
        commit = f" (commit {self.commit[:12]})" if with_commit else ""
        return f"version {self.version}{commit} from {day.day} {MONTHS[day.month - 1]} {day.year}"

    def __str__(self) -> str:
        return f"version {self.version} (commit {self.commit}) of {self.date}"


@dataclass(frozen=True)
class Finding:
    """One difference: its kind (see KINDS), the file's URL from the site root, and what was found."""

    kind: str
    url: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.url}: {self.detail}"


@dataclass(frozen=True)
class Report:
    """The result of checking a mirror against its own manifest and, if given, the original's."""

    base_url: str
    findings: tuple[Finding, ...] = ()
    mirror: SiteVersion | None = None
    reference: SiteVersion | None = None
    checked: int = 0

    @property
    def ok(self) -> bool:
        """True when the mirror is an exact copy: every file there, unchanged, nothing added."""
        return not self.findings

    def urls(self, kind: str) -> list[str]:
        """Return the URLs of the findings of one kind, e.g. `report.urls("changed")`."""
        return [finding.url for finding in self.findings if finding.kind == kind]

    @property
    def missing(self) -> list[str]:
        """The files the manifest lists that the mirror does not serve."""
        return self.urls("missing")

    @property
    def changed(self) -> list[str]:
        """The files the mirror serves with other bytes than the original's."""
        return self.urls("changed")

    @property
    def extra(self) -> list[str]:
        """The files the mirror's manifest lists and the original's does not."""
        return self.urls("extra")

    @property
    def outdated(self) -> bool:
        """True when the mirror is another version (or build) than the original."""
        return bool(self.urls("outdated"))

    def lines(self) -> list[str]:
        """Return every finding, one a line, the worst kinds first."""
        ordered = sorted(self.findings, key=lambda finding: (KINDS.index(finding.kind), finding.url))
        return [str(finding) for finding in ordered]

    @property
    def summary(self) -> str:
        """Say in plain words whether the mirror can be trusted, and what to do if not."""
        unreadable = [finding.detail for finding in self.findings if finding.kind == "unreadable"]
        if unreadable:
            return (
                f"This address could not be checked: its list of files, {MANIFEST}, {'; '.join(unreadable)}. "
                f"It may be down or mistyped, or not a copy of Fristed. {KEEP_AWAY}"
            )
        untrusted = [finding.detail for finding in self.findings if finding.kind == "untrusted"]
        if untrusted:
            return (
                f"This mirror cannot be trusted: its list of files, {MANIFEST}, {'; '.join(untrusted)}. "
                f"Anyone could have changed its pages. {KEEP_AWAY}"
            )
        assert self.mirror is not None
        if self.outdated and self.reference and len(self.findings) == 1 and self.mirror.date < self.reference.date:
            return (
                f"This mirror is an exact, signed copy of {self.mirror.describe()}, but that is OLDER than the newest "
                f"release, {self.reference.describe()}. Ask its owner to update it; until then, do not hand out "
                "its address."
            )
        if self.ok and self.reference:
            return (
                f"This mirror is an exact copy of {self.mirror.describe()}: "
                f"all {self.checked} files match the original."
            )
        if self.ok:
            return (
                f"This mirror is an exact copy of {self.mirror.describe()} as its signed list of files describes "
                f"it: all {self.checked} files match that list. Whether a newer version exists was not checked; to "
                f"check, give the newest release's {MANIFEST}."
            )
        parts = [
            _count(len(self.changed), "file changed", "files changed"),
            _count(len(self.missing), "file missing", "files missing"),
            _count(len(self.extra), "extra file", "extra files"),
        ]
        parts = [part for part in parts if part]
        if self.outdated and self.reference:
            parts.append(self._version_difference())
        if not self.reference:
            return f"This mirror does not match its own signed list of files: {_join(parts)}. {KEEP_AWAY}"
        return f"This mirror differs from the original: {_join(parts)}. {COPY_AGAIN}"

    def _version_difference(self) -> str:
        assert self.mirror and self.reference
        mirror, original = self.mirror, self.reference
        same_name = mirror.version == original.version
        if mirror.date < original.date:  # the same fixed layout sorts as it counts
            kind = "an older version"
        elif mirror.date > original.date:
            kind = "a newer version than the original"
        else:
            kind = "another build"
        return f"it is {kind} ({mirror.describe(same_name)}; the newest is {original.describe(same_name)})"


def _count(number: int, one: str, many: str) -> str:
    return "" if not number else f"1 {one}" if number == 1 else f"{number} {many}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
