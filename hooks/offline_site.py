"""Make the built site installable and readable offline (manifests, icons, offline pages and the
service worker's precache list), once every language is built."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from fristed.offline import build_offline_site
from fristed.offline.manifests import THEME_COLOR
from fristed.site import load_site

DEFAULTS = {"name": "neutral", "icon": "assets/images/app-icon.svg"}


def _options(config) -> dict:
    options = {**DEFAULTS, **config.extra.get("installed_app", {})}
    if options["name"] not in ("neutral", "site"):
        raise PluginError(
            f"mkdocs.yml: extra.installed_app.name: expected 'neutral' or 'site', found {options['name']!r}"
        )
    return options


def on_config(config):
    """Check `extra.installed_app` before building anything."""
    _options(config)


def on_env(env, config, files):
    """Give templates the colour the browser paints around the installed app."""
    env.globals["theme_color"] = THEME_COLOR
    return env


# After the pages are minified (-110) and indexed (-130): it hashes what is served.
@event_priority(-150)
def on_post_build(config):
    """Write the offline files over the whole site, languages and all."""
    if not site_finished(config):
        return
    options = _options(config)
    build_offline_site(
        Path(config.site_dir),
        load_site(Path(config.config_file_path).parent),
        icon_svg=options["icon"],
        neutral_app=options["name"] == "neutral",
    )
