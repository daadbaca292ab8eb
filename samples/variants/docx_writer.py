"""Write a `Composed` document as DOCX the way offices type them in Word: the header and
signature as borderless two-column tables, lists as ruled tables with merged cells."""

import io
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from samples.variants.page_model import (
    HANDWRITTEN,
    Columns,
    Composed,
    Line,
    PageBreak,
    Stamp,
    Table,
)

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _fill(paragraph: Paragraph, line: Line) -> None:
    paragraph.alignment = ALIGN[line.align]
    paragraph.paragraph_format.space_before = Pt(line.space_before)
    paragraph.paragraph_format.space_after = Pt(0)
    if line.indent:
        paragraph.paragraph_format.first_line_indent = Pt(line.indent)
    run = paragraph.add_run(line.text.replace(HANDWRITTEN, "……"))
    run.bold = line.bold
    run.italic = line.italic
    run.font.size = Pt(line.size)
    run.font.name = "Times New Roman"
    if line.color != (0.0, 0.0, 0.0):
        run.font.color.rgb = RGBColor(*(int(c * 255) for c in line.color))


def _no_borders(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl.tblPr.append(borders)


def _cell_lines(cell: _Cell, lines: tuple[Line, ...]) -> None:
    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _fill(paragraph, line)


def to_docx(doc: Composed) -> bytes:
    document = Document()
    section = document.sections[0]
    if doc.page.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(1.5)
    body = document.add_paragraph()
    started = False
    for block in doc.blocks:
        if isinstance(block, Line):
            paragraph = body if not started else document.add_paragraph()
            started = True
            _fill(paragraph, block)
        elif isinstance(block, Columns):
            table = document.add_table(rows=1, cols=2)
            _no_borders(table)
            _cell_lines(table.cell(0, 0), block.left)
            _cell_lines(table.cell(0, 1), block.right)
        elif isinstance(block, Stamp):
            table = document.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            _cell_lines(table.cell(0, 0), tuple(Line(t, size=9) for t in block.lines))
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    fixed = datetime(2020, 1, 1, tzinfo=UTC)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.author = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document: object, block: Table) -> None:
    cols = len(block.widths)
    rows = len(block.rows) + (1 if block.header else 0)
    table = document.add_table(rows=rows, cols=cols)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    offset = 0
    if block.header:
        for k, text in enumerate(block.header):
            _cell_lines(table.cell(0, k), (Line(text, "center", bold=True, size=12),))
        offset = 1
    for i, cells in enumerate(block.rows):
        if len(cells) == 1 and cols > 1:
            merged = table.cell(i + offset, 0).merge(table.cell(i + offset, cols - 1))
            _cell_lines(merged, (Line(cells[0] or "", bold=True, size=12),))
            continue
        for k, text in enumerate(cells):
            if text is None:
                continue
            span = block.spans.get((i, k), 1)
            cell = table.cell(i + offset, k)
            if span > 1:
                cell = cell.merge(table.cell(i + offset + span - 1, k))
            _cell_lines(cell, (Line(text, size=12),))
