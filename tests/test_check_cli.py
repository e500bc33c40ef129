"""The checker as people and CI meet it: `python -m fristed check`, and the hook in `mkdocs build`."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from fristed.__main__ import main
from fristed.project import load_project
from fristed.settings import read_settings

PROJECT = Path(__file__).resolve().parent.parent
# What a build of a copy needs; what the checker alone needs.
BUILD_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "source", "docs")
CHECK_PARTS = ("mkdocs.yml", "data", "source", "docs")
HOOK = "hooks/facts_check.py"
WRONG = ("[22 33 11 60](tel:+4722331160). This", "[22 33 11 06](tel:+4722331160). This")
FINDING = (
    "docs/en/contacts.md:12:11: error: phones.rosa: expected 22 33 11 60 (see docs/nb/contacts.md:7), "
    'found "22 33 11 06"'
)


def copy(target: Path, parts: tuple[str, ...], wrong: bool = False) -> Path:
    """Copy parts of the project; with `wrong`, give its English contacts page a wrong number."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, target / part)
        else:
            shutil.copy2(PROJECT / part, target / part)
    if wrong:
        page = target / "docs/en/contacts.md"
        page.write_text(page.read_text(encoding="utf-8").replace(*WRONG, 1), encoding="utf-8")
    return target


def run(*arguments: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=cwd,
        env={**environment, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_passes_the_site_and_prints_no_finding():
    result = run("-m", "fristed", "check", cwd=PROJECT)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("Every page states the registry's facts")


def test_command_prints_each_finding_and_exits_1(tmp_path: Path):
    project = copy(tmp_path, CHECK_PARTS, wrong=True)
    result = run("-m", "fristed", "check", cwd=project)
    assert (result.returncode, result.stdout) == (1, FINDING + "\n")
    assert result.stderr.startswith("1 error(s) in 1 file(s)")


def test_command_checks_another_folder_with_project_option(tmp_path: Path):
    project = copy(tmp_path / "copy", CHECK_PARTS, wrong=True)
    result = run("-m", "fristed", "check", "--project", str(project), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, FINDING + "\n")


def test_command_adds_annotations_under_github_actions(tmp_path: Path):
    """GitHub shows `::error` lines on the pull request's diff; `:` and `,` are escaped in properties only."""
    project = copy(tmp_path, CHECK_PARTS, wrong=True)
    result = run("-m", "fristed", "check", cwd=project, GITHUB_ACTIONS="true")
    assert result.stdout.splitlines() == [
        FINDING,
        "::error file=docs/en/contacts.md,line=12,col=11::phones.rosa: expected 22 33 11 60 "
        '(see docs/nb/contacts.md:7), found "22 33 11 06"',
    ]


def test_command_line_needs_a_command(capsys):
    """Other commands can join `check` later; none is run by default."""
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2
    assert "the following arguments are required: command" in capsys.readouterr().err


class _Config(dict):
    """What the hook reads of MkDocs' configuration: keys, and a few attributes."""


def _hook(monkeypatch):
    # MkDocs puts the hooks' folder on the import path while it loads a hook.
    monkeypatch.syspath_prepend(str(PROJECT / "hooks"))
    spec = importlib.util.spec_from_file_location("facts_check", PROJECT / HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("language", "refused"), [("nb", True), ("en", False), ("ar", False)])
def test_hook_checks_once_in_the_default_language_build(language: str, refused: bool, tmp_path: Path, monkeypatch):
    """static-i18n runs each hook once per language; the check reads every language in the first."""
    project = copy(tmp_path, CHECK_PARTS, wrong=True)
    hook = _hook(monkeypatch)
    config = _Config({importlib.import_module("_build").PROJECT_KEY: load_project(project)})
    config.config_file_path = str(project / "mkdocs.yml")
    config.theme = {"language": language}
    config.extra = {"fristed": read_settings(project)}
    if not refused:
        assert hook.on_pre_build(config) is None
        return
    with pytest.raises(PluginError) as error:
        hook.on_pre_build(config)
    assert FINDING in str(error.value)


def _with_hook(project: Path) -> Path:
    """List the hook in the copy's mkdocs.yml, if the project does not list it yet."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if HOOK not in text:
        text = re.sub(r"(?m)^hooks:\n", f"hooks:\n  - {HOOK}\n", text, count=1)
        config.write_text(text, encoding="utf-8")
    return project


@pytest.mark.slow
def test_build_fails_naming_file_and_line_when_a_translation_has_a_wrong_number(tmp_path: Path):
    project = _with_hook(copy(tmp_path, BUILD_PARTS, wrong=True))
    result = run("-m", "mkdocs", "build", "--strict", cwd=project)
    assert result.returncode != 0
    assert FINDING in result.stderr
    assert "fact(s) on the pages differ from data/facts.yml or from the source page" in result.stderr


@pytest.mark.slow
def test_build_passes_the_real_pages_with_the_check_on(tmp_path: Path):
    project = _with_hook(copy(tmp_path, BUILD_PARTS))
    result = run("-m", "mkdocs", "build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
