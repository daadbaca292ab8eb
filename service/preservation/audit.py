"""One append-only log of every change, each entry chained to the one before by hash.

An entry's hash is SHA-256 over the previous entry's hash and the entry's canonical JSON
(sorted keys, no spaces, UTF-8), so editing or removing an entry breaks every hash after
it and `verify` names the first broken one. Appends are serialized: on PostgreSQL by a
transaction-scoped advisory lock, on SQLite by the write transaction's `BEGIN IMMEDIATE`,
so two API processes never both append after the same entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from service.db.models import AuditEntry, as_utc, utcnow

GENESIS = "0" * 64
AUDIT_LOCK = 0x7464_6B61  # "tdka"
# The address of the client whose request is being served (set by the API's middleware).
client_address: ContextVar[str | None] = ContextVar("client_address", default=None)


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    """What an entry's hash covers; a field added here changes every hash from then on."""
    return {
        "id": entry.id,
        "at": as_utc(entry.at).isoformat(),
        "actor": entry.actor,
        "client": entry.client,
        "action": entry.action,
        "target": entry.target,
        "detail": entry.detail,
    }


def canonical(entry: AuditEntry) -> bytes:
    body = _hashed_fields(entry)
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(entry)).hexdigest()


def record(
    session: Session,
    actor: str,
    action: str,
    target: str | None = None,
    detail: Any = None,
    *,
    client: str | None = None,
) -> AuditEntry:
    """Append an entry in the caller's write transaction: it stands or falls with the change."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK})"))
    last = session.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    entry = AuditEntry(
        id=prev_id + 1,
        at=utcnow(),
        actor=actor,
        client=client if client is not None else client_address.get(),
        action=action,
        target=target,
        detail=detail,
        prev_hash=prev_hash,
    )
    entry.entry_hash = chain_hash(prev_hash, entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class Broken:
    entry_id: int
    reason: str


def verify(session: Session) -> tuple[int, Broken | None]:
    """(entries checked, the first broken entry or None)."""
    prev_hash, prev_id, count = GENESIS, 0, 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        count += 1
        if entry.id != prev_id + 1:
            return count, Broken(entry.id, f"entries {prev_id + 1}..{entry.id - 1} are missing")
        if entry.prev_hash != prev_hash:
            return count, Broken(entry.id, "does not follow the entry before it")
        if chain_hash(prev_hash, entry) != entry.entry_hash:
            return count, Broken(entry.id, "was changed after it was written")
        prev_hash, prev_id = entry.entry_hash, entry.id
    return count, None


def _utc(moment: datetime) -> datetime:
    """SQLite compares times as written (in UTC), so an offset given is turned to UTC."""
    return moment.astimezone(UTC) if moment.tzinfo else moment


def entries(
    *,
    oldest_first: bool = False,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Any:
    """The query for entries matching the filters, newest first."""
    query = select(AuditEntry).order_by(AuditEntry.id if oldest_first else AuditEntry.id.desc())
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action:
        query = query.where(AuditEntry.action == action)
    if target:
        query = query.where(AuditEntry.target == target)
    if since:
        query = query.where(AuditEntry.at >= _utc(since))
    if until:
        query = query.where(AuditEntry.at < _utc(until))
    return query


def count(session: Session, query: Any) -> int:
    """How many entries the query of `entries` finds (for paging)."""
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    return int(session.execute(counted).scalar_one())


def actions(session: Session) -> list[str]:
    """Every action the log holds, for a filter's choices."""
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def as_row(entry: AuditEntry) -> dict[str, Any]:
    return {**_hashed_fields(entry), "entry_hash": entry.entry_hash}


def iter_rows(session: Session, query: Any) -> Iterator[dict[str, Any]]:
    for entry in session.scalars(query).yield_per(1000):
        yield as_row(entry)
