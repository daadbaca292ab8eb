"""What a page says, independent of how it is written out (PDF, DOCX or scan).

A document is a list of blocks; the PDF layout places them, the DOCX writer maps them to
paragraphs and tables. `HANDWRITTEN` inside a text marks a slot filled by hand (a scribble
on paper, dots in DOCX)."""

from dataclasses import dataclass, field

HANDWRITTEN = "\u2063HW\u2063"


@dataclass(frozen=True)
class Line:
    """One paragraph, wrapped to its column."""

    text: str
    align: str = "left"  # left | center | right | justify
    bold: bool = False
    italic: bool = False
    size: float = 13.0
    indent: float = 0.0  # points, first line
    space_before: float = 2.0
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Columns:
    """Two stacks side by side: the header (issuer | motto) or the signature block."""

    left: tuple[Line, ...]
    right: tuple[Line, ...]
    split: float = 0.42  # share of the width given to the left stack
    space_before: float = 6.0


@dataclass(frozen=True)
class Table:
    """A ruled table. `spans[(row, col)] = n` merges a cell down over n rows; covered cells
    hold None. `repeat_header` repeats the header on each page the table runs onto."""

    header: tuple[str, ...] | None
    rows: tuple[tuple[str | None, ...], ...]
    widths: tuple[float, ...]  # shares of the text width
    spans: dict[tuple[int, int], int] = field(default_factory=dict)
    repeat_header: bool = True
    bold_rows: frozenset[int] = frozenset()  # unit headings inside the table
    size: float = 12.0


@dataclass(frozen=True)
class Stamp:
    """A printed e-signing stamp: a framed box of short lines beside the signature."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Line | Columns | Table | Stamp | PageBreak


@dataclass(frozen=True)
class Page:
    """Paper size and orientation of the whole document."""

    landscape: bool = False
    border: bool = False  # a certificate's decorative frame


@dataclass(frozen=True)
class Composed:
    """A document's blocks and paper, before it is written out."""

    blocks: tuple[Block, ...]
    page: Page = Page()
