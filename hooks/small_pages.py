"""Minify every page as it is written; the site's other files are made small in fristed/finish.py."""

from mkdocs.plugins import event_priority

from fristed.assets.minify import minify_page


# After every other hook has changed the page.
@event_priority(-90)
def on_post_page(output, page, config):
    """Minify each page."""
    return minify_page(output)
