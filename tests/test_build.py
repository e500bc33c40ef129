"""The built site: every page in every language, with the right language, title, switcher and links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FEW_LANGUAGES, PROJECT, build
from fristed.pages import page_url
from fristed.project import load_project
from fristed.settings import read_settings

DATA = load_project(PROJECT)
LANGUAGES = {language.code: language for language in DATA.languages}
PAGES = sorted(DATA.pages)
EVERY_PAGE = [(code, page) for code in LANGUAGES for page in PAGES]


def soup(site: Path, code: str, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page_url(LANGUAGES[code], page)).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(("code", "page"), EVERY_PAGE)
def test_every_page_declares_its_language_and_direction_on_the_document(site, code, page):
    html = soup(site, code, page).html
    assert html["lang"] == code
    assert html["dir"] == LANGUAGES[code].direction


@pytest.mark.parametrize(("code", "page"), EVERY_PAGE)
def test_every_title_names_the_page_then_the_site_in_its_language(site, code, page):
    document = soup(site, code, page)
    heading = document.select_one("article h1").get_text(strip=True)
    assert document.title.string == f"{heading} - {DATA.strings[code]['site_name']}"


@pytest.mark.parametrize(("code", "page"), EVERY_PAGE)
def test_switcher_names_each_language_in_itself_with_relative_links(site, code, page):
    links = soup(site, code, page).select("a.md-select__link")
    named = [(link["lang"], link.get_text(strip=True)) for link in links]
    assert named == [(language.code, language.name) for language in DATA.languages]
    assert [link["lang"] for link in links if link.get("aria-current") == "page"] == [code]
    for link in links:
        target = (site / page_url(LANGUAGES[code], page)).parent / link["href"]
        assert not link["href"].startswith("/"), link["href"]
        assert target.resolve() == (site / page_url(LANGUAGES[link["lang"]], page)).resolve()


def test_home_pages_switch_language_without_leaving_a_sub_path(site):
    hrefs = {link["lang"]: link["href"] for link in soup(site, "en", "index.md").select("a.md-select__link")}
    assert {code: hrefs[code] for code in ("nb", "en", "ar")} == {
        "nb": "../index.html",
        "en": "index.html",
        "ar": "../ar/index.html",
    }


@pytest.mark.parametrize("path", sorted(p.name for p in (PROJECT / "docs" / "nb").glob("*.md")))
def test_every_page_exists_in_every_language(site, path):
    for language in DATA.languages:
        assert (site / page_url(language, path)).is_file()


def _references(site: Path):
    """Every URL an HTML file of the site refers to, with the file and the tag."""
    for path in sorted(site.rglob("*.html")):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in document.find_all(True):
            for attribute in ("href", "src", "srcset", "action", "poster", "data"):
                if tag.get(attribute):
                    yield path.relative_to(site), tag, tag[attribute]


def test_no_link_or_resource_is_root_absolute(site):
    assert [(str(path), url) for path, _, url in _references(site) if url.startswith("/")] == []


def test_nothing_is_loaded_from_another_host(site):
    remote = re.compile(r"^(https?:)?//", re.IGNORECASE)
    loaded = [
        (str(path), tag.name, url) for path, tag, url in _references(site) if remote.match(url) and tag.name != "a"
    ]
    assert loaded == []
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"(url\(\s*['\"]?|@import\s+['\"]?)(https?:)?//", text), stylesheet


def test_links_to_other_sites_go_only_to_registered_domains(site):
    domains = set(DATA.facts.domains.values())
    hosts = {
        re.match(r"https?://([^/]+)", url).group(1)
        for _, tag, url in _references(site)
        if tag.name == "a" and url.startswith("http") and tag.get("data-action") != "quick-exit"
    }
    assert all(any(host == domain or host.endswith("." + domain) for domain in domains) for host in hosts), hosts


def test_pages_run_only_the_sites_own_module_script_and_load_no_web_font(site):
    for path in site.rglob("*.html"):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = [(script.get("type"), script.get("src", "").rsplit("/", 1)[-1]) for script in document("script")]
        assert scripts == [] or (len(scripts) == 1 and re.fullmatch(r"fristed\.[0-9a-f]{12}\.js", scripts[0][1])), path
        assert scripts == [] or scripts[0][0] == "module", path
        assert not document.select('link[href*="fonts.g"]'), path


@pytest.mark.parametrize(("code", "page"), EVERY_PAGE)
def test_phone_numbers_are_tel_links_in_international_form_kept_left_to_right(site, code, page):
    registered = {phone.tel: phone for phone in DATA.facts.phones.values()}
    links = soup(site, code, page).select('a[href^="tel:"]')
    assert links, "every page shows at least the helpline"
    for link in links:
        assert link["href"] in registered, link["href"]
        assert link.get("dir") == "ltr"
        assert link.get_text(strip=True) == registered[link["href"]].display


def test_helpline_is_at_the_top_of_every_page(site):
    helpline = DATA.facts.phone("helpline")
    for code, page in EVERY_PAGE:
        bar = soup(site, code, page).select_one("header .fristed-helpline a")
        assert bar["href"] == helpline.tel
        assert bar.get_text(strip=True) == helpline.display


def test_e_mail_addresses_are_mailto_links(site):
    for code, page in EVERY_PAGE:
        for link in soup(site, code, page).select('a[href^="mailto:"]'):
            assert link["href"] == "mailto:" + link.get_text(strip=True)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_machine_translations_tell_the_reader_in_their_language(site, code):
    """A translation no human has checked says so; a reviewed one does not."""
    for page in PAGES:
        notices = [notice.get_text(strip=True) for notice in soup(site, code, page).select(".fristed-notice")]
        unreviewed = not DATA.front_matter[f"{code}/{page}"].get("reviewed", False)
        assert (DATA.strings[code]["unreviewed_notice"] in notices) == unreviewed, page


def test_norwegian_pages_carry_no_translation_notice(site):
    assert all(soup(site, "nb", page).select_one(".fristed-notice") is None for page in PAGES)


def test_arabic_heading_anchors_keep_their_letters(site):
    arabic = re.compile("[\u0621-\u064a]+")  # the letters, not the marks
    for page in PAGES:
        for heading in soup(site, "ar", page).select("article h2[id]"):
            # The anchor is the heading's words, in their own letters: not `_1`.
            letters = "".join(arabic.findall(heading.get_text()))
            assert "".join(arabic.findall(heading["id"])) == letters, heading["id"]


@pytest.mark.parametrize("code", ["nb", "en", "ar"])
def test_not_found_page_speaks_each_language_and_works_at_any_address(site, code):
    folder = LANGUAGES[code].folder
    document = BeautifulSoup((site / folder / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert document.html["lang"] == code
    assert document.h1.get_text(strip=True) == DATA.strings[code]["not_found"]
    # Served at whatever address failed: it loads nothing, and its links need no base.
    assert document.select("link[href], script, img") == []
    phones = {DATA.facts.phone("helpline").tel, DATA.facts.phone("emergency").tel}
    assert {link["href"] for link in document.select("a")} == phones | {read_settings(PROJECT).quick_exit_url}


def test_no_sitemap_is_built(site):
    assert not list(site.glob("sitemap.xml*"))


@pytest.mark.slow
def test_a_missing_translation_falls_back_to_norwegian_with_a_notice(small_project_copy, tmp_path):
    (small_project_copy / "docs" / "en" / "help.md").unlink()
    result = build(small_project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    fallback = soup(tmp_path / "site", "en", "help.md")
    assert fallback.html["lang"] == "en"
    assert fallback.select_one(".fristed-notice").get_text(strip=True) == DATA.strings["en"]["fallback_notice"]
    assert fallback.select_one("article [lang=nb] h1").get_text(strip=True) == "Hvilken hjelp kan du få?"
    # No page offers English for a page that has no English text; other pages still do.
    everyone = list(FEW_LANGUAGES)
    for code in ("nb", "en", "ar"):
        offered = [link["lang"] for link in soup(tmp_path / "site", code, "help.md").select("a.md-select__link")]
        assert offered == [other for other in everyone if other != "en"], code
    offered = [link["lang"] for link in soup(tmp_path / "site", "en", "index.md").select("a.md-select__link")]
    assert offered == everyone


@pytest.mark.slow
def test_build_refuses_broken_data_naming_file_line_and_every_problem(project_copy, tmp_path):
    languages = project_copy / "data" / "languages.yml"
    text = languages.read_text(encoding="utf-8")
    languages.write_text(text.replace("code: ar", "code: xx").replace("name: English", "nmae: English"))
    lines = text.splitlines()
    english, arabic = list(LANGUAGES).index("en"), list(LANGUAGES).index("ar")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert result.stderr.splitlines()[-3:] == [
        f"data/languages.yml:{lines.index('- code: en') + 1}:1: error: [{english}]: missing required field 'name'",
        f"data/languages.yml:{lines.index('  name: English') + 1}:1: error: [{english}]: unknown field 'nmae' "
        "(did you mean 'name'?); expected one of: code, default, name",
        f"data/languages.yml:{lines.index('- code: ar') + 1}:1: error: [{arabic}].code: expected a language known "
        "to Unicode CLDR, found 'xx'",
    ]
