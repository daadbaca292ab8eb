"""`tdkt backup DIR` and `tdkt restore DIR`: the database and every object, copied whole.

The database is copied first (SQLite through its online backup API, PostgreSQL with
`pg_dump`), then the objects: an original is stored before its row exists, so every row
of the copy finds its object. Objects already in DIR with the hash the manifest gave
them are not copied again, so a nightly backup copies only what is new. DIR/objects is
laid out like the local store, so `tdkt fsck --repair-from DIR` can mend from it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from service.archive import Archive
from service.db.engine import Database
from service.db.models import utcnow
from service.preservation import audit
from service.storage import ObjectStore
from service.storage.local import LocalStore

MANIFEST = "manifest.json"
SQLITE_COPY = "database.sqlite"
PG_COPY = "database.pgdump"
CHUNK = 1024 * 1024


class BackupError(RuntimeError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class BackupReport:
    objects: int
    copied: int
    bytes_copied: int


def backup_objects(folder: Path) -> LocalStore:
    return LocalStore(folder / "objects")


def _libpq(database: Database) -> str:
    return database.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not found:
        raise BackupError("pg_tools", f"cannot read a version from {version_text!r}")
    return int(found[1])


def check_pg_tool(database: Database, tool: str) -> str:
    """The path of `pg_dump`/`pg_restore`, refused when missing or older than the server."""
    path = shutil.which(tool)
    if path is None:
        raise BackupError("pg_tools", f"{tool} is not on this machine (Debian: postgresql-client)")
    tool_major = _major(subprocess.run([path, "--version"], capture_output=True, text=True,
                                       check=True).stdout)  # fmt: skip
    with database.engine.connect() as connection:
        server = int(connection.exec_driver_sql("SHOW server_version_num").scalar_one())
    if tool_major < server // 10000:
        raise BackupError(
            "pg_tools", f"{tool} {tool_major} is older than the server ({server // 10000})"
        )
    return path


def _copy_database(database: Database, folder: Path) -> dict[str, Any]:
    if database.is_sqlite:
        target = folder / (SQLITE_COPY + ".part")
        source = sqlite3.connect(str(database.url.database))
        copy = sqlite3.connect(str(target))
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        target.replace(folder / SQLITE_COPY)
        name = SQLITE_COPY
    elif database.is_postgresql:
        pg_dump = check_pg_tool(database, "pg_dump")
        target = folder / (PG_COPY + ".part")
        done = subprocess.run(
            [pg_dump, "--format=custom", "--no-owner", f"--file={target}", _libpq(database)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            raise BackupError("pg_dump_failed", done.stderr.strip().splitlines()[-1])
        target.replace(folder / PG_COPY)
        name = PG_COPY
    else:
        raise BackupError("unsupported", f"no backup for {database.url.get_backend_name()}")
    return {"kind": "sqlite" if database.is_sqlite else "postgresql", "file": name,
            "sha256": _file_hash(folder / name)}  # fmt: skip


def _file_hash(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return data


def backup(archive: Archive, folder: Path, actor: str = "tdkt") -> BackupReport:
    """Copy the archive into `folder` (made if absent), only objects not there already."""
    folder.mkdir(parents=True, exist_ok=True)
    before = _read_manifest(folder).get("objects", {})
    database = _copy_database(archive.db, folder)
    copies = backup_objects(folder)
    objects: dict[str, dict[str, Any]] = {}
    copied = bytes_copied = 0
    for info in archive.store.iter():
        known = before.get(info.key)
        same_original = info.key.startswith("originals/")  # its key is its hash
        if same_original and known and known["size"] == info.size and copies.exists(info.key):
            objects[info.key] = known
            continue
        data = archive.store.get(info.key)
        sha256 = hashlib.sha256(data).hexdigest()
        entry = {"sha256": sha256, "size": len(data)}
        objects[info.key] = entry
        if known == entry and copies.exists(info.key):
            continue
        copies.put(info.key, data, content_type=info.content_type, metadata=info.metadata)
        copied += 1
        bytes_copied += len(data)
    manifest = {"format": 1, "created_at": utcnow().isoformat(), "database": database,
                "objects": objects}  # fmt: skip
    partial = folder / (MANIFEST + ".part")
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    partial.replace(folder / MANIFEST)
    report = BackupReport(len(objects), copied, bytes_copied)
    with archive.db.write() as session:  # after the copy: a backup never holds its own entry
        detail = {"folder": str(folder), **asdict(report)}
        audit.record(session, actor, "backup.create", None, detail)
    return report


def _database_is_empty(database: Database) -> bool:
    if database.is_sqlite:
        path = Path(str(database.url.database))
        if not path.exists() or path.stat().st_size == 0:
            return True
    return not inspect(database.engine).get_table_names()


def _store_is_empty(store: ObjectStore) -> bool:
    return next(iter(store.iter()), None) is None


def restore(database: Database, store: ObjectStore, folder: Path) -> int:
    """Rebuild an archive from a backup into an empty database and store; objects restored."""
    manifest = _read_manifest(folder)
    if not manifest:
        raise BackupError("not_a_backup", f"{folder} has no {MANIFEST}")
    if not _database_is_empty(database):
        raise BackupError("target_not_empty", "the target database already holds tables")
    if not _store_is_empty(store):
        raise BackupError("target_not_empty", "the target store already holds objects")
    copy = folder / manifest["database"]["file"]
    if _file_hash(copy) != manifest["database"]["sha256"]:
        raise BackupError("backup_damaged", f"{copy.name} does not match the manifest")
    kind = manifest["database"]["kind"]
    if kind == "sqlite" and database.is_sqlite:
        database.dispose()
        source = sqlite3.connect(str(copy))
        target = sqlite3.connect(str(database.url.database))
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
    elif kind == "postgresql" and database.is_postgresql:
        pg_restore = check_pg_tool(database, "pg_restore")
        command = [pg_restore, "--no-owner", "--exit-on-error", f"--dbname={_libpq(database)}"]
        done = subprocess.run([*command, str(copy)], capture_output=True, text=True, check=False)
        if done.returncode:
            raise BackupError("pg_restore_failed", done.stderr.strip().splitlines()[-1])
    else:
        raise BackupError(
            "backend_mismatch", f"a {kind} backup restores into {kind}, not this database"
        )
    copies = backup_objects(folder)
    for key, entry in manifest["objects"].items():
        data = copies.get(key)
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise BackupError("backup_damaged", f"{key} in the backup does not match the manifest")
        info = copies.stat(key)
        store.put(key, data, content_type=info.content_type, metadata=info.metadata)
    return len(manifest["objects"])


def record_restore(database: Database, folder: Path, objects: int, actor: str) -> None:
    """Audit a restore in the restored log, once its schema is current."""
    made = _read_manifest(folder).get("created_at")
    with database.write() as session:
        detail = {"folder": str(folder), "objects": objects, "backup_made_at": made}
        audit.record(session, actor, "backup.restore", None, detail)
