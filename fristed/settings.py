"""The site's own settings, `extra.fristed` in mkdocs.yml, checked by a schema before anything is built.

key                 | required | default                    | meaning
region              | yes      |                            | the country whose phone numbers the pages state, as a
                    |          |                            | two-letter code (`NO`, `SE`): how `12 34 56 78` is read
quick_exit_url      | yes      |                            | where the quick exit goes: the https address of a neutral
                    |          |                            | site a reader visits every day (a weather site)
installed_app.name  | no       | neutral                    | `neutral`: the installed app shows the plain `app_name` of
                    |          |                            | data/strings, so it does not give its reader away;
                    |          |                            | `site`: the site's name
installed_app.icon  | no       | assets/images/app-icon.svg | the one SVG the app's PNG icons are drawn from
small_css           | no       | true                       | `false`: the theme's whole stylesheet, not purged, and no
                    |          |                            | first-screen CSS in the pages (slower on 2G): to tell
                    |          |                            | whether a rule went missing (tests/test_visual_identity.py
                    |          |                            | builds both and compares screenshots)

The schema is MkDocs' own (`mkdocs.config.base.Config`), used as a validation library: the build
(hooks/project_data.py) and `python -m fristed check` both call `read_settings` or `check_settings`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

CONFIG_FILE = "mkdocs.yml"
KEY = ("extra", "fristed")


class Region(c.Type):
    """A two-letter country code that phonenumbers has numbering rules for."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if value not in phonenumbers.SUPPORTED_REGIONS:
            raise base.ValidationError(f"expected a two-letter country code such as 'NO' or 'SE', found {value!r}")
        return value


class HttpsUrl(c.URL):
    """An https address with a host: the quick exit must not be readable on the way."""

    def run_validation(self, value: object) -> str:
        parts = urlsplit(value) if isinstance(value, str) else None
        if not parts or parts.scheme != "https" or not parts.hostname:
            raise base.ValidationError(f"expected an https:// address of a neutral site, found {value!r}")
        return super().run_validation(value)


class InstalledApp(base.Config):
    """How the installed app names and draws itself."""

    name = c.Choice(("neutral", "site"), default="neutral")
    icon = c.Type(str, default="assets/images/app-icon.svg")


class Settings(base.Config):
    """`extra.fristed`: see the table above."""

    region = Region()
    quick_exit_url = HttpsUrl()
    installed_app = c.SubConfig(InstalledApp)
    small_css = c.Type(bool, default=True)


class SettingsError(ValueError):
    """Every problem of `extra.fristed`, each naming the file and the key."""


def check_settings(raw: object, config_file: str | Path) -> Settings:
    """Validate `extra.fristed`; raise `SettingsError` naming every wrong, missing or unknown key."""
    where = f"{Path(config_file).name}: {'.'.join(KEY)}"
    known = [name for name, _ in Settings._schema]
    if not isinstance(raw, Mapping):
        raise SettingsError(f"{where}: expected a mapping with the keys {', '.join(known)}, found {raw!r}")
    raw = dict(raw)
    problems = []
    # Option by option, not `Config.validate()`, which stops at the first wrong key: every problem
    # is reported at once.
    for key, option in Settings._schema:
        try:
            option.validate(raw.get(key, option.default))
        except base.ValidationError as error:
            problems.append(f"{where}.{key}: {error}")
        problems.extend(f"{where}.{key}: {warning}" for warning in option.warnings if "Unrecognised" in str(warning))
        option.reset_warnings()
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"{where}.{key}: unknown key{hint}; expected one of: {', '.join(known)}")
    if problems:
        raise SettingsError("\n".join(problems))
    settings = Settings(config_file_path=str(config_file))
    settings.load_dict(raw)
    settings.validate()
    return settings


def read_settings(project: Path) -> Settings:
    """Read and validate `extra.fristed` of a project's mkdocs.yml, without building anything."""
    path = Path(project) / CONFIG_FILE
    # Composed, not loaded: mkdocs.yml's own tags (`!relative`, `!!python/...`) need MkDocs to construct.
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        for key in KEY:
            node = _value(node, key)
        raw = loader.construct_object(node, deep=True) if node is not None else None
    finally:
        loader.dispose()
    return check_settings(raw, path)


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The node under `key` of a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)
