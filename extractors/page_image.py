"""Preparing one page image for OCR, deciding each step from the page itself.

Measured on skewed, noisy scans (FACTS.md): deskew + Otsu + removing table ruling lines
took the character error rate from 10.6% to 0.27%, while deskew + Otsu *without* line
removal made Tesseract drop bordered tables. So lines are always removed when found, and
steps that are not needed (no skew, no lines, text already large enough) are skipped.
"""

import math
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from extractors.page_outline import straighten_photo
from extractors.ruled_grid import Grid, Segment, find_grids

Gray = NDArray[np.uint8]

MAX_SIDE = 5000  # larger pages are downscaled: Tesseract gains nothing past ~400 DPI
TARGET_TEXT_HEIGHT = 24.0  # px, median glyph height Tesseract reads best (~300 DPI, 12 pt)
MIN_TEXT_HEIGHT = 15.0  # below this the page is upsampled towards the target
MIN_SKEW_DEGREES = 0.3
NOISY = 3.0  # median |pixel - median3(pixel)|: 0 on renderings, ~2 light scans, 6+ heavy
MAX_SKEW_DEGREES = 8.0
INK_CONTRAST = 48  # gray levels below the paper that are surely ink, however faded


@dataclass(frozen=True)
class PrepareOptions:
    """Which steps may run; every one still decides per page whether it is needed."""

    flatten_photo: bool = True
    denoise: bool = True
    rescale: bool = True
    deskew: bool = True
    flatten_background: bool = True
    binarize: bool = True
    despeckle: bool = True
    remove_lines: bool = True
    remove_frame: bool = True
    remove_seals: bool = True


@dataclass
class PreparedImage:
    image: Image.Image  # mode "L", what the OCR engine reads
    scale: float  # prepared pixels per original pixel
    angle: float = 0.0  # degrees the page was rotated to straighten it
    steps: list[str] = field(default_factory=list)
    blank: bool = False
    grids: list[Grid] = field(default_factory=list)  # ruled tables, in prepared pixels
    size: tuple[int, int] | None = None  # the page's (width, height) once a photo is flattened


def to_gray(image: Image.Image) -> Gray:
    """Any Pillow mode to 8-bit gray, transparency composited on white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.asarray(image, dtype=np.float64)
        top = float(array.max()) or 1.0
        return (array * (255.0 / top)).astype(np.uint8)
    return np.asarray(image.convert("L"), dtype=np.uint8).copy()


def is_blank(gray: Gray) -> bool:
    """A page with (almost) no ink: nothing for OCR to read.

    Ink is judged against the paper, not mid-gray: a faded typewritten page has barely
    any pixel below 128 once shrunk, yet its strokes stand well apart from its paper.
    """
    small = _shrink(gray, 800)
    ink = small < max(128, _paper(small) - INK_CONTRAST)
    return bool(ink.mean() < 0.0005 or float(small.std()) < 2.0)


def prepare_for_ocr(image: Image.Image, options: PrepareOptions | None = None) -> PreparedImage:
    options = options or PrepareOptions()
    gray = to_gray(image)
    size: tuple[int, int] | None = None
    if options.flatten_photo:
        flat = straighten_photo(image, gray)
        if flat is not None:
            image, gray, size = flat, to_gray(flat), flat.size
    seals = 0
    if options.remove_seals and image.mode in ("RGB", "RGBA", "P", "CMYK"):
        gray, seals = remove_red_seals(image, gray)
    if is_blank(gray):
        return PreparedImage(Image.fromarray(gray), 1.0, blank=True, size=size)
    steps: list[str] = [f"unseal {seals}"] if seals else []
    if size is not None:
        steps.insert(0, "flatten photo")
    noise = noise_level(gray)
    if options.denoise and noise >= NOISY:
        gray = np.asarray(cv2.medianBlur(gray, 3), dtype=np.uint8)
        steps.append("median3")
    scale = 1.0
    if options.rescale:
        scale = _choose_scale(gray)
        if scale != 1.0:
            interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
            height, width = gray.shape
            # Not `size`: that is the page's size, which boxes (divided by `scale`) are in.
            scaled = (max(1, round(width * scale)), max(1, round(height * scale)))
            gray = np.asarray(cv2.resize(gray, scaled, interpolation=interpolation), dtype=np.uint8)
            steps.append(f"scale {scale:.2f}")
    angle = 0.0
    if options.deskew:
        angle = estimate_skew(gray)
        if abs(angle) > MIN_SKEW_DEGREES:
            # A page OCR will read in gray keeps gray corners: white ones would draw a
            # slanted edge down its margin, which OCR reads as a column of junk letters.
            gray = rotate(gray, angle, keep_edges=noise == 0)
            steps.append(f"deskew {angle:.2f}")
        else:
            angle = 0.0
    if options.remove_frame:  # after deskew: a skewed frame line fills no single row
        unframed = remove_frame(gray)
        if unframed is not None:
            gray = unframed
            steps.append("unframe")
    uneven = _uneven_background(gray)
    if options.flatten_background and uneven:
        gray = flatten_background(gray)
        steps.append("flatten")
    # A clean rendering is already crisp; thresholding it only loses anti-aliasing.
    if options.binarize and (noise > 0 or uneven):
        _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        gray = np.asarray(binary, dtype=np.uint8)
        steps.append("otsu")
    glyph = text_height(gray)  # once for both: removing specks barely moves the median
    if options.despeckle:
        cleaned, specks = despeckle(gray, glyph)
        if specks:
            gray = cleaned
            steps.append(f"despeckle {specks}")
    if options.remove_lines:
        found = ruling_lines(gray, glyph)
        if found is not None:
            mask, segments = found
            grids = find_grids(segments, gray.shape[1])
            gray = gray.copy()
            gray[mask > 0] = 255
            steps.append("unline")
            return PreparedImage(Image.fromarray(gray), scale, angle, steps, grids=grids, size=size)
    return PreparedImage(Image.fromarray(gray), scale, angle, steps, size=size)


def noise_level(gray: Gray) -> float:
    """Typical pixel deviation from its 3×3 median: sensor/JPEG noise, not text."""
    small = gray if gray.size <= 4_000_000 else gray[::2, ::2]
    residual = cv2.absdiff(small, cv2.medianBlur(small, 3))
    return _median(np.asarray(residual, dtype=np.uint8))


def _median(values: Gray) -> float:
    """`np.median` of 8-bit values, read off their histogram instead of sorting them."""
    below = np.cumsum(cv2.calcHist([values], [0], None, [256], [0, 256]).ravel())
    middle = (values.size - 1) / 2
    low = int(np.searchsorted(below, np.floor(middle) + 1))
    high = int(np.searchsorted(below, np.ceil(middle) + 1))
    return (low + high) / 2


def _shrink(gray: Gray, max_side: int) -> Gray:
    """A copy no larger than `max_side`, for measuring the page, not for reading it.

    Averaging whole blocks of pixels first (an integer factor, on even-sized crops) is
    twenty times cheaper than OpenCV's area resampling by an arbitrary factor.
    """
    height, width = gray.shape
    factor = max_side / max(height, width)
    if factor >= 1:
        return gray
    step = int(1 / factor)
    if step >= 2:
        gray = _blocks(gray, step)
        height, width = gray.shape
        factor = max_side / max(height, width)
        if factor >= 1:
            return gray
    size = (max(1, int(width * factor)), max(1, int(height * factor)))
    return np.asarray(cv2.resize(gray, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _blocks(gray: Gray, step: int) -> Gray:
    """The page averaged over `step`×`step` blocks (a ragged edge row or column dropped)."""
    height, width = gray.shape
    cropped = gray[: height - height % step, : width - width % step]
    size = (cropped.shape[1] // step, cropped.shape[0] // step)
    return np.asarray(cv2.resize(cropped, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def text_height(gray: Gray) -> float | None:
    """Median height of glyph-sized connected components, in pixels.

    Measured at half size on large pages (four times fewer pixels to label), which
    changes the median by well under the rounding of the decisions made from it.
    """
    if gray.size > 2_000_000:
        height, width = gray.shape
        factor = (max(height, width) // 2) / max(height, width)
        size = (max(1, int(width * factor)), max(1, int(height * factor)))
        # Not `_blocks`: the median moves by a pixel with the resampling, and the speck
        # size judged from it with it; these are the sizes the speck limit was tuned on.
        half = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
        found = _text_height(np.asarray(half, dtype=np.uint8))
        return None if found is None else 2 * found
    return _text_height(gray)


def _text_height(gray: Gray) -> float | None:
    _, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(inv, connectivity=8)
    if count <= 1:
        return None
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    limit = gray.shape[0] / 8
    small = 2 if gray.size <= 1_000_000 else 4
    sized = (heights < limit) & (widths < limit) & (widths >= 1)
    glyphs = heights[(heights >= small) & sized]
    if len(glyphs) and np.count_nonzero(glyphs < 2 * small) > len(glyphs) / 2:
        # a speckled page (a worn photocopy, a noisy 150 DPI scan): specks outnumber
        # letters, and the page would be measured, scaled and despeckled by its dust
        glyphs = heights[(heights >= 2 * small) & sized]
    if len(glyphs) < 20:
        return None
    return float(np.median(glyphs))


def _choose_scale(gray: Gray) -> float:
    height, width = gray.shape
    if max(height, width) > MAX_SIDE:
        return float(MAX_SIDE / max(height, width))
    glyph = text_height(gray)
    if glyph is not None and glyph < MIN_TEXT_HEIGHT:
        factor = min(3.0, TARGET_TEXT_HEIGHT / glyph, MAX_SIDE / max(height, width))
        return factor if factor > 1.05 else 1.0
    return 1.0


def estimate_skew(gray: Gray) -> float:
    """Skew in degrees (positive = text rises to the right), by projection profile.

    The angle whose horizontal projection of the ink has the sharpest peaks (text rows
    and ruling lines lined up) wins; a coarse sweep is refined around the best angle.
    """
    small = _shrink(gray, 1400)
    _, inv = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(inv)
    if len(ys) < 200:
        return 0.0
    if len(ys) > 200_000:
        pick = np.random.default_rng(0).choice(len(ys), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    yf = ys.astype(np.float64)
    xf = xs.astype(np.float64) - small.shape[1] / 2
    along, across = np.empty_like(yf), np.empty_like(yf)  # reused by every angle tried
    rows = np.empty(len(yf), dtype=np.int64)

    def score(degrees: float) -> float:
        theta = np.deg2rad(degrees)
        np.multiply(yf, np.cos(theta), out=along)
        np.multiply(xf, np.sin(theta), out=across)
        np.round(np.add(along, across, out=along), out=along)
        rows[:] = along
        hist = np.bincount(np.subtract(rows, rows.min(), out=rows))
        return float(np.dot(hist, hist))

    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.5)
    best = float(max(coarse, key=score))
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    return round(float(max(fine, key=score)), 2)


def rotate(gray: Gray, degrees: float, *, keep_edges: bool = False) -> Gray:
    """Rotate about the centre so text rows become horizontal.

    New corners are white, or with `keep_edges` repeat the page's edge pixels.
    """
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -degrees, 1.0)
    border = cv2.BORDER_REPLICATE if keep_edges else cv2.BORDER_CONSTANT
    rotated = cv2.warpAffine(
        gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=border, borderValue=(255,)
    )
    return np.asarray(rotated, dtype=np.uint8)


def _uneven_background(gray: Gray) -> bool:
    """Photos have shading a global threshold cannot split; flat scans do not."""
    background = cv2.morphologyEx(
        _shrink(gray, 600), cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    )
    low, high = np.percentile(background, [5, 95])
    return bool(high - low > 40)


def flatten_background(gray: Gray) -> Gray:
    """Divide by the estimated paper brightness so shading becomes white paper."""
    height, width = gray.shape
    k = max(15, (min(height, width) // 40) | 1)
    small = _shrink(gray, 1000)
    factor = small.shape[1] / width
    ks = max(3, int(k * factor) | 1)
    background = cv2.morphologyEx(
        small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (ks, ks))
    )
    background = cv2.GaussianBlur(background, (ks, ks), 0)
    background = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    ratio = gray.astype(np.float32) / np.maximum(background.astype(np.float32), 1.0)
    return np.asarray(np.clip(ratio * 255.0, 0, 255), dtype=np.uint8)


def ruling_lines(gray: Gray, glyph: float | None = None) -> tuple[Gray, list[Segment]] | None:
    """Mask of long, thin horizontal and vertical strokes (table borders), or None.

    A stroke must be long against both the page (120 px at 300 DPI, as measured) and
    the text (4 glyph heights), and thin against the text, so letter stems of large
    titles are never taken for table borders.
    """
    width = gray.shape[1]
    _, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    glyph = glyph or text_height(gray) or 20.0
    length = max(40, round(width * 120 / 2480), round(4 * glyph))
    thickness = max(6.0, 0.4 * glyph)
    mask: Gray = np.zeros(inv.shape, dtype=np.uint8)
    segments: list[Segment] = []
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(
            cv2.MORPH_RECT, (length, 1) if horizontal else (1, length)
        )
        opened = np.asarray(cv2.morphologyEx(inv, cv2.MORPH_OPEN, kernel), dtype=np.uint8)
        strokes, found = _thin_strokes(opened if horizontal else opened.T, thickness)
        mask |= strokes if horizontal else strokes.T
        segments += [
            Segment(True, x0, y0, x1, y1) if horizontal else Segment(False, y0, x0, y1, x1)
            for x0, y0, x1, y1 in found
        ]
    if int(np.count_nonzero(mask)) < length:
        return None
    grown = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return np.asarray(grown, dtype=np.uint8), segments


def _thin_strokes(opened: Gray, thickness: float) -> tuple[Gray, list[tuple[int, int, int, int]]]:
    """The strokes running along the rows of `opened` (a page opened by a long kernel)
    that are no thicker than `thickness` on average: their mask and their boxes.

    The opened page is nearly empty, so only its rows with ink are labelled, a blank row
    kept between runs of rows that are not adjacent so that no two strokes join.
    """
    rows = np.flatnonzero(opened.any(axis=1))
    strokes = np.zeros_like(opened)
    if rows.size == 0:
        return strokes, []
    breaks = np.concatenate(([0], np.cumsum(np.diff(rows) > 1)))
    positions = np.arange(rows.size) + breaks  # each run of rows one blank row further down
    compact = np.zeros((int(positions[-1]) + 1, opened.shape[1]), dtype=np.uint8)
    compact[positions] = opened[rows]
    count, labels, stats, _ = cv2.connectedComponentsWithStats(compact, connectivity=8)
    row_at = np.zeros(compact.shape[0], dtype=np.int64)
    row_at[positions] = rows
    keep = np.zeros(count, dtype=bool)
    boxes: list[tuple[int, int, int, int]] = []
    for label in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[label])
        if area / max(w, 1) <= thickness:
            keep[label] = True
            top = int(row_at[y])
            boxes.append((x, top, x + w, top + h))
    if keep.any():
        strokes[rows] = np.where(keep[labels[positions]], 255, 0).astype(np.uint8)
    return strokes, boxes


SPECK_AREA = 0.015  # × glyph height²: dust, toner and drum specks are smaller than this
SPECK_REACH = 0.4  # × glyph height: a mark of a letter (a dot, a tone mark) lies this close


def despeckle(gray: Gray, glyph: float | None = None) -> tuple[Gray, int]:
    """Dust and toner specks painted out; returns the page and how many went.

    Tesseract reads specks in the margins and between lines as `.`, `'`, `-` or as
    letters glued to words (`- Điều 1. .`), which breaks line starts a parser relies on.
    A speck is a blot far smaller than a letter with no other ink near it; the dots and
    tone marks of letters are as small, but always lie close to their letter.
    """
    glyph = glyph or text_height(gray)
    if glyph is None:
        return gray, 0
    # Blots are found with a threshold halfway between ink and paper, so faint ink (a
    # coloured title gone gray, a faded stroke) joins its letter instead of looking alone.
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    halfway = (threshold + _paper(gray)) / 2
    # 1 where gray < halfway, as one OpenCV pass (integers: gray <= ceil(halfway) - 1)
    _, loose = cv2.threshold(gray, math.ceil(halfway) - 1, 1, cv2.THRESH_BINARY_INV)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(loose, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= max(2.0, SPECK_AREA * glyph * glyph)
    small[0] = False
    if not small.any():
        return gray, 0
    other = ~small
    other[0] = False
    reach = max(3, round(2 * SPECK_REACH * glyph) | 1)
    near_ink = cv2.dilate(
        np.asarray(other[labels], dtype=np.uint8), np.ones((reach, reach), dtype=np.uint8)
    )
    # ink near no larger blot: a small blot's pixels (larger blots lie within their reach)
    lonely = (loose > 0) & (near_ink == 0)
    specks = len(np.unique(labels[lonely]))
    if not specks:
        return gray, 0
    # Painted with the paper around each speck, so a gray page gets no white holes.
    around = cv2.dilate(gray, np.ones((5, 5), dtype=np.uint8))
    spots = cv2.dilate(lonely.astype(np.uint8), np.ones((3, 3), dtype=np.uint8)) > 0
    out = gray.copy()
    out[spots] = around[spots]
    return out, specks


FRAME_BAND = 0.12  # a frame lies within this share of the page from each edge
FRAME_FILL = 0.6  # share of a frame row (or column) that is ink once its pattern is closed
RULE_GAP = 5  # pixels: breaks in a scanned table rule that still make it one line


def remove_frame(gray: Gray) -> Gray | None:
    """Blank the ornamental frame of a certificate (or a scanner's dark edge), or None.

    A frame is a band of rows (or columns) near each of the four edges that is ink across
    most of the page once its dotted or patterned drawing is closed; text never fills a
    row that far, and a table's border does not close on all four sides near the edges.
    Everything from the edge to the innermost frame line is painted white, so the OCR
    engine does not read the ornament as rows of symbols.
    """
    height, width = gray.shape
    _, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    cut: dict[str, int] = {}
    reach = max(5, width // 60)
    kernel_rows = cv2.getStructuringElement(cv2.MORPH_RECT, (reach, 1))
    kernel_cols = cv2.getStructuringElement(cv2.MORPH_RECT, (1, reach))
    middle_x = slice(int(width * 0.15), int(width * 0.85))
    middle_y = slice(int(height * 0.15), int(height * 0.85))
    band_y, band_x = int(height * FRAME_BAND), int(width * FRAME_BAND)
    margin = max(2, reach // 2)
    # Only the bands are measured: closing along rows (or columns) keeps each row (or
    # column) to itself, so closing the band alone gives the same rows as closing the page.
    top, bottom = (
        _filled(cv2.morphologyEx(inv[rows], cv2.MORPH_CLOSE, kernel_rows)[:, middle_x], 1)
        for rows in (slice(0, band_y), slice(height - band_y, height))
    )
    if not (top.size and bottom.size):
        return None
    left, right = (
        _filled(cv2.morphologyEx(inv[:, cols], cv2.MORPH_CLOSE, kernel_cols)[middle_y], 0)
        for cols in (slice(0, band_x), slice(width - band_x, width))
    )
    if not (left.size and right.size):
        return None  # a frame closes on all four sides; a table border alone does not
    if _ruled_rows(inv[band_y : height - band_y], middle_x) >= 2:
        return None  # a page-long table: its row lines cross the page between the bands
    cut["top"] = int(top.max()) + margin
    cut["bottom"] = height - band_y + int(bottom.min()) - margin
    cut["left"] = int(left.max()) + margin
    cut["right"] = width - band_x + int(right.min()) - margin
    out = np.full_like(gray, _paper(gray))
    out[cut["top"] : cut["bottom"], cut["left"] : cut["right"]] = gray[
        cut["top"] : cut["bottom"], cut["left"] : cut["right"]
    ]
    return out


def _ruled_rows(inv: NDArray[Any], middle_x: slice) -> int:
    """How many separate solid rules cross the middle of `inv`: a table's row lines do;
    a certificate's text, even its title in large letters, leaves gaps between letters
    (only breaks a few pixels wide, from scanning, are closed)."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (RULE_GAP, 1))
    rows = _filled(cv2.morphologyEx(inv, cv2.MORPH_CLOSE, kernel)[:, middle_x], 1)
    if rows.size == 0:
        return 0
    return int(1 + np.count_nonzero(np.diff(rows) > 1))


def _filled(closed: NDArray[Any], axis: int) -> NDArray[np.intp]:
    """Indices of the rows (axis 1) or columns (axis 0) mostly ink once closed."""
    return np.nonzero((closed > 0).mean(axis=axis) > FRAME_FILL)[0]


def _paper(gray: Gray) -> int:
    """The page's paper tone: the brightest common gray level (the 90th percentile).

    Read off the histogram, which gives `np.percentile`'s value without sorting pixels.
    """
    histogram = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel()
    below = np.cumsum(histogram)
    position = 0.9 * (gray.size - 1)  # linear interpolation between neighbouring ranks
    low = int(np.searchsorted(below, np.floor(position) + 1))
    high = int(np.searchsorted(below, np.floor(position) + 2))
    return int(low + (position - np.floor(position)) * (high - low))


SEAL_REDNESS = 50  # red minus the larger of green and blue, for stamp ink


def remove_red_seals(image: Image.Image, gray: Gray) -> tuple[Gray, int]:
    """Paint red stamp ink white inside red circles (seals); red titles stay.

    A seal is a red circle several lines of text across, often stamped over the
    signer's name, which is in black ink and stays. Circles are found by a Hough
    transform on the red ink, so a seal touching a red frame is still found.
    """
    red_channel, green, blue = cv2.split(np.asarray(image.convert("RGB"), dtype=np.uint8))
    # redness = red - max(green, blue), saturating at 0: the same above a positive limit
    redness = cv2.subtract(red_channel, cv2.max(green, blue))
    _, red = cv2.threshold(redness, SEAL_REDNESS, 255, cv2.THRESH_BINARY)
    if int(np.count_nonzero(red)) < 500:
        return gray, 0
    height, width = gray.shape
    factor = min(1.0, 800 / max(height, width))
    small = cv2.resize(
        red, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA
    )
    small_side = min(small.shape)
    circles = cv2.HoughCircles(
        cv2.GaussianBlur(small, (5, 5), 0),
        cv2.HOUGH_GRADIENT,
        dp=1.5,
        minDist=small_side * 0.1,
        param1=120,
        param2=40,
        minRadius=round(small_side * 0.055),
        maxRadius=round(small_side * 0.2),
    )
    if circles is None:
        return gray, 0
    out = gray.copy()
    paper = _paper(gray)
    seals = 0
    yy, xx = np.ogrid[:height, :width]
    for cx, cy, r in circles[0]:
        cx, cy, r = cx / factor, cy / factor, r / factor * 1.6  # outer rings of a seal too
        x0, x1 = max(0, int(cx - r)), min(width, int(cx + r) + 1)
        y0, y1 = max(0, int(cy - r)), min(height, int(cy + r) + 1)
        inside = (yy[y0:y1] - cy) ** 2 + (xx[:, x0:x1] - cx) ** 2 <= r * r
        if not _is_ring(red[y0:y1, x0:x1] > 0, cx - x0, cy - y0, r / 1.6):
            continue
        region = out[y0:y1, x0:x1]
        # inside the stamp, fainter red (its anti-aliased edges) goes too; black stays
        region[inside & (red[y0:y1, x0:x1] > 0)] = paper
        seals += 1
    return out, seals


def _is_ring(mask: NDArray[np.bool_], cx: float, cy: float, radius: float) -> bool:
    """A stamp's outline: red ink all the way round the circle, not a letter's arc."""
    ys, xs = np.nonzero(mask)
    if len(ys) < 50:
        return False
    distance = np.hypot(ys - cy, xs - cx)
    rim = (distance > 0.82 * radius) & (distance < 1.06 * radius)
    if not rim.any():
        return False
    angles = np.arctan2(ys[rim] - cy, xs[rim] - cx)
    bins = np.unique(((angles + np.pi) / (2 * np.pi) * 48).astype(int) % 48)
    return len(bins) >= 40
