"""Signed releases, checked as an NGO checks them: with Debian's own `minisign` command-line tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile

import minisign
import pytest
import yaml
from mirror_site import COMMIT, DATE, SECRET_KEY, VERSION, small_site, write_keys

from conftest import serve
from fristed.__main__ import main
from fristed.mirror import MANIFEST, make_release, write_site_manifest
from fristed.mirror.signing import PUBLIC_KEY, load_public_key

SIGNED = [
    "fristed-0.1.0.tar.gz",
    "fristed-0.1.0.zip",
    MANIFEST,
    f"{MANIFEST}.minisig",
    "SHA256SUMS",
    "SHA256SUMS.minisig",
]


def minisign_verify(folder, name, public_key):
    """Run `minisign -V` on a file and its `.minisig`; return the completed process."""
    if not shutil.which("minisign"):
        pytest.fail("the minisign tool is missing: run `make test-tools`")
    command = ["minisign", "-V", "-m", name, "-p", str(public_key)]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True)


@pytest.fixture
def released(tmp_path):
    """A small site released with the test run's key: (the release folder, the public key file)."""
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    paths = make_release(site, tmp_path / "dist", SECRET_KEY)
    assert [path.name for path in paths] == SIGNED
    _, public = write_keys(tmp_path / "keys")
    return tmp_path / "dist", public


@pytest.mark.parametrize("name", ["SHA256SUMS", MANIFEST])
def test_minisign_accepts_the_release_signatures_and_refuses_one_changed_byte(released, name):
    folder, public = released
    checked = minisign_verify(folder, name, public)
    assert checked.returncode == 0, checked.stderr
    assert f"Trusted comment: file:{name}\tversion:0.1.0\tdate:2025-11-28T22:24:00Z" in checked.stdout
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (folder / name).write_bytes(bytes(data))
    refused = minisign_verify(folder, name, public)
    assert refused.returncode != 0
    assert "Signature verification failed" in refused.stderr


def test_the_archives_carry_the_manifests_signature_and_the_sums_check(released):
    folder, public = released
    with tarfile.open(folder / "fristed-0.1.0.tar.gz") as tar:
        tar.extractall(folder / "unpacked", filter="data")
    checked = minisign_verify(folder / "unpacked" / "fristed-0.1.0", MANIFEST, public)
    assert checked.returncode == 0, checked.stderr
    sums = subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert sums.stdout.splitlines() == [f"{name}: OK" for name in SIGNED[:3]]


def test_signatures_are_reproducible_from_the_same_key(released, tmp_path):
    folder, _ = released
    again = make_release(tmp_path / "site", tmp_path / "again", SECRET_KEY)
    assert [path.read_bytes() for path in again] == [(folder / name).read_bytes() for name in SIGNED]


def test_make_release_signs_with_a_key_minisign_made_and_named_by_the_environment(tmp_path, monkeypatch, capsys):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    keys = tmp_path / "keys"
    keys.mkdir()
    made = subprocess.run(
        ["minisign", "-G", "-W", "-p", "key.pub", "-s", "key.key"], cwd=keys, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    monkeypatch.setenv("FRISTED_SIGNING_KEY", str(keys / "key.key"))
    assert main(["release", "--site", str(site), "--out", str(tmp_path / "dist")]) == 0
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / "dist" / name) for name in SIGNED]
    assert minisign_verify(tmp_path / "dist", "SHA256SUMS", keys / "key.pub").returncode == 0


@pytest.mark.parametrize(
    ("key_text", "error"),
    [
        ("encrypted", "the secret key is encrypted with a password; expected an unencrypted one"),
        ("not a key", "expected a minisign secret key"),
    ],
    ids=["encrypted-key", "not-a-key"],
)
def test_a_key_that_cannot_sign_stops_the_release_before_anything_is_written(tmp_path, capsys, key_text, error):
    site = small_site(tmp_path / "site")
    write_site_manifest(site, VERSION, COMMIT, DATE)
    key_file = tmp_path / "secret.key"
    if key_text == "encrypted":
        key = minisign.KeyPair.generate().secret_key
        key.encrypt("a password", opslimit=1 << 15, memlimit=1 << 20)  # small: this is a test, not a vault
        key_file.write_bytes(bytes(key) + b"\n")
    else:
        key_file.write_text(key_text, encoding="utf-8")
    assert main(["release", "--site", str(site), "--out", str(tmp_path / "dist"), "--key", str(key_file)]) == 1
    assert capsys.readouterr().err.startswith(f"error: --key (or $FRISTED_SIGNING_KEY): {key_file}: {error}")
    assert not (tmp_path / "dist").exists()


def test_signing_key_writes_a_pair_minisign_uses_and_never_overwrites_a_secret_key(tmp_path, capsys):
    secret, public = tmp_path / "private" / "fristed.key", tmp_path / "fristed.pub"
    assert main(["signing-key", "--secret", str(secret), "--public", str(public)]) == 0
    identifier = load_public_key(public)
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    (tmp_path / "file.txt").write_text("hello", encoding="utf-8")
    signed = subprocess.run(["minisign", "-S", "-s", str(secret), "-m", "file.txt"], cwd=tmp_path, capture_output=True)
    assert signed.returncode == 0, signed.stderr
    assert minisign_verify(tmp_path, "file.txt", public).returncode == 0
    capsys.readouterr()
    before = secret.read_bytes()
    assert main(["signing-key", "--secret", str(secret), "--public", str(public)]) == 1
    assert capsys.readouterr().err == f"error: {secret}: exists already; a signing key is never overwritten\n"
    assert secret.read_bytes() == before and load_public_key(public) == identifier


def test_the_committed_public_key_is_the_one_mirroring_md_prints():
    text = PUBLIC_KEY.read_text(encoding="utf-8")
    assert text in (PUBLIC_KEY.parent.parent / "MIRRORING.md").read_text(encoding="utf-8")
    load_public_key()  # and it is a key minisign's format can read


def workflow_script() -> list[str]:
    """The shell steps of mirror/github-pages.yml, as the runner runs them (without installing minisign)."""
    workflow = yaml.safe_load((PUBLIC_KEY.parent / "github-pages.yml").read_text(encoding="utf-8"))
    steps = [step["run"] for step in workflow["jobs"]["publish"]["steps"] if "run" in step]
    script = "\n".join(line for step in steps for line in step.splitlines() if "apt-get" not in line)
    return ["bash", "-e", "-c", script]


@pytest.mark.parametrize("tampered", [False, True], ids=["signed-release", "changed-archive"])
def test_the_github_pages_example_publishes_only_a_release_whose_signature_and_sum_check(released, tmp_path, tampered):
    folder, public = released
    if tampered:
        archive = folder / "fristed-0.1.0.tar.gz"
        data = bytearray(archive.read_bytes())
        data[len(data) // 2] ^= 0x01
        archive.write_bytes(bytes(data))
    runner = tmp_path / "runner"
    runner.mkdir()
    shutil.copy(public, runner / "minisign.pub")
    with serve(folder) as url:
        # The workflow's `env`, with the release served here.
        env = {**os.environ, "RELEASES": url.rstrip("/"), "ARCHIVE": "fristed-0.1.0.tar.gz"}
        ran = subprocess.run(workflow_script(), cwd=runner, env=env, capture_output=True, text=True)
    assert (ran.returncode == 0) is not tampered, ran.stderr
    assert (runner / "public" / "en" / "index.html").exists() is not tampered
