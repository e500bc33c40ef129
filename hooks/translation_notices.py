"""Tell readers when a page is a machine translation not yet reviewed, or is shown in Norwegian."""

from pathlib import Path

from fristed.pages import notice
from fristed.site import load_site


def on_page_context(context, page, config, nav):
    """Give the template `translation_notice` (a string key or None) and `content_language`."""
    site = load_site(Path(config.config_file_path).parent)
    written_in, _ = site.page_of(page.file.src_uri)
    context["translation_notice"] = notice(
        site.language(config.theme["language"]), written_in, site.front_matter[page.file.src_uri]
    )
    context["content_language"] = site.language(written_in)
    return context
