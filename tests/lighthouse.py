"""Lighthouse on a site served as a mirror serves it: nginx with mirror/nginx.conf, under a sub-path.

Shared by tests/test_lighthouse.py (audits that must pass) and bench/bench_weight.py (the four
scores). Lighthouse 12.2.3 comes from node-tools/ (`make test-tools`), Chromium from Debian.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_ARGS, MIRROR_PATH, PROJECT

NODE_TOOLS = PROJECT / "node-tools"
AUDIT = NODE_TOOLS / "audit.mjs"
CONFIG = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include /etc/nginx/mime.types;
    sendfile on;
    # As Debian's nginx.conf has it, with the text types: what a site without .gz copies gets.
    gzip on;
    gzip_types text/css text/javascript application/javascript application/json image/svg+xml;
    server {{
        listen 127.0.0.1:{port};
        include {tmp}/fristed.conf;
    }}
}}
"""


def free_port() -> int:
    """A port nothing listens on now, for a server started soon."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# For a site that is not Fristed (stock Material, in the benchmark): files as they are, compressed.
PLAIN_SNIPPET = "location /SUBPATH/ { alias /PATH/TO/SITE/; index index.html; }\n"


@contextlib.contextmanager
def nginx(site_dir: Path, tmp: Path, port: int, snippet: str | None = None):
    """Serve a built site with mirror/nginx.conf (or another `snippet`) under MIRROR_PATH on
    127.0.0.1:port; yield its URL."""
    binary = shutil.which("nginx", path="/usr/sbin:/usr/bin:/usr/local/sbin")
    if not binary:
        raise RuntimeError("nginx is missing: run `make test-tools`")
    snippet = snippet or (PROJECT / "mirror" / "nginx.conf").read_text(encoding="utf-8")
    snippet = snippet.replace("/SUBPATH/", MIRROR_PATH)
    (tmp / "fristed.conf").write_text(snippet.replace("/PATH/TO/SITE/", f"{site_dir}/"), encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(CONFIG.format(tmp=tmp, port=port, user=user), encoding="utf-8")
    command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {(tmp / 'error.log').read_text()}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}{MIRROR_PATH}"
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def audit(urls: list[str], categories: tuple[str, ...]) -> dict:
    """Run Lighthouse (mobile, its default) on each URL with one browser; return, per URL and
    category, {"score": 0 to 100, "failing": ["audit-id: title", ...]}."""
    if not (NODE_TOOLS / "node_modules" / "lighthouse").is_dir():
        raise RuntimeError("Lighthouse is missing: run `make test-tools`, which installs node-tools/")
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "CHROME_FLAGS": json.dumps(CHROMIUM_ARGS)}
    result = subprocess.run(
        ["node", str(AUDIT), ",".join(categories), *urls],
        cwd=NODE_TOOLS,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])
