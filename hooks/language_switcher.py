"""Offer each page in the languages it is written in, by links relative to the page.

Stock static-i18n links home pages root-absolutely (`/en/`), which breaks on a mirror under a
sub-path and from disk, and offers languages where the page is only a Norwegian fallback (or a
Norwegian copy not yet translated, `translated: false`).
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from fristed.pages import alternates
from fristed.site import load_site


# After static-i18n's own (priority 50), which resets `extra.alternate` for every page.
@event_priority(0)
def on_page_context(context, page, config, nav):
    """Set the switcher and the page's `<link rel="alternate">` entries for this page."""
    site = load_site(Path(config.config_file_path).parent)
    _, name = site.page_of(page.file.src_uri)
    current = site.language(config.theme["language"])
    # An attribute, not a key: static-i18n sets the attribute, which templates read first.
    config.extra.alternate = alternates(name, current, site.languages, site.available(name))
    return context
