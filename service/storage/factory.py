"""A store from its URL: a folder path (the default) or `s3://bucket?endpoint=…`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from minio import Minio

from service.storage.base import ObjectStore
from service.storage.local import LocalStore
from service.storage.s3 import S3Store


def open_store(url: str, *, access_key: str = "", secret_key: str = "") -> ObjectStore:
    """`./tdkt-data/objects`, `file:///srv/tdkt`, or `s3://bucket?endpoint=host:9000&secure=false`.

    S3 keys come from the caller (settings read them from the environment), never from
    the URL, so URLs can be logged.
    """
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        return LocalStore(Path(parts.path if parts.scheme else url))
    if parts.scheme != "s3":
        raise ValueError(f"unsupported storage URL scheme {parts.scheme!r}: use a path or s3://")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    endpoint = query.get("endpoint")
    if not parts.netloc or not endpoint:
        raise ValueError("an s3:// storage URL needs a bucket and ?endpoint=host:port")
    client = Minio(
        endpoint,
        access_key=access_key,
        secret_key=secret_key,
        secure=query.get("secure", "true").lower() not in ("false", "0", "no"),
        region=query.get("region", "us-east-1"),
    )
    return S3Store(client, parts.netloc)
