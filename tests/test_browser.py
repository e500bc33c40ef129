"""The home pages in real headless Chromium, at the size of a cheap phone, served under a sub-path."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS, PROJECT
from fristed.project import load_project

pytestmark = pytest.mark.browser

HOMES = {"nb": "index.html", "ar": "ar/index.html"}
HELPLINE = load_project(PROJECT).facts.phone("helpline")


def visit(phone, url):
    """Open a page and record what it requested and every error it logged."""
    page = phone.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page, requests, errors


@pytest.mark.parametrize("code", HOMES)
def test_home_page_loads_with_no_error_and_no_request_elsewhere(phone, mirror, code):
    page, requests, errors = visit(phone, mirror + HOMES[code])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{code}-360x740.png"))
    assert errors == []
    assert requests, "the page was loaded"
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}


@pytest.mark.parametrize("code", HOMES)
def test_helpline_is_a_tel_link_on_the_first_screen(phone, mirror, code):
    page, _, _ = visit(phone, mirror + HOMES[code])
    helpline = page.locator("header a[href^='tel:']")
    assert helpline.get_attribute("href") == HELPLINE.tel
    box = helpline.bounding_box()
    assert box["y"] + box["height"] <= 740
    assert box["height"] >= 44 and box["width"] >= 44


@pytest.mark.parametrize("code", HOMES)
def test_page_fits_the_screen_without_sideways_scrolling(phone, mirror, code):
    page, _, _ = visit(phone, mirror + HOMES[code])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def text_box(page, selector):
    """The box of the first line of an element's text, not of the element."""
    return page.evaluate(
        """selector => { const range = document.createRange();
        range.selectNodeContents(document.querySelector(selector));
        const first = range.getClientRects()[0]; return {left: first.left, right: first.right}; }""",
        selector,
    )


@pytest.mark.parametrize(("code", "aligned"), [("nb", "left"), ("ar", "right")])
def test_text_starts_on_the_side_its_script_reads_from(phone, mirror, code, aligned):
    page, _, _ = visit(phone, mirror + HOMES[code])
    expected = "rtl" if aligned == "right" else "ltr"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == expected
    heading = text_box(page, "article h1")
    gap_left, gap_right = heading["left"], 360 - heading["right"]
    # A short heading leaves a wide gap on the side its lines end.
    assert (gap_right < gap_left) == (aligned == "right"), heading


def test_arabic_phone_number_keeps_its_digit_order(phone, mirror):
    page, _, _ = visit(phone, mirror + "ar/contacts.html")
    link = page.locator(f"article a[href='{HELPLINE.tel}']")
    digits = page.evaluate(
        """element => { const range = document.createRange(); const text = element.firstChild;
        return [...text.data].map((character, index) => { range.setStart(text, index); range.setEnd(text, index + 1);
        return [character, range.getBoundingClientRect().left]; }).filter(([c]) => c.trim()); }""",
        link.element_handle(),
    )
    # Laid out left to right, in the order they are written: 22 33 11 60, not 60 11 33 22.
    by_position = "".join(character for character, _ in sorted(digits, key=lambda pair: pair[1]))
    assert by_position == HELPLINE.display.replace(" ", "")


def test_language_switcher_stays_under_the_mirror_path(phone, mirror):
    page, _, _ = visit(phone, mirror + HOMES["nb"])
    page.locator(".md-select button").click()
    page.locator("a.md-select__link[lang=ar]").click()
    page.wait_for_load_state()
    assert page.url == mirror + "ar/index.html"
    assert page.locator("html").get_attribute("lang") == "ar"
