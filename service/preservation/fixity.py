"""Fixity: every original re-hashed and compared with the database, repairs from a copy.

An original lives under `originals/<sha256>` and its document row keeps that hash and
its size; an object whose bytes no longer hash to its key is `changed`, a row whose
object is gone is `missing`, and an object under `originals/` or `derived/<sha256>/` that
no document owns is `untracked`. A damaged or missing original is put back from the
first copy given (a backup folder or the replica store) whose bytes hash right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.archive import Archive, original_key
from service.db.models import Document, FixityRun, utcnow
from service.preservation import audit
from service.storage import ObjectNotFoundError, ObjectStore

CHUNK = 1024 * 1024


@dataclass
class FsckReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    untracked: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def unrepaired(self) -> list[str]:
        return [k for k in (*self.missing, *self.changed) if k not in self.repaired]

    @property
    def ok(self) -> bool:
        return not self.unrepaired and not self.untracked


def recent_runs(session: Session, limit: int = 20) -> list[FixityRun]:
    """The fixity log, newest first."""
    return list(session.scalars(select(FixityRun).order_by(FixityRun.id.desc()).limit(limit)))


def run_ok(run: FixityRun) -> bool:
    """Nothing left damaged or missing, nothing unowned in the store."""
    return not (set(run.missing) | set(run.changed)) - set(run.repaired) and not run.untracked


def digest(store: ObjectStore, key: str) -> tuple[str, int] | None:
    """(SHA-256, size) of the object, streamed; None when it is not there."""
    try:
        stream = store.open(key)
    except ObjectNotFoundError:
        return None
    hasher, size = hashlib.sha256(), 0
    with stream:
        while chunk := stream.read(CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    return hasher.hexdigest(), size


def _repair(store: ObjectStore, key: str, sha256: str, copies: Sequence[ObjectStore]) -> bool:
    for copy in copies:
        found = digest(copy, key)
        if found is None or found[0] != sha256:
            continue
        info = copy.stat(key)
        with copy.open(key) as stream:
            store.put(key, stream, content_type=info.content_type, metadata=info.metadata)
        mended = digest(store, key)
        return mended is not None and mended[0] == sha256
    return False


def fsck(
    archive: Archive,
    copies: Sequence[ObjectStore] = (),
    *,
    trigger: str = "cli",
    actor: str = "tdkt",
) -> FsckReport:
    """Check every original (and look for objects nobody owns); log the run, and audit it."""
    started = utcnow()
    report = FsckReport()
    with archive.db.read() as session:
        rows = session.execute(select(Document.sha256, Document.size_bytes)).all()
    known = {sha256: size for sha256, size in rows}
    for sha256, size in sorted(known.items()):
        key = original_key(sha256)
        report.checked += 1
        found = digest(archive.store, key)
        if found is None:
            report.missing.append(key)
        elif found != (sha256, size):
            report.changed.append(key)
        else:
            continue
        if copies and _repair(archive.store, key, sha256, copies):
            report.repaired.append(key)
    for prefix in ("originals/", "derived/"):
        for info in archive.store.iter(prefix):
            owner = info.key.split("/")[1]
            if owner not in known:
                report.untracked.append(info.key)
    with archive.db.write() as session:
        session.add(
            FixityRun(
                started_at=started,
                finished_at=utcnow(),
                trigger=trigger,
                checked=report.checked,
                missing=report.missing,
                changed=report.changed,
                untracked=report.untracked,
                repaired=report.repaired,
            )
        )
        detail = {"trigger": trigger, "checked": report.checked,
                  **{k: len(getattr(report, k)) for k in ("missing", "changed", "untracked",
                                                          "repaired")}}  # fmt: skip
        audit.record(session, actor, "fixity.check", None, detail)
        if report.repaired:
            audit.record(session, actor, "fixity.repair", None, report.repaired)
    return report
