"""The site's pre-compressed copies: zopfli's gzip against the system zlib's, and what each costs.

Builds the project once, then compresses every text file of the site three ways (zlib at level
9, as before; zopfli as the build does; zopfli with its default settings) and prints the total
bytes and the CPU seconds each took. Run with `make bench`.
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
from fristed.assets.compress import TEXT_SUFFIXES, ZOPFLI_OPTIONS  # noqa: E402


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
        seconds = build(site)
        texts = [path.read_bytes() for path in sorted(site.rglob("*")) if path.suffix in TEXT_SUFFIXES]
    print(
        f"text files of the site       {len(texts):>9} files  {sum(map(len, texts)):>9} bytes   (build {seconds:.1f} s)"
    )
    ways = {
        "gzip, system zlib level 9": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
        "gzip, zopfli as built": lambda data: zopfli.gzip.compress(data, **ZOPFLI_OPTIONS),
        "gzip, zopfli's defaults": zopfli.gzip.compress,
    }
    for name, compress in ways.items():
        started = time.process_time()
        size = sum(len(compress(data)) for data in texts)
        print(f"{name:<28} {size:>9} bytes  {time.process_time() - started:6.2f} s of CPU")


if __name__ == "__main__":
    main()
