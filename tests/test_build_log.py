"""The build's log: what a person must act on, and one line per build."""

from __future__ import annotations

import logging
import re

import pytest

from conftest import PROJECT
from fristed.build_log import quiet, summary
from fristed.project import load_project

# What a terminal shows without scrolling.
SCREENFUL = 24


def test_a_clean_build_prints_a_screenful_at_most_ending_with_its_summary(site_build):
    _, result = site_build
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) <= SCREENFUL, "\n".join(lines)
    project = load_project(PROJECT)
    # Every Markdown page of the default language, built in every language (a fallback copy where
    # a translation is missing).
    pages = len(list((PROJECT / "docs" / project.default.code).rglob("*.md"))) * len(project.languages)
    assert re.fullmatch(rf"INFO    -  Built {len(project.languages)} languages, {pages} pages in \d+\.\d s", lines[-1])


@pytest.mark.parametrize(
    ("logger", "level", "verbose", "shown"),
    [
        ("mk.plugins.i18n.plugin", logging.INFO, False, None),  # a library's note: hidden
        ("mk.plugins.i18n", logging.INFO, False, None),  # the chatty logger itself: hidden
        ("mk.plugins.i18n.plugin", logging.INFO, True, "DEBUG"),  # --verbose: shown, as debug
        ("mk.plugins.i18n.plugin", logging.WARNING, False, "WARNING"),  # a warning: always shown
        ("mk.plugins.i18n.plugin", logging.ERROR, False, "ERROR"),  # an error: always shown
        ("mk.plugins.i18n_pdf", logging.INFO, False, "INFO"),  # another logger whose name only starts alike
        ("mk.hooks.build_log", logging.INFO, False, "INFO"),  # the build's own summary line
    ],
)
def test_library_notes_are_debug_and_warnings_stay(logger, level, verbose, shown):
    root = logging.getLogger("mk")
    root.propagate = False
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    root.handlers = [handler]
    quiet(root, ("mk.plugins.i18n",))
    quiet(root, ("mk.plugins.i18n",))  # a second build's start adds no second filter
    assert len(handler.filters) == 1
    logging.getLogger(logger).log(level, "a note")
    assert [record.levelname for record in records] == ([shown] if shown else [])


@pytest.mark.parametrize(
    ("counts", "line"),
    [
        ((15, 105, 11.43, 0), "Built 15 languages, 105 pages in 11.4 s"),  # a clean build
        ((1, 1, 0.04, 0), "Built 1 language, 1 page in 0.0 s"),  # one of each, in the singular
        ((3, 21, 2.96, 2), "Built 3 languages, 21 pages in 3.0 s, with 2 warnings (above)"),  # warnings counted
        ((3, 21, 2.96, 1), "Built 3 languages, 21 pages in 3.0 s, with 1 warning (above)"),
    ],
)
def test_summary_line_counts_languages_pages_time_and_warnings(counts, line):
    assert summary(*counts) == line
