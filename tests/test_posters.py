"""Posters and cards: the QR code decoded back to its address, the numbers on them, a neutral card."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from conftest import PROJECT
from fristed.distribution_cli import main
from fristed.posters import language_url, make_language, make_posters, sheets
from fristed.posters import text as posters_text
from fristed.posters.text import BASE_FONT, SCRIPT_FONTS, FontError, runs
from fristed.project import load_project

DATA = load_project(PROJECT)
BASE_URL = "https://hjelp.example.org/fristed/"
# Drawn in full, PNG and PDF: a Latin language, a right-to-left one, and Ethiopic.
LANGUAGES = ("en", "ar", "ti")
SVG = "{http://www.w3.org/2000/svg}"
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))
# Paper sizes in PDF points (1/72 inch).
POINTS = {"poster": (595.3, 841.9), "card": (240.9, 155.9)}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    """Posters and cards of the languages under test."""
    out = tmp_path_factory.mktemp("posters")
    make_posters(BASE_URL, out, DATA, list(LANGUAGES))
    return out


def svg_texts(path: Path) -> list[str]:
    """The lines of text an SVG draws, without the marks that set their direction."""
    root = ElementTree.parse(path).getroot()
    return ["".join(element.itertext()).translate(BIDI_CONTROLS) for element in root.iter(f"{SVG}text")]


def words(text: str) -> set[str]:
    """The words of a text, in lower case, without the punctuation around them."""
    punctuation = string.punctuation + "،؛؟፣።"
    return {word.strip(punctuation).casefold() for word in text.split()} - {""}


def trafficking_words(code: str) -> set[str]:
    """The words of the site's name after "Fristed:", less those for help (shared with the helpline label)."""
    strings = DATA.strings[code]
    name = strings["site_name"].split(":", 1)[1]
    return {word for word in words(name) if len(word) >= 3} - words(strings["helpline_label"])


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["poster", "card"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_qr_code_decodes_to_the_language_address(drawn, code, kind):
    with Image.open(drawn / code / f"{kind}.png") as image:
        found = zxingcpp.read_barcodes(image)
    assert [(barcode.format.name, barcode.text) for barcode in found] == [
        ("QRCode", language_url(BASE_URL, DATA.language(code)))
    ]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["poster", "card"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_helpline_and_police_are_on_it_with_their_labels(drawn, code, kind):
    texts = svg_texts(drawn / code / f"{kind}.svg")
    strings, phones = DATA.strings[code], DATA.facts.phones
    # Numbers stand on lines of their own, as the registry writes them.
    assert phones["rosa"].display in texts
    assert phones["police-emergency"].display == "112" and "112" in texts
    # Labels may wrap, always at a space.
    assert strings["helpline_label"] in " ".join(texts)
    assert strings["police_emergency"] in " ".join(texts)
    assert language_url(BASE_URL, DATA.language(code)) in texts


@pytest.mark.parametrize("code", [language.code for language in DATA.languages])
def test_no_card_says_what_the_site_is_about(code):
    """A card found on its reader must not give them away: no site name, no word for trafficking."""
    poster, card = sheets(BASE_URL, DATA, DATA.language(code))
    said = " ".join([card.heading, card.helpline_label, card.police_label, card.url])
    assert DATA.strings[code]["site_name"] not in said
    assert not words(said) & trafficking_words(code)
    assert poster.heading == DATA.strings[code]["site_name"]  # the poster, on an office wall, may


@pytest.mark.parametrize(
    ("code", "word", "reason"),
    [
        ("en", "trafficking", "trafficking_words finds the word itself"),
        ("nb", "menneskehandel", "one compound word"),
        ("ar", "الاتجار", "Arabic, with its article"),
        ("ti", "ዘዋውራ", "Ethiopic"),
    ],
)
def test_trafficking_words_are_taken_from_the_site_name(code, word, reason):
    assert word in trafficking_words(code), reason


@pytest.mark.slow
@pytest.mark.parametrize("code", LANGUAGES)
def test_drawn_card_says_only_what_its_sheet_says(drawn, code):
    card_svg = drawn / code / "card.svg"
    texts = " ".join(svg_texts(card_svg))
    assert not words(texts) & trafficking_words(code)
    # Nor anywhere in the files: the SVG's title and the PDF's are the neutral app name.
    site_name = DATA.strings[code]["site_name"]
    assert site_name not in card_svg.read_text(encoding="utf-8")
    assert DATA.strings[code]["app_name"] == ElementTree.parse(card_svg).getroot().find(f"{SVG}title").text
    pdf = (drawn / code / "card.pdf").read_bytes()
    assert site_name.encode("utf-16-be") not in pdf and site_name.encode() not in pdf


@pytest.mark.slow
@pytest.mark.parametrize(("code", "anchor", "qr_left"), [("en", "start", False), ("ar", "end", True)])
def test_right_to_left_card_is_laid_out_right_to_left(drawn, code, anchor, qr_left):
    root = ElementTree.parse(drawn / code / "card.svg").getroot()
    assert {element.get("text-anchor") for element in root.iter(f"{SVG}text")} == {anchor}
    qr_x = float(re.search(r"translate\(([\d.]+)", root.find(f"{SVG}g").get("transform")).group(1))
    assert (qr_x < 85 / 2) is qr_left
    if code == "ar":  # each Arabic line opens a right-to-left embedding, which browsers and resvg read
        label = next(el for el in root.iter(f"{SVG}text") if "ROSA" in "".join(el.itertext()))
        assert "".join(label.itertext()).startswith("\u202b")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["poster", "card"])
def test_png_and_pdf_are_the_paper_size(drawn, kind):
    with Image.open(drawn / "en" / f"{kind}.png") as image:
        dpi = round(image.info["dpi"][0])
        width_mm, height_mm = (pixels / dpi * 25.4 for pixels in image.size)
    assert (round(width_mm), round(height_mm)) == {"poster": (210, 297), "card": (85, 55)}[kind]
    pdf = (drawn / "en" / f"{kind}.pdf").read_bytes()
    box = [float(value) for value in re.search(rb"/MediaBox \[\s*([\d.\s]+)\]", pdf).group(1).split()]
    assert box[2:] == pytest.approx(POINTS[kind], abs=1.0)
    assert b"/CCITTFaxDecode" in pdf  # black and white, lossless
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf


@pytest.mark.slow
def test_same_input_draws_the_same_bytes(drawn, tmp_path):
    again = make_language(BASE_URL, tmp_path, DATA, DATA.language("en"))
    for path in again:
        assert path.read_bytes() == (drawn / "en" / path.name).read_bytes(), path.name


# Without drawing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "code", "expected"),
    [
        ("https://example.org/fristed/", "nb", "https://example.org/fristed/"),  # the default is at the root
        ("https://example.org/fristed/", "ar", "https://example.org/fristed/ar/"),
        ("https://example.org/fristed", "en", "https://example.org/fristed/en/"),  # a slash is added
    ],
)
def test_language_address(base_url, code, expected):
    assert language_url(base_url, DATA.language(code)) == expected


@pytest.mark.parametrize(
    ("base_url", "reason"),
    [
        ("example.org/fristed/", "no scheme: a phone would search for it"),
        ("ftp://example.org/", "not the web"),
        ("https://example.org/?from=poster", "a query would follow the reader to every page"),
    ],
)
def test_base_url_must_be_an_absolute_web_address(base_url, reason):
    with pytest.raises(ValueError) as raised:
        language_url(base_url, DATA.default)
    assert str(raised.value) == (
        "base URL: expected the site's absolute http(s) address such as https://example.org/fristed/, "
        f"found {base_url!r}"
    ), reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Info", [(BASE_FONT, "Info")]),
        ("خط، ROSA", [(SCRIPT_FONTS["ARABIC"], "خط، "), (BASE_FONT, "ROSA")]),  # the Arabic comma is Arabic
        ("\u202bخط\u202c", [(SCRIPT_FONTS["ARABIC"], "\u202bخط\u202c")]),  # direction marks join the run
        ("ቴሌፎን ሓገዝ፣ ROSA", [(SCRIPT_FONTS["ETHIOPIC"], "ቴሌፎን ሓገዝ፣ "), (BASE_FONT, "ROSA")]),
    ],
)
def test_lines_are_split_into_runs_of_a_font_that_has_their_letters(text, expected):
    assert runs(text) == expected


def test_a_script_with_no_font_is_named():
    with pytest.raises(FontError) as raised:
        runs("हिन्दी")
    assert (
        str(raised.value)
        == "no font for DEVANAGARI LETTER HA (ह): add its script to SCRIPT_FONTS in fristed.posters.text"
    )


def test_missing_fonts_name_the_debian_package(monkeypatch, tmp_path):
    monkeypatch.setattr(posters_text, "FONT_DIR", tmp_path)
    with pytest.raises(FontError) as raised:
        posters_text.font_files(["Info"])
    assert str(raised.value) == (
        f"missing fonts: {tmp_path}/NotoSans-Bold.ttf, {tmp_path}/NotoSans-Regular.ttf; "
        "install Debian's fonts-noto-core package (sudo apt-get install fonts-noto-core)"
    )


def test_command_refuses_a_relative_address(capsys, tmp_path):
    assert main(["posters", "--base-url", "example.org/fristed/", "--out", str(tmp_path)]) == 1
    assert "expected the site's absolute http(s) address" in capsys.readouterr().err
