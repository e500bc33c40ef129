"""Pack a built site for mirrors: `fristed-<version>.tar.gz`, `fristed-<version>.zip` and `SHA256SUMS`.

The archives are byte-for-byte reproducible: the same site gives the same bytes on any machine,
whoever runs it, whenever. Entries are sorted; every time is the manifest's date (the commit's),
never the files' own; owners are uid/gid 0 with no names; modes are 644 and 755 whatever the
files had; the gzip header holds no name and time 0. Anyone can rebuild a release from its commit
and compare the sums.

Given the project's secret key, it also signs, in minisign's format: the site's manifest (its
signature goes into the archives beside it, and into `--out` with a copy of the manifest, the
reference `verify-mirror` compares mirrors with) and `SHA256SUMS`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import minisign

from fristed.mirror.manifest import MANIFEST, ManifestError, hash_files, parse_date, read_manifest
from fristed.mirror.signing import SUFFIX, sign

SUMS = "SHA256SUMS"
FILE_MODE = 0o644
FOLDER_MODE = 0o755
# A zip file cannot say a time before 1980.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def make_release(site_dir: Path, out_dir: Path, key: minisign.SecretKey | None = None) -> list[Path]:
    """Write the site's release archives and SHA256SUMS into out_dir, signed if given a key; return the paths."""
    site_dir, out_dir = Path(site_dir), Path(out_dir)
    manifest = read_manifest(site_dir / MANIFEST)
    _check_site(site_dir, manifest)
    name = f"fristed-{manifest['version']}"
    about = f"version:{manifest['version']}\tdate:{manifest['date']}"
    extra = {}
    if key:
        extra[MANIFEST + SUFFIX] = sign((site_dir / MANIFEST).read_bytes(), MANIFEST, key, about)
    entries = _entries(site_dir, manifest, extra)
    date = parse_date(manifest["date"])

    out_dir.mkdir(parents=True, exist_ok=True)
    tar_path = out_dir / f"{name}.tar.gz"
    zip_path = out_dir / f"{name}.zip"
    tar_path.write_bytes(_tar_gz(site_dir, name, entries, extra, int(date.timestamp())))
    zip_path.write_bytes(_zip(site_dir, name, entries, extra, max(ZIP_EPOCH, date.timetuple()[:6])))
    listed = [tar_path, zip_path]
    if key:
        listed.append(out_dir / MANIFEST)
        listed[-1].write_bytes((site_dir / MANIFEST).read_bytes())
        (out_dir / (MANIFEST + SUFFIX)).write_bytes(extra[MANIFEST + SUFFIX])
    sums_path = out_dir / SUMS
    # The layout `sha256sum --check SHA256SUMS` reads: hash, two spaces, file name.
    sums_path.write_text(
        "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in listed),
        encoding="utf-8",
    )
    if not key:
        return [*listed, sums_path]
    sums_signature = out_dir / (SUMS + SUFFIX)
    sums_signature.write_bytes(sign(sums_path.read_bytes(), SUMS, key, about))
    return [*listed, out_dir / (MANIFEST + SUFFIX), sums_path, sums_signature]


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


def _entries(site_dir: Path, manifest: dict[str, Any], extra: dict[str, bytes]) -> list[str]:
    """Return every file and folder of the release, folders first, in a fixed order."""
    files = [*manifest["files"], MANIFEST, *extra]
    folders = {"/".join(url.split("/")[:depth]) for url in files for depth in range(1, url.count("/") + 1)}
    # Sorting by parts puts each folder before what it holds and does not depend on the locale.
    return sorted([*(folder + "/" for folder in folders), *files], key=lambda url: url.rstrip("/").split("/"))


def _tar_gz(site_dir: Path, name: str, entries: list[str], extra: dict[str, bytes], mtime: int) -> bytes:
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
                data = extra[url] if url in extra else (site_dir / url).read_bytes()
                info.size = len(data)
                tar.addfile(_normalise(info, mtime), io.BytesIO(data))
    return raw.getvalue()


def _normalise(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    info.mode = FOLDER_MODE if info.isdir() else FILE_MODE
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = mtime
    return info


def _zip(site_dir: Path, name: str, entries: list[str], extra: dict[str, bytes], date_time: tuple[int, ...]) -> bytes:
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
                data = extra[url] if url in extra else (site_dir / url).read_bytes()
                archive.writestr(info, data, compresslevel=9)
    return raw.getvalue()
