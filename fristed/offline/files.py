"""How the service worker caches a file: its URL, a hash of its content, its compressed size."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    """A file of the site, as the worker caches it: its URL from the site root and a content hash."""

    url: str
    hash: str
    gzip_size: int


def entry(site_dir: Path, url: str) -> Entry:
    """Hash a file and measure what it costs to download compressed."""
    data = (site_dir / url).read_bytes()
    return Entry(url, hashlib.sha256(data).hexdigest()[:16], len(gzip.compress(data, mtime=0)))
