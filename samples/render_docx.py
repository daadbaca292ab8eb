"""Render decision layout blocks as a Word document (real paragraphs and tables)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from samples.model import Align, Block, HeaderBlock, Line, PageBreak, Para, SignBlock, TableBlock

FONT = "Times New Roman"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TEXT_W_CM = 21.0 - 3.0 - 1.8
FIXED = dt.datetime(2025, 1, 1, 8, 0, 0)


def _font(run: Any, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _fmt(p: Any, align: Align, before: float = 0, after: float = 0) -> None:
    p.alignment = ALIGN[align]
    pf = p.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = 1.0


def _lines_into(cell: Any, lines: list[Line], align: Align = "center") -> None:
    first = True
    for ln in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _fmt(p, align)
        _font(p.add_run(ln.text), ln.size, ln.bold, ln.italic)


def _no_borders(table: Any) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _widths(table: Any, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[k])


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def render_docx(blocks: list[Block]) -> bytes:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(1.8)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.8)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    cp = doc.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    for block in blocks:
        if isinstance(block, PageBreak):
            doc.add_page_break()  # type: ignore[no-untyped-call]
        elif isinstance(block, Para):
            p = doc.add_paragraph()
            _fmt(p, block.align, block.space_before, block.space_after)
            if block.indent:
                p.paragraph_format.first_line_indent = Cm(1.0)
            if block.hanging:
                p.paragraph_format.left_indent = Pt(block.hanging)
            for r in block.runs:
                _font(p.add_run(r.text), block.size, r.bold, r.italic)
        elif isinstance(block, HeaderBlock):
            t = doc.add_table(rows=1, cols=2)
            _no_borders(t)
            _lines_into(t.rows[0].cells[0], block.left)
            _lines_into(t.rows[0].cells[1], block.right)
            _widths(t, [TEXT_W_CM * 0.42, TEXT_W_CM * 0.58])
        elif isinstance(block, TableBlock):
            t = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
            if block.grid:
                t.style = doc.styles["Table Grid"]
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for k, h in enumerate(block.header):
                c = t.rows[0].cells[k]
                _fmt(c.paragraphs[0], "center")
                _font(c.paragraphs[0].add_run(h), block.size, bold=True)
            _repeat_header(t.rows[0])
            for i, row in enumerate(block.rows, start=1):
                for k, text in enumerate(row):
                    c = t.rows[i].cells[k]
                    _fmt(c.paragraphs[0], block.aligns[k], 2, 2)
                    _font(c.paragraphs[0].add_run(text), block.size)
            _widths(t, [w * TEXT_W_CM for w in block.widths])
        elif isinstance(block, SignBlock):
            doc.add_paragraph()
            t = doc.add_table(rows=1, cols=2)
            _no_borders(t)
            _lines_into(t.rows[0].cells[0], block.left, "left")
            right = t.rows[0].cells[1]
            _lines_into(right, block.right)
            for _ in range(3):
                _fmt(right.add_paragraph(), "center")
            p = right.add_paragraph()
            _fmt(p, "center")
            _font(p.add_run(block.name.text), block.name.size, bold=True)
            _widths(t, [TEXT_W_CM * 0.45, TEXT_W_CM * 0.55])
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()
