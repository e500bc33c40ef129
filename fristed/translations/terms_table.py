"""The required terms as translators read them: a table per language, on the status page and in CONTRIBUTING.

The status page (docs/nb/translation-status.md, docs/en/…) holds a marker line,
`::: required-terms Språk`, which the build replaces with `terms_markdown`: a row per language, a
column per term, headed by its Norwegian wording, and the words after the marker heading the
column of languages. CONTRIBUTING.md holds the same table, headed `Language`; a test keeps it in
step with data/terms.yml.
"""

from __future__ import annotations

import html
import re

from fristed.languages import Language
from fristed.terms import Term

MARKER = re.compile(r"^::: required-terms[ \t]+(\S.*?)[ \t]*$", re.MULTILINE)


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: escaped, with no `|` to end the cell."""
    return html.escape(text, quote=False).replace("|", "&#124;")


def terms_markdown(terms: list[Term], languages: list[Language], heading: str) -> str:
    """Return the approved wordings as a Markdown table: a row per translation, a column per term."""
    source = next(language for language in languages if language.default)
    lines = [
        "| " + " | ".join([_cell(heading), *(_cell(term.wording[source.code][0]) for term in terms)]) + " |",
        "|" + " --- |" * (len(terms) + 1),
    ]
    for language in languages:
        if language.default:
            continue
        cells = [" / ".join(term.wording.get(language.code, ())) for term in terms]
        lines.append("| " + " | ".join(_cell(cell) for cell in [f"{language.name} ({language.code})", *cells]) + " |")
    return "\n".join(lines) + "\n"


def fill_terms(markdown: str, terms: list[Term], languages: list[Language]) -> str:
    """Replace the marker of the status page with the table; other pages are returned as they are."""
    return MARKER.sub(lambda marker: terms_markdown(terms, languages, marker.group(1)), markdown)
