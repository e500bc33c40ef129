"""The translators' preview (`make serve`): rebuilt on every change to what the site is built from,
reloaded in the browser under the site's security policy, and plain about a failed rebuild.

MkDocs imports each hook, and Python each module, once per process; this hook makes every
rebuild run hooks/ and fristed/ as they are on disk. Only what sets the preview up waits for a
restart of `make serve`: this file, fristed/preview/, and the `watch:` list of mkdocs.yml.
"""

import logging
import sys
from pathlib import Path

from _build import project_of
from mkdocs.config import config_options
from mkdocs.exceptions import Abort, ConfigurationError

from fristed.pages import page_url
from fristed.preview import PACKAGE, forget_project_modules, inject_live_reload, serving_script

log = logging.getLogger("mkdocs.hooks.preview")

# What the site is built from besides docs/ and mkdocs.yml, which MkDocs watches itself.
SOURCES = ("data", "source", "overrides", "hooks")
# The last line of a failed rebuild, after the build's errors.
AGAIN = "Fix what is listed above and save: the preview rebuilds."


def on_startup(command, dirty):
    """In the preview, write no bytecode: a new `__pycache__` file in hooks/ or fristed/ is a change."""
    if command == "serve":
        sys.dont_write_bytecode = True


def on_serve(server, config, builder):
    """Watch every source, serve the live-reload script as a file, rebuild with the code as it is now."""
    project = Path(config.config_file_path).parent
    for folder in [*(project / name for name in SOURCES), PACKAGE]:
        if folder.is_dir():
            server.watch(str(folder))
    server.set_app(serving_script(server.get_app()))
    # MkDocs 1.6 adds its script inline, which the site's security policy refuses to run.
    server._inject_js_into_html = inject_live_reload

    def rebuild():
        forget_project_modules(project / "hooks")
        # MkDocs keeps each hook module for the whole process (a cache on Hooks._load_hook).
        config_options.Hooks._load_hook.cache_clear()
        try:
            builder()
        except ConfigurationError as error:
            # Raised while mkdocs.yml and the data it names are read, before the build logs anything.
            log.error(str(error))
            raise Abort(AGAIN) from None
        except Abort as error:
            # MkDocs prints an Abort as one line, where any other error gets a traceback.
            raise Abort(f"{error} {AGAIN}") from None

    server.builder = rebuild
    languages = project_of(config).languages
    default = project_of(config).default
    example = next((language for language in languages if language != default), default)
    log.info(
        f"Preview of the site at {server.url} ({default.name}), each other language in its folder, "
        f"such as {server.url}{page_url(example, 'index.md')}. It rebuilds whenever you save a file; "
        "look at it 360 pixels wide, as on a small phone."
    )
    return server
