"""Objects on any S3 server (MinIO, SeaweedFS, AWS S3) through the `minio` client.

S3 user metadata must be US-ASCII and the `minio` client refuses anything else, while
tdkt's metadata is Vietnamese (file names, uploaders): values are percent-encoded on
write and decoded on read, so callers see the text they stored.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from typing import BinaryIO, cast
from urllib.parse import quote, unquote

from minio import Minio
from minio.error import S3Error

from service.storage.base import ObjectInfo, ObjectNotFoundError, check_key

_PART_SIZE = 16 * 1024 * 1024
_MISSING = ("NoSuchKey", "NoSuchObject", "NotFound")


class S3Store:
    def __init__(self, client: Minio, bucket: str, *, create_bucket: bool = True) -> None:
        self.client = client
        self.bucket = bucket
        if create_bucket and not client.bucket_exists(bucket):
            client.make_bucket(bucket)

    def put(
        self,
        key: str,
        data: bytes | BinaryIO,
        *,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> ObjectInfo:
        check_key(key)
        stream: BinaryIO = io.BytesIO(data) if isinstance(data, bytes) else data
        length = len(data) if isinstance(data, bytes) else -1
        encoded = {name: quote(value, safe="") for name, value in (metadata or {}).items()}
        self.client.put_object(
            self.bucket,
            key,
            stream,
            length,
            content_type=content_type,
            metadata=cast(dict[str, str | list[str] | tuple[str]], encoded),
            part_size=_PART_SIZE,
        )
        return self.stat(key)

    def get(self, key: str) -> bytes:
        with self.open(key) as stream:
            return stream.read()

    def open(self, key: str) -> BinaryIO:
        check_key(key)
        try:
            response = self.client.get_object(self.bucket, key)
        except S3Error as exc:
            raise _translated(exc, key) from exc
        return cast(BinaryIO, _Response(response))

    def stat(self, key: str) -> ObjectInfo:
        check_key(key)
        try:
            found = self.client.stat_object(self.bucket, key)
        except S3Error as exc:
            raise _translated(exc, key) from exc
        metadata = {}
        for name, value in (found.metadata or {}).items():
            lowered = name.lower()
            if lowered.startswith("x-amz-meta-"):
                metadata[lowered.removeprefix("x-amz-meta-")] = unquote(str(value))
        return ObjectInfo(
            key, found.size or 0, found.content_type or "application/octet-stream", metadata
        )

    def exists(self, key: str) -> bool:
        try:
            self.stat(key)
        except ObjectNotFoundError:
            return False
        return True

    def delete(self, key: str) -> None:
        check_key(key)
        self.client.remove_object(self.bucket, key)

    def presigned_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        check_key(key)
        return self.client.presigned_get_object(
            self.bucket, key, expires=timedelta(seconds=expires_seconds)
        )

    def iter(self, prefix: str = "") -> Iterator[ObjectInfo]:
        for item in self.client.list_objects(self.bucket, prefix=prefix, recursive=True):
            if item.object_name is None or item.is_dir:
                continue
            try:
                yield self.stat(item.object_name)
            except ObjectNotFoundError:
                continue  # deleted meanwhile


class _Response(io.RawIOBase):
    """The HTTP response as a file object that releases its connection when closed."""

    def __init__(self, response: object) -> None:
        self._response = response

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return bytes(self._response.read(None if size < 0 else size))  # type: ignore[attr-defined]

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        if not self.closed:
            self._response.close()  # type: ignore[attr-defined]
            self._response.release_conn()  # type: ignore[attr-defined]
        super().close()


def _translated(error: S3Error, key: str) -> Exception:
    if error.code in _MISSING:
        return ObjectNotFoundError(key)
    return error
