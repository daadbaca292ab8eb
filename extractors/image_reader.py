"""Image files (PNG, JPEG, multi-page TIFF) to page images for OCR.

Pillow's decompression-bomb guard stays on; its warning band (between the limit and
twice the limit) is treated as an error too, so a crafted image is refused, not decoded.
"""

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from extractors.errors import CorruptFileError, EmptyDocumentError, TooLargeError
from extractors.ocr_pages import PageJob, fit_for_ocr
from extractors.pixel_budget import check_image

MAX_FRAMES = 500


@contextmanager
def open_image(data: bytes) -> Iterator[Image.Image]:
    """The image opened with the bomb guard on and damage reported as typed errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                check_image(image)
                yield image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise TooLargeError(f"the image has too many pixels: {exc}") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise CorruptFileError(f"the image cannot be read: {exc}") from exc


def image_pages(data: bytes, *, max_frames: int = MAX_FRAMES) -> Iterator[PageJob]:
    """Frames one at a time as they are asked for, upright and no larger than OCR needs."""
    found = False
    with open_image(data) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= max_frames:
                raise TooLargeError(f"the image has more than {max_frames} pages")
            found = True
            yield index + 1, _for_ocr(frame)
    if not found:
        raise EmptyDocumentError("the image has no frames")


def image_page(data: bytes, number: int) -> Image.Image:
    """Frame `number` (1-based) as `image_pages` gives it, without decoding the ones before."""
    with open_image(data) as image:
        try:
            image.seek(number - 1)
        except EOFError:
            raise EmptyDocumentError(f"the image has no page {number}") from None
        return _for_ocr(image)


def _for_ocr(frame: Image.Image) -> Image.Image:
    frame.load()
    upright = ImageOps.exif_transpose(frame)
    return fit_for_ocr(upright.copy())
