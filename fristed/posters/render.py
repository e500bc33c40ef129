"""SVG to PNG with resvg, and PNG to PDF with Pillow: no system library beyond the fonts.

Each drawing is drawn once: a greyscale PNG, for screens and office printers, and a PDF of the
same pixels in pure black and white (CCITT G4: lossless and small), as a laser printer or a
copy shop prints it. Neither carries a date, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

import resvg_py
from PIL import Image


def render(svg: str, fonts: list[str], dpi: int) -> Image.Image:
    """Draw an SVG sized in millimetres at `dpi`, on white, as a greyscale image."""
    png = resvg_py.svg_to_bytes(svg_string=svg, dpi=dpi, background="#ffffff", skip_system_fonts=True, font_files=fonts)
    with Image.open(io.BytesIO(bytes(png))) as image:
        return image.convert("L")


def write_png(image: Image.Image, dpi: int, path: Path) -> Path:
    """Write a drawing as a greyscale PNG that states its resolution, so it prints at its size."""
    image.save(path, format="PNG", dpi=(dpi, dpi), optimize=True)
    return path


def write_pdf(image: Image.Image, dpi: int, path: Path, title: str) -> Path:
    """Write a drawing as a one-page PDF of its paper size, in black and white."""
    # A fixed threshold, not dithering: text and QR modules stay solid, their edges sharp.
    bilevel = image.point(lambda value: 255 if value >= 128 else 0).convert("1", dither=Image.Dither.NONE)
    out = io.BytesIO()
    bilevel.save(out, format="PDF", resolution=dpi, title=title, creationDate=None, modDate=None)
    path.write_bytes(out.getvalue())
    return path
