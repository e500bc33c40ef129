"""Translation state without a build: the source hash, `make stamp`, `make status`, and the warnings of `make check`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fristed.check import check_project, scan_page
from fristed.check.registry import Registry
from fristed.check.text import Page
from fristed.check.wordlists import load_word_list
from fristed.languages import Language
from fristed.pages import source_hash
from fristed.project import load_project
from fristed.translations.report import fill_status_page
from fristed.translations.stamp import StampError, stamp, with_source
from fristed.translations.status import page_states

PROJECT = Path(__file__).resolve().parent.parent


def fristed(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m fristed` as `make` does, outside GitHub Actions."""
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "fristed", *arguments], cwd=cwd, env=environment, capture_output=True, text=True
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def hash_of(project: Path, page: str) -> str:
    return source_hash((project / "docs/nb" / page).read_text(encoding="utf-8"))


# The hash ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "reason"),
    [
        ("# Tittel\r\n\r\nTekst.\r\n", "Windows line endings"),
        ("---\nreviewed: false\n---\n\n# Tittel\n\nTekst.\n", "a front matter added"),
        ("\n\n# Tittel\n\nTekst.", "blank lines around the text"),
    ],
)
def test_source_hash_is_of_the_text_only(variant: str, reason: str):
    assert source_hash(variant) == source_hash("# Tittel\n\nTekst.\n"), reason


def test_source_hash_changes_with_a_word():
    assert source_hash("# Tittel\n\nTekst.\n") != source_hash("# Tittel\n\nTeksten.\n")
    assert len(source_hash("")) == 12


# Stamping ---------------------------------------------------------------------------------


def test_stamp_writes_the_hash_and_changes_nothing_else():
    page = "---\r\nreviewed: true\r\ntranslated: false\r\n---\r\n\r\n# Title\r\n"
    assert (
        with_source(page, "3f2a9c1b7d4e") == "---\r\nreviewed: true\r\nsource: 3f2a9c1b7d4e\r\n---\r\n\r\n# Title\r\n"
    )
    assert with_source("# Title\n", "3f2a9c1b7d4e") == "---\nreviewed: false\nsource: 3f2a9c1b7d4e\n---\n\n# Title\n"
    stamped = "---\nreviewed: false\nsource: 3f2a9c1b7d4e\n---\n\n# Title\n"
    assert with_source(stamped, "000000000001") == stamped.replace("3f2a9c1b7d4e", '"000000000001"'), (
        "a hash of digits only is quoted, or YAML would read it as a number"
    )


def test_stamp_records_the_norwegian_page_as_it_is_now(project_copy: Path, monkeypatch):
    monkeypatch.chdir(project_copy)
    edit(project_copy / "docs/nb/help.md", "norske myndigheter.", "norske myndigheter, gratis.")
    done = stamp(project_copy, Path("docs/fr/help.md"))
    assert (done.path, done.original, done.after) == (
        "docs/fr/help.md",
        "docs/nb/help.md",
        hash_of(project_copy, "help.md"),
    )
    assert done.before == hash_of(PROJECT, "help.md")
    assert f"\nsource: {done.after}\n" in (project_copy / "docs/fr/help.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "docs/nb/help.md",
            "docs/nb/help.md: expected a translation, found a page of the source language (Norsk); "
            "its translations record its hash, it records none",
        ),
        ("docs/fr/hjelp.md", "docs/fr/hjelp.md: file not found; give a translated page such as docs/fr/help.md"),
        ("mkdocs.yml", "mkdocs.yml: expected a page under docs/<language>/, found a file elsewhere"),
        ("docs/xx/help.md", "docs/xx/help.md: expected a folder of a language of data/languages.yml, found 'xx'"),
        ("docs/fr/extra.md", "docs/fr/extra.md: expected a source page docs/nb/extra.md, found none"),
        (
            "docs/ro/safety.md",
            "docs/ro/safety.md: expected a translation, found the text of docs/nb/safety.md unchanged; "
            "translate the page, then stamp it",
        ),
    ],
)
def test_stamp_refuses_what_is_not_a_translation(project_copy: Path, monkeypatch, page: str, message: str):
    monkeypatch.chdir(project_copy)
    (project_copy / "docs/xx").mkdir()
    shutil.copy(project_copy / "docs/fr/help.md", project_copy / "docs/xx/help.md")
    shutil.copy(project_copy / "docs/fr/help.md", project_copy / "docs/fr/extra.md")
    norwegian = (project_copy / "docs/nb/safety.md").read_text(encoding="utf-8")
    (project_copy / "docs/ro/safety.md").write_text(f"---\ntranslated: false\n---\n\n{norwegian}", encoding="utf-8")
    with pytest.raises(StampError) as refused:
        stamp(project_copy, Path(page))
    assert str(refused.value) == message


# The status -------------------------------------------------------------------------------


def test_every_page_is_written_in_every_language():
    """Every page complete in every language: none missing, none still Norwegian (outdated is allowed)."""
    project = load_project(PROJECT)
    assert [
        (s.path, s.state) for s in page_states(project) if s.state not in ("translated", "reviewed", "outdated")
    ] == []


def test_status_reports_a_translated_a_reviewed_an_outdated_a_missing_and_an_untranslated_page(project_copy: Path):
    edit(project_copy / "docs/en/help.md", "reviewed: false", "reviewed: true")
    edit(project_copy / "docs/nb/permits.md", "Her er oppholdstillatelsene", "Her er alle oppholdstillatelsene")
    edit(project_copy / "docs/ar/permits.md", "reviewed: false", "reviewed: true")
    (project_copy / "docs/fr/contacts.md").unlink()
    norwegian = (project_copy / "docs/nb/safety.md").read_text(encoding="utf-8")
    (project_copy / "docs/ro/safety.md").write_text(f"---\ntranslated: false\n---\n\n{norwegian}", encoding="utf-8")
    result = fristed("status", "--json", "build/status.json", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    report = json.loads((project_copy / "build/status.json").read_text(encoding="utf-8"))
    pages = {language["code"]: language["pages"] for language in report["languages"]}
    assert pages["en"]["index.md"] == {
        "state": "translated",
        "reviewed": False,
        "source": hash_of(PROJECT, "index.md"),
        "path": "docs/en/index.md",
    }
    assert (pages["en"]["help.md"]["state"], pages["en"]["help.md"]["reviewed"]) == ("reviewed", True)
    assert (pages["en"]["permits.md"]["state"], pages["ar"]["permits.md"]["state"]) == ("outdated", "outdated")
    assert pages["ar"]["permits.md"]["reviewed"] is True, "a reviewed page that is outdated keeps its review"
    missing = {"state": "missing", "reviewed": False, "source": None, "path": "docs/fr/contacts.md"}
    assert pages["fr"]["contacts.md"] == missing
    assert pages["ro"]["safety.md"]["state"] == "untranslated"
    assert report["source"] == {"language": "nb", "pages": {page: hash_of(project_copy, page) for page in pages["en"]}}
    counts = {language["code"]: language["counts"] for language in report["languages"]}
    assert counts["en"] == {"reviewed": 1, "translated": 4, "outdated": 1, "untranslated": 0, "missing": 0}
    assert "translation-status.md" not in pages["en"], "the translators' page is not one to translate"
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["code", *pages["en"], "language"]
    states = ["translated", "reviewed", "translated", "translated", "outdated", "translated"]
    assert lines[3].split() == ["en", *states, "English"]
    assert "1 reviewed, 67 translated, 14 outdated, 1 untranslated, 1 missing" in lines
    assert "  docs/en/permits.md" in lines
    assert "Română (ro): 1 page(s) still in Norwegian Bokmål, in docs/ro/" in lines


# The warnings of `make check` ---------------------------------------------------------------


def test_check_warns_on_each_outdated_translation_and_passes(project_copy: Path):
    edit(project_copy / "docs/nb/permits.md", "Her er oppholdstillatelsene", "Her er alle oppholdstillatelsene")
    result = fristed("check", cwd=project_copy)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 14 and all(": warning: source: expected" in line for line in lines)
    old, new = hash_of(PROJECT, "permits.md"), hash_of(project_copy, "permits.md")
    assert lines[0] == (
        f"docs/ar/permits.md:3:1: warning: source: expected {new}, the hash of docs/nb/permits.md now, found {old}: "
        "the Norwegian Bokmål page has changed since this page was translated; `python -m fristed changes "
        "docs/ar/permits.md` shows what changed: update the page, then run `make stamp PAGE=docs/ar/permits.md`"
    )
    assert result.stderr.startswith("Every page states the registry's facts; 14 outdated translation(s), in ")


def test_check_still_fails_on_a_changed_fact_among_the_warnings(project_copy: Path):
    edit(project_copy / "docs/nb/permits.md", "Her er oppholdstillatelsene", "Her er alle oppholdstillatelsene")
    edit(
        project_copy / "docs/en/contacts.md",
        "[22 33 11 60](tel:+4722331160). This",
        "[22 33 11 06](tel:+4722331160). This",
    )
    result = fristed("check", cwd=project_copy)
    assert result.returncode == 1
    assert [line.split(": ", 2)[1] for line in result.stdout.splitlines()].count("error") == 1
    assert result.stderr.startswith("1 error(s) in 1 file(s); 14 outdated translation(s), in ")


def test_a_translation_without_a_source_hash_is_outdated(project_copy: Path):
    edit(project_copy / "docs/fr/help.md", f"source: {hash_of(PROJECT, 'help.md')}\n", "")
    assert [str(problem) for problem in check_project(project_copy)] == []
    assert fristed("check", cwd=project_copy).stdout == (
        f"docs/fr/help.md:1:1: warning: source: expected {hash_of(PROJECT, 'help.md')}, the hash of docs/nb/help.md "
        "now, found none: this page does not record which Norwegian Bokmål text it was translated from; check it "
        "against docs/nb/help.md, then run `make stamp PAGE=docs/fr/help.md`\n"
    )


def test_checker_reads_no_phone_number_in_a_source_hash(project_copy: Path):
    """A hash is hex digits: `223311601234` must not read as a phone number, quoted or not."""
    page = project_copy / "docs/en/help.md"
    edit(page, f"source: {hash_of(PROJECT, 'help.md')}", 'source: "223311601234"')
    assert [str(problem) for problem in check_project(project_copy)] == []
    edit(page, 'source: "223311601234"', "source: 2233116012ab")
    assert [str(problem) for problem in check_project(project_copy)] == []


def test_status_table_on_the_site_would_pass_the_checker(project_copy: Path):
    """The table the build writes into the status page states no fact and no markup the checker refuses."""
    project = load_project(PROJECT)
    markdown = fill_status_page(
        (PROJECT / "docs/nb/translation-status.md").read_text(encoding="utf-8"), project, page_states(project)
    )
    assert "| Språk | contacts | help |" in markdown and "::: translation-status" not in markdown
    page = Page(Path("docs/nb/translation-status.md"), "nb", "translation-status.md", markdown)
    scan = scan_page(page, Registry(PROJECT), load_word_list(PROJECT, Language("nb", "Norsk", default=True)))
    assert (scan.occurrences, [str(problem) for problem in scan.problems]) == ([], [])


# What changed since -------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changes_shows_what_changed_in_the_norwegian_page_since_the_translation(project_copy: Path):
    def git(*arguments: str) -> None:
        subprocess.run(["git", "-C", str(project_copy), *arguments], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "pages")
    edit(project_copy / "docs/nb/permits.md", "Her er oppholdstillatelsene", "Her er alle oppholdstillatelsene")
    result = fristed("changes", "docs/fr/permits.md", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    old = hash_of(PROJECT, "permits.md")
    assert result.stdout.splitlines()[:2] == [
        f"--- docs/nb/permits.md ({old}, as translated)",
        "+++ docs/nb/permits.md (now)",
    ]
    assert "-Er du utsatt for menneskehandel? Her er oppholdstillatelsene du kan få i Norge. UDI eller politiet" in (
        result.stdout.splitlines()
    )
    assert fristed("changes", "docs/fr/help.md", cwd=project_copy).stdout == (
        "docs/nb/help.md has not changed since this page was translated.\n"
    )
