"""Fixtures of the engine matrix: one browser per engine per session, a fresh tab per test, and
two builds of a small guide (the second one a new release) whose quick exit leads to a local
stand-in for the neutral site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FEW_LANGUAGES, build, copy_project
from engines import ENGINES, Engine, Tab
from engines.servers import SwitchableMirror, neutral_site, switchable_mirror

# The English home page's heading, as released and in the next release.
OLD_HEADING, NEW_HEADING = "Human trafficking", "Human trafficking today"


@pytest.fixture(scope="session")
def neutral_url(tmp_path_factory) -> Iterator[str]:
    """The https address of a stand-in for the weather site the quick exit opens."""
    with neutral_site(tmp_path_factory.mktemp("neutral")) as url:
        yield url


@pytest.fixture(scope="session")
def guide_builds(tmp_path_factory, neutral_url) -> tuple[Path, Path]:
    """The guide in three languages, built twice: as released, and as the next release."""
    root = tmp_path_factory.mktemp("guide")
    project = copy_project(root / "project", FEW_LANGUAGES)
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    settings = settings.replace("quick_exit_url: https://www.yr.no/", f"quick_exit_url: {neutral_url}")
    config.write_text(settings, encoding="utf-8")
    first, second = root / "first", root / "second"
    result = build(project, first)
    assert result.returncode == 0, result.stderr
    home = project / "docs" / "en" / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8").replace(f"# {OLD_HEADING}\n", f"# {NEW_HEADING}\n", 1), encoding="utf-8"
    )
    result = build(project, second)
    assert result.returncode == 0, result.stderr
    return first, second


@pytest.fixture
def guide(guide_builds) -> Iterator[SwitchableMirror]:
    """The first build, served under a sub-path on an origin of this test's own."""
    with switchable_mirror(guide_builds[0]) as mirror:
        yield mirror


def _start(name: str, request) -> Engine:
    if name == "chromium":
        from engines.chromium import Chromium

        return Chromium(request.getfixturevalue("chromium"))
    if name == "firefox":
        from engines.firefox import Firefox

        return Firefox()
    from engines.webkit import WebKit

    return WebKit()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request) -> Iterator[Engine]:
    """Each engine in turn, started once for the session."""
    started = _start(request.param, request)
    yield started
    started.quit()


@pytest.fixture
def tab(engine) -> Iterator[Tab]:
    """A tab in a fresh profile of the engine."""
    opened = engine.open()
    yield opened
    opened.close()
