"""Mirrors: the site's manifest, checking a copy with `verify-mirror`, and reproducible releases."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import time
from pathlib import Path

import minisign
import pytest
from mirror_site import (
    COMMIT,
    DATE,
    PUBLIC_KEY,
    VERSION,
    mirror_copy,
    rewrite_manifest,
    sign_manifest,
    small_site,
    write_keys,
)

from conftest import serve
from fristed.__main__ import main
from fristed.mirror import MANIFEST, ManifestError, read_manifest, verify_mirror, write_site_manifest
from fristed.mirror.fetch import Client
from fristed.mirror.manifest import parse_manifest
from fristed.mirror.report import Finding, Report, SiteVersion

OLD = {"version": "0.0.9", "commit": "0123456789abcdef0123456789abcdef01234567", "date": "2025-01-15T08:00:00Z"}
EXACT = "This mirror is an exact copy of version 0.1.0 from 28 November 2025: all {} files match the original."
COPY_AGAIN = "Do not hand out its address until its owner has copied the original again and this check passes."


# The manifest --------------------------------------------------------------------------------


def test_manifest_lists_every_file_but_itself_in_a_stable_layout(tmp_path):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    write_site_manifest(site, VERSION, COMMIT, DATE)  # a second run does not list the first's manifest
    sha = {url: hashlib.sha256((site / url).read_bytes()).hexdigest() for url in ("assets/site.css", "en/index.html")}
    text = (site / MANIFEST).read_text(encoding="utf-8")
    assert text.startswith(
        '{\n "commit": "8be573d2a1c0e6f4b9d7c3e5a2f1b0c9d8e7f6a5",\n "date": "2025-11-28T22:24:00Z",\n "files": {\n'
        f'  "assets/site.css": "{sha["assets/site.css"]}",\n  "en/index.html": "{sha["en/index.html"]}",\n'
    )
    assert text.endswith('\n },\n "version": "0.1.0"\n}\n')
    assert list(read_manifest(site / MANIFEST)["files"]) == ["assets/site.css", "en/index.html", "index.html", "sw.js"]


GOOD = {"version": VERSION, "commit": COMMIT, "date": DATE, "files": {"index.html": "a" * 64}}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"version": "../0.1"}, "version: expected letters, digits and . + - _ such as 0.1.0, found '../0.1'"),
        ({"commit": ""}, "commit: expected the commit the site was built from, found ''"),
        (
            {"date": "2025-11-28 22:24"},
            "date: expected YYYY-MM-DDTHH:MM:SSZ such as 2025-01-31T12:00:00Z, found '2025-11-28 22:24'",
        ),
        (
            {"date": "2025-02-30T00:00:00Z"},
            "date: expected YYYY-MM-DDTHH:MM:SSZ such as 2025-01-31T12:00:00Z, found '2025-02-30T00:00:00Z'",
        ),
        (
            {"files": {"../etc/passwd": "a" * 64}},
            "files: '../etc/passwd': expected a URL from the site root without ., .. or a leading /",
        ),
        (
            {"files": {"/index.html": "a" * 64}},
            "files: '/index.html': expected a URL from the site root without ., .. or a leading /",
        ),
        (
            {"files": {"index.html": "A" * 64}},
            "files: 'index.html': expected 64 lower-case hex digits of SHA-256, found '" + "A" * 64 + "'",
        ),
        ({"files": []}, "files: expected an object of URL: SHA-256, found list"),
    ],
    ids=[
        "version-names-a-folder",
        "empty-commit",
        "date-without-t-and-z",
        "no-such-day",
        "url-leaves-the-site",
        "url-from-the-server-root",
        "upper-case-hash",
        "files-not-an-object",
    ],
)
def test_a_malformed_manifest_is_refused_with_what_to_write(change, problem):
    with pytest.raises(ManifestError) as raised:
        parse_manifest(json.dumps(GOOD | change), "mirror/site-manifest.json")
    assert str(raised.value) == f"mirror/site-manifest.json: {problem}"


def test_every_missing_field_is_named_at_once():
    with pytest.raises(ManifestError) as raised:
        parse_manifest('{"files": {}}', "m.json")
    assert raised.value.problems == [
        "version: missing; every manifest has version, commit, date and files",
        "commit: missing; every manifest has version, commit, date and files",
        "date: missing; every manifest has version, commit, date and files",
    ]


# The summary a volunteer reads ------------------------------------------------------------------

NEW = SiteVersion(VERSION, COMMIT, DATE)


@pytest.mark.parametrize(
    ("report", "summary"),
    [
        (Report("u/", (), NEW, NEW, 3), EXACT.format(3)),
        (
            Report("u/", (), NEW, None, 3),
            "This mirror is an exact copy of version 0.1.0 from 28 November 2025 as its signed list of files "
            "describes it: all 3 files match that list. Whether a newer version exists was not checked; to check, "
            "give the newest release's site-manifest.json.",
        ),
        (
            Report("u/", (Finding("changed", "a", ""), Finding("changed", "b", ""), Finding("missing", "c", "")), NEW),
            "This mirror does not match its own signed list of files: 2 files changed and 1 file missing. "
            "Do not hand out its address until this check passes.",
        ),
        (
            Report("u/", (Finding("outdated", MANIFEST, ""),), SiteVersion(VERSION, "f" * 40, DATE), NEW),
            "This mirror differs from the original: it is another build (version 0.1.0 (commit ffffffffffff) from "
            "28 November 2025; the newest is version 0.1.0 (commit 8be573d2a1c0) from 28 November 2025). " + COPY_AGAIN,
        ),
        (
            Report("u/", (Finding("outdated", MANIFEST, ""),), SiteVersion(**OLD), NEW),
            "This mirror is an exact, signed copy of version 0.0.9 from 15 January 2025, but that is OLDER than the "
            "newest release, version 0.1.0 from 28 November 2025. Ask its owner to update it; until then, do not "
            "hand out its address.",
        ),
        (
            Report("u/", (Finding("untrusted", MANIFEST, "is signed with another key than the one trusted here"),)),
            "This mirror cannot be trusted: its list of files, site-manifest.json, is signed with another key than "
            "the one trusted here. Anyone could have changed its pages. "
            "Do not hand out its address until this check passes.",
        ),
        (
            Report("u/", (Finding("unreadable", MANIFEST, "could not be fetched (HTTP 404 Not Found)"),)),
            "This address could not be checked: its list of files, site-manifest.json, could not be fetched "
            "(HTTP 404 Not Found). It may be down or mistyped, or not a copy of Fristed. "
            "Do not hand out its address until this check passes.",
        ),
    ],
    ids=[
        "exact",
        "exact-without-reference",
        "broken-without-reference",
        "same-version-other-commit",
        "older-but-intact",
        "signed-by-a-stranger",
        "no-manifest",
    ],
)
def test_the_summary_says_in_plain_words_whether_to_hand_out_the_address(report, summary):
    assert report.summary == summary


# Checking a mirror ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def original(site, tmp_path_factory) -> tuple[Path, dict]:
    """The built site as the original publishes it, with its manifest: the reference."""
    target = tmp_path_factory.mktemp("original") / "site"
    return target, mirror_copy(site, target)


@pytest.fixture
def copy(original, tmp_path) -> Path:
    """A mirror's copy of the original, to change."""
    return Path(shutil.copytree(original[0], tmp_path / "mirror"))


def test_an_exact_copy_passes(original, copy):
    with serve(copy) as url:
        report = verify_mirror(url, original[1], key=PUBLIC_KEY)
    assert report.ok and report.lines() == []
    assert report.summary == EXACT.format(len(original[1]["files"]))


@pytest.mark.parametrize(
    ("tamper", "detail"),
    [
        ("rewrite", "does not match its signature: it was changed after signing"),
        ("unsign", "has no signature: site-manifest.json.minisig could not be fetched (HTTP 404 Not Found)"),
        ("stranger", "is signed with another key than the one trusted here"),
    ],
    ids=["manifest-rewritten-to-hide-a-change", "signature-removed", "signed-by-another-key"],
)
def test_a_manifest_without_the_trusted_signature_is_not_trusted_at_all(original, copy, tamper, detail):
    page = copy / "en/contacts.html"
    page.write_bytes(page.read_bytes().replace(b"+4722331160", b"+4722331106"))
    rewrite_manifest(copy, original[1])
    if tamper == "unsign":
        (copy / (MANIFEST + ".minisig")).unlink()
    elif tamper == "stranger":
        sign_manifest(copy, minisign.KeyPair.generate().secret_key)
    with serve(copy) as url:
        report = verify_mirror(url, None, key=PUBLIC_KEY)
    assert report.lines() == [f"untrusted: {MANIFEST}: {detail}"]
    assert report.checked == 0  # not one file is fetched on the word of an unsigned list


def test_a_changed_page_is_named(original, copy):
    page = copy / "en/contacts.html"
    page.write_bytes(page.read_bytes().replace(b"+4722331160", b"+4722331106"))
    with serve(copy) as url:
        report = verify_mirror(url, original[1], key=PUBLIC_KEY)
    found = hashlib.sha256(page.read_bytes()).hexdigest()
    expected = original[1]["files"]["en/contacts.html"]
    assert report.lines() == [f"changed: en/contacts.html: SHA-256 is {found}, the original's is {expected}"]
    assert report.summary == f"This mirror differs from the original: 1 file changed. {COPY_AGAIN}"


def test_a_missing_page_is_named(original, copy):
    (copy / "en/help.html").unlink()
    with serve(copy) as url:
        report = verify_mirror(url, original[1], key=PUBLIC_KEY)
    assert report.lines() == ["missing: en/help.html: HTTP 404 Not Found"]
    assert report.summary == f"This mirror differs from the original: 1 file missing. {COPY_AGAIN}"


def test_an_extra_page_is_named(original, copy):
    (copy / "en/win-a-prize.html").write_text("<h1>Call this number</h1>", encoding="utf-8")
    rewrite_manifest(copy, original[1], signed=True)  # a key's holder signed another list for this release
    with serve(copy) as url:
        report = verify_mirror(url, original[1], key=PUBLIC_KEY)
    assert report.lines() == ["extra: en/win-a-prize.html: listed by the mirror, not by the original"]
    assert report.summary == f"This mirror differs from the original: 1 extra file. {COPY_AGAIN}"


def test_an_older_release_intact_is_named_older_with_both_dates(original, copy):
    rewrite_manifest(copy, original[1], signed=True, **OLD)
    with serve(copy) as url:
        report = verify_mirror(url, original[1], key=PUBLIC_KEY)
    assert report.lines() == [
        f"outdated: site-manifest.json: version 0.0.9 (commit {OLD['commit']}) of 2025-01-15T08:00:00Z, "
        f"expected version 0.1.0 (commit {COMMIT}) of 2025-11-28T22:24:00Z"
    ]
    assert report.summary == (
        "This mirror is an exact, signed copy of version 0.0.9 from 15 January 2025, but that is OLDER than the "
        "newest release, version 0.1.0 from 28 November 2025. Ask its owner to update it; until then, do not hand "
        "out its address."
    )


def test_every_difference_is_counted_in_one_sentence_and_the_command_fails(original, copy, tmp_path, capsys):
    rewrite_manifest(copy, original[1], signed=True, **OLD)
    (copy / "en/help.html").unlink()
    (copy / "en/safety.html").write_text("changed", encoding="utf-8")
    _, public = write_keys(tmp_path / "keys")
    with serve(copy) as url:
        status = main(["verify-mirror", url, "--reference", str(original[0] / MANIFEST), "--public-key", str(public)])
    out = capsys.readouterr().out
    assert status == 1
    assert " ".join(out.split("\n\n")[0].split()) == (
        "This mirror differs from the original: 1 file changed, 1 file missing and it is an older version "
        "(version 0.0.9 from 15 January 2025; the newest is version 0.1.0 from 28 November 2025). " + COPY_AGAIN
    )
    assert [line.split(": ")[:2] for line in out.split("\n\n")[1].splitlines()] == [
        ["outdated", "site-manifest.json"],
        ["changed", "en/safety.html"],
        ["missing", "en/help.html"],
    ]


def test_the_command_passes_an_exact_copy_and_says_so(original, tmp_path, capsys):
    _, public = write_keys(tmp_path / "keys")
    with serve(original[0]) as url:
        command = ["verify-mirror", url, "--reference", str(original[0] / MANIFEST), "--public-key", str(public)]
        assert main(command) == 0
    assert " ".join(capsys.readouterr().out.split()) == EXACT.format(len(original[1]["files"]))


def test_the_command_trusts_only_the_projects_key_unless_told(original, capsys):
    with serve(original[0]) as url:
        assert main(["verify-mirror", url]) == 1
    assert " ".join(capsys.readouterr().out.split("\n\n")[0].split()) == (
        "This mirror cannot be trusted: its list of files, site-manifest.json, is signed with another key than "
        "the one trusted here. Anyone could have changed its pages. Do not hand out its address until this "
        "check passes."
    )


def test_an_unreadable_reference_stops_the_command_before_any_request(tmp_path, capsys):
    assert main(["verify-mirror", "http://127.0.0.1:9/", "--reference", str(tmp_path / MANIFEST)]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: the newest release's manifest, --reference: {tmp_path / MANIFEST}: could not be read (No such file"
    )


def test_a_copy_on_disk_is_checked_through_a_file_address(tmp_path):
    site = small_site(tmp_path / "usb stick")
    manifest = write_site_manifest(site, VERSION, COMMIT, DATE)
    sign_manifest(site)
    (site / "sw.js").unlink()
    report = verify_mirror(site.as_uri() + "/", manifest, key=PUBLIC_KEY)
    assert report.lines() == ["missing: sw.js: no such file"]


def test_a_mirror_listing_more_files_than_the_request_budget_is_not_fetched(tmp_path):
    site = small_site(tmp_path / "site")
    manifest = write_site_manifest(site, VERSION, COMMIT, DATE)
    sign_manifest(site)
    client = Client(max_requests=4)
    report = verify_mirror(site.as_uri(), manifest, client, key=PUBLIC_KEY)
    assert report.lines() == ["unreadable: site-manifest.json: lists 4 files, more than the 2 this check may fetch"]
    assert client.requests == 2  # the manifest and its signature


def test_a_mirror_that_never_answers_is_given_up_after_the_timeout():
    with socket.socket() as listener:  # accepts connections into its backlog, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        started = time.monotonic()
        report = verify_mirror(f"http://127.0.0.1:{listener.getsockname()[1]}/", None, Client(timeout=0.5))
    assert time.monotonic() - started < 5
    assert report.lines() == ["unreadable: site-manifest.json: could not be fetched (no answer in time)"]
