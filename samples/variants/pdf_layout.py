"""Place a `Composed` document on pages: blocks in, positioned drawing operations out.

The operations are kept (not drawn at once) so one layout serves every output: a text PDF,
the page images of a scan, and a PDF whose pages mix a text layer with scanned parts."""

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from samples.fonts import find_font
from samples.variants.page_model import (
    HANDWRITTEN,
    Block,
    Columns,
    Composed,
    Line,
    PageBreak,
    Stamp,
    Table,
)

FONTS = {
    "serif": "LiberationSerif-Regular.ttf",
    "serif-bold": "LiberationSerif-Bold.ttf",
    "serif-italic": "LiberationSerif-Italic.ttf",
    "serif-bolditalic": "LiberationSerif-BoldItalic.ttf",
    "sans": "LiberationSans-Regular.ttf",
}
A4 = (595.28, 841.89)
HANDWRITTEN_WIDTH = 46.0


def register_fonts() -> None:
    """Register the Liberation 2 faces (Vietnamese glyphs, Times metrics) once."""
    for key, filename in FONTS.items():
        name = f"V-{key}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(find_font(filename))))


@dataclass(frozen=True)
class TextOp:
    page: int
    x: float
    y: float  # baseline, from the bottom
    text: str
    font: str
    size: float
    color: tuple[float, float, float]


@dataclass(frozen=True)
class RuleOp:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class ScribbleOp:
    """A handwritten number or day: ink strokes nobody can read back as digits."""

    page: int
    x: float
    y: float
    width: float


Op = TextOp | RuleOp | ScribbleOp


@dataclass(frozen=True)
class Laid:
    ops: tuple[Op, ...]
    pages: int
    size: tuple[float, float]


def font_of(line: Line) -> str:
    if line.bold and line.italic:
        return "V-serif-bolditalic"
    if line.bold:
        return "V-serif-bold"
    if line.italic:
        return "V-serif-italic"
    return "V-serif"


def _width(word: str, font: str, size: float) -> float:
    if word == HANDWRITTEN:
        return HANDWRITTEN_WIDTH
    return float(pdfmetrics.stringWidth(word, font, size))


def wrap(text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """Greedy word wrap; a handwritten slot counts as one word of fixed width."""
    words = text.replace(HANDWRITTEN, f" {HANDWRITTEN} ").split(" ")
    lines: list[str] = []
    current = ""
    space = _width(" ", font, size)
    limit = width - indent
    for word in words:
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if current and _line_width(candidate, font, size, space) > limit:
            lines.append(current)
            current = word
            limit = width
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


def _line_width(text: str, font: str, size: float, space: float) -> float:
    words = text.split(" ")
    return sum(_width(w, font, size) for w in words) + space * (len(words) - 1)


class _Cursor:
    def __init__(self, size: tuple[float, float], landscape: bool) -> None:
        self.width, self.height = size
        self.left = 70.0 if not landscape else 80.0
        self.right = self.width - (50.0 if not landscape else 80.0)
        self.top = self.height - (45.0 if not landscape else 60.0)
        self.bottom = 50.0
        self.page = 1
        self.y = self.top
        self.ops: list[Op] = []

    def new_page(self) -> None:
        self.page += 1
        self.y = self.top

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def text_line(self, text: str, line: Line, x0: float, x1: float, first: bool) -> None:
        font = font_of(line)
        space = _width(" ", font, line.size)
        width = _line_width(text, font, line.size, space)
        indent = line.indent if first else 0.0
        if line.align == "center":
            x = x0 + (x1 - x0 - width) / 2
        elif line.align == "right":
            x = x1 - width
        else:
            x = x0 + indent
        self.y -= line.size * 1.22
        parts = text.split(HANDWRITTEN)
        for k, part in enumerate(parts):
            part_text = part.strip(" ")
            if k:
                self.ops.append(ScribbleOp(self.page, x, self.y, HANDWRITTEN_WIDTH))
                x += HANDWRITTEN_WIDTH + space
            if part_text:
                if part.startswith(" ") and k == 0:
                    x += space
                self.ops.append(
                    TextOp(self.page, x, self.y, part_text, font, line.size, line.color)
                )
                x += _width(part_text, font, line.size) + space

    def paragraph(self, line: Line, x0: float, x1: float) -> None:
        rows = wrap(line.text, font_of(line), line.size, x1 - x0, line.indent)
        self.y -= line.space_before
        for k, row in enumerate(rows):
            self.need(line.size * 1.22)
            self.text_line(row, line, x0, x1, first=k == 0)


def _stack_height(lines: tuple[Line, ...], width: float) -> float:
    total = 0.0
    for line in lines:
        rows = wrap(line.text, font_of(line), line.size, width, line.indent)
        total += line.space_before + len(rows) * line.size * 1.22
    return total


def _columns(cur: _Cursor, block: Columns) -> None:
    split = cur.left + (cur.right - cur.left) * block.split
    height = max(
        _stack_height(block.left, split - cur.left), _stack_height(block.right, cur.right - split)
    )
    cur.y -= block.space_before
    cur.need(height)
    top = cur.y
    for line in block.left:
        cur.paragraph(line, cur.left - 15, split)
    bottom_left = cur.y
    cur.y = top
    for line in block.right:
        cur.paragraph(line, split, cur.right + 10)
    cur.y = min(cur.y, bottom_left)


def _stamp(cur: _Cursor, block: Stamp) -> None:
    size = 8.5
    height = len(block.lines) * size * 1.3 + 8
    cur.y -= 6
    cur.need(height)
    x0 = cur.right - 215
    x1 = cur.right
    top = cur.y
    color = (0.1, 0.2, 0.6)
    for a, b in (
        ((x0, top), (x1, top)),
        ((x0, top - height), (x1, top - height)),
        ((x0, top), (x0, top - height)),
        ((x1, top), (x1, top - height)),
    ):
        cur.ops.append(RuleOp(cur.page, a[0], a[1], b[0], b[1], 0.8, color))
    y = top - 4
    for text in block.lines:
        y -= size * 1.3
        cur.ops.append(TextOp(cur.page, x0 + 5, y, text, "V-sans", size, color))
    cur.y = top - height


def _cell_lines(text: str | None, width: float, size: float, bold: bool) -> list[str]:
    if not text:
        return []
    font = "V-serif-bold" if bold else "V-serif"
    out: list[str] = []
    for part in text.split("\n"):
        out.extend(wrap(part, font, size, width - 6))
    return out


def _table(cur: _Cursor, block: Table) -> None:
    total = cur.right - cur.left
    xs = [cur.left]
    for share in block.widths:
        xs.append(xs[-1] + total * share)
    lh = block.size * 1.2
    n_rows = len(block.rows)

    def row_height(cells: tuple[str | None, ...], bold: bool) -> float:
        lines = [
            len(_cell_lines(c, xs[k + 1] - xs[k], block.size, bold)) for k, c in enumerate(cells)
        ]
        return max([*lines, 1]) * lh + 6

    def draw_row(
        cells: tuple[str | None, ...], heights: list[float], bold: bool, spans: dict[int, int]
    ) -> None:
        top = cur.y
        own = heights[0]
        font = "V-serif-bold" if bold else "V-serif"
        for k, cell in enumerate(cells):
            x0, x1 = xs[k], xs[k + 1]
            if cell is None:
                continue
            span = spans.get(k, 1)
            depth = sum(heights[:span])
            cur.ops.append(RuleOp(cur.page, x0, top, x1, top, 0.6))
            cur.ops.append(RuleOp(cur.page, x0, top - depth, x1, top - depth, 0.6))
            y = top - 3
            for text in _cell_lines(cell, x1 - x0, block.size, bold):
                y -= lh
                centered = bold or text.isdigit()
                x = x0 + 3 if not centered else x0 + (x1 - x0 - _width(text, font, block.size)) / 2
                cur.ops.append(TextOp(cur.page, x, y + 2, text, font, block.size, (0, 0, 0)))
        for k in range(len(cells) + 1):
            x = xs[k]
            cur.ops.append(RuleOp(cur.page, x, top, x, top - own, 0.6))
        cur.y = top - own

    def header() -> None:
        if block.header is None:
            return
        height = row_height(block.header, True)
        cur.need(height)
        draw_row(block.header, [height], True, {})

    cur.y -= 6
    header()
    heights = [row_height(r, i in block.bold_rows) for i, r in enumerate(block.rows)]
    i = 0
    while i < n_rows:
        group = max([block.spans.get((i, k), 1) for k in range(len(block.widths))])
        group_height = sum(heights[i : i + group])
        if cur.y - group_height < cur.bottom:
            cur.new_page()
            if block.repeat_header:
                header()
        for j in range(i, min(i + group, n_rows)):
            spans = {k: n for (r, k), n in block.spans.items() if r == j}
            cells = block.rows[j]
            if len(cells) == 1 and len(block.widths) > 1:
                _full_width_row(cur, xs, cells[0] or "", heights[j], block.size)
                continue
            draw_row(cells, heights[j:], j in block.bold_rows, spans)
        i += group


def _full_width_row(cur: _Cursor, xs: list[float], text: str, height: float, size: float) -> None:
    """A unit heading or section row spanning the whole table."""
    top = cur.y
    x0, x1 = xs[0], xs[-1]
    for a, b in (
        ((x0, top), (x1, top)),
        ((x0, top - height), (x1, top - height)),
        ((x0, top), (x0, top - height)),
        ((x1, top), (x1, top - height)),
    ):
        cur.ops.append(RuleOp(cur.page, a[0], a[1], b[0], b[1], 0.6))
    cur.ops.append(
        TextOp(cur.page, x0 + 4, top - 3 - size * 1.2 + 2, text, "V-serif-bold", size, (0, 0, 0))
    )
    cur.y = top - height


def _border(cur: _Cursor, pages: int) -> None:
    red = (0.72, 0.12, 0.1)
    for page in range(1, pages + 1):
        for inset, width in ((18.0, 3.0), (26.0, 0.8)):
            x0, y0 = inset, inset
            x1, y1 = cur.width - inset, cur.height - inset
            for a, b in (
                ((x0, y0), (x1, y0)),
                ((x1, y0), (x1, y1)),
                ((x1, y1), (x0, y1)),
                ((x0, y1), (x0, y0)),
            ):
                cur.ops.append(RuleOp(page, a[0], a[1], b[0], b[1], width, red))


def lay_out(doc: Composed) -> Laid:
    """Positioned operations for every page of `doc`."""
    register_fonts()
    size = (A4[1], A4[0]) if doc.page.landscape else A4
    cur = _Cursor(size, doc.page.landscape)
    block: Block
    for block in doc.blocks:
        if isinstance(block, Line):
            cur.paragraph(block, cur.left, cur.right)
        elif isinstance(block, Columns):
            _columns(cur, block)
        elif isinstance(block, Table):
            _table(cur, block)
        elif isinstance(block, Stamp):
            _stamp(cur, block)
        elif isinstance(block, PageBreak):
            cur.new_page()
    if doc.page.border:
        _border(cur, cur.page)
    return Laid(ops=tuple(cur.ops), pages=cur.page, size=size)
