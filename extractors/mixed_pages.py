"""Pages that are partly a text layer and partly a scanned image, read as one page.

Archives append scanned signatures, lists or whole annexes to typed pages: the text layer
then holds only the typed part, and the image part is read by OCR. Both are put in the
same coordinates (pixels of the 300 DPI rendering OCR read) and laid out together, so the
scanned part takes its place in reading order. A page whose text layer covers only a
small part of it (a typed label on a scan) is OCR'd whole instead.
"""

from collections.abc import Hashable, Sequence

from extractors.layout import table_position, words_to_lines
from schemas.document_text import BBox, Page, PageSource, Table, TableRow, Word

MIN_IMAGE_SHARE = 0.12  # an image this share of the page is a scanned part, not a logo
MAX_TEXT_INSIDE = 0.02  # of its area under the layer's characters: the image is not typed on
MIN_TYPED_SHARE = 0.15  # typed text covering less of the page than this: OCR it whole


def _area(box: BBox) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _centre_in(box: BBox, region: BBox) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def scanned_regions(images: Sequence[BBox], chars: Sequence[BBox], page_area: float) -> list[BBox]:
    """The large images on the page that (almost) no text of the layer lies over: its
    characters inside cover a tiny share of the image, as a typed stamp on a scan does,
    where a page of text covers a quarter of its paper."""
    regions: list[BBox] = []
    for image in images:
        if _area(image) < MIN_IMAGE_SHARE * page_area:
            continue
        inside = sum(_area(c) for c in chars if _centre_in(c, image))
        if inside <= MAX_TEXT_INSIDE * _area(image):
            regions.append(image)
    return regions


MIN_BAND = 20.0  # points of uncovered ink rows: two lines of print at least
BAND_GAP = 14.0  # points: ink rows closer than this belong to one band


def uncovered_bands(ink_rows: Sequence[bool], image: BBox, chars: Sequence[BBox]) -> list[BBox]:
    """Bands of a page-wide image that show print where the text layer has none: a scan
    the typed layer covers only in part (its first paragraphs typed, the rest scanned).

    `ink_rows` says, top to bottom, which rows of the image carry ink; `image` is where
    the image lies on the page, in points like `chars`."""
    if not ink_rows:
        return []
    top, height = image[1], image[3] - image[1]
    step = height / len(ink_rows)
    covered = [False] * len(ink_rows)
    for char in chars:
        first = max(0, int((char[1] - 2 - top) / step))
        last = min(len(ink_rows) - 1, int((char[3] + 2 - top) / step))
        for row in range(first, last + 1):
            covered[row] = True
    bands: list[list[float]] = []
    for row, (ink, typed) in enumerate(zip(ink_rows, covered, strict=True)):
        if not ink or typed:
            continue
        y = top + row * step
        if bands and y - bands[-1][1] <= BAND_GAP:
            bands[-1][1] = y + step
        else:
            bands.append([y, y + step])
    return [(image[0], a, image[2], b) for a, b in bands if b - a >= MIN_BAND]


def typed_share(words: Sequence[BBox], regions: Sequence[BBox], page_area: float) -> float:
    """How much of the page the typed text spans, outside the scanned regions."""
    outside = [w for w in words if not any(_centre_in(w, r) for r in regions)]
    if not outside:
        return 0.0
    box = (
        min(w[0] for w in outside),
        min(w[1] for w in outside),
        max(w[2] for w in outside),
        max(w[3] for w in outside),
    )
    return _area(box) / page_area


def _scaled(box: BBox | None, factor: float) -> BBox | None:
    return (
        None
        if box is None
        else (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)
    )


def _scaled_table(table: Table, factor: float) -> Table:
    rows = [
        TableRow(
            cells=[c.model_copy(update={"bbox": _scaled(c.bbox, factor)}) for c in row.cells],
            bbox=_scaled(row.bbox, factor),
        )
        for row in table.rows
    ]
    return Table(rows=rows, bbox=_scaled(table.bbox, factor))


def merge(typed: Page, scanned: Page, regions: Sequence[BBox]) -> Page:
    """The typed page's words and the OCR'd page's words inside `regions` (in the typed
    page's points), laid out together in the OCR'd page's pixels. A rendering OCR had to
    turn is not the typed page's geometry: it is taken whole."""
    if scanned.rotation:
        return scanned
    factor = (scanned.width or 1.0) / (typed.width or 1.0)
    pixel_regions = [r for r in (_scaled(r, factor) for r in regions) if r is not None]
    words: list[Word] = []
    groups: list[Hashable] = []
    for line in typed.lines:
        for word in line.words:
            words.append(word.model_copy(update={"bbox": _scaled(word.bbox, factor)}))
            groups.append(("typed", line.block))
    for line in scanned.lines:
        for word in line.words:
            if word.bbox is not None and any(_centre_in(word.bbox, r) for r in pixel_regions):
                words.append(word)
                groups.append(("scanned", line.block))
    tables = [_scaled_table(t, factor) for t in typed.tables]
    tables += [
        t
        for t in scanned.tables
        if t.bbox is not None and any(_centre_in(t.bbox, r) for r in pixel_regions)
    ]
    lines = words_to_lines(words, scanned.width or 1.0, groups=groups)
    for table in tables:
        table.position = table_position(lines, table.bbox)
    return Page(
        number=typed.number,
        source=PageSource.ocr,
        width=scanned.width,
        height=scanned.height,
        lines=lines,
        tables=tables,
        mean_confidence=scanned.mean_confidence,
        rotation=scanned.rotation,
    )
