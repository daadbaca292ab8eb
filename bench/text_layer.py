"""What judging text layers costs a normal text PDF: `python -m bench.text_layer [PDF...]`.

Reads each PDF's text pages as the reader does and prints, per page, the time of the
whole text-layer read and of the added checks (legacy-font decoding and the quality
judgement). Without arguments it reads the text PDFs in `samples/`.
"""

import io
import sys
import time
from pathlib import Path

import pdfplumber

from extractors.legacy_fonts import decode_words
from extractors.pdf_reader import pdf_pages
from extractors.text_layer_quality import measure, unreadable_reason

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _checks_ms(data: bytes) -> tuple[int, float]:
    """(pages, milliseconds) spent in the checks alone, words extracted beforehand."""
    spent = 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname"])
            pairs = [(str(w["text"]), str(w["fontname"])) for w in words]
            start = time.perf_counter()
            unreadable_reason(measure(decode_words(pairs)))
            spent += time.perf_counter() - start
        return len(pdf.pages), spent * 1000


def main(paths: list[Path]) -> None:
    total_pages, total_read, total_checks = 0, 0.0, 0.0
    for path in paths:
        data = path.read_bytes()
        start = time.perf_counter()
        pdf_pages(data)
        read_ms = (time.perf_counter() - start) * 1000
        pages, checks_ms = _checks_ms(data)
        total_pages, total_read, total_checks = (
            total_pages + pages,
            total_read + read_ms,
            total_checks + checks_ms,
        )
        print(
            f"{path.name}: {pages} pages, read {read_ms / pages:.1f} ms/page, "
            f"checks {checks_ms / pages:.2f} ms/page"
        )
    if total_pages:
        print(
            f"all: {total_pages} pages, read {total_read / total_pages:.1f} ms/page, checks "
            f"{total_checks / total_pages:.2f} ms/page "
            f"({100 * total_checks / total_read:.1f}% of the read)"
        )


if __name__ == "__main__":
    given = [Path(arg) for arg in sys.argv[1:]]
    main(given or sorted(SAMPLES.glob("*_textpdf_*.pdf")))
