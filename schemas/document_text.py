"""`DocumentText`: what a reader saw on each page, before any parsing.

Readers (text layer, DOCX, OCR) all produce this; parsers read only this. Boxes are
`(x0, y0, x1, y1)` in page units (PDF points for text layers, pixels for images, `None`
for DOCX, which has no geometry). Confidences are 0..1.
"""

from enum import StrEnum

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]


class PageSource(StrEnum):
    text_layer = "text_layer"
    ocr = "ocr"
    docx = "docx"


class Word(BaseModel):
    text: str
    bbox: BBox | None = None
    confidence: float = 1.0
    raw: str | None = Field(
        default=None, description="What OCR read, when tone repair changed it into `text`"
    )


class Line(BaseModel):
    """One line of text in reading order; `block` groups lines of one layout block."""

    text: str
    words: list[Word] = Field(default_factory=list)
    bbox: BBox | None = None
    block: int = 0
    confidence: float = 1.0


class Cell(BaseModel):
    text: str
    bbox: BBox | None = None
    confidence: float = 1.0
    raw: str | None = Field(
        default=None, description="What OCR read, when tone repair changed a word of `text`"
    )


class TableRow(BaseModel):
    cells: list[Cell]
    bbox: BBox | None = None


class Table(BaseModel):
    """A table; `position` is the index in `Page.lines` before which it stands."""

    rows: list[TableRow]
    bbox: BBox | None = None
    position: int = 0


class Page(BaseModel):
    number: int = Field(ge=1, description="1-based page number")
    source: PageSource
    width: float | None = None
    height: float | None = None
    lines: list[Line] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    mean_confidence: float | None = Field(
        default=None, description="OCR mean word confidence 0..100; None for text pages"
    )
    rotation: int = Field(
        default=0,
        description="Degrees the page image was turned (counter-clockwise) to read upright; "
        "boxes are in the turned image",
    )

    def text(self) -> str:
        """The page's text in reading order, tables as tab-separated rows in place."""
        out: list[str] = []
        by_position: dict[int, list[Table]] = {}
        for table in self.tables:
            by_position.setdefault(table.position, []).append(table)
        for index in range(len(self.lines) + 1):
            for table in by_position.get(index, []):
                out.extend("\t".join(c.text for c in row.cells) for row in table.rows)
            if index < len(self.lines):
                out.append(self.lines[index].text)
        return "\n".join(out)


class DocumentText(BaseModel):
    media_type: str
    pages: list[Page]
    ocr_engine: str | None = Field(default=None, description="e.g. 'tesseract 5.3.0'")
    warnings: list[str] = Field(
        default_factory=list,
        description="What the reader could not take as given, e.g. a text layer read with OCR",
    )

    def text(self) -> str:
        """All pages' text, separated by form feeds (the `tdkt extract --text` output)."""
        return "\f".join(page.text() for page in self.pages)

    @property
    def ocr_used(self) -> bool:
        return any(page.source == PageSource.ocr for page in self.pages)
