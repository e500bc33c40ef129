"""Put each page's language and direction on `<html>`, and keep phone numbers left-to-right."""

from pathlib import Path

from fristed.html import isolate_contact_links, set_document_language
from fristed.site import load_site


def _language(config):
    return load_site(Path(config.config_file_path).parent).language(config.theme["language"])


def on_page_content(html, page, config, files):
    """Isolate `tel:` and `mailto:` links so right-to-left text cannot reorder their digits."""
    return isolate_contact_links(html)


def on_post_page(output, page, config):
    """Material puts `dir` on `<body>` only; the document element must carry it."""
    language = _language(config)
    return set_document_language(output, language.code, language.direction)
