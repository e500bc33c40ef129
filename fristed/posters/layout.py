"""The poster (A4) and the card (85 x 55 mm) as SVG, in millimetres, for one language.

Black on white only: posters are photocopied, and the PDF is drawn in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

import segno

from fristed.posters.text import BASE_FONT, Block, fit

POSTER_SIZE = (210.0, 297.0)
CARD_SIZE = (85.0, 55.0)
# Error correction at least M (segno raises it where that costs no size): about 15 % of the code
# may be smudged or torn and it still scans.
QR_ERROR = "m"


@dataclass(frozen=True)
class Sheet:
    """What a poster or card says, in one language."""

    code: str
    rtl: bool
    url: str
    heading: str
    helpline_label: str
    helpline_number: str
    police_label: str
    police_number: str
    language_name: str


def qr_code(url: str, x: float, y: float, size: float, border: int) -> str:
    """Return a QR code of `url` as one SVG path, `size` mm square with `border` light modules around."""
    code = segno.make(url, error=QR_ERROR, micro=False)
    matrix = [list(row) for row in code.matrix_iter(scale=1, border=0)]
    module = size / (len(matrix) + 2 * border)
    steps = []
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            steps.append(f"M{start + border} {row + border}h{column - start}v1h{start - column}z")
    return f'<g transform="translate({x:.3f} {y:.3f}) scale({module:.5f})"><path d="{"".join(steps)}"/></g>'


def document(size: tuple[float, float], sheet: Sheet, title: str, body: list[str]) -> str:
    """Wrap a drawing in an SVG document of a paper size, white, in the sheet's language."""
    width, height = size
    lines = "\n".join(body)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}mm" height="{height:g}mm" '
        f'viewBox="0 0 {width:g} {height:g}" xml:lang="{sheet.code}" font-family="{BASE_FONT.family}">\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="{width:g}" height="{height:g}" fill="#fff"/>\n{lines}\n</svg>\n'
    )


def poster(sheet: Sheet) -> str:
    """Return the A4 poster: the site's name, the helpline, the police, and the site's address as a QR code."""
    width, height = POSTER_SIZE
    margin, middle = 16.0, width / 2
    inner = width - 2 * margin
    rtl = sheet.rtl
    # (block, space after it in mm), from the top down; numbers and the address read left to right.
    blocks = [
        (fit(sheet.heading, inner, 13, max_lines=3, rtl=rtl, bold=True), 7),
        (None, 10),  # a rule under the heading
        (fit(sheet.helpline_label, inner, 10, max_lines=2, rtl=rtl), 5),
        (fit(sheet.helpline_number, inner, 34, bold=True), 12),
        (fit(sheet.police_label, inner, 9, max_lines=2, rtl=rtl), 4),
        (fit(sheet.police_number, inner, 24, bold=True), 10),
    ]
    address = fit(sheet.url, inner, 6)
    language = fit(sheet.language_name, inner, 4.5, rtl=rtl)
    body, y = [], margin + 2
    for block, space in blocks:
        if block is None:
            body.append(f'<rect x="{margin:g}" y="{y:.2f}" width="{inner:g}" height="0.8"/>')
            y += 0.8
        else:
            body.append(block.svg(middle, y, "middle"))
            y += block.height
        y += space
    # The QR code takes the room left, up to 10 cm: larger scans from further away.
    language_top = height - margin - language.height
    qr_size = min(100.0, language_top - 5 - address.height - 4 - y)
    body.append(qr_code(sheet.url, middle - qr_size / 2, y, qr_size, border=4))
    body.append(address.svg(middle, y + qr_size + 4, "middle"))
    body.append(language.svg(middle, language_top, "middle"))
    return document(POSTER_SIZE, sheet, sheet.heading, body)


def card(sheet: Sheet) -> str:
    """Return the card: a neutral heading, the helpline, the police and a QR code, nothing more.

    A card may be found on its reader, so its heading is the neutral app name, never the site's
    name. Right-to-left languages have their text on the right and the QR code on the left.
    """
    width, height = CARD_SIZE
    margin, qr_size, gap = 4.5, 30.0, 3.0
    column = width - 2 * margin - qr_size - gap
    qr_x = margin if sheet.rtl else width - margin - qr_size
    text_x, anchor = (width - margin, "end") if sheet.rtl else (margin, "start")
    address = fit(sheet.url, width - 2 * margin, 2.6)
    room = height - 2 * margin - address.height - 2.5

    scale = 1.0
    while True:  # shrink everything alike until the column fits above the address
        blocks = _card_blocks(sheet, column, scale)
        if sum(block.height + space for block, space in blocks) <= room:
            break
        scale *= 0.94
    body, y = [], margin
    for block, space in blocks:
        body.append(block.svg(text_x, y, anchor))
        y += block.height + space
    body.append(qr_code(sheet.url, qr_x, margin, qr_size, border=2))
    body.append(address.svg(text_x, height - margin - address.height, anchor))
    return document(CARD_SIZE, sheet, sheet.heading, body)


def _card_blocks(sheet: Sheet, column: float, scale: float) -> list[tuple[Block, float]]:
    """The card's text column at a scale: (block, space after it in mm)."""
    rtl = sheet.rtl
    return [
        (fit(sheet.heading, column, 6 * scale, rtl=rtl, bold=True), 2.2 * scale),
        (fit(sheet.helpline_label, column, 3.1 * scale, max_lines=3, rtl=rtl), 1.0 * scale),
        (fit(sheet.helpline_number, column, 6.2 * scale, bold=True), 2.4 * scale),
        (fit(sheet.police_label, column, 2.8 * scale, max_lines=2, rtl=rtl), 0.8 * scale),
        (fit(sheet.police_number, column, 5.2 * scale, bold=True), 0.0),
    ]
