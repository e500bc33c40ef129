"""Check that a mirror serves an exact copy of a release: every file there, unchanged, nothing added.

The mirror's `site-manifest.json` says which release it is and lists its files. Nothing in it is
trusted before its signature, `site-manifest.json.minisig`, is checked with the project's public
key (or the one given), so a mirror that changed a page and rewrote its manifest to match is
caught. Then every file is fetched and hashed against the list. Given the newest release's
manifest as the reference (a local build, or one from the original site), the mirror's version is
compared with it: a mirror of the same version is checked against the reference's list; an older
one is named as such.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import minisign

from fristed.mirror.fetch import SCHEMES, Client, Fetched, file_url
from fristed.mirror.manifest import MANIFEST, SIGNATURE, ManifestError, parse_manifest, read_manifest
from fristed.mirror.report import Finding, Report, SiteVersion
from fristed.mirror.signing import SignatureError, load_public_key, verify

log = logging.getLogger(__name__)
# Few enough not to burden a volunteer's small server; enough to check a few hundred files fast.
WORKERS = 4


def verify_mirror(
    base_url: str,
    reference: dict[str, Any] | None,
    client: Client | None = None,
    workers: int = WORKERS,
    key: minisign.PublicKey | None = None,
) -> Report:
    """Check a mirror's signed manifest, then every file; compare its version with the reference's."""
    if not base_url.startswith(SCHEMES):
        raise ValueError(f"{base_url}: expected the mirror's address, starting with http://, https:// or file://")
    base = base_url if base_url.endswith("/") else base_url + "/"
    client = client or Client()
    original = SiteVersion.of(reference) if reference else None

    fetched = client.get(base + MANIFEST)
    if fetched.body is None:
        return Report(base, (Finding("unreadable", MANIFEST, f"could not be fetched ({fetched.error})"),))
    signature = client.get(base + SIGNATURE)
    if signature.body is None:
        detail = f"has no signature: {SIGNATURE} could not be fetched ({signature.error})"
        return Report(base, (Finding("untrusted", MANIFEST, detail),))
    try:
        verify(fetched.body, signature.body, key or load_public_key(), base + MANIFEST)
    except SignatureError as error:
        return Report(base, (Finding("untrusted", MANIFEST, str(error).removeprefix(base + MANIFEST + ": ")),))
    try:
        manifest = parse_manifest(fetched.body, base + MANIFEST)
    except ManifestError as error:
        detail = f"is not a valid list of files ({'; '.join(error.problems)})"
        return Report(base, (Finding("unreadable", MANIFEST, detail),))
    mirror = SiteVersion.of(manifest)

    # The reference's list only for the same release: an older one is named as such, and checked
    # against its own signed list, so its owner learns whether it is also broken.
    same = original is not None and (mirror.version, mirror.commit) == (original.version, original.commit)
    expected: dict[str, str] = reference["files"] if same else manifest["files"]
    budget = client.max_requests - client.requests
    if len(expected) > budget:
        detail = f"lists {len(expected)} files, more than the {budget} this check may fetch"
        return Report(base, (Finding("unreadable", MANIFEST, detail),), mirror, original)

    findings: list[Finding] = []
    if original and not same:
        findings.append(Finding("outdated", MANIFEST, f"{mirror}, expected {original}"))
    if same:
        findings += [
            Finding("extra", url, "listed by the mirror, not by the original")
            for url in sorted(set(manifest["files"]) - set(expected))
        ]
    log.info("%s: fetching %d files", base, len(expected))
    urls = sorted(expected)
    against = "the original's is" if same else "its signed list says"
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


def load_reference(
    source: str | Path, client: Client | None = None, key: minisign.PublicKey | None = None
) -> dict[str, Any]:
    """Return the newest release's manifest from a file or an address; raise ManifestError if unusable.

    One from an address must carry a valid signature beside it (`<address>.minisig`); a file is
    checked when a signature lies beside it, and otherwise trusted as the reader's own build.
    """
    text = str(source)
    if text.startswith(SCHEMES):
        client = client or Client()
        fetched = client.get(text)
        if fetched.body is None:
            raise ManifestError(text, [f"could not be fetched ({fetched.error})"])
        signature = client.get(text + ".minisig")
        if signature.body is None:
            raise ManifestError(text, [f"has no signature: {text}.minisig could not be fetched ({signature.error})"])
        _check_signature(fetched.body, signature.body, text, key)
        return parse_manifest(fetched.body, text)
    path = Path(source)
    try:
        manifest = read_manifest(path)
        signature_path = path.with_name(path.name + ".minisig")
        if signature_path.exists():
            _check_signature(path.read_bytes(), signature_path.read_bytes(), text, key)
        return manifest
    except OSError as error:
        raise ManifestError(text, [f"could not be read ({error.strerror or error}); build the site first"]) from None


def _check_signature(data: bytes, signature: bytes, source: str, key: minisign.PublicKey | None) -> None:
    try:
        verify(data, signature, key or load_public_key(), source)
    except SignatureError as error:
        raise ManifestError(source, [str(error).removeprefix(source + ": ")]) from None
