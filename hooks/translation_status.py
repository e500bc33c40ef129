"""Fill the translators' status page with the translation state of every page in every language,
and with the approved wording of each legal term.

The page (docs/nb/translation-status.md, docs/en/…) holds marker lines, `::: translation-status …`,
which fristed.translations.report replaces with the table `make status` prints, and
`::: required-terms …`, which fristed.translations.terms_table replaces with data/terms.yml's table.
"""

from _build import project_of

from fristed.translations.report import MARKER, fill_status_page
from fristed.translations.status import page_states
from fristed.translations.terms_table import MARKER as TERMS_MARKER
from fristed.translations.terms_table import fill_terms


def on_page_markdown(markdown, page, config, files):
    """Replace the markers with the tables; every other page is left as it is."""
    if not (MARKER.search(markdown) or TERMS_MARKER.search(markdown)):
        return markdown
    project = project_of(config)
    return fill_terms(fill_status_page(markdown, project, page_states(project)), project.terms, project.languages)
