"""How many pixels one picture may have when decoded or drawn, checked before it is.

Pillow's `Image.open` reads only the header, and a PDF image's size is in its dictionary,
so the size is known before a byte is inflated. A 1 KB PNG can declare 9000 × 9000 and
a PDF can hold a 30000² image; decoded, with the copies OCR preparation makes, either
takes a worker to gigabytes. A JPEG is decoded smaller (`draft`) instead of refused.
"""

from __future__ import annotations

from PIL import Image

from extractors.errors import TooLargeError

# An A3 sheet at 400 DPI, or A4 at 600 DPI, is 31-35 MP; a decoded page stays under
# ~150 MB and OCR preparation under the 1 GB a worker may use.
MAX_DECODE_PIXELS = 40_000_000
# A page drawn for the screen: 1600 px wide and up to 6 screens tall.
MAX_VIEW_PIXELS = 16_000_000


def check_image(image: Image.Image, what: str = "the image") -> None:
    """Refuse (`TooLargeError`) an opened, not yet decoded image past the pixel budget;
    a JPEG is set to decode at the largest power-of-two reduction that fits instead."""
    width, height = image.size
    if width * height <= MAX_DECODE_PIXELS:
        return
    if image.format == "JPEG":
        factor = 1
        while (width // factor) * (height // factor) > MAX_DECODE_PIXELS and factor < 8:
            factor *= 2
        image.draft(image.mode, (width // factor, height // factor))
        if image.size[0] * image.size[1] <= MAX_DECODE_PIXELS:
            return
    raise TooLargeError(_message(what, width, height))


def check_size(width: float, height: float, what: str = "the image") -> None:
    """Refuse a picture of `width × height` pixels past the budget before decoding it."""
    if width * height > MAX_DECODE_PIXELS:
        raise TooLargeError(_message(what, int(width), int(height)))


def view_scale(width: float, height: float, wanted: float) -> float:
    """`wanted`, or less so that the drawn page has at most `MAX_VIEW_PIXELS`."""
    pixels = width * height * wanted * wanted
    if pixels <= MAX_VIEW_PIXELS:
        return wanted
    return float(wanted * (MAX_VIEW_PIXELS / pixels) ** 0.5) * 0.995  # rounding up stays in


def _message(what: str, width: int, height: int) -> str:
    return (
        f"{what} is {width} × {height} pixels; the limit is "
        f"{MAX_DECODE_PIXELS / 1e6:g} million pixels"
    )
