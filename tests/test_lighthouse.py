"""Lighthouse finds nothing to fix in accessibility, best practices or SEO, on a phone, through
mirror/nginx.conf under a sub-path, in Norwegian, Arabic and Tigrinya.

The site is built with a `site_url` (the address it is served at), as the main site is: its
canonical and `hreflang` links are then absolute. Scores that depend on timing (performance)
are the benchmark's (`make bench`).
"""

from __future__ import annotations

import re

import pytest
from lighthouse import audit, served_at_its_address

pytestmark = pytest.mark.browser

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site in three languages, built for its address and served by nginx: (URL, folder)."""
    with served_at_its_address(tmp_path_factory.mktemp("lighthouse")) as served_site:
        yield served_site


def test_a_site_with_an_address_names_its_pages_absolutely(served):
    url, site_dir = served
    head = (site_dir / "ar" / "help.html").read_text(encoding="utf-8").split("</head>", 1)[0]
    assert f"<link href={url}ar/help.html rel=canonical>" in head
    assert f"<link href={url}help.html hreflang=nb rel=alternate>" in head
    assert not re.search(r"<link href=(?!https?:)[^ >]+ hreflang=", head)


def test_lighthouse_finds_nothing_to_fix_on_a_phone(served):
    url, _ = served
    results = audit([url, f"{url}ar/", f"{url}ti/contacts.html"], CATEGORIES)
    failing = {
        page: {c: r["failing"] for c, r in categories.items() if r["failing"]} for page, categories in results.items()
    }
    assert not any(failing.values()), failing
    assert all(r["score"] == 100 for categories in results.values() for r in categories.values()), results
