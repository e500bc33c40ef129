"""Derive a ZIM file's UUIDs from its content, so the same site gives the same file every time.

libzim draws a random UUID for the file and Xapian draws one for each full-text database in it,
and neither python-libzim's `Creator` nor Xapian lets a caller choose them. So the file is
finished first, then each UUID is replaced by one derived from everything else in the file, and
the MD5 checksum that ends every ZIM file is computed again. The layouts are openZIM's header
(the UUID at bytes 8 to 24, the checksum in the last 16 bytes) and Xapian's glass database, which
a ZIM file stores uncompressed: its magic string, two bytes of format version, then its UUID.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

HEADER_UUID = slice(8, 24)
CHECKSUM_SIZE = 16
XAPIAN_GLASS = re.compile(rb"\x0f\x0dXapian Glass")
# A namespace of this project's own, so these UUIDs never collide with another name-based scheme's.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/fristed/zim")


def uuid_places(data: bytes) -> list[slice]:
    """Return where the file's UUID and each Xapian database's UUID lie in a ZIM file's bytes."""
    return [HEADER_UUID] + [slice(match.end() + 2, match.end() + 18) for match in XAPIAN_GLASS.finditer(data)]


def derive_uuids(path: Path) -> uuid.UUID:
    """Replace a ZIM file's random UUIDs with ones derived from its content; return the file's UUID."""
    data = bytearray(Path(path).read_bytes())
    places = uuid_places(bytes(data))
    for place in places:
        data[place] = bytes(16)
    body = data[:-CHECKSUM_SIZE]
    digest = hashlib.sha256(body).hexdigest()
    for number, place in enumerate(places):
        data[place] = uuid.uuid5(NAMESPACE, f"{digest}/{number}").bytes
    data[-CHECKSUM_SIZE:] = hashlib.md5(data[:-CHECKSUM_SIZE], usedforsecurity=False).digest()
    Path(path).write_bytes(bytes(data))
    return uuid.UUID(bytes=bytes(data[HEADER_UUID]))
