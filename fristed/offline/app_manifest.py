"""Web app manifests, one per language, and the PNG icons they name, drawn from one SVG."""

from __future__ import annotations

import json
import re
from pathlib import Path

import resvg_py

from fristed.assets import hashed_name
from fristed.languages import Language

ICONS_FOLDER = "assets/images/icons"
# (file name, size, purpose). A maskable icon keeps its drawing inside the middle 80 %, the part
# every launcher shape shows.
ICONS = (("icon-192.png", 192, "any"), ("icon-512.png", 512, "any"), ("icon-maskable-512.png", 512, "maskable"))
THEME_COLOR = "#4051b5"
BACKGROUND_COLOR = "#ffffff"


def write_icons(site_dir: Path, svg_url: str) -> list[str]:
    """Draw the PNG icons from the SVG at `svg_url` in the site, each named after its content
    (`icon-192.<hash>.png`, cached for a year); return their URLs."""
    svg = (site_dir / svg_url).read_text(encoding="utf-8")
    (site_dir / ICONS_FOLDER).mkdir(parents=True, exist_ok=True)
    urls = []
    for name, size, purpose in ICONS:
        source = _maskable(svg) if purpose == "maskable" else svg
        png = bytes(resvg_py.svg_to_bytes(svg_string=source, width=size, height=size, skip_system_fonts=True))
        urls.append(hashed_name(f"{ICONS_FOLDER}/{name}", png))
        (site_dir / urls[-1]).write_bytes(png)
    return urls


def _maskable(svg: str) -> str:
    """Shrink the drawing to 80 % on a full-bleed background of its own first colour."""
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    fill = re.search(r'fill="(#[0-9a-fA-F]{3,6})"', svg)
    inner = re.sub(r"<svg\b", '<svg x="10%" y="10%" width="80%" height="80%"', svg, count=1)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">'
        f'<rect width="100%" height="100%" fill="{fill.group(1) if fill else BACKGROUND_COLOR}"/>{inner}</svg>'
    )


def app_manifest(language: Language, name: str, icons: list[str]) -> dict:
    """Return a language's manifest. Its URLs resolve against the manifest's own address."""
    to_root = "../" if language.folder else ""
    return {
        "id": "./",
        "name": name,
        "short_name": name,
        "lang": language.code,
        "dir": language.direction,
        "start_url": "./index.html",
        "scope": to_root or "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": to_root + url, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for url, (_, size, purpose) in zip(icons, ICONS, strict=True)
        ],
    }


def write_app_manifest(site_dir: Path, language: Language, name: str, icons: list[str]) -> str:
    """Write a language's manifest into its folder; return its URL."""
    url = f"{language.folder}/manifest.webmanifest" if language.folder else "manifest.webmanifest"
    text = json.dumps(app_manifest(language, name, icons), ensure_ascii=False, indent=2, sort_keys=True)
    (site_dir / url).write_text(text + "\n", encoding="utf-8")
    return url
