"""Load the project's data and settings once per build, and stop the build on any problem in them,
with every problem in one message, before any hook reads them."""

from pathlib import Path

from _build import PROJECT_KEY
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from fristed.data import DataError
from fristed.project import load_project
from fristed.settings import SettingsError, check_settings


# Early, so no other hook meets the broken data first.
@event_priority(50)
def on_config(config):
    """Check `extra.fristed`; load and check data/, source/ and the pages' front matter."""
    # static-i18n builds each other language with the same configuration, and every build runs
    # `on_config` again: the project is loaded by the first. `mkdocs serve` loads a new
    # configuration for each rebuild, so it never sees the last build's data.
    if PROJECT_KEY in config:
        return config
    try:
        config.extra["fristed"] = check_settings(config.extra.get("fristed"), config.config_file_path)
    except SettingsError as error:
        raise PluginError(f"The site's settings have problems:\n{error}") from None
    try:
        config[PROJECT_KEY] = load_project(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(f"The project's data has problems:\n{error}") from None
    return config
