"""Put each page's language and direction on `<html>`, and keep phone numbers left-to-right."""

from _build import project_of

from fristed.html import isolate_contact_links, isolate_digit_groups, set_document_language


def _language(config):
    return project_of(config).language(config.theme["language"])


def on_page_content(html, page, config, files):
    """Isolate `tel:` and `mailto:` links, and on a right-to-left page every number in the text, so
    right-to-left text cannot reorder their digit groups."""
    html = isolate_contact_links(html)
    return isolate_digit_groups(html) if _language(config).direction == "rtl" else html


def on_post_page(output, page, config):
    """Material puts `dir` on `<body>` only; the document element must carry it."""
    language = _language(config)
    return set_document_language(output, language.code, language.direction)
