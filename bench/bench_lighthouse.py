"""Lighthouse's four scores on a phone for the home page in Norwegian, Arabic and Tigrinya.

Builds the site in those languages with a `site_url` (the address it is served at, as the main
site is), serves it with nginx from mirror/nginx.conf under a sub-path, and runs Lighthouse
12.2.3 from node-tools/ (installed by `make test-tools`) with Debian's Chromium, mobile with its
simulated slow network. tests/test_lighthouse.py fails on any failing accessibility,
best-practices or SEO audit; performance depends on timing and is printed here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
from lighthouse import LANGUAGES, audit, served_at_its_address  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main() -> int:
    # A failed build raises, with the build's own errors.
    with tempfile.TemporaryDirectory() as temporary, served_at_its_address(Path(temporary)) as (served, _):
        pages = {code: served + ("" if code == "nb" else f"{code}/") for code in LANGUAGES}
        results = audit(list(pages.values()), CATEGORIES)
    print(f"{'home page':<10}" + "".join(f"{category:>16}" for category in CATEGORIES))
    for code, page in pages.items():
        print(f"{code:<10}" + "".join(f"{results[page][category]['score']:>16}" for category in CATEGORIES))
        for category in CATEGORIES[1:]:  # performance's metrics are its score
            for failing in results[page][category]["failing"]:
                print(f"{'':<10}{category}: {failing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
