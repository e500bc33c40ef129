"""A built site as a mirror receives it: `.gz` copies beside its text files and a site-manifest.json.

The build writes both itself; a copy made here adds whichever is missing, the same way (gzip level
9, time 0), so the mirror tests do not depend on which build step has landed.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from typing import Any

from fristed.mirror import write_site_manifest

VERSION = "0.1.0"
COMMIT = "8be573d2a1c0e6f4b9d7c3e5a2f1b0c9d8e7f6a5"
DATE = "2025-11-28T22:24:00Z"
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}


def mirror_copy(site: Path, target: Path, version: str = VERSION, commit: str = COMMIT, date: str = DATE) -> dict:
    """Copy a built site, pre-compress its text files where the build did not, and write its manifest."""
    shutil.copytree(site, target)
    for path in sorted(target.rglob("*")):
        packed = path.with_name(path.name + ".gz")
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not packed.exists():
            packed.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
    return write_site_manifest(target, version, commit, date)


def rewrite_manifest(site_dir: Path, manifest: dict[str, Any], **changes: str) -> dict:
    """Write a mirror's manifest again over its files as they now are, with other fields if given."""
    fields = {key: manifest[key] for key in ("version", "commit", "date")} | changes
    return write_site_manifest(site_dir, **fields)


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
