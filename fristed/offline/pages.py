"""The pages the worker serves when the network fails: an offline page per language, and the
neutral page the quick exit goes to offline."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import jinja2

from fristed.site import Site

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("fristed.offline", "templates"),
    autoescape=True,
    keep_trailing_newline=True,
)
EXIT_PAGE = "exit.html"


def write_offline_pages(site_dir: Path, site: Site) -> dict[str, str]:
    """Write each language's offline page with the emergency numbers; return their URLs by language."""
    style = (Path(__file__).parent / "templates" / "offline.css").read_text(encoding="utf-8").strip()
    # The page's one stylesheet is inline, since it is served at addresses where no relative link
    # would resolve; its hash is what the security policy allows.
    style_hash = "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    phones = site.facts.phones
    urls = {}
    for language in site.languages:
        strings = site.strings[language.code]
        html = TEMPLATES.get_template("offline.html").render(
            language=language,
            strings=strings,
            style=style,
            style_hash=style_hash,
            to_root="../" if language.folder else "",
            phones=[
                (strings["helpline_label"], phones["rosa"]),
                (strings["police_emergency"], phones["police-emergency"]),
            ],
        )
        url = f"{language.folder}/offline.html" if language.folder else "offline.html"
        (site_dir / url).write_text(html, encoding="utf-8")
        urls[language.code] = url
    return urls


def write_exit_page(site_dir: Path) -> str:
    """Write the neutral, empty page the quick exit opens when the network is down."""
    (site_dir / EXIT_PAGE).write_text(TEMPLATES.get_template(EXIT_PAGE).render(), encoding="utf-8")
    return EXIT_PAGE
