"""Fetch a mirror's files with the standard library, within limits a hostile server cannot stretch.

Each request has a timeout and a size limit, and a client makes at most a set number of requests,
so checking a mirror ends in bounded time whatever the mirror does.
"""

from __future__ import annotations

import gzip
import threading
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from http.client import responses
from urllib.parse import quote

USER_AGENT = "fristed-verify-mirror/1"
TIMEOUT_SECONDS = 20.0
MAX_REQUESTS = 20_000
MAX_BYTES = 50_000_000
SCHEMES = ("http://", "https://", "file://")


@dataclass(frozen=True)
class Fetched:
    """What one request brought back: the body, or why there is none."""

    url: str
    body: bytes | None
    status: int | None = None
    error: str = ""
    encoding: str = ""

    def bodies(self) -> list[bytes]:
        """Return the body as sent and, if the server compressed it unasked, decompressed too.

        A `.gz` file served as itself with `Content-Encoding: gzip` (Apache's habit) is the file's
        own bytes, so both readings are candidates and the caller keeps whichever matches.
        """
        if self.body is None:
            return []
        candidates = [self.body]
        try:
            if self.encoding in ("gzip", "x-gzip"):
                candidates.append(gzip.decompress(self.body))
            elif self.encoding == "deflate":
                candidates.append(zlib.decompress(self.body))
        except (OSError, EOFError, zlib.error):
            pass
        return candidates


class Client:
    """A small HTTP client with a timeout, a size limit and a budget of requests; thread-safe."""

    def __init__(self, timeout: float = TIMEOUT_SECONDS, max_requests: int = MAX_REQUESTS, max_bytes: int = MAX_BYTES):
        self.timeout = timeout
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.requests = 0
        self._lock = threading.Lock()

    def get(self, url: str) -> Fetched:
        """GET a URL; never raises for what the server or network does, but says it in `error`."""
        with self._lock:
            if self.requests >= self.max_requests:
                return Fetched(url, None, error=f"not fetched: this check makes at most {self.max_requests} requests")
            self.requests += 1
        # Plain bytes, please: the hashes are of the files as stored, not as compressed on the way.
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                headers: Message = response.headers
                status = getattr(response, "status", None)
        except urllib.error.HTTPError as error:
            error.close()
            return Fetched(url, None, status=error.code, error=f"HTTP {error.code} {responses.get(error.code, '')}")
        except urllib.error.URLError as error:
            return Fetched(url, None, error=_reason(error.reason))
        except (TimeoutError, OSError, ValueError) as error:
            return Fetched(url, None, error=_reason(error))
        if len(body) > self.max_bytes:
            return Fetched(url, None, status=status, error=f"larger than {self.max_bytes // 1_000_000} MB")
        # http.client returns what arrived when a connection breaks mid-body, without a word.
        length = (headers.get("Content-Length") or "").strip()
        if length.isdigit() and len(body) < int(length):
            return Fetched(url, None, status=status, error=f"interrupted: {len(body)} of {length} bytes arrived")
        encoding = (headers.get("Content-Encoding") or "").strip().lower()
        return Fetched(url, body, status=status, encoding=encoding)


def file_url(base_url: str, url: str) -> str:
    """Return the address of a site file on a mirror: its URL from the site root, percent-encoded."""
    return base_url + quote(url, safe="/")


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    if isinstance(reason, FileNotFoundError):
        return "no such file"
    text = str(getattr(reason, "strerror", None) or reason)
    return f"could not connect ({text})" if text else "could not connect"
