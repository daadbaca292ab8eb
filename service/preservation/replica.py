"""A second store every write also goes to (`TDKT_REPLICA_URL`), so fsck can mend from it.

Reads come from the primary only: a damaged primary must be found by fsck, not hidden.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from service.storage import ObjectInfo, ObjectStore

_SPOOL = 16 * 1024 * 1024


class MirroredStore:
    def __init__(self, primary: ObjectStore, replica: ObjectStore) -> None:
        self.primary = primary
        self.replica = replica

    def put(
        self,
        key: str,
        data: bytes | BinaryIO,
        *,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> ObjectInfo:
        if isinstance(data, bytes):
            self.replica.put(key, data, content_type=content_type, metadata=metadata)
            return self.primary.put(key, data, content_type=content_type, metadata=metadata)
        with tempfile.SpooledTemporaryFile(_SPOOL) as copy:
            while chunk := data.read(1024 * 1024):
                copy.write(chunk)
            copy.seek(0)
            self.replica.put(key, copy, content_type=content_type, metadata=metadata)  # type: ignore[arg-type]
            copy.seek(0)
            return self.primary.put(key, copy, content_type=content_type, metadata=metadata)  # type: ignore[arg-type]

    def get(self, key: str) -> bytes:
        return self.primary.get(key)

    def open(self, key: str) -> BinaryIO:
        return self.primary.open(key)

    def stat(self, key: str) -> ObjectInfo:
        return self.primary.stat(key)

    def exists(self, key: str) -> bool:
        return self.primary.exists(key)

    def delete(self, key: str) -> None:
        self.primary.delete(key)
        self.replica.delete(key)

    def presigned_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        return self.primary.presigned_url(key, expires_seconds)

    def iter(self, prefix: str = "") -> Iterator[ObjectInfo]:
        return self.primary.iter(prefix)
