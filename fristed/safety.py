"""What keeps a reader safe on every page: the quick exit, the security policy, external links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Nothing loads from another host and no inline script runs; no forms, frames or plugins.
# Images may be data: URLs because Material's stylesheet draws its icons with them.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
)
# A weather site: what a person checks on their phone a dozen times a day.
DEFAULT_QUICK_EXIT_URL = "https://www.yr.no/"

EXTERNAL_LINK = re.compile(r"<a (?=[^>]*\bhref=\"https?://)(?![^>]*\brel=)")


def quick_exit_url(extra: dict) -> str:
    """Return the quick exit's destination from `extra.quick_exit_url`, which must be an https URL."""
    url = extra.get("quick_exit_url", DEFAULT_QUICK_EXIT_URL)
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme != "https" or not parts.hostname:
        raise ValueError(
            f"mkdocs.yml: extra.quick_exit_url: expected an https:// address of a neutral site, found {url!r}"
        )
    return url


def mark_external_links(html: str) -> str:
    """Give links to other sites `rel="noopener noreferrer"`: they learn nothing of this one."""
    return EXTERNAL_LINK.sub('<a rel="noopener noreferrer" ', html)
