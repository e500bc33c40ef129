"""Make every file the reader downloads small: minified pages, one purged stylesheet, minified
scripts; and leave out the theme files no page loads."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.assets.minify import minify_files, minify_page
from fristed.assets.prune import prune_unused_assets
from fristed.assets.stylesheet import build_stylesheet

THEME_STYLESHEET = "assets/stylesheets/main.*.min.css"
OWN_STYLESHEET = "assets/stylesheets/fristed.css"
# The one stylesheet every page links (overrides/main.html).
SITE_STYLESHEET = "assets/stylesheets/site.css"
# Loaded by the service worker, not by a page.
WORKER_FILES = ["sw.js"]


# After every other hook has changed the page.
@event_priority(-90)
def on_post_page(output, page, config):
    """Minify each page."""
    return minify_page(output)


# After static-i18n (-100) has built every language, before the offline files (-150) hash them.
@event_priority(-110)
def on_post_build(config):
    """Merge the stylesheets into one, minify the scripts, remove what nothing loads."""
    if not site_finished(config):
        return
    site_dir = Path(config.site_dir)
    build_stylesheet(site_dir, THEME_STYLESHEET, OWN_STYLESHEET, SITE_STYLESHEET)
    minify_files(site_dir, ("assets/**/*.js", *WORKER_FILES))
    prune_unused_assets(site_dir, WORKER_FILES)
