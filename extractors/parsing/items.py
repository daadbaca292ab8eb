"""A document as one sequence of lines and tables in reading order, across pages.

Parsers walk this flat sequence instead of nested pages, so a list that runs over a
page break is just more items, and every item still knows its page and box for evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.text_normalize import clean_text, fold
from schemas import BBox, DocumentText, Line, Table, Word


@dataclass(frozen=True)
class LineItem:
    page: int
    text: str
    folded: str
    bbox: BBox | None
    confidence: float
    words: tuple[Word, ...] = field(default=(), repr=False)

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class TableItem:
    page: int
    table: Table


Item = LineItem | TableItem


# Specks OCR reads at a line's ends (`' DANH SÁCH \``, `_II. CÁ NHÂN`): no printed line
# starts or ends with them, and a heading must still be seen as one.
_END_SPECKS = "'`¬^~ˆ_|"


def line_item(page: int, line: Line) -> LineItem:
    text = clean_text(line.text).strip(_END_SPECKS + " ")
    return LineItem(page, text, fold(text), line.bbox, line.confidence, tuple(line.words))


def flatten(document: DocumentText) -> list[Item]:
    """Lines and tables of every page in reading order; blank lines dropped."""
    items: list[Item] = []
    for page in document.pages:
        by_position: dict[int, list[Table]] = {}
        for table in page.tables:
            by_position.setdefault(table.position, []).append(table)
        for index in range(len(page.lines) + 1):
            items.extend(TableItem(page.number, t) for t in by_position.get(index, []))
            if index < len(page.lines):
                item = line_item(page.number, page.lines[index])
                if item.text:
                    items.append(item)
    return items


def lines_of(items: list[Item]) -> list[LineItem]:
    return [item for item in items if isinstance(item, LineItem)]


def union_bbox(boxes: list[BBox | None]) -> BBox | None:
    present = [b for b in boxes if b is not None]
    if not present:
        return None
    return (
        min(b[0] for b in present),
        min(b[1] for b in present),
        max(b[2] for b in present),
        max(b[3] for b in present),
    )
