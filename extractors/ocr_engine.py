"""The OCR seam: what any engine must give the readers.

Concurrency is owned by the caller, not the engine: `recognize` runs in a worker
process (one page at a time, one process per core) and must not add parallelism of its
own — Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`), because OpenMP threads on
top of page processes made a 2-core machine 6× slower (see FACTS.md).
"""

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from PIL import Image


@dataclass(frozen=True)
class OcrWord:
    """One recognized word; `bbox` is `(x0, y0, x1, y1)` in pixels of the image given."""

    text: str
    bbox: tuple[int, int, int, int]
    confidence: float  # 0..1
    block: int = 0
    paragraph: int = 0
    line: int = 0


@dataclass(frozen=True)
class OcrPage:
    """What the engine saw on one image; `mean_confidence` is 0..100 over its words."""

    words: list[OcrWord] = field(default_factory=list)
    mean_confidence: float = 0.0
    width: int = 0
    height: int = 0


@runtime_checkable
class OcrEngine(Protocol):
    """Recognizes text on one page image.

    Implementations must be picklable (they are sent to worker processes), stateless
    between calls, and raise `extractors.errors.OcrError` when recognition fails.
    """

    name: str

    def recognize(self, image: Image.Image) -> OcrPage: ...
