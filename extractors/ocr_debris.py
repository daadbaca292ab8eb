"""What OCR reads off a page that is not print: erased borders, specks, the scan's edge.

Tesseract turns marks that are not letters into words: a table border it was left with
(`|`, `_`), a speck (a `,` two pixels wide), the dark edge of a photocopy or scan
(a column of `l`, `\\`, `ì` down the margin), a stroke glued to a word (`|Huỳnh`,
`Thị]`). Left in, they become lines and words a parser takes for list items and names.
Removed here, before tone repair and layout, by shape and position alone.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

from extractors.ocr_engine import OcrWord

_RULING_DEBRIS = re.compile(r"[|_=~—¦]+")
_STROKE_BEFORE = re.compile(r"^[|¦\[]+(?=\w)")
_STROKE_AFTER = re.compile(r"(?<=\w)[|¦\]]+(?=[,.;:]?$)")
EDGE_BAND = 0.015  # share of the page's width and height: nothing is printed this close
TINY = 0.15  # × typical word height: a "word" this small both ways is a speck


def strip_strokes(text: str) -> str:
    """A word without the ruling strokes glued to it (`|Huỳnh` → `Huỳnh`, `Thị]` → `Thị`).

    Brackets go only when unmatched in the word: `[1]` and `(a)` stay.
    """
    if "[" in text and "]" in text:
        return text
    stripped = _STROKE_AFTER.sub("", _STROKE_BEFORE.sub("", text))
    return stripped or text


def clean_words(words: Sequence[OcrWord], width: int, height: int) -> list[OcrWord]:
    """The words that are print, strokes stripped from their edges."""
    if not words:
        return []
    typical = statistics.median(w.bbox[3] - w.bbox[1] for w in words) or 1.0
    band_x, band_y = EDGE_BAND * width, EDGE_BAND * height
    kept: list[OcrWord] = []
    for word in words:
        if _RULING_DEBRIS.fullmatch(word.text):
            continue
        x0, y0, x1, y1 = word.bbox
        if max(x1 - x0, y1 - y0) < TINY * typical:
            continue
        if x0 >= width - band_x or x1 <= band_x or y0 >= height - band_y or y1 <= band_y:
            continue
        text = strip_strokes(word.text)
        kept.append(word if text == word.text else replace(word, text=text))
    return kept
