"""The object store seam: originals and derived files, on a local folder or on S3."""

from service.storage.base import InvalidKeyError, ObjectInfo, ObjectNotFoundError, ObjectStore
from service.storage.factory import open_store

__all__ = ["InvalidKeyError", "ObjectInfo", "ObjectNotFoundError", "ObjectStore", "open_store"]
