"""From positioned words to lines in reading order — shared by text-layer PDFs and OCR.

Vietnamese administrative documents put two columns side by side at the top (issuer
left; national motto and place-date right) and at the bottom (`Nơi nhận:` left; the
signer right). Read row by row, these interleave into nonsense, so a short run of rows
split into a left and a right part is read as two columns: left lines first, then right.
Everything else (title, subject, body, centred lines) keeps top-to-bottom order.
"""

import itertools
import statistics
import unicodedata
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from schemas.document_text import BBox, Line, Word

COLUMN_GAP = 2.5  # × median word height: a gap this wide always separates two segments
SOFT_GAP = 1.0  # × height: separates when the font/OCR block changes or the gap is central
MAX_ZONE_ROWS = 14  # longer runs of split rows are a table or a list, not a header
ROW_OVERLAP = 0.5


class _Side(Enum):
    left = "left"
    right = "right"
    centre = "centre"
    span = "span"


@dataclass
class _Item:
    word: Word
    box: BBox
    group: Hashable
    line: Hashable = None


@dataclass
class _Row:
    items: list[_Item] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0

    def add(self, item: _Item, top: float | None = None, bottom: float | None = None) -> None:
        self.items.append(item)
        n = len(self.items)
        self.top += ((item.box[1] if top is None else top) - self.top) / n
        self.bottom += ((item.box[3] if bottom is None else bottom) - self.bottom) / n


def words_to_lines(
    words: Sequence[Word],
    page_width: float,
    *,
    groups: Sequence[Hashable] | None = None,
    line_keys: Sequence[Hashable] | None = None,
) -> list[Line]:
    """Group words into lines in reading order.

    `groups` optionally gives each word a layout hint (a font for text layers, an OCR
    block for scans); a moderate gap where the hint changes also separates columns.
    `line_keys` optionally names the line the OCR engine read each word in: those words
    stay in one row even where a typewriter's letters dance above and below it.
    """
    items = [
        _Item(
            w,
            w.bbox,
            groups[i] if groups is not None else None,
            line_keys[i] if line_keys is not None else None,
        )
        for i, w in enumerate(words)
        if w.bbox is not None and w.text.strip()
    ]
    if not items:
        return []
    height = statistics.median(it.box[3] - it.box[1] for it in items) or 1.0
    rows = _group_rows(items)
    left_edge = min(it.box[0] for it in items)
    right_edge = max(it.box[2] for it in items)
    if right_edge - left_edge < page_width * 0.3:  # a narrow snippet: use the page
        left_edge, right_edge = 0.0, page_width
    segmented = [_segments(row, height, left_edge, right_edge) for row in rows]
    sides = [_classify(segs, left_edge, right_edge) for segs in segmented]
    return _emit(rows, segmented, sides, height)


def _units(items: list[_Item]) -> list[tuple[list[_Item], float, float]]:
    """Words an engine read as one line, with that line's typical top and bottom.

    The median edges, not the extremes: one letter struck high or low does not move
    its line into the next. Words without a line key are units of their own.
    """
    by_line: dict[Hashable, list[_Item]] = {}
    units: list[list[_Item]] = []
    for item in items:
        if item.line is None:
            units.append([item])
        elif item.line in by_line:
            by_line[item.line].append(item)
        else:
            by_line[item.line] = [item]
            units.append(by_line[item.line])
    return [
        (
            unit,
            statistics.median(it.box[1] for it in unit),
            statistics.median(it.box[3] for it in unit),
        )
        for unit in units
    ]


def _group_rows(items: list[_Item]) -> list[_Row]:
    rows: list[_Row] = []
    for unit, top, bottom in sorted(_units(items), key=lambda u: (u[1] + u[2]) / 2):
        best, best_ratio = None, ROW_OVERLAP
        for row in rows[-6:]:
            overlap = min(bottom, row.bottom) - max(top, row.top)
            smaller = max(min(bottom - top, row.bottom - row.top), 1e-6)
            if overlap / smaller >= best_ratio:
                best, best_ratio = row, overlap / smaller
        if best is None:
            best = _Row(top=top, bottom=bottom)
            rows.append(best)
            best.items.extend(unit)
        else:
            for item in unit:
                best.add(item, top, bottom)
    rows.sort(key=lambda r: r.top)
    return rows


def _segments(row: _Row, height: float, left: float, right: float) -> list[list[_Item]]:
    mid, band = (left + right) / 2, (right - left) * 0.1
    ordered = sorted(row.items, key=lambda it: it.box[0])
    segments = [[ordered[0]]]
    for prev, cur in itertools.pairwise(ordered):
        gap = cur.box[0] - prev.box[2]
        central = prev.box[2] < mid + band and cur.box[0] > mid - band
        soft = gap > SOFT_GAP * height and (
            cur.group != prev.group or (central and prev.box[2] < mid < cur.box[0])
        )
        if gap > COLUMN_GAP * height or soft:
            segments.append([cur])
        else:
            segments[-1].append(cur)
    return segments


def _classify(segments: list[list[_Item]], left: float, right: float) -> list[_Side]:
    width = right - left
    mid = (left + right) / 2
    sides: list[_Side] = []
    for seg in segments:
        x0, x1 = seg[0].box[0], max(it.box[2] for it in seg)
        centre = (x0 + x1) / 2
        if len(segments) == 1 and abs(centre - mid) < 0.06 * width:
            sides.append(_Side.centre)
        elif x1 <= mid + 0.1 * width and centre < mid:
            sides.append(_Side.left)
        elif x0 >= mid - 0.1 * width and centre > mid:
            sides.append(_Side.right)
        else:
            sides.append(_Side.span)
    return sides


def _is_half(sides: list[_Side]) -> bool:
    """Every segment on one side, at most one segment per side (more is a table row)."""
    return (
        all(s in (_Side.left, _Side.right) for s in sides)
        and sides.count(_Side.left) <= 1
        and sides.count(_Side.right) <= 1
    )


def _zones(sides: list[list[_Side]]) -> list[tuple[int, int]]:
    """Runs [start, end) of rows read as two columns."""
    zones: list[tuple[int, int]] = []
    i = 0
    while i < len(sides):
        if not _is_half(sides[i]):
            i += 1
            continue
        j = i
        while j < len(sides) and _is_half(sides[j]):
            j += 1
        run = sides[i:j]
        has_both = any(_Side.left in s and _Side.right in s for s in run)
        lefts = any(s == [_Side.left] for s in run) or has_both
        rights = any(s == [_Side.right] for s in run) or has_both
        if (has_both or (lefts and rights)) and j - i <= MAX_ZONE_ROWS:
            zones.append((i, j))
        i = j
    return zones


def _emit(
    rows: list[_Row], segmented: list[list[list[_Item]]], sides: list[list[_Side]], height: float
) -> list[Line]:
    lines: list[Line] = []
    zone_at = dict(_zones(sides))
    block = -1
    previous_bottom: float | None = None
    i = 0
    while i < len(rows):
        if i in zone_at:
            end = zone_at[i]
            for wanted in (_Side.left, _Side.right):
                block += 1
                for r in range(i, end):
                    for seg, side in zip(segmented[r], sides[r], strict=True):
                        if side == wanted:
                            lines.append(_line(seg, block))
            previous_bottom = None
            i = end
            continue
        row = rows[i]
        if previous_bottom is None or row.top - previous_bottom > 1.2 * height:
            block += 1
        lines.extend(_line(seg, block) for seg in segmented[i])
        previous_bottom = row.bottom
        i += 1
    return lines


def _line(segment: list[_Item], block: int) -> Line:
    words = [it.word for it in segment]
    text = unicodedata.normalize("NFC", " ".join(w.text for w in words))
    box = (
        min(it.box[0] for it in segment),
        min(it.box[1] for it in segment),
        max(it.box[2] for it in segment),
        max(it.box[3] for it in segment),
    )
    confidence = sum(w.confidence for w in words) / len(words)
    return Line(text=text, words=words, bbox=box, block=block, confidence=confidence)


def table_position(lines: Sequence[Line], table_box: BBox | None) -> int:
    """Index of the first line below the table's top (lines are in reading order)."""
    if table_box is None:
        return len(lines)
    for index, line in enumerate(lines):
        if line.bbox is not None and line.bbox[1] >= table_box[1]:
            return index
    return len(lines)
