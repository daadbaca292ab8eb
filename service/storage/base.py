"""What every object store offers, and the key rules all of them enforce.

Keys are slash-separated relative paths (`originals/<sha256>`,
`derived/<sha256>/text.txt`); a key that could escape a folder or means two things
(`..`, `./`, `//`, a leading `/`, backslashes, control characters) is refused the same
way on every backend, so a key valid on S3 is valid on disk and the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

_SEGMENT = re.compile(r"^[^\x00-\x1f\x7f\\]+$")
MAX_KEY_LENGTH = 900


class InvalidKeyError(ValueError):
    """A key that is empty, too long, or could name something outside the store."""


class ObjectNotFoundError(KeyError):
    """No object under that key."""


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int
    content_type: str
    metadata: dict[str, str] = field(default_factory=dict)


def check_key(key: str) -> str:
    """The key itself when it is safe on every backend; InvalidKeyError otherwise."""
    if not key or len(key) > MAX_KEY_LENGTH or key.startswith("/") or key.endswith("/"):
        raise InvalidKeyError(f"invalid object key: {key!r}")
    for segment in key.split("/"):
        if segment in ("", ".", "..") or not _SEGMENT.match(segment):
            raise InvalidKeyError(f"invalid object key: {key!r}")
    return key


class ObjectStore(Protocol):
    """Originals under `originals/<sha256>`, derived files under `derived/<sha256>/…`."""

    def put(
        self,
        key: str,
        data: bytes | BinaryIO,
        *,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> ObjectInfo:
        """Store `data` under `key` whole or not at all; metadata may be any Unicode text."""
        ...

    def get(self, key: str) -> bytes: ...

    def open(self, key: str) -> BinaryIO:
        """A stream of the object's bytes, for files too large to hold in memory."""
        ...

    def stat(self, key: str) -> ObjectInfo: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the object; removing a missing one is not an error."""
        ...

    def presigned_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        """A time-limited download URL, or None when the store cannot hand one out."""
        ...

    def iter(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Objects whose key starts with `prefix`, in key order."""
        ...
