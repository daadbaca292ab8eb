"""The archive: settings, database and object store opened together, once per process."""

from __future__ import annotations

from dataclasses import dataclass

from service.db.engine import Database
from service.db.migrate import upgrade
from service.settings import Settings
from service.storage import ObjectStore, open_store


@dataclass
class Archive:
    settings: Settings
    db: Database
    store: ObjectStore

    def close(self) -> None:
        self.db.dispose()


def open_archive(settings: Settings, *, migrate: bool = True) -> Archive:
    """Open (and, for the embedded default, create) the archive the settings name.

    Migrations run here for the API and the CLI; worker processes pass `migrate=False`
    because the process that started them already did.
    """
    if settings.uses_data_dir():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    if migrate:
        upgrade(db)
        db.optimize()
    store = open_store(
        settings.resolved_storage_url,
        access_key=settings.s3_access_key.get_secret_value(),
        secret_key=settings.s3_secret_key.get_secret_value(),
    )
    if settings.replica_url:
        from service.preservation.replica import MirroredStore

        store = MirroredStore(store, open_replica(settings))
    return Archive(settings, db, store)


def open_replica(settings: Settings) -> ObjectStore:
    """The second store originals are copied to (TDKT_REPLICA_URL), same S3 keys."""
    assert settings.replica_url
    return open_store(
        settings.replica_url,
        access_key=settings.s3_access_key.get_secret_value(),
        secret_key=settings.s3_secret_key.get_secret_value(),
    )


def original_key(sha256: str) -> str:
    return f"originals/{sha256}"


def derived_key(sha256: str, name: str) -> str:
    return f"derived/{sha256}/{name}"
