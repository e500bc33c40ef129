"""Print how long a translator waits in the preview (`make serve`), and how long a clean build's log is.

Run with `make bench`; it serves a copy of the project on a free port and saves a string file in it.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
from servers import free_port  # noqa: E402

PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "source", "docs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _copy(target: Path) -> Path:
    for part in PARTS:
        copy = shutil.copytree if (PROJECT / part).is_dir() else shutil.copy2
        copy(PROJECT / part, target / part)
    return target


def _until(lines: queue.Queue, text: str) -> float:
    """Wait for a line of the server's log containing `text`; return when it came."""
    while text not in lines.get(timeout=300):
        pass
    return time.monotonic()


def _preview(project: Path) -> tuple[float, float]:
    """Seconds to the first build, and from a save of an interface string to the browsers' reload."""
    port = free_port()
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    try:
        first = _until(lines, "Serving on ") - started
        strings = project / "data" / "strings" / "en.yml"
        text = strings.read_text(encoding="utf-8")
        saved = time.monotonic()
        strings.write_text(text.replace('site_name: "', 'site_name: "Preview: ', 1), encoding="utf-8")
        shown = _until(lines, "Reloading browsers") - saved
    finally:
        server.terminate()
        server.wait()
    return first, shown


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        project = _copy(Path(folder))
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(Path(folder) / "site")],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"build log: {len((build.stdout + build.stderr).splitlines())} line(s) for a clean build")
        first, shown = _preview(project)
        print(f"preview: first build {first:.1f} s; a saved interface string is in the browser {shown:.1f} s later")
    return 0


if __name__ == "__main__":
    sys.exit(main())
