"""Keep the build's log to what a person must act on (fristed.build_log), and end each build with
one line: how many languages and pages, in how long."""

import logging
import textwrap
import time

from _build import site_finished
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

from fristed.build_log import quiet, summary

log = logging.getLogger("mkdocs.hooks.build_log")

# static-i18n's notes on each language and page; MkDocs' "Cleaning site directory", "Documentation
# built in …" (once per language) and "Template skipped".
CHATTER = ("mkdocs.plugins.mkdocs_static_i18n", "mkdocs.commands.build")

# The build under way: when it started, the languages and pages built so far, its warnings.
_current: dict = {}


# First, before any other hook logs. Each build, so that `make serve` applies an edit at once.
@event_priority(100)
def on_config(config):
    """Quiet the libraries on MkDocs' own log handler, and keep each line of a message whole."""
    mkdocs_log = logging.getLogger("mkdocs")
    quiet(mkdocs_log, CHATTER)
    for handler in mkdocs_log.handlers:
        # In a terminal MkDocs wraps each line of a message to its width and indents it, which
        # breaks the checker's `path:line:col: error:` lines apart; they stay as `make check` prints them.
        if hasattr(handler.formatter, "text_wrapper"):
            handler.formatter.text_wrapper = textwrap.TextWrapper(width=0)


# Before any other hook: the build's time starts here.
@event_priority(100)
def on_pre_build(config):
    """Start the count at the first language's build; static-i18n builds the others inside it."""
    if not _current:
        warnings = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(warnings)
        _current.update(started=time.monotonic(), languages=set(), pages=0, warnings=warnings)
    _current["languages"].add(config.theme["language"])


def on_post_page(output, page, config):
    """Count the page."""
    _current["pages"] += 1
    return output


# After every other step of the build.
@event_priority(-200)
def on_post_build(config):
    """Log the build's one line, once every language is built."""
    if not site_finished(config):
        return
    warnings = sum(count for _, count in _current["warnings"].get_counts())
    log.info(summary(len(_current["languages"]), _current["pages"], time.monotonic() - _current["started"], warnings))
    _forget()


def on_build_error(error):
    """Start the next build's count afresh (`make serve` rebuilds after a failed build)."""
    _forget()


def _forget() -> None:
    if _current:
        logging.getLogger("mkdocs").removeHandler(_current["warnings"])
    _current.clear()
