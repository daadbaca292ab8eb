"""A small archive of decisions written through the real write path, for search tests.

The people in it are the cases staff run into: one teacher with awards over four school
years at one school printed two ways and once misread by OCR; a namesake at another
school; two names that differ only in tone marks; a name a letter-and-tone away that is a
different person (`Xuyến`, not `Xuân`); a row printed without its unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schemas import ExtractedDocument
from schemas.award_codes import AwardCode, DocumentType, IssuerLevel, RecipientKind
from schemas.document_text import DocumentText
from schemas.extracted import Award, Recipient
from service.archive import open_archive
from service.db.models import Document
from service.records import replace_records
from service.settings import Settings

A = AwardCode
SO = "Sở Giáo dục và Đào tạo tỉnh Nam Định"
UBND = "Ủy ban nhân dân tỉnh Nam Định"
NK = "Trường THPT Nguyễn Khuyến"


@dataclass(frozen=True)
class Row:
    name: str
    unit: str | None
    code: AwardCode = A.chien_si_thi_dua_co_so
    text: str = "Chiến sĩ thi đua cơ sở"


def decision(
    number: str,
    issuer: str,
    level: IssuerLevel,
    day: date,
    period: str | None,
    rows: list[Row],
    doc_type: DocumentType = DocumentType.decision,
    warnings: list[str] | None = None,
) -> ExtractedDocument:
    return ExtractedDocument(
        document_type=doc_type,
        issuer=issuer,
        issuer_level=level,
        number=number,
        date=day,
        subject="Về việc khen thưởng",
        awards=[
            Award(
                recipient=Recipient(
                    kind=RecipientKind.individual, name=r.name, position="Giáo viên", unit=r.unit
                ),
                award_code=r.code,
                award_text=r.text,
                period=period,
                confidence=0.95,
            )
            for r in rows
        ],
        pages=1,
        warnings=warnings or [],
    )


DECISIONS = [
    decision(
        "101/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2020, 8, 10), "2019-2020",
        [
            Row("Nguyễn Thị Thanh Xuân", NK),
            Row("Trần Văn Thịnh", "Trường THPT Lê Quý Đôn"),
            Row("Nguyễn Thị Hương", "Trường THCS Lê Lợi"),
            Row("Nguyễn Thị Hường", "Trường THCS Lê Lợi"),
            Row("Nguyễn Thị Thanh Xuyến", NK),
        ],
    ),
    decision(
        "202/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2021, 8, 12), "2020-2021",
        [
            Row("Nguyễn Thị Thanh Xuân", "THPT Nguyễn Khuyến"),
            Row("Nguyễn Thị Thanh Xuân", "Trường THCS Hải Hậu"),
        ],
    ),
    decision(  # a scan: the name misread, the count not squared
        "303/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2022, 8, 9), "2021-2022",
        [Row("Nguyễn Thị Thanli Xuân", NK), Row("Trần Văn Thịnh", None)],
        warnings=["declared 3 individuals, parsed 2"],
    ),
    decision(
        "404/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2023, 6, 1), "2022-2023",
        [Row("Nguyễn Thị Thanh Xuân", NK, A.lao_dong_tien_tien, "Lao động tiên tiến")],
    ),
    decision(
        "505/QĐ-UBND", UBND, IssuerLevel.tinh, date(2023, 9, 5), "2022-2023",
        [Row("Nguyễn Thị Thanh Xuân", NK, A.bang_khen_cap_tinh, "Bằng khen")],
        doc_type=DocumentType.certificate,
    ),
]  # fmt: skip


def build(
    data_dir: Path,
    database_url: str | None = None,
    decisions: Sequence[ExtractedDocument] = DECISIONS,
) -> Settings:
    """An archive under `data_dir` (its database at `database_url` if given) holding
    `decisions`; returns settings that open it."""
    settings = Settings(data_dir=data_dir, database_url=database_url, job_workers=1)
    archive = open_archive(settings)
    try:
        for i, extracted in enumerate(decisions):
            with archive.db.write() as session:
                document = Document(
                    sha256=f"{i:064x}",
                    filename=f"{extracted.number}.pdf".replace("/", "_"),
                    media_type="application/pdf",
                    size_bytes=1,
                )
                session.add(document)
                session.flush()
                replace_records(session, document, extracted, DocumentText(media_type="", pages=[]))
    finally:
        archive.close()
    return settings
