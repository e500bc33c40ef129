"""Shared fixtures: a built site, copies of the project to change, and a local web server."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

# The engine matrix's fixtures: Firefox and WebKit beside Chromium (tests/engines/).
pytest_plugins = ["engines.fixtures"]

PROJECT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to build: everything but tests, benchmarks and output.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "source", "docs")


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build a project with `mkdocs build --strict`, as `make site` does, and return the result."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


# Languages enough to build what a test of the build needs (the source, a left-to-right and a
# right-to-left translation) in a quarter of the time all of them take.
FEW_LANGUAGES = ("nb", "en", "ar")


def copy_project(target: Path, languages: tuple[str, ...] | None = None) -> Path:
    """Copy the parts of the project a build reads, so a test can change them; with `languages`,
    keep only those."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if languages:
        keep_languages(target, languages)
    return target


def keep_languages(project: Path, languages: tuple[str, ...]) -> None:
    """Take every language but `languages` out of a copy of the project."""
    listed = yaml.safe_load((project / "data" / "languages.yml").read_text(encoding="utf-8"))
    kept = [entry for entry in listed if entry["code"] in languages]
    (project / "data" / "languages.yml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    for entry in listed:
        if entry["code"] not in languages:
            shutil.rmtree(project / "docs" / entry["code"])


def pytest_collection_modifyitems(items):
    """A test of the built site waits for a full build of every language: mark it `slow`, unless
    it runs a browser (marked `browser` already), so `-m "not browser and not slow"` stays quick."""
    for item in items:
        built = {"site", "site_build"} & set(getattr(item, "fixturenames", ()))
        if built and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The project's site, built once per test run into a temporary folder, and the build's output."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(PROJECT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, result


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The project's site, built once per test run into a temporary folder."""
    return site_build[0]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A fresh copy of the project's sources, to change."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small_project_copy(tmp_path) -> Path:
    """A fresh copy of the project in three languages, to change and build quickly."""
    return copy_project(tmp_path / "project", FEW_LANGUAGES)


# The browser ------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, with its calls home turned off: the machine has no network, and a test
# that records requests must see only the site's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Draw whole tiles again, never the changed part of one: a partial raster clips a path's
    # anti-aliasing at the changed part's edge, so the same page could come out with a few pixels
    # of an icon different from one screenshot to the next (seen on the Arabic header's icon).
    "--disable-partial-raster",
]
MIRROR_PATH = "/mirror/fristed/"
ARTIFACTS = PROJECT / "test-artifacts"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serve the site under a sub-path only, as a mirror would: anything else is a 404.

    Every path asked for is logged in `requested`, so a test can see what the browser fetched,
    service worker included.
    """

    requested: list[str]

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(MIRROR_PATH):
            return str(Path(self.directory) / ".outside-the-mirror-path")
        return super().translate_path("/" + path[len(MIRROR_PATH) :])

    def do_GET(self):
        self.requested.append(self.path.split("?", 1)[0])
        super().do_GET()

    def end_headers(self):
        # LinkChecker sends more than 10 requests a second only to a server that names it.
        self.send_header("LinkChecker", "fristed-tests")
        super().end_headers()

    def log_message(self, format, *args):
        pass


class Mirror(str):
    """A served copy of a site: the string is its base URL; `requested` lists the paths fetched."""

    requested: list[str]


@contextlib.contextmanager
def serve(site_dir: Path, handler_class: type[_SubPathHandler] = _SubPathHandler):
    """Serve a built site on 127.0.0.1 under a sub-path, for as long as the block runs; a test may
    give a handler of its own (a mirror that redirects, a slow line)."""
    requested: list[str] = []
    handler = type("Handler", (handler_class,), {"requested": requested})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    mirror = Mirror(f"http://127.0.0.1:{server.server_port}{MIRROR_PATH}")
    mirror.requested = requested
    try:
        yield mirror
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def mirror(site):
    """The project's built site, served under a sub-path."""
    with serve(site) as served:
        yield served


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium):
    """A fresh 360 by 740 browser context, the screen of a cheap phone."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    yield context
    context.close()
