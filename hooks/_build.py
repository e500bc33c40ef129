"""Not a hook (not listed in mkdocs.yml): what every hook asks of the build in progress.

MkDocs puts this folder on the import path while it loads a hook, so hooks import it by name.
hooks/project_data.py loads the project and its settings once per build, in `on_config`; every
other hook reads them here. `mkdocs serve` loads the configuration again for each rebuild, so an
edit to data/ or docs/ is seen by the next one.
"""

from fristed.project import Project
from fristed.settings import Settings

# The key of the loaded project in the build's configuration: not an option, set by the build.
PROJECT_KEY = "fristed_project"


def project_of(config) -> Project:
    """The project's data, as loaded at the start of this build."""
    return config[PROJECT_KEY]


def settings_of(config) -> Settings:
    """`extra.fristed` of mkdocs.yml, as validated at the start of this build."""
    return config.extra["fristed"]


def site_finished(config) -> bool:
    """Whether every language is built.

    mkdocs-static-i18n builds the other languages inside its own `on_post_build` (priority
    -100), and each of those builds runs every hook's `on_post_build` too; only the outer one,
    after them all, sees the finished site.
    """
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building
