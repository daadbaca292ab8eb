"""Ruled tables on page images: grids from table borders, and OCR words sorted into cells.

Line removal (page_image) already finds the borders; their positions give the rows and
columns, so a bordered award list on a scan comes out as a `Table` like on a text PDF.
"""

from dataclasses import dataclass

from schemas.document_text import Cell, Table, TableRow, Word


@dataclass(frozen=True)
class Segment:
    """A straight ruling stroke; `horizontal` says which way it runs."""

    horizontal: bool
    x0: int
    y0: int
    x1: int
    y1: int


@dataclass(frozen=True)
class Grid:
    """Column and row boundaries of one ruled table, in pixels, both ascending."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= tolerance:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


# Share of the page's width: a gap in a worn rule shorter than this is mended. Less down
# the page: the gap between two tables stacked under their headings must stay a gap.
MAX_BREAK = 0.05
MAX_BREAK_DOWN = 0.02
_SAME_LINE = 4  # px: pieces of one rule lie this close across it


def _mended(segments: list[Segment], across_gap: float, down_gap: float) -> list[Segment]:
    """Rules a worn or thresholded scan broke into pieces, joined again: pieces on one
    line (within a few pixels across it) with gaps along it shorter than `across_gap`
    (horizontal rules) or `down_gap` (vertical ones). A vertical gap that ends at a rule
    on both sides is the space between two tables, and stays."""
    horizontals = _joined([s for s in segments if s.horizontal], True, across_gap, [])
    verticals = _joined([s for s in segments if not s.horizontal], False, down_gap, horizontals)
    return horizontals + verticals


def _joined(
    pieces: list[Segment], horizontal: bool, max_gap: float, rules: list[Segment]
) -> list[Segment]:
    pieces = sorted(pieces, key=lambda s: (s.y0, s.x0) if horizontal else (s.x0, s.y0))
    lines: list[list[Segment]] = []
    for piece in pieces:
        across = piece.y0 if horizontal else piece.x0
        line = next(
            (
                line
                for line in lines
                if abs((line[0].y0 if horizontal else line[0].x0) - across) <= _SAME_LINE
            ),
            None,
        )
        if line is None:
            lines.append([piece])
        else:
            line.append(piece)
    out: list[Segment] = []
    for line in lines:
        line.sort(key=lambda s: s.x0 if horizontal else s.y0)
        run = line[0]
        for piece in line[1:]:
            gap = piece.x0 - run.x1 if horizontal else piece.y0 - run.y1
            if gap <= max_gap and not _between_tables(run, piece, rules):
                run = Segment(
                    horizontal,
                    min(run.x0, piece.x0),
                    min(run.y0, piece.y0),
                    max(run.x1, piece.x1),
                    max(run.y1, piece.y1),
                )
            else:
                out.append(run)
                run = piece
        out.append(run)
    return out


def _between_tables(above: Segment, below: Segment, rules: list[Segment]) -> bool:
    """A vertical rule's gap bounded by horizontal rules at both ends: one table ends and
    the next begins."""
    x = (above.x0 + above.x1) / 2

    def rule_at(y: float) -> bool:
        return any(abs((r.y0 + r.y1) / 2 - y) <= 6 and r.x0 - 10 <= x <= r.x1 + 10 for r in rules)

    return bool(rules) and rule_at(above.y1) and rule_at(below.y0)


def find_grids(segments: list[Segment], page_width: int) -> list[Grid]:
    """Tables with at least 2 rows and 2 columns formed by crossing ruling strokes.

    Two tables of the same width one above the other (`I. TẬP THỂ`, `II. CÁ NHÂN`) are
    told apart by the gap between them that no vertical stroke crosses.
    """
    segments = _mended(segments, MAX_BREAK * page_width, MAX_BREAK_DOWN * page_width)
    horizontals = [s for s in segments if s.horizontal and s.x1 - s.x0 > 0.2 * page_width]
    verticals = [s for s in segments if not s.horizontal]
    grids: list[Grid] = []
    used: set[int] = set()
    for i, h in enumerate(horizontals):
        if i in used:
            continue
        members = [
            j
            for j, o in enumerate(horizontals)
            if min(o.x1, h.x1) - max(o.x0, h.x0) > 0.8 * min(o.x1 - o.x0, h.x1 - h.x0)
        ]
        used.update(members)
        for group in _connected(
            sorted(members, key=lambda j: horizontals[j].y0), horizontals, verticals
        ):
            top = min(horizontals[j].y0 for j in group)
            bottom = max(horizontals[j].y1 for j in group)
            x0 = min(horizontals[j].x0 for j in group)
            x1 = max(horizontals[j].x1 for j in group)
            crossing = [
                v
                for v in verticals
                if x0 - 10 <= (v.x0 + v.x1) / 2 <= x1 + 10 and v.y0 < bottom - 4 and v.y1 > top + 4
            ]
            if len(group) < 3 or len(crossing) < 3:
                continue
            ys = _cluster([(horizontals[j].y0 + horizontals[j].y1) / 2 for j in group], 8)
            xs = _cluster([(v.x0 + v.x1) / 2 for v in crossing], 8)
            if len(ys) >= 3 and len(xs) >= 3:
                grids.append(Grid(tuple(xs), tuple(ys)))
    return _distinct(grids)


def _distinct(grids: list[Grid]) -> list[Grid]:
    """One grid per table: of grids covering the same area (found from different rules of
    one table), the one with the most rows."""
    kept: list[Grid] = []
    for grid in sorted(grids, key=lambda g: -len(g.ys)):
        if not any(_overlap(grid, other) > 0.5 for other in kept):
            kept.append(grid)
    return sorted(kept, key=lambda g: g.ys[0])


def _overlap(a: Grid, b: Grid) -> float:
    """Shared area over the smaller grid's area."""
    ax0, ay0, ax1, ay1 = a.bbox
    bx0, by0, bx1, by1 = b.bbox
    w = min(ax1, bx1) - max(ax0, bx0)
    h = min(ay1, by1) - max(ay0, by0)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))
    return w * h / smaller if smaller > 0 else 0.0


def _connected(
    order: list[int], horizontals: list[Segment], verticals: list[Segment]
) -> list[list[int]]:
    """Split horizontals (top to bottom) where no vertical stroke bridges the gap."""
    groups: list[list[int]] = []
    for j in order:
        if groups:
            above = horizontals[groups[-1][-1]]
            below = horizontals[j]
            gap_top, gap_bottom = above.y1, below.y0
            bridged = any(
                v.y0 <= gap_top + 6
                and v.y1 >= gap_bottom - 6
                and max(above.x0, below.x0) - 10
                <= (v.x0 + v.x1) / 2
                <= min(above.x1, below.x1) + 10
                for v in verticals
            )
            if bridged or gap_bottom - gap_top < 6:
                groups[-1].append(j)
                continue
        groups.append([j])
    return groups


def words_in_grid(words: list[Word], grid: Grid) -> tuple[Table, list[Word]]:
    """The table built from the words inside `grid`, and the words outside it."""
    cells: list[list[list[Word]]] = [
        [[] for _ in range(len(grid.xs) - 1)] for _ in range(len(grid.ys) - 1)
    ]
    outside: list[Word] = []
    for word in words:
        assert word.bbox is not None
        cx, cy = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        row = _index(grid.ys, cy)
        col = _index(grid.xs, cx)
        if row is None or col is None:
            outside.append(word)
        else:
            cells[row][col].append(word)
    rows: list[TableRow] = []
    for r, row_cells in enumerate(cells):
        if not any(row_cells):
            continue
        out_cells = []
        for c, cell_words in enumerate(row_cells):
            ordered = _reading_order(cell_words)
            confidence = sum(w.confidence for w in ordered) / len(ordered) if ordered else 1.0
            repaired = any(w.raw is not None for w in ordered)
            out_cells.append(
                Cell(
                    text=" ".join(w.text for w in ordered),
                    bbox=(grid.xs[c], grid.ys[r], grid.xs[c + 1], grid.ys[r + 1]),
                    confidence=confidence,
                    raw=" ".join(w.raw or w.text for w in ordered) if repaired else None,
                )
            )
        rows.append(
            TableRow(cells=out_cells, bbox=(grid.xs[0], grid.ys[r], grid.xs[-1], grid.ys[r + 1]))
        )
    return Table(rows=rows, bbox=grid.bbox), outside


def _x(word: Word) -> float:
    return word.bbox[0] if word.bbox else 0.0


def _reading_order(words: list[Word]) -> list[Word]:
    """Words of one cell, line by line (vertical overlap), each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bbox[1] + w.bbox[3]) / 2 if w.bbox else 0.0):
        assert word.bbox is not None
        last = lines[-1][-1].bbox if lines else None
        if last is not None:
            overlap = min(last[3], word.bbox[3]) - max(last[1], word.bbox[1])
            smaller = min(last[3] - last[1], word.bbox[3] - word.bbox[1])
            if overlap >= 0.5 * max(smaller, 1.0):
                lines[-1].append(word)
                continue
        lines.append([word])
    return [w for line in lines for w in sorted(line, key=_x)]


def _index(bounds: tuple[float, ...], value: float) -> int | None:
    for i in range(len(bounds) - 1):
        if bounds[i] <= value < bounds[i + 1]:
            return i
    return None
