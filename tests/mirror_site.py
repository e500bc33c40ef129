"""A built site as a mirror receives it: `.gz` copies beside its text files and a signed site-manifest.json.

The build writes both itself; a copy made here adds whichever is missing, the same way (gzip level
9, time 0), so the mirror tests do not depend on which build step has landed. It is signed with a
key made for this test run, which the tests trust instead of the project's (as a fork would).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from typing import Any

import minisign

from fristed.mirror import MANIFEST, write_site_manifest
from fristed.mirror.signing import SUFFIX, sign

VERSION = "0.1.0"
COMMIT = "8be573d2a1c0e6f4b9d7c3e5a2f1b0c9d8e7f6a5"
DATE = "2025-11-28T22:24:00Z"
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}
TEST_KEYS = minisign.KeyPair.generate()
SECRET_KEY, PUBLIC_KEY = TEST_KEYS.secret_key, TEST_KEYS.public_key


def write_keys(folder: Path) -> tuple[Path, Path]:
    """Write the test run's secret and public key files into a folder, as minisign names them; return both."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test.key").write_bytes(bytes(SECRET_KEY) + b"\n")
    (folder / "test.pub").write_bytes(bytes(PUBLIC_KEY) + b"\n")
    return folder / "test.key", folder / "test.pub"


def sign_manifest(site_dir: Path, key: minisign.SecretKey = SECRET_KEY) -> None:
    """Write `site-manifest.json.minisig` beside a site's manifest, as a release carries it."""
    data = (site_dir / MANIFEST).read_bytes()
    (site_dir / (MANIFEST + SUFFIX)).write_bytes(sign(data, MANIFEST, key, "test"))


def mirror_copy(site: Path, target: Path, version: str = VERSION, commit: str = COMMIT, date: str = DATE) -> dict:
    """Copy a built site, pre-compress its text files where the build did not, and write its manifest."""
    shutil.copytree(site, target)
    for path in sorted(target.rglob("*")):
        packed = path.with_name(path.name + ".gz")
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not packed.exists():
            packed.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
    manifest = write_site_manifest(target, version, commit, date)
    sign_manifest(target)
    return manifest


def rewrite_manifest(site_dir: Path, manifest: dict[str, Any], signed: bool = False, **changes: str) -> dict:
    """Write a mirror's manifest again over its files as they now are, with other fields if given.

    Unsigned, the old signature stays and no longer matches: what a mirror that hides a change does.
    Signed, it stands for another real release (`signed=True` with another version).
    """
    fields = {key: manifest[key] for key in ("version", "commit", "date")} | changes
    rewritten = write_site_manifest(site_dir, **fields)
    if signed:
        sign_manifest(site_dir)
    return rewritten


def small_site(root: Path) -> Path:
    """A site of four files in two folders: enough for the manifest and the archives."""
    for url, text in {
        "index.html": "<h1>Fristed</h1>",
        "en/index.html": "<h1>Human trafficking</h1>",
        "assets/site.css": "body{margin:0}",
        "sw.js": "self.addEventListener('fetch', () => {});",
    }.items():
        (root / url).parent.mkdir(parents=True, exist_ok=True)
        (root / url).write_text(text, encoding="utf-8")
    return root
