"""`tdkt document …`: delete, restore and purge documents from the server's command line.

The command line acts with every role (whoever runs it can read the database and the
store anyway); the audit log names it `tdkt-cli`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from service.cli_support import fail, open_settings_archive
from service.cli_users import CLI

document_app = typer.Typer(help="Documents: delete, restore, purge; list the deleted.")

DocumentId = Annotated[int, typer.Argument(help="The document's id.", min=1, max=2**63 - 1)]


@document_app.command("delete")
def delete(
    document_id: DocumentId,
    reason: Annotated[str | None, typer.Option(help="Why (kept in the audit log).")] = None,
) -> None:
    """Take a document out of every search, list and report (restorable)."""
    from service.db.models import Document
    from service.deleted_documents import DeletionError, delete_document

    with open_settings_archive() as archive, archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            fail("not_found", f"no document {document_id}", 1)
        try:
            delete_document(session, document, CLI, reason)
        except DeletionError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"document {document_id} deleted")


@document_app.command("restore")
def restore(document_id: DocumentId) -> None:
    """Bring a deleted document back, as it was."""
    from service.db.models import Document
    from service.deleted_documents import DeletionError, restore_document

    with open_settings_archive() as archive, archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            fail("not_found", f"no document {document_id}", 1)
        try:
            restore_document(session, document, CLI)
        except DeletionError as error:
            fail(error.code, error.message, 1)
    typer.echo(f"document {document_id} restored")


@document_app.command("purge")
def purge(
    document_id: DocumentId,
    reason: Annotated[str | None, typer.Option(help="Why (kept in the audit log).")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Purge within the retention period (needs --reason).")
    ] = False,
) -> None:
    """Remove a deleted document for good: its original, derived files and rows."""
    from service.deleted_documents import DeletionError, purge_document

    with open_settings_archive() as archive:
        try:
            purged = purge_document(archive, document_id, CLI, reason, force)
        except DeletionError as error:
            fail(error.code, error.message, 1)
    typer.echo(
        f"document {document_id} purged: {purged.objects} objects removed "
        f"(retention {purged.retention.label})"
    )


@document_app.command("deleted")
def deleted() -> None:
    """List the deleted documents (tab-separated): id, when, by whom, retention, file, why."""
    from sqlalchemy import select

    from service.db.models import Decision, Document
    from service.kept_documents import kept
    from service.retention import retention_of

    with open_settings_archive() as archive, archive.db.read() as session:
        rows = session.execute(
            select(Document, Decision)
            .outerjoin(Decision, Decision.document_id == Document.id)
            .where(~kept(Document.id))
            .order_by(Document.id)
        ).all()
        for document, decision in rows:
            retention = retention_of(archive.settings.retention, document, decision)
            when = document.deleted_at.isoformat(timespec="seconds") if document.deleted_at else ""
            typer.echo(
                f"{document.id}\t{when}\t{document.deleted_by or ''}\t{retention.label}"
                f"\t{document.filename}\t{document.delete_reason or ''}"
            )
