"""Translations that try to run code, load a tracker or re-aim a link, beside honest HTML that must pass.

Each row changes one page of a copy of the project, as a translator's pull request would, in
English, Arabic or Norwegian, and says why the change must pass or fail. A refused row is refused
on that page alone, on the line of the change; an honest row gives no finding at all, since a
translator who is told off for `<bdi>` learns to ignore the checker.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_check_cases
import yaml
from test_check_cases import Case, bad, changed, ok

from conftest import PROJECT, build
from fristed.check import check_project, markup
from fristed.check.markup import EXTENSIONS, needs_rendering

# The checker cases' copy of the project (nb, en and ar), made once for this module too.
pristine = test_check_cases.pristine

# A sentence of each page with no fact in it, which a row writes next to.
AFTER = {
    "en/contacts.md": "ROSA can answer general questions and give you guidance about your situation.",
    "ar/contacts.md": "يستطيع ROSA أن يجيب عن الأسئلة العامة وأن يقدم لك الإرشاد بشأن وضعك.",
    "nb/help.md": "Er du utsatt for menneskehandel? Da kan du få hjelp av norske myndigheter.",
}
TAGS = "html: expected only the tags listed in fristed/check/sanitizer.py, found"
ATTRIBUTES = "html: expected only the attributes listed in fristed/check/sanitizer.py, found"
LINKS = "links: expected a page of this site, https:// on rosanorge.no, udi.no, tel: or mailto:"
IMAGES = "images: expected an image file of this site"


def passes(page: str, added: str, reason: str) -> Case:
    """A row that writes `added` after the page's sentence, and must pass."""
    return ok(page, AFTER[page], f"{AFTER[page]}{added}", reason)


def refused(page: str, added: str, expected: str, reason: str) -> Case:
    """A row that writes `added` after the page's sentence, and must be refused with `expected`."""
    return bad(page, AFTER[page], f"{AFTER[page]}{added}", expected, reason)


CASES = {
    # Honest HTML and Markdown a translator may use ------------------------------------------
    "passes-bdi-around-a-latin-name": passes("ar/contacts.md", " <bdi>ROSA</bdi>", "isolates a name's direction"),
    "passes-span-left-to-right": passes("ar/contacts.md", ' <span dir="ltr">ROSA</span>', "a Latin name in Arabic"),
    "passes-span-with-language": passes("en/contacts.md", ' <span lang="nb">Rosa</span>', "screen readers say it"),
    "passes-line-break": passes("ar/contacts.md", "<br>", "a break where the sentence needs one"),
    "passes-abbreviation-spelled-out": passes(
        "en/contacts.md", ' <abbr title="Utlendingsdirektoratet">UDI</abbr>', "a title says what UDI stands for"
    ),
    "passes-strong-in-html": passes("nb/help.md", " <strong>Ja.</strong>", "emphasis written as HTML"),
    "passes-entity": passes("en/contacts.md", " ROSA&nbsp;Norway", "a no-break space"),
    "passes-image-of-this-site": passes(
        "ar/contacts.md", ' <img src="../assets/images/app-icon.svg" alt="">', "the site's own file"
    ),
    "passes-heading-anchor-in-attribute-list": ok(
        "en/contacts.md", "## UDI and the police", "## UDI and the police {#udi}", "a stable anchor"
    ),
    "passes-link-with-title": ok(
        "nb/index.md",
        "[Hvilken hjelp kan du få?](help.md)",
        '[Hvilken hjelp kan du få?](help.md "Hjelp")',
        "a title is text; the target is a page of the site",
    ),
    # Code ---------------------------------------------------------------------------------------
    "refuses-script": refused("en/contacts.md", " <script>alert(1)</script>", f"{TAGS} <script>", "runs code"),
    "refuses-script-in-capitals-loading-a-file": refused(
        "ar/contacts.md", ' <SCRIPT src="x.js"></SCRIPT>', f"{TAGS} <script>", "HTML is not case-sensitive"
    ),
    "refuses-event-handler": refused(
        "ar/contacts.md",
        ' <img src="x.png" onerror="alert(1)">',
        f'{ATTRIBUTES} onerror="alert(1)" on <img> (an event handler, which runs code)',
        "runs when the image fails",
    ),
    "refuses-event-handler-in-capitals": refused(
        "nb/help.md", ' <P ONCLICK="alert(1)">x</P>', f'{ATTRIBUTES} onclick="alert(1)" on <p>', "any case"
    ),
    "refuses-svg-with-script": refused(
        "ar/contacts.md", ' <svg onload="alert(1)"></svg>', f"{TAGS} <svg>", "SVG runs scripts of its own"
    ),
    "refuses-math": refused("en/contacts.md", " <math><mi>x</mi></math>", f"{TAGS} <math>", "foreign content"),
    "refuses-body-attributes": refused(
        "en/contacts.md", ' <body onload="alert(1)">', f"{TAGS} <body>", "the browser puts them on the page's body"
    ),
    "refuses-noscript-parser-trick": refused(
        "ar/contacts.md",
        ' <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        f"{TAGS} <noscript>",
        "a browser ends it where a careless sanitizer does not",
    ),
    # Frames, plugins, forms, styles and the page's head -----------------------------------------
    "refuses-iframe": refused(
        "en/contacts.md", ' <iframe src="https://www.udi.no/"></iframe>', f"{TAGS} <iframe>", "even a registered host"
    ),
    "refuses-object": refused("ar/contacts.md", ' <object data="x.swf"></object>', f"{TAGS} <object>", "a plugin"),
    "refuses-embed": refused("en/contacts.md", ' <embed src="x.swf">', f"{TAGS} <embed>", "a plugin"),
    "refuses-form": refused(
        "ar/contacts.md",
        ' <form action="help.md"><input name="phone"></form>',
        f"{TAGS} <input>",
        "asks for what the reader types",
    ),
    "refuses-style-element": refused(
        "en/contacts.md", " <style>main{display:none}</style>", f"{TAGS} <style>", "hides the page"
    ),
    "refuses-stylesheet-link": refused(
        "nb/help.md", ' <link rel="stylesheet" href="a.css">', f"{TAGS} <link>", "loads"
    ),
    "refuses-meta-refresh": refused(
        "en/contacts.md", ' <meta http-equiv="refresh" content="0; url=help.md">', f"{TAGS} <meta>", "redirects"
    ),
    "refuses-base": refused("ar/contacts.md", ' <base href="help.md">', f"{TAGS} <base>", "re-aims every link"),
    "refuses-inline-style-loading-a-tracker": refused(
        "en/contacts.md",
        ' <span style="background:url(x.png)">ROSA</span>',
        f'{ATTRIBUTES} style="background:url(x.png)" on <span> (an inline style',
        "url() loads from wherever it says",
    ),
    "refuses-inline-style-hiding-text": refused(
        "ar/contacts.md", ' <span style="display:none">ROSA</span>', f'{ATTRIBUTES} style="display:none"', "hides"
    ),
    # Addresses ----------------------------------------------------------------------------------
    "refuses-javascript-link-in-any-case": refused(
        "en/contacts.md", " [ROSA](JaVaScRiPt:alert(1))", f"{LINKS} (see data/facts.yml:", "schemes ignore case"
    ),
    "refuses-javascript-link-with-entity": refused(
        "ar/contacts.md", " [ROSA](java&#115;cript:alert(1))", 'found "java&#115;cript:alert(1)"', "&#115; is s"
    ),
    "refuses-javascript-link-with-tab-entity-in-html": refused(
        "nb/help.md", ' <a href="jav&#x09;ascript:alert(1)">x</a>', LINKS, "browsers drop the tab"
    ),
    "refuses-vbscript-link": refused("en/contacts.md", ' <a href="vbscript:msgbox(1)">x</a>', LINKS, "old IE code"),
    "refuses-data-image": refused(
        "ar/contacts.md", " ![x](data:image/svg+xml;base64,PHN2Zz4=)", 'found "data:image/svg+xml', "a data: URL"
    ),
    "refuses-image-from-a-registered-host": refused(
        "ar/contacts.md", " ![UDI](https://www.udi.no/logo.png)", IMAGES, "a registered site still learns who reads"
    ),
    "refuses-definition-hidden-in-a-list": refused(
        "en/contacts.md", " [ROSA][a]\n\n- x\n\n    [a]: javascript:alert(1)\n", LINKS, "Markdown reads it there"
    ),
    # Attribute lists and comments ---------------------------------------------------------------
    "refuses-href-in-attribute-list": refused(
        "en/contacts.md",
        ' [ROSA](help.md){: href="javascript:alert(1)" }',
        "attribute list: expected no address in {: … }, which would replace the target the link checks read, "
        'found href="javascript:alert(1)"',
        "replaces the target links.py checked",
    ),
    "refuses-event-handler-in-attribute-list": refused(
        "nb/help.md", ' [Hjelp](help.md){: onclick="alert(1)" }', f'{ATTRIBUTES} onclick="alert(1)" on <a>', "code"
    ),
    "refuses-style-in-attribute-list-on-arabic-heading": bad(
        "ar/contacts.md",
        "## UDI والشرطة",
        '## UDI والشرطة {: style="display:none" }',
        f'{ATTRIBUTES} style="display:none" on <h2>',
        "hides the heading",
    ),
    "refuses-theme-class-in-attribute-list": refused(
        "en/contacts.md", "\n{: .md-visually-hidden }", f'{ATTRIBUTES} class="md-visually-hidden" on <p>', "hides"
    ),
    "refuses-comment": refused(
        "en/contacts.md", " <!-- hidden -->", "html: expected no comment, which the sanitizer removes", "hides text"
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_checker_passes_honest_markup_and_refuses_injections(case: Case, pristine: Path, tmp_path: Path):
    """Each row: honest markup gives no finding; an injection is refused on that page, on the changed lines."""
    project = changed(pristine, tmp_path / "project", case.page, case.old, case.new)
    findings = [str(problem) for problem in check_project(project)]
    if case.expected is None:
        assert findings == [], case.reason
        return
    text = (project / "docs" / case.page).read_text(encoding="utf-8")
    first = text[: text.index(case.new)].count("\n") + 1
    lines = range(first, first + case.new.count("\n") + 1)
    assert all(finding.startswith(f"docs/{case.page}:") for finding in findings), findings
    assert any(case.expected in finding and int(finding.split(":")[1]) in lines for finding in findings), (
        f"not refused on lines {lines.start}-{lines.stop - 1}: {case.reason}: {findings}"
    )


def _changed_findings(pristine: Path, tmp_path: Path, page: str, added: str) -> tuple[list[str], str]:
    """Write `added` after a page's sentence; return the findings, and the changed page's text."""
    project = changed(pristine, tmp_path / "project", page, AFTER[page], AFTER[page] + added)
    return [str(problem) for problem in check_project(project)], (project / "docs" / page).read_text(encoding="utf-8")


def place(text: str, written: str) -> str:
    """Where a reader's editor shows `written` in a page: `line:column`."""
    before = text[: text.index(written)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_checker_refuses_a_script_in_arabic_with_file_line_and_column(pristine: Path, tmp_path: Path):
    findings, text = _changed_findings(pristine, tmp_path, "ar/contacts.md", " <script>alert(1)</script>")
    assert findings == [
        f"docs/ar/contacts.md:{place(text, '<script>')}: error: html: expected only the tags listed in "
        "fristed/check/sanitizer.py, found <script>, which runs code; remove it"
    ]


def test_checker_refuses_an_address_set_through_an_attribute_list(pristine: Path, tmp_path: Path):
    """Once, though the sanitizer would take the same href out: the attribute list is the cause."""
    findings, text = _changed_findings(pristine, tmp_path, "en/contacts.md", ' [ROSA](help.md){: href="javascript:x" }')
    assert findings == [
        f"docs/en/contacts.md:{place(text, 'href=')}: error: attribute list: expected no address in {{: … }}, "
        'which would replace the target the link checks read, found href="javascript:x"; write the address as '
        "the target, [text](address)"
    ]


def test_checker_quotes_a_comment_trick_as_written(pristine: Path, tmp_path: Path):
    """`<!-->` ends a comment at once in a browser: the image after it is live, and refused too."""
    findings, text = _changed_findings(pristine, tmp_path, "ar/contacts.md", " <!--><img src=x onerror=alert(1)> -->")
    assert findings == [
        f"docs/ar/contacts.md:{place(text, '<!-->')}: error: html: expected no comment, which the sanitizer "
        'removes (see fristed/check/markup.py), found "<!-->"; write notes for translators in the pull request',
        f'docs/ar/contacts.md:{place(text, "onerror")}: error: {ATTRIBUTES} onerror="alert(1)" on <img> '
        "(an event handler, which runs code); remove it",
    ]


def test_checker_refuses_an_image_from_a_registered_host(pristine: Path, tmp_path: Path):
    """links.py lets udi.no through as a link; as an image it would tell UDI who reads the page."""
    findings, text = _changed_findings(pristine, tmp_path, "nb/help.md", " ![UDI](https://www.udi.no/logo.png)")
    assert (
        f"docs/nb/help.md:{place(text, 'https://www.udi.no/logo.png')}: error: images: expected an image file of "
        "this site, such as ../assets/images/map.png, as an image from another host tells it who reads the page, "
        'found "https://www.udi.no/logo.png"'
    ) in findings


def test_checker_reports_a_javascript_link_once(pristine: Path, tmp_path: Path):
    """links.py reads the link and refuses it; the sanitizer, which would take it out too, stays quiet."""
    findings, _ = _changed_findings(pristine, tmp_path, "en/contacts.md", " [ROSA](javascript:alert(1))")
    assert len(findings) == 1 and LINKS in findings[0]


@pytest.mark.parametrize(
    ("markdown", "rendered", "reason"),
    [
        ("Call [22 33 11 60](tel:+4722331160) or see [help](help.md#safe).", False, "plain links links.py reads"),
        ("- [udi.no](https://www.udi.no/)\n- [mail](mailto:a@udi.no)", False, "plain web and mailto links"),
        ("Text <bdi>ROSA</bdi>", True, "any tag"),
        ("Text &#60;", True, "any entity"),
        ("## Heading {#id}", True, "any attribute list"),
        ("![x](x.png)", True, "an image loads without a click"),
        ("[x][a]\n\n[a]: help.md", True, "a reference definition, wherever Markdown finds it"),
        ("[TOC]", True, "a table of contents"),
        ("[x](https://udi.no/ 'title')", True, "a link with a title"),
        ("[a [b [c]] d](https://evil.example/)", True, "brackets deeper than links.py reads"),
        ("[x](https://udi.no/\\))", True, "an escape in a target"),
        ("[x](//evil.example/)", True, "a host without a scheme"),
    ],
)
def test_only_pages_that_could_carry_markup_are_rendered(markdown: str, rendered: bool, reason: str):
    assert needs_rendering(markdown) is rendered, reason


def test_sanitizer_keeps_every_real_page_as_written(monkeypatch):
    """Every page of every language, rendered and judged even where the speed shortcut would skip it."""
    monkeypatch.setattr(markup, "needs_rendering", lambda text: True)
    assert [str(problem) for problem in check_project(PROJECT)] == []


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/…` tags."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def test_renderer_uses_the_markdown_extensions_of_mkdocs_yml():
    """The check renders as the build does: a new extension in mkdocs.yml must be added to markup.py."""
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    configured = {next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]}
    assert configured | {"toc", "tables", "fenced_code"} == set(EXTENSIONS)


@pytest.mark.slow
def test_build_refuses_a_script_in_a_translation_naming_file_and_line(project_copy: Path, tmp_path: Path):
    page = project_copy / "docs/ar/contacts.md"
    sentence = AFTER["ar/contacts.md"]
    text = page.read_text(encoding="utf-8").replace(sentence, f"{sentence} <script>alert(1)</script>", 1)
    page.write_text(text, encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(
        rf"^docs/ar/contacts\.md:{place(text, '<script>')}: error: html: expected only the tags listed in "
        r"fristed/check/sanitizer\.py, found <script>, which runs code; remove it$",
        result.stderr,
        re.MULTILINE,
    ), result.stderr
