"""`sync-mirror`: a mirror's folder gets all of a signed release, or stays exactly as it was."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import minisign
import pytest
from mirror_site import COMMIT, SECRET_KEY, small_site, write_keys

from conftest import serve
from fristed.__main__ import main
from fristed.mirror import make_release, write_site_manifest
from fristed.mirror.fetch import Client
from fristed.mirror.sync import sync_mirror

OLD = ("0.1.0", "2025-11-28T22:24:00Z")
NEW = ("0.2.0", "2026-01-15T08:00:00Z")


def release(folder: Path, version: str, date: str, key: minisign.SecretKey = SECRET_KEY, page: str = "") -> Path:
    """Release a small site of one version into `folder`; return its .tar.gz."""
    site = small_site(folder / "site")
    (site / "en/index.html").write_text(f"<h1>Human trafficking</h1>{page or version}", encoding="utf-8")
    write_site_manifest(site, version, COMMIT if version == OLD[0] else "f" * 40, date)
    return make_release(site, folder / "dist", key)[0]


@pytest.fixture
def releases(tmp_path) -> dict[str, Path]:
    """The archives of an older and a newer release."""
    return {"old": release(tmp_path / "old", *OLD), "new": release(tmp_path / "new", *NEW)}


@pytest.fixture
def public_key(tmp_path) -> str:
    return str(write_keys(tmp_path / "keys")[1])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every path under a folder (the folder's siblings included) with its bytes and modification time."""
    return {
        str(path.relative_to(folder.parent)): (path.read_bytes() if path.is_file() else b"", path.stat().st_mtime_ns)
        for path in sorted(folder.parent.rglob("*"))
        if "dist" not in path.parts
    }


def sync(public_key, source, target, *options) -> int:
    return main(["sync-mirror", str(source), str(target), "--public-key", public_key, *options])


def test_an_update_swaps_in_the_new_version_and_keeps_the_old_one_and_the_htaccess(
    releases, public_key, tmp_path, capsys
):
    live = tmp_path / "www" / "fristed"
    assert sync(public_key, releases["old"], live) == 0
    assert capsys.readouterr().out == f"{live} now serves version 0.1.0 from 28 November 2025.\n"
    (live / ".htaccess").write_text("ErrorDocument 404 /fristed/404.html\n", encoding="utf-8")
    assert sync(public_key, releases["new"], live) == 0
    assert capsys.readouterr().out == (
        f"{live} now serves version 0.2.0 from 15 January 2026; version 0.1.0 from 28 November 2025 is kept in "
        f"{live.with_name('fristed.previous')} (go back to it with --rollback).\n"
    )
    assert (live / "en/index.html").read_text(encoding="utf-8").endswith("0.2.0")
    assert (live / ".htaccess").exists() and (live / "site-manifest.json.minisig").exists()
    assert sorted(path.name for path in live.parent.iterdir()) == ["fristed", "fristed.previous"]
    assert sync(public_key, releases["new"], live) == 0
    assert capsys.readouterr().out == f"{live} already serves version 0.2.0 from 15 January 2026: nothing to do.\n"
    assert main(["sync-mirror", str(live), "--rollback"]) == 0
    assert capsys.readouterr().out == f"{live} now serves version 0.1.0 from 28 November 2025 again.\n"
    assert (live / "en/index.html").read_text(encoding="utf-8").endswith("0.1.0")


def test_an_older_release_is_refused_unless_forced(releases, public_key, tmp_path, capsys):
    live = tmp_path / "www" / "fristed"
    assert sync(public_key, releases["new"], live) == 0
    before = snapshot(live)
    capsys.readouterr()
    assert sync(public_key, releases["old"], live) == 1
    assert capsys.readouterr().err == (
        "error: fristed-0.1.0.tar.gz is version 0.1.0 from 28 November 2025, OLDER than the live version 0.2.0 "
        "from 15 January 2026; give --force (make sync-mirror FORCE=1) to install it all the same\n"
        f"{live} was not changed.\n"
    )
    assert snapshot(live) == before
    assert sync(public_key, releases["old"], live, "--force") == 0


def tamper_archive(archive: Path) -> None:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    archive.write_bytes(bytes(data))


def forge_sums(archive: Path) -> None:
    """Change the archive and write SHA256SUMS to match: what someone without the key can do."""
    tamper_archive(archive)
    sums = archive.parent / "SHA256SUMS"
    lines = sums.read_text(encoding="utf-8").splitlines()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    sums.write_text("".join(f"{digest}  {archive.name}\n" if archive.name in line else line + "\n" for line in lines))


def stranger_release(archive: Path) -> None:
    """A whole release signed by another key."""
    folder = archive.parent.parent / "stranger"
    stranger = release(folder, *NEW, key=minisign.KeyPair.generate().secret_key, page="call +4700000000")
    for path in stranger.parent.iterdir():
        shutil.copy(path, archive.parent / path.name)


@pytest.mark.parametrize(
    ("tamper", "error"),
    [
        (tamper_archive, "fristed-0.2.0.tar.gz: its SHA-256 is not the one SHA256SUMS gives: "),
        (forge_sums, "SHA256SUMS: does not match its signature: it was changed after signing"),
        (stranger_release, "SHA256SUMS: is signed with another key than the one trusted here"),
        (lambda archive: (archive.parent / "SHA256SUMS.minisig").unlink(), "SHA256SUMS.minisig: could not be read"),
    ],
    ids=["changed-archive", "changed-archive-and-sums", "signed-by-another-key", "no-signature"],
)
def test_a_tampered_or_unsigned_release_leaves_the_live_folder_exactly_as_it_was(
    releases, public_key, tmp_path, capsys, tamper, error
):
    live = tmp_path / "www" / "fristed"
    assert sync(public_key, releases["old"], live) == 0
    before = snapshot(live)
    tamper(releases["new"])
    capsys.readouterr()
    assert sync(public_key, releases["new"], live) == 1
    assert error in capsys.readouterr().err
    assert snapshot(live) == before


@contextlib.contextmanager
def cut_short(archive: Path):
    """Serve the archive's folder, but break off the archive itself halfway, as a dropped connection does."""
    data = archive.read_bytes()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def answer():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                request = connection.recv(4096).decode("latin-1").split(" ")[1]
                body = (archive.parent / request.rsplit("/", 1)[1]).read_bytes()
                half = request.endswith(archive.name)
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                connection.sendall(head + (body[: len(data) // 2] if half else body))

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/releases/{archive.name}"
    finally:
        listener.close()


def test_an_interrupted_download_leaves_the_live_folder_exactly_as_it_was(releases, public_key, tmp_path, capsys):
    live = tmp_path / "www" / "fristed"
    assert sync(public_key, releases["old"], live) == 0
    before = snapshot(live)
    capsys.readouterr()
    with cut_short(releases["new"]) as url:
        assert sync(public_key, url, live) == 1
    size = releases["new"].stat().st_size
    assert capsys.readouterr().err == (
        f"error: {url}: could not be downloaded (interrupted: {size // 2} of {size} bytes arrived)\n"
        f"{live} was not changed.\n"
    )
    assert snapshot(live) == before


@pytest.mark.parametrize("by", ["archive", "folder"])
def test_a_release_is_fetched_over_http_by_its_archive_or_its_folder(releases, public_key, tmp_path, by):
    live = tmp_path / "www" / "fristed"
    with serve(releases["new"].parent) as served:
        # A release's folder is a fixed address a timer can use: its signed SHA256SUMS names the archive.
        assert sync(public_key, f"{served}{releases['new'].name}" if by == "archive" else served, live) == 0
    assert (live / "en/index.html").read_text(encoding="utf-8").endswith("0.2.0")


@contextlib.contextmanager
def small_disk(folder: Path, size: int):
    """A tmpfs of `size` bytes at `folder` (root only); None where it cannot be mounted."""
    folder.mkdir(parents=True)
    mounted = (
        os.geteuid() == 0
        and shutil.which("mount")
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_leaves_the_live_folder_exactly_as_it_was(releases, public_key, tmp_path, capsys, monkeypatch):
    # The new release's pages are large, so the disk fills up while it is written beside the live one.
    big = release(tmp_path / "big", *NEW, page="x" * 400_000)
    with small_disk(tmp_path / "www", 256 * 1024) as mounted:
        live = tmp_path / "www" / "fristed"
        assert sync(public_key, releases["old"], live) == 0
        before = snapshot(live)
        if not mounted:  # no tmpfs without root: the same failure, injected where the disk would fail
            real_open = open

            def full_disk_open(path, mode="r", *args, **kwargs):
                if "w" in mode and ".fristed.new" in str(path) and str(path).endswith("en/index.html"):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
                return real_open(path, mode, *args, **kwargs)

            monkeypatch.setattr("builtins.open", full_disk_open)
        capsys.readouterr()
        assert sync(public_key, big, live) == 1
        assert capsys.readouterr().err == (
            f"error: {live}: the new version could not be written (the disk is full)\n{live} was not changed.\n"
        )
        assert snapshot(live) == before
        assert sorted(path.name for path in live.parent.iterdir()) == ["fristed"]


def test_the_python_interface_returns_what_it_did(releases, tmp_path):
    live = tmp_path / "fristed"
    first = sync_mirror(str(releases["old"]), live, minisign.PublicKey.from_secret_key(SECRET_KEY), Client())
    second = sync_mirror(str(releases["new"]), live, minisign.PublicKey.from_secret_key(SECRET_KEY))
    assert (first.live.version, first.before, first.changed) == ("0.1.0", None, True)
    assert (second.live.version, second.before.version, second.previous) == (
        "0.2.0",
        "0.1.0",
        live.with_name("fristed.previous"),
    )
