"""Search results as files: CSV (UTF-8 with BOM, so Excel reads Vietnamese right), XLSX
with Vietnamese headers, or JSON — every matching row, written as it is read. Text that
a spreadsheet would run as a formula is written as text (`service.formula_safe`).

CSV and JSON are produced chunk by chunk; an XLSX file is a ZIP that can only be closed
once, so it is written row by row (openpyxl's write-only mode, constant memory) into a
temporary file that is then sent.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from service import temp_area
from service.award_labels import label
from service.csv_stream import csv_chunks
from service.db.models import Award
from service.formula_safe import xlsx_value

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    value: Callable[[Award], Any]
    width: int = 14


COLUMNS = [
    Column("Mã", "id", lambda a: a.id, 8),
    Column("Họ và tên / Tập thể", "name", lambda a: a.name, 28),
    Column("Danh xưng", "honorific", lambda a: a.honorific, 10),
    Column("Chức vụ", "position", lambda a: a.position, 22),
    Column("Đơn vị", "unit", lambda a: a.unit, 36),
    Column("Đối tượng", "recipient_kind", lambda a: a.recipient_kind, 12),
    Column("Danh hiệu / hình thức", "award", lambda a: label(a.award_code), 28),
    Column("Mã danh hiệu", "award_code", lambda a: a.award_code, 24),
    Column("Nguyên văn", "award_text", lambda a: a.award_text, 32),
    Column("Hạng", "award_class", lambda a: a.award_class, 6),
    Column("Năm học / năm", "period", lambda a: a.period, 12),
    Column("Số quyết định", "number", lambda a: a.number, 18),
    Column("Ngày quyết định", "decision_date", lambda a: a.decision_date, 14),
    Column("Cơ quan ban hành", "issuer", lambda a: a.issuer, 36),
    Column("Cấp ban hành", "issuer_level", lambda a: a.issuer_level, 12),
    Column("Loại văn bản", "document_type", lambda a: a.document_type, 12),
    Column("Tiền thưởng (đồng)", "amount_vnd", lambda a: a.amount_vnd, 14),
    Column("Độ tin cậy", "confidence", lambda a: round(a.confidence, 3), 10),
    Column("Trạng thái duyệt", "review_state", lambda a: a.review_state, 14),
    Column("Tài liệu", "document_id", lambda a: a.document_id, 9),
    Column("Trang", "evidence_page", lambda a: a.evidence_page, 7),
]


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def json_chunks(awards: Iterable[Award]) -> Iterator[str]:
    """A JSON array of objects keyed by field name, one row per chunk."""
    empty = True
    for award in awards:  # the first chunk holds the first row: the search has run
        row = {c.key: _plain(c.value(award)) for c in COLUMNS}
        yield ("[" if empty else ",") + "\n" + json.dumps(row, ensure_ascii=False)
        empty = False
    yield "[\n]\n" if empty else "\n]\n"


def write_xlsx(awards: Iterable[Award], target: IO[bytes]) -> int:
    """The rows as one sheet with a bold, frozen Vietnamese header; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Khen thưởng")
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    count = 0
    for award in awards:
        sheet.append([xlsx_value(sheet, c.value(award)) for c in COLUMNS])
        count += 1
    book.save(target)
    return count


def xlsx_chunks(awards: Iterable[Award], chunk_size: int = 1 << 16) -> Iterator[bytes]:
    with tempfile.TemporaryFile(prefix="tdkt-export-", dir=temp_area.folder()) as spool:
        write_xlsx(awards, spool)
        spool.seek(0)
        while chunk := spool.read(chunk_size):
            yield chunk


def chunks(awards: Iterable[Award], format: str) -> Iterator[bytes]:
    """The export in `format` (`csv`, `xlsx` or `json`) as bytes."""
    if format == "xlsx":
        yield from xlsx_chunks(awards)
    elif format == "csv":
        rows = ([_plain(c.value(award)) for c in COLUMNS] for award in awards)
        yield from (part.encode() for part in csv_chunks([c.header for c in COLUMNS], rows))
    elif format == "json":
        yield from (part.encode() for part in json_chunks(awards))
    else:
        raise ValueError(f"unknown export format {format!r}")
