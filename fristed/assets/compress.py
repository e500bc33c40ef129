"""Pre-compressed copies (`.gz`, `.br`) beside every text file, for a server to send as they are.

A mirror's server then spends no time compressing, and one that cannot compress at all (a bare
static host) still has the files at hand. Both are reproducible: no names or times inside.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}


def precompress(site_dir: Path) -> int:
    """Write `<file>.gz` and `<file>.br` beside each text file where they are smaller; return how many."""
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        for suffix, packed in (
            (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
            (".br", brotli.compress(data, quality=11)),
        ):
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
                written += 1
            else:
                target.unlink(missing_ok=True)
    return written
