"""The one condition every read of the archive uses to leave deleted documents out.

`kept(column)` holds for rows whose document (named by the id column given) is not
deleted; `KEPT_AWARDS` is the same condition for SQL written by hand over `awards`. What
deleting means, and how the counts read instead of rows follow it, is
`service.deleted_documents`.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from service.db.models import Award, Document


def kept(document_id: ColumnElement[int] | InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """Rows whose document (given by its id column) is not deleted."""
    deleted = select(Document.id).where(Document.deleted_at.is_not(None)).correlate(None)
    return document_id.not_in(deleted.scalar_subquery())


def _sql(condition: ColumnElement[bool]) -> str:
    return " ".join(str(condition.compile(compile_kwargs={"literal_binds": True})).split())


KEPT_AWARDS = _sql(kept(literal_column("awards.document_id")))
"""`kept` for SQL written by hand over `awards`."""


def kept_document(session: Session, document_id: int) -> Document | None:
    """The document, unless there is none or it is deleted."""
    return session.scalars(
        select(Document).where(Document.id == document_id, kept(Document.id))
    ).first()


def kept_award(session: Session, award_id: int) -> Award | None:
    """The award row, unless there is none or its document is deleted."""
    query = select(Award).where(Award.id == award_id, kept(Award.document_id))
    return session.scalars(query).first()
