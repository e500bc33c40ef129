"""Text on posters and cards: a font for every script, measured as resvg draws it, fitted to a width.

resvg falls back to another font only unreliably when a font lacks a letter, so each line is
split into runs by script, each run in a `<tspan>` naming a font that has its letters. Every
size is in millimetres, the unit of the posters' SVG.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import resvg_py
from PIL import Image

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONT_PACKAGE = "fonts-noto-core"


@dataclass(frozen=True)
class Font:
    """A font family and its regular and bold files in FONT_DIR."""

    family: str
    regular: str
    bold: str


BASE_FONT = Font("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
# Scripts Noto Sans lacks, by the first word of their letters' Unicode names. Arabic, Persian
# and Urdu are set in Naskh: resvg 0.5 (resvg-py 0.5.0) drops or garbles letters of Noto Sans
# Arabic ("الاتجار") and of Noto Nastaliq Urdu when they follow Latin text in one line.
SCRIPT_FONTS = {
    "ARABIC": Font("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    "ETHIOPIC": Font("Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    "THAI": Font("Noto Sans Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
}
# Scripts of Noto Sans itself.
BASE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "DIGIT", "COMBINING", "MODIFIER"}
# Right-to-left embedding: resvg and browsers alike then lay a line out right to left, with no
# `direction` attribute, which they read differently for `text-anchor`.
RTL_OPEN, RTL_CLOSE = "\u202b", "\u202c"
MEASURE_SIZE = 40  # pixels per em when measuring: ink extents to within about 1 %


class FontError(Exception):
    """The fonts a language needs are missing, or none is known for its script."""


@dataclass(frozen=True)
class Extent:
    """A line's ink, in ems: width, and height above and below the baseline."""

    width: float
    ascent: float
    descent: float


def _script(character: str) -> str | None:
    """The script a character needs a font of, or None for what any font has (spaces, common punctuation)."""
    name = unicodedata.name(character, "")
    word = name.split(" ")[1] if name.startswith("EXTENDED ") else name.split(" ")[0]
    word = word.split("-")[0]  # ARABIC-INDIC DIGIT
    if word in SCRIPT_FONTS:
        return word  # letters, and punctuation of their own such as the Arabic comma
    if unicodedata.category(character)[0] not in "LMN":
        return None
    if word in BASE_SCRIPTS:
        return word
    raise FontError(
        f"no font for {name or repr(character)} ({character}): add its script to SCRIPT_FONTS in {__name__}"
    )


def runs(text: str) -> list[tuple[Font, str]]:
    """Split a line into runs of one font each. Spaces and format marks stay with the run before them."""
    pieces: list[list] = []
    pending = ""  # spaces, format marks, before any run
    for character in text:
        script = _script(character)
        category = unicodedata.category(character)
        if script is None and category in ("Zs", "Cf"):
            if pieces:
                pieces[-1][1] += character
            else:
                pending += character
            continue
        font = SCRIPT_FONTS.get(script, BASE_FONT) if script else BASE_FONT
        if pieces and pieces[-1][0] == font:
            pieces[-1][1] += character
        else:
            pieces.append([font, pending + character])
            pending = ""
    if pending:
        pieces.append([BASE_FONT, pending])
    return [(font, piece) for font, piece in pieces]


def font_files(texts: list[str]) -> list[str]:
    """Return the font files that texts need, checking they are installed."""
    fonts = {BASE_FONT} | {font for text in texts for font, _ in runs(text)}
    files = sorted(str(FONT_DIR / name) for font in fonts for name in (font.regular, font.bold))
    missing = [path for path in files if not Path(path).is_file()]
    if missing:
        raise FontError(
            f"missing fonts: {', '.join(missing)}; install Debian's {FONT_PACKAGE} package "
            f"(sudo apt-get install {FONT_PACKAGE})"
        )
    return files


def text_markup(text: str, rtl: bool) -> str:
    """Return a line's SVG content: one `<tspan>` per run, right-to-left where the language is."""
    line = f"{RTL_OPEN}{text}{RTL_CLOSE}" if rtl else text
    return "".join(
        escape(piece) if font == BASE_FONT else f'<tspan font-family="{font.family}">{escape(piece)}</tspan>'
        for font, piece in runs(line)
    )


def text_element(x: float, y: float, size: float, text: str, *, rtl=False, bold=False, anchor="start") -> str:
    """Return an SVG `<text>` with its baseline at y; anchor is start (left), middle or end (right)."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}" text-anchor="{anchor}"{weight}>'
        f"{text_markup(text, rtl)}</text>"
    )


@functools.lru_cache(maxsize=4096)
def measure(text: str, rtl: bool, bold: bool) -> Extent:
    """Return a line's ink extent in ems, by drawing it with resvg, as the poster will be drawn."""
    size = MEASURE_SIZE
    width, height, baseline = size * (len(text) + 4), size * 5, size * 3
    element = text_element(size, baseline, size, text, rtl=rtl, bold=bold)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="{BASE_FONT.family}">{element}</svg>'
    )
    png = resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=font_files([text]))
    with Image.open(io.BytesIO(bytes(png))) as image:
        box = image.getchannel("A").getbbox()
    if box is None:
        return Extent(0.0, 0.0, 0.0)
    left, top, right, bottom = box
    return Extent((right - left) / size, (baseline - top) / size, (bottom - baseline) / size)


@dataclass(frozen=True)
class Block:
    """Text fitted to a width: its lines, the size they are set in, their spacing and direction."""

    lines: list[str]
    size: float
    ascent: float  # of the first line, mm above its baseline
    line_height: float  # mm from one baseline to the next
    descent: float  # of the last line, mm below its baseline
    rtl: bool
    bold: bool

    @property
    def height(self) -> float:
        """From the top of the first line's ink to the bottom of the last's."""
        return self.ascent + self.line_height * (len(self.lines) - 1) + self.descent

    def svg(self, x: float, top: float, anchor: str) -> str:
        """Draw the lines from `top` down, anchored at x: start (left), middle or end (right)."""
        return "".join(
            text_element(x, top + self.ascent + index * self.line_height, self.size, line,
                         rtl=self.rtl, bold=self.bold, anchor=anchor)
            for index, line in enumerate(self.lines)
        )  # fmt: skip


def fit(text: str, width: float, size: float, *, max_lines=1, rtl=False, bold=False) -> Block:
    """Wrap a text at spaces into at most `max_lines` lines of `width` mm, shrinking it until it fits."""
    words = text.split(" ")
    while True:
        lines: list[str] = []
        for word in words:
            candidate = f"{lines[-1]} {word}" if lines else word
            if lines and measure(candidate, rtl, bold).width * size <= width:
                lines[-1] = candidate
            else:
                lines.append(word)
        extents = [measure(line, rtl, bold) for line in lines]
        if len(lines) <= max_lines and all(extent.width * size <= width for extent in extents):
            break
        size *= 0.95
    # Room for the tallest letters of any line, at least a Latin line's, so blocks line up.
    ascent = max(0.8, *(extent.ascent for extent in extents))
    descent = max(0.25, *(extent.descent for extent in extents))
    return Block(lines, size, ascent * size, (ascent + descent + 0.12) * size, descent * size, rtl, bold)
