"""`tdkt document delete|restore|purge` on a real archive (SQLite, local store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from service.archive import Archive, open_archive, original_key
from service.cli import app
from service.db.models import Document
from service.settings import Settings
from tests.preservation_helpers import fill

runner = CliRunner()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    opened = open_archive(
        Settings(data_dir=tmp_path_factory.mktemp("cli-documents"), job_workers=1)
    )
    fill(opened)
    return opened


def _tdkt(archive: Archive, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"TDKT_DATA_DIR": str(archive.settings.data_dir)})
    return result.exit_code, result.stdout, result.stderr


def _total(archive: Archive) -> int:
    code, out, _ = _tdkt(archive, "search", "--json")
    assert code == 0
    total: int = json.loads(out)["total"]
    return total


def test_delete_restore_and_purge_from_the_command_line(archive: Archive) -> None:
    with archive.db.read() as session:
        documents = session.scalars(select(Document).order_by(Document.id)).all()
    first = documents[0]
    everything = _total(archive)

    assert _tdkt(archive, "document", "delete", str(first.id), "--reason", "nhầm")[0] == 0
    remaining = _total(archive)
    assert 0 < remaining < everything
    code, out, _ = _tdkt(archive, "document", "deleted")
    assert code == 0 and out.count("\n") == 1
    fields = out.rstrip("\n").split("\t")
    assert fields[0] == str(first.id)
    assert fields[2:] == ["tdkt-cli", "20 năm", first.filename, "nhầm"]
    code, _, err = _tdkt(archive, "document", "delete", str(first.id))
    assert code == 1 and err.strip() == f"error: already_deleted: document {first.id} is deleted"

    assert _tdkt(archive, "document", "restore", str(first.id))[0] == 0
    assert _total(archive) == everything

    code, _, err = _tdkt(archive, "document", "purge", str(first.id), "--force", "--reason", "x")
    assert code == 1 and err.startswith("error: not_deleted: ")
    _tdkt(archive, "document", "delete", str(first.id))
    code, _, err = _tdkt(archive, "document", "purge", str(first.id))
    assert code == 1 and err.startswith("error: retention_unexpired: ")
    assert len(err.strip().splitlines()) == 1
    code, out, _ = _tdkt(
        archive, "document", "purge", str(first.id), "--force", "--reason", "hết giá trị"
    )
    assert code == 0 and out.startswith(f"document {first.id} purged: ")
    assert not archive.store.exists(original_key(first.sha256))
    assert _total(archive) == remaining
    code, _, err = _tdkt(archive, "document", "restore", str(first.id))
    assert code == 1 and err.strip() == f"error: not_found: no document {first.id}"


def test_a_missing_document_and_a_bad_id_are_one_line_errors(
    archive: Archive, tmp_path: Path
) -> None:
    code, _, err = _tdkt(archive, "document", "delete", "987654")
    assert code == 1 and err.strip() == "error: not_found: no document 987654"
    code, _, _ = _tdkt(archive, "document", "delete", "0")
    assert code == 2
