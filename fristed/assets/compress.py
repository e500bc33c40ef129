"""Pre-compressed copies (`.gz`, `.br`) beside every text file, for a server to send as they are.

A mirror's server then spends no time compressing, and one that cannot compress at all (a bare
static host) still has the files at hand. Both are reproducible on any machine: no names or times
inside, and each comes from a compressor whose code is pinned in requirements.txt, not from the
system's library (Python's `gzip` uses whichever zlib the machine has, and zlib's output differs
between versions and builds). gzip copies come from zopfli, which also makes them a few per cent
smaller; brotli copies from the `brotli` package, which bundles Google's code.

zopfli is slow, so each copy is kept in a cache by the SHA-256 of what it compresses (and the
compressor's version): a build compresses only the files that changed since the last one.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from importlib.metadata import version
from pathlib import Path

import brotli
import zopfli.gzip

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}
COPY_SUFFIXES = (".gz", ".br")
# More iterations shrink the site's gzip copies by under 0.5 % and take far longer.
ZOPFLI_ITERATIONS = 1


def cache_dir() -> Path:
    """Where compressed copies are kept between builds: `$XDG_CACHE_HOME/fristed/gzip` (~/.cache/...)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fristed" / "gzip"


def gzip_bytes(data: bytes) -> bytes:
    """Return a gzip file of the data from zopfli: time 0, no name, the same bytes on every machine."""
    key = hashlib.sha256(f"zopfli {version('zopfli')} {ZOPFLI_ITERATIONS}\n".encode() + data).hexdigest()
    cached = cache_dir() / key[:2] / f"{key}.gz"
    try:
        packed = cached.read_bytes()
        if gzip.decompress(packed) == data:  # a damaged cache entry is made again, never served
            return packed
    except (OSError, EOFError, zlib.error):
        pass
    packed = zopfli.gzip.compress(data, numiterations=ZOPFLI_ITERATIONS)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(packed)
        partial.replace(cached)  # whole or not at all, though builds run side by side
    except OSError:
        pass  # no cache (a read-only home): slower, the same bytes
    return packed


def _is_copy(path: Path) -> bool:
    """Whether a file is a compressed copy this module writes (`page.html.gz`)."""
    return path.suffix in COPY_SUFFIXES and Path(path.stem).suffix in TEXT_SUFFIXES


def precompress(site_dir: Path) -> dict[str, bytes]:
    """Write `<file>.gz` and `<file>.br` beside each text file where they are smaller.

    Return every file of the site by URL, the copies included, with its bytes: each file is read
    once here, so the site manifest that follows hashes them without reading the site again.
    """
    files = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or _is_copy(path):
            continue
        data = path.read_bytes()
        url = path.relative_to(site_dir).as_posix()
        files[url] = data
        if path.suffix not in TEXT_SUFFIXES:
            continue
        for suffix, packed in (
            (".gz", gzip_bytes(data)),
            (".br", brotli.compress(data, quality=11)),
        ):
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
                files[url + suffix] = packed
            else:
                target.unlink(missing_ok=True)
    return dict(sorted(files.items()))
