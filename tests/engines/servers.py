"""The servers the engine matrix reads from: a mirror that can go offline, and a neutral site.

Going offline the same way in every engine: WebKit's driver has no network emulation, so the
mirror itself stops answering. Offline, it closes each connection as it comes, and every
engine's fetch fails as it does when a phone loses its network.
"""

from __future__ import annotations

import contextlib
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import MIRROR_PATH, _SubPathHandler

NEUTRAL_PAGE = b"<!doctype html><title>Weather</title><h1>Weather</h1>"


class _Switchable(ThreadingHTTPServer):
    daemon_threads = True
    offline = False
    site_dir: Path
    # Paths under the mirror that answer 404, as a half-copied mirror would.
    missing: set[str]
    # Seconds each page waits before it is answered, as on a 2G network.
    page_delay = 0.0

    def verify_request(self, request, client_address) -> bool:
        # Refused requests are closed unanswered (socketserver's shutdown_request).
        return not self.offline


class _MirrorHandler(_SubPathHandler):
    def send_head(self):
        path = self.path.split("?", 1)[0]
        if path.endswith((".html", "/")):
            time.sleep(self.server.page_delay)
        if path.removeprefix(MIRROR_PATH) in self.server.missing:
            self.send_error(404)
            return None
        return super().send_head()


class SwitchableMirror(str):
    """A built site served under a sub-path on a free port; the string is its base URL.

    `offline = True` makes it close every connection; `site_dir` can be swapped for a new build;
    `missing` holds paths (under the sub-path) that answer 404; `page_delay` slows pages down as
    2G does; `requested` lists the paths asked for.
    """

    server: _Switchable
    requested: list[str]

    @property
    def site_dir(self) -> Path:
        return self.server.site_dir

    @site_dir.setter
    def site_dir(self, value: Path) -> None:
        self.server.site_dir = value

    @property
    def page_delay(self) -> float:
        return self.server.page_delay

    @page_delay.setter
    def page_delay(self, value: float) -> None:
        self.server.page_delay = value

    @property
    def missing(self) -> set[str]:
        return self.server.missing

    @property
    def offline(self) -> bool:
        return self.server.offline

    @offline.setter
    def offline(self, value: bool) -> None:
        self.server.offline = value


@contextlib.contextmanager
def switchable_mirror(site_dir: Path) -> Iterator[SwitchableMirror]:
    """Serve a built site under the mirror's sub-path for as long as the block runs."""
    requested: list[str] = []
    handler = type("Handler", (_MirrorHandler,), {"requested": requested})
    server = _Switchable(("127.0.0.1", 0), lambda *args: handler(*args, directory=str(server.site_dir)))
    server.site_dir, server.missing = site_dir, set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    mirror = SwitchableMirror(f"http://127.0.0.1:{server.server_port}{MIRROR_PATH}")
    mirror.server, mirror.requested = server, requested
    try:
        yield mirror
    finally:
        server.shutdown()
        server.server_close()


class _Neutral(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(NEUTRAL_PAGE)))
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    def log_message(self, format, *args):
        pass


class _NeutralServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser may try the certificate before it is told to accept it: not the test's concern.
        pass


@contextlib.contextmanager
def neutral_site(folder: Path) -> Iterator[str]:
    """A stand-in for the weather site the quick exit opens, over https on 127.0.0.1.

    The quick exit must lead to an https address; the certificate is made here, and the engines
    are told to accept it.
    """
    key, certificate = folder / "key.pem", folder / "certificate.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"),
            *("-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    server = _NeutralServer(("127.0.0.1", 0), _Neutral)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    # The handshake happens in each request's thread, not in the one that accepts connections: a
    # browser's idle spare connection must not hold up the rest.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
