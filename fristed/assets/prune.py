"""Remove the theme's files no page uses: Material's scripts, search engine and source maps.

MkDocs copies every file of the theme into the site, about 3 MB here, though the pages load
none of them (the theme's scripts are left out, its stylesheet is merged into one). A mirror
should not have to host, nor a verifier check, what nobody downloads.
"""

from __future__ import annotations

from pathlib import Path

from fristed.sitegraph import closure

ASSETS = "assets"


def prune_unused_assets(site_dir: Path, also_used: list[str]) -> list[str]:
    """Delete every file under assets/ that no page loads and `also_used` does not name; return them."""
    pages = [path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")]
    used = closure(site_dir, [*pages, *also_used])
    removed = []
    for path in sorted((site_dir / ASSETS).rglob("*")):
        url = path.relative_to(site_dir).as_posix()
        if path.is_file() and url not in used:
            path.unlink()
            removed.append(url)
    for folder in sorted((site_dir / ASSETS).rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed
