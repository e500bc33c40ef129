"""Offer each page in the languages it is written in, by links relative to the page.

Stock static-i18n links home pages root-absolutely (`/en/`), which breaks on a mirror under a
sub-path and from disk, and offers languages where the page is only a Norwegian fallback (or a
Norwegian copy not yet translated, `translated: false`).
"""

from _build import project_of
from mkdocs.plugins import event_priority

from fristed.pages import alternates


# After static-i18n's own (priority 50), which resets `extra.alternate` for every page.
@event_priority(0)
def on_page_context(context, page, config, nav):
    """Set the switcher and the page's `<link rel="alternate">` entries for this page."""
    project = project_of(config)
    _, name = project.page_of(page.file.src_uri)
    current = project.language(config.theme["language"])
    # An attribute, not a key: static-i18n sets the attribute, which templates read first.
    config.extra.alternate = alternates(name, current, project.languages, project.available(name), config.site_url)
    return context
