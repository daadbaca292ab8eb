"""Fixity, backup and restore, and the audit chain, on a real archive (SQLite, local store).

Objects are damaged behind tdkt's back (files written directly), as disks and people do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from service.archive import Archive, open_archive
from service.cli import app
from service.db.models import AuditEntry, Document
from service.preservation import audit
from service.preservation.backup import backup_objects
from service.preservation.fixity import fsck
from service.settings import Settings
from service.storage.local import LocalStore
from tests.preservation_helpers import fill, snapshot

runner = CliRunner()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("preservation")


@pytest.fixture(scope="module")
def archive(root: Path) -> Archive:
    settings = Settings(data_dir=root / "data", replica_url=str(root / "replica"), job_workers=1)
    opened = open_archive(settings)
    fill(opened)
    return opened


def _env(archive: Archive) -> dict[str, str]:
    return {
        "TDKT_DATA_DIR": str(archive.settings.data_dir),
        "TDKT_REPLICA_URL": archive.settings.replica_url or "",
    }


def _originals(archive: Archive) -> list[str]:
    with archive.db.read() as session:
        return sorted(session.scalars(select(Document.sha256)))


def test_a_clean_archive_passes_fsck(archive: Archive) -> None:
    result = runner.invoke(app, ["fsck"], env=_env(archive))
    assert result.exit_code == 0, result.output
    assert "2 originals checked: 0 missing, 0 changed, 0 untracked" in result.output


def test_fsck_lists_each_damage_exactly_and_mends_from_the_replica(archive: Archive) -> None:
    objects = archive.settings.data_dir / "objects"
    first, second = _originals(archive)
    (objects / "originals" / first).write_bytes(b"bit rot")
    (objects / "originals" / second).unlink()
    stray = hashlib.sha256(b"stray").hexdigest()
    (objects / "originals" / stray).write_bytes(b"stray")

    result = runner.invoke(app, ["fsck"], env={**_env(archive), "TDKT_REPLICA_URL": ""})
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "\t" in line]
    assert lines == [
        f"missing\toriginals/{second}",
        f"changed\toriginals/{first}",
        f"untracked\toriginals/{stray}",
    ]

    report = fsck(archive, [LocalStore(archive.settings.replica_url or "")])
    assert sorted(report.repaired) == sorted([f"originals/{first}", f"originals/{second}"])
    assert report.untracked == [f"originals/{stray}"]
    for sha256 in (first, second):
        assert hashlib.sha256(archive.store.get(f"originals/{sha256}")).hexdigest() == sha256
    archive.store.delete(f"originals/{stray}")
    assert fsck(archive).ok


def test_the_fixity_log_keeps_every_run(archive: Archive) -> None:
    from service.db.models import FixityRun

    with archive.db.read() as session:
        runs = session.scalars(select(FixityRun).order_by(FixityRun.id)).all()
    assert [len(r.missing) + len(r.changed) for r in runs] == [0, 2, 2, 0]
    assert len(runs[2].repaired) == 2


def test_backup_restore_gives_the_same_archive_and_refuses_a_full_target(
    archive: Archive, root: Path
) -> None:
    folder = root / "backup"
    result = runner.invoke(app, ["backup", str(folder)], env=_env(archive))
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["backup", str(folder)], env=_env(archive))
    assert again.stdout.strip().endswith("0 copied (0 bytes)")  # nothing new: nothing copied

    target = root / "restored"
    restored = runner.invoke(app, ["restore", str(folder)], env={"TDKT_DATA_DIR": str(target)})
    assert restored.exit_code == 0, restored.output
    copy = open_archive(Settings(data_dir=target))
    try:
        assert snapshot(copy) == snapshot(archive)
        with copy.db.read() as session:
            assert audit.verify(session)[1] is None
    finally:
        copy.close()
    refused = runner.invoke(app, ["restore", str(folder)], env={"TDKT_DATA_DIR": str(target)})
    assert refused.exit_code == 1
    assert "target_not_empty" in refused.output


def test_fsck_mends_from_a_backup_folder(archive: Archive, root: Path) -> None:
    sha256 = _originals(archive)[0]
    (archive.settings.data_dir / "objects" / "originals" / sha256).write_bytes(b"")
    env = {**_env(archive), "TDKT_REPLICA_URL": ""}
    result = runner.invoke(app, ["fsck", "--repair-from", str(root / "backup")], env=env)
    assert result.exit_code == 0, result.output
    assert f"repaired\toriginals/{sha256}" in result.stdout
    assert backup_objects(root / "backup").exists(f"originals/{sha256}")


def _entries(archive: Archive, action: str) -> list[AuditEntry]:
    with archive.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_fsck_runs_backups_and_restores_are_audited(archive: Archive, root: Path) -> None:
    checks = [(e.actor, e.detail) for e in _entries(archive, "fixity.check")]
    assert checks[0] == ("tdkt-cli", {"trigger": "cli", "checked": 2, "missing": 0,
                                      "changed": 0, "untracked": 0, "repaired": 0})  # fmt: skip
    found = checks[1][1]
    assert [found[k] for k in ("missing", "changed", "untracked", "repaired")] == [1, 1, 1, 0]
    assert checks[2][0] == "tdkt" and checks[-1][1]["repaired"] == 1
    backups = [(e.actor, e.detail) for e in _entries(archive, "backup.create")]
    assert [actor for actor, _ in backups] == ["tdkt-cli", "tdkt-cli"]
    assert backups[0][1]["copied"] > 0 and backups[1][1]["copied"] == 0
    assert backups[1][1]["folder"] == str(root / "backup")
    copy = open_archive(Settings(data_dir=root / "restored"))
    try:
        with copy.db.read() as session:
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
            assert last is not None and (last.actor, last.action) == ("tdkt-cli", "backup.restore")
            assert last.detail["objects"] == backups[0][1]["objects"]
            assert audit.verify(session)[1] is None
    finally:
        copy.close()


def test_an_audit_export_is_itself_audited(archive: Archive) -> None:
    result = runner.invoke(app, ["audit", "export"], env=_env(archive))
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1].split(",")
    assert (last[2], last[4]) == ("tdkt-cli", "audit.export")


def test_every_change_is_in_the_audit_chain_and_an_edit_is_found(archive: Archive) -> None:
    with archive.db.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[:2] == ["batch.create", "document.upload"]
    assert {"award.correct", "document.approve", "fixity.repair"} <= set(actions)
    assert runner.invoke(app, ["audit", "verify"], env=_env(archive)).exit_code == 0

    with archive.db.write() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "award.correct")
        ).one()
        session.execute(
            update(AuditEntry).where(AuditEntry.id == entry.id).values(actor="someone else")
        )
    result = runner.invoke(app, ["audit", "verify"], env=_env(archive))
    assert result.exit_code == 1
    assert f"entry {entry.id} was changed after it was written" in result.output
    with archive.db.write() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == entry.id).values(actor="lan"))
        session.execute(AuditEntry.__table__.delete().where(AuditEntry.id == entry.id - 1))
    result = runner.invoke(app, ["audit", "verify"], env=_env(archive))
    assert result.exit_code == 1
    assert f"entry {entry.id}" in result.output and "missing" in result.output
