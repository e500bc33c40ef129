"""What search engines read of each page: a description in its language (front matter
`description:`, else its first paragraph). The canonical and `hreflang` links are in
overrides/main.html and hooks/language_switcher.py."""

from markupsafe import escape

from fristed.html import first_paragraph


def on_page_content(html, page, config, files):
    """Give each page a description: the translator's, or its first paragraph."""
    description = page.meta.get("description") or first_paragraph(html)
    if description:
        # Escaped here, as the theme writes it into an attribute as it is.
        page.meta["description"] = escape(" ".join(str(description).split()))
    return html
