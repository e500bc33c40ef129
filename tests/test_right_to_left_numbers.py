"""Phone numbers read left to right on right-to-left pages, wherever a reader meets them.

Plain "22 33 11 60" in a `dir=rtl` paragraph displays as "60 11 33 22": each digit group is
left to right, but the groups follow the paragraph's direction. These tests measure, in headless
Chromium, where each digit group of a number is drawn, in the page text, in a search result's
snippet and on the offline page of the Arabic site: the groups must stand left to right.
"""

from __future__ import annotations

import re

import pytest

from conftest import build, copy_project, serve
from fristed.html import isolate_digit_groups

ROSA, IOM = "22 33 11 60", "23 10 53 20"
LINKED_ROSA = "[22 33 11 60](tel:+4722331160)"

# The left edge of each digit group of the first occurrence of a number under an element.
GROUP_LEFTS = """([selector, number]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  const text = nodes.map((node) => node.data).join("");
  // Any space between the groups, and the isolates a search snippet writes around the number.
  const pattern = new RegExp(number.split(" ").join("[\\u2066-\\u2069]*\\\\s[\\u2066-\\u2069]*"));
  const found = pattern.exec(text);
  if (!found) return null;
  const at = (offset) => {
    for (const node of nodes) {
      if (offset < node.data.length) return [node, offset];
      offset -= node.data.length;
    }
  };
  return [...found[0].matchAll(/\\d+/g)].map((group) => {
    const range = document.createRange();
    range.setStart(...at(found.index + group.index));
    const [last, offset] = at(found.index + group.index + group[0].length - 1);
    range.setEnd(last, offset + 1);
    return Math.round(range.getBoundingClientRect().left);
  });
}"""


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    """The site in Norwegian, English and Arabic, with ROSA's number on the home page written as
    text, not as a link, in all three, and in the Arabic offline page's text: the cases the `tel:`
    link's `dir` does not cover."""
    project = copy_project(tmp_path_factory.mktemp("rtl") / "project", ("nb", "en", "ar"))
    for code in ("nb", "en", "ar"):
        page = project / "docs" / code / "index.md"
        text = page.read_text(encoding="utf-8")
        assert LINKED_ROSA in text
        page.write_text(text.replace(LINKED_ROSA, ROSA, 1), encoding="utf-8")
    # And in an interface string, where the offline page shows it as text.
    strings = project / "data" / "strings" / "ar.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(re.sub(r"^offline_text: .*$", f'offline_text: "اتصل بـ ROSA على {ROSA}:"', text, flags=re.M))
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as mirror:
        yield mirror


def lefts(page, selector: str, number: str) -> list[int]:
    found = page.evaluate(GROUP_LEFTS, [selector, number])
    assert found, f"{number} not under {selector}"
    return found


@pytest.mark.browser
def test_a_number_written_as_text_reads_left_to_right_in_arabic(phone, arabic_site):
    page = phone.new_page()
    page.goto(arabic_site + "ar/index.html")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    text = lefts(page, "article", ROSA)
    assert text == sorted(text) and len(set(text)) == 4, f"digit groups drawn at x = {text}"
    helpline = lefts(page, "header .fristed-helpline", ROSA)
    assert helpline == sorted(helpline) and len(set(helpline)) == 4


@pytest.mark.browser
def test_a_tel_link_reads_left_to_right_in_arabic(phone, arabic_site):
    page = phone.new_page()
    page.goto(arabic_site + "ar/help.html")
    linked = lefts(page, "article", IOM)
    assert linked == sorted(linked) and len(set(linked)) == 4, f"digit groups drawn at x = {linked}"


@pytest.mark.browser
def test_a_search_snippet_reads_left_to_right_in_arabic(phone, arabic_site):
    page = phone.new_page()
    page.goto(arabic_site + "ar/index.html")
    page.locator("[data-action=open-search]").click()
    page.locator(".fristed-search__panel input").fill("ROSA")
    snippet = page.locator(".fristed-search__panel li p").filter(has_text=re.compile("22.33.11.60")).first
    snippet.wait_for()
    snippet.evaluate("element => element.setAttribute('data-measured', '')")
    found = lefts(page, ".fristed-search__panel [data-measured]", ROSA)
    assert found == sorted(found) and len(set(found)) == 4, f"digit groups drawn at x = {found}"


@pytest.mark.browser
def test_the_offline_page_reads_left_to_right_in_arabic(phone, arabic_site):
    page = phone.new_page()
    page.goto(arabic_site + "ar/offline.html")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    for where in ("main p", "main a[href^='tel:']"):
        found = lefts(page, where, ROSA)
        assert found == sorted(found) and len(set(found)) == 4, f"{where}: digit groups drawn at x = {found}"


# (HTML of a right-to-left page's text, as the build leaves it; why)
ISOLATION = [
    ("<p>اتصل <bdi>22 33 11 60</bdi></p>", "<p>اتصل 22 33 11 60</p>", "a number as text"),
    ("<p><bdi>22&nbsp;33 11 60</bdi></p>", "<p>22&nbsp;33 11 60</p>", "an entity inside is one number"),
    ("<p><bdi>٢٢ ٣٣ ١١ ٦٠</bdi></p>", "<p>٢٢ ٣٣ ١١ ٦٠</p>", "Arabic-Indic digits"),  # noqa: RUF001
    ('<a dir="ltr" href="tel:112">22 33</a>', '<a dir="ltr" href="tel:112">22 33</a>', "a link isolates already"),
    ("<p><bdi>22 33 11 60</bdi></p>", "<p><bdi>22 33 11 60</bdi></p>", "a <bdi> the page wrote is kept"),
    ("<p>6 سنوات، 112</p>", "<p>6 سنوات، 112</p>", "one digit group cannot reorder"),
]


@pytest.mark.parametrize(("expected", "html", "reason"), ISOLATION, ids=[row[2] for row in ISOLATION])
def test_numbers_in_right_to_left_text_are_isolated_once(expected, html, reason):
    assert isolate_digit_groups(html) == expected
