"""Give templates the interface strings and page links of the language being built."""

from pathlib import Path

from fristed.pages import page_url
from fristed.site import load_site


def on_env(env, config, files):
    """Bind `t(key)` and `page_link(page)` to the language being built."""
    site = load_site(Path(config.config_file_path).parent)
    language = site.language(config.theme["language"])
    strings = site.strings[language.code]
    env.globals["t"] = lambda key: strings.get(key, key)
    env.globals["page_link"] = lambda page: page_url(language, page)
    return env
