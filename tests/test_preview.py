"""The translators' preview, `make serve`: it follows every save, under the site's security policy."""

from __future__ import annotations

import os
import pty
import re
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from servers import free_port

from conftest import PROJECT, copy_project
from fristed.data import DataError
from fristed.facts import load_facts
from fristed.preview import SCRIPT_PATH
from fristed.project import Project

# The default language and one other: each rebuild of the copy then takes about 2 s.
LANGUAGES = ("nb", "en")
# The limit leaves room for a busy machine.
REBUILT = 30_000
# The terminal codes that colour a line.
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


class Preview:
    """`make serve` running in a copy of the project, its terminal output collected line by line."""

    def __init__(self, project: Path):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/"
        self.lines: list[str] = []
        # In a terminal 80 columns wide, as a translator runs it: MkDocs colours and wraps its log
        # only there.
        self._terminal, child = pty.openpty()
        env = {**os.environ, "COLUMNS": "80", "TERM": "xterm", "NO_MKDOCS_2_WARNING": "1"}
        env.pop("NO_COLOR", None)
        # `-o .venv/installed`: the copy borrows the project's environment, never rebuilds it.
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", ".venv/installed", "serve", f"PORT={port}"],
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=child,
            stderr=child,
            start_new_session=True,
        )
        os.close(child)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        pending = b""
        while True:
            try:
                chunk = os.read(self._terminal, 4096)
            except OSError:  # the server's side of the terminal is closed
                break
            if not chunk:
                break
            *complete, pending = (pending + chunk).split(b"\n")
            self.lines.extend(COLOUR.sub("", line.decode(errors="replace").rstrip("\r")) for line in complete)

    def wait_for(self, pattern: str, after: int = 0, timeout: float = REBUILT / 1000) -> int:
        """Wait for a line matching `pattern` after line `after`; return the number of lines then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(re.search(pattern, line) for line in self.lines[after:]):
                return len(self.lines)
            assert self.process.poll() is None, "\n".join(self.lines)
            time.sleep(0.05)
        pytest.fail(f"no line matching {pattern!r} in:\n" + "\n".join(self.lines))

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self._terminal)


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "project", LANGUAGES)
    (project / "Makefile").write_bytes((PROJECT / "Makefile").read_bytes())
    (project / ".venv").symlink_to(PROJECT / ".venv")
    served = Preview(project)
    served.project = project
    served.wait_for(r"Serving on ", timeout=60)
    yield served
    served.stop()


def _set(path: Path, key: str, value: str) -> None:
    """Change one top-level value of a YAML file in place, its comments kept."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text)
    assert count == 1, key
    path.write_text(changed, encoding="utf-8")


@pytest.mark.browser
@pytest.mark.slow
def test_preview_follows_each_save_and_says_what_stops_a_rebuild(preview, phone, monkeypatch):
    assert f"INFO    -  Preview of the site at {preview.url} (" in "\n".join(preview.lines)
    # Served as built, links relative to the page, with only the live-reload script added.
    with urllib.request.urlopen(f"{preview.url}en/index.html") as response:
        document = BeautifulSoup(response.read(), "html.parser")
    references = [
        tag.get("href") or tag["src"] for tag in document.find_all(lambda tag: tag.get("href") or tag.get("src"))
    ]
    assert [url for url in references if url.startswith("/")] == [SCRIPT_PATH]
    console = []
    page = phone.new_page()
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{preview.url}en/index.html")

    # An interface string: the page reloads by itself with the new site name.
    strings = preview.project / "data" / "strings" / "en.yml"
    name = yaml.safe_load(strings.read_text(encoding="utf-8"))["site_name"]
    _set(strings, "site_name", f'"{name} (preview)"')
    expect(page).to_have_title(re.compile(re.escape(f"{name} (preview)") + "$"), timeout=REBUILT)

    # A fact that no longer matches its source: the terminal lists the checker's findings, whole
    # lines as `make check` prints them, and the preview keeps serving.
    facts = preview.project / "data" / "facts.yml"
    original = facts.read_text(encoding="utf-8")
    phones = yaml.safe_load(original)["phones"]
    number = next(phone["number"] for phone in phones.values() if phone.get("role") == "helpline")
    facts.write_text(original.replace(number, number[:-2] + "99", 1), encoding="utf-8")
    monkeypatch.chdir(preview.project)
    with pytest.raises(DataError) as error:
        Project.load(preview.project)
    seen = preview.wait_for(r"Fix what is listed above and save: the preview rebuilds\.$")
    for finding in str(error.value).splitlines():
        assert finding in preview.lines, "\n".join(preview.lines)
    assert not [line for line in preview.lines if line.startswith("Traceback")], "\n".join(preview.lines)

    # Fixed, with the helpline's role given to another phone: the header calls that one now.
    other = next(key for key, phone in phones.items() if "role" not in phone)
    # The phones' block, from `phones:` to the next top-level key.
    block = re.search(r"(?ms)^phones:\n.*?(?=^\S)", original)[0]
    moved = re.sub(r"(?m)^    role: helpline\n", "", block)
    moved = re.sub(rf"(?m)^(  {re.escape(other)}:\n)", r"\1    role: helpline\n", moved)
    facts.write_text(original.replace(block, moved), encoding="utf-8")
    helpline = load_facts(preview.project).phone("helpline")
    assert helpline.id == other
    expect(page.locator(".fristed-helpline__number")).to_have_attribute("href", helpline.tel, timeout=REBUILT)
    preview.wait_for(rf"INFO    -  Built {len(LANGUAGES)} languages, \d+ pages in [\d.]+ s$", after=seen)
    # The live reload ran under the site's policy, which refused nothing.
    assert [message for message in console if "Content Security Policy" in message] == []
