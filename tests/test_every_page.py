"""Every page of every language in real headless Chromium: it asks no other host, logs no error,
breaks no security policy, passes axe, and shows the helpline in the same place."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ARTIFACTS, PROJECT
from fristed.pages import page_url
from fristed.project import load_project

pytestmark = pytest.mark.browser

DATA = load_project(PROJECT)
PAGES = [(language, name) for language in DATA.languages for name in sorted(DATA.pages)]
# WCAG 2.2 at levels A and AA, as axe-core names them.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def visits(chromium, mirror):
    """Load every page once at 360 by 740 and record what happened."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    axe = Axe()
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    for language, name in PAGES:
        url = mirror + page_url(language, name)
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.on("console", lambda message, errors=errors: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.goto(url, wait_until="networkidle")
        if name == "index.md":
            page.screenshot(path=str(ARTIFACTS / f"home-{language.code}-360x740.png"))
        found[(language.code, name)] = {
            "requests": requests,
            "errors": errors,
            "policy": page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content"),
            "referrer": page.locator("meta[name=referrer]").get_attribute("content"),
            "violations": [
                (violation["id"], [node["target"] for node in violation["nodes"]])
                for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]
            ],
            "helpline": page.locator("header a[href='tel:+4722331160']").bounding_box(),
            "exit": page.locator("header [data-action=quick-exit]").bounding_box(),
        }
        page.close()
    context.close()
    return found


def test_no_page_asks_any_host_but_its_own(visits):
    hosts = {key: {urlsplit(url).hostname for url in visit["requests"]} for key, visit in visits.items()}
    assert {key: found for key, found in hosts.items() if found != {"127.0.0.1"}} == {}


def test_no_page_logs_an_error_or_breaks_its_security_policy(visits):
    # Chromium reports every blocked resource or script as a console error.
    assert {key: visit["errors"] for key, visit in visits.items() if visit["errors"]} == {}


def test_every_page_carries_its_security_policy_and_sends_no_referrer(visits):
    for visit in visits.values():
        assert visit["policy"].startswith("default-src 'self'")
        assert visit["referrer"] == "no-referrer"


@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_axe_finds_nothing_on_any_page(visits, language):
    violations = {name: visits[(language.code, name)]["violations"] for name in DATA.pages}
    assert {name: found for name, found in violations.items() if found} == {}


@pytest.mark.parametrize("target", ["helpline", "exit"])
@pytest.mark.parametrize("language", DATA.languages, ids=lambda language: language.code)
def test_helpline_and_exit_are_one_tap_away_in_the_same_place_on_every_page(visits, language, target):
    boxes = [visits[(language.code, name)][target] for name in sorted(DATA.pages)]
    first = boxes[0]
    assert all(box == first for box in boxes), boxes
    assert first["x"] >= 0 and first["x"] + first["width"] <= 360, "on the screen, not beside it"
    assert first["y"] + first["height"] <= 740, "on the first screen, without scrolling"
    assert first["width"] >= 44 and first["height"] >= 44, "a target a thumb can hit"


@pytest.mark.parametrize(("code", "name"), [("nb", "index.md"), ("ar", "contacts.md")])
def test_focus_is_never_hidden_under_the_sticky_header(phone, mirror, code, name):
    page = phone.new_page()
    page.goto(mirror + page_url(DATA.language(code), name))
    where = """() => { const element = document.activeElement; if (element === document.body) return null;
        const box = element.getBoundingClientRect();
        const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {seen: element.contains(onTop) || Boolean(onTop && onTop.closest('label[for]')),
                inArticle: Boolean(element.closest('article')), underHeader: Boolean(onTop && onTop.closest('header')),
                text: element.textContent.trim().slice(0, 40)}; }"""
    hidden, reached = [], 0
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(where)
        if state and state["underHeader"] and not state["seen"]:
            # A menu that closes as focus leaves it may still be fading: judge the settled page.
            page.wait_for_timeout(300)
            state = page.evaluate(where)
        if state is None:
            break
        reached += state["inArticle"]
        if state["underHeader"] and not state["seen"]:
            hidden.append(state)
    assert reached, "the keyboard reached the page's own links"
    assert hidden == [], hidden
