"""WebKitGTK's MiniBrowser through Debian's WebKitWebDriver and Selenium, on a virtual screen.

MiniBrowser has no headless mode: Xvfb gives it a screen, started once for the session. The
session has one window: a test's isolation comes from its own origin (a mirror on a free port).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from engines import TIMEOUT_S, Engine, EngineError, Tab

DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
# MiniBrowser's toolbar keeps its window at least 447 px wide; the page gets the rest.
WINDOW = (480, 800)
KEYS = {"Shift": Keys.SHIFT, "Enter": Keys.ENTER, "Tab": Keys.TAB, "Escape": Keys.ESCAPE}
# Selenium calls a script with its arguments and a callback last; the result or error comes back
# as a small object, so a page's exception is told apart from the driver's.
ASYNC_CALL = """const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (%s)(...%s)).then(
  (value) => done({value: value === undefined ? null : value}),
  (error) => done({error: String(error && error.stack || error)}));"""


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Start a virtual X screen on a free display number; return the process and the display."""
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    if not display:
        process.kill()
        raise EngineError("Xvfb did not start")
    return process, f":{display}"


class WebKitTab(Tab):
    engine = "webkit"

    def __init__(self, driver: webdriver.WebKitGTK):
        self._driver = driver

    def _run(self, action, *args):
        try:
            return action(*args)
        except WebDriverException as error:
            raise EngineError(f"webkit: {(error.msg or str(error)).splitlines()[0]}") from None

    def goto(self, url: str) -> None:
        self._run(self._driver.get, url)

    def evaluate(self, script: str, *args: Any) -> Any:
        answer = self._run(self._driver.execute_async_script, ASYNC_CALL % (script, json.dumps(list(args))))
        if answer is None:
            raise EngineError("webkit: the page went away while the script ran")
        if "error" in answer:
            raise EngineError(f"webkit: {answer['error']}")
        return answer["value"]

    def click(self, selector: str) -> None:
        self.wait_for_element(selector)
        element = self._run(self._driver.find_element, By.CSS_SELECTOR, selector)
        # WebKit's driver scrolls an element only to the window's edge, where MiniBrowser's own
        # bar may cover it; in the middle, as Playwright places it, nothing does.
        self._run(self._driver.execute_script, "arguments[0].scrollIntoView({block: 'center'})", element)
        self._run(element.click)

    def type(self, selector: str, text: str) -> None:
        self.wait_for_element(selector)
        self._run(lambda: self._driver.find_element(By.CSS_SELECTOR, selector).send_keys(text))

    def press(self, key: str) -> None:
        key = KEYS.get(key, key)
        self._run(lambda: ActionChains(self._driver).key_down(key).key_up(key).perform())

    @property
    def url(self) -> str:
        return self._run(lambda: self._driver.current_url)

    def back(self) -> None:
        self._run(self._driver.back)

    def screenshot(self, path: str) -> None:
        self._run(self._driver.save_screenshot, path)

    def close(self) -> None:
        self._run(self._driver.get, "about:blank")


class WebKit(Engine):
    name = "webkit"

    def __init__(self):
        for path in (DRIVER, MINIBROWSER):
            if not Path(path).exists():
                raise EngineError(f"{path} is missing: run `make test-tools` (webkit2gtk-driver)")
        self._xvfb, display = start_xvfb()
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        # The quick exit's stand-in destination is served over https with a certificate of its own.
        options.set_capability("acceptInsecureCerts", True)
        service = Service(DRIVER, env={**os.environ, "DISPLAY": display})
        try:
            self._driver = webdriver.WebKitGTK(options=options, service=service)
        except WebDriverException:
            self._xvfb.kill()
            raise
        self._driver.set_window_size(*WINDOW)
        self._driver.set_script_timeout(TIMEOUT_S)
        self._driver.set_page_load_timeout(TIMEOUT_S)

    def open(self) -> Tab:
        return WebKitTab(self._driver)

    def quit(self) -> None:
        try:
            self._driver.quit()
        finally:
            self._xvfb.terminate()
            self._xvfb.wait()
