"""Stop the build on broken data, with every problem in one message, before any hook reads it."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from fristed.data import DataError
from fristed.site import load_site


# Early, so no other hook meets the broken data first.
@event_priority(50)
def on_config(config):
    """Load and check data/, source/ and the pages' front matter."""
    try:
        load_site(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(f"The project's data has problems:\n{error}") from None
