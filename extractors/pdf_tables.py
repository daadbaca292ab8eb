"""Ruled tables of a PDF text layer, as `Table`s whose rows keep every column.

pdfplumber finds the grid; a cell covered by a merged cell (a school's name spanning its
teachers' rows) comes back without a box, and dropping it would shift the row's later
cells into the wrong columns, so it stays as an empty cell in its column. On a page in a
legacy font (TCVN3, VNI), cells take their text from the page's words as the font-aware
decoder read them (capitals fonts included), not from a guess made per cell.
"""

from collections.abc import Sequence

import pdfplumber

from extractors.text_normalize import nfc
from schemas.document_text import BBox, Cell, Table, TableRow

DecodedWord = tuple[BBox, str]  # a word's box and its text, decoded


def bbox_of(raw: Sequence[float]) -> BBox:
    return (float(raw[0]), float(raw[1]), float(raw[2]), float(raw[3]))


def ruled_tables(
    plumber_page: pdfplumber.page.Page, decoded: Sequence[DecodedWord] | None = None
) -> list[Table]:
    """Ruled tables only; gridless ones stay as lines for the parser to read by position."""
    tables: list[Table] = []
    for found in plumber_page.find_tables(
        {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    ):
        texts = found.extract()
        columns = _column_spans(found.rows)
        rows: list[TableRow] = []
        for row, row_texts in zip(found.rows, texts, strict=False):
            cells: list[Cell] = []
            for k, (cell_box, text) in enumerate(zip(row.cells, row_texts, strict=False)):
                if cell_box is None:
                    if k >= len(columns) or columns[k] is None:
                        continue
                    x0, x1 = columns[k]  # type: ignore[misc]
                    cells.append(Cell(text="", bbox=(x0, row.bbox[1], x1, row.bbox[3])))
                    continue
                bbox = bbox_of(cell_box)
                value = _words_in(bbox, decoded) if decoded is not None else (text or "")
                cells.append(Cell(text=nfc(" ".join(value.split())), bbox=bbox))
            if cells:
                rows.append(TableRow(cells=cells, bbox=bbox_of(row.bbox)))
        if len(rows) < 2 and all(len(r.cells) < 2 for r in rows):
            continue  # a framed box, not a table
        tables.append(Table(rows=rows, bbox=bbox_of(found.bbox)))
    return tables


def _column_spans(rows: Sequence[object]) -> list[tuple[float, float] | None]:
    """Each column's left and right edge, from the rows where its cell has a box."""
    spans: list[tuple[float, float] | None] = []
    for row in rows:
        for k, cell in enumerate(row.cells):  # type: ignore[attr-defined]
            while len(spans) <= k:
                spans.append(None)
            if cell is not None and spans[k] is None:
                spans[k] = (float(cell[0]), float(cell[2]))
    return spans


def _words_in(cell: BBox, words: Sequence[DecodedWord]) -> str:
    """The decoded words whose centre lies in the cell, line by line, left to right."""
    inside = sorted(
        (b, text)
        for b, text in words
        if cell[0] <= (b[0] + b[2]) / 2 <= cell[2] and cell[1] <= (b[1] + b[3]) / 2 <= cell[3]
    )
    inside.sort(key=lambda w: w[0][1])
    lines: list[list[DecodedWord]] = []
    for word in inside:
        if lines and word[0][1] - lines[-1][0][0][1] <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return " ".join(text for line in lines for _, text in sorted(line, key=lambda w: w[0][0]))


LINE_TOLERANCE = 2.0  # points: words of one line whose fonts set their tops apart
