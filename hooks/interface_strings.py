"""Give templates the interface strings, page links and version line of the language being built."""

from _build import project_of

from fristed.build_info import build_info
from fristed.pages import page_url
from fristed.strings import as_html
from fristed.version_note import version_note


def on_env(env, config, files):
    """Bind `t(key, **fills)` and `page_link(page)` to the language being built, and its `version_note`.

    `t` returns the string escaped (MkDocs' templates do not autoescape), so it is text in an
    element and in a quoted attribute alike; `fills` are HTML for its placeholders.
    """
    project = project_of(config)
    language = project.language(config.theme["language"])
    strings = project.strings[language.code]
    env.globals["t"] = lambda key, **fills: as_html(strings.get(key, key), project.markup.get(key, ()), **fills)
    env.globals["page_link"] = lambda page: page_url(language, page)
    build = build_info(project.folder)
    env.globals["version_note"] = version_note(strings["site_version"], build.version, build.date, language.code)
    return env
