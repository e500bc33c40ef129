"""Fill the translators' status page with the translation state of every page in every language.

The page (docs/nb/translation-status.md, docs/en/…) holds a marker line, `::: translation-status …`,
which fristed.translations.report replaces with the table `make status` prints.
"""

from _build import project_of

from fristed.translations.report import MARKER, fill_status_page
from fristed.translations.status import page_states


def on_page_markdown(markdown, page, config, files):
    """Replace the marker with the table; every other page is left as it is."""
    if not MARKER.search(markdown):
        return markdown
    project = project_of(config)
    return fill_status_page(markdown, project, page_states(project))
