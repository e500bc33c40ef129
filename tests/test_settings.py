"""The site's own settings, `extra.fristed` of mkdocs.yml: every mistake named by file and key."""

from __future__ import annotations

import pytest

from conftest import PROJECT
from fristed.settings import SettingsError, check_settings, read_settings

GOOD = {"region": "NO", "quick_exit_url": "https://weather.example/"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # valid: another country, a site-named app
        ({"region": "SE", "installed_app": {"name": "site"}}, None),
        # valid: the installed app's defaults
        ({}, None),
        # a misspelt key is not ignored, and the close one is suggested
        (
            {"qiuck_exit_url": "https://a.example/"},
            "mkdocs.yml: extra.fristed.qiuck_exit_url: unknown key (did you mean 'quick_exit_url'?); "
            "expected one of: region, quick_exit_url, installed_app, small_css",
        ),
        # a misspelt key one level down
        (
            {"installed_app": {"nmae": "site"}},
            "mkdocs.yml: extra.fristed.installed_app: Sub-option 'nmae': Unrecognised configuration name: nmae",
        ),
        # the quick exit must not be readable on the way
        (
            {"quick_exit_url": "http://weather.example/"},
            "mkdocs.yml: extra.fristed.quick_exit_url: expected an https:// address of a neutral site, "
            "found 'http://weather.example/'",
        ),
        # a wrong type
        (
            {"region": 47},
            "mkdocs.yml: extra.fristed.region: Expected type: <class 'str'> but received: <class 'int'>",
        ),
        # a region phonenumbers has no rules for
        (
            {"region": "XX"},
            "mkdocs.yml: extra.fristed.region: expected a two-letter country code such as 'NO' or 'SE', found 'XX'",
        ),
        (
            {"installed_app": {"name": "bold"}},
            "mkdocs.yml: extra.fristed.installed_app: Sub-option 'name': Expected one of: ('neutral', 'site') but "
            "received: 'bold'",
        ),
    ],
)
def test_settings_are_checked_key_by_key(changes, expected):
    if expected is None:
        settings = check_settings({**GOOD, **changes}, "/p/mkdocs.yml")
        assert settings.installed_app.icon == "assets/images/app-icon.svg"
        return
    with pytest.raises(SettingsError) as error:
        check_settings({**GOOD, **changes}, "/p/mkdocs.yml")
    assert str(error.value) == expected


def test_every_problem_is_reported_at_once():
    with pytest.raises(SettingsError) as error:
        check_settings({"quick_exit_url": "ftp://x", "colour": "red"}, "mkdocs.yml")
    assert str(error.value).splitlines() == [
        "mkdocs.yml: extra.fristed.region: Required configuration not provided.",
        "mkdocs.yml: extra.fristed.quick_exit_url: expected an https:// address of a neutral site, found 'ftp://x'",
        "mkdocs.yml: extra.fristed.colour: unknown key; "
        "expected one of: region, quick_exit_url, installed_app, small_css",
    ]


def test_missing_settings_are_named():
    with pytest.raises(SettingsError) as error:
        check_settings(None, "mkdocs.yml")
    assert str(error.value) == (
        "mkdocs.yml: extra.fristed: expected a mapping with the keys "
        "region, quick_exit_url, installed_app, small_css, found None"
    )


def test_the_project_settings_are_read_without_building():
    settings = read_settings(PROJECT)
    assert settings.quick_exit_url.startswith("https://")
    assert len(settings.region) == 2
