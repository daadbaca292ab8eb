"""`tdkt fsck`, `tdkt backup`, `tdkt restore`, `tdkt export-bag`, `tdkt import-bag`,
`tdkt audit …`: the archive kept whole, and moved out."""

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
    from service.cli_users import CLI
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
        report = check(archive, copies, actor=CLI)
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
    from service.cli_users import CLI
    from service.preservation.backup import BackupError
    from service.preservation.backup import backup as run

    with open_settings_archive() as archive:
        try:
            report = run(archive, folder, CLI)
        except BackupError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"{report.objects} objects, {report.copied} copied ({report.bytes_copied} bytes)")


def restore(
    folder: Annotated[Path, typer.Argument(help="A folder made by `tdkt backup`.")],
) -> None:
    """Rebuild the archive from a backup into the empty database and store the settings name."""
    from service.cli_users import CLI
    from service.db.engine import Database
    from service.db.migrate import upgrade
    from service.preservation.backup import BackupError, record_restore
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
        record_restore(database, folder, count, CLI)
    except BackupError as error:
        fail(error.code, error.message, 1)
    finally:
        database.dispose()
    typer.echo(f"restored: database and {count} objects")


def export_bag(
    folder: Annotated[Path, typer.Argument(help="Where the bag goes (absent or empty).")],
    query: Annotated[str | None, typer.Argument(help="Words anywhere in the award.")] = None,
    name: Annotated[str | None, typer.Option(help="A recipient's name.")] = None,
    unit: Annotated[str | None, typer.Option(help="Words of the unit.")] = None,
    issuer: Annotated[str | None, typer.Option(help="Words of the issuing body.")] = None,
    number: Annotated[str | None, typer.Option(help="Decision number.")] = None,
    award_code: Annotated[str | None, typer.Option(help="An award code.")] = None,
    period: Annotated[str | None, typer.Option(help="2023-2024 or 2024.")] = None,
    year_from: Annotated[int | None, typer.Option(help="Awards covering this year on.")] = None,
    year_to: Annotated[int | None, typer.Option(help="Awards up to this year.")] = None,
    kind: Annotated[str | None, typer.Option(help="individual or collective.")] = None,
) -> None:
    """Write the documents with an award the filters find (all, without filters) as a
    BagIt bag: originals, extracted JSON, OCR text, awards.csv, Phụ lục VI metadata."""
    from schemas.award_codes import AwardCode, RecipientKind
    from service.award_search import AwardQuery
    from service.preservation.bag import BagError
    from service.preservation.bag import export_bag as run

    if award_code is not None and award_code not in AwardCode.__members__:
        fail("invalid_request", f"unknown award code {award_code!r}", 2)
    if kind is not None and kind not in RecipientKind.__members__:
        fail("invalid_request", "kind is individual or collective", 2)
    given = {"q": query, "name": name, "unit": unit, "issuer": issuer, "number": number,
             "award_code": award_code, "period": period, "year_from": year_from,
             "year_to": year_to, "kind": kind}  # fmt: skip
    given = {key: value for key, value in given.items() if value is not None}
    described = " ".join(f"{key}={value}" for key, value in given.items())
    search = (
        AwardQuery(
            q=query, name=name, unit=unit, issuer=issuer, number=number,
            award_codes=(award_code,) if award_code else (), period=period,
            year_from=year_from, year_to=year_to, kind=kind,
        )
        if given
        else None
    )  # fmt: skip
    with open_settings_archive() as archive:
        try:
            report = run(archive, folder, search, described)
        except BagError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"{report.documents} documents, {report.awards} awards written to {folder}")


def import_bag(
    folder: Annotated[Path, typer.Argument(help="A bag made by `tdkt export-bag`.")],
) -> None:
    """Rebuild the (empty) archive the settings name from a bag; the bag is validated first."""
    from service.cli_users import CLI
    from service.preservation.bag import BagError
    from service.preservation.bag import import_bag as run

    if not (folder / "bagit.txt").is_file():
        fail("not_a_bag", f"{folder} has no bagit.txt", 2)
    with open_settings_archive() as archive:
        try:
            report = run(archive, folder, CLI)
        except BagError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"imported: {report.documents} documents, {report.awards} awards")


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
    from service.cli_users import CLI
    from service.preservation import audit
    from service.preservation.audit_csv import write_csv

    with open_settings_archive() as archive:
        with archive.db.write() as session:  # the export is itself the export's last entry
            audit.record(session, CLI, "audit.export", None, {"format": "csv"})
        with archive.db.read() as session:
            query = audit.entries(oldest_first=True)
            write_csv(audit.iter_rows(session, query), sys.stdout)


def install(app: typer.Typer) -> None:
    app.command()(fsck)
    app.command()(backup)
    app.command()(restore)
    app.command("export-bag")(export_bag)
    app.command("import-bag")(import_bag)
    app.add_typer(audit_app, name="audit")
