"""Documents made from the real texts' wording, as a reader would hand them to the parser.

`page(...)` takes printed lines (a line starting with `|` is a table row, its cells split
on `|`), so a test states a layout the way it is printed; `parse(...)` runs the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.parsing.document import parse_document
from schemas import DocumentText, ExtractedDocument
from schemas.document_text import Cell, Line, Page, PageSource, Table, TableRow, Word

REAL_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-texts"


def real_text(prefix: str) -> str:
    """The body of a real text (its `#` source lines dropped)."""
    if not REAL_TEXTS.is_dir():
        pytest.skip(f"real texts not present at {REAL_TEXTS}")
    path = next(REAL_TEXTS.glob(f"{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#"))


def page(
    number: int, printed: str, source: PageSource = PageSource.text_layer, confidence: float = 1.0
) -> Page:
    lines: list[Line] = []
    tables: list[Table] = []
    rows: list[TableRow] = []
    for raw in printed.strip("\n").splitlines():
        text = raw.strip()
        if text.startswith("|"):
            cells = [c.strip() for c in text.strip("|").split("|")]
            rows.append(TableRow(cells=[Cell(text=c, confidence=confidence) for c in cells]))
            continue
        if rows:
            tables.append(Table(rows=rows, position=len(lines)))
            rows = []
        if text:
            words = [Word(text=w, confidence=confidence) for w in text.split()]
            lines.append(Line(text=text, words=words, confidence=confidence))
    if rows:
        tables.append(Table(rows=rows, position=len(lines)))
    return Page(number=number, source=source, lines=lines, tables=tables)


def parse(*printed: str, source: PageSource = PageSource.text_layer) -> ExtractedDocument:
    pages = [page(n, text, source) for n, text in enumerate(printed, start=1)]
    engine = "tesseract" if source is PageSource.ocr else None
    return parse_document(
        DocumentText(media_type="application/pdf", pages=pages, ocr_engine=engine)
    )
