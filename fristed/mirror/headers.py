"""The headers every answer of a mirror carries, and `_headers`, which gives them on static hosts.

The server settings in `mirror/` (nginx, Apache, Caddy) state these same values in their own
languages; tests/test_servers.py runs each server and checks that all of them, and this file, send
the same headers. Static hosts that read Netlify's `_headers` format get them from the file the
build writes at the site's root.

In that format every rule matching a path applies, and a header two rules set is joined with a
comma: two security policies would then both apply and block the offline page's own style. So the
file gives each file its own rule, and only the headers every file shares are under `/*`.
"""

from __future__ import annotations

import re
from pathlib import Path

from fristed.mirror.manifest import MANIFEST
from fristed.safety import CONTENT_SECURITY_POLICY, PAGE_HEADER_POLICY

HEADERS_FILE = "_headers"
# frame-ancestors only works as a header: no other site may show these pages in a frame.
SITE_POLICY = f"{CONTENT_SECURITY_POLICY}; frame-ancestors 'none'"
# Pages: the site's policy but for styles, which each page's <meta> allows by the hash of its one
# <style> (its first screen's CSS, fristed/assets/critical.py), different on every page.
PAGE_POLICY = PAGE_HEADER_POLICY
# The offline pages state their own, stricter policy in a <meta>; the header adds what it cannot.
OFFLINE_POLICY = "frame-ancestors 'none'"
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
COMMON = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
}
NO_CACHE = "no-cache"
SHORT = "max-age=600"
# A year in seconds, spelt out: the engine states no bare eight-digit number (a phone number's shape).
YEAR = f"public, max-age={365 * 24 * 60 * 60}, immutable"
# As in the servers' settings: pages and what tells the browser about a new version are asked for
# again each time; files named after their content are kept a year; the rest ten minutes.
FRESH = re.compile(r"(\.html|\.webmanifest|(^|/)sw\.js|(^|/)sw-precache\.js|(^|/)site-manifest\.json)$")
HASHED = re.compile(r"^assets/.*\.[0-9a-f]{8,}\.[^/]+$")
OFFLINE = re.compile(r"(^|/)offline\.html$")
# Copies for servers that send them as they are; static hosts compress by themselves.
SKIPPED_SUFFIXES = (".gz", ".br", ".minisig")


def headers_for(url: str) -> dict[str, str]:
    """Return the policy and caching a file of the site (its URL from the site root) is sent with."""
    policy = OFFLINE_POLICY if OFFLINE.search(url) else PAGE_POLICY if url.endswith(".html") else SITE_POLICY
    cache = NO_CACHE if FRESH.search(url) else YEAR if HASHED.match(url) else SHORT
    return {"Content-Security-Policy": policy, "Cache-Control": cache}


def headers_file(site_dir: Path) -> str:
    """Return the `_headers` text for a built site: shared headers under `/*`, then a rule per file."""
    lines = ["# The headers of every answer, for static hosts that read this format. Written by the build.", ""]
    lines += ["/*", *(f"  {name}: {value}" for name, value in COMMON.items())]
    urls = {
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES) and path.name != HEADERS_FILE
    }
    urls = sorted(urls | {MANIFEST})  # written after this file, as the last step of the build
    for url in urls:
        # A folder's address (`/en/`) is its index.html, and needs its own rule.
        paths = [f"/{url}"] + ([f"/{url.removesuffix('index.html')}"] if url.endswith("index.html") else [])
        for path in paths:
            lines += ["", path, *(f"  {name}: {value}" for name, value in headers_for(url).items())]
    return "\n".join(lines) + "\n"


def write_headers_file(site_dir: Path) -> Path:
    """Write `_headers` at the root of a built site; return its path."""
    target = Path(site_dir) / HEADERS_FILE
    target.write_text(headers_file(Path(site_dir)), encoding="utf-8")
    return target
