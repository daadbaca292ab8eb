"""DOCX body to `Page`s: paragraphs and tables in document order, split at page breaks.

Only explicit breaks are known without a layout engine (`w:br w:type="page"`,
`pageBreakBefore`, a next-page section break); they matter because an attached award
list starts on a new page. A small borderless-style table of one or two columns is the
usual way Word documents lay out the two-column header and signature, so it is read
like the PDF reader reads those zones: left column's lines, then the right column's.
"""

import io
import unicodedata
import zipfile
from xml.etree.ElementTree import ParseError

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from extractors.docx_budget import check_docx_budget
from extractors.errors import CorruptFileError
from extractors.parsing.list_columns import header_roles
from schemas.document_text import Cell, Line, Page, PageSource, Table, TableRow

LAYOUT_TABLE_MAX_ROWS = 3


class _Builder:
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.lines: list[Line] = []
        self.tables: list[Table] = []
        self.block = 0

    def add_text(self, text: str, block: int | None = None) -> None:
        for part in text.split("\n"):
            for segment in part.split("\t"):
                clean = unicodedata.normalize("NFC", " ".join(segment.split()))
                if clean:
                    self.lines.append(
                        Line(text=clean, block=self.block if block is None else block)
                    )

    def new_block(self) -> int:
        self.block += 1
        return self.block

    def break_page(self) -> None:
        self.pages.append(
            Page(
                number=len(self.pages) + 1,
                source=PageSource.docx,
                lines=self.lines,
                tables=self.tables,
            )
        )
        self.lines, self.tables = [], []

    def finish(self) -> list[Page]:
        if self.lines or self.tables or not self.pages:
            self.break_page()
        return self.pages


def open_docx(data: bytes) -> Document:
    """The parsed Word document, or `CorruptFileError` saying why it cannot be read
    (`TooLargeError` when it would inflate past `docx_budget`)."""
    check_docx_budget(data)
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, ParseError, etree.XMLSyntaxError) as exc:
        raise CorruptFileError(f"the DOCX cannot be read: {exc}") from exc
    except Exception as exc:  # python-docx surfaces many shapes of damage
        raise CorruptFileError(f"the DOCX cannot be read: {exc}") from exc


def read_docx(data: bytes) -> list[Page]:
    document = open_docx(data)
    builder = _Builder()
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            _paragraph(Paragraph(element, document), builder)
        elif element.tag == qn("w:tbl"):
            _table(DocxTable(element, document), document, builder)
    return builder.finish()


def _paragraph(paragraph: Paragraph, builder: _Builder) -> None:
    p = paragraph._p
    ppr = p.pPr
    starts_page = ppr is not None and _on(ppr.find(qn("w:pageBreakBefore")))
    if starts_page and (builder.lines or builder.tables):
        builder.break_page()
    builder.new_block()
    text: list[str] = []
    for run in p.iter(qn("w:r")):
        for child in run.iterchildren():
            if child.tag == qn("w:t"):
                text.append(child.text or "")
            elif child.tag == qn("w:tab"):
                text.append("\t")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) == "page":
                    builder.add_text("".join(text))
                    text = []
                    builder.break_page()
                else:
                    text.append("\n")
    builder.add_text("".join(text))
    if ppr is not None:
        section = ppr.find(qn("w:sectPr"))
        if section is not None:
            kind = section.find(qn("w:type"))
            if kind is None or kind.get(qn("w:val")) in (None, "nextPage", "oddPage", "evenPage"):
                builder.break_page()


def _on(element: etree._Element | None) -> bool:
    if element is None:
        return False
    return element.get(qn("w:val")) not in ("0", "false", "off")


def _cell_paragraphs(tc: etree._Element, document: Document) -> list[str]:
    texts = []
    for p in tc.iter(qn("w:p")):
        text = unicodedata.normalize("NFC", " ".join(Paragraph(p, document).text.split()))
        if text:
            texts.append(text)
    return texts


def _table(table: DocxTable, document: Document, builder: _Builder) -> None:
    # Each <w:tc> once: python-docx's row.cells repeats a merged cell for every grid
    # column it spans, which would duplicate its text.
    grid = [list(tr.tc_lst) for tr in table._tbl.tr_lst]
    grid = [row for row in grid if row]
    if not grid:
        return
    width = max(len(row) for row in grid)
    first = [" ".join(_cell_paragraphs(tc, document)) for tc in grid[0]]
    is_list = header_roles(first) is not None  # `STT | Tên tập thể`: a list, not layout
    if len(grid) <= LAYOUT_TABLE_MAX_ROWS and width <= 2 and not is_list:
        for column in range(width):
            block = builder.new_block()
            for row in grid:
                if column < len(row):
                    for text in _cell_paragraphs(row[column], document):
                        builder.add_text(text, block)
        return
    rows = [
        TableRow(cells=[Cell(text=" ".join(_cell_paragraphs(tc, document))) for tc in row])
        for row in grid
    ]
    builder.tables.append(Table(rows=rows, position=len(builder.lines)))
