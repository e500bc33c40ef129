"""What search engines read: a description per page in its language, canonical and hreflang links."""

from __future__ import annotations

import re

import pytest

from conftest import PROJECT
from fristed.html import first_paragraph
from fristed.pages import page_url, read_front_matter
from fristed.project import load_project

SITE = load_project(PROJECT)


@pytest.mark.parametrize(
    ("html", "expected", "reason"),
    [
        ("<h1>T</h1><p>Short &amp; <strong>plain</strong>.</p><p>Next.</p>", "Short & plain.", "the first paragraph"),
        ("<h1>T</h1><ul><li>x</li></ul>", "", "no paragraph: no description"),
        ("<p>" + "word " * 40 + "</p>", ("word " * 31).strip() + "…", "cut at a word, at most 160 characters"),
        ('<p class="a">Line\n  broken</p>', "Line broken", "white space as one space"),
    ],
)
def test_a_page_is_described_by_its_first_paragraph(html, expected, reason):
    assert first_paragraph(html) == expected, reason
    assert len(first_paragraph(html)) <= 160


def _head(site, url: str) -> str:
    return (site / url).read_text(encoding="utf-8").split("</head>", 1)[0]


def test_every_page_in_every_language_has_a_description_canonical_and_relative_hreflang(site):
    for name, codes in SITE.pages.items():
        for language in SITE.languages:
            if language.code not in codes:
                continue
            url = page_url(language, name)
            head = _head(site, url)
            description = re.search(r'<meta content="?([^">]+)"? name=description>', head)
            assert description and len(description.group(1)) > 20, url
            front_matter = read_front_matter(PROJECT / "docs" / language.code / name)
            if front_matter.get("description"):
                assert description.group(1) == front_matter["description"], url
            # No site_url in mkdocs.yml: a mirror's pages name themselves and each other relatively.
            assert re.search(rf"<link href={re.escape(url.rsplit('/', 1)[-1])} rel=canonical>", head), url
            assert re.search(r"<link href=[^ >]+ hreflang=", head) and not re.search(r"<link href=\"?https?:", head), (
                url
            )
