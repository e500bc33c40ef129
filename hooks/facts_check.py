"""Stop the build when a page states a number, address, link or duration other than the registry's.

The checking is `fristed.check`, the same that `python -m fristed check` runs.
"""

import logging
from pathlib import Path

from _build import project_of, settings_of
from mkdocs.exceptions import PluginError

from fristed.check import check_project

# Under "mkdocs.", so MkDocs shows it; --strict turns its warnings into a failed build.
log = logging.getLogger("mkdocs.hooks.facts_check")


def on_pre_build(config):
    """Check every page of every language, once: in the build of the default language."""
    # static-i18n runs every event again for each other language, after setting its theme
    # language; the check reads all languages at once, so one run is enough.
    if config.theme["language"] != project_of(config).default.code:
        return
    problems = check_project(Path(config.config_file_path).parent, settings_of(config).region)
    if problems:
        listed = "\n".join(str(problem) for problem in problems)
        raise PluginError(
            f"{len(problems)} fact(s) on the pages differ from data/facts.yml or from the source page; "
            f"fix each, then build again:\n{listed}"
        )
    log.debug("Every page states the registry's facts")
