"""The same commit builds the same bytes, wherever and whenever it is built."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FEW_LANGUAGES, PROJECT, keep_languages

# Two builds in fresh clones.
pytestmark = pytest.mark.slow


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build_clone(target: Path) -> Path:
    """Clone the project's last commit to `target` and build it there, with its own code.

    Three languages (source, left-to-right, right-to-left) build with every step the fifteen do,
    in a fifth of the time; what the site manifest records comes from the commit either way."""
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(target)], check=True)
    keep_languages(target, FEW_LANGUAGES)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(target)}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=target, env=env, check=True)
    return target / "site"


def test_two_clones_on_different_paths_build_byte_identical_sites(tmp_path):
    first = build_clone(tmp_path / "one")
    second = build_clone(tmp_path / "elsewhere" / "two")
    assert tree(first) == tree(second)
    manifest = json.loads((first / "site-manifest.json").read_text(encoding="utf-8"))
    commit = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "HEAD"], capture_output=True, text=True)
    # The clones are the commit less twelve languages, which the manifest owns up to.
    assert manifest["commit"] == commit.stdout.strip() + "-modified"
    assert manifest["files"] == {url: digest for url, digest in tree(first).items() if url != "site-manifest.json"}
