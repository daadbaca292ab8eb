"""Two A4 pages scanned side by side on one A3 landscape sheet, read as the two pages.

Archives scanned bound registers and photocopies two pages at a time. Read as one image,
each text row of the left page runs into the row of the right page beside it, so the
sheet is split at its gutter (a band of blank columns down the middle with text on both
sides) and each half is read on its own; the halves' lines follow one another, left page
first, on the sheet's one `Page` (its number stays the file's page number).
"""

import numpy as np
from PIL import Image

from extractors.page_image import INK_CONTRAST, to_gray
from schemas.document_text import BBox, Line, Page, Table, TableRow

MIN_RATIO, MAX_RATIO = 1.25, 1.65  # width / height of a landscape A3 (1.41) and near it
GUTTER_ZONE = (0.38, 0.62)  # where the fold between the two pages lies
MIN_GUTTER = 0.02  # of the width: blank columns this wide at least
MAX_GUTTER_INK = 0.002  # share of a column's pixels that may be ink (dust, a fold line)
MIN_SIDE_INK = 0.25  # each half holds at least this share of the sheet's ink
WORK_WIDTH = 800


def gutter(image: Image.Image) -> int | None:
    """The x (in pixels of `image`) where a two-up sheet splits, or None for one page."""
    width, height = image.size
    if not MIN_RATIO <= width / max(1, height) <= MAX_RATIO:
        return None
    factor = WORK_WIDTH / width
    small = to_gray(image.resize((WORK_WIDTH, max(1, round(height * factor)))))
    paper = float(np.percentile(small, 90))
    ink = small < min(128.0, paper - INK_CONTRAST) if paper > 128 + INK_CONTRAST else small < 128
    rows = ink.shape[0]
    margin = rows // 20  # the sheet's top and bottom edges often carry scanner shadow
    columns = ink[margin : rows - margin].mean(axis=0)
    total = float(columns.sum())
    if total <= 0:
        return None
    start, end = (round(WORK_WIDTH * f) for f in GUTTER_ZONE)
    blank = columns[start:end] <= MAX_GUTTER_INK
    best: tuple[int, int] | None = None  # (length, first column) of the widest blank run
    run = 0
    for index, is_blank in enumerate(blank):
        run = run + 1 if is_blank else 0
        if run and (best is None or run > best[0]):
            best = (run, start + index - run + 1)
    if best is None or best[0] < MIN_GUTTER * WORK_WIDTH:
        return None
    middle = best[1] + best[0] // 2
    left, right = float(columns[:middle].sum()), float(columns[middle:].sum())
    if min(left, right) < MIN_SIDE_INK * total:
        return None
    return round(middle / factor)


def halves(image: Image.Image, x: int) -> tuple[Image.Image, Image.Image]:
    return image.crop((0, 0, x, image.height)), image.crop((x, 0, image.width, image.height))


def join_halves(number: int, left: Page, right: Page, left_width: float, width: float) -> Page:
    """One page of the first page's lines then the second's, boxes in sheet pixels.

    A sheet lying upside down shows its first page on the right: when both halves were
    read turned by 180°, the right half comes first, and boxes are in the turned sheet
    (where that half stands on the left).
    """
    if left.rotation == right.rotation == 180:
        first, second, second_offset = right, left, width - left_width
    else:
        first, second, second_offset = left, right, left_width
    lines = list(first.lines)
    blocks = 1 + max((line.block for line in lines), default=-1)
    lines += [_moved_line(line, second_offset, blocks) for line in second.lines]
    tables = list(first.tables)
    tables += [_moved_table(t, second_offset, len(first.lines)) for t in second.tables]
    confidences = [p.mean_confidence for p in (first, second) if p.mean_confidence is not None]
    return Page(
        number=number,
        source=first.source,
        width=width,
        height=max(first.height or 0, second.height or 0) or None,
        lines=lines,
        tables=tables,
        mean_confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
        rotation=first.rotation if first.rotation == second.rotation else 0,
    )


def _moved(box: BBox | None, dx: float) -> BBox | None:
    return None if box is None else (box[0] + dx, box[1], box[2] + dx, box[3])


def _moved_line(line: Line, dx: float, blocks: int) -> Line:
    words = [w.model_copy(update={"bbox": _moved(w.bbox, dx)}) for w in line.words]
    return line.model_copy(
        update={"words": words, "bbox": _moved(line.bbox, dx), "block": line.block + blocks}
    )


def _moved_table(table: Table, dx: float, lines_before: int) -> Table:
    rows = [
        TableRow(
            cells=[c.model_copy(update={"bbox": _moved(c.bbox, dx)}) for c in row.cells],
            bbox=_moved(row.bbox, dx),
        )
        for row in table.rows
    ]
    return Table(rows=rows, bbox=_moved(table.bbox, dx), position=table.position + lines_before)
