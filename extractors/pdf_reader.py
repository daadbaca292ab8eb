"""PDF pages to `Page`s: the text layer where there is one, OCR where there is not.

Text pages keep their words (pdfplumber) and ruled tables; scanned pages are OCR'd from
the embedded full-page image taken out as it is (lossless and fastest, FACTS.md), or from
a 300 DPI pypdfium2 rendering when the page is not one plain image.
"""

import io
from collections.abc import Callable, Iterator, Sequence
from functools import partial

import numpy as np
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
from extractors.legacy_fonts import decode_words, font_decoders
from extractors.mixed_pages import (
    MIN_TYPED_SHARE,
    scanned_regions,
    typed_share,
    uncovered_bands,
)
from extractors.ocr_pages import MAX_OCR_PIXELS, PageJob, fit_for_ocr
from extractors.pdf_tables import bbox_of, ruled_tables
from extractors.pixel_budget import check_size
from extractors.text_layer_quality import measure, unreadable_reason
from schemas.document_text import BBox, Page, PageSource, Word
from schemas.extracted import READ_WITH_OCR

MAX_PAGES = 500
MIN_TEXT_CHARS = 20  # fewer real characters than this is a scan with a stray label
RENDER_DPI = 300
FULL_PAGE = 0.85  # an image covering this share of the page is the page
_INVISIBLE = "invisible OCR layer"


def pdf_pages(
    data: bytes,
    *,
    max_pages: int = MAX_PAGES,
    warnings: list[str] | None = None,
    mixed: dict[int, list[BBox]] | None = None,
) -> tuple[list[Page], Iterator[PageJob]]:
    """Text-layer pages now, and the other pages' images one at a time as they are asked
    for (each rendered when the OCR pool is ready for it), so memory holds a few pages.

    A page whose text layer is garbage (unmapped glyphs, not Vietnamese words, a poor
    invisible OCR layer) is OCR'd instead, and `warnings` (when given) says so. When
    `mixed` is given, pages that also carry scanned images are OCR'd too (their text page
    is returned as well) and `mixed` maps their number to the images' boxes, for
    `mixed_pages.merge`.
    """
    data = pdf_body(data)
    document = open_pdf(data)
    try:
        count = len(document)
        if count == 0:
            raise EmptyDocumentError("the PDF has no pages")
        if count > max_pages:
            raise TooLargeError(f"the PDF has {count} pages; the limit is {max_pages}")
        text_pages, rejected, regions = _read_text_layer(data, count, document)
    except BaseException:
        document.close()
        raise
    if warnings is not None:
        warnings.extend(f"page {i + 1}: {why}{READ_WITH_OCR}" for i, why in rejected.items())
    if mixed is not None:
        mixed.update({index + 1: boxes for index, boxes in regions.items()})
    scanned = [
        index
        for index in range(count)
        if index not in text_pages or (mixed is not None and index in regions)
    ]

    def images() -> Iterator[PageJob]:
        try:
            for index in scanned:
                yield index + 1, ocr_image(document[index])
        finally:
            document.close()

    return list(text_pages.values()), images()


def pdf_body(data: bytes) -> bytes:
    """The file from its `%PDF-` header on: archives hold PDFs behind a mail or HTTP header
    or a scanner's junk, and their cross-reference offsets count from the header (pdfium
    copes, pdfminer does not, and would lose the text layer)."""
    start = data.find(b"%PDF-", 0, 1024)
    return data[start:] if start > 0 else data


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The PDF opened by PDFium, or the typed error that says why it cannot be."""
    data = pdf_body(data)
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


def _read_text_layer(
    data: bytes, count: int, document: pdfium.PdfDocument
) -> tuple[dict[int, Page], dict[int, str], dict[int, list[BBox]]]:
    """Pages (by index) with a usable text layer, why the other layers were refused (pages
    without any text layer are neither), and the scanned parts of text pages; pdfium
    already vouched for the file."""
    pages: dict[int, Page] = {}
    rejected: dict[int, str] = {}
    mixed: dict[int, list[BBox]] = {}
    hidden: set[int] = set()  # pages kept from an invisible OCR layer
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, plumber_page in enumerate(pdf.pages[:count]):
                page = _text_page(index + 1, plumber_page, partial(_pdfium_page, document, index))
                if isinstance(page, str):
                    rejected[index] = page
                if not isinstance(page, Page):
                    continue
                regions = _scanned_parts(plumber_page, page, partial(_pdfium_page, document, index))
                if regions is None:
                    continue  # a scan with a little typed text: OCR'd whole
                pages[index] = page
                if regions:
                    mixed[index] = regions
                if _has_page_image(plumber_page) and invisible_text(_pdfium_page(document, index)):
                    hidden.add(index)
    except ExtractionError:
        raise
    except Exception as exc:
        if _is_password_error(exc):
            raise EncryptedPdfError("the PDF is encrypted and needs a password") from exc
        # pdfium can render what pdfminer cannot parse: fall back to OCR for those pages.
        return pages, rejected, mixed
    _same_scanner(pages, rejected, hidden)
    return pages, rejected, mixed


def _same_scanner(pages: dict[int, Page], rejected: dict[int, str], hidden: set[int]) -> None:
    """One scanner made every page's invisible layer: when one page's is refused as poor,
    the others' are as poor where the test could not see it (a list of names whose marks
    were lost still reads as syllables), so they are OCR'd as well."""
    poor = sorted(i for i, why in rejected.items() if why.startswith(_INVISIBLE))
    if not poor:
        return
    for index in sorted(hidden):
        del pages[index]
        rejected[index] = f"{_INVISIBLE} unreadable (poor on page {poor[0] + 1})"


def _scanned_parts(
    plumber_page: pdfplumber.page.Page, page: Page, pdfium_page: Callable[[], pdfium.PdfPage]
) -> list[BBox] | None:
    """Large images without text over them ([] when none), or None when the typed text
    covers so little of the page beside them that the page is better OCR'd whole. A
    scan under an invisible OCR layer good enough to keep has no scanned part."""
    if not plumber_page.images:
        return []
    if _has_page_image(plumber_page) and invisible_text(pdfium_page()):
        return []
    area = float(plumber_page.width) * float(plumber_page.height)
    images = [bbox_of((i["x0"], i["top"], i["x1"], i["bottom"])) for i in plumber_page.images]
    chars = [bbox_of((c["x0"], c["top"], c["x1"], c["bottom"])) for c in plumber_page.chars]
    regions = scanned_regions(images, chars, area)
    if not regions and _has_page_image(plumber_page):
        regions = _scanned_bands(pdfium_page(), images, chars, area)
    if not regions:
        return []
    typed = [w.bbox for line in page.lines for w in line.words if w.bbox is not None]
    typed += [t.bbox for t in page.tables if t.bbox is not None]
    return None if typed_share(typed, regions, area) < MIN_TYPED_SHARE else regions


def _pdfium_page(document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    return document[index]


def _text_page(
    number: int, plumber_page: pdfplumber.page.Page, pdfium_page: Callable[[], pdfium.PdfPage]
) -> Page | str | None:
    """The page read from its text layer; or why its layer is refused; or None (no layer)."""
    chars = [c for c in plumber_page.chars if str(c.get("text", "")).strip()]
    unmapped = sum(1 for c in chars if str(c.get("text", "")).startswith("(cid:"))
    if len(chars) - unmapped < MIN_TEXT_CHARS:
        return "text layer unreadable (unmapped glyphs)" if unmapped >= MIN_TEXT_CHARS else None
    raw_words = plumber_page.extract_words(
        use_text_flow=False, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    fonts = [(str(w["text"]), str(w.get("fontname", ""))) for w in raw_words]
    decoders = font_decoders(fonts)
    texts = decode_words(fonts, decoders, [round(float(w["top"])) for w in raw_words])
    decoded = None
    if decoders:
        decoded = [
            (bbox_of((w["x0"], w["top"], w["x1"], w["bottom"])), text)
            for w, text in zip(raw_words, texts, strict=True)
        ]
    tables = ruled_tables(plumber_page, decoded)
    invisible = _has_page_image(plumber_page) and invisible_text(pdfium_page())
    why = unreadable_reason(measure(texts), invisible=invisible)
    if why is not None:
        layer = _INVISIBLE if invisible else "text layer"
        return f"{layer} unreadable ({why})"
    words: list[Word] = []
    groups: list[tuple[str, int]] = []
    for w, text in zip(raw_words, texts, strict=True):
        box = (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
        if any(_inside(box, t.bbox) for t in tables):
            continue
        words.append(Word(text=text, bbox=box))
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


def _has_page_image(plumber_page: pdfplumber.page.Page) -> bool:
    """An image covering (nearly) the whole page: a scan, perhaps under an OCR layer."""
    area = float(plumber_page.width) * float(plumber_page.height)
    return any(
        (float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"]))
        >= FULL_PAGE * area
        for i in plumber_page.images
    )


INVISIBLE_SHARE = 0.8  # a scanner may print a visible stamp line over its OCR layer


INK_WIDTH = 600  # pixels across the page image when looking for its printed rows


def _scanned_bands(
    page: pdfium.PdfPage, images: Sequence[BBox], chars: Sequence[BBox], area: float
) -> list[BBox]:
    """Where the page-wide image under a visible text layer shows print the layer lacks."""
    biggest = max(images, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    objects = [o for o in page.get_objects(max_depth=1) if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if len(objects) != 1:
        return []
    image = objects[0]
    assert isinstance(image, pdfium.PdfImage)
    try:
        pixels = image.get_bitmap(render=False).to_pil().convert("L")
    except (pdfium.PdfiumError, ValueError, OSError):
        return []
    if not _looks_like_page(pixels, page):
        return []
    factor = INK_WIDTH / pixels.width
    small = np.asarray(pixels.resize((INK_WIDTH, max(1, round(pixels.height * factor)))))
    ink = (small < 128).mean(axis=1) > 0.002
    return uncovered_bands([bool(v) for v in ink], biggest, chars)


def invisible_text(page: pdfium.PdfPage) -> bool:
    """The page's text is drawn invisibly (render mode 3): a scanner's OCR layer."""
    modes = [
        pdfium_c.FPDFTextObj_GetTextRenderMode(o.raw)
        for o in page.get_objects(max_depth=2)
        if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT
    ]
    hidden = sum(1 for m in modes if m == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    return bool(modes) and hidden >= INVISIBLE_SHARE * len(modes)


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
    if len(images) != 1 or (texts and not _all_invisible(texts)):
        return None  # visible text drawn over the image: render the page as it looks
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
        return None  # a filter the raw path cannot decode: the page is rendered instead
    if not _looks_like_page(extracted, page):
        return None
    return extracted


def _all_invisible(texts: Sequence[pdfium.PdfObject]) -> bool:
    return all(
        pdfium_c.FPDFTextObj_GetTextRenderMode(o.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        for o in texts
    )


CHECK_SCALE = 0.25  # 18 DPI: enough to see the page's light and dark, a few ms to render
MAX_DISAGREEMENT = 48.0  # mean gray-level difference between image and page, 0..255


def _looks_like_page(image: Image.Image, page: pdfium.PdfPage) -> bool:
    """The image as stored shows what the page shows: a stencil mask (JBIG2 and CCITT
    scans are often stored as one), a `/Decode` inversion or a colour key can make the
    raw pixels the negative of the page, which OCR reads as nothing."""
    rendered = np.asarray(page.render(scale=CHECK_SCALE, grayscale=True).to_pil().convert("L"))
    height, width = rendered.shape
    small = image.convert("L").resize((width, height), Image.Resampling.BOX)
    difference = np.abs(np.asarray(small, dtype=np.int16) - rendered.astype(np.int16))
    return float(difference.mean()) <= MAX_DISAGREEMENT
