"""What keeps a reader safe on every page: the quick exit, the security policy, external links."""

from __future__ import annotations

import re

# Nothing loads from another host and no inline script runs; no forms, frames or plugins.
# Images may be data: URLs because Material's stylesheet draws its icons with them.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
)
# What a server sends with a page, beside the page's own <meta> policy (both apply): the site's
# policy in all but styles, which the <meta> allows by the hash of the page's one <style> (its
# first screen's CSS), different on every page; and frame-ancestors, which only a header can say.
PAGE_HEADER_POLICY = (
    "script-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; manifest-src 'self'; "
    "worker-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-src 'none'; frame-ancestors 'none'"
)

EXTERNAL_LINK = re.compile(r"<a (?=[^>]*\bhref=\"https?://)(?![^>]*\brel=)")


def content_security_policy(style_hashes: list[str]) -> str:
    """The policy of a page whose own `<style>` elements are these (CSP hash sources): those
    styles and the site's stylesheets, no other inline style."""
    return f"{CONTENT_SECURITY_POLICY}; style-src 'self' {' '.join(style_hashes)}"


def mark_external_links(html: str) -> str:
    """Give links to other sites `rel="noopener noreferrer"`: they learn nothing of this one."""
    return EXTERNAL_LINK.sub('<a rel="noopener noreferrer" ', html)
