"""Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core in a small Node bridge."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

from engines import TIMEOUT_S, VIEWPORT, Engine, EngineError, Tab

FIREFOX = "/usr/bin/firefox-esr"
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
PUPPETEER = Path(__file__).resolve().parents[2] / "node-tools" / "node_modules" / "puppeteer-core"
# Nothing may reach the internet: every proxied request goes to a port where nothing listens
# (the discard port), and only the tests' own servers on 127.0.0.1 are reached directly.
PREFS = {
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.share_proxy_settings": True,
    "network.proxy.no_proxies_on": "127.0.0.1",
    "network.proxy.allow_hijacking_localhost": False,
    # Firefox asks the reader before it keeps a site's data for good. Headless, nobody answers:
    # "ask" (0), set here explicitly, leaves such a prompt open for ever, the worst case for
    # "Save for offline", which must finish all the same.
    "permissions.default.persistent-storage": 0,
}


class FirefoxTab(Tab):
    engine = "firefox"

    def __init__(self, browser: Firefox, tab: int):
        self._browser, self._tab = browser, tab

    def _do(self, command: str, **fields: Any) -> Any:
        return self._browser.send(command, tab=self._tab, **fields)

    def goto(self, url: str) -> None:
        self._do("goto", url=url)

    def evaluate(self, script: str, *args: Any) -> Any:
        return self._do("evaluate", script=script, args=list(args))

    def click(self, selector: str) -> None:
        self.wait_for_element(selector)
        self._do("click", selector=selector)

    def type(self, selector: str, text: str) -> None:
        self.wait_for_element(selector)
        self._do("type", selector=selector, text=text)

    def press(self, key: str) -> None:
        self._do("press", key=key)

    @property
    def url(self) -> str:
        return self._do("url")

    def back(self) -> None:
        self._do("back")

    def screenshot(self, path: str) -> None:
        self._do("screenshot", path=path)

    def close(self) -> None:
        self._do("close")


class Firefox(Engine):
    name = "firefox"

    def __init__(self):
        if not Path(FIREFOX).exists() or not PUPPETEER.exists():
            raise EngineError(f"{FIREFOX} or {PUPPETEER} is missing: run `make test-tools`")
        options = {"executable": FIREFOX, "prefs": PREFS, "viewport": VIEWPORT}
        self._process = subprocess.Popen(
            [shutil.which("node") or "node", str(BRIDGE), json.dumps(options)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._lock = threading.Lock()
        self._last = 0
        first = self._process.stdout.readline()
        if not first or not json.loads(first).get("ready"):
            raise EngineError(f"Firefox did not start: {first!r}")

    def send(self, command: str, **fields: Any) -> Any:
        """Send the bridge one command and return its answer, or raise the error it reports."""
        with self._lock:
            self._last += 1
            self._process.stdin.write(json.dumps({"id": self._last, "command": command, **fields}) + "\n")
            # A command the bridge never answers (Firefox hung) fails through pytest-timeout.
            answer = json.loads(self._process.stdout.readline() or '{"error": "the bridge stopped"}')
        if "error" in answer:
            raise EngineError(f"firefox: {command}: {answer['error']}")
        return answer["value"]

    def open(self) -> Tab:
        return FirefoxTab(self, self.send("open"))

    def quit(self) -> None:
        self._process.stdin.close()
        try:
            self._process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
