"""The site's manifest of itself, `site-manifest.json`: what an exact copy of the site holds.

field   | required | meaning
version | yes      | the release, e.g. `0.1.0`; it names the release archives, so letters, digits, `.+-_`
commit  | yes      | the commit the site was built from
date    | yes      | when that commit was made, `YYYY-MM-DDTHH:MM:SSZ` (UTC); the archives' file times
files   | yes      | every file of the site but the manifest itself: its URL from the site root (`en/help.html`)
        |          | and the SHA-256 of its bytes, in lower-case hex

The JSON is written with sorted keys and a fixed layout, so the same site gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MANIFEST = "site-manifest.json"
SIGNATURE = MANIFEST + ".minisig"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]*")
SHA256 = re.compile(r"[0-9a-f]{64}")
DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class ManifestError(ValueError):
    """A manifest that cannot be trusted to describe a site; lists every problem found."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {problem}" for problem in problems))


def hash_files(site_dir: Path, files: dict[str, bytes] | None = None) -> dict[str, str]:
    """Return the SHA-256 of every file under a folder but the manifest, by URL from the folder;
    from `files` (URL: bytes) when the caller has just read them all."""
    # The manifest's signature is made after it, so it cannot be in it.
    if files is not None:
        return {
            url: hashlib.sha256(data).hexdigest()
            for url, data in sorted(files.items())
            if url not in (MANIFEST, SIGNATURE)
        }
    hashes = {}
    for path in sorted(site_dir.rglob("*")):
        url = path.relative_to(site_dir).as_posix()
        if path.is_file() and url not in (MANIFEST, SIGNATURE):
            hashes[url] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(hashes.items()))


def dumps(manifest: dict[str, Any]) -> str:
    """Return a manifest as its stable JSON text: sorted keys, one file a line, a final newline."""
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_site_manifest(
    site_dir: Path, version: str, commit: str, date: str, files: dict[str, bytes] | None = None
) -> dict[str, Any]:
    """Write `site-manifest.json` at the root of a built site, hashing every other file (as given
    in `files`, URL: bytes, or as read from the folder); return it."""
    manifest = {"version": version, "commit": commit, "date": date, "files": hash_files(Path(site_dir), files)}
    problems = _problems(manifest)
    if problems:
        raise ManifestError(f"{Path(site_dir) / MANIFEST}", problems)
    (Path(site_dir) / MANIFEST).write_text(dumps(manifest), encoding="utf-8")
    return manifest


def parse_manifest(data: bytes | str, source: str) -> dict[str, Any]:
    """Return a manifest read from JSON, or raise ManifestError with every problem it has."""
    try:
        manifest = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(source, [f"expected JSON, found text that is not ({error})"]) from None
    problems = _problems(manifest)
    if problems:
        raise ManifestError(source, problems)
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    """Return the manifest in a file, or raise ManifestError (OSError if it cannot be read)."""
    return parse_manifest(Path(path).read_bytes(), str(path))


def parse_date(date: str) -> datetime:
    """Return a manifest's date as an aware UTC datetime."""
    return datetime.strptime(date, DATE_FORMAT).replace(tzinfo=UTC)


def safe_url(url: str) -> bool:
    """Tell whether a manifest's URL stays inside the site: relative, no `.`/`..` or empty parts."""
    return (
        bool(url)
        and not url.startswith("/")
        and "\\" not in url
        and not any(ord(character) < 32 for character in url)
        and all(part not in ("", ".", "..") for part in url.split("/"))
    )


def _problems(manifest: Any) -> list[str]:
    """Return every way a manifest differs from the documented layout, each with the fix."""
    if not isinstance(manifest, dict):
        return [f"expected a JSON object with version, commit, date and files, found {type(manifest).__name__}"]
    problems = []
    for key in ("version", "commit", "date", "files"):
        if key not in manifest:
            problems.append(f"{key}: missing; every manifest has version, commit, date and files")
    version, commit, date = manifest.get("version"), manifest.get("commit"), manifest.get("date")
    if "version" in manifest and not (isinstance(version, str) and VERSION.fullmatch(version)):
        problems.append(f"version: expected letters, digits and . + - _ such as 0.1.0, found {version!r}")
    if "commit" in manifest and not (isinstance(commit, str) and commit.strip()):
        problems.append(f"commit: expected the commit the site was built from, found {commit!r}")
    if "date" in manifest and not _valid_date(date):
        problems.append(f"date: expected YYYY-MM-DDTHH:MM:SSZ such as 2025-01-31T12:00:00Z, found {date!r}")
    files = manifest.get("files")
    if "files" in manifest and not isinstance(files, dict):
        problems.append(f"files: expected an object of URL: SHA-256, found {type(files).__name__}")
    elif isinstance(files, dict):
        for url, digest in files.items():
            if not safe_url(url):
                problems.append(f"files: {url!r}: expected a URL from the site root without ., .. or a leading /")
            elif url in (MANIFEST, SIGNATURE):
                problems.append(f"files: {url!r}: the manifest does not list itself or its signature")
            if not (isinstance(digest, str) and SHA256.fullmatch(digest)):
                problems.append(f"files: {url!r}: expected 64 lower-case hex digits of SHA-256, found {digest!r}")
    return problems


def _valid_date(date: Any) -> bool:
    if not (isinstance(date, str) and DATE.fullmatch(date)):
        return False
    try:
        parse_date(date)
    except ValueError:
        return False
    return True
