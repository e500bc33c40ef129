"""Signatures in minisign's format (Ed25519), made and checked with the py-minisign library.

A checksum served beside the files it describes proves nothing: whoever can change the files can
change the sums. A signature can only be made with the project's secret key, which never leaves
its maintainers, and is checked with the public key committed in `mirror/minisign.pub`.

Signatures are reproducible: Ed25519 is deterministic, and the trusted comment names the file and
the release instead of the time of signing (minisign's default), so one key signs one release to
the same bytes on any machine.
"""

from __future__ import annotations

from pathlib import Path

import minisign

# The project's public key; see MIRRORING.md, "Who signs the releases".
PUBLIC_KEY = Path(__file__).resolve().parents[2] / "mirror" / "minisign.pub"
SUFFIX = ".minisig"
# The environment variable naming the secret key file `make release` signs with.
KEY_VARIABLE = "FRISTED_SIGNING_KEY"


class SignatureError(ValueError):
    """A key or signature that cannot be used, or a signature that does not match; says which file."""


def load_public_key(path: Path | None = None) -> minisign.PublicKey:
    """Return a public key from a minisign `.pub` file (default: the project's own)."""
    path = Path(path or PUBLIC_KEY)
    try:
        return minisign.PublicKey.from_bytes(path.read_bytes())
    except OSError as error:
        raise SignatureError(f"{path}: the public key could not be read ({error.strerror or error})") from None
    except (minisign.Error, ValueError) as error:
        raise SignatureError(f"{path}: expected a minisign public key, as `minisign -G` writes ({error})") from None


def load_secret_key(path: Path) -> minisign.SecretKey:
    """Return an unencrypted minisign secret key, as `minisign -G -W` or `make signing-key` writes it."""
    try:
        key = minisign.SecretKey.from_bytes(Path(path).read_bytes())
    except OSError as error:
        raise SignatureError(f"{path}: the secret key could not be read ({error.strerror or error})") from None
    except (minisign.Error, ValueError) as error:
        raise SignatureError(f"{path}: expected a minisign secret key, {error}") from None
    if key.is_encrypted():
        raise SignatureError(
            f"{path}: the secret key is encrypted with a password; expected an unencrypted one "
            "(`minisign -G -W`, or `make signing-key`)"
        )
    return key


def sign(data: bytes, name: str, key: minisign.SecretKey, about: str) -> bytes:
    """Return the `.minisig` of a file's bytes, its trusted comment naming the file and `about`."""
    signature = key.sign(
        data, untrusted_comment=f"signature of {name} by the Fristed project", trusted_comment=f"file:{name}\t{about}"
    )
    return bytes(signature) + b"\n"


def verify(data: bytes, signature: bytes, key: minisign.PublicKey, name: str) -> str:
    """Check a signature of some bytes; return its trusted comment, or raise SignatureError naming `name`."""
    try:
        parsed = minisign.Signature.from_bytes(signature.strip())
    except (minisign.Error, ValueError) as error:
        raise SignatureError(f"{name}: has a signature that is not in minisign's format ({error})") from None
    try:
        key.verify(data, parsed)
    except minisign.VerifyError as error:
        if "key identifiers" in str(error):
            raise SignatureError(f"{name}: is signed with another key than the one trusted here") from None
        raise SignatureError(f"{name}: does not match its signature: it was changed after signing") from None
    return parsed.trusted_comment


def key_id(key: minisign.PublicKey) -> str:
    """Return a key's identifier as minisign prints it: 16 upper-case hex digits."""
    return bytes(key._keynum_pk.key_id)[::-1].hex().upper()


def generate_key_pair(secret_path: Path, public_path: Path) -> str:
    """Write a new unencrypted secret key (mode 600, never over an existing file) and its public key; return its id."""
    secret_path, public_path = Path(secret_path), Path(public_path)
    pair = minisign.KeyPair.generate()
    secret_path.parent.mkdir(parents=True, exist_ok=True)
    # "x": a maintainer's existing key is never overwritten by mistake.
    with open(secret_path, "xb") as out:
        secret_path.chmod(0o600)
        out.write(bytes(pair.secret_key) + b"\n")
    identifier = key_id(pair.public_key)
    # The comment minisign itself writes, with the identifier as minisign prints it.
    pair.public_key.untrusted_comment = f"minisign public key {identifier}"
    public_path.write_bytes(bytes(pair.public_key) + b"\n")
    return identifier
