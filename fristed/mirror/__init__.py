"""Mirrors of the site: the manifest a build carries, release archives, and checking a copy.

An NGO hosts a copy of the site where the original is blocked or slow and hands out its address
on paper. `write_site_manifest` lists every file of a build with its SHA-256; `make_release` packs
the build reproducibly; `verify_mirror` fetches a copy's files and says whether it is exact.
"""

from fristed.mirror.manifest import MANIFEST, ManifestError, read_manifest, write_site_manifest
from fristed.mirror.release import make_release
from fristed.mirror.report import Finding, Report
from fristed.mirror.verify import load_reference, verify_mirror

__all__ = [
    "MANIFEST",
    "Finding",
    "ManifestError",
    "Report",
    "load_reference",
    "make_release",
    "read_manifest",
    "verify_mirror",
    "write_site_manifest",
]
