"""LinkChecker over the site as a mirror serves it: no broken internal link or anchor."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def test_linkchecker_finds_no_broken_link_or_anchor(mirror, tmp_path):
    config = tmp_path / "linkcheckerrc"
    # AnchorCheck: a link to #heading must find that heading. Phone and mail links are not
    # checked: LinkChecker would look up mail servers, and the machine has no network.
    config.write_text(
        "[checking]\nmaxrequestspersecond=100\n[AnchorCheck]\n[filtering]\nignore=\n  ^tel:\n  ^mailto:\n",
        encoding="utf-8",
    )
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [linkchecker, "--config", str(config), "--no-status", "--no-warnings", "--recursion-level=-1", mirror],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout
