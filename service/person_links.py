"""People joined by hand: an archivist's judgement that two people tdkt keeps apart (the
same name at two schools: a teacher who moved) are one. `service.people` applies the
joins whenever it groups rows; each is kept with who made it and who undid it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from service.db.models import PersonLink, utcnow


def active_links(session: Session, ids: Sequence[str]) -> list[tuple[str, str]]:
    """(person, joined into it) pairs touching these ids, oldest first."""
    if not ids:
        return []
    rows = session.execute(
        select(PersonLink.person_id, PersonLink.linked_to)
        .where(
            PersonLink.removed_at.is_(None),
            or_(PersonLink.person_id.in_(ids), PersonLink.linked_to.in_(ids)),
        )
        .order_by(PersonLink.id)
    ).all()
    return [(a, b) for a, b in rows]


def link(session: Session, person_id: str, other_id: str, user: str) -> None:
    session.add(PersonLink(person_id=person_id, linked_to=other_id, created_by=user))


def unlink(session: Session, person_id: str, other_id: str, user: str) -> int:
    """Undo every active join between the two ids; returns how many."""
    rows = session.scalars(
        select(PersonLink).where(
            PersonLink.removed_at.is_(None),
            or_(
                (PersonLink.person_id == person_id) & (PersonLink.linked_to == other_id),
                (PersonLink.person_id == other_id) & (PersonLink.linked_to == person_id),
            ),
        )
    ).all()
    for row in rows:
        row.removed_by = user
        row.removed_at = utcnow()
    return len(rows)
