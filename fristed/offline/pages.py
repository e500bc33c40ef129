"""Pages that stand alone, served at whatever address failed, where no relative link resolves:
the offline page and the not-found page of each language, with the emergency numbers and the
quick exit, and the neutral page the quick exit opens offline."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import jinja2
import markupsafe

from fristed.project import Project
from fristed.strings import as_html

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("fristed.offline", "templates"),
    autoescape=True,
    keep_trailing_newline=True,
)
EXIT_PAGE = "exit.html"
# The offline page's empty base, which sw.js replaces, this exact text, with the address of the
# language's folder: tests/test_offline_files.py holds the two to it.
BASE_SLOT = markupsafe.Markup('<base href="">')


def _write_standalone_pages(site_dir: Path, project: Project, name: str, **page) -> dict[str, str]:
    """Write one standalone page per language as `<folder>/<name>`; return their URLs by language.

    `page` gives the template `heading` and `text` (string keys), `with_base` and `exit_href`.
    """
    style = (Path(__file__).parent / "templates" / "standalone.css").read_text(encoding="utf-8").strip()
    # The page's one stylesheet is inline, since no relative link to a file would resolve; its
    # hash is what the security policy allows.
    style_hash = "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    urls = {}
    for language in project.languages:
        # As the theme shows them: escaped, numbers isolated (the template escapes anything else).
        strings = {key: as_html(text) for key, text in project.strings[language.code].items()}
        html = TEMPLATES.get_template("standalone.html").render(
            language=language,
            strings=strings,
            style=style,
            style_hash=style_hash,
            heading=strings[page["heading"]],
            text=strings[page["text"]] if page.get("text") else "",
            with_base=page["with_base"],
            base_slot=BASE_SLOT,
            exit_href=page["exit_href"].format(to_root="../" if language.folder else ""),
            phones=[
                (strings["helpline_label"], project.facts.phone("helpline")),
                (strings["police_emergency"], project.facts.phone("emergency")),
            ],
        )
        url = f"{language.folder}/{name}" if language.folder else name
        (site_dir / url).write_text(html, encoding="utf-8")
        urls[language.code] = url
    return urls


def write_offline_pages(site_dir: Path, project: Project) -> dict[str, str]:
    """Write each language's offline page, which the worker serves when a page cannot load."""
    return _write_standalone_pages(
        site_dir,
        project,
        "offline.html",
        heading="offline_title",
        text="offline_text",
        with_base=True,
        exit_href="{to_root}" + EXIT_PAGE,
    )


def write_not_found_pages(site_dir: Path, project: Project, quick_exit_url: str) -> dict[str, str]:
    """Write each language's 404 page, which a server sends for an address the site lacks."""
    return _write_standalone_pages(
        site_dir, project, "404.html", heading="not_found", with_base=False, exit_href=quick_exit_url
    )


def write_exit_page(site_dir: Path) -> str:
    """Write the neutral, empty page the quick exit opens when the network is down."""
    (site_dir / EXIT_PAGE).write_text(TEMPLATES.get_template(EXIT_PAGE).render(), encoding="utf-8")
    return EXIT_PAGE
