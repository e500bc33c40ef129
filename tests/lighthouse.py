"""Lighthouse on a site served as a mirror serves it: nginx with mirror/nginx.conf, under a sub-path.

Shared by tests/test_lighthouse.py (audits that must pass) and bench/bench_weight.py (the four
scores). Lighthouse 12.2.3 comes from node-tools/ (`make test-tools`), Chromium from Debian.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from servers import free_port, running

from conftest import CHROMIUM, CHROMIUM_ARGS, MIRROR_PATH, PROJECT, build, copy_project

NODE_TOOLS = PROJECT / "node-tools"
AUDIT = NODE_TOOLS / "audit.mjs"
# As Debian's nginx.conf has it, with the text types: what a site without .gz copies gets.
GZIP_TYPES = "text/css text/javascript application/javascript application/json image/svg+xml"
# For a site that is not Fristed (stock Material, in the benchmark): files as they are, compressed.
PLAIN_SNIPPET = "location /SUBPATH/ { alias /PATH/TO/SITE/; index index.html; }\n"


def nginx(site_dir: Path, tmp: Path, port: int, snippet: str | None = None) -> contextlib.AbstractContextManager[str]:
    """Serve a built site with mirror/nginx.conf (or another `snippet`) under MIRROR_PATH on
    127.0.0.1:port, with gzip for the text types and no access log; yield its URL. Brotli stays
    off: the benchmark weighs gzip's bytes."""
    return running("nginx", site_dir, tmp, port, snippet=snippet, gzip_types=GZIP_TYPES, access_log=False, brotli=False)


# The home page's languages Lighthouse reads: the source, right-to-left, Ethiopic script.
LANGUAGES = ("nb", "ar", "ti")


@contextlib.contextmanager
def served_at_its_address(folder: Path) -> Iterator[tuple[str, Path]]:
    """Build the site in LANGUAGES with a `site_url` (the address it is served at, as the main site
    is) and serve it with nginx there; yield (URL, site folder). A failed build raises."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{MIRROR_PATH}"
    project = copy_project(folder / "project", LANGUAGES)
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {url}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(project, folder / "site")
    if result.returncode:
        raise RuntimeError(f"the build failed:\n{result.stderr}")
    (folder / "nginx").mkdir()
    with nginx(folder / "site", folder / "nginx", port) as served:
        yield served, folder / "site"


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
