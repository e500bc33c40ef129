"""Put each page's language and direction on `<html>`, and keep phone numbers left-to-right."""

from _build import project_of

from fristed.html import isolate_contact_links, set_document_language


def on_page_content(html, page, config, files):
    """Isolate `tel:` and `mailto:` links so right-to-left text cannot reorder their digits."""
    return isolate_contact_links(html)


def on_post_page(output, page, config):
    """Material puts `dir` on `<body>` only; the document element must carry it."""
    language = project_of(config).language(config.theme["language"])
    return set_document_language(output, language.code, language.direction)
