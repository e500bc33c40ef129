"""The settings in mirror/ with the real servers: nginx, Apache and Caddy, each serving the site
under a sub-path on 127.0.0.1, as a mirror serves it (the harness is tests/servers.py).

Every test runs against each server, and one compares them: the same answer, whichever server a
mirror chose, and the same as the `_headers` file the build writes for static hosts.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mirror_site import mirror_copy, write_keys
from servers import BROTLI_MODULE, SERVERS, get, running

from conftest import PROJECT
from fristed.mirror import MANIFEST
from fristed.mirror.headers import (
    NO_CACHE,
    OFFLINE_POLICY,
    PAGE_POLICY,
    PERMISSIONS_POLICY,
    SHORT,
    SITE_POLICY,
    YEAR,
    write_headers_file,
)

# A theme file named after its content's hash: the build's theme files may all be merged away,
# so the copy served here has one to show the rule for them.
HASHED = "assets/stylesheets/main.57a0d79d.min.css"
LANGUAGES = [entry["code"] for entry in yaml.safe_load((PROJECT / "data/languages.yml").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def served(site):
    """The built site served by each server at once: {name: (URL, folder, manifest)}."""
    # A folder any user may read: Apache's workers do not run as root.
    root = Path(tempfile.mkdtemp(prefix="fristed-servers-"))
    root.chmod(0o755)
    try:
        with contextlib.ExitStack() as stack:
            found = {}
            for name in SERVERS:
                built, site_dir = root / f"{name}-built", root / f"{name}-site"
                shutil.copytree(site, built)
                (built / HASHED).parent.mkdir(parents=True, exist_ok=True)
                (built / HASHED).write_text("body{margin:0}", encoding="utf-8")
                write_headers_file(built)  # as the build would, with that file
                manifest = mirror_copy(built, site_dir)
                found[name] = (stack.enter_context(running(name, site_dir)), site_dir, manifest)
            yield found
    finally:
        shutil.rmtree(root, ignore_errors=True)


KINDS = [
    ("", "text/html; charset=utf-8", NO_CACHE),  # the folder's index.html
    ("en/help.html", "text/html; charset=utf-8", NO_CACHE),
    ("ar/", "text/html; charset=utf-8", NO_CACHE),
    ("sw.js", "text/javascript; charset=utf-8", NO_CACHE),
    ("sw-precache.js", "text/javascript; charset=utf-8", NO_CACHE),
    (MANIFEST, "application/json; charset=utf-8", NO_CACHE),
    ("en/manifest.webmanifest", "application/manifest+json; charset=utf-8", NO_CACHE),
    # Named after their content (a glob finds the name): kept a year.
    ("assets/javascripts/fristed.*.js", "text/javascript; charset=utf-8", YEAR),
    ("assets/images/icons/icon-192.*.png", "image/png", YEAR),
    ("assets/images/app-icon.*.svg", "image/svg+xml; charset=utf-8", YEAR),
    ("assets/stylesheets/site.*.css", "text/css; charset=utf-8", YEAR),
    (HASHED, "text/css; charset=utf-8", YEAR),
    ("en/search-index.json", "application/json; charset=utf-8", SHORT),  # no hash in its name
]


def named(site_dir: Path, path: str) -> str:
    """A file's path in the build, its content hash found by a glob (`site.*.css`)."""
    if "*" not in path:
        return path
    (found,) = [match for match in site_dir.glob(path) if not match.name.endswith((".gz", ".br"))]
    return found.relative_to(site_dir).as_posix()


SECURITY_HEADERS = ("content-security-policy", "referrer-policy", "x-content-type-options", "permissions-policy")


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_each_kind_of_file_has_its_type_and_caching(served, server):
    url, site_dir, _ = served[server]
    for path, content_type, cache_control in KINDS:
        path = named(site_dir, path)
        status, headers, body = get(url + path)
        assert (path, status, headers["content-type"], headers["cache-control"]) == (
            path,
            200,
            content_type,
            cache_control,
        )
        assert body == (site_dir / (path if path and not path.endswith("/") else path + "index.html")).read_bytes()


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_every_answer_carries_the_security_headers(served, server):
    policies = {"": PAGE_POLICY, "en/help.html": PAGE_POLICY, "nope": PAGE_POLICY}  # "nope": the 404 page
    for path in ("", "en/help.html", "sw.js", "assets/images/icons/icon-192.*.png", HASHED, "nope"):
        status, headers, _ = get(served[server][0] + named(served[server][1], path))
        assert status in (200, 404)
        assert headers["content-security-policy"] == policies.get(path, SITE_POLICY), path
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
        assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= set(
            headers["permissions-policy"].split(", ")
        )


def static_host_headers(site_dir: Path, path: str) -> dict[str, str]:
    """The headers the site's `_headers` file gives a path, as Netlify and Cloudflare Pages apply them."""
    rules, current = [], None
    for line in (site_dir / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            current = ({}, line.strip())
            rules.append(current)
        elif line.strip() and not line.strip().startswith("#"):
            name, _, value = line.strip().partition(":")
            current[0][name.strip().lower()] = value.strip()
    found: dict[str, str] = {}
    for headers, pattern in rules:
        if fnmatch.fnmatchcase("/" + path, pattern):
            for name, value in headers.items():  # every matching rule applies; a repeated header is joined
                found[name] = f"{found[name]}, {value}" if name in found else value
    return found


@pytest.mark.slow
def test_every_configuration_sends_the_same_headers(served):
    paths = [named(served["nginx"][1], path) for path, _, _ in KINDS] + ["en/offline.html", "en/no-such-page.html"]
    compared = (*SECURITY_HEADERS, "cache-control")
    answers = {}
    for server in SERVERS:
        for path in paths:
            _, headers, _ = get(served[server][0] + path)
            answers.setdefault(path, {})[server] = {name: headers.get(name) for name in compared}
    for path in paths:
        if not path.endswith("no-such-page.html"):  # a static host's 404 page is its own affair
            expected = static_host_headers(
                served["nginx"][1], path if path and not path.endswith("/") else path + "index.html"
            )
            answers[path]["_headers"] = {name: expected.get(name) for name in compared}
    different = {
        path: by_server for path, by_server in answers.items() if len({str(h) for h in by_server.values()}) > 1
    }
    assert different == {}


class _MetaPolicy(HTMLParser):
    policy = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = attributes.get("content")


@pytest.mark.slow
def test_a_page_states_the_sites_policy_and_its_one_style_the_header_adds_the_rest(served):
    parser = _MetaPolicy()
    parser.feed((served["nginx"][1] / "en/help.html").read_text(encoding="utf-8"))
    site_policy, style = parser.policy.rsplit("; ", 1)
    assert f"{site_policy}; frame-ancestors 'none'" == SITE_POLICY
    assert re.fullmatch(r"style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='", style)


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_an_offline_page_keeps_its_own_policy_for_its_inline_style(served, server):
    status, headers, body = get(served[server][0] + "en/offline.html")
    assert (status, headers["content-security-policy"], headers["cache-control"]) == (
        200,
        "frame-ancestors 'none'",
        NO_CACHE,
    )
    assert b"style-src 'sha256-" in body  # the page's own <meta> policy, which allows only its style


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_pre_compressed_files_are_sent_as_they_are(served, server):
    url, site_dir, _ = served[server]
    for path in ("en/help.html", "sw.js", "assets/stylesheets/site.*.css", "en/manifest.webmanifest"):
        path = named(site_dir, path)
        assert (site_dir / (path + ".gz")).exists(), path
        status, headers, body = get(url + path, **{"Accept-Encoding": "gzip"})
        assert (path, status, headers.get("content-encoding")) == (path, 200, "gzip")
        assert "Accept-Encoding" in headers.get("vary", "")
        assert body == (site_dir / (path + ".gz")).read_bytes()
        assert gzip.decompress(body) == (site_dir / path).read_bytes()


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_brotli_files_are_sent_where_the_server_can(served, server):
    url, site_dir, _ = served[server]
    if server == "nginx" and not BROTLI_MODULE.exists():
        pytest.fail("nginx's brotli_static module is missing: run `make test-tools`")
    status, headers, body = get(url + "en/help.html", **{"Accept-Encoding": "gzip, br"})
    assert (status, headers.get("content-encoding")) == (200, "br")
    assert body == (site_dir / "en/help.html.br").read_bytes()


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_an_unknown_address_gets_the_sites_404_page_in_every_language(served, server):
    url, site_dir, _ = served[server]
    paths = [f"{code}/no-such-page.html" for code in LANGUAGES] + ["no/such/folder/", "assets/missing.png", ".htaccess"]
    for path in paths:
        status, headers, body = get(url + path)
        assert (path, status, headers["content-type"], headers["cache-control"]) == (
            path,
            404,
            "text/html; charset=utf-8",
            NO_CACHE,
        )
        assert body == (site_dir / "404.html").read_bytes(), path


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.slow
def test_verify_mirror_passes_the_served_mirror(served, server, tmp_path):
    url, site_dir, manifest = served[server]
    _, public = write_keys(tmp_path)
    command = [sys.executable, "-m", "fristed", "verify-mirror", url, "--reference", str(site_dir / MANIFEST)]
    result = subprocess.run([*command, "--public-key", str(public)], capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " ".join(result.stdout.split()) == (
        f"This mirror is an exact copy of version 0.1.0 from 28 November 2025: all {len(manifest['files'])} files "
        "match the original."
    )


@pytest.mark.browser
def test_a_page_read_through_nginx_still_opens_offline(served, phone):
    url = served["nginx"][0]
    console_errors = []
    phone.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " (window.__violations ||= []).push(event.violatedDirective + ' ' + event.blockedURI))"
    )
    page = phone.new_page()

    def console(message):
        # The browser's own request for /favicon.ico, at the server's root, is not the mirror's.
        where = message.location.get("url") or url
        if message.type == "error" and where.startswith(url):
            console_errors.append(f"{where}: {message.text}")

    page.on("console", console)
    page.goto(url + "en/index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.goto(url + "en/help.html")  # now through the worker, which keeps a copy
    page.wait_for_function(
        "async (url) => { for (const name of await caches.keys())"
        " if (await (await caches.open(name)).match(url)) return true; return false; }",
        arg=url + "en/help.html",
        timeout=15000,
    )
    phone.set_offline(True)
    page.goto(url + "en/help.html")
    assert page.locator("article h1").count() == 1
    phone.set_offline(False)
    page.goto(url + "en/offline.html")
    # The offline page's inline style applies: its body has the margin its stylesheet sets.
    assert page.evaluate("() => getComputedStyle(document.body).margin") == "0px"
    assert page.evaluate("() => window.__violations || []") == []
    assert console_errors == []


@pytest.mark.parametrize("config", ["nginx.conf", ".htaccess", "Caddyfile"])
def test_every_server_setting_states_the_policies_of_fristed_mirror_headers(config):
    text = (PROJECT / "mirror" / config).read_text(encoding="utf-8")
    for value in (
        SITE_POLICY,
        PAGE_POLICY,
        OFFLINE_POLICY,
        PERMISSIONS_POLICY,
        "no-referrer",
        "nosniff",
        YEAR,
        SHORT,
        NO_CACHE,
    ):
        assert value in text, value
