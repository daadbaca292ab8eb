"""OCR of page images: one page per task, pages spread over worker processes.

Workers compute and return `Page`s; the parent only collects them in page order. A
single page runs in this process (a pool costs more than it saves). Each worker runs
the engine single-threaded, so `workers` processes use `workers` cores.
"""

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from PIL import Image

from extractors.errors import ExtractionError, OcrError
from extractors.glued_words import rejoin_family_names, unglue
from extractors.layout import table_position, words_to_lines
from extractors.ocr_debris import clean_words
from extractors.ocr_engine import OcrEngine, OcrWord
from extractors.page_image import PrepareOptions, prepare_for_ocr
from extractors.roman_numerals import read_roman_numerals
from extractors.ruled_grid import Grid, words_in_grid
from extractors.syllables import is_syllable
from extractors.tone_repair import repair_line
from extractors.two_up import gutter, halves, join_halves
from schemas.document_text import Page, PageSource, Table, Word

PageJob = tuple[int, Image.Image]

# A page image larger than this is shrunk before OCR: an A2 sheet at 300 DPI is ~35 MP,
# and text on anything larger is still far above the height Tesseract reads best.
MAX_OCR_PIXELS = 36_000_000


def fit_for_ocr(image: Image.Image) -> Image.Image:
    """The image, shrunk to at most `MAX_OCR_PIXELS` (aspect kept) when larger."""
    pixels = image.width * image.height
    if pixels <= MAX_OCR_PIXELS:
        return image
    factor = (MAX_OCR_PIXELS / pixels) ** 0.5
    size = (max(1, int(image.width * factor)), max(1, int(image.height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


# Share of words (two letters or more) that are syllables or numbers: upright pages
# measured 0.60-0.97 (heavy damage lowest), pages upside down 0.11-0.21.
UPRIGHT_SHARE = 0.5
MIN_WORDS_TO_JUDGE = 15
MIN_WORDS_TO_TURN = 3


def ocr_page(
    number: int, image: Image.Image, engine: OcrEngine, options: PrepareOptions | None = None
) -> Page:
    """Prepare one page image, recognize it, and lay its words out in reading order.

    A page that reads as gibberish may be lying upside down or sideways: it is read
    again turned (180°, then 90° each way), and the turn that reads as Vietnamese wins.
    Upright pages, nearly all of them, are read once. Boxes are in pixels of the image
    as given, or as turned (`Page.rotation`).
    """
    split = gutter(image)
    if split is not None:  # two pages on one sheet: each read on its own
        return _two_up(number, image, split, engine, options)[0]
    page = _read_page(number, image, engine, options)
    if _reads_as_vietnamese(page):
        return page
    # A page that read as (nearly) nothing is turned only for a reading that is plainly a
    # page of Vietnamese: a stamp or a scrap of handwriting must not win by one word.
    clear_win_only = len(_judged_words(page)) < MIN_WORDS_TO_TURN
    best, best_score = page, _vietnamese_score(page)
    for angle in (180, 90, 270):
        turned_image = image.rotate(angle, expand=True)
        split = gutter(turned_image) if angle != 180 else None  # a two-up sheet lying sideways
        if split is not None:
            turned, half_turned = _two_up(number, turned_image, split, engine, options)
            if half_turned:
                continue  # a half stood upside down: the sheet lies the other way round
        else:
            turned = _read_page(number, turned_image, engine, options)
        turned.rotation = angle
        score = _vietnamese_score(turned)
        if clear_win_only and not (
            _reads_as_vietnamese(turned) and len(_judged_words(turned)) >= MIN_WORDS_TO_JUDGE
        ):
            continue
        if score > best_score:
            best, best_score = turned, score
        if _reads_as_vietnamese(turned):
            break
    return best


def _two_up(
    number: int, image: Image.Image, split: int, engine: OcrEngine, options: PrepareOptions | None
) -> tuple[Page, bool]:
    """The sheet's two pages read and joined, and whether either had to be turned 180°."""
    left, right = (ocr_page(number, half, engine, options) for half in halves(image, split))
    turned = 180 in (left.rotation, right.rotation)
    return join_halves(number, left, right, split, image.width), turned


def _page_words(page: Page) -> list[str]:
    words = [w.text for line in page.lines for w in line.words]
    for table in page.tables:
        words += [word for row in table.rows for cell in row.cells for word in cell.text.split()]
    return words


def _judged_words(page: Page) -> list[str]:
    """Words of two characters or more: a page read the wrong way round is full of single
    letters and digits (`g`, `0`), which would pass for words and numbers."""
    words = (w.strip(".,:;()[]\"'-") for w in _page_words(page))
    return [w for w in words if len(w) >= 2]


def _vietnamese_score(page: Page) -> float:
    """How many words read as Vietnamese syllables or numbers: gibberish scores low."""
    if _sideways(page):
        return 0.0
    return sum(1.0 for w in _judged_words(page) if _NUMBER.fullmatch(w) or is_syllable(w))


_NUMBER = re.compile(r"[\d.,/:-]+")  # `2021`, `25/08/2020`, `1.490.000`; not `Z0c`


def _sideways(page: Page) -> bool:
    """Tesseract reads a sideways page's lines too, but its word boxes stand upright."""
    boxes = [w.bbox for line in page.lines for w in line.words if w.bbox and len(w.text) >= 3]
    tall = sum(1 for x0, y0, x1, y1 in boxes if (y1 - y0) > (x1 - x0))
    return bool(boxes) and tall > len(boxes) / 2


def _reads_as_vietnamese(page: Page) -> bool:
    if _sideways(page):
        return False
    words = _judged_words(page)
    if len(words) < MIN_WORDS_TO_TURN:
        # A page with ink that reads as no words at all is most often lying sideways:
        # Tesseract finds no line across letters standing on end.
        return False
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True  # a near-empty page (a stamp, a signature) is not worth turning
    return _vietnamese_score(page) >= UPRIGHT_SHARE * len(words)


def _read_page(
    number: int, image: Image.Image, engine: OcrEngine, options: PrepareOptions | None
) -> Page:
    prepared = prepare_for_ocr(image, options)
    width, height = prepared.size or image.size
    if prepared.blank:
        return Page(number=number, source=PageSource.ocr, width=width, height=height)
    try:
        result = engine.recognize(prepared.image)
    except ExtractionError:
        raise
    except Exception as exc:  # an engine bug is still an OCR failure of this page
        raise OcrError(f"OCR engine {engine.name!r} failed on page {number}: {exc}") from exc
    scale = prepared.scale or 1.0
    words: list[Word] = []
    groups: list[int] = []
    line_keys: list[tuple[int, int, int]] = []
    # What is not print (erased borders, specks, the scan's edge) goes first, then words
    # glued together are split, then marks are repaired.
    recognized = rejoin_family_names(unglue(clean_words(result.words, *prepared.image.size)))
    for w, text in zip(recognized, _repaired_texts(recognized), strict=True):
        box = (w.bbox[0] / scale, w.bbox[1] / scale, w.bbox[2] / scale, w.bbox[3] / scale)
        raw = w.text if text != w.text else None
        words.append(Word(text=text, bbox=box, confidence=w.confidence, raw=raw))
        groups.append(w.block)
        line_keys.append((w.block, w.paragraph, w.line))
    tables: list[Table] = []
    for grid in prepared.grids:
        original = Grid(tuple(x / scale for x in grid.xs), tuple(y / scale for y in grid.ys))
        table, outside = words_in_grid(words, original)
        if table.rows:
            kept = {id(w) for w in outside}
            groups = [g for w, g in zip(words, groups, strict=True) if id(w) in kept]
            line_keys = [k for w, k in zip(words, line_keys, strict=True) if id(w) in kept]
            words = outside
            tables.append(table)
    lines = words_to_lines(words, width, groups=groups, line_keys=line_keys)
    for table in tables:
        table.position = table_position(lines, table.bbox)
    return Page(
        number=number,
        source=PageSource.ocr,
        width=width,
        height=height,
        lines=lines,
        tables=tables,
        mean_confidence=round(result.mean_confidence, 2) if result.words else None,
    )


def _repaired_texts(words: Sequence[OcrWord]) -> list[str]:
    """Tone marks repaired line by line, as Tesseract grouped the words into lines, each
    line seeing the next line's first word when the sentence runs on into it (same
    paragraph, a lowercase word: list rows and table cells start with capitals)."""
    lines: list[list[OcrWord]] = []
    for word in words:
        if lines and _line_key(lines[-1][0]) == _line_key(word):
            lines[-1].append(word)
        else:
            lines.append([word])
    texts: list[str] = []
    if not lines:
        return texts  # nothing recognized (a page turned the wrong way may read as nothing)
    for line, below in zip(lines, [*lines[1:], None], strict=True):
        after = below[0] if below else None
        if not (after and _same_paragraph(after, line[0]) and after.text[:1].islower()):
            after = None
        repaired = repair_line([w.text for w in line], after=after.text if after else None)
        texts.extend(read_roman_numerals(repaired))
    return texts


def _line_key(word: OcrWord) -> tuple[int, int, int]:
    return (word.block, word.paragraph, word.line)


def _same_paragraph(first: OcrWord, second: OcrWord) -> bool:
    return (first.block, first.paragraph) == (second.block, second.paragraph)


def ocr_pages(jobs: Iterable[PageJob], engine: OcrEngine, workers: int | None = None) -> list[Page]:
    """OCR every job, in processes when there is more than one page and core.

    Jobs are taken as they come (a generator renders or decodes each page when asked),
    and at most two per worker are in flight, so memory holds a few page images at a
    time however many pages the document has.
    """
    jobs = iter(jobs)
    first = list(islice(jobs, 2))
    if not first:
        return []
    count = max(1, workers or os.cpu_count() or 1)
    if count <= 1 or len(first) == 1:
        return [ocr_page(number, image, engine) for number, image in chain(first, jobs)]
    # forkserver: workers start from a clean process, not a fork of a threaded parent.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extractors.ocr_pages"])
    pages: list[Page] = []
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            in_flight: deque[Future[Page]] = deque()
            try:
                for number, image in chain(first, jobs):
                    in_flight.append(pool.submit(ocr_page, number, image, engine))
                    if len(in_flight) >= 2 * count:
                        pages.append(in_flight.popleft().result())
                while in_flight:
                    pages.append(in_flight.popleft().result())
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)  # one failed page fails the file
                raise
    except BrokenProcessPool as exc:
        raise OcrError(f"an OCR worker process died: {exc}") from exc
    return pages
