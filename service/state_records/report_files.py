"""A counted form as the files agencies send: XLSX (openpyxl) and PDF (reportlab).

Both lay the form out as the circular does: form number and circular top left, the
reporting and receiving units top right, the title and year, the merged headings, the
A/B/C/1/2… numbering row, then the rows. A manual cell is left empty for the user and
shaded; an incomplete one carries its count with a mark and a note says how many rows
could not be placed. The PDF uses a TrueType font with Vietnamese letters found on the
system (Liberation Serif 2, else DejaVu Serif/Sans).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from service.state_records.reports import (
    CIRCULAR,
    RECEIVED_BY,
    Cell,
    Report,
    header_cells,
    number_cells,
)

FIXED = ("", "Mã số", "Đơn vị tính")
RECEIVING_UNIT = "Đơn vị nhận báo cáo: ……………………"
_FONT_FILES = (
    ("liberation2", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("dejavu", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)


class NoFont(RuntimeError):
    """No TrueType font with Vietnamese letters is installed (fonts-liberation2)."""


def cell_text(cell: Cell) -> str:
    if cell.value is None:
        return ""
    return f"{cell.value}*" if cell.status == "incomplete" else str(cell.value)


def notes(report: Report) -> list[str]:
    lines = [
        f"Số liệu đếm từ {report.total} khen thưởng có quyết định ký trong năm {report.year}"
        + (
            " (chỉ các dòng đã duyệt)."
            if report.reviewed_only
            else f", trong đó {report.unreviewed} chưa được duyệt."
        ),
        "Ô để trống có nền xám: văn bản không ghi thông tin này, đơn vị tự điền.",
        "Dấu * : có khen thưởng văn bản không ghi rõ cấp bậc hoặc phương thức; số ghi là số "
        "đã xác định được.",
        "Không tính các khen thưởng đã bị hủy bỏ, thu hồi.",
    ]
    return lines


def xlsx_bytes(report: Report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = report.form.code
    bold = Font(bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="DDDDDD")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    width = len(FIXED) + len(report.columns)
    sheet.append([f"Biểu số: {report.form.code}/BNV-TĐKT"])
    sheet.append([CIRCULAR])
    sheet.append([f"Ngày nhận báo cáo: {RECEIVED_BY}"])
    sheet.cell(1, 4, f"Đơn vị báo cáo: {report.reporting_unit or '……………………'}").font = bold
    sheet.cell(2, 4, RECEIVING_UNIT)
    sheet.cell(1, 1).font = bold
    sheet.append([report.title])
    sheet.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    sheet.cell(4, 1).font = Font(bold=True, size=13)
    sheet.cell(4, 1).alignment = center
    sheet.append([f"Năm {report.year}"])
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    sheet.cell(5, 1).alignment = center
    top = 7
    depth, heads = header_cells(report.columns)
    for i, label in enumerate(FIXED, start=1):
        sheet.cell(top, i, label)
        sheet.merge_cells(start_row=top, start_column=i, end_row=top + depth - 1, end_column=i)
    for head in heads:
        col = len(FIXED) + head.col + 1
        sheet.cell(top + head.row, col, head.label)
        if head.rowspan > 1 or head.colspan > 1:
            sheet.merge_cells(
                start_row=top + head.row, start_column=col,
                end_row=top + head.row + head.rowspan - 1, end_column=col + head.colspan - 1,
            )  # fmt: skip
    numbers = top + depth
    for i, letter in enumerate("ABC", start=1):
        sheet.cell(numbers, i, letter)
    for number, first, span in number_cells(report.columns):
        col = len(FIXED) + first + 1
        sheet.cell(numbers, col, number)
        if span > 1:
            sheet.merge_cells(
                start_row=numbers, start_column=col, end_row=numbers, end_column=col + span - 1
            )
    line = numbers + 1
    for row in report.rows:
        sheet.cell(line, 1, row.row.label).font = Font(bold=row.row.section or row.row.code == "01")
        sheet.cell(line, 2, row.row.code)
        sheet.cell(line, 3, row.row.unit)
        for i, cell in enumerate(row.cells):
            target = sheet.cell(line, len(FIXED) + i + 1)
            target.value = cell.value if cell.status in ("counted",) else (cell_text(cell) or None)
            if cell.status == "manual":
                target.fill = grey
        line += 1
    for r in range(top, line):
        for c in range(1, width + 1):
            sheet.cell(r, c).border = box
            if c > 1:
                sheet.cell(r, c).alignment = center
        if r < numbers + 1:
            for c in range(1, width + 1):
                sheet.cell(r, c).font = bold
                sheet.cell(r, c).alignment = center
    for note in notes(report):
        line += 1
        sheet.cell(line, 1, note)
    sheet.column_dimensions["A"].width = 48
    for c in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 12
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str]:
    """Register the first Vietnamese-capable TrueType pair found; its (regular, bold) names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    for folder, regular, bold in _FONT_FILES:
        for root in roots:
            found = sorted(root.rglob(regular)) if root.is_dir() else []
            found = [p for p in found if folder in str(p)] or found
            if found:
                pdfmetrics.registerFont(TTFont("tdkt", str(found[0])))
                strong = found[0].with_name(bold)
                pdfmetrics.registerFont(
                    TTFont("tdkt-bold", str(strong if strong.exists() else found[0]))
                )
                return "tdkt", "tdkt-bold"
    raise NoFont("no TrueType font with Vietnamese letters found (install fonts-liberation2)")


def pdf_bytes(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _fonts()
    small = ParagraphStyle("cell", fontName=regular, fontSize=7, leading=8.5)
    strong = ParagraphStyle("head", parent=small, fontName=bold, alignment=1)
    title = ParagraphStyle("title", fontName=bold, fontSize=12, leading=15, alignment=1)
    plain = ParagraphStyle("plain", fontName=regular, fontSize=9, leading=11)
    depth, heads = header_cells(report.columns)
    fixed = len(FIXED)
    width = fixed + len(report.columns)
    data: list[list[object]] = [["" for _ in range(width)] for _ in range(depth + 1)]
    style: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
    ]
    for i, label in enumerate(FIXED):
        data[0][i] = Paragraph(label, strong)
        style.append(("SPAN", (i, 0), (i, depth - 1)))
    for head in heads:
        col = fixed + head.col
        data[head.row][col] = Paragraph(head.label, strong)
        if head.rowspan > 1 or head.colspan > 1:
            style.append(
                ("SPAN", (col, head.row), (col + head.colspan - 1, head.row + head.rowspan - 1))
            )
    for i, letter in enumerate("ABC"):
        data[depth][i] = Paragraph(letter, strong)
    for number, first, span in number_cells(report.columns):
        data[depth][fixed + first] = Paragraph(number, strong)
        if span > 1:
            style.append(("SPAN", (fixed + first, depth), (fixed + first + span - 1, depth)))
    for row in report.rows:
        style_row = len(data)
        text_style = strong if row.row.section or row.row.code == "01" else small
        line: list[object] = [Paragraph(row.row.label, text_style), row.row.code, row.row.unit]
        for i, cell in enumerate(row.cells):
            line.append(cell_text(cell))
            if cell.status == "manual":
                style.append(
                    ("BACKGROUND", (fixed + i, style_row), (fixed + i, style_row), colors.lightgrey)
                )
        line += [""] * (width - len(line))
        data.append(line)
    page = landscape(A4)
    usable = page[0] - 20 * mm
    first_width = 62 * mm
    rest = (usable - first_width - 24 * mm) / max(1, len(report.columns))
    table = Table(
        data,
        colWidths=[first_width, 10 * mm, 14 * mm] + [rest] * len(report.columns),
        repeatRows=depth + 1,
    )
    table.setStyle(TableStyle(style))
    top = Table(
        [[Paragraph(f"<b>Biểu số: {report.form.code}/BNV-TĐKT</b><br/>{CIRCULAR}<br/>"
                    f"Ngày nhận báo cáo: {RECEIVED_BY}", plain),
          Paragraph(f"Đơn vị báo cáo: <b>{report.reporting_unit or '……………………'}</b><br/>"
                    f"{RECEIVING_UNIT}", plain)]],
        colWidths=[usable * 0.55, usable * 0.45],
    )  # fmt: skip
    top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), regular)]))
    story = [
        top,
        Spacer(1, 4 * mm),
        Paragraph(report.title, title),
        Paragraph(f"Năm {report.year}", ParagraphStyle("year", parent=plain, alignment=1)),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        *[Paragraph(note, plain) for note in notes(report)],
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=10 * mm, rightMargin=10 * mm,
        topMargin=10 * mm, bottomMargin=10 * mm,
        title=f"{report.form.code} {report.year}", author="tdkt",
    )  # fmt: skip
    doc.build(story)
    return buffer.getvalue()
