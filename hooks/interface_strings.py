"""Give templates the interface strings of the language being built: `{{ t("site_name") }}`."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from fristed.data import DataError
from fristed.site import load_site


# Early, so broken data stops the build with one message before any other hook reads it.
@event_priority(50)
def on_config(config):
    """Check the project's data, failing with every problem at once."""
    try:
        load_site(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(f"The project's data has problems:\n{error}") from None


def on_env(env, config, files):
    """Bind `t(key)` and the helpline to the language being built."""
    site = load_site(Path(config.config_file_path).parent)
    strings = site.strings[config.theme["language"]]
    env.globals["t"] = lambda key: strings.get(key, key)
    env.globals["helpline"] = site.facts.phones["rosa"]
