"""A real mirror in Chromium, Firefox and WebKit: nginx with mirror/nginx.conf, under a sub-path,
reached through a redirect (an http-to-https style rule on another port), and nginx's own
redirect of a folder without its final slash, which the service worker sees."""

from __future__ import annotations

import pytest
from servers import running

from conftest import PROJECT
from fristed.project import load_project

pytestmark = [pytest.mark.browser, pytest.mark.engines]

DATA = load_project(PROJECT)
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
HEADING = "() => document.querySelector('article h1')?.textContent"
CACHED = """async (url) => {
  for (const name of await caches.keys()) if (await (await caches.open(name)).match(url)) return true;
  return false;
}"""


@pytest.fixture
def nginx(guide_builds, tmp_path):
    # Brotli off: the matrix tests the redirects and the worker; tests/test_servers.py the encodings.
    with running("nginx", guide_builds[0], tmp_path, front=True, brotli=False) as mirror:
        yield mirror


def test_a_mirror_behind_redirects_works_online_and_offline(tab, nginx):
    # The address on a poster: redirected to the mirror, then to the folder with its slash.
    tab.goto(nginx.front + "en")
    tab.wait_for_url(nginx + "en/")
    home = tab.wait_for(HEADING)
    tab.wait_for(CONTROLLED)
    # Now through the worker, which follows nginx's redirect for the page.
    tab.goto(nginx + "en")
    tab.wait_for_url(nginx + "en/")
    assert tab.wait_for(HEADING) == home
    tab.goto(nginx + "en/help.html")
    help_heading = tab.wait_for(HEADING)
    tab.wait_for(CACHED, nginx + "en/help.html")
    nginx.stop()
    tab.goto(nginx + "en/help.html")
    assert tab.wait_for(HEADING) == help_heading
    tab.goto(nginx + "en/")
    assert tab.wait_for(HEADING) == home
