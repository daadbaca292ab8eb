"""The embedded default: objects as files under one folder, written atomically.

A write goes to a temporary file in the target's folder and is renamed over the target,
so a reader sees the old object or the new one, never half of one, even if the process
dies mid-write. Content type and metadata live beside the data in `<key>.meta.json`
files under a separate `.meta` tree, so object keys never collide with them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from service.storage.base import InvalidKeyError, ObjectInfo, ObjectNotFoundError, check_key

_META = ".meta"


class LocalStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str, tree: str = "") -> Path:
        check_key(key)
        if key.split("/")[0] == _META:
            raise InvalidKeyError(f"invalid object key: {key!r}")
        base = self.root / tree if tree else self.root
        path = (base / key).resolve()
        if not path.is_relative_to(base.resolve()):
            raise InvalidKeyError(f"invalid object key: {key!r}")
        return path

    def _meta_path(self, key: str) -> Path:
        return self._path(key + ".meta.json", _META)

    def put(
        self,
        key: str,
        data: bytes | BinaryIO,
        *,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> ObjectInfo:
        path = self._path(key)
        meta_path = self._meta_path(key)
        size = _atomic_write(path, data)
        meta = {"content_type": content_type, "metadata": metadata or {}}
        _atomic_write(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        return ObjectInfo(key, size, content_type, dict(metadata or {}))

    def get(self, key: str) -> bytes:
        with self.open(key) as stream:
            return stream.read()

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
            raise ObjectNotFoundError(key) from exc

    def stat(self, key: str) -> ObjectInfo:
        path = self._path(key)
        if not path.is_file():
            raise ObjectNotFoundError(key)
        content_type, metadata = "application/octet-stream", {}
        try:
            stored = json.loads(self._meta_path(key).read_text(encoding="utf-8"))
            content_type, metadata = stored["content_type"], stored["metadata"]
        except FileNotFoundError:
            pass
        return ObjectInfo(key, path.stat().st_size, content_type, metadata)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        for path in (self._path(key), self._meta_path(key)):
            path.unlink(missing_ok=True)

    def presigned_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        self._path(key)
        return None  # files are served through the API, not by URL

    def iter(self, prefix: str = "") -> Iterator[ObjectInfo]:
        keys: list[str] = []
        for directory, folders, files in os.walk(self.root):
            here = Path(directory)
            if here == self.root:
                folders[:] = [f for f in folders if f != _META]
            for name in files:
                if name.startswith(".tmp-"):
                    continue
                key = (here / name).relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    keys.append(key)
        for key in sorted(keys):
            try:
                yield self.stat(key)
            except ObjectNotFoundError:
                continue  # deleted meanwhile


def _atomic_write(path: Path, data: bytes | BinaryIO) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                shutil.copyfileobj(data, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return size
