"""Debian's Chromium, driven by Playwright: the browser the rest of the suite uses."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Browser, Error

from engines import TIMEOUT_S, VIEWPORT, Engine, EngineError, Tab


class ChromiumTab(Tab):
    engine = "chromium"

    def __init__(self, browser: Browser):
        # The quick exit's stand-in destination is served over https with a certificate of its own.
        self._context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)
        self._context.set_default_timeout(TIMEOUT_S * 1000)
        self.page = self._context.new_page()

    def _run(self, action, *args):
        try:
            return action(*args)
        except Error as error:
            raise EngineError(f"chromium: {error.message.splitlines()[0]}") from None

    def goto(self, url: str) -> None:
        self._run(self.page.goto, url)

    def evaluate(self, script: str, *args: Any) -> Any:
        return self._run(self.page.evaluate, f"(({script}))(...{json.dumps(list(args))})")

    def click(self, selector: str) -> None:
        # As the other engines do: no waiting for a navigation the click starts.
        self._run(lambda: self.page.click(selector, no_wait_after=True))

    def type(self, selector: str, text: str) -> None:
        self._run(self.page.type, selector, text)

    def press(self, key: str) -> None:
        self._run(self.page.keyboard.press, key)

    @property
    def url(self) -> str:
        return self.page.url

    def pause(self, seconds: float) -> None:
        # Playwright's synchronous API hears of navigations only while it runs a call.
        self.page.wait_for_timeout(seconds * 1000)

    def back(self) -> None:
        self._run(self.page.go_back)

    def screenshot(self, path: str) -> None:
        self._run(lambda: self.page.screenshot(path=path))

    def close(self) -> None:
        self._context.close()


class Chromium(Engine):
    """Tabs in the session's Chromium (conftest's `chromium` fixture), each in a fresh context."""

    name = "chromium"

    def __init__(self, browser: Browser):
        self._browser = browser

    def open(self) -> Tab:
        return ChromiumTab(self._browser)

    def quit(self) -> None:
        """The browser belongs to the `chromium` fixture, which closes it."""
