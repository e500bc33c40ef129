"""Printable posters and cards that hand out the site's address, one of each per language.

For each language, in `<out>/<code>/`:

file                    | what
poster.svg, .png, .pdf  | A4: the site's name, the helpline, the emergency number, and the
                        | language's address as a QR code and in letters
card.svg, .png, .pdf    | 85 x 55 mm: the same numbers and address under the neutral app name, since a
                        | card may be found on its reader; nothing on it names trafficking

Numbers come from data/facts.yml and words from data/strings/, never typed here. The SVG names
its fonts (Noto, Debian's fonts-noto-core); the PNG and PDF are drawn with them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from fristed.languages import Language
from fristed.posters.layout import Sheet, card, poster
from fristed.posters.render import render, write_pdf, write_png
from fristed.posters.text import font_files
from fristed.project import Project

log = logging.getLogger(__name__)

# Pixels per inch: a poster's text is large, a card's small.
RESOLUTION = {"poster": 300, "card": 600}


def language_url(base_url: str, language: Language) -> str:
    """Return a language's home address under the site's: `https://example.org/fristed/en/`."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"base URL: expected the site's absolute http(s) address such as https://example.org/fristed/, "
            f"found {base_url!r}"
        )
    base = base_url if base_url.endswith("/") else f"{base_url}/"
    return f"{base}{language.folder}/" if language.folder else base


def sheets(base_url: str, project: Project, language: Language) -> tuple[Sheet, Sheet]:
    """Return what a language's poster and card say."""
    strings = project.strings[language.code]
    common = {
        "code": language.code,
        "rtl": language.direction == "rtl",
        "url": language_url(base_url, language),
        "helpline_label": strings["helpline_label"],
        "helpline_number": project.facts.phone("helpline").display,
        "police_label": strings["police_emergency"],
        "police_number": project.facts.phone("emergency").display,
        "language_name": language.name,
    }
    return Sheet(heading=strings["site_name"], **common), Sheet(heading=strings["app_name"], **common)


def make_language(base_url: str, out_dir: Path, project: Project, language: Language) -> list[Path]:
    """Write one language's poster and card, each as SVG, PNG and PDF; return their paths."""
    folder = out_dir / language.code
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    poster_sheet, card_sheet = sheets(base_url, project, language)
    for name, sheet, draw in (("poster", poster_sheet, poster), ("card", card_sheet, card)):
        svg = draw(sheet)
        fonts = font_files(_texts(sheet))
        svg_path = folder / f"{name}.svg"
        svg_path.write_text(svg, encoding="utf-8")
        dpi = RESOLUTION[name]
        image = render(svg, fonts, dpi)
        written += [
            svg_path,
            write_png(image, dpi, folder / f"{name}.png"),
            write_pdf(image, dpi, folder / f"{name}.pdf", sheet.heading),
        ]
    log.info("%s: poster and card for %s in %s", language.code, language_url(base_url, language), folder)
    return written


def _texts(sheet: Sheet) -> list[str]:
    return [sheet.heading, sheet.helpline_label, sheet.helpline_number, sheet.police_label, sheet.police_number,
            sheet.url, sheet.language_name]  # fmt: skip


def make_posters(base_url: str, out_dir: Path, project: Project, codes: list[str] | None = None) -> list[Path]:
    """Write every language's poster and card (or only those of `codes`); return the files written."""
    languages = [language for language in project.languages if codes is None or language.code in codes]
    return [path for language in languages for path in make_language(base_url, out_dir, project, language)]
