"""mirror/nginx.conf with the real nginx: the site under a sub-path on 127.0.0.1, as a mirror serves it.

nginx runs from a configuration written in a temporary folder around the snippet, with its own
pid file, logs and temporary paths, and stops at the end. Where nginx is missing, the tests
install Debian's package if they run as root and are skipped otherwise.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mirror_site import mirror_copy

from conftest import MIRROR_PATH, PROJECT
from fristed.mirror import MANIFEST, verify_mirror

SNIPPET = PROJECT / "mirror" / "nginx.conf"
PACKAGES = ("nginx", "libnginx-mod-http-brotli-static")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SITE_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-src 'none'; frame-ancestors 'none'"
)
# A theme file named after its content's hash: the build's theme files may all be merged away,
# so the copy served here has one to show the rule for them.
HASHED = "assets/stylesheets/main.57a0d79d.min.css"
CONFIG = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}{modules}
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    # As Debian's own nginx.conf has it: the server's types and on-the-fly gzip, which the
    # snippet's own types and pre-compressed files must win over.
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    gzip on;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {tmp}/fristed.conf;
    }}
}}
"""


@contextlib.contextmanager
def no_services_started():
    """Keep Debian's packages from starting their service (nginx on port 80) while they install.

    Debian's policy-rc.d hook answers 101, "not allowed"; container images usually have one.
    """
    policy = Path("/usr/sbin/policy-rc.d")
    if policy.exists():
        yield
        return
    policy.write_text("#!/bin/sh\n# Written by tests/test_nginx.py while it installs nginx.\nexit 101\n")
    policy.chmod(0o755)
    try:
        yield
    finally:
        policy.unlink()


def nginx_binary() -> str:
    """Return nginx's path, installing Debian's package as root where it is missing; else skip."""
    found = shutil.which("nginx", path="/usr/sbin:/usr/bin:/usr/local/sbin")
    if (not found or not BROTLI_MODULE.exists()) and os.geteuid() == 0 and shutil.which("apt-get"):
        with no_services_started():
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
            results = [
                subprocess.run(["apt-get", "install", "-y", "-qq", package], env=env, capture_output=True, text=True)
                for package in PACKAGES
            ]
        found = shutil.which("nginx", path="/usr/sbin:/usr/bin:/usr/local/sbin")
        # Brotli is optional: without its module the brotli test is skipped, the rest still runs.
        assert found, f"apt-get install nginx failed: {results[0].stderr}"
    if not found:
        pytest.skip("nginx is missing and these tests are not root: install it with `sudo apt-get install nginx`")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """The built site served by nginx from mirror/nginx.conf under /mirror/fristed/: (URL, folder, manifest)."""
    binary = nginx_binary()
    tmp = tmp_path_factory.mktemp("nginx")
    built, site_dir = tmp / "built", tmp / "site"
    shutil.copytree(site, built)
    (built / HASHED).parent.mkdir(parents=True, exist_ok=True)
    (built / HASHED).write_text("body{margin:0}", encoding="utf-8")
    manifest = mirror_copy(built, site_dir)
    # The snippet as MIRRORING.md tells a volunteer to fill it in, brotli switched on where it can be.
    snippet = SNIPPET.read_text(encoding="utf-8").replace("/SUBPATH/", MIRROR_PATH)
    snippet = snippet.replace("/PATH/TO/SITE/", f"{site_dir}/")
    if BROTLI_MODULE.exists():
        snippet = snippet.replace("# brotli_static on;", "brotli_static on;")
    (tmp / "fristed.conf").write_text(snippet, encoding="utf-8")
    port = free_port()
    (tmp / "nginx.conf").write_text(
        CONFIG.format(
            tmp=tmp,
            port=port,
            # Root's workers read the temporary folder, which only root may enter.
            user="user root;\n" if os.geteuid() == 0 else "",
            modules=f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else "",
        ),
        encoding="utf-8",
    )
    command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0, tested.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # -e: to the log
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert process.poll() is None, (tmp / "error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not start listening within 10 s"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}{MIRROR_PATH}", site_dir, manifest
    finally:
        process.send_signal(signal.SIGQUIT)  # a graceful stop, workers and all
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    # Every location of the snippet sets both variables its headers use; a missed one is logged.
    assert "uninitialized" not in (tmp / "error.log").read_text()


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET a URL, as plain bytes unless the headers ask otherwise; return status, headers (lower case), body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


NO_CACHE = "no-cache"
SHORT = "max-age=600"
YEAR = "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    ("path", "content_type", "cache_control"),
    [
        ("", "text/html; charset=utf-8", NO_CACHE),  # the folder's index.html
        ("en/help.html", "text/html; charset=utf-8", NO_CACHE),
        ("ar/", "text/html; charset=utf-8", NO_CACHE),
        ("sw.js", "text/javascript; charset=utf-8", NO_CACHE),
        ("sw-precache.js", "text/javascript; charset=utf-8", NO_CACHE),
        (MANIFEST, "application/json; charset=utf-8", NO_CACHE),
        ("en/manifest.webmanifest", "application/manifest+json; charset=utf-8", NO_CACHE),
        ("assets/javascripts/fristed.js", "text/javascript; charset=utf-8", SHORT),  # no hash in its name
        ("assets/images/icons/icon-192.png", "image/png", SHORT),
        ("assets/images/app-icon.svg", "image/svg+xml; charset=utf-8", SHORT),
        (HASHED, "text/css; charset=utf-8", YEAR),
    ],
)
def test_each_kind_of_file_has_its_type_and_caching(served, path, content_type, cache_control):
    url, site_dir, _ = served
    status, headers, body = get(url + path)
    assert status == 200
    assert (headers["content-type"], headers["cache-control"]) == (content_type, cache_control)
    assert body == (site_dir / (path if path and not path.endswith("/") else path + "index.html")).read_bytes()


@pytest.mark.parametrize("path", ["", "en/help.html", "sw.js", "assets/images/icons/icon-192.png", HASHED, "nope"])
def test_every_answer_carries_the_security_headers(served, path):
    status, headers, _ = get(served[0] + path)
    assert status in (200, 404)
    assert headers["content-security-policy"] == SITE_POLICY
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= set(
        headers["permissions-policy"].split(", ")
    )


class _MetaPolicy(HTMLParser):
    policy = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = attributes.get("content")


def test_the_header_policy_is_the_one_the_pages_state_and_more(served):
    parser = _MetaPolicy()
    parser.feed((served[1] / "en/help.html").read_text(encoding="utf-8"))
    assert f"{parser.policy}; frame-ancestors 'none'" == SITE_POLICY


def test_an_offline_page_keeps_its_own_policy_for_its_inline_style(served):
    status, headers, body = get(served[0] + "en/offline.html")
    assert (status, headers["content-security-policy"], headers["cache-control"]) == (
        200,
        "frame-ancestors 'none'",
        NO_CACHE,
    )
    assert b"style-src 'sha256-" in body  # the page's own <meta> policy, which allows only its style


@pytest.mark.parametrize("path", ["en/help.html", "sw.js", "assets/stylesheets/site.css", "en/manifest.webmanifest"])
def test_pre_compressed_files_are_sent_as_they_are(served, path):
    url, site_dir, _ = served
    if not (site_dir / (path + ".gz")).exists():
        pytest.skip(f"the build wrote no {path}.gz")
    status, headers, body = get(url + path, **{"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding"), headers.get("vary")) == (200, "gzip", "Accept-Encoding")
    assert body == (site_dir / (path + ".gz")).read_bytes()
    assert gzip.decompress(body) == (site_dir / path).read_bytes()


def test_brotli_files_are_sent_where_the_module_is_installed(served):
    url, site_dir, _ = served
    if not BROTLI_MODULE.exists() or not (site_dir / "en/help.html.br").exists():
        pytest.skip("no brotli_static module for nginx, or no .br files in the build")
    status, headers, body = get(url + "en/help.html", **{"Accept-Encoding": "gzip, br"})
    assert (status, headers.get("content-encoding")) == (200, "br")
    assert body == (site_dir / "en/help.html.br").read_bytes()


def test_an_unknown_address_gets_the_sites_404_page(served):
    url, site_dir, _ = served
    for path in ("en/no-such-page.html", "no/such/folder/", "assets/missing.png", ".htaccess"):
        status, headers, body = get(url + path)
        assert (status, headers["content-type"], headers["cache-control"]) == (
            404,
            "text/html; charset=utf-8",
            NO_CACHE,
        )
        assert body == (site_dir / "404.html").read_bytes(), path


def test_verify_mirror_passes_the_nginx_mirror(served):
    url, site_dir, manifest = served
    command = [sys.executable, "-m", "fristed", "verify-mirror", url, "--reference", str(site_dir / MANIFEST)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " ".join(result.stdout.split()) == (
        f"This mirror is an exact copy of version 0.1.0 from 28 November 2025: all {len(manifest['files'])} files "
        "match the original."
    )
    assert verify_mirror(url, manifest).ok


@pytest.mark.browser
def test_a_page_read_through_nginx_still_opens_offline(served, phone):
    url = served[0]
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
