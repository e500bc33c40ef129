"""One way to drive the three engines readers' phones run: Chromium, Firefox and WebKit.

Every engine gives tabs with the same few verbs, so a test of the offline guide, the quick exit
or search is written once and runs in each. A tab opens in a fresh profile (Chromium's and
Firefox's contexts); WebKit has one window per session, so its tests keep apart by origin (each
test serves its own mirror on a free port). Scripts are JavaScript function expressions, called
with the arguments given and awaited: `tab.evaluate("async (url) => (await fetch(url)).ok", url)`.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from typing import Any

ENGINES = ("chromium", "firefox", "webkit")
# A phone's screen; WebKit's MiniBrowser needs a wider window for its own toolbar.
VIEWPORT = {"width": 360, "height": 740}
TIMEOUT_S = 15


class EngineError(AssertionError):
    """An engine refused a command, or a condition did not hold in time."""


class Tab(ABC):
    """A browser tab: open an address, run a script, click, type, press a key, read the address."""

    engine: str

    @abstractmethod
    def goto(self, url: str) -> None:
        """Open an address and wait until it has loaded."""

    @abstractmethod
    def evaluate(self, script: str, *args: Any) -> Any:
        """Call a JavaScript function expression with `args` in the page; return its awaited value.

        Values cross as JSON: return a node's text or address, not the node (Firefox gives null).
        """

    @abstractmethod
    def click(self, selector: str) -> None:
        """Click the element the CSS selector finds, as a pointer would."""

    @abstractmethod
    def type(self, selector: str, text: str) -> None:
        """Type text into the element the CSS selector finds, key by key."""

    @abstractmethod
    def press(self, key: str) -> None:
        """Press and release one key ("Shift", "Enter", "a") on the focused element."""

    @property
    @abstractmethod
    def url(self) -> str:
        """The address the tab shows."""

    @abstractmethod
    def back(self) -> None:
        """Go back one entry in the tab's history."""

    @abstractmethod
    def screenshot(self, path: str) -> None:
        """Save what the tab shows as a PNG."""

    @abstractmethod
    def close(self) -> None:
        """Close the tab and forget its profile."""

    def pause(self, seconds: float) -> None:
        """Wait a moment between two looks at the page."""
        time.sleep(seconds)

    def wait_for(self, script: str, *args: Any, timeout: float = TIMEOUT_S) -> Any:
        """Call a script until it returns a true value, and return that value.

        A page that is navigating refuses scripts for a moment: such errors are retried until the
        time is up, then reported with the condition.
        """
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                value = self.evaluate(script, *args)
                if value:
                    return value
            except EngineError as error:
                last_error = error
            if time.monotonic() > deadline:
                raise EngineError(f"{self.engine}: not true within {timeout} s: {script} (last error: {last_error})")
            self.pause(0.05)

    def wait_for_url(self, url: str, timeout: float = TIMEOUT_S) -> None:
        """Wait until the tab shows an address."""
        deadline = time.monotonic() + timeout
        while self.url != url:
            if time.monotonic() > deadline:
                raise EngineError(f"{self.engine}: expected to be at {url}, still at {self.url}")
            self.pause(0.05)

    def wait_for_element(self, selector: str) -> None:
        """Wait until the selector finds a shown element: a click or key may be sent before a
        script has built or shown it (Playwright waits so by itself)."""
        self.wait_for("(selector) => document.querySelector(selector)?.getClientRects().length > 0", selector)

    def text(self, selector: str) -> str | None:
        """The text of the first element the selector finds, or None if there is none."""
        return self.evaluate("(selector) => document.querySelector(selector)?.textContent ?? null", selector)


class Engine(ABC):
    """One running browser, shared by a test session."""

    name: str

    @abstractmethod
    def open(self) -> Tab:
        """A new tab in a fresh profile."""

    @abstractmethod
    def quit(self) -> None:
        """Close the browser."""
