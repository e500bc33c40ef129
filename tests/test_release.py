"""Releases: `fristed-<version>.tar.gz` and `.zip` of the site with SHA256SUMS, byte-for-byte reproducible."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
from mirror_site import COMMIT, DATE, VERSION, mirror_copy, small_site

from fristed.__main__ import main
from fristed.mirror import MANIFEST, ManifestError, make_release, write_site_manifest


@pytest.fixture(scope="module")
def original(site, tmp_path_factory) -> Path:
    """The built site with its manifest, as a release packs it."""
    target = tmp_path_factory.mktemp("original") / "site"
    mirror_copy(site, target)
    return target


def scrambled_copy(site: Path, target: Path) -> Path:
    """Copy a site with other file times and modes, as another machine's checkout would have."""
    shutil.copytree(site, target)
    for number, path in enumerate(sorted(target.rglob("*"))):
        os.utime(path, (1_000_000_000 + number, 1_000_000_000 + number))
        if path.is_file():
            path.chmod(0o600 if number % 2 else 0o664)
    return target


def test_release_archives_are_identical_from_two_copies_and_their_sums_check(original, tmp_path):
    first = make_release(original, tmp_path / "one")
    second = make_release(scrambled_copy(original, tmp_path / "elsewhere" / "site"), tmp_path / "two")
    assert [path.name for path in first] == ["fristed-0.1.0.tar.gz", "fristed-0.1.0.zip", "SHA256SUMS"]
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    checked = subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=tmp_path / "one", capture_output=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_release_archives_hold_the_site_with_fixed_owners_modes_and_times(tmp_path):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    tar_path, zip_path, _ = make_release(site, tmp_path / "out")
    assert tar_path.read_bytes()[4:8] == bytes(4)  # the gzip header's time is 0
    expected = ["", "assets", "assets/site.css", "en", "en/index.html", "index.html", MANIFEST, "sw.js"]
    with tarfile.open(tar_path) as tar:
        members = tar.getmembers()
        assert [member.name for member in members] == [f"fristed-0.1.0/{name}".rstrip("/") for name in expected]
        assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", 1764368640)}
        assert {(m.isdir(), m.mode) for m in members} == {(True, 0o755), (False, 0o644)}
        assert tar.extractfile("fristed-0.1.0/en/index.html").read() == (site / "en/index.html").read_bytes()
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
        assert [info.filename.removeprefix("fristed-0.1.0/") for info in infos] == [
            *("", "assets/", "assets/site.css", "en/", "en/index.html", "index.html", MANIFEST, "sw.js")
        ]
        assert {info.date_time for info in infos} == {(2025, 11, 28, 22, 24, 0)}
        assert archive.read("fristed-0.1.0/sw.js") == (site / "sw.js").read_bytes()


def test_a_site_changed_after_its_manifest_is_not_released(tmp_path):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    (site / "index.html").write_text("<h1>Other</h1>", encoding="utf-8")
    (site / "sw.js").unlink()
    (site / "stray.txt").write_text("left over", encoding="utf-8")
    with pytest.raises(ManifestError) as raised:
        make_release(site, tmp_path / "out")
    assert raised.value.problems == [
        "index.html: changed since the manifest; rebuild the site",
        "sw.js: missing, though listed by the manifest; rebuild the site",
        "stray.txt: not listed by the manifest; rebuild the site",
    ]


def test_the_release_command_prints_what_it_wrote_and_fails_on_an_unbuilt_site(tmp_path, capsys):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    assert main(["release", "--site", str(site), "--out", str(tmp_path / "dist")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / "dist" / name) for name in ("fristed-0.1.0.tar.gz", "fristed-0.1.0.zip", "SHA256SUMS")
    ]
    assert main(["release", "--site", str(tmp_path / "nowhere"), "--out", str(tmp_path / "dist")]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'nowhere' / MANIFEST}: not found; "
        "expected a built site with its manifest: run `make site`\n"
    )
