"""The Kiwix export: each language's ZIM file, opened with libzim and read back page by page."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from libzim.reader import Archive
from libzim.search import Query, Searcher
from PIL import Image

from conftest import PROJECT
from fristed.data import DataError
from fristed.distribution_cli import main
from fristed.languages import Language
from fristed.pages import page_url
from fristed.project import load_project
from fristed.zim import build_zim
from fristed.zim.content import for_kiwix, language_content, resolve
from fristed.zim.metadata import graphemes, load_settings, title_problems
from fristed.zim.uuids import NAMESPACE, uuid_places

DATA = load_project(PROJECT)
# The default language (at the site's root), a Latin one, a right-to-left one and an Ethiopic
# one, for which Xapian has no stemmer. `make zim` builds all of them.
LANGUAGES = ("nb", "en", "ar", "ti")
DATE = datetime.date(2025, 1, 31)
# What a page may point at, in attribute order of `fristed.zim.content.URL_ATTRIBUTES`.
REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


@pytest.fixture(scope="module")
def zims(site, tmp_path_factory) -> dict[str, Archive]:
    """The ZIM file of each language under test, built from the session's site."""
    out = tmp_path_factory.mktemp("zim")
    settings = load_settings(PROJECT, DATA.languages)
    return {code: Archive(build_zim(site, out, DATA, DATA.language(code), settings, DATE)) for code in LANGUAGES}


def html_of(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_reads_back_with_its_heading_as_title(zims, site, code):
    archive, language = zims[code], DATA.language(code)
    for page in DATA.pages:
        path = page_url(language, page)
        heading = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").h1.get_text(strip=True)
        entry = archive.get_entry_by_path(path)
        assert entry.get_item().mimetype == "text/html"
        assert entry.title == heading, path
        assert BeautifulSoup(html_of(archive, path), "html.parser").h1.get_text(strip=True) == heading
    # Pages, and nothing else, are what Kiwix lists and counts as articles.
    assert archive.article_count == len(DATA.pages)


@pytest.mark.parametrize("code", LANGUAGES)
def test_main_page_is_the_language_home_page(zims, code):
    assert zims[code].main_entry.get_item().path == page_url(DATA.language(code), "index.md")


@pytest.mark.parametrize(
    ("code", "iso639_3"),
    [
        ("nb", "nob"),  # Bokmål, not the macrolanguage Norwegian (nor)
        ("en", "eng"),
        ("ar", "ara"),
        ("ti", "tir"),
    ],
)
def test_metadata_names_the_language_in_iso_639_3(zims, code, iso639_3):
    archive = zims[code]
    strings = DATA.strings[code]
    assert archive.get_metadata("Language").decode() == iso639_3
    assert archive.get_metadata("Title").decode() == strings["zim_title"]
    assert archive.get_metadata("Name").decode() == f"fristed_{code}_all"
    assert archive.get_metadata("Date").decode() == "2025-01-31"
    assert archive.get_metadata("Creator").decode() == "Fristed"
    assert archive.get_metadata("Publisher").decode() == "Fristed"
    # openZIM's limit for the description Kiwix shows in its library.
    assert 0 < len(archive.get_metadata("Description").decode()) <= 80


@pytest.mark.parametrize("code", LANGUAGES)
def test_illustration_is_the_site_icon_at_48_pixels(zims, code):
    archive = zims[code]
    assert [key for key in archive.metadata_keys if key.startswith("Illustration")] == ["Illustration_48x48@1"]
    with Image.open(io.BytesIO(bytes(archive.get_illustration_item(48).content))) as image:
        assert (image.format, image.size) == ("PNG", (48, 48))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_link_and_file_a_page_loads_is_inside_the_zim(zims, code):
    archive = zims[code]
    missing = []
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        if entry.is_redirect or entry.get_item().mimetype != "text/html":
            continue
        soup = BeautifulSoup(html_of(archive, entry.path), "html.parser")
        named = [element.get(attribute) for tag, attribute in REFERENCES for element in soup.find_all(tag)]
        named += [element["data-offline-url"] for element in soup.select("[data-offline-url]")]
        for reference in filter(None, named):
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|#)", reference):
                continue  # other sites, phone numbers, anchors
            target = resolve(entry.path, reference)
            if not archive.has_entry_by_path(target):
                missing.append(f"{entry.path}: {reference}")
    assert missing == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_kiwix_gets_no_service_worker_manifest_or_other_languages(zims, code):
    archive = zims[code]
    paths = {archive._get_entry_by_id(index).path for index in range(archive.all_entry_count)}
    assert not {path for path in paths if path.endswith(("sw.js", "sw-precache.js", ".webmanifest"))}
    other_folders = {language.folder for language in DATA.languages if language.folder and language.code != code}
    assert not {path for path in paths if path.split("/")[0] in other_folders}
    for page in DATA.pages:
        soup = BeautifulSoup(html_of(archive, page_url(DATA.language(code), page)), "html.parser")
        assert soup.select('[data-module="offline"], .md-select, link[rel~="manifest"], link[rel~="alternate"]') == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_full_text_search_finds_the_helpline(zims, code):
    archive = zims[code]
    assert archive.has_fulltext_index and archive.check()
    results = list(Searcher(archive).search(Query().set_query("ROSA")).getResults(0, 10))
    assert page_url(DATA.language(code), "index.md") in results


def test_two_builds_are_byte_identical_with_uuids_derived_from_the_content(site, tmp_path):
    """libzim and Xapian draw random UUIDs; the build replaces them, and the file still checks and searches."""
    settings = load_settings(PROJECT, DATA.languages)
    first, second = (build_zim(site, tmp_path / name, DATA, DATA.default, settings, DATE) for name in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    archive = Archive(first)
    assert archive.check() and archive.has_fulltext_index
    assert len(uuid_places(first.read_bytes())) == 3  # the file's, and the full-text and title indexes'
    assert str(archive.uuid) == str(uuid.uuid5(NAMESPACE, f"{zeroed_digest(first.read_bytes())}/0"))


def zeroed_digest(data: bytes) -> str:
    """The SHA-256 of a ZIM file without its UUIDs and checksum: what its UUIDs are derived from."""
    data = bytearray(data)
    for place in uuid_places(bytes(data)):
        data[place] = bytes(16)
    return hashlib.sha256(data[:-16]).hexdigest()


# Without a build ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", [language.code for language in DATA.languages])
def test_every_title_is_within_openzims_30_letters(code):
    assert graphemes(DATA.strings[code]["zim_title"]) <= 30


@pytest.mark.parametrize(
    ("text", "count", "reason"),
    [
        ("Fristed", 7, "one letter each"),
        ("mua bán người", 13, "Vietnamese letters with their tone marks, precomposed"),
        ("mua ba\u0301n", 7, "a letter and a combining accent count once"),
        ("การค้ามนุษย์", 9, "Thai tone marks and vowels above or below ride on their consonant"),
        ("ዘዋውራ", 4, "each Ethiopic syllable is one letter"),
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", 7, "a zero-width non-joiner is not a letter"),
    ],
)
def test_graphemes_count_what_a_reader_sees_as_letters(text, count, reason):
    assert graphemes(text) == count, reason


def test_a_title_longer_than_openzim_allows_is_named_with_its_file_and_line(tmp_path):
    strings = {code: dict(DATA.strings[code]) for code in ("nb", "en")}
    strings["en"]["zim_title"] = "Fristed: help against human trafficking"
    problems = title_problems(PROJECT, DATA.languages[:2], strings)
    line = (PROJECT / "data/strings/en.yml").read_text(encoding="utf-8").splitlines().index(
        'zim_title: "Fristed: human trafficking"'
    ) + 1
    assert [str(problem) for problem in problems] == [
        f"data/strings/en.yml:{line}:1: error: zim_title: 'Fristed: help against human trafficking' has 39 letters, "
        "expected at most 30 (openZIM's limit for a title in Kiwix's library): shorten it"
    ]


PAGES = {"en/index.html", "en/help.html"}


@pytest.mark.parametrize(
    ("html", "expected", "reason"),
    [
        ('<link rel="alternate" href="../ro/help.html" hreflang="ro"><p>x</p>', "<p>x</p>", "other language"),
        ("<link href=../ro/help.html hreflang=ro rel=alternate><p>x</p>", "<p>x</p>", "minified markup"),
        ('<link rel="manifest" href="manifest.webmanifest">', "", "Kiwix installs no web app"),
        ('<p><a href="../ro/help.html" lang="ro">Română</a></p>', "<p>Română</p>", "page not in this ZIM: words stay"),
        ('<a href="help.html#x">Help</a>', '<a href="help.html#x">Help</a>', "page of this ZIM"),
        ('<a href="https://rosanorge.no/">ROSA</a>', '<a href="https://rosanorge.no/">ROSA</a>', "another site"),
        ('<div class="md-select"><div><a href="../ro/help.html">R</a></div></div><p>x</p>', "<p>x</p>", "switcher"),
        ("<div class=fristed-offline data-module=offline hidden><button>Save</button></div>", "", "saves via sw.js"),
    ],
)
def test_pages_lose_what_a_zim_cannot_serve(html, expected, reason):
    assert for_kiwix(html, "en/index.html", PAGES)[0] == expected, reason


def test_a_file_the_site_lacks_is_named_with_the_page_that_loads_it(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text('<link rel="stylesheet" href="../assets/gone.css"><h1>Hi</h1>')
    content = language_content(tmp_path, Language("en", "English"), ["index.md"])
    assert content.broken == [("en/index.html", "href: expected a file of the site, found 'assets/gone.css'")]


def test_settings_name_a_missing_language_and_suggest_its_code(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "zim.yml").write_text(
        "creator: Fristed\npublisher: Fristed\nlanguages:\n  nb: nob\n  xx: xxx\n", encoding="utf-8"
    )
    languages = [Language("nb", "Norsk", default=True), Language("ti", "ትግርኛ")]
    with pytest.raises(DataError) as raised:
        load_settings(tmp_path, languages)
    assert [problem.message for problem in raised.value.problems] == [
        "languages: missing 'ti' (ትግርኛ): add its ISO 639-3 code (CLDR knows it as tir), as `ti: xxx`",
        "languages.xx: expected a language of languages.yml, found 'xx': remove it",
    ]


def test_command_refuses_a_folder_with_no_built_site(tmp_path, capsys):
    assert main(["zim", "--site", str(tmp_path), "--out", str(tmp_path / "zim")]) == 1
    assert capsys.readouterr().err == f"{tmp_path}: no built site here; build it first with `make site`\n"
