"""Finish the built site once every language is built: the steps, in order, are in fristed/finish.py."""

from pathlib import Path

from _build import project_of, settings_of, site_finished
from markupsafe import Markup
from mkdocs.plugins import event_priority

from fristed.build_info import build_info
from fristed.finish import finish_site
from fristed.offline import PACK_SIZE_SLOT
from fristed.offline.app_manifest import THEME_COLOR


def on_env(env, config, files):
    """Give templates the colour the browser paints around the installed app, and the slot the
    finish fills with the size of a language's offline copy."""
    env.globals["theme_color"] = THEME_COLOR
    env.globals["pack_size_slot"] = Markup(PACK_SIZE_SLOT)
    return env


# After static-i18n (-100), whose own `on_post_build` builds the other languages.
@event_priority(-110)
def on_post_build(config):
    """Finish the whole site, languages and all."""
    if not site_finished(config):
        return
    folder = Path(config.config_file_path).parent
    finish_site(Path(config.site_dir), project_of(config), settings_of(config), build_info(folder))
