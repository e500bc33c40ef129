"""The end of the build, in order: what turns the pages MkDocs wrote into the site a reader gets.

Runs once, on the finished site folder, after every language is built (hooks/finish_site.py).
Each step reads what the steps before it wrote, so the order matters:

step | what                                                         | why here
1    | one purged stylesheet, minified scripts, unused theme files  | the pages are final; later steps
     | removed (fristed/assets/)                                    | hash and list what is served
1b   | each page's first-screen CSS in its head, allowed by hash in | reads the stylesheet of 1; before
     | its policy (fristed/assets/critical.py)                      | 1c renames it
1c   | stylesheet, scripts and icon named after their content, and  | 4 precaches them by these names
     | the pages' links to them (fristed/assets/fingerprint.py)     |
2    | each language's search index (fristed/search.py)             | saved offline by step 4
3    | each language's not-found page (fristed/offline/pages.py)    | compressed and listed by 5 and 6
4    | the offline site: app manifests, icons, offline and exit     | hashes every file it precaches,
     | pages, the worker's precache list (fristed/offline/)         | so after 1 to 3
5    | `_headers`, each file's headers for static hosts             | gives a rule to every file
     | (fristed/mirror/headers.py)                                  | written before
6    | `.gz` and `.br` copies of every text file                    | of every file written before;
     | (fristed/assets/compress.py)                                 | it reads each file once, for 7 too
7    | `site-manifest.json`, the SHA-256 of every file              | last: it lists every other file
     | (fristed/mirror/manifest.py)                                 |
"""

from __future__ import annotations

from pathlib import Path

from fristed.assets.compress import precompress
from fristed.assets.critical import inline_critical_css
from fristed.assets.fingerprint import fingerprint_assets
from fristed.assets.minify import minify_files
from fristed.assets.prune import prune_unused_assets
from fristed.assets.stylesheet import build_stylesheet
from fristed.build_info import BuildInfo
from fristed.mirror.headers import write_headers_file
from fristed.mirror.manifest import write_site_manifest
from fristed.offline import build_offline_site
from fristed.offline.pages import write_not_found_pages
from fristed.project import Project
from fristed.search import write_search_indexes
from fristed.settings import Settings

THEME_STYLESHEET = "assets/stylesheets/main.*.min.css"
OWN_STYLESHEET = "assets/stylesheets/fristed.css"
# The one stylesheet every page links (overrides/main.html).
SITE_STYLESHEET = "assets/stylesheets/site.css"
# Loaded by the service worker, not by a page.
WORKER_FILES = ["sw.js"]
SCRIPTS = "assets/javascripts/**/*.js"


def finish_site(site_dir: Path, project: Project, settings: Settings, build: BuildInfo) -> None:
    """Run the steps of the table above on a built site folder, in order."""
    build_stylesheet(site_dir, THEME_STYLESHEET, OWN_STYLESHEET, SITE_STYLESHEET, SCRIPTS, settings.small_css)
    if settings.small_css:
        inline_critical_css(site_dir, SITE_STYLESHEET)
    minify_files(site_dir, ("assets/**/*.js", *WORKER_FILES))
    prune_unused_assets(site_dir, WORKER_FILES)
    renamed = fingerprint_assets(site_dir, (SITE_STYLESHEET, SCRIPTS, settings.installed_app.icon))
    write_search_indexes(site_dir, project.languages)
    write_not_found_pages(site_dir, project, settings.quick_exit_url)
    build_offline_site(
        site_dir,
        project,
        icon_svg=renamed.get(settings.installed_app.icon, settings.installed_app.icon),
        neutral_app=settings.installed_app.name == "neutral",
    )
    write_headers_file(site_dir)
    # One pass over every file for the last two steps: each is read once, compressed and hashed.
    files = precompress(site_dir)
    write_site_manifest(site_dir, build.version, build.commit, build.date_text, files)
