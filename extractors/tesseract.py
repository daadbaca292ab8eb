"""Tesseract behind the `OcrEngine` seam, through pytesseract's TSV output.

Measured choices (FACTS.md): `-l vie` alone (adding `eng` strips tone marks), one
OpenMP thread per process (pages are parallelized in processes instead), and `Ð`
(U+00D0, Icelandic eth) repaired to `Đ` (U+0110), which the `vie` model sometimes emits.
"""

import os
import tempfile
import unicodedata

import pytesseract
from PIL import Image

from extractors.errors import OcrError
from extractors.ocr_engine import OcrPage, OcrWord

_ETH_FIX = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def repair_ocr_text(text: str) -> str:
    """NFC, with the eth look-alikes the `vie` model emits mapped to Đ/đ."""
    return unicodedata.normalize("NFC", text).translate(_ETH_FIX)


class TesseractEngine:
    """Tesseract 5 with the `vie` model; one page per call, single-threaded."""

    def __init__(self, *, lang: str = "vie", psm: int = 3, timeout: float = 300.0) -> None:
        self.lang = lang
        self.psm = psm
        self.timeout = timeout
        try:
            version = pytesseract.get_tesseract_version()
        except (pytesseract.TesseractNotFoundError, OSError) as exc:
            raise OcrError(f"tesseract is not installed or not on PATH: {exc}") from exc
        self.name = f"tesseract {version}"

    def recognize(self, image: Image.Image) -> OcrPage:
        # pytesseract passes our environment to its subprocess; OpenMP threads on top of
        # page worker processes oversubscribe the cores (8.6 s vs 1.3 s a page).
        os.environ["OMP_THREAD_LIMIT"] = "1"
        # Handed over as an uncompressed PNM file: a page's PNG costs ~0.1 s to write
        # and as much to read back, a PNM ~0.01 s (pytesseract would write a PNG).
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        with tempfile.TemporaryDirectory(prefix="tdkt-ocr-") as folder:
            path = os.path.join(folder, "page.pgm" if image.mode == "L" else "page.ppm")
            image.save(path, format="PPM")
            return self._recognize_file(path, image.width, image.height)

    def _recognize_file(self, path: str, width: int, height: int) -> OcrPage:
        try:
            data = pytesseract.image_to_data(
                path,
                lang=self.lang,
                config=f"--psm {self.psm}",
                output_type=pytesseract.Output.DICT,
                timeout=self.timeout,
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrError(f"tesseract is not installed or not on PATH: {exc}") from exc
        except (pytesseract.TesseractError, OSError) as exc:
            raise OcrError(f"tesseract failed: {exc}") from exc
        except RuntimeError as exc:  # pytesseract's timeout is a bare RuntimeError
            raise OcrError(f"tesseract timed out after {self.timeout:.0f} s") from exc
        return _to_page(data, width, height)


def _to_page(data: dict[str, list[object]], width: int, height: int) -> OcrPage:
    words: list[OcrWord] = []
    for i, raw in enumerate(data["text"]):
        text = repair_ocr_text(str(raw)).strip()
        conf = float(str(data["conf"][i]))
        if not text or conf < 0:
            continue
        left, top = int(str(data["left"][i])), int(str(data["top"][i]))
        w, h = int(str(data["width"][i])), int(str(data["height"][i]))
        words.append(
            OcrWord(
                text=text,
                bbox=(left, top, left + w, top + h),
                confidence=max(0.0, min(conf, 100.0)) / 100.0,
                block=int(str(data["block_num"][i])),
                paragraph=int(str(data["par_num"][i])),
                line=int(str(data["line_num"][i])),
            )
        )
    mean = 100.0 * sum(w.confidence for w in words) / len(words) if words else 0.0
    return OcrPage(words=words, mean_confidence=mean, width=width, height=height)
