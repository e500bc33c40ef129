"""The translators' preview (`make serve`): live reload under the site's security policy, and the
project's code read afresh for every rebuild.

hooks/preview.py fits these into MkDocs' development server.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

# Under the server's own `/livereload/` address, which it answers at its root, outside the site.
SCRIPT_PATH = "/livereload/fristed.js"
SCRIPT = (Path(__file__).parent / "livereload.js").read_bytes()
# Where the code the build runs lives: this package, and the project's hooks/.
PACKAGE = Path(__file__).resolve().parent.parent


def inject_live_reload(html: bytes, epoch: int) -> bytes:
    """Add the live-reload script before `</body>` as a file, which the security policy allows.

    MkDocs adds it inline, which the policy (`script-src` falls back to `default-src 'self'`) refuses.
    `epoch` is the build the page is from; the request number tells the server's log one tab from another.
    """
    request = time.monotonic_ns()
    tag = f'<script src="{SCRIPT_PATH}" data-epoch="{epoch}" data-request="{request}"></script>'.encode()
    end = html.rfind(b"</body>")
    end = len(html) if end < 0 else end
    return html[:end] + tag + html[end:]


WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


def serving_script(app: WsgiApp) -> WsgiApp:
    """Wrap a WSGI app so it answers `SCRIPT_PATH` with the live-reload script."""

    def answer(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != SCRIPT_PATH:
            return app(environ, start_response)
        headers = [
            ("Content-Type", "text/javascript"),
            ("Content-Length", str(len(SCRIPT))),
            ("Cache-Control", "no-store"),
        ]
        start_response("200 OK", headers)
        return [SCRIPT]

    return answer


def forget_project_modules(hooks: Path) -> list[str]:
    """Drop the modules of this package and of `hooks` from `sys.modules`; return their names.

    Python imports a module once per process: without this, a rebuild would run the code as it
    was when the preview started. The next import reads each file as it is now.
    """
    folders = (PACKAGE, hooks.resolve())
    forgotten = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and any(Path(file).resolve().is_relative_to(folder) for folder in folders):
            del sys.modules[name]
            forgotten.append(name)
    return forgotten
