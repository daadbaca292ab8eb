"""`tdkt export-bag DIR` and `tdkt import-bag DIR`: documents moved out as a BagIt bag
(RFC 8493, written and checked by the `bagit` library), and an archive rebuilt from one.

The payload (`data/`) holds `awards.csv` (every award row of the bag's documents as it
stands, the search export's columns) and, per document, `documents/<id>/`:

- `original.<ext>`: the file as uploaded (its SHA-256 is the document's);
- `extracted.json`: what tdkt read (the `tdkt extract --json` contract);
- `text.txt` and `document_text.json`: the text as read (OCR or text layer), and its
  words with their boxes;
- `metadata.json`: Decree 30/2020/NĐ-CP Phụ lục VI fields (`bag_metadata`);
- `tdkt.json`: the document's own fields, every human correction and approval, and its
  processing events.

An import writes each document's rows the way reading it did (`records.replace_records`
over the extracted JSON and text), with the corrections put back over it, so the rebuilt
archive's awards, search index and counts are those of the original. Deleted documents
are not exported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from schemas import ExtractedDocument
from schemas.document_text import DocumentText
from service import award_export
from service.archive import Archive, derived_key, original_key
from service.award_search import AwardQuery, iter_awards
from service.db.models import Award, AwardChange, Decision, Document, PageText, ProcessingEvent
from service.kept_documents import kept
from service.preservation import audit
from service.preservation.bag_metadata import phu_luc_vi
from service.records import replace_records
from service.storage import ObjectNotFoundError

FORMAT = 1
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}
_DOCUMENT_FIELDS = (
    "id", "sha256", "filename", "media_type", "size_bytes", "pages", "status", "document_type",
    "error_code", "error_message", "uploaded_by", "attempts", "created_at", "updated_at",
    "processed_at", "review_state", "review_confidence", "reviewed_by", "reviewed_at",
)  # fmt: skip
_CHANGE_FIELDS = ("seq", "action", "field", "old_value", "new_value", "user_name", "at", "note")
_TIMES = ("created_at", "updated_at", "processed_at", "reviewed_at")


class BagError(RuntimeError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class BagReport:
    documents: int
    awards: int


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _chosen(session: Session, query: AwardQuery | None) -> list[int]:
    """Ids of the documents to export: those with an award the query finds, or (no query)
    every document not deleted."""
    if query is None:
        every = select(Document.id).where(kept(Document.id)).order_by(Document.id)
        return list(session.scalars(every))
    return sorted({award.document_id for award in iter_awards(session, query)})


def _stored(archive: Archive, key: str) -> bytes | None:
    try:
        return archive.store.get(key)
    except ObjectNotFoundError:
        return None


def _document_json(session: Session, document: Document) -> dict[str, Any]:
    changes = session.scalars(
        select(AwardChange).where(AwardChange.document_id == document.id).order_by(AwardChange.id)
    )
    events = session.scalars(
        select(ProcessingEvent)
        .where(ProcessingEvent.document_id == document.id)
        .order_by(ProcessingEvent.id)
    )
    awards = session.execute(
        select(Award.seq, Award.review_state).where(Award.document_id == document.id)
    )
    return {
        "format": FORMAT,
        "document": {f: getattr(document, f) for f in _DOCUMENT_FIELDS},
        "review_states": {str(seq): state for seq, state in awards},
        "changes": [{f: getattr(c, f) for f in _CHANGE_FIELDS} for c in changes],
        "events": [
            {f: getattr(e, f) for f in ("at", "event", "detail", "duration_ms")} for e in events
        ],
    }


def _write_document(archive: Archive, session: Session, document: Document, folder: Path) -> None:
    folder.mkdir(parents=True)
    ext = EXTENSIONS.get(document.media_type, "")
    with (
        archive.store.open(original_key(document.sha256)) as stream,
        (folder / f"original{ext}").open("wb") as out,
    ):
        while chunk := stream.read(1024 * 1024):
            out.write(chunk)
    decision = session.scalars(select(Decision).where(Decision.document_id == document.id)).first()
    first = session.scalars(
        select(Award).where(Award.document_id == document.id).order_by(Award.seq).limit(1)
    ).first()
    if decision is not None:
        (folder / "extracted.json").write_bytes(_json(decision.record))
    words = _stored(archive, derived_key(document.sha256, "document_text.json"))
    if words is not None:
        (folder / "document_text.json").write_bytes(words)
    pages = session.scalars(
        select(PageText.text).where(PageText.document_id == document.id).order_by(PageText.number)
    ).all()
    as_read = _stored(archive, derived_key(document.sha256, "text.txt"))
    if as_read is not None or pages:
        (folder / "text.txt").write_bytes(as_read or "\f".join(pages).encode("utf-8"))
    (folder / "metadata.json").write_bytes(_json(phu_luc_vi(document, decision, first)))
    (folder / "tdkt.json").write_bytes(_json(_document_json(session, document)))


def export_bag(
    archive: Archive, folder: Path, query: AwardQuery | None, described: str = ""
) -> BagReport:
    """Write the bag into `folder` (absent or empty) and check it."""
    if folder.exists() and any(folder.iterdir()):
        raise BagError("target_not_empty", f"{folder} is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    counted = [0]
    with archive.db.read() as session:
        ids = _chosen(session, query)
        for document_id in ids:
            document = session.get(Document, document_id)
            assert document is not None
            _write_document(archive, session, document, folder / "documents" / str(document_id))
        with (folder / "awards.csv").open("wb") as out:
            for chunk in award_export.chunks(_awards_of(session, ids, counted), "csv"):
                out.write(chunk)
    info = {
        "Source-Organization": "tdkt",
        "External-Description": "Hồ sơ thi đua, khen thưởng: bản gốc, dữ liệu trích xuất, "
        "văn bản OCR, danh sách khen thưởng (awards.csv), siêu dữ liệu theo Phụ lục VI "
        "Nghị định 30/2020/NĐ-CP",
        "Bag-Software-Agent": "tdkt",
        "Tdkt-Format": str(FORMAT),
        "Tdkt-Documents": str(len(ids)),
        "Tdkt-Awards": str(counted[0]),
    }
    if described:
        info["Tdkt-Query"] = described
    bag = bagit.make_bag(str(folder), info, processes=1, checksums=["sha256"])
    bag.validate(processes=1)
    return BagReport(len(ids), counted[0])


def _awards_of(session: Session, ids: list[int], counted: list[int]) -> Iterator[Award]:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for award in session.scalars(
            select(Award).where(Award.document_id.in_(chunk)).order_by(Award.document_id, Award.seq)
        ):
            counted[0] += 1
            yield award


def _times(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: datetime.fromisoformat(value) if name in _TIMES and value else value
        for name, value in fields.items()
    }


def _archive_is_empty(archive: Archive) -> bool:
    with archive.db.read() as session:
        documents = session.execute(select(func.count()).select_from(Document)).scalar_one()
    return not documents and next(iter(archive.store.iter()), None) is None


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def import_bag(archive: Archive, folder: Path, actor: str) -> BagReport:
    """Rebuild an empty archive from a bag `export_bag` wrote; the bag is checked first."""
    try:
        bag = bagit.Bag(str(folder))
        bag.validate(processes=1)
    except bagit.BagError as error:
        raise BagError("bag_invalid", f"{folder}: {error}") from None
    if not _archive_is_empty(archive):
        raise BagError("target_not_empty", "the archive already holds documents or objects")
    payload = folder / "data" / "documents"
    folders = sorted(payload.iterdir(), key=lambda p: int(p.name)) if payload.is_dir() else []
    awards = 0
    for document_folder in folders:
        awards += _import_document(archive, document_folder, actor)
    with archive.db.write() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('documents', 'id'), "
                    "coalesce((SELECT max(id) FROM documents), 0) + 1, false)"
                )
            )
        audit.record(
            session, actor, "bag.import", None,
            {"bag": folder.name, "documents": len(folders), "awards": awards},
        )  # fmt: skip
    return BagReport(len(folders), awards)


def _import_document(archive: Archive, folder: Path, actor: str) -> int:
    """Store one document's files and write its rows; its award count."""
    kept_fields = _read_json(folder / "tdkt.json")
    fields = _times(kept_fields["document"])
    originals = [p for p in folder.iterdir() if p.name.startswith("original")]
    data = originals[0].read_bytes()
    sha256 = fields["sha256"]
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BagError("bag_invalid", f"{originals[0]} does not hash to {sha256}")
    metadata = {"filename": fields["filename"]}
    archive.store.put(original_key(sha256), data, content_type=fields["media_type"],
                      metadata=metadata)  # fmt: skip
    for name, content_type in (
        ("text.txt", "text/plain; charset=utf-8"),
        ("document_text.json", "application/json"),
        ("extracted.json", "application/json"),
    ):
        if (folder / name).exists():
            archive.store.put(derived_key(sha256, name), (folder / name).read_bytes(),
                              content_type=content_type)  # fmt: skip
    with archive.db.write() as session:
        document = Document(**fields)
        session.add(document)
        session.flush()
        session.add_all(
            AwardChange(document_id=document.id, **_times_of(change))
            for change in kept_fields["changes"]
        )
        session.add_all(
            ProcessingEvent(document_id=document.id, **_times_of(event))
            for event in kept_fields["events"]
        )
        session.flush()
        written: list[Award] = []
        if (folder / "extracted.json").exists():
            extracted = ExtractedDocument.model_validate(_read_json(folder / "extracted.json"))
            words = folder / "document_text.json"
            read = (
                DocumentText.model_validate_json(words.read_bytes())
                if words.exists()
                else DocumentText(media_type=document.media_type, pages=[])
            )
            written = replace_records(session, document, extracted, read)
        states = kept_fields["review_states"]
        for award in written:
            award.review_state = states.get(str(award.seq), award.review_state)
        for name, value in fields.items():  # as they were, not as this writing left them
            setattr(document, name, value)
        audit.record(
            session, actor, "document.import", f"document:{document.id}",
            {"sha256": sha256, "filename": document.filename, "awards": len(written)},
        )  # fmt: skip
        return len(written)


def _times_of(row: dict[str, Any]) -> dict[str, Any]:
    return {k: datetime.fromisoformat(v) if k == "at" and v else v for k, v in row.items()}
