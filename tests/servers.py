"""The web servers mirrors run, started for real on 127.0.0.1 from the settings in `mirror/`.

Each server serves one folder under a sub-path, from a configuration written around the project's
file for it exactly as MIRRORING.md tells a volunteer to fill it in, with its own pid file, logs
and a free port, and stops at the end. The servers come from Debian (`make test-tools`); a
missing one fails the test with that advice, as a missing browser does. The same nginx, with a few
options, is the engine matrix's mirror (tests/test_engines_mirrors.py) and Lighthouse's
(tests/lighthouse.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MIRROR_PATH, PROJECT

SERVERS = ("nginx", "apache", "caddy")
SBIN = "/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE_MODULES = Path("/usr/lib/apache2/modules")

NGINX = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}{modules}
events {{ worker_connections 64; }}
http {{
    access_log {access_log};
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
{gzip_types}{front}    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {tmp}/fristed.conf;
    }}
}}
"""
# The address readers are given, on another port: every request is sent on to the server's own
# address, as an http-to-https rule does.
NGINX_FRONT = """\
    server {{
        listen 127.0.0.1:{front};
        return 301 http://127.0.0.1:{port}$request_uri;
    }}
"""
# Debian's defaults around the site's folder: the modules a2enmod enables out of the box (on-the-fly
# deflate among them, which the pre-compressed files must not go through), plus headers and rewrite
# as MIRRORING.md asks, and `AllowOverride All` for the .htaccess.
APACHE = """\
ServerRoot "{tmp}"
DefaultRuntimeDir "{tmp}"
PidFile "{tmp}/apache.pid"
ErrorLog "{tmp}/error.log"
LogLevel warn
Listen 127.0.0.1:{port}
ServerName localhost
{modules}
User {user}
Group {group}
TypesConfig /etc/mime.types
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript application/javascript
DocumentRoot "{tmp}/empty"
Alias {subpath} "{site}/"
<Directory "{site}">
    AllowOverride All
    Require all granted
</Directory>
"""
APACHE_LOADED = ("mpm_event", "authz_core", "mime", "dir", "alias", "filter", "deflate", "headers", "rewrite")
CADDY_GLOBAL = """\
{{
	admin off
	auto_https off
	storage file_system {tmp}/data
}}
"""


def binary(name: str) -> str:
    """Return a server's path; fail, saying how to install it, where it is missing."""
    found = shutil.which(name, path=SBIN)
    if not found:
        pytest.fail(f"{name} is missing: run `make test-tools`, which installs the servers the tests start")
    return found


def free_port() -> int:
    """A port nothing listens on now, for a server started soon."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nginx(
    tmp: Path,
    site: Path,
    port: int,
    *,
    snippet: str | None = None,
    front: int | None = None,
    gzip_types: str = "",
    access_log: bool = True,
    brotli: bool = True,
) -> list[str]:
    """nginx with mirror/nginx.conf, or another `snippet` with the same placeholders, on `port`.

    `front`: a port whose every request is redirected to `port`. `gzip_types`: types compressed on
    the fly besides HTML. `access_log=False`: none written. `brotli=False`: brotli stays off even
    where Debian's module is installed (it is loaded and turned on otherwise).
    """
    brotli = brotli and BROTLI_MODULE.exists()
    snippet = snippet or (PROJECT / "mirror" / "nginx.conf").read_text(encoding="utf-8")
    snippet = snippet.replace("/SUBPATH/", MIRROR_PATH).replace("/PATH/TO/SITE/", f"{site}/")
    if brotli:
        snippet = snippet.replace("# brotli_static on;", "brotli_static on;")
    (tmp / "fristed.conf").write_text(snippet, encoding="utf-8")
    config = NGINX.format(
        tmp=tmp,
        port=port,
        # Root's workers read the temporary folder, which only root may enter.
        user="user root;\n" if os.geteuid() == 0 else "",
        modules=f"load_module {BROTLI_MODULE};\n" if brotli else "",
        access_log=f"{tmp}/access.log" if access_log else "off",
        gzip_types=f"    gzip_types {gzip_types};\n" if gzip_types else "",
        front=NGINX_FRONT.format(front=front, port=port) if front else "",
    )
    (tmp / "nginx.conf").write_text(config, encoding="utf-8")
    command = [binary("nginx"), "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    _check_config([*command, "-t"], tmp)
    return command


def _apache(tmp: Path, site: Path, port: int) -> list[str]:
    # Apache will not serve as root: its workers take Debian's web user, who must read every file
    # (a copy keeps the modes of pytest's private folders).
    for path in [site, *site.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    htaccess = (PROJECT / "mirror" / ".htaccess").read_text(encoding="utf-8")
    (site / ".htaccess").write_text(htaccess.replace("/SUBPATH/", MIRROR_PATH), encoding="utf-8")
    (tmp / "empty").mkdir()
    modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so" for name in APACHE_LOADED)
    user = "www-data" if os.geteuid() == 0 else f"#{os.geteuid()}"
    group = "www-data" if os.geteuid() == 0 else f"#{os.getegid()}"
    config = APACHE.format(tmp=tmp, port=port, modules=modules, user=user, group=group, subpath=MIRROR_PATH, site=site)
    (tmp / "apache.conf").write_text(config, encoding="utf-8")
    command = [binary("apache2"), "-f", str(tmp / "apache.conf"), "-DFOREGROUND"]
    _check_config([*command[:-1], "-t"], tmp)
    return command


def _caddy(tmp: Path, site: Path, port: int) -> list[str]:
    text = (PROJECT / "mirror" / "Caddyfile").read_text(encoding="utf-8")
    text = text.replace("mirror.example {", f"http://127.0.0.1:{port} {{")
    text = text.replace("/SUBPATH/", MIRROR_PATH).replace("/PATH/TO/SITE/", f"{site}/")
    (tmp / "Caddyfile").write_text(CADDY_GLOBAL.format(tmp=tmp) + text, encoding="utf-8")
    command = [binary("caddy"), "run", "--config", str(tmp / "Caddyfile"), "--adapter", "caddyfile"]
    _check_config([binary("caddy"), "validate", "--config", str(tmp / "Caddyfile"), "--adapter", "caddyfile"], tmp)
    return command


def _check_config(command: list[str], tmp: Path) -> None:
    checked = subprocess.run(command, capture_output=True, text=True, env=_env(tmp))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _env(tmp: Path) -> dict[str, str]:
    # Caddy keeps state in the home folder; here, in the server's own temporary folder.
    return {**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp)}


STARTERS = {"nginx": _nginx, "apache": _apache, "caddy": _caddy}
# nginx stops gracefully on QUIT; Apache and Caddy on TERM.
STOP = {"nginx": signal.SIGQUIT, "apache": signal.SIGTERM, "caddy": signal.SIGTERM}


class Served(str):
    """A running server's URL under MIRROR_PATH; `front` is the address that redirects to it
    (nginx's `front` option); `stop()` takes the server off the network (connections refused)."""

    front: str | None = None
    process: subprocess.Popen
    stop_signal: signal.Signals

    def stop(self) -> None:
        """Stop gracefully, workers and all; kill a server that takes longer than 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(self.stop_signal)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextlib.contextmanager
def running(
    name: str, site: Path, tmp: Path | None = None, port: int | None = None, *, front: bool = False, **options
) -> Iterator[Served]:
    """Serve `site` (a folder every user may read) with one server under MIRROR_PATH; yield its URL.

    The server keeps its configuration, pid and logs in `tmp` (by default a new folder beside
    `site`) and listens on `port` (by default a free one); with `front` (nginx), also on a free
    port that redirects to it. `options` are the starter's own (see `_nginx`).
    """
    if tmp is None:
        tmp = site.parent / f"{name}-server"
        tmp.mkdir(mode=0o755)
    listening = [port or free_port()]
    if front:
        listening.append(free_port())
        options["front"] = listening[1]
    command = STARTERS[name](tmp, site, listening[0], **options)
    log = open(tmp / "output.log", "wb")  # noqa: SIM115 - closed below, after the server stops
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=_env(tmp))
    served = Served(f"http://127.0.0.1:{listening[0]}{MIRROR_PATH}")
    served.process, served.stop_signal = process, STOP[name]
    if front:
        served.front = f"http://127.0.0.1:{listening[1]}{MIRROR_PATH}"
    try:
        deadline = time.monotonic() + 10
        for each in listening:
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", each), timeout=1):
                    break
                assert process.poll() is None, (
                    f"{name} did not start: {_read(tmp / 'output.log')}{_read(tmp / 'error.log')}"
                )
                assert time.monotonic() < deadline, f"{name} did not start listening within 10 s"
                time.sleep(0.05)
        yield served
    finally:
        served.stop()
        log.close()
    # nginx: every location of the snippet sets both variables its headers use; a missed one is logged.
    assert "uninitialized" not in _read(tmp / "error.log")


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET a URL, as plain bytes unless the headers ask otherwise; return status, headers (lower case), body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
