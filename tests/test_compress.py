"""Pre-compressed copies the same on every machine: gzip from zopfli, brotli from the pinned package."""

from __future__ import annotations

import gzip
import subprocess
import zlib
from importlib import metadata

import brotli

from fristed.assets.compress import gzip_bytes, precompress

PAGE = ("<p>Ring ROSA på 22 33 11 60 når som helst på døgnet.</p>\n" * 200).encode()


def test_gzip_copies_come_from_zopfli_not_the_machines_zlib(monkeypatch):
    def system_zlib(*args, **kwargs):
        raise AssertionError("the machine's zlib compressed a copy")

    monkeypatch.setattr(zlib, "compressobj", system_zlib)
    monkeypatch.setattr(gzip, "compress", system_zlib)
    packed = gzip_bytes(PAGE)
    assert packed[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"  # no name, time 0, Unix: fixed by zopfli
    assert gzip.decompress(packed) == PAGE


def test_brotli_comes_from_the_pinned_package_with_its_own_code():
    # The package bundles Google's C code, linked in: no system libbrotli, so its pinned version
    # fixes its output.
    [extension] = [file for file in metadata.files("brotli") if file.name.startswith("_brotli")]
    linked = subprocess.run(["ldd", str(extension.locate())], capture_output=True, text=True, check=True).stdout
    assert "libbrotli" not in linked and "libc.so" in linked
    assert brotli.decompress(brotli.compress(PAGE, quality=11)) == PAGE


def test_precompress_writes_smaller_copies_and_removes_ones_that_would_not_be(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site/page.html").write_bytes(PAGE)
    (tmp_path / "site/tiny.js").write_text("x", encoding="utf-8")
    (tmp_path / "site/tiny.js.gz").write_bytes(b"stale")
    assert sorted(precompress(tmp_path / "site")) == ["page.html", "page.html.br", "page.html.gz", "tiny.js"]
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == [
        "page.html",
        "page.html.br",
        "page.html.gz",
        "tiny.js",
    ]
