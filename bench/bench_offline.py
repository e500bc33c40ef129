"""Print what saving each language for offline use downloads: its pack and the shared shell.

Run with `make bench`; it builds the site into a temporary folder first.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BUDGET = 150_000


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), mtime=0))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "--site-dir", str(site)],
            cwd=PROJECT,
            env=env,
            check=True,
        )
        text = (site / "sw-precache.js").read_text(encoding="utf-8")
        lists = json.loads(text[text.index("{") : text.rindex("}") + 1])
        shell = sum(gzip_size(site / url) for url, _ in lists["shell"])
        print(f"{'language':<10}{'files':>7}{'pack KB':>10}{'with shell KB':>15}{'budget':>9}")
        worst = 0
        for code, language in sorted(lists["languages"].items()):
            pack = sum(gzip_size(site / url) for url, _ in language["files"])
            worst = max(worst, pack + shell)
            verdict = "ok" if pack + shell < BUDGET else "OVER"
            print(
                f"{code:<10}{len(language['files']):>7}{pack / 1000:>10.1f}{(pack + shell) / 1000:>15.1f}{verdict:>9}"
            )
        print(f"{'shell':<10}{len(lists['shell']):>7}{shell / 1000:>10.1f}")
        print(f"largest language with shell: {worst / 1000:.1f} KB gzip (budget {BUDGET / 1000:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
