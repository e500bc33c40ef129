"""The site's pre-compressed copies: zopfli's gzip against the system zlib's, and what each costs.

Builds the project once, then compresses every text file of the site both ways (zlib at level 9,
as before; zopfli as the build does, bypassing its cache) and prints the total bytes, the saving
and the seconds each took, and the time of a second build, whose gzip copies come from the cache.
Run with `make bench`.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zopfli.gzip

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from fristed.assets.compress import TEXT_SUFFIXES, ZOPFLI_ITERATIONS  # noqa: E402


def build(site_dir: Path) -> float:
    """Build the project into site_dir; return the seconds it took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        first = build(site)
        second = build(site)
        texts = [path.read_bytes() for path in sorted(site.rglob("*")) if path.suffix in TEXT_SUFFIXES]
    started = time.perf_counter()
    zlib_bytes = sum(len(gzip.compress(data, compresslevel=9, mtime=0)) for data in texts)
    zlib_seconds = time.perf_counter() - started
    started = time.perf_counter()
    zopfli_bytes = sum(len(zopfli.gzip.compress(data, numiterations=ZOPFLI_ITERATIONS)) for data in texts)
    zopfli_seconds = time.perf_counter() - started
    print(f"text files                 {len(texts):>9} files, {sum(map(len, texts)):>9} bytes")
    print(f"gzip, system zlib level 9  {zlib_bytes:>9} bytes  {zlib_seconds:6.2f} s")
    print(f"gzip, zopfli ({ZOPFLI_ITERATIONS} iteration)   {zopfli_bytes:>9} bytes  {zopfli_seconds:6.2f} s")
    print(f"zopfli saves               {zlib_bytes - zopfli_bytes:>9} bytes  ({1 - zopfli_bytes / zlib_bytes:.1%})")
    print(f"build, then again (cache)  {first:9.1f} s  {second:6.1f} s")


if __name__ == "__main__":
    main()
