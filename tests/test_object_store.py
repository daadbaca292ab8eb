"""One contract for every object store: the local folder and S3 (a real SeaweedFS)."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from minio.error import S3Error

from service.storage import InvalidKeyError, ObjectNotFoundError, ObjectStore, open_store
from service.storage.local import LocalStore
from tests.seaweedfs import S3Server

METADATA = {"filename": "Quyết định 1234/QĐ-SGDĐT.pdf", "uploader": "Nguyễn Thị Thanh Xuân"}


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return open_store(str(tmp_path / "objects"))
    server: S3Server = request.getfixturevalue("s3_server")
    bucket = f"tdkt-{abs(hash(request.node.name)) % 10**8}"
    return open_store(
        f"s3://{bucket}?endpoint={server.endpoint}&secure=false",
        access_key=server.access_key,
        secret_key=server.secret_key,
    )


def test_put_then_get_stat_and_exists(store: ObjectStore) -> None:
    data = b"%PDF-1.7 " + bytes(range(256)) * 40
    info = store.put("originals/abc123", data, content_type="application/pdf", metadata=METADATA)
    assert info.size == len(data)
    assert store.get("originals/abc123") == data
    stat = store.stat("originals/abc123")
    assert (stat.size, stat.content_type) == (len(data), "application/pdf")
    assert stat.metadata == METADATA  # Vietnamese text comes back as stored
    assert store.exists("originals/abc123")
    assert not store.exists("originals/other")


def test_streams_in_and_out(store: ObjectStore) -> None:
    data = b"x" * (3 * 1024 * 1024 + 17)
    store.put("derived/abc/page-1.png", io.BytesIO(data), content_type="image/png")
    with store.open("derived/abc/page-1.png") as stream:
        assert stream.read(10) == b"x" * 10
        assert len(stream.read()) == len(data) - 10


def test_overwrite_replaces_the_object_whole(store: ObjectStore) -> None:
    store.put("derived/abc/extracted.json", b'{"v": 1}', content_type="application/json")
    store.put("derived/abc/extracted.json", b'{"v": 2, "more": true}')
    assert store.get("derived/abc/extracted.json") == b'{"v": 2, "more": true}'


def test_missing_objects_are_reported_as_missing(store: ObjectStore) -> None:
    with pytest.raises(ObjectNotFoundError):
        store.get("originals/nothing")
    with pytest.raises(ObjectNotFoundError):
        store.stat("originals/nothing")
    store.delete("originals/nothing")  # deleting what is gone is fine


def test_delete_removes_the_object(store: ObjectStore) -> None:
    store.put("originals/gone", b"data")
    store.delete("originals/gone")
    assert not store.exists("originals/gone")
    assert [o.key for o in store.iter("originals/")] == []


def test_iter_lists_by_prefix_in_key_order(store: ObjectStore) -> None:
    for key in ("derived/b/text.txt", "derived/a/text.txt", "originals/a", "derived/a/x.json"):
        store.put(key, key.encode())
    listed = [o.key for o in store.iter("derived/a/")]
    assert listed == ["derived/a/text.txt", "derived/a/x.json"]
    assert len(list(store.iter())) == 4


@pytest.mark.parametrize(
    "key", ["", "/etc/passwd", "../outside", "a/../../b", "a//b", "a/./b", "a\\b", "a/", "a\x00b"]
)
def test_keys_that_could_escape_are_refused(store: ObjectStore, key: str) -> None:
    with pytest.raises(InvalidKeyError):
        store.put(key, b"x")


def test_s3_presigned_url_downloads_the_object(s3_server: S3Server) -> None:
    store = open_store(
        f"s3://presign?endpoint={s3_server.endpoint}&secure=false",
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
    )
    store.put("originals/signed", b"original bytes")
    url = store.presigned_url("originals/signed", 60)
    assert url is not None and url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"original bytes"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url.replace("Signature=", "Signature=0"), timeout=10)
    assert refused.value.code == 403
    refused.value.close()


def test_s3_refuses_wrong_credentials(s3_server: S3Server) -> None:
    with pytest.raises(S3Error):
        open_store(
            f"s3://wrong?endpoint={s3_server.endpoint}&secure=false",
            access_key=s3_server.access_key,
            secret_key="not-the-secret",
        )


def test_local_store_never_leaves_half_written_files(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)

    class Exploding(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            raise OSError("disk went away")

    store.put("originals/kept", b"first version")
    with pytest.raises(OSError):
        store.put("originals/kept", Exploding())  # type: ignore[arg-type]
    assert store.get("originals/kept") == b"first version"
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []
