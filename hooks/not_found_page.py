"""Write a 404 page per language that works at any address on any mirror: it loads nothing and
links nowhere relative, and gives the emergency numbers and the quick exit.

MkDocs' own links every resource from the server's root, which breaks under a sub-path, and
every language build writes it over the last.
"""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.offline.pages import write_not_found_pages
from fristed.safety import quick_exit_url
from fristed.site import load_site


# Before the files are pre-compressed (-160) and listed in the site's manifest (-170).
@event_priority(-140)
def on_post_build(config):
    """Write `404.html` at the root (default language) and in each language's folder."""
    if not site_finished(config):
        return
    site = load_site(Path(config.config_file_path).parent)
    write_not_found_pages(Path(config.site_dir), site, quick_exit_url(config.extra))
