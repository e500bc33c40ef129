"""Update a mirror's folder to a signed release, safely: all of the new version, or none of it.

`sync_mirror` fetches a release archive with `SHA256SUMS` and `SHA256SUMS.minisig` beside it,
checks the signature and the archive's checksum, then the signed manifest inside the archive and
every file against it, and unpacks into a folder beside the live one. Only then does one rename
swap the two (Linux's `renameat2(RENAME_EXCHANGE)`; elsewhere two renames, a moment apart); the
previous copy stays beside the live one, as `<folder>.previous`, for `rollback`. Whatever fails
before the swap (a bad signature, a changed or cut-short download, a full disk) leaves the live
folder as it was and removes the half-written one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import io
import os
import shutil
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import minisign

from fristed.mirror.fetch import SCHEMES, Client
from fristed.mirror.manifest import MANIFEST, SIGNATURE, ManifestError, parse_manifest, read_manifest, safe_url
from fristed.mirror.release import SUMS
from fristed.mirror.report import SiteVersion
from fristed.mirror.signing import SUFFIX, SignatureError, load_public_key, verify

# Files a mirror's owner adds to the site's folder for their server (MIRRORING.md, Apache), which
# the release does not carry: each new version gets the live one's.
KEPT = (".htaccess",)
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class SyncError(Exception):
    """Why a mirror was not updated; the live folder is unchanged."""


@dataclass(frozen=True)
class Synced:
    """What an update did: the version now live, the one before (if any) and where it was kept."""

    live: SiteVersion
    before: SiteVersion | None
    previous: Path | None
    changed: bool


def sync_mirror(
    source: str, target: Path, key: minisign.PublicKey | None = None, client: Client | None = None, force: bool = False
) -> Synced:
    """Install the signed release `source` (an archive's path or address) as the folder `target`."""
    target = Path(target)
    key = key or load_public_key()
    archive_name, data = _download(source, key, client or Client())
    manifest, files = _unpacked(archive_name, data, key)
    new = SiteVersion.of(manifest)
    before = _live_version(target)
    if before and (before.version, before.commit) == (new.version, new.commit):
        return Synced(new, before, None, changed=False)
    if before and before.date > new.date and not force:
        raise SyncError(
            f"{archive_name} is {new.describe()}, OLDER than the live {before.describe()}; "
            "give --force (make sync-mirror FORCE=1) to install it all the same"
        )
    staging = target.with_name(f".{target.name}.new")
    previous = target.with_name(f"{target.name}.previous")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _write(staging, files)
        for name in KEPT:
            if (target / name).is_file():
                shutil.copy2(target / name, staging / name)
        swapped = _swap(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise SyncError(f"{target}: the new version could not be written ({reason})") from None
    if not swapped:
        return Synced(new, before, None, changed=True)
    shutil.rmtree(previous, ignore_errors=True)
    staging.rename(previous)
    return Synced(new, before, previous, changed=True)


def rollback(target: Path) -> SiteVersion:
    """Swap the live folder with the copy the last update kept; return the version now live."""
    target = Path(target)
    previous = target.with_name(f"{target.name}.previous")
    if not (previous / MANIFEST).is_file():
        raise SyncError(f"{previous}: no previous copy to go back to (it is kept by the last update)")
    if not target.exists():
        raise SyncError(f"{target}: not found; nothing to roll back")
    version = SiteVersion.of(read_manifest(previous / MANIFEST))
    _swap(previous, target)
    return version


def _download(source: str, key: minisign.PublicKey, client: Client) -> tuple[str, bytes]:
    """Return an archive's name and bytes, once its checksum matches the signed SHA256SUMS beside it.

    `source` is the archive, or the folder of a release (an address ending in `/`, or a local
    folder), whose signed SHA256SUMS names its `.tar.gz`: a fixed address for "the newest release".
    """
    is_url = source.startswith(SCHEMES)
    if is_url:
        folder, _, name = source.rpartition("/")
    elif Path(source).is_dir():
        folder, name = source.rstrip("/"), ""
    else:
        folder, name = str(Path(source).parent), Path(source).name
    if name and not name.endswith((".tar.gz", ".zip")):
        raise SyncError(f"{source}: expected a release archive, fristed-<version>.tar.gz or .zip, or its folder")
    read = _reader(client)
    sums = read(f"{folder}/{SUMS}")
    try:
        verify(sums, read(f"{folder}/{SUMS}{SUFFIX}"), key, f"{folder}/{SUMS}")
    except SignatureError as error:
        raise SyncError(str(error)) from None
    digests = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums.decode().splitlines() if "  " in line}
    name = name or next((listed for listed in digests if listed.endswith(".tar.gz")), "")
    if name not in digests:
        raise SyncError(f"{folder}/{SUMS}: does not list {name or 'a .tar.gz archive'}; expected the release it signs")
    location = f"{folder}/{name}"
    data = read(location)
    if hashlib.sha256(data).hexdigest() != digests[name]:
        raise SyncError(f"{location}: its SHA-256 is not the one {SUMS} gives: the download was changed or cut short")
    return name, data


def _reader(client: Client):
    def read(location: str) -> bytes:
        if not location.startswith(SCHEMES):
            try:
                return Path(location).read_bytes()
            except OSError as error:
                raise SyncError(f"{location}: could not be read ({error.strerror or error})") from None
        fetched = client.get(location)
        if fetched.body is None:
            raise SyncError(f"{location}: could not be downloaded ({fetched.error})")
        return fetched.body

    return read


def _unpacked(name: str, data: bytes, key: minisign.PublicKey) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Return the archive's signed manifest and its files by URL, each checked against the manifest."""
    folder = name.removesuffix(".tar.gz").removesuffix(".zip") + "/"
    try:
        members = _members(data, name.endswith(".zip"))
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise SyncError(f"{name}: not a readable archive ({error})") from None
    files, problems = {}, []
    for path, content in members.items():
        url = path.removeprefix(folder)
        if not path.startswith(folder) or not safe_url(url):
            problems.append(f"{path}: outside the release's folder {folder}")
        else:
            files[url] = content
    if MANIFEST not in files or SIGNATURE not in files:
        raise SyncError(f"{name}: holds no signed {MANIFEST}; expected a release made with the project's key")
    try:
        verify(files[MANIFEST], files[SIGNATURE], key, f"{name}: {MANIFEST}")
        manifest = parse_manifest(files[MANIFEST], f"{name}: {MANIFEST}")
    except (SignatureError, ManifestError) as error:
        raise SyncError(str(error)) from None
    listed = manifest["files"]
    problems += [
        f"{url}: {'changed' if url in files else 'missing'}, though the signed manifest lists it"
        for url in sorted(listed)
        if url not in files or hashlib.sha256(files[url]).hexdigest() != listed[url]
    ]
    problems += [
        f"{url}: not listed by the signed manifest" for url in sorted(set(files) - set(listed) - {MANIFEST, SIGNATURE})
    ]
    if problems:
        raise SyncError(f"{name}: " + "; ".join(problems))
    return manifest, files


def _members(data: bytes, is_zip: bool) -> dict[str, bytes]:
    """Return an archive's regular files by path; refuse links and devices, which a release never has."""
    members = {}
    if is_zip:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    members[info.filename] = archive.read(info)
        return members
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for info in archive.getmembers():
            if info.isfile():
                members[info.name] = archive.extractfile(info).read()
            elif not info.isdir():
                raise tarfile.TarError(f"{info.name} is a link or device, not a file")
    return members


def _live_version(target: Path) -> SiteVersion | None:
    """Return the live folder's version, or None when there is no live folder yet."""
    if not target.exists():
        return None
    try:
        return SiteVersion.of(read_manifest(target / MANIFEST))
    except (OSError, ManifestError):
        raise SyncError(f"{target}: exists but holds no readable {MANIFEST}; expected a copy of Fristed") from None


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o755)
    for url, content in sorted(files.items()):
        path = folder / url
        path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
        with open(path, "wb") as out:
            out.write(content)
            # Written to disk before the swap, so a crash cannot leave an empty page live.
            out.flush()
            os.fsync(out.fileno())
        path.chmod(0o644)


def _swap(new: Path, live: Path) -> bool:
    """Put `new` where `live` is; return True when the old `live` is now at `new`'s path."""
    if not live.exists():
        new.rename(live)
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(live), RENAME_EXCHANGE)
        if result == 0:
            return True
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(live))
    # No atomic exchange here (not Linux, or a file system without it): two renames, a moment apart.
    parked = new.with_name(new.name + ".old")
    live.rename(parked)
    new.rename(live)
    with contextlib.suppress(OSError):
        parked.rename(new)
    return True
