"""Not a hook (not listed in mkdocs.yml): what the post-build hooks ask of the build.

MkDocs puts this folder on the import path while it loads a hook, so hooks import it by name.
"""


def site_finished(config) -> bool:
    """Whether every language is built.

    mkdocs-static-i18n builds the other languages inside its own `on_post_build` (priority
    -100), and each of those builds runs every hook's `on_post_build` too; only the outer one,
    after them all, sees the finished site.
    """
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building
