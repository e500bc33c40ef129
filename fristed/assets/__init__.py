"""The site's files made small: one purged stylesheet, minified code, pre-compressed copies."""

import hashlib

HASH_LENGTH = 12


def hashed_name(url: str, data: bytes) -> str:
    """`assets/x/name.ext` with the first hex digits of the content's SHA-256 before `.ext`."""
    stem, dot, suffix = url.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}{dot}{suffix}"
