"""Pre-compressed copies (`.gz`, `.br`) beside every text file, for a server to send as they are.

A mirror's server then spends no time compressing, and one that cannot compress at all (a bare
static host) still has the files at hand. Both are reproducible on any machine: no names or times
inside, and each comes from a compressor whose code is pinned in requirements.txt, not from the
system's library (Python's `gzip` uses whichever zlib the machine has, and zlib's output differs
between versions and builds). gzip copies come from zopfli, which also makes them a few per cent
smaller; brotli copies from the `brotli` package, which bundles Google's code.
"""

from __future__ import annotations

from pathlib import Path

import brotli
import zopfli.gzip

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}
COPY_SUFFIXES = (".gz", ".br")
# zopfli's defaults spend thirty times longer, splitting blocks and iterating, for copies about
# 1 % smaller (bench/bench_compress.py): one pass, one block, still 3 % smaller than zlib -9.
ZOPFLI_OPTIONS = {"numiterations": 1, "blocksplitting": False}


def gzip_bytes(data: bytes) -> bytes:
    """Return a gzip file of the data from zopfli: time 0, no name, the same bytes on every machine."""
    return zopfli.gzip.compress(data, **ZOPFLI_OPTIONS)


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
