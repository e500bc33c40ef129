"""Which language a page is offered in, which notice it carries, and how its HTML is marked."""

from __future__ import annotations

import pytest

from fristed.html import isolate_contact_links, set_document_language
from fristed.languages import Language
from fristed.pages import alternates, notices, page_url

NB = Language("nb", "Norsk", default=True)
EN = Language("en", "English")
AR = Language("ar", "العربية")
LANGUAGES = [NB, EN, AR]


@pytest.mark.parametrize(
    ("language", "page", "url"),
    [
        (NB, "index.md", "index.html"),
        (NB, "help.md", "help.html"),
        (EN, "help.md", "en/help.html"),
        (AR, "index.md", "ar/index.html"),
    ],
)
def test_page_urls_are_files_under_the_language_folder(language, page, url):
    assert page_url(language, page) == url


def test_switcher_offers_only_the_languages_a_page_is_written_in():
    entries = alternates("help.md", EN, LANGUAGES, ["nb", "ar"])
    assert entries == [
        {"name": "Norsk", "link": "help.html", "href": "help.html", "lang": "nb", "current": False},
        {"name": "العربية", "link": "ar/help.html", "href": "ar/help.html", "lang": "ar", "current": False},
    ]


def test_hreflang_links_are_absolute_where_the_site_has_an_address():
    entries = alternates("help.md", EN, LANGUAGES, ["nb", "ar"], site_url="https://fristed.example/guide/")
    assert [(entry["link"], entry["href"]) for entry in entries] == [
        ("https://fristed.example/guide/help.html", "help.html"),
        ("https://fristed.example/guide/ar/help.html", "ar/help.html"),
    ]


@pytest.mark.parametrize(
    ("current", "written_in", "front_matter", "outdated", "expected", "reason"),
    [
        (NB, "nb", {}, False, [], "the source language needs no notice"),
        (EN, "en", {"reviewed": False}, False, ["unreviewed_notice"], "a machine translation says so"),
        (EN, "en", {}, False, ["unreviewed_notice"], "a translation is unreviewed until a reviewer says otherwise"),
        (EN, "en", {"reviewed": True}, False, [], "a reviewed translation needs no notice"),
        (AR, "nb", {"reviewed": True}, False, ["fallback_notice"], "a Norwegian page shown to an Arabic reader"),
        (EN, "en", {"reviewed": True}, True, ["outdated_notice"], "reviewed once, but the Norwegian page changed"),
        (
            EN,
            "en",
            {"reviewed": False},
            True,
            ["unreviewed_notice", "outdated_notice"],
            "both are true: what was checked, then what changed, right before the link to the Norwegian page",
        ),
        (AR, "ar", {"translated": False}, True, ["fallback_notice"], "a copy not yet translated is Norwegian text"),
        (AR, "nb", {}, True, ["fallback_notice"], "a fallback is the Norwegian page itself, never outdated"),
    ],
)
def test_notices_fit_the_page(current, written_in, front_matter, outdated, expected, reason):
    assert notices(current, written_in, front_matter, outdated=outdated) == expected, reason


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('<html lang="ar" class="no-js">', '<html lang="ar" dir="rtl" class="no-js">'),
        ('<html class="no-js" lang="en" dir="ltr">', '<html lang="ar" dir="rtl" class="no-js">'),
        ("<html>", '<html lang="ar" dir="rtl">'),
    ],
)
def test_document_language_goes_on_the_html_element(before, after):
    assert set_document_language(f"<!doctype html>\n{before}<body dir='rtl'>", "ar", "rtl").split("\n")[1] == (
        f"{after}<body dir='rtl'>"
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('<a href="tel:+4722331160">', '<a dir="ltr" href="tel:+4722331160">'),
        ('<a href="mailto:iomoslovm@iom.int">', '<a dir="ltr" href="mailto:iomoslovm@iom.int">'),
        ('<a class="x" href="tel:112">', '<a dir="ltr" class="x" href="tel:112">'),
        ('<a dir="ltr" href="tel:112">', '<a dir="ltr" href="tel:112">'),
        ('<a href="help.html">', '<a href="help.html">'),
    ],
)
def test_phone_and_mail_links_are_isolated_left_to_right(before, after):
    assert isolate_contact_links(before) == after
