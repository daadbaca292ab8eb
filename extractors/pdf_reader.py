"""PDF pages to `Page`s: the text layer where there is one, OCR where there is not.

Text pages keep their words (pdfplumber) and ruled tables; scanned pages are OCR'd from
the embedded full-page image taken out as it is (lossless and fastest, FACTS.md), or from
a 300 DPI pypdfium2 rendering when the page is not one plain image.
"""

import io
import unicodedata
from collections.abc import Iterator, Sequence

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractors.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedPdfError,
    ExtractionError,
    TooLargeError,
)
from extractors.layout import table_position, words_to_lines
from extractors.ocr_pages import MAX_OCR_PIXELS, PageJob, fit_for_ocr
from extractors.pixel_budget import check_size
from schemas.document_text import BBox, Cell, Page, PageSource, Table, TableRow, Word

MAX_PAGES = 500
MIN_TEXT_CHARS = 20  # fewer real characters than this is a scan with a stray label
RENDER_DPI = 300
FULL_PAGE = 0.85  # an image covering this share of the page is the page


def pdf_pages(data: bytes, *, max_pages: int = MAX_PAGES) -> tuple[list[Page], Iterator[PageJob]]:
    """Text-layer pages now, and the other pages' images one at a time as they are asked
    for (each rendered when the OCR pool is ready for it), so memory holds a few pages."""
    document = open_pdf(data)
    try:
        count = len(document)
        if count == 0:
            raise EmptyDocumentError("the PDF has no pages")
        if count > max_pages:
            raise TooLargeError(f"the PDF has {count} pages; the limit is {max_pages}")
        text_pages = _read_text_layer(data, count)
    except BaseException:
        document.close()
        raise
    scanned = [index for index in range(count) if index not in text_pages]

    def images() -> Iterator[PageJob]:
        try:
            for index in scanned:
                yield index + 1, ocr_image(document[index])
        finally:
            document.close()

    return list(text_pages.values()), images()


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The PDF opened by PDFium, or the typed error that says why it cannot be."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's error code is process-global and can be stale (a zero-page file
        # reports the previous file's error), so pdfminer has the second word.
        pages, password = _pdfminer_verdict(data)
        if pages == 0:
            raise EmptyDocumentError("the PDF has no pages") from exc
        if password or (
            pages is None and getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD
        ):
            raise EncryptedPdfError("the PDF is encrypted and needs a password") from exc
        raise CorruptFileError(f"the PDF cannot be read: {exc}") from exc


def _pdfminer_verdict(data: bytes) -> tuple[int | None, bool]:
    """(page count or None if unreadable, whether pdfminer asked for a password)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages), False
    except Exception as exc:
        return None, _is_password_error(exc)


def _is_password_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if "password" in type(seen).__name__.lower() or "password" in str(seen).lower():
            return True
        inner = [a for a in getattr(seen, "args", ()) if isinstance(a, BaseException)]
        seen = inner[0] if inner else (seen.__cause__ or seen.__context__)
    return False


def _read_text_layer(data: bytes, count: int) -> dict[int, Page]:
    """Pages (by index) that have a usable text layer; pdfium already vouched for the file."""
    pages: dict[int, Page] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, plumber_page in enumerate(pdf.pages[:count]):
                page = _text_page(index + 1, plumber_page)
                if page is not None:
                    pages[index] = page
    except ExtractionError:
        raise
    except Exception as exc:
        if _is_password_error(exc):
            raise EncryptedPdfError("the PDF is encrypted and needs a password") from exc
        # pdfium can render what pdfminer cannot parse: fall back to OCR for those pages.
        return pages
    return pages


def _text_page(number: int, plumber_page: pdfplumber.page.Page) -> Page | None:
    chars = [c for c in plumber_page.chars if str(c.get("text", "")).strip()]
    unmapped = sum(1 for c in chars if str(c.get("text", "")).startswith("(cid:"))
    if len(chars) - unmapped < MIN_TEXT_CHARS or unmapped > 0.3 * len(chars):
        return None
    tables = _tables(plumber_page)
    raw_words = plumber_page.extract_words(
        use_text_flow=False, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    words: list[Word] = []
    groups: list[tuple[str, int]] = []
    for w in raw_words:
        box = (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
        if any(_inside(box, t.bbox) for t in tables):
            continue
        words.append(Word(text=unicodedata.normalize("NFC", str(w["text"])), bbox=box))
        groups.append((str(w.get("fontname", "")), round(float(w.get("size", 0)))))
    width = float(plumber_page.width)
    lines = words_to_lines(words, width, groups=groups)
    for table in tables:
        table.position = table_position(lines, table.bbox)
    return Page(
        number=number,
        source=PageSource.text_layer,
        width=width,
        height=float(plumber_page.height),
        lines=lines,
        tables=tables,
    )


def _tables(plumber_page: pdfplumber.page.Page) -> list[Table]:
    """Ruled tables only; gridless ones stay as lines for the parser to read by position."""
    tables: list[Table] = []
    for found in plumber_page.find_tables(
        {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    ):
        texts = found.extract()
        rows: list[TableRow] = []
        for row, row_texts in zip(found.rows, texts, strict=False):
            cells = [
                Cell(text=_cell_text(text), bbox=_box(bbox))
                for bbox, text in zip(row.cells, row_texts, strict=False)
                if bbox is not None  # None: covered by a merged cell to its left or above
            ]
            if cells:
                rows.append(TableRow(cells=cells, bbox=_box(row.bbox)))
        if len(rows) < 2 and all(len(r.cells) < 2 for r in rows):
            continue  # a framed box, not a table
        tables.append(Table(rows=rows, bbox=_box(found.bbox)))
    return tables


def _cell_text(text: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def _box(raw: Sequence[float]) -> BBox:
    return (float(raw[0]), float(raw[1]), float(raw[2]), float(raw[3]))


def _inside(box: BBox, outer: BBox | None) -> bool:
    if outer is None:
        return False
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= cx <= outer[2] and outer[1] <= cy <= outer[3]


def ocr_image(page: pdfium.PdfPage) -> Image.Image:
    """The image OCR reads of a scanned page: its single full-page image as stored, else
    a 300 DPI rendering; pages so large they would pass `MAX_OCR_PIXELS` are taken smaller.
    Public because the page shown on screen must be this very image (`page_view`)."""
    image = _full_page_image(page)
    if image is not None:
        return fit_for_ocr(image)
    width, height = page.get_size()
    scale = RENDER_DPI / 72
    pixels = width * height * scale * scale
    if pixels > MAX_OCR_PIXELS:
        scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    rendered: Image.Image = bitmap.to_pil()
    return rendered


def _full_page_image(page: pdfium.PdfPage) -> Image.Image | None:
    if page.get_rotation() != 0:
        return None
    objects = list(page.get_objects(max_depth=1))
    images = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    texts = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
    if len(images) != 1 or texts:
        return None
    image = images[0]
    assert isinstance(image, pdfium.PdfImage)
    a, b, c, d, _, _ = image.get_matrix().get()
    if b != 0 or c != 0 or a <= 0 or d <= 0:
        return None  # placed rotated or mirrored: let the renderer apply it
    left, bottom, right, top = image.get_bounds()
    page_width, page_height = page.get_size()
    if (right - left) * (top - bottom) < FULL_PAGE * page_width * page_height:
        return None
    width, height = image.get_px_size()
    check_size(width, height, "the page's image")
    try:
        extracted: Image.Image = image.get_bitmap(render=False).to_pil()
    except (pdfium.PdfiumError, ValueError, OSError):
        return None
    return extracted
