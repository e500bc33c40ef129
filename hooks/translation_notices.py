"""Tell readers when a page is a machine translation not yet reviewed, is older than the Norwegian
page, or is shown in Norwegian."""

from _build import project_of

from fristed.translations.status import reader_notice


def on_page_context(context, page, config, nav):
    """Give the template `translation_notices` (string keys), `source_page`, `source_language`, `content_language`."""
    project = project_of(config)
    notice = reader_notice(project, project.language(config.theme["language"]), page.file.src_uri)
    context["translation_notices"] = notice.keys
    # The current Norwegian page, from the site root (the template's `url` filter makes it relative).
    context["source_page"] = notice.source_link
    context["source_language"] = project.default.code
    context["content_language"] = notice.content_language
    return context
