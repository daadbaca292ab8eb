"""BagIt export and import: the bag validates with `bagit`, carries Phụ lục VI metadata,
and an empty archive rebuilt from it holds the same documents, awards, corrections and
originals (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import bagit
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from service.archive import Archive, open_archive
from service.award_search import AwardQuery, search_awards
from service.cli import app
from service.db.models import AuditEntry, Award, AwardChange, Decision, Document, PageText
from service.deleted_documents import delete_document, restore_document
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.preservation_helpers import fill

runner = CliRunner()
NAMDINH = "qd_list_grid4_textpdf_namdinh_2024.pdf"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bag")


@pytest.fixture(scope="module")
def archive(root: Path) -> Archive:
    opened = open_archive(Settings(data_dir=root / "data", job_workers=1))
    fill(opened)
    return opened


@pytest.fixture(scope="module")
def bag(archive: Archive, root: Path) -> Path:
    folder = root / "bag"
    result = runner.invoke(app, ["export-bag", str(folder)], env=_env(archive.settings))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 documents, 25 awards written to ")
    return folder


def _env(settings: Settings) -> dict[str, str]:
    env = {"TDKT_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["TDKT_DATABASE_URL"] = settings.database_url
    return env


def _state(archive: Archive) -> dict[str, Any]:
    """Every document (all its fields), decision, award (by document and place), page,
    correction and original's hash, with times as UTC without a zone (SQLite's way)."""

    def rows(model: Any, skip: tuple[str, ...], order: Any) -> list[dict[str, Any]]:
        with archive.db.read() as session:
            found = session.scalars(select(model).order_by(*order)).all()
        return [
            {
                c.name: _naive(getattr(r, c.name))
                for c in model.__table__.columns
                if c.name not in skip
            }
            for r in found
        ]

    documents = rows(Document, (), (Document.id,))
    return {
        "documents": documents,
        "decisions": rows(Decision, ("id",), (Decision.document_id,)),
        "awards": rows(Award, ("id", "decision_id"), (Award.document_id, Award.seq)),
        "pages": rows(PageText, ("id",), (PageText.document_id, PageText.number)),
        "changes": rows(AwardChange, ("id",), (AwardChange.document_id, AwardChange.id)),
        "originals": {
            d["sha256"]: hashlib.sha256(archive.store.get(f"originals/{d['sha256']}")).hexdigest()
            for d in documents
        },
    }


def _naive(value: Any) -> Any:
    return value.replace(tzinfo=None) if hasattr(value, "tzinfo") and value.tzinfo else value


def test_the_bag_validates_and_holds_originals_text_json_csv_and_phu_luc_vi(
    archive: Archive, bag: Path
) -> None:
    checked = bagit.Bag(str(bag))
    checked.validate()
    assert "sha256" in checked.algorithms
    assert checked.info["Tdkt-Documents"] == "2" and checked.info["Tdkt-Awards"] == "25"
    with archive.db.read() as session:
        document = session.scalars(select(Document).where(Document.filename == NAMDINH)).one()
    folder = bag / "data" / "documents" / str(document.id)
    original = (folder / "original.pdf").read_bytes()
    assert hashlib.sha256(original).hexdigest() == document.sha256
    assert json.loads((folder / "extracted.json").read_text("utf-8"))["number"] == "1322/QĐ-SGDĐT"
    assert "Trần Văn Thịnh" in (folder / "text.txt").read_text("utf-8")
    metadata = json.loads((folder / "metadata.json").read_text("utf-8"))
    assert {k: metadata[k] for k in ("TypeName", "CodeNumber", "CodeNotation", "IssuedDate",
                                     "OrganName", "PageAmount", "Language")} == {
        "TypeName": "Quyết định",
        "CodeNumber": "1322",
        "CodeNotation": "QĐ-SGDĐT",
        "IssuedDate": "2024-07-22",
        "OrganName": "Sở Giáo dục và Đào tạo tỉnh Nam Định",
        "PageAmount": 2,
        "Language": "vi",
    }  # fmt: skip
    assert metadata["SignerInfo"]["FullName"] and metadata["SignerInfo"]["Position"]
    awards = list(csv.DictReader(io.StringIO((bag / "data" / "awards.csv").read_text("utf-8-sig"))))
    assert len(awards) == 25
    assert "Nguyễn Thị Sửa" in {row["Họ và tên / Tập thể"] for row in awards}  # as corrected


def test_an_empty_archive_rebuilt_from_the_bag_is_the_same_archive(
    archive: Archive, bag: Path, tmp_path: Path, new_database: NewDatabase
) -> None:
    target = tmp_path / "imported"
    settings = Settings(data_dir=target, database_url=new_database(target), job_workers=1)
    result = runner.invoke(app, ["import-bag", str(bag)], env=_env(settings))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "imported: 2 documents, 25 awards"
    copy = open_archive(settings)
    try:
        assert _state(copy) == _state(archive)
        with copy.db.read() as session:
            found = search_awards(session, AwardQuery(name="nguyen thi sua"))
            assert [a.name for a in found.awards] == ["Nguyễn Thị Sửa"]
            assert search_awards(session, AwardQuery()).total == 25
            actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
            assert actions[-3:] == ["document.import", "document.import", "bag.import"]
        again = runner.invoke(app, ["import-bag", str(bag)], env=_env(settings))
        assert again.exit_code == 1 and "target_not_empty" in again.stderr
        with copy.db.write() as session:  # ids go on after the imported ones
            made = Document(sha256="0" * 64, filename="x.pdf", media_type="application/pdf",
                            size_bytes=1)  # fmt: skip
            session.add(made)
            session.flush()
            assert made.id == max(d["id"] for d in _state(archive)["documents"]) + 1
    finally:
        copy.close()


def test_filters_choose_the_documents_and_a_damaged_bag_is_refused(
    archive: Archive, bag: Path, root: Path
) -> None:
    some = root / "some"
    chosen = runner.invoke(
        app, ["export-bag", str(some), "--number", "1322/QĐ-SGDĐT"], env=_env(archive.settings)
    )
    assert chosen.exit_code == 0, chosen.output
    assert chosen.stdout.startswith("1 documents, 14 awards")
    assert bagit.Bag(str(some)).info["Tdkt-Query"] == "number=1322/QĐ-SGDĐT"
    full = runner.invoke(app, ["export-bag", str(some)], env=_env(archive.settings))
    assert full.exit_code == 1 and "target_not_empty" in full.stderr

    with archive.db.write() as session:
        document = session.scalars(select(Document).where(Document.filename == NAMDINH)).one()
        delete_document(session, document, "lan", None)
    without = runner.invoke(app, ["export-bag", str(root / "without")], env=_env(archive.settings))
    assert without.stdout.startswith("1 documents, 11 awards")  # the deleted one stays out
    with archive.db.write() as session:
        restore_document(session, session.get(Document, document.id), "lan")  # type: ignore[arg-type]

    text = next((some / "data" / "documents").glob("*/text.txt"))
    text.write_text("đã bị sửa", "utf-8")
    target = root / "from-damaged"
    refused = runner.invoke(app, ["import-bag", str(some)], env={"TDKT_DATA_DIR": str(target)})
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: bag_invalid: ")
    assert len(refused.stderr.strip().splitlines()) == 1
