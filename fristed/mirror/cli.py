"""The mirror commands of `python -m fristed`: `verify-mirror` and `release`.

command       | does
verify-mirror | fetches a mirror's site-manifest.json, checks its signature (`--public-key`, default
              | mirror/minisign.pub), then every file; compares its version with the newest release's
              | manifest (`--reference`: a file or an address); prints a summary in plain words and one
              | line per difference; exits 1 on any difference, 2 when the reference cannot be read
release       | packs a built site (`--site`, default `site`) into `fristed-<version>.tar.gz` and `.zip`
              | with `SHA256SUMS`, reproducibly, in `--out` (default `dist`), signed with the minisign
              | secret key named by `--key` or $FRISTED_SIGNING_KEY; exits 1 if the site's files are not
              | those its manifest lists or the key cannot be used
sync-mirror   | installs a signed release archive (a path or an address) as a mirror's folder, keeping
              | the previous copy; `--rollback` goes back to it; exits 1, the folder unchanged, on failure
signing-key   | writes a new key pair: the secret key (`--secret`) and mirror/minisign.pub (`--public`)
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

from fristed.cli_options import add_site_option
from fristed.mirror.fetch import TIMEOUT_SECONDS, Client
from fristed.mirror.manifest import ManifestError
from fristed.mirror.release import make_release
from fristed.mirror.signing import (
    KEY_VARIABLE,
    PUBLIC_KEY,
    SignatureError,
    generate_key_pair,
    load_public_key,
    load_secret_key,
)
from fristed.mirror.sync import SyncError, rollback, sync_mirror
from fristed.mirror.verify import load_reference, verify_mirror

WIDTH = 100


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `verify-mirror` and `release` to the sub-parsers of `python -m fristed`."""
    verify = commands.add_parser(
        "verify-mirror",
        help="check that a mirror serves an exact copy of the site",
        description="Fetch a mirror's site-manifest.json and every file it lists, and report missing, "
        "changed and extra files and an outdated version.",
    )
    verify.add_argument("url", metavar="URL", help="the mirror's address, e.g. https://mirror.example/fristed/")
    verify.add_argument(
        "--reference",
        metavar="PATH",
        help="the original's site-manifest.json, a file (e.g. site/site-manifest.json) or an address; "
        "without it the mirror is compared with its own list only",
    )
    verify.add_argument(
        "--timeout", type=float, default=TIMEOUT_SECONDS, metavar="SECONDS", help="how long to wait for each file"
    )
    _add_public_key_option(verify)
    verify.set_defaults(run=run_verify_mirror)

    release = commands.add_parser(
        "release",
        help="pack the built site into reproducible .tar.gz and .zip archives with SHA256SUMS",
        description="Pack a built site into fristed-<version>.tar.gz and .zip, with SHA256SUMS.",
    )
    add_site_option(release)
    release.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR", help="where to write (default: dist)")
    release.add_argument(
        "--key",
        type=Path,
        default=os.environ.get(KEY_VARIABLE) or None,
        metavar="FILE",
        help=f"the unencrypted minisign secret key to sign with (default: ${KEY_VARIABLE}; none: unsigned)",
    )
    release.set_defaults(run=run_release)

    sync = commands.add_parser(
        "sync-mirror",
        help="install a signed release as a mirror's folder, keeping the previous copy",
        description="Download a release archive, check its signature and every checksum, unpack it beside "
        "the live folder and swap it in with one rename, keeping the previous copy.",
    )
    sync.add_argument(
        "source",
        metavar="FROM",
        nargs="?",
        help="the release: its archive (fristed-<version>.tar.gz or .zip) or its folder, a path or an "
        "address ending in /, with SHA256SUMS and SHA256SUMS.minisig in it",
    )
    sync.add_argument("target", metavar="TO", type=Path, help="the folder the server publishes, e.g. /var/www/fristed")
    sync.add_argument("--force", action="store_true", help="install even a version older than the live one")
    sync.add_argument("--rollback", action="store_true", help="go back to the copy the last update kept")
    _add_public_key_option(sync)
    sync.set_defaults(run=run_sync_mirror)

    keys = commands.add_parser(
        "signing-key",
        help="make the project's signing key pair",
        description="Write a new minisign key pair: the unencrypted secret key, for $FRISTED_SIGNING_KEY, "
        "and the public key every mirror checks with.",
    )
    keys.add_argument("--secret", type=Path, required=True, metavar="FILE", help="where to write the secret key")
    keys.add_argument("--public", type=Path, default=PUBLIC_KEY, metavar="FILE", help="where to write the public key")
    keys.set_defaults(run=run_signing_key)


def _add_public_key_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--public-key",
        type=Path,
        default=PUBLIC_KEY,
        metavar="FILE",
        help="the minisign public key to trust (default: the project's, mirror/minisign.pub)",
    )


def run_verify_mirror(arguments: argparse.Namespace) -> int:
    """Check a mirror, print the summary and each difference; return 0 for an exact copy, else 1 or 2."""
    client = Client(timeout=arguments.timeout)
    try:
        key = load_public_key(arguments.public_key)
        reference = load_reference(arguments.reference, client, key) if arguments.reference else None
    except SignatureError as error:
        print(f"error: --public-key: {error}", file=sys.stderr)
        return 2
    except ManifestError as error:
        print(f"error: the newest release's manifest, --reference: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        report = verify_mirror(arguments.url, reference, client, key=key)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(textwrap.fill(report.summary, WIDTH))
    if report.lines():
        print()
        for line in report.lines():
            print(line)
    elapsed = time.perf_counter() - started
    print(f"Checked {report.checked} files of {report.base_url} in {elapsed:.1f} s", file=sys.stderr)
    return 0 if report.ok else 1


def run_release(arguments: argparse.Namespace) -> int:
    """Write the release archives and SHA256SUMS; print what was written; 1 if the site is not as listed."""
    try:
        key = load_secret_key(arguments.key) if arguments.key else None
    except SignatureError as error:
        print(f"error: --key (or ${KEY_VARIABLE}): {error}", file=sys.stderr)
        return 1
    try:
        paths = make_release(arguments.site, arguments.out, key)
    except FileNotFoundError as error:
        print(
            f"error: {error.filename}: not found; expected a built site with its manifest: run `make site`",
            file=sys.stderr,
        )
        return 1
    except (ManifestError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    if not key:
        print(f"note: not signed; set {KEY_VARIABLE} to the secret key file to sign the release", file=sys.stderr)
    return 0


def run_sync_mirror(arguments: argparse.Namespace) -> int:
    """Update (or roll back) a mirror's folder; print what is live now; 1, the folder unchanged, on failure."""
    try:
        if arguments.rollback:
            version = rollback(arguments.target)
            print(f"{arguments.target} now serves {version.describe()} again.")
            return 0
        if not arguments.source:
            print("error: give the release archive to install (FROM), or --rollback", file=sys.stderr)
            return 2
        synced = sync_mirror(
            arguments.source, arguments.target, load_public_key(arguments.public_key), force=arguments.force
        )
    except (SyncError, SignatureError) as error:
        print(f"error: {error}\n{arguments.target} was not changed.", file=sys.stderr)
        return 1
    if not synced.changed:
        print(f"{arguments.target} already serves {synced.live.describe()}: nothing to do.")
    elif synced.before:
        print(
            f"{arguments.target} now serves {synced.live.describe()}; {synced.before.describe()} "
            f"is kept in {synced.previous} (go back to it with --rollback)."
        )
    else:
        print(f"{arguments.target} now serves {synced.live.describe()}.")
    return 0


def run_signing_key(arguments: argparse.Namespace) -> int:
    """Write a new key pair; refuse to overwrite an existing secret key."""
    try:
        identifier = generate_key_pair(arguments.secret, arguments.public)
    except FileExistsError:
        print(f"error: {arguments.secret}: exists already; a signing key is never overwritten", file=sys.stderr)
        return 1
    print(
        f"Key {identifier}: secret key in {arguments.secret} (keep it off any shared machine, never commit it; "
        f"sign with {KEY_VARIABLE}={arguments.secret} make release), public key in {arguments.public} (commit it, "
        "and put it in MIRRORING.md)."
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one mirror command on its own, as `python -m fristed.mirror.cli`; return its exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m fristed.mirror.cli", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="command"))
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
