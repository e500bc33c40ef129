"""A ZIM file's metadata: `data/zim.yml`, the build date and the illustration Kiwix shows."""

from __future__ import annotations

import datetime
import io
import unicodedata
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from babel.core import get_global
from PIL import Image

from fristed.build_info import build_info
from fristed.data import Problem, load_yaml
from fristed.languages import Language
from fristed.strings import STRINGS_FOLDER

SETTINGS_FILE = Path("data/zim.yml")
# The site's own icon, as the build drew it for the installed app (neutral or not, as configured).
# Named after its content (fristed.offline.app_manifest): the one 192-pixel icon.
ICON = "assets/images/icons/icon-192.*.png"
ILLUSTRATION_SIZE = 48
# openZIM's limit on `Title`: what fits in a line of Kiwix's library.
TITLE_GRAPHEMES = 30
# What joins or marks a letter without making a new one: combining marks, joiners, variation selectors.
NOT_A_GRAPHEME = {"Mn", "Me", "Mc"}
JOINERS = {"\u200c", "\u200d", "\ufe0e", "\ufe0f"}

TEXT = {"type": "string", "minLength": 1}
SCHEMA = {
    "type": "object",
    "required": ["creator", "publisher", "languages"],
    "additionalProperties": False,
    "properties": {
        "creator": TEXT,
        "publisher": TEXT,
        "languages": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2,3}$", "description": "a language code of languages.yml"},
            "additionalProperties": {
                "type": "string",
                "pattern": "^[a-z]{3}$",
                "description": "a three-letter ISO 639-3 code such as 'nob'",
            },
        },
    },
}


@dataclass(frozen=True)
class Settings:
    """The metadata people choose: who made the content and the file, and each language's code."""

    creator: str
    publisher: str
    iso639_3: dict[str, str]


def load_settings(project: Path, languages: list[Language]) -> Settings:
    """Return `data/zim.yml`, checked: every site language has an ISO 639-3 code, and no other."""
    document = load_yaml(project / SETTINGS_FILE, SCHEMA)
    data = document.data if isinstance(document.data, dict) else {}
    codes = data.get("languages") if isinstance(data.get("languages"), dict) else {}
    known = {language.code for language in languages}
    problems = [
        document.problem(("languages",), f"missing '{language.code}' ({language.name}): {_hint(language.code)}")
        for language in languages
        if language.code not in codes
    ]
    problems += [
        document.problem(("languages", code), f"expected a language of languages.yml, found {code!r}: remove it")
        for code in codes
        if code not in known
    ]
    document.check(problems)
    return Settings(data["creator"], data["publisher"], dict(codes))


def _hint(code: str) -> str:
    """Say how to fix a missing code, with CLDR's three-letter aliases of the language as candidates."""
    aliases = sorted(alias for alias, target in get_global("language_aliases").items() if target == code)
    candidates = [alias for alias in aliases if len(alias) == 3]
    found = f" (CLDR knows it as {', '.join(candidates)})" if candidates else ""
    return f"add its ISO 639-3 code{found}, as `{code}: xxx`"


def build_date(project: Path) -> datetime.date:
    """The date a ZIM file states: the date of the commit the site is built from (see fristed.build_info)."""
    return build_info(project).date.date()


def illustration(site_dir: Path) -> bytes:
    """Return the 48x48 PNG Kiwix shows for the file, shrunk from the site's 192-pixel icon."""
    with Image.open(next(site_dir.glob(ICON))) as icon:
        small = icon.convert("RGBA").resize((ILLUSTRATION_SIZE, ILLUSTRATION_SIZE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def graphemes(text: str) -> int:
    """Count what a reader sees as letters: each character with the marks that follow it counts once.

    Close to Unicode's extended grapheme clusters for the site's scripts (Thai, Arabic, Ethiopic
    marks and vowel signs ride on their letter) without a segmentation library.
    """
    return sum(
        1
        for character in unicodedata.normalize("NFC", text)
        if unicodedata.category(character) not in NOT_A_GRAPHEME and character not in JOINERS
    )


def title_problems(project: Path, languages: list[Language], strings: dict[str, dict[str, str]]) -> list[Problem]:
    """Return a problem for each language whose `zim_title` is longer than openZIM allows."""
    problems = []
    for language in languages:
        title = strings[language.code]["zim_title"]
        if graphemes(title) > TITLE_GRAPHEMES:
            path = project / STRINGS_FOLDER / f"{language.code}.yml"
            lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
            line = next((number for number, text in enumerate(lines, 1) if text.startswith("zim_title:")), 1)
            message = (
                f"zim_title: {title!r} has {graphemes(title)} letters, expected at most {TITLE_GRAPHEMES} "
                "(openZIM's limit for a title in Kiwix's library): shorten it"
            )
            problems.append(Problem(path, line, message))
    return problems


def metadata(language: Language, strings: dict[str, str], settings: Settings, date: datetime.date) -> dict[str, str]:
    """Return a language's ZIM metadata, by the names openZIM gives them."""
    try:
        scraper = f"fristed {version('fristed')}"
    except PackageNotFoundError:  # run from a checkout that was never installed
        scraper = "fristed"
    return {
        "Name": zim_name(language),
        "Title": strings["zim_title"],
        # No interface string describes the site better than its name, which says what it is for.
        "Description": strings["site_name"],
        "Language": settings.iso639_3[language.code],
        "Creator": settings.creator,
        "Publisher": settings.publisher,
        "Date": date.isoformat(),
        "Scraper": scraper,
        # What Kiwix's library shows and filters on; older readers offer search only with _ftindex:yes.
        "Tags": "_category:other;_ftindex:yes;_pictures:no;_videos:no;_details:yes",
    }


def zim_name(language: Language) -> str:
    """The ZIM `Name`, the same for every edition of a language: `fristed_en_all`."""
    return f"fristed_{language.code}_all"
