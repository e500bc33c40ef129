"""Check that a mirror serves an exact copy of the site: every file there, unchanged, nothing added.

The mirror's `site-manifest.json` says which files it has. Given the original's manifest (the
local build's, or the one from the original site) as the reference, each file the original has is
fetched and hashed against the original's hash, so a mirror that changed a page and rewrote its
own manifest to match is still caught. Without a reference, the mirror is checked against its own
manifest only, which catches a broken copy but not a deliberate change.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fristed.mirror.fetch import SCHEMES, Client, Fetched, file_url
from fristed.mirror.manifest import MANIFEST, ManifestError, parse_manifest, read_manifest
from fristed.mirror.report import Finding, Report, SiteVersion

log = logging.getLogger(__name__)
# Few enough not to burden a volunteer's small server; enough to check a few hundred files fast.
WORKERS = 4


def verify_mirror(
    base_url: str, reference: dict[str, Any] | None, client: Client | None = None, workers: int = WORKERS
) -> Report:
    """Fetch a mirror's manifest and every file, and report what differs from the reference manifest."""
    if not base_url.startswith(SCHEMES):
        raise ValueError(f"{base_url}: expected the mirror's address, starting with http://, https:// or file://")
    base = base_url if base_url.endswith("/") else base_url + "/"
    client = client or Client()
    original = SiteVersion.of(reference) if reference else None

    fetched = client.get(base + MANIFEST)
    if fetched.body is None:
        return Report(base, (Finding("unreadable", MANIFEST, f"could not be fetched ({fetched.error})"),))
    try:
        manifest = parse_manifest(fetched.body, base + MANIFEST)
    except ManifestError as error:
        detail = f"is not a valid list of files ({'; '.join(error.problems)})"
        return Report(base, (Finding("unreadable", MANIFEST, detail),))
    mirror = SiteVersion.of(manifest)

    expected: dict[str, str] = reference["files"] if reference else manifest["files"]
    budget = client.max_requests - client.requests
    if len(expected) > budget:
        detail = f"lists {len(expected)} files, more than the {budget} this check may fetch"
        return Report(base, (Finding("unreadable", MANIFEST, detail),), mirror, original)

    findings: list[Finding] = []
    if reference:
        if (mirror.version, mirror.commit) != (original.version, original.commit):
            findings.append(Finding("outdated", MANIFEST, f"{mirror}, expected {original}"))
        findings += [
            Finding("extra", url, "listed by the mirror, not by the original")
            for url in sorted(set(manifest["files"]) - set(expected))
        ]
    log.info("%s: fetching %d files", base, len(expected))
    urls = sorted(expected)
    against = "the original's is" if reference else "its own list says"
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for url, response in zip(urls, pool.map(lambda url: client.get(file_url(base, url)), urls), strict=True):
            finding = _compare(url, response, expected[url], against)
            if finding:
                findings.append(finding)
    return Report(base, tuple(findings), mirror, original, checked=len(urls))


def _compare(url: str, response: Fetched, digest: str, against: str) -> Finding | None:
    """Return what is wrong with one served file, or None when its bytes hash as expected."""
    if response.body is None:
        return Finding("missing", url, response.error)
    found = [hashlib.sha256(body).hexdigest() for body in response.bodies()]
    if digest in found:
        return None
    return Finding("changed", url, f"SHA-256 is {found[0]}, {against} {digest}")


def load_reference(source: str | Path, client: Client | None = None) -> dict[str, Any]:
    """Return the original's manifest from a file or an http(s) address; raise ManifestError if unusable."""
    text = str(source)
    if text.startswith(SCHEMES):
        fetched = (client or Client()).get(text)
        if fetched.body is None:
            raise ManifestError(text, [f"could not be fetched ({fetched.error})"])
        return parse_manifest(fetched.body, text)
    try:
        return read_manifest(Path(source))
    except OSError as error:
        raise ManifestError(text, [f"could not be read ({error.strerror or error}); build the site first"]) from None
