"""`tdkt fsck`, `tdkt backup`, `tdkt restore`, `tdkt audit …`: the archive kept whole."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from service.cli_support import fail, load_settings, open_settings_archive

audit_app = typer.Typer(help="The audit log: check its hash chain, export it.")


def fsck(
    repair_from: Annotated[
        list[Path] | None,
        typer.Option(help="A backup folder to mend damaged originals from (repeatable)."),
    ] = None,
) -> None:
    """Re-hash every original and compare with the database; exit 1 when anything is wrong."""
    from service.archive import open_replica
    from service.preservation.backup import backup_objects
    from service.preservation.fixity import fsck as check
    from service.storage import ObjectStore

    for folder in repair_from or []:
        if not (folder / "objects").is_dir():
            fail("not_a_backup", f"{folder} has no objects/ folder", 2)
    with open_settings_archive() as archive:
        copies: list[ObjectStore] = [backup_objects(f) for f in repair_from or []]
        if archive.settings.replica_url:
            copies.append(open_replica(archive.settings))
        report = check(archive, copies)
    for label in ("missing", "changed", "untracked", "repaired"):
        for key in getattr(report, label):
            typer.echo(f"{label}\t{key}")
    typer.echo(
        f"{report.checked} originals checked: {len(report.missing)} missing, "
        f"{len(report.changed)} changed, {len(report.untracked)} untracked, "
        f"{len(report.repaired)} repaired",
        err=True,
    )
    if not report.ok:
        raise typer.Exit(1)


def backup(
    folder: Annotated[Path, typer.Argument(help="Where the copy goes (kept between runs).")],
) -> None:
    """Copy the database and every object into FOLDER; objects already there are skipped."""
    from service.preservation.backup import BackupError
    from service.preservation.backup import backup as run

    with open_settings_archive() as archive:
        try:
            report = run(archive, folder)
        except BackupError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"{report.objects} objects, {report.copied} copied ({report.bytes_copied} bytes)")


def restore(
    folder: Annotated[Path, typer.Argument(help="A folder made by `tdkt backup`.")],
) -> None:
    """Rebuild the archive from a backup into the empty database and store the settings name."""
    from service.db.engine import Database
    from service.db.migrate import upgrade
    from service.preservation.backup import BackupError
    from service.preservation.backup import restore as run
    from service.storage import open_store

    settings = load_settings()
    if settings.uses_data_dir():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.resolved_database_url)
    store = open_store(
        settings.resolved_storage_url,
        access_key=settings.s3_access_key.get_secret_value(),
        secret_key=settings.s3_secret_key.get_secret_value(),
    )
    try:
        count = run(database, store, folder)
        upgrade(database)
    except BackupError as error:
        fail(error.code, error.message, 1)
    finally:
        database.dispose()
    typer.echo(f"restored: database and {count} objects")


@audit_app.command("verify")
def verify() -> None:
    """Check the hash chain; exit 1 naming the first entry removed or edited."""
    from service.preservation import audit

    with open_settings_archive() as archive, archive.db.read() as session:
        count, broken = audit.verify(session)
    if broken:
        fail("audit_broken", f"entry {broken.entry_id} {broken.reason} ({count} read)", 1)
    typer.echo(f"{count} entries, chain intact")


@audit_app.command("export")
def export() -> None:
    """Every entry, oldest first, as CSV on standard output."""
    from service.preservation import audit
    from service.preservation.audit_csv import write_csv

    with open_settings_archive() as archive, archive.db.read() as session:
        query = audit.entries(oldest_first=True)
        write_csv(audit.iter_rows(session, query), sys.stdout)


def install(app: typer.Typer) -> None:
    app.command()(fsck)
    app.command()(backup)
    app.command()(restore)
    app.add_typer(audit_app, name="audit")
