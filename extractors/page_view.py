"""A page as a picture in the geometry of its boxes, for showing evidence on screen.

Boxes are in page units (`schemas.document_text`): PDF points on text-layer pages; on
OCR pages, pixels of the image OCR read, turned by `Page.rotation` and, for a phone
photo, with the sheet flattened. The picture made here has the same geometry, so a box
divided by the page's width and height lands on it as fractions. (OCR's small deskew
turns are not undone: a box is off by a pixel or two at most.)
"""

from __future__ import annotations

from PIL import Image

from extractors import sniff
from extractors.image_reader import image_page
from extractors.page_image import to_gray
from extractors.page_outline import straighten_photo
from extractors.pdf_reader import ocr_image, open_pdf
from extractors.pixel_budget import view_scale
from schemas.document_text import Page, PageSource

SCREEN_WIDTH = 1600  # px: sharp on a laptop beside the fields, small enough to load fast


class NoPageImageError(ValueError):
    """The page has no picture: a Word file has text but no page geometry."""


def page_view(data: bytes, page: Page, *, max_width: int = SCREEN_WIDTH) -> Image.Image:
    """The page of the original file `data` that `page` was read from, RGB or L, at most
    `max_width` pixels wide, with `page.width × page.height` its aspect ratio."""
    if page.source == PageSource.docx:
        raise NoPageImageError(f"page {page.number} comes from a Word file: it has no image")
    if page.width is None or page.height is None:
        raise NoPageImageError(f"page {page.number} has no size")
    if page.source == PageSource.text_layer:
        return _render(
            data, page.number, scale=view_scale(page.width, page.height, max_width / page.width)
        )
    if sniff.sniff_media_type(data) == sniff.PDF:
        document = open_pdf(data)
        try:
            image = ocr_image(document[page.number - 1])
        finally:
            document.close()
    else:
        image = image_page(data, page.number)
    if page.rotation:
        image = image.rotate(page.rotation, expand=True)
    size = (page.width, page.height)
    if not _fits(image, size):
        # Whether OCR flattened a photo is not stored; the page's size tells (it is the
        # flattened sheet's size then), and `straighten_photo` finds the same sheet again.
        flat = straighten_photo(image, to_gray(image))
        if flat is not None and _fits(flat, size):
            image = flat
    return _shrink(_for_screen(image), max_width)


def _render(data: bytes, number: int, *, scale: float) -> Image.Image:
    document = open_pdf(data)
    try:
        rendered: Image.Image = document[number - 1].render(scale=scale).to_pil()
    finally:
        document.close()
    return rendered


def _fits(image: Image.Image, size: tuple[float, float]) -> bool:
    return abs(image.width - size[0]) <= 1 and abs(image.height - size[1]) <= 1


def _for_screen(image: Image.Image) -> Image.Image:
    """RGB or L, what JPEG holds; transparency on white, 16-bit scans stretched to 8."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("1", "I", "I;16", "I;16B", "I;16L", "F"):
        return Image.fromarray(to_gray(image))
    rgba = image.convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")


def _shrink(image: Image.Image, max_width: int) -> Image.Image:
    if image.width <= max_width:
        return image
    size = (max_width, max(1, round(image.height * max_width / image.width)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
