"""Pack a built site for mirrors: `fristed-<version>.tar.gz`, `fristed-<version>.zip` and `SHA256SUMS`.

The archives are byte-for-byte reproducible: the same site gives the same bytes on any machine,
whoever runs it, whenever. Entries are sorted; every time is the manifest's date (the commit's),
never the files' own; owners are uid/gid 0 with no names; modes are 644 and 755 whatever the
files had; the gzip header holds no name and time 0. Anyone can rebuild a release from its commit
and compare the sums.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Any

from fristed.mirror.manifest import MANIFEST, ManifestError, hash_files, parse_date, read_manifest

SUMS = "SHA256SUMS"
FILE_MODE = 0o644
FOLDER_MODE = 0o755
# A zip file cannot say a time before 1980.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def make_release(site_dir: Path, out_dir: Path) -> list[Path]:
    """Write the site's release archives and their SHA256SUMS into out_dir; return the three paths."""
    site_dir, out_dir = Path(site_dir), Path(out_dir)
    manifest = read_manifest(site_dir / MANIFEST)
    _check_site(site_dir, manifest)
    name = f"fristed-{manifest['version']}"
    entries = _entries(site_dir, manifest)
    date = parse_date(manifest["date"])

    out_dir.mkdir(parents=True, exist_ok=True)
    tar_path = out_dir / f"{name}.tar.gz"
    zip_path = out_dir / f"{name}.zip"
    tar_path.write_bytes(_tar_gz(site_dir, name, entries, int(date.timestamp())))
    zip_path.write_bytes(_zip(site_dir, name, entries, max(ZIP_EPOCH, date.timetuple()[:6])))
    sums_path = out_dir / SUMS
    # The layout `sha256sum --check SHA256SUMS` reads: hash, two spaces, file name.
    sums_path.write_text(
        "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in (tar_path, zip_path)),
        encoding="utf-8",
    )
    return [tar_path, zip_path, sums_path]


def _check_site(site_dir: Path, manifest: dict[str, Any]) -> None:
    """Refuse to pack a site whose files are not those its manifest lists: the release would lie."""
    listed, found = manifest["files"], hash_files(site_dir)
    problems = [
        f"{url}: {'changed since' if url in found else 'missing, though listed by'} the manifest; rebuild the site"
        for url in sorted(listed)
        if found.get(url) != listed[url]
    ]
    problems += [f"{url}: not listed by the manifest; rebuild the site" for url in sorted(set(found) - set(listed))]
    if problems:
        raise ManifestError(str(site_dir / MANIFEST), problems)


def _entries(site_dir: Path, manifest: dict[str, Any]) -> list[str]:
    """Return every file and folder of the release, folders first, in a fixed order."""
    files = [*manifest["files"], MANIFEST]
    folders = {"/".join(url.split("/")[:depth]) for url in files for depth in range(1, url.count("/") + 1)}
    # Sorting by parts puts each folder before what it holds and does not depend on the locale.
    return sorted([*(folder + "/" for folder in folders), *files], key=lambda url: url.rstrip("/").split("/"))


def _tar_gz(site_dir: Path, name: str, entries: list[str], mtime: int) -> bytes:
    raw = io.BytesIO()
    # No file name and time 0 in the gzip header, so the archive's bytes do not depend on either.
    with (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for url in ["", *entries]:
            info = tarfile.TarInfo(f"{name}/{url}".rstrip("/"))
            if not url or url.endswith("/"):
                info.type = tarfile.DIRTYPE
                tar.addfile(_normalise(info, mtime))
            else:
                data = (site_dir / url).read_bytes()
                info.size = len(data)
                tar.addfile(_normalise(info, mtime), io.BytesIO(data))
    return raw.getvalue()


def _normalise(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    info.mode = FOLDER_MODE if info.isdir() else FILE_MODE
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = mtime
    return info


def _zip(site_dir: Path, name: str, entries: list[str], date_time: tuple[int, ...]) -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        for url in ["", *entries]:
            info = zipfile.ZipInfo(f"{name}/{url}", date_time=date_time)
            info.create_system = 3  # Unix, so the modes below mean what they say on every machine
            if info.is_dir():
                info.external_attr = (0o040000 | FOLDER_MODE) << 16 | 0x10
                archive.writestr(info, b"")
            else:
                info.external_attr = (0o100000 | FILE_MODE) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, (site_dir / url).read_bytes(), compresslevel=9)
    return raw.getvalue()
