"""A real mirror for the engine matrix: nginx with the project's mirror/nginx.conf, under a
sub-path, and a second server in front that redirects to it, as an http-to-https rule does."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from conftest import MIRROR_PATH, PROJECT
from engines import EngineError

CONFIG = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include /etc/nginx/mime.types;
    # The address readers are given: every request is sent on to the mirror's own address.
    server {{
        listen 127.0.0.1:{front};
        return 301 http://127.0.0.1:{port}$request_uri;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {tmp}/fristed.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxMirror(str):
    """The mirror's own base URL; `front` is the address that redirects to it; `stop()` takes
    the mirror off the network (connections refused)."""

    front: str
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # a graceful stop, workers and all
            self.process.wait(timeout=10)


@contextlib.contextmanager
def nginx_mirror(site_dir: Path, tmp: Path) -> Iterator[NginxMirror]:
    """Serve a built site with nginx under the mirror's sub-path, behind a redirecting front."""
    binary = shutil.which("nginx", path="/usr/sbin:/usr/bin:/usr/local/sbin")
    if not binary:
        raise EngineError("nginx is missing: run `make test-tools`")
    snippet = (PROJECT / "mirror" / "nginx.conf").read_text(encoding="utf-8")
    snippet = snippet.replace("/SUBPATH/", MIRROR_PATH).replace("/PATH/TO/SITE/", f"{site_dir}/")
    (tmp / "fristed.conf").write_text(snippet, encoding="utf-8")
    port, front = free_port(), free_port()
    # Root's workers read the temporary folder, which only root may enter.
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(CONFIG.format(tmp=tmp, port=port, front=front, user=user), encoding="utf-8")
    command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mirror = NginxMirror(f"http://127.0.0.1:{port}{MIRROR_PATH}")
    mirror.front, mirror.process = f"http://127.0.0.1:{front}{MIRROR_PATH}", process
    try:
        deadline = time.monotonic() + 10
        for listening in (port, front):
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", listening), timeout=1):
                    break
                if process.poll() is not None or time.monotonic() > deadline:
                    raise EngineError(f"nginx did not start: {(tmp / 'error.log').read_text()}")
                time.sleep(0.05)
        yield mirror
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
