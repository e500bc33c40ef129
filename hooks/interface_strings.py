"""Give templates the interface strings and page links of the language being built."""

from _build import project_of

from fristed.pages import page_url


def on_env(env, config, files):
    """Bind `t(key)` and `page_link(page)` to the language being built."""
    project = project_of(config)
    language = project.language(config.theme["language"])
    strings = project.strings[language.code]
    env.globals["t"] = lambda key: strings.get(key, key)
    env.globals["page_link"] = lambda page: page_url(language, page)
    return env
