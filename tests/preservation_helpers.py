"""A small real archive for the preservation tests, and what "the same archive" means."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from service import corrections
from service.archive import Archive
from service.db.models import Award, AwardChange, Decision, Document
from service.ingest import ingest_files
from tests.service_helpers import sample

SAMPLES = ("qd_list_grid4_textpdf_namdinh_2024.pdf", "qd_list_numbered_docx_thoxuan_2020.docx")


def fill(archive: Archive) -> None:
    """Two documents read, one award corrected by `lan`, one document approved."""
    report = ingest_files(archive, [sample(name) for name in SAMPLES], workers=1)
    assert not report.failed
    with archive.db.write() as session:
        award = session.scalars(select(Award).order_by(Award.id)).first()
        assert award is not None
        corrections.correct(session, award, {"name": "Nguyễn Thị Sửa"}, "lan")
        document = session.get(Document, award.document_id)
        assert document is not None
        corrections.approve(session, document, "lan", "đã kiểm tra")


def snapshot(archive: Archive) -> dict[str, Any]:
    """Every document, decision, award and correction, and each original's bytes' hash."""

    def rows(model: Any) -> list[dict[str, Any]]:
        with archive.db.read() as session:
            found = session.scalars(select(model).order_by(model.id)).all()
            return [
                {c.name: getattr(r, c.name) for c in model.__table__.columns if c.name != "at"}
                for r in found
            ]

    documents = rows(Document)
    originals = {
        d["sha256"]: hashlib.sha256(archive.store.get(f"originals/{d['sha256']}")).hexdigest()
        for d in documents
    }
    for d in documents:  # times come back tz-aware from one backend, naive from another
        for name in ("created_at", "updated_at", "processed_at", "reviewed_at"):
            d[name] = d[name].replace(tzinfo=None) if d[name] else None
    return {
        "documents": documents,
        "decisions": rows(Decision),
        "awards": rows(Award),
        "changes": rows(AwardChange),
        "originals": originals,
    }


def object_path(root: Path, key: str) -> Path:
    return root / key
